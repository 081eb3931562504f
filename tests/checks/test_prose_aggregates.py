"""Narrative figures that mean an aggregate of the table (一 + 二, a whole group) raise nothing;
a figure that fits none is still reported, with the aggregates tried."""

from pathlib import Path

from service.documents import parse_report

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus")
HUAIAN = (CORPUS / "huaian-2024" / "input.txt").read_text("utf-8")    # 一 3119, 二 34; （四） 769 + 11 + 1


def with_sentence(sentence):
    return HUAIAN.replace("一、总体情况\n", "一、总体情况\n" + sentence + "\n", 1)


def prose_checks(sentence):
    """(failures about the sentence, whether a passing prose check quotes it)."""
    checks = [c for c in parse_report(with_sentence(sentence))["checks"] if c["rule"] == "prose.table_figure"]
    quoting = [c for c in checks if any(sentence.rstrip("。") in e["text"] for e in c["excerpts"])]
    return [c for c in quoting if c["status"] == "fail"], any(c["status"] == "pass" for c in quoting)


def test_received_equal_to_new_plus_carried_over_raises_nothing():
    failures, passed = prose_checks("全年共受理政府信息公开申请3153件。")
    assert failures == [] and passed


def test_a_group_figure_named_by_its_first_row_raises_nothing():
    failures, passed = prose_checks("因本机关不掌握等原因无法提供781件。")
    assert failures == [] and passed


def test_a_figure_that_fits_no_aggregate_is_reported_with_what_was_tried():
    failures, _ = prose_checks("全年共受理政府信息公开申请3000件。")
    assert len(failures) == 1 and failures[0]["actual"] == 3000 and failures[0]["expected"] == 3119
    assert "also tried 一 + 二 = 3153" in failures[0]["message"]["en"]


def test_an_exact_row_figure_still_passes_as_the_row():
    failures, passed = prose_checks("全年共受理政府信息公开申请3119件。")
    assert failures == [] and passed
