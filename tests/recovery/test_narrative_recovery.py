"""The review table's rows chosen by the figures its narrative states: a row total holds whichever
row a row's values are read into, so every permutation of a reading's rows is a candidate, and
only the narrative's figures (行政复议 N件, 行政诉讼 N件) can tell them apart."""

import subprocess
from pathlib import Path

import pytest

from service.documents import parse_report
from service.parsing.narrative_recovery import Constraint, choose
from service.parsing.table_order import Value
from tests.recovery.test_corpus_recovery import CORPUS

ROWS = ["review", "lawsuit_direct", "lawsuit_after_review"]
COLUMNS = ["upheld", "corrected", "other", "pending", "total"]
REVIEW = Constraint("reviews", (("review", "total"),), 351, 1)
LAWSUITS = Constraint("lawsuits", (("lawsuit_direct", "total"), ("lawsuit_after_review", "total")), 46, 2)


def reading(*rows):
    return {(r, c): Value(value, str(value), 10 + r) for r, row in enumerate(rows) for c, value in enumerate(row)}


# huaian-2024 read in pieces: the two lawsuit rows come out swapped, every row total holding
SWAPPED = reading((72, 64, 178, 37, 351), (12, 1, 1, 6, 20), (13, 4, 8, 1, 26))


def agreed(kept):
    """{(row index, column index): value} of the cells every kept reading agrees on."""
    return {cell: value.value for cell, value in kept[0].items()
            if all(other[cell].value == value.value for other in kept)} if kept else {}


def test_a_figure_that_pins_the_rows_fills_every_cell():
    distinct = reading((1, 0, 2, 0, 3), (12, 0, 0, 0, 12), (0, 0, 5, 0, 5))
    kept = choose([distinct], ROWS, COLUMNS, {}, [Constraint("reviews", (("review", "total"),), 3, 1),
                                                  Constraint("lawsuits", (("lawsuit_direct", "total"),), 12, 2)])
    assert len(kept) == 1 and agreed(kept)[(2, 2)] == 5 and agreed(kept)[(1, 0)] == 12


def test_a_figure_over_both_lawsuit_rows_leaves_their_order_open():
    kept = choose([SWAPPED], ROWS, COLUMNS, {}, [REVIEW, LAWSUITS])
    cells = agreed(kept)
    assert len(kept) == 2
    assert [cells.get((0, c)) for c in range(5)] == [72, 64, 178, 37, 351]     # the review row is pinned
    assert not any((r, c) in cells for r in (1, 2) for c in range(5))          # the swapped rows are not


def test_no_figure_no_reading():
    assert choose([SWAPPED], ROWS, COLUMNS, {}, []) == []


def test_a_figure_that_contradicts_every_reading_leaves_the_table_alone():
    assert choose([SWAPPED], ROWS, COLUMNS, {}, [Constraint("reviews", (("review", "total"),), 350, 1)]) == []
    # two figures for one quantity that disagree: nothing fits both
    assert choose([SWAPPED], ROWS, COLUMNS, {}, [REVIEW, Constraint("reviews", (("review", "total"),), 20, 3)]) == []


def test_a_row_read_with_its_label_pins_its_cells():
    kept = choose([SWAPPED], ROWS, COLUMNS, {("lawsuit_direct", "total"): 26}, [REVIEW, LAWSUITS])
    assert len(kept) == 1 and agreed(kept)[(1, 4)] == 26 and agreed(kept)[(2, 4)] == 20


HUAIAN = CORPUS / "huaian-2024" / "source.pdf"


@pytest.mark.skipif(not HUAIAN.exists(), reason="the corpus is not here")
def test_a_cell_chosen_by_a_figure_is_not_evidence_for_that_figure():
    text = subprocess.run(["pdftotext", str(HUAIAN), "-"], capture_output=True, text=True, check=True).stdout
    result = parse_report(text)
    path = "tables.reviews_and_lawsuits.rows.review.total"
    assert result["tables"]["reviews_and_lawsuits"]["rows"]["review"]["total"] == 351
    entry = result["provenance"][path]
    assert {"quantity": "reviews", "figure": 351} in [{k: f[k] for k in ("quantity", "figure")} for f in entry["narrative"]]
    # the lawsuit rows stay null: the narrative's 46 is their sum, true of either order
    assert set(result["tables"]["reviews_and_lawsuits"]["rows"]["lawsuit_direct"].values()) == {None}
    check = next(c for c in result["checks"] if c["rule"] == "prose.table_figure" and path in (c.get("paths") or []))
    assert check["status"] == "not_assessable" and "not evidence" in check["message"]["en"]
