"""The checks built condensed (each check once, model.condensed and the identities' rule by rule
path) against the way they were made before: one check per instance or finding by make_check
(the passing instances of an identity merged first), then merged by model.condense."""

from hypothesis import given, settings, strategies as st

from service.checks import arithmetic
from service.checks.cells import flat_cells, number_text, same
from service.checks.model import condense, condensed, make_check, merged_check
from service.parsing import identities
from service.rules import labels as rules
from service.rules.identities import IDENTITIES

VALUE = st.one_of(st.none(), st.integers(-5, 50), st.floats(0, 100, allow_nan=False))
RULE_NAMES = sorted({identity["rule"] for identity in IDENTITIES})


def sum_check(eq_rule, cells, recovered, lines, parts, totals, en, zh):
    """The check of one instance (as arithmetic.sum_check made it before the checks were built
    condensed)."""
    values = {cell: cells.get(cell) for cell in (*parts, *totals)}
    involved = [lines.get(cell) for cell in values]
    if None in values.values():
        return make_check(eq_rule, "not_assessable", paths=values, values=values, lines=involved,
                          en=f"{en}: not assessable, a cell is blank or missing",
                          zh=f"{zh}：无法核对，有空白或缺失的单元格")
    used = [cell for cell in values if eq_rule in (recovered.get(cell) or {"identities": ()})["identities"]]
    if used:
        return make_check(
            eq_rule, "not_assessable", paths=values, values=values, lines=involved,
            en=f"{en}: not evidence, {len(used)} cell(s) were recovered with this identity (see provenance)",
            zh=f"{zh}：不作为依据，有{len(used)}个单元格系依据本等式恢复（见provenance）")
    expected, actual = sum(values[cell] for cell in parts), sum(values[cell] for cell in totals)
    ok = same(expected, actual)
    return make_check(
        eq_rule, "pass" if ok else "fail", paths=values, values=values, lines=involved,
        expected=expected, actual=actual,
        en=f"{en}: {number_text(expected)} {'=' if ok else '≠'} {number_text(actual)}",
        zh=f"{zh}：{number_text(expected)} {'等于' if ok else '不等于'} {number_text(actual)}")


def one_check_per_instance(result, lines):
    """The identities' checks as they were made before: per rule, a check per instance that
    does not plainly hold (a cell blank, a cell in the provenance, the sums differ), the others
    merged into one check (their first three named), then all of them merged by condense."""
    cells, recovered = flat_cells(result), result.get("provenance") or {}
    checks = []
    for rule, group, _, _ in identities.instances_by_rule(result["tables"]):
        held = []
        for parts, totals, en, zh in group:
            values = [cells.get(cell) for cell in (*parts, *totals)]
            if (None in values or not same(sum(values[:len(parts)]), sum(values[len(parts):]))
                    or any(cell in recovered for cell in (*parts, *totals))):
                checks.append(sum_check(rule, cells, recovered, lines, parts, totals, en, zh))
            else:
                held.append((parts, totals, en, zh))
        if len(held) == 1:
            checks.append(sum_check(rule, cells, recovered, lines, *held[0]))
        elif held:
            paths = [cell for parts, totals, _, _ in held for cell in (*parts, *totals)]
            checks.append(merged_check(rule, "pass", len(held), [one[2] for one in held[:3]],
                                       [one[3] for one in held[:3]], paths=paths,
                                       values={cell: cells[cell] for cell in paths},
                                       lines=[lines.get(cell) for cell in paths]))
    return condense(checks)


@st.composite
def results(draw):
    """An applications table (some rows missing, some cells blank or absent), maybe a review
    table, a few cells recovered with some identities, lines for most cells."""
    rows = rules.APPLICATION_ROW_ORDER[draw(st.sampled_from(["2019", "2021"]))]
    rows = [row for row in rows if draw(st.integers(0, 12))]
    columns = rules.APPLICATION_COLUMNS
    table = {}
    for row in rows:
        kept = columns if draw(st.integers(0, 9)) else draw(st.lists(st.sampled_from(columns), unique=True))
        table[row] = {column: draw(st.integers(0, 9)) if draw(st.integers(0, 3)) else draw(VALUE)
                      for column in kept}
    reviews = {row: {column: draw(VALUE) for column in rules.REVIEW_COLUMNS} for row in rules.REVIEW_ROW_ORDER}
    tables = {"applications": {"rows": table} if table else None,
              "reviews_and_lawsuits": {"rows": reviews} if draw(st.booleans()) else None}
    paths = sorted(flat_cells({"tables": tables}))
    provenance = {}
    if paths and draw(st.booleans()):
        for cell in draw(st.lists(st.sampled_from(paths), max_size=12)):
            provenance[cell] = {"identities": draw(st.lists(st.sampled_from(RULE_NAMES), max_size=2))}
    lines = {cell: draw(st.integers(0, 40)) for cell in paths if draw(st.integers(0, 5))}
    return {"tables": tables, "provenance": provenance}, lines


