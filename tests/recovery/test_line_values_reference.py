"""table_order's reading of one line (`_line_values`) and its garbled test (`garbled`) give what
they gave before they were written without a list per line (issue 12, recovery): the old code is
kept below as the reference, compared over every line of the corpus texts and generated lines."""

from pathlib import Path

from hypothesis import given, settings, strategies as st

from service.parsing.cells import parse_line
from service.parsing.numbers import BLANK, GARBLED, NUMBER, TEXT, to_output
from service.parsing.table_order import _line_values, garbled

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def reference_line_values(text, amount) -> tuple:
    """THE REFERENCE: table_order._line_values before (main at 1499bde)."""
    parsed = parse_line(text) if text.strip() else ()
    values = [cell for cell in parsed if cell[0] != TEXT]
    if any(cell[0] == GARBLED for cell in values):
        return True, False, ()
    pairs = tuple((to_output(value, unit, amount=amount) if kind == NUMBER else None, cell_text)
                  for kind, cell_text, value, unit in values if kind in (NUMBER, BLANK))
    return False, bool(parsed) and len(values) == len(parsed), pairs


def same(found, expected):
    # (the values with their types: 3 and 3.0 are different answers)
    assert found == expected
    assert [value.__class__ for value, _ in found[2]] == [value.__class__ for value, _ in expected[2]]


def test_every_corpus_line_is_read_as_before():
    lines = [line for path in sorted(CORPUS.glob("*/input.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 1000
    for line in lines:
        for amount in (False, True):
            same(_line_values(line, amount), reference_line_values(line, amount))
    assert garbled([(1, line) for line in lines]) == any(reference_line_values(line, False)[0] for line in lines)


TOKENS = ["0", "7", "12", "023", "00", "1.5", "3万元", "20元", "1,200", "—", "-", "/", "无", "0 |", "|",
          "一、本年新收", "（一）", "合计", "2021年", " ", "  ", "\t", "１２", "12.50", "-3", "…"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=8), st.sampled_from([" ", "  ", "\t", " | ", ""]), st.booleans())
def test_generated_lines_are_read_as_before(tokens, separator, amount):
    line = separator.join(tokens)
    same(_line_values(line, amount), reference_line_values(line, amount))
    assert garbled([(1, line)], amount) == reference_line_values(line, amount)[0]
