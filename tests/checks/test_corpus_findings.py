"""Checks over the corpus: every inconsistency a gold note records is found, with the right
rule and cell paths; consistent documents raise no error; checks never change a cell."""

import pytest

from service import parsing
from service.documents import parse_report
from conftest import CORPUS_DIRS, corpus_gold, corpus_text

APP = "tables.applications.rows"
REV = "tables.reviews_and_lawsuits.rows"
AD = "tables.active_disclosure.rows"

# From the gold notes: (rule, cell paths that must be among the finding's paths).
RECORDED_INCONSISTENCIES = {
    "hongze-2023": [
        ("reviews.row_total", {f"{REV}.review.total", f"{REV}.review.upheld", f"{REV}.review.corrected"}),
        ("reviews.row_total", {f"{REV}.lawsuit_after_review.total", f"{REV}.lawsuit_after_review.upheld"}),
    ],
    "seed-000": [
        ("prose.table_figure", {f"{APP}.new_received.total"}),          # 收到…申请0件 vs 1
    ],
    "seed-004": [
        ("active_disclosure.total_not_below_new", {f"{AD}.normative_documents.total_published",
                                                   f"{AD}.normative_documents.new_published"}),
        ("prose.table_figure", {f"{APP}.new_received.total"}),          # 依申请公开 10 项 vs 0
        ("structure.row_width", {f"{REV}.lawsuit_after_review.total"}),  # 16 values for 15 columns
    ],
    "putian-city-2019": [
        ("prose.table_figure", {f"{APP}.denied_state_secret.total", f"{APP}.denied_inquiry_matters.total"}),
    ],
}
READ_DOCUMENTS = [doc for doc in CORPUS_DIRS if "run-together-cells" not in (corpus_gold(doc).get("tags") or [])]


def failures(result):
    return [check for check in result["checks"] if check["status"] == "fail"]


@pytest.mark.parametrize("doc", [d for d in CORPUS_DIRS if d.name in RECORDED_INCONSISTENCIES], ids=lambda d: d.name)
def test_recorded_inconsistencies_are_found(doc):
    found = failures(parse_report(corpus_text(doc)))
    for rule, paths in RECORDED_INCONSISTENCIES[doc.name]:
        matches = [check for check in found if check["rule"] == rule and paths <= set(check["paths"])]
        assert matches, (rule, paths, [(c["rule"], c["paths"]) for c in found])
        check = matches[0]
        assert check["severity"] == ("error" if rule.endswith("row_total") else "warning")
        assert check["message"]["zh"] and check["message"]["en"]
        assert check["lines"], check
        assert set(check["values"]) == set(check["paths"])


def test_prose_findings_quote_the_narrative_with_its_line():
    text = corpus_text(next(d for d in CORPUS_DIRS if d.name == "seed-000"))
    check = next(c for c in failures(parse_report(text)) if c["rule"] == "prose.table_figure"
                 and c["paths"] == [f"{APP}.new_received.total"])
    assert (check["expected"], check["actual"]) == (1, 0)
    excerpt, table = check["excerpts"]
    assert "0件" in excerpt["text"] and "收到" in text.splitlines()[excerpt["line"] - 1]
    assert 126 in check["lines"]                                     # the table cell's line
    assert table == {"text": "一、本年新收政府信息公开申请数量（总计）: 1", "line": 126}


def test_hongze_review_totals_report_expected_and_actual():
    text = corpus_text(next(d for d in CORPUS_DIRS if d.name == "hongze-2023"))
    check = next(c for c in failures(parse_report(text)) if f"{REV}.review.total" in c["paths"])
    assert (check["expected"], check["actual"]) == (11, 0)
    assert check["values"][f"{REV}.review.upheld"] == 10
    assert check["lines"] == [149]


@pytest.mark.parametrize("doc", [d for d in READ_DOCUMENTS if d.name != "hongze-2023"], ids=lambda d: d.name)
def test_documents_whose_tables_add_up_raise_no_error(doc):
    errors = [c for c in failures(parse_report(corpus_text(doc))) if c["severity"] == "error"]
    assert errors == []


@pytest.mark.parametrize("doc", READ_DOCUMENTS, ids=lambda d: d.name)
def test_a_finding_never_changes_a_cell(doc):
    text = corpus_text(doc)
    with_checks, without = parse_report(text), parsing.parse_report(text)
    assert with_checks["tables"] == without["tables"]
    assert without["checks"] == []
    for check in with_checks["checks"]:
        for path, value in check["values"].items():
            _, table, _, row, column = path.split(".")
            rows = (with_checks["tables"][table] or {}).get("rows", {})
            assert rows.get(row, {}).get(column) == value


@pytest.mark.parametrize("doc", CORPUS_DIRS, ids=lambda d: d.name)
def test_every_check_has_the_shape(doc):
    from service.checks import RULES, SEVERITIES, STATUSES
    for check in parse_report(corpus_text(doc))["checks"]:
        assert check["rule"] in RULES and check["status"] in STATUSES
        assert (check["severity"] in SEVERITIES) == (check["status"] == "fail")
        if check["status"] == "fail":
            assert check["severity"] == RULES[check["rule"]][0]
