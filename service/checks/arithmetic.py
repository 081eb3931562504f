"""The tables' own arithmetic, and plausibility of table 2. Cells are read, never changed.

The identities are data (service/rules/identities.py), shared with the recovery stage. An
identity that was used to recover a cell (the result's `provenance` names it) is not evidence
that the cell is right: that instance is `not_assessable` and says so."""

from service.checks.cells import MISSING, number_text, path, rows_of, same, value
from service.checks.model import make_check, merged_check
from service.parsing import identities


def sum_check(rule, result, lines, parts, targets, en, zh):
    """A check that sum(parts) equals sum(targets): expected is the parts' sum, actual the targets'."""
    cells = result.get("_cells") or {}
    values = {cell: cells.get(cell) for cell in (*parts, *targets)}
    involved = [lines.get(cell) for cell in values]
    if None in values.values():
        return make_check(rule, "not_assessable", paths=values, values=values, lines=involved,
                          en=f"{en}: not assessable, a cell is blank or missing",
                          zh=f"{zh}：无法核对，有空白或缺失的单元格")
    recovered = [cell for cell in values if rule in recovered_with(result, cell)]
    if recovered:
        return make_check(rule, "not_assessable", paths=values, values=values, lines=involved,
                          en=f"{en}: not evidence, {len(recovered)} cell(s) were recovered with this identity "
                             f"(see provenance)",
                          zh=f"{zh}：不作为依据，有{len(recovered)}个单元格系依据本等式恢复（见provenance）")
    expected = sum(values[cell] for cell in parts)
    actual = sum(values[cell] for cell in targets)
    ok = same(expected, actual)
    return make_check(
        rule, "pass" if ok else "fail", paths=values, values=values, lines=involved,
        expected=expected, actual=actual,
        en=f"{en}: {number_text(expected)} {'=' if ok else '≠'} {number_text(actual)}",
        zh=f"{zh}：{number_text(expected)} {'等于' if ok else '不等于'} {number_text(actual)}")


def recovered_with(result, cell) -> list:
    """The identities (rule ids) a recovered cell was recovered with; [] for a cell read as printed."""
    entry = (result.get("provenance") or {}).get(cell)
    return entry["identities"] if entry else []


def sum_checks(rule, result, lines, instances, paths=None, bounds=None) -> list:
    """sum_check over many (parts, targets, en, zh) instances; the passes are merged into one
    check right away (building each would cost more than the arithmetic). `paths` and `bounds`
    (identities.instances_by_rule) let the usual case, every instance holding, be told from one
    look-up of the rule's cells; any other case is judged instance by instance."""
    cells = result.get("_cells") or {}
    recovered = result.get("provenance") or {}
    if paths is not None and len(instances) > 1:
        values = list(map(cells.get, paths))
        if (None not in values and not (recovered and not recovered.keys().isdisjoint(paths))
                and all(same(sum(values[start:middle]), sum(values[middle:end])) for start, middle, end in bounds)):
            return [merged_check(
                rule, "pass", len(instances), [en for _, _, en, _ in instances[:3]],
                [zh for _, _, _, zh in instances[:3]],
                paths=paths, values=dict(zip(paths, values)), lines=list(map(lines.get, paths)))]
    checks, passed = [], []
    for parts, targets, en, zh in instances:
        values = list(map(cells.get, parts)), list(map(cells.get, targets))
        if (None in values[0] or None in values[1] or not same(sum(values[0]), sum(values[1]))
                or recovered and any(cell in recovered for cell in (*parts, *targets))):
            checks.append(sum_check(rule, result, lines, parts, targets, en, zh))
        else:
            passed.append((parts, targets, en, zh))
    if len(passed) == 1:
        parts, targets, en, zh = passed[0]
        checks.append(sum_check(rule, result, lines, parts, targets, en, zh))
    elif passed:
        paths = [cell for parts, targets, _, _ in passed for cell in (*parts, *targets)]
        checks.append(merged_check(
            rule, "pass", len(passed), [en for _, _, en, _ in passed[:3]], [zh for _, _, _, zh in passed[:3]],
            paths=paths, values=dict(zip(paths, map(cells.__getitem__, paths))), lines=list(map(lines.get, paths))))
    return checks


def identity_checks(result, lines) -> list:
    """The template identities (service/rules/identities.py) over the result's tables."""
    return [check for rule, group, paths, bounds in identities.instances_by_rule(result.get("tables"))
            for check in sum_checks(rule, result, lines, group, paths, bounds)]


def active_disclosure_checks(result, lines, template) -> list:
    rows = rows_of(result, "active_disclosure")
    checks = []
    for row, columns in rows.items():
        cells = {path("active_disclosure", row, c): v for c, v in columns.items() if c != "change"}
        given = {cell: v for cell, v in cells.items() if v is not None}
        involved = [lines.get(cell) for cell in given]
        if not given:
            checks.append(make_check("active_disclosure.non_negative", "not_assessable", paths=cells,
                                     values=cells, en=f"{row}: every cell is blank", zh=f"{row}：均为空白"))
            continue
        negative = {cell: v for cell, v in given.items() if v < 0}
        checks.append(make_check(
            "active_disclosure.non_negative", "fail" if negative else "pass", paths=given, values=given,
            lines=involved, actual=min(given.values()), expected=0 if negative else None,
            en=f"{row}: " + (f"negative value in {', '.join(negative)}" if negative else "no negative value"),
            zh=f"{row}：" + ("存在负数" if negative else "无负数")))
        counts = {cell: v for cell, v in given.items() if not cell.endswith(".amount")}
        fractional = {cell: v for cell, v in counts.items() if not float(v).is_integer()}
        if counts:
            checks.append(make_check(
                "active_disclosure.whole_counts", "fail" if fractional else "pass", paths=counts, values=counts,
                lines=involved,
                en=f"{row}: " + (f"count with a fraction in {', '.join(fractional)}" if fractional else "whole counts"),
                zh=f"{row}：" + ("件数含小数" if fractional else "件数均为整数")))
    if template == "2019":
        for row in ("regulations", "normative_documents"):
            if row in rows:
                checks.append(not_below_check(
                    "active_disclosure.total_not_below_new", result, lines,
                    path("active_disclosure", row, "total_published"), path("active_disclosure", row, "new_published"),
                    en=f"{row}: 对外公开总数量 vs 本年新公开数量", zh=f"{row}：对外公开总数量 与 本年新公开数量"))
    return checks


def not_below_check(rule, result, lines, larger, smaller, en, zh):
    """A check that the cell `larger` is not below the cell `smaller`."""
    values = {cell: (None if value(result, cell) is MISSING else value(result, cell)) for cell in (larger, smaller)}
    involved = [lines.get(cell) for cell in values]
    if any(v is None for v in values.values()):
        return make_check(rule, "not_assessable", paths=values, values=values, lines=involved,
                          en=f"{en}: not assessable, a cell is blank", zh=f"{zh}：无法核对，有空白单元格")
    ok = values[larger] >= values[smaller]
    return make_check(
        rule, "pass" if ok else "fail", paths=values, values=values, lines=involved,
        expected=values[smaller], actual=values[larger],
        en=f"{en}: {number_text(values[larger])} {'≥' if ok else '<'} {number_text(values[smaller])}",
        zh=f"{zh}：{number_text(values[larger])} {'不小于' if ok else '小于'} {number_text(values[smaller])}")


def run(result, lines) -> list:
    template = result["report"]["template"]
    return [*identity_checks(result, lines), *active_disclosure_checks(result, lines, template)]
