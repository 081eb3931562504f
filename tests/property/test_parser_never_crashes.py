"""The parser library accepts any text: it never raises and its result keeps its shape."""

from hypothesis import HealthCheck, given, settings, strategies as st

from service.checks.registry import RULE_IDS, STATUSES
from service.parsing import looks_like_report, parse_report
from service.parsing.codes import WarningCode

TABLE_WORDS = st.sampled_from([
    "一、", "二、", "三、", "四、", "（一）", "(二)", "第二十条第（一）项", "信息内容", "本年新制作数量", "规章",
    "本年新收政府信息公开申请数量", "（七）总计", "行政复议", "结果维持", "0", "12", "/", "—", "|", "│", "\t", "\n",
    " ", "2021年", "政府信息公开工作年度报告", "总体情况", "其他需要报告的事项", "00", "134.2 万元", "元",
])
SHAPE = {"schema_version", "parser", "report", "sections", "tables", "provenance", "warnings", "checks"}
CODES = {code.value for code in WarningCode}


def check(result):
    assert set(result) == SHAPE
    assert set(result["tables"]) == {"active_disclosure", "applications", "reviews_and_lawsuits"}
    assert all(warning["code"] in CODES for warning in result["warnings"])
    assert all(check["rule"] in RULE_IDS and check["status"] in STATUSES for check in result["checks"])
    for table in result["tables"].values():
        for columns in (table or {}).get("rows", {}).values():
            assert all(value is None or isinstance(value, (int, float)) for value in columns.values())
    looks_like_report(result)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text(text):
    check(parse_report(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(TABLE_WORDS, max_size=200).map("".join))
def test_text_made_of_report_fragments(text):
    check(parse_report(text))


def test_degenerate_inputs():
    for text in ["", "\n" * 10000, "0" * 100000, "一、" * 20000, "|" * 50000, "0\t" * 30000,
                 "第二十条\n" * 5000, "（一）" * 20000, "0\n" * 50000]:
        check(parse_report(text))


def test_hostile_inputs_stay_bounded():
    """Inputs at the 2 MiB limit that once made a regular expression or the row alignment
    quadratic: they must finish (the suite's own time shows it) and cap their warnings."""
    hostile = [
        "a" * 1_000_000 + "@",                                              # e-mail pattern backtracking
        "XX2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况\n" + "0\n" * 500_000,
        "二、主动公开政府信息情况\n第二十条\n三、收到和处理政府信息公开申请情况\n申请人情况\n" + "0 0\n" * 200_000,
        "XX2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况\n" + "\t\n" * 500_000,
        "一、总体情况\n" + "（一）标题\n" * 100_000,
        "2020" + " " * 1_000_000 + "年",
    ]
    for text in hostile:
        result = parse_report(text)
        check(result)
        assert len(result["warnings"]) <= 201
        assert all(len(section["subheadings"]) <= 100 for section in result["sections"])
