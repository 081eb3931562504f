"""The tables' own arithmetic, and plausibility of table 2. Cells are read, never changed.

The identities are data (service/rules/identities.py), shared with the recovery stage. An
identity that was used to recover a cell (the result's `provenance` names it) is not evidence
that the cell is right: that instance is `not_assessable` and says so."""

from service.checks.cells import number_text, path, rows_of, same
from service.checks.model import check, condensed, lines_of, merged_message
from service.parsing import identities


def identity_checks(result, lines) -> list:
    """The template identities (service/rules/identities.py) over the result's tables, already
    condensed (model.condense leaves them as they are): per rule, every failing instance, then
    one check for the instances that hold and one for those not assessable."""
    recovered = result.get("provenance") or {}
    by_rule, values = identities.values_by_rule(result.get("tables"))
    checks, start = [], 0
    for rule, group, paths, bounds in by_rule:
        end = start + len(paths)
        checks += _rule_checks(rule, group, paths, bounds, values[start:end], lines, recovered)
        start = end
    return checks


# What one instance of an identity gave, before it is a check (judged as a check per instance
# would be: the definition in tests/checks/test_condensed_checks.py): (kind, en, zh, count,
# paths, values, expected, actual). Kinds: a cell blank or missing, cells recovered with the
# identity (`count` of them), sums compared (expected = the parts', actual = the totals'), and
# the instances that hold merged (`count` of them; en and zh: the first three instances'
# names). A message is formatted only for a check the answer shows and the three a merged one names.
BLANK, RECOVERED, COMPARED, MERGED = range(4)


def _rule_checks(rule, group, paths, bounds, values, lines, recovered) -> list:
    """The checks of one rule over its instances `group` ((parts, totals, en, zh), ...), whose
    cells are `paths` end to end ((start, start of totals, end) of each in `bounds`) with these
    `values`: what a check per instance would say, the holding ones merged into one as they
    were found, then condensed by status as model.condense does, but each check built once."""
    if len(group) > 1 and not (recovered and not recovered.keys().isdisjoint(paths)) and _all_hold(values, bounds):
        en, zh = merged_message("pass", len(group), [instance[2] for instance in group[:3]],
                                [instance[3] for instance in group[:3]])
        return [check(rule, "pass", en, zh, list(paths), dict(zip(paths, values)), None, None,
                      lines_of(lines, paths))]
    fails, passes, unassessed, held = [], [], [], []
    for instance, (start, middle, end) in zip(group, bounds):
        _, _, en, zh = instance
        head, tail = values[start:middle], values[middle:end]
        if None in head or None in tail:
            unassessed.append(_found(BLANK, en, zh, paths[start:end], values[start:end]))
            continue
        expected, actual = sum(head), sum(tail)
        if recovered and not recovered.keys().isdisjoint(paths[start:end]):
            found = _found(COMPARED, en, zh, paths[start:end], values[start:end], expected, actual)
            count = sum(1 for cell in found[5] if rule in (recovered.get(cell) or NO_PROVENANCE)["identities"])
            if count:
                unassessed.append((RECOVERED, en, zh, count, found[4], found[5], None, None))
            else:
                (passes if same(expected, actual) else fails).append(found)
        elif same(expected, actual):
            held.append((instance, start, end, expected, actual))
        else:
            fails.append(_found(COMPARED, en, zh, paths[start:end], values[start:end], expected, actual))
    if len(held) == 1:
        (_, _, en, zh), start, end, expected, actual = held[0]
        passes.append(_found(COMPARED, en, zh, paths[start:end], values[start:end], expected, actual))
    elif held:
        cells = [cell for _, start, end, _, _ in held for cell in paths[start:end]]
        passes.append((MERGED, [one[0][2] for one in held[:3]], [one[0][3] for one in held[:3]], len(held), cells,
                       dict(zip(cells, [value for _, start, end, _, _ in held for value in values[start:end]])),
                       None, None))
    return [*(_built(rule, "fail", found, lines) for found in fails),
            *((_built(rule, "pass", passes[0], lines),) if len(passes) == 1 else
              (_merged(rule, "pass", passes, lines),) if passes else ()),
            *((_built(rule, "not_assessable", unassessed[0], lines),) if len(unassessed) == 1 else
              (_merged(rule, "not_assessable", unassessed, lines),) if unassessed else ())]


NO_PROVENANCE = {"identities": ()}


def _all_hold(values, bounds) -> bool:
    """Every instance holds: no cell blank or missing, each sum of parts equal to its totals'."""
    try:
        for start, middle, end in bounds:
            if not same(sum(values[start:middle]), sum(values[middle:end])):
                return False
    except TypeError:             # a None among the values: a cell blank or missing
        return False
    return True


