"""The tables' own arithmetic, and plausibility of table 2. Cells are read, never changed.

The identities are data (service/rules/identities.py), shared with the recovery stage. An
identity that was used to recover a cell (the result's `provenance` names it) is not evidence
that the cell is right: that instance is `not_assessable` and says so."""

from functools import lru_cache
from itertools import chain, repeat
from operator import contains

from service.checks.cells import number_text, path, rows_of, same
from service.checks.model import check, condensed, lines_of, merged_message
from service.parsing import identities


def identity_checks(result, lines) -> list:
    """The template identities (service/rules/identities.py) over the result's tables, already
    condensed (model.condense leaves them as they are): per rule, every failing instance, then
    one check for the instances that hold and one for those not assessable."""
    recovered = result.get("provenance") or {}
    with_identity = _recovered_with(recovered) if recovered else {}
    by_rule, values = identities.values_by_rule(result.get("tables"))
    checks = []
    for rule, group, paths, slices, span, holding in _rules_laid_out(by_rule):
        checks += _rule_checks(rule, group, paths, slices, values[span], lines, recovered,
                               with_identity.get(rule, NOTHING), holding)
    return checks


def _recovered_with(recovered) -> dict:
    """{rule: the cells recovered with that identity} (their provenance's `identities`), in one
    pass over the provenance: an instance's count of them is a set intersection, in C, instead
    of its cells' provenance looked up one by one for each rule."""
    cells = {}
    for cell, entry in recovered.items():
        for rule in (entry or NO_PROVENANCE)["identities"]:
            cells.setdefault(rule, set()).add(cell)
    return cells


NOTHING = frozenset()


def _rules_laid_out(by_rule) -> tuple:
    """((rule, group, paths, _slices of its bounds, slice of the rule's values, (en, zh) of its
    check when every instance holds), ...) of identities.instances_by_rule's answer for one table
    shape, worked out once per shape: the slices and messages depend on the shape alone."""
    kept = _LAID_OUT.get(id(by_rule))
    if kept is not None and kept[0] is by_rule:
        return kept[1]
    if len(_LAID_OUT) >= MAX_SHAPES:
        _LAID_OUT.clear()
    laid_out, start = [], 0
    for rule, group, paths, bounds in by_rule:
        holding = merged_message("pass", len(group), [instance[2] for instance in group[:3]],
                                 [instance[3] for instance in group[:3]])
        laid_out.append((rule, group, paths, _slices(bounds), slice(start, start + len(paths)), holding))
        start += len(paths)
    laid_out = tuple(laid_out)
    _LAID_OUT[id(by_rule)] = (by_rule, laid_out)
    return laid_out


# The layouts of the table shapes seen, by the identity of identities.instances_by_rule's answer
# (built once per shape and kept there: the same object for the same shape; hashing the nested
# tuple itself would cost more than the layout saves). The object is kept with its layout, so an
# id reused after it is gone cannot match.
_LAID_OUT = {}
MAX_SHAPES = 256


# What one instance of an identity gave, before it is a check (judged as a check per instance
# would be: the definition in tests/checks/test_condensed_checks.py): (kind, en, zh, count,
# spans, expected, actual). Kinds: a cell blank or missing, cells recovered with the identity
# (`count` of them), sums compared (expected = the parts', actual = the totals'), and the
# instances that hold merged (`count` of them; en and zh: the first three instances' names).
# `spans`: the slices of the rule's cells and values the finding is over (one per instance).
# Its cells, values and message are made only for a check the answer shows (and a message
# only for the three a merged one names).
BLANK, RECOVERED, COMPARED, MERGED = range(4)


