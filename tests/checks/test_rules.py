"""Each rule on its own: pass, fail and not_assessable, with texts edited from corpus reports."""

import re

from service.checks import compare_results, run_checks
from service.documents import parse_report
from conftest import corpus_doc_named, corpus_text

APP = "tables.applications.rows"


def doc_text(name):
    return corpus_text(corpus_doc_named(name))


def checks_of(result, rule):
    return [check for check in result["checks"] if check["rule"] == rule]


def hand_made(rows):
    """A minimal result holding only an applications table."""
    return {"report": {"year": 2021, "template": "2021", "organization": "X"}, "sections": [], "warnings": [],
            "tables": {"active_disclosure": None, "reviews_and_lawsuits": None,
                       "applications": {"line": 1, "end_line": 2, "rows": rows}}}


def row(total, person=None):
    person = total if person is None else person
    return {"natural_person": person, "commercial_enterprise": 0, "research_institution": 0,
            "social_welfare_org": 0, "legal_service_org": 0, "other_org": 0, "total": total}


def test_balance_pass_fail_and_blank():
    rows = {"new_received": row(5), "carried_over": row(1), "granted": row(4), "total_handled": row(4),
            "carried_forward": row(2)}
    balance = checks_of({"checks": run_checks(hand_made(rows))}, "applications.balance")
    assert len(balance) == 1                         # the seven columns pass: condensed into one check
    assert balance[0]["status"] == "pass" and balance[0]["severity"] is None
    assert len(balance[0]["paths"]) == 4 * 7 and balance[0]["message"]["en"].startswith("7 instances hold")
    rows["carried_forward"] = row(1)
    failed = [c for c in checks_of({"checks": run_checks(hand_made(rows))}, "applications.balance")
              if c["status"] == "fail"]
    assert len(failed) == 2                          # natural_person and total, each a check of its own
    total = next(c for c in failed if c["paths"][0].endswith(".total"))
    assert (total["severity"], total["expected"], total["actual"]) == ("error", 6, 5)
    rows["carried_forward"]["total"] = None
    statuses = {c["status"] for c in checks_of({"checks": run_checks(hand_made(rows))}, "applications.balance")
                if f"{APP}.carried_forward.total" in c["paths"]}
    assert statuses == {"not_assessable"}


def test_row_total_uses_the_six_applicant_columns():
    rows = {"new_received": {**row(5), "commercial_enterprise": 1}}
    check = checks_of({"checks": run_checks(hand_made(rows))}, "applications.row_total")[0]
    assert (check["status"], check["expected"], check["actual"]) == ("fail", 6, 5)


def test_reviews_row_total_on_an_edited_report():
    text = doc_text("huaian-2024").replace("72 64 178 37 351", "72 64 178 37 350")
    check = next(c for c in checks_of(parse_report(text), "reviews.row_total")
                 if c["paths"][-1].endswith("review.total"))
    assert (check["status"], check["expected"], check["actual"]) == ("fail", 351, 350)


def test_template_against_year():
    text = doc_text("seed-002").replace("2020年", "2022年")        # a 2022 report on the 2019 table format
    check = checks_of(parse_report(text), "structure.template_year")[0]
    assert (check["status"], check["severity"]) == ("fail", "warning")
    assert checks_of(parse_report(doc_text("seed-002")), "structure.template_year")[0]["status"] == "pass"


def test_fee_statement_is_info():
    check = checks_of(parse_report(doc_text("seed-001")), "structure.fee_statement")[0]
    assert (check["status"], check["severity"]) == ("fail", "info")
    assert checks_of(parse_report(doc_text("hongze-2023")), "structure.fee_statement")[0]["status"] == "pass"


def test_missing_section_and_table():
    result = parse_report(doc_text("seed-003"))
    missing = [c for c in checks_of(result, "structure.section_present") if c["status"] == "fail"]
    assert len(missing) == 1 and "other_matters" in missing[0]["message"]["en"]
    assert all(c["status"] == "fail" for c in checks_of(result, "structure.table_present"))


