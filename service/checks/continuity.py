"""Two reports of one body for consecutive years: do they continue each other?

Paths are prefixed with the side they come from: `previous.tables…` and `current.tables…`.
"""

from service.checks.cells import MISSING, number_text, path, same, value
from service.checks.model import make_check
from service.rules import labels as label_rules

HEADLINE_FIGURES = [
    ("applications", "new_received", "total"), ("applications", "total_handled", "total"),
    ("reviews_and_lawsuits", "review", "total"), ("active_disclosure", "licensing", "decisions"),
    ("active_disclosure", "penalty", "decisions"),
]
LARGE_FACTOR = 5
LARGE_DIFFERENCE = 20


def _get(result, cell):
    found = value(result, cell)
    return None if found is MISSING else found


def carried_forward_checks(previous, current) -> list:
    checks = []
    if not (previous["tables"].get("applications") and current["tables"].get("applications")):
        return [make_check("continuity.carried_forward", "not_assessable",
                           en="one of the reports has no application table", zh="有一份报告无申请情况表")]
    for column in label_rules.APPLICATION_COLUMNS:
        before = path("applications", "carried_forward", column)
        now = path("applications", "carried_over", column)
        values = {f"previous.{before}": _get(previous, before), f"current.{now}": _get(current, now)}
        if None in values.values():
            checks.append(make_check("continuity.carried_forward", "not_assessable", paths=values, values=values,
                                     en=f"column {column}: a cell is blank", zh=f"{column}列：有空白单元格"))
            continue
        expected, actual = values[f"previous.{before}"], values[f"current.{now}"]
        ok = same(expected, actual)
        checks.append(make_check(
            "continuity.carried_forward", "pass" if ok else "fail", paths=values, values=values,
            expected=expected, actual=actual,
            en=f"column {column}: carried forward last year {number_text(expected)}, carried over this year "
               f"{number_text(actual)}",
            zh=f"{column}列：上年度结转下年度{number_text(expected)}，本年度上年结转{number_text(actual)}"))
    return checks


def in_force_checks(previous, current) -> list:
    if not (previous["report"]["template"] == current["report"]["template"] == "2021"):
        return [make_check("continuity.in_force", "not_assessable",
                           en="both reports must follow the 2021 format", zh="两份报告均须为2021年格式")]
    checks = []
    for row in ("regulations", "normative_documents"):
        cells = {
            f"previous.{path('active_disclosure', row, 'in_force')}": _get(previous, path("active_disclosure", row, "in_force")),
            f"current.{path('active_disclosure', row, 'issued')}": _get(current, path("active_disclosure", row, "issued")),
            f"current.{path('active_disclosure', row, 'repealed')}": _get(current, path("active_disclosure", row, "repealed")),
            f"current.{path('active_disclosure', row, 'in_force')}": _get(current, path("active_disclosure", row, "in_force")),
        }
        if None in cells.values():
            checks.append(make_check("continuity.in_force", "not_assessable", paths=cells, values=cells,
                                     en=f"{row}: a cell is blank", zh=f"{row}：有空白单元格"))
            continue
        before, issued, repealed, now = cells.values()
        expected = before + issued - repealed
        ok = same(expected, now)
        checks.append(make_check(
            "continuity.in_force", "pass" if ok else "fail", paths=cells, values=cells, expected=expected, actual=now,
            en=f"{row}: {number_text(before)} + {number_text(issued)} − {number_text(repealed)} = "
               f"{number_text(expected)}, in force {number_text(now)}",
            zh=f"{row}：上年现行有效{number_text(before)}加本年制发{number_text(issued)}减本年废止"
               f"{number_text(repealed)}为{number_text(expected)}，本年现行有效{number_text(now)}"))
    return checks


def organization_check(previous, current) -> list:
    names = [("".join((side["report"]["organization"] or "").split()) or None) for side in (previous, current)]
    if None in names:
        return [make_check("continuity.organization", "not_assessable", en="a report names no body",
                           zh="有一份报告未写明机关名称")]
    ok = names[0] == names[1]
    return [make_check("continuity.organization", "pass" if ok else "fail",
                       en=f"bodies: {names[0]} / {names[1]}", zh=f"机关：{names[0]} / {names[1]}")]


def years_check(previous, current) -> list:
    years = previous["report"]["year"], current["report"]["year"]
    if None in years:
        return [make_check("continuity.consecutive_years", "not_assessable", en="a report's year is unknown",
                           zh="有一份报告年度未知")]
    ok = years[1] == years[0] + 1
    return [make_check("continuity.consecutive_years", "pass" if ok else "fail",
                       expected=years[0] + 1, actual=years[1],
                       en=f"years {years[0]} → {years[1]}" + ("" if ok else "; not consecutive"),
                       zh=f"年度{years[0]}→{years[1]}" + ("" if ok else "，不相邻"))]


def large_change_checks(previous, current) -> list:
    checks = []
    for table, row, column in HEADLINE_FIGURES:
        cell = path(table, row, column)
        values = {f"previous.{cell}": _get(previous, cell), f"current.{cell}": _get(current, cell)}
        before, now = values.values()
        if before is None or now is None:
            checks.append(make_check("continuity.large_change", "not_assessable", paths=values, values=values,
                                     en=f"{row}: a figure is missing", zh=f"{row}：缺少数据"))
            continue
        low, high = sorted((abs(before), abs(now)))
        large = high - low >= LARGE_DIFFERENCE and high > LARGE_FACTOR * low
        checks.append(make_check(
            "continuity.large_change", "fail" if large else "pass", paths=values, values=values,
            expected=before, actual=now,
            en=f"{row}.{column}: {number_text(before)} → {number_text(now)}",
            zh=f"{row}.{column}：{number_text(before)}→{number_text(now)}"))
    return checks


def run(previous: dict, current: dict) -> list:
    return [*years_check(previous, current), *organization_check(previous, current),
            *carried_forward_checks(previous, current), *in_force_checks(previous, current),
            *large_change_checks(previous, current)]