def _rule_checks(rule, group, paths, slices, values, lines, recovered, with_rule, holding) -> list:
    """The checks of one rule over its instances `group` ((parts, totals, en, zh), ...), whose
    cells are `paths` end to end (the slices of each one's parts, totals and cells: `slices`),
    with these `values`: what a check per instance would say, the holding ones merged into one
    as they were found, then condensed by status as model.condense does, each check built once.
    `with_rule`: the cells recovered with this rule; `holding`: the (en, zh) of the rule's one
    check when every instance holds."""
    if len(group) > 1 and not (recovered and not recovered.keys().isdisjoint(paths)) and _all_hold(values, slices):
        return [check(rule, "pass", *holding, list(paths), dict(zip(paths, values)), None, None,
                      lines_of(lines, paths))]
    # each instance judged as a check per instance would judge it, what it takes laid out per
    # instance in C first: blank or not, whether a recovered cell is among its cells, its sums
    heads, tails, spans = slices
    values_of = values.__getitem__
    blank = list(map(contains, map(values_of, spans), repeat(None)))
    clean = (map(recovered.keys().isdisjoint, map(paths.__getitem__, spans)) if recovered
             else repeat(True, len(spans)))
    if True in blank:
        expected = [None if gap else sum(values[part]) for part, gap in zip(heads, blank)]
        actual = [None if gap else sum(values[total]) for total, gap in zip(tails, blank)]
    else:
        expected = list(map(sum, map(values_of, heads)))
        actual = list(map(sum, map(values_of, tails)))
    fails, passes, unassessed, held = [], [], [], []
    for index, gap, untouched, parts_sum, totals_sum in zip(range(len(spans)), blank, clean, expected, actual):
        if gap:
            _, _, en, zh = group[index]
            unassessed.append((BLANK, en, zh, 0, (spans[index],), None, None))
        elif untouched:
            if same(parts_sum, totals_sum):
                held.append(index)
            else:
                _, _, en, zh = group[index]
                fails.append((COMPARED, en, zh, 0, (spans[index],), parts_sum, totals_sum))
        else:
            _, _, en, zh = group[index]
            span = spans[index]
            count = len(with_rule.intersection(paths[span]))
            if count:
                unassessed.append((RECOVERED, en, zh, count, (span,), None, None))
            else:
                (passes if same(parts_sum, totals_sum) else fails).append(
                    (COMPARED, en, zh, 0, (span,), parts_sum, totals_sum))
    if len(held) == 1:
        index = held[0]
        _, _, en, zh = group[index]
        passes.append((COMPARED, en, zh, 0, (spans[index],), expected[index], actual[index]))
    elif held:
        passes.append((MERGED, [group[index][2] for index in held[:3]], [group[index][3] for index in held[:3]],
                       len(held), tuple(map(spans.__getitem__, held)), None, None))
    return [*(_built(rule, "fail", found, paths, values, lines) for found in fails),
            *((_built(rule, "pass", passes[0], paths, values, lines),) if len(passes) == 1 else
              (_merged(rule, "pass", passes, paths, values, lines),) if passes else ()),
            *((_built(rule, "not_assessable", unassessed[0], paths, values, lines),) if len(unassessed) == 1 else
              (_merged(rule, "not_assessable", unassessed, paths, values, lines),) if unassessed else ())]


NO_PROVENANCE = {"identities": ()}


def _all_hold(values, slices) -> bool:
    """Every instance holds: no cell blank or missing, each sum of parts equal to its totals'
    (the sums over slices laid out once per rule's instances, taken in C). Sums that are equal
    are `same`; the lists of sums are compared whole, in C (`same` called per instance, through
    its partial's keywords, cost as much as the sums): sums that differ anywhere are judged
    instance by instance, where `same` may still find them close."""
    parts, totals, _ = slices
    try:
        return list(map(sum, map(values.__getitem__, parts))) == list(map(sum, map(values.__getitem__, totals)))
    except TypeError:             # a None among the values: a cell blank or missing
        return False


def _slices(bounds) -> tuple:
    """(slices of the parts, of the totals, of all the cells) of instances at `bounds` (a rule's
    instances for one table shape: identities.instances_by_rule)."""
    return (tuple(slice(start, middle) for start, middle, _ in bounds),
            tuple(slice(middle, end) for _, middle, end in bounds),
            tuple(slice(start, end) for start, _, end in bounds))


def _cells(found, paths, values) -> tuple:
    """(cells, values) of a finding as its check holds them: an instance's cells each once, a
    merged finding's cells one instance after the other."""
    spans = found[4]
    if found[0] == MERGED:
        cells = list(chain.from_iterable(map(paths.__getitem__, spans)))
        return cells, dict(zip(cells, chain.from_iterable(map(values.__getitem__, spans))))
    held = dict(zip(paths[spans[0]], values[spans[0]]))
    return list(held), held


def _message(found) -> tuple:
    """(en, zh) of a finding, worded as its check per instance was."""
    kind, en, zh, count, _, expected, actual = found
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


def _built(rule, status, found, paths, values, lines) -> dict:
    en, zh = _message(found)
    cells, held = _cells(found, paths, values)
    return check(rule, status, en, zh, cells, held, found[5], found[6], lines_of(lines, cells))


def _merged(rule, status, found, paths, values, lines) -> dict:
    """One check for several findings of one status, as model._merge merges their checks: the
    cells in order of first appearance, each once. Without a merged finding among them (whose
    cells are not each once) those are the keys of one dict made of all their cells in turn."""
    if any(one[0] == MERGED for one in found):
        cells, held = [], {}
        for one in found:
            some, their = _cells(one, paths, values)
            cells += [cell for cell in some if cell not in held]
            held.update(their)
    else:
        spans = [span for one in found for span in one[4]]
        held = dict(zip(chain.from_iterable(map(paths.__getitem__, spans)),
                        chain.from_iterable(map(values.__getitem__, spans))))
        cells = list(held)
    messages = [_message(one) for one in found[:3]]
    en, zh = merged_message(status, len(found), [en for en, _ in messages], [zh for _, zh in messages])
    return check(rule, status, en, zh, cells, held, None, None, lines_of(lines, held))