def _found(kind, en, zh, paths, values, expected=None, actual=None) -> tuple:
    """An instance's finding over its cells (paths and values: each cell once)."""
    values = dict(zip(paths, values))
    return (kind, en, zh, 0, list(values), values, expected, actual)


def _message(found) -> tuple:
    """(en, zh) of a finding, worded as its check per instance was."""
    kind, en, zh, count, _, _, expected, actual = found
    if kind == BLANK:
        return f"{en}: not assessable, a cell is blank or missing", f"{zh}：无法核对，有空白或缺失的单元格"
    if kind == RECOVERED:
        return (f"{en}: not evidence, {count} cell(s) were recovered with this identity (see provenance)",
                f"{zh}：不作为依据，有{count}个单元格系依据本等式恢复（见provenance）")
    if kind == MERGED:
        return merged_message("pass", count, en, zh)
    ok = same(expected, actual)
    return (f"{en}: {number_text(expected)} {'=' if ok else '≠'} {number_text(actual)}",
            f"{zh}：{number_text(expected)} {'等于' if ok else '不等于'} {number_text(actual)}")


def _built(rule, status, found, lines) -> dict:
    en, zh = _message(found)
    return check(rule, status, en, zh, found[4], found[5], found[6], found[7], lines_of(lines, found[4]))


def _merged(rule, status, found, lines) -> dict:
    """One check for several findings of one status, as model._merge merges their checks."""
    paths, values = [], {}
    for one in found:
        paths += [path for path in one[4] if path not in values]
        values.update(one[5])
    messages = [_message(one) for one in found[:3]]
    en, zh = merged_message(status, len(found), [en for en, _ in messages], [zh for _, zh in messages])
    return check(rule, status, en, zh, paths, values, None, None, lines_of(lines, values))


def active_disclosure_checks(result, lines, template) -> list:
    """Per row of table 2: no negative count or amount, whole counts; 2019 format: the total
    published not below the new ones. Condensed (model.condensed), rule by rule."""
    rows = rows_of(result, "active_disclosure")
    signs, wholes = [], []                       # the findings of non_negative and of whole_counts
    for row, columns in rows.items():
        prefix = f"tables.active_disclosure.rows.{row}."
        cells = {prefix + column: v for column, v in columns.items() if column != "change"}
        given = {cell: v for cell, v in cells.items() if v is not None}
        if not given:
            signs.append(("not_assessable", f"{row}: every cell is blank", f"{row}：均为空白", list(cells), cells,
                          None, None, [], []))
            continue
        involved = lines_of(lines, given)
        negative = [cell for cell, v in given.items() if v < 0]
        signs.append(("fail" if negative else "pass",
                      f"{row}: " + (f"negative value in {', '.join(negative)}" if negative else "no negative value"),
                      f"{row}：" + ("存在负数" if negative else "无负数"),
                      list(given), given, 0 if negative else None, min(given.values()), involved, []))
        counts = {cell: v for cell, v in given.items() if not cell.endswith(".amount")}
        if counts:
            fractional = [cell for cell, v in counts.items() if not float(v).is_integer()]
            wholes.append(("fail" if fractional else "pass",
                           f"{row}: " + (f"count with a fraction in {', '.join(fractional)}" if fractional
                                         else "whole counts"),
                           f"{row}：" + ("件数含小数" if fractional else "件数均为整数"),
                           list(counts), counts, None, None, list(involved), []))
    checks = []
    if signs:
        checks += condensed("active_disclosure.non_negative", signs)
    if wholes:
        checks += condensed("active_disclosure.whole_counts", wholes)
    if template == "2019":
        found = [not_below(rows, row, "total_published", "new_published", lines,
                           f"{row}: 对外公开总数量 vs 本年新公开数量", f"{row}：对外公开总数量 与 本年新公开数量")
                 for row in ("regulations", "normative_documents") if row in rows]
        if found:
            checks += condensed("active_disclosure.total_not_below_new", found)
    return checks


def not_below(rows, row, larger, smaller, lines, en, zh) -> tuple:
    """The finding (model.condensed) that the row's cell `larger` is not below its cell `smaller`."""
    big, small = path("active_disclosure", row, larger), path("active_disclosure", row, smaller)
    values = {big: rows[row].get(larger), small: rows[row].get(smaller)}
    involved = lines_of(lines, values)
    if None in values.values():
        return ("not_assessable", f"{en}: not assessable, a cell is blank", f"{zh}：无法核对，有空白单元格",
                list(values), values, None, None, involved, [])
    ok = values[big] >= values[small]
    return ("pass" if ok else "fail",
            f"{en}: {number_text(values[big])} {'≥' if ok else '<'} {number_text(values[small])}",
            f"{zh}：{number_text(values[big])} {'不小于' if ok else '小于'} {number_text(values[small])}",
            list(values), values, values[small], values[big], involved, [])