def test_prose_is_conservative():
    base = doc_text("hongze-2023")
    same_year = parse_report(base)
    passed = [c for c in checks_of(same_year, "prose.table_figure") if c["status"] == "pass"]
    assert passed and passed[0]["actual"] == 21
    # a figure of another year, a difference, a sub-count: none is compared
    edited = base.replace("2023 年全区受理政府信息公开申请 21 件", "2022 年全区受理政府信息公开申请 15 件，同比增加 6 件")
    assert checks_of(parse_report(edited), "prose.table_figure") == []
    granted = "所有办结的信息公开申请中同意公开答复 9 件，"
    shanghai = parse_report(doc_text("shkewei-2024"))
    handled = [c for c in checks_of(shanghai, "prose.table_figure") if c["paths"] == [f"{APP}.total_handled.total"]]
    assert handled == []                                                # 同意公开答复 9 件 is not the total
    assert granted.replace(" ", "")[:6] in "".join(doc_text("shkewei-2024").split())


def test_prose_group_narrowed_to_the_row_the_clause_names():
    result = parse_report(doc_text("putian-city-2019"))
    passed = next(c for c in checks_of(result, "prose.table_figure") if c["status"] == "pass")
    assert any("无法提供146件" in excerpt["text"] for excerpt in passed["excerpts"])
    assert f"{APP}.unable_not_held.total" in passed["paths"]
    assert f"{APP}.unable_needs_creation.total" not in passed["paths"]


def test_compare_non_consecutive_years():
    previous = parse_report(doc_text("pingtan-2019"))
    current = parse_report(doc_text("pingtan-2021"))
    years = [c for c in compare_results(previous, current) if c["rule"] == "continuity.consecutive_years"][0]
    assert (years["status"], years["expected"], years["actual"]) == ("fail", 2020, 2021)


def test_compare_consecutive_copy_and_a_broken_carry_over():
    current_text = doc_text("huaian-2024")
    previous_text = current_text.replace("2024", "2023")
    previous, current = parse_report(previous_text), parse_report(current_text)
    checks = compare_results(previous, current)
    status = {c["rule"]: c["status"] for c in checks if c["rule"] in ("continuity.consecutive_years",
                                                                      "continuity.organization")}
    assert status == {"continuity.consecutive_years": "pass", "continuity.organization": "pass"}
    carry = [c for c in checks if c["rule"] == "continuity.carried_forward"]
    assert [c["status"] for c in carry].count("fail") == 2            # 103 carried forward vs 34 carried over
    total = next(c for c in carry if c["paths"][0].endswith(".total"))
    assert total["paths"] == ["previous.tables.applications.rows.carried_forward.total",
                              "current.tables.applications.rows.carried_over.total"]
    assert (total["expected"], total["actual"]) == (103, 34)
    fixed = re.sub(r"四、结转下年度继续办理 103 0 0 0 0 0 103", "四、结转下年度继续办理 34 0 0 0 0 0 34", previous_text)
    carry = [c for c in compare_results(parse_report(fixed), current) if c["rule"] == "continuity.carried_forward"]
    assert {c["status"] for c in carry} == {"pass"}


def test_compare_in_force_and_other_body():
    current = parse_report(doc_text("hongze-2023"))
    previous = parse_report(doc_text("hongze-2023").replace("2023", "2022").replace("洪泽区人民政府\n", "淮阴区人民政府\n", 1))
    checks = compare_results(previous, current)
    organization = next(c for c in checks if c["rule"] == "continuity.organization")
    assert organization["status"] == "fail"
    in_force = next(c for c in checks if c["rule"] == "continuity.in_force" and "normative" in c["paths"][0])
    assert (in_force["status"], in_force["expected"], in_force["actual"]) == ("fail", 0, 5)   # 5 + 0 − 5 vs 5


def test_narrative_offsets_map_back_to_their_lines():
    from service.parsing.narrative import narrative
    from service.parsing.normalize import prepare
    doc = prepare("一、总体情况\n  ab  cd 12 34\n\n收到申请\n 5 件。\n")
    text, line_at = narrative(doc, {})
    assert text.startswith("一、总体情况ab cd 12 34收到申请5件。")
    assert line_at(text.index("ab")) == 2 and line_at(text.index("34")) == 2
    assert line_at(text.index("收到")) == 4 and line_at(text.index("5件")) == 5