def active_disclosure_checks(result, lines, template) -> list:
    """Per row of table 2: no negative count or amount, whole counts; 2019 format: the total
    published not below the new ones. Condensed (model.condensed), rule by rule."""
    rows = rows_of(result, "active_disclosure")
    givens = [(row, columns, prefix, {prefix + column: v for column, v in columns.items()
                                      if v is not None and column != "change"})
              for row, columns, prefix in ((row, columns, f"tables.active_disclosure.rows.{row}.")
                                           for row, columns in rows.items())]
    checks = _plain_rows(givens, lines) if len(givens) > 1 else None
    if checks is None:
        checks = _row_checks(givens, lines)
    if template == "2019":
        found = [not_below(rows, row, "total_published", "new_published", lines,
                           f"{row}: 对外公开总数量 vs 本年新公开数量", f"{row}：对外公开总数量 与 本年新公开数量")
                 for row in ("regulations", "normative_documents") if row in rows]
        if found:
            checks += condensed("active_disclosure.total_not_below_new", found)
    return checks


def _plain_rows(givens, lines):
    """The checks of non_negative and whole_counts when every row has a value, none negative,
    and every count is whole (most reports): each rule's one check, made directly (what
    condensed gives for the rows' findings: their cells in turn, their lines together, the
    first three rows named); None for any other table."""
    values, counts, counted = {}, {}, []        # counted: the rows with a count (whole_counts' findings)
    for row, columns, _, given in givens:
        if not given or min(given.values()) < 0:
            return None
        whole = _counts(given, columns)
        if whole:
            if not all(map(float.is_integer, map(float, whole.values()))):
                return None
            counted.append((row, given))
            counts.update(whole)
        values.update(given)
    names = tuple(row for row, _, _, _ in givens[:3])
    checks = [check("active_disclosure.non_negative", "pass", *_rows_passing(_no_negative, len(givens), names),
                    list(values), values, None, None, lines_of(lines, values))]
    if len(counted) == 1:
        row, given = counted[0]
        checks.append(check("active_disclosure.whole_counts", "pass", *_whole_counts(row),
                            list(counts), counts, None, None, lines_of(lines, given)))
    elif counted:
        names = tuple(row for row, _ in counted[:3])
        en, zh = _rows_passing(_whole_counts, len(counted), names)
        involved = values if len(counted) == len(givens) else [cell for _, given in counted for cell in given]
        checks.append(check("active_disclosure.whole_counts", "pass", en, zh, list(counts), counts, None, None,
                            lines_of(lines, involved)))
    return checks


@lru_cache(maxsize=64)
def _rows_passing(wording, count, names) -> tuple:
    """(en, zh) of the check standing for `count` rows of table 2 that pass, the first three
    `names` named with `wording` (_no_negative, _whole_counts). It depends on the table's rows
    alone, which are one of a few lists (the templates' rows, some left out): worked out once
    for each, not per report (the merged message cost a tenth of table 2's checks)."""
    return merged_message("pass", count, *zip(*map(wording, names)))


def _no_negative(row) -> tuple:
    """(en, zh) of a row of table 2 that passes non_negative (in its check and in merged ones)."""
    return f"{row}: no negative value", f"{row}：无负数"


def _whole_counts(row) -> tuple:
    """(en, zh) of a row of table 2 that passes whole_counts."""
    return f"{row}: whole counts", f"{row}：件数均为整数"


def _counts(given, columns) -> dict:
    """The cells of a row's given values that are counts (not its amount); `given` itself when
    the row has no amount column."""
    if "amount" not in columns:
        return given
    # (a cell's path ends with ".amount" when its column is "amount": no row or column name holds a dot)
    return {cell: v for cell, v in given.items() if not cell.endswith(".amount")}


def _row_checks(givens, lines):
    """The checks of non_negative and whole_counts, a finding per row condensed (model.condensed)."""
    signs, wholes = [], []                       # the findings of non_negative and of whole_counts
    for row, columns, prefix, given in givens:
        if not given:
            cells = {prefix + column: v for column, v in columns.items() if column != "change"}
            signs.append(("not_assessable", f"{row}: every cell is blank", f"{row}：均为空白", list(cells), cells,
                          None, None, [], []))
            continue
        involved = lines_of(lines, given)
        lowest = min(given.values())
        if lowest < 0:
            negative = [cell for cell, v in given.items() if v < 0]
            signs.append(("fail", f"{row}: negative value in {', '.join(negative)}", f"{row}：存在负数",
                          list(given), given, 0, lowest, involved, []))
        else:
            signs.append(("pass", *_no_negative(row), list(given), given, None, lowest, involved, []))
        counts = dict(_counts(given, columns))
        if counts:
            fractional = () if all(map(float.is_integer, map(float, counts.values()))) else \
                [cell for cell, v in counts.items() if not float(v).is_integer()]
            if fractional:
                wholes.append(("fail", f"{row}: count with a fraction in {', '.join(fractional)}", f"{row}：件数含小数",
                               list(counts), counts, None, None, list(involved), []))
            else:
                wholes.append(("pass", *_whole_counts(row), list(counts), counts, None, None, list(involved), []))
    checks = []
    if signs:
        checks += condensed("active_disclosure.non_negative", signs)
    if wholes:
        checks += condensed("active_disclosure.whole_counts", wholes)
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
