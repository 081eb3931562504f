"""Structure: template against year, required sections and tables, row widths, fee statement."""

import re

from service.checks.model import check, condensed, make_check, merged_message
from service.parsing.codes import WarningCode

REQUIRED_SECTIONS = {
    "overview": "一、总体情况", "active_disclosure": "二、主动公开政府信息情况",
    "applications": "三、收到和处理政府信息公开申请情况", "reviews_and_lawsuits": "四、政府信息公开行政复议、行政诉讼情况",
    "problems_and_improvements": "五、存在的主要问题及改进情况", "other_matters": "六、其他需要报告的事项",
}
TABLE_NAMES = {"active_disclosure": "主动公开政府信息情况", "applications": "收到和处理政府信息公开申请情况",
               "reviews_and_lawsuits": "政府信息公开行政复议、行政诉讼情况"}
FEE_RE = re.compile(r"处理费|收费|费用")
FIRST_FORMAT_YEAR = 2019          # the first year reported on a national table format


def expected_template(year):
    return "2021" if year >= 2021 else "2019"


def template_check(report) -> list:
    year, template = report["year"], report["template"]
    if year is None or template is None:
        return [make_check("structure.template_year", "not_assessable",
                           en="template or year unknown", zh="格式或年度未知")]
    if year < FIRST_FORMAT_YEAR:
        return [make_check("structure.template_year", "fail", actual=None, expected=None,
                           en=f"a {year} report printed on the {template} table format",
                           zh=f"{year}年度报告使用了{template}年表格格式")]
    want = expected_template(year)
    ok = template == want
    return [make_check("structure.template_year", "pass" if ok else "fail",
                       en=f"{year} report on the {template} format" + ("" if ok else f"; expected {want}"),
                       zh=f"{year}年度报告使用{template}年格式" + ("" if ok else f"，应为{want}年格式"))]


def presence_checks(result) -> list:
    year = result["report"]["year"]
    if year is None or year < FIRST_FORMAT_YEAR:
        reason = "year unknown" if year is None else f"a {year} report predates the national format"
        return [make_check("structure.section_present", "not_assessable", en=reason, zh="年度未知或早于统一格式"),
                make_check("structure.table_present", "not_assessable", en=reason, zh="年度未知或早于统一格式")]
    kinds = {section["kind"]: section for section in result["sections"]}
    found = result["tables"]
    if all(kind in kinds for kind in REQUIRED_SECTIONS) and all(found.get(table) for table in TABLE_NAMES):
        # every section and table present (most reports): the two merged checks condensed would
        # give, their messages made once at import
        return [check("structure.section_present", "pass", *ALL_SECTIONS_MESSAGE, [], {}, None, None,
                      sorted({kinds[kind]["line"] for kind in REQUIRED_SECTIONS} - {0, None}), []),
                check("structure.table_present", "pass", *ALL_TABLES_MESSAGE, [], {}, None, None,
                      sorted({found[table]["line"] for table in TABLE_NAMES} - {0, None}), [])]
    sections = [("pass", *_section_present(kind, title), [], {}, None, None,
                 [kinds[kind]["line"]] if kinds[kind]["line"] else [], [])
                if kind in kinds else
                ("fail", f"section {kind} ({title}) missing", f"“{title}”部分缺失", [], {}, None, None, [], [])
                for kind, title in REQUIRED_SECTIONS.items()]
    tables = []
    for table, title in TABLE_NAMES.items():
        found = result["tables"].get(table)
        tables.append(("pass", *_table_present(table, title), [], {}, None, None,
                       [found["line"]] if found["line"] else [], [])
                      if found else
                      ("fail", f"table {table} ({title}) missing or unreadable", f"“{title}”表缺失或无法读取", [], {},
                       None, None, [], []))
    return [*condensed("structure.section_present", sections), *condensed("structure.table_present", tables)]


def _section_present(kind, title) -> tuple:
    """(en, zh) of a section that is present (in its check and in merged ones)."""
    return f"section {kind} ({title}) present", f"“{title}”部分齐全"


def _table_present(table, title) -> tuple:
    """(en, zh) of a table that is present."""
    return f"table {table} ({title}) present", f"“{title}”表齐全"


ALL_SECTIONS_MESSAGE = merged_message("pass", len(REQUIRED_SECTIONS),
                                      *zip(*(_section_present(*item) for item in REQUIRED_SECTIONS.items())))
ALL_TABLES_MESSAGE = merged_message("pass", len(TABLE_NAMES),
                                    *zip(*(_table_present(*item) for item in TABLE_NAMES.items())))


def row_width_checks(result, warnings) -> list:
    if not any(result["tables"].values()):
        return []
    wrong = [w for w in warnings if w["code"] == WarningCode.ROW_VALUE_COUNT.value]
    if not wrong:
        return [make_check("structure.row_width", "pass", en="every table row has as many values as columns",
                           zh="各表每行数值个数与列数一致")]
    checks = []
    for warning in wrong:
        rows = (result["tables"].get(warning["table"]) or {}).get("rows") or {}
        cells = {f"tables.{warning['table']}.rows.{warning['row']}.{column}": value
                 for column, value in rows.get(warning["row"], {}).items()}
        checks.append(make_check("structure.row_width", "fail", paths=cells, values=cells, lines=[warning["line"]],
                                 en=f"{warning['table']}: {warning['message']}",
                                 zh=f"{warning['table']}表：某行数值个数与列数不一致（{warning['message']}）"))
    return checks


def fee_check(result) -> list:
    if result["report"]["template"] != "2021":
        return []
    other = [section for section in result["sections"] if section["kind"] == "other_matters"]
    if not other:
        return [make_check("structure.fee_statement", "not_assessable", en="no section 六 to look in",
                           zh="无第六部分")]
    # (every word FEE_RE looks for holds 费: a section without it is not searched)
    said = any("费" in section["text"] and FEE_RE.search(section["text"]) for section in other)
    return [make_check("structure.fee_statement", "pass" if said else "fail", lines=[other[0]["line"]],
                       en="section 六 " + ("mentions" if said else "says nothing about") + " 信息处理费",
                       zh="第六部分" + ("已说明" if said else "未说明") + "信息处理费收取情况")]


def run(result, warnings) -> list:
    return [*template_check(result["report"]), *presence_checks(result), *row_width_checks(result, warnings),
            *fee_check(result)]