@settings(max_examples=300, deadline=None)
@given(results())
def test_identity_checks_are_the_per_instance_checks_condensed(drawn):
    result, lines = drawn
    assert arithmetic.identity_checks(result, lines) == one_check_per_instance(result, lines)


FINDING = st.tuples(
    st.sampled_from(["pass", "fail", "not_assessable"]), st.text(max_size=3), st.text(max_size=3),
    st.lists(st.sampled_from(["a", "b", "c", "d"]), unique=True, max_size=3),
    st.one_of(st.none(), st.integers(0, 9)), st.one_of(st.none(), st.integers(0, 9)),
    st.lists(st.integers(0, 9), max_size=3),
    st.lists(st.fixed_dictionaries({"text": st.text(max_size=2), "line": st.integers(1, 9)}), max_size=2))


@given(st.lists(FINDING, max_size=8), st.sampled_from(["structure.section_present", "prose.table_figure"]))
def test_condensed_is_condense_over_one_check_per_finding(found, rule):
    findings, checks = [], []
    for status, en, zh, paths, expected, actual, lines, excerpts in found:
        values = {path: len(path) for path in paths}
        findings.append((status, en, zh, list(paths), dict(values), expected, actual, sorted(set(lines) - {0}),
                         [dict(excerpt) for excerpt in excerpts]))
        checks.append(make_check(rule, status, en=en, zh=zh, paths=paths, values=values, expected=expected,
                                 actual=actual, lines=lines, excerpts=excerpts))
    assert condensed(rule, findings) == condense(checks)


def test_a_passing_instance_with_a_recovered_cell_is_merged_with_the_others_as_before():
    """An instance holding over a cell recovered with another identity was a check of its own,
    then merged with the check of the instances that plainly hold: "2 instances hold" names the
    first and the merged check, and the seven instances are both checks' cells."""
    rows = {row: dict.fromkeys(rules.APPLICATION_COLUMNS, 0)
            for row in ("new_received", "carried_over", "total_handled", "carried_forward")}
    cell = "tables.applications.rows.new_received.natural_person"
    result = {"tables": {"applications": {"rows": rows}},
              "provenance": {cell: {"identities": ["applications.row_total"]}}}
    lines = {cell: 3, "tables.applications.rows.carried_forward.total": 9}
    balance = [check for check in arithmetic.identity_checks(result, lines) if check["rule"] == "applications.balance"]
    assert balance == [check for check in one_check_per_instance(result, lines)
                       if check["rule"] == "applications.balance"]
    assert [(check["status"], check["message"]["en"][:18], len(check["paths"]), check["lines"]) for check in balance] \
        == [("pass", "2 instances hold: ", 28, [3, 9])]


def close_sums_table(fractions):
    """An applications table whose row totals hold only to within `same` (sums of fractions that
    floating point adds up to a hair off the total), the other identities' cells whole."""
    rows = {}
    for row, parts in zip(("new_received", "carried_over", "total_handled", "carried_forward"), fractions):
        columns = dict(zip(rules.APPLICATION_COLUMNS[:-1], parts))
        columns[rules.APPLICATION_COLUMNS[-1]] = round(sum(parts) + 0.0000001, 9)
        rows[row] = columns
    return {"tables": {"applications": {"rows": rows}}, "provenance": {}}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from([0.1, 0.2, 0.3, 0.7, 1.1, 2.2, 3]), min_size=6, max_size=6),
                min_size=4, max_size=4))
def test_sums_that_are_only_close_are_judged_as_before(fractions):
    """The identities' checks compare a rule's sums as lists first (equal sums hold); sums that
    differ there are judged one by one with `same`, as the per-instance checks judged them."""
    result = close_sums_table(fractions)
    lines = dict.fromkeys(flat_cells(result), 4)
    assert arithmetic.identity_checks(result, lines) == one_check_per_instance(result, lines)


def test_row_totals_close_to_their_parts_hold_in_one_merged_check():
    result = close_sums_table([[0.1, 0.2, 0, 0, 0, 0]] * 4)
    lines = dict.fromkeys(flat_cells(result), 4)
    row_totals = [check for check in arithmetic.identity_checks(result, lines)
                  if check["rule"] == "applications.row_total"]
    assert [(check["status"], check["message"]["en"][:18]) for check in row_totals] == [("pass", "4 instances hold: ")]
    assert row_totals == [check for check in one_check_per_instance(result, lines)
                          if check["rule"] == "applications.row_total"]
