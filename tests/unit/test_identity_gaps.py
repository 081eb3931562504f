"""identities.gaps (cells read by itemgetters laid out once per table shape) against the
definition: per instance, its cells looked up one by one."""

from hypothesis import given, strategies as st

from service.parsing.identities import gaps, instances, instances_by_rule, values_by_rule
from service.rules import labels as rules

VALUE = st.one_of(st.none(), st.integers(-5, 50), st.floats(0, 100, allow_nan=False))


def by_instance(tables):
    found = []
    for eq in instances(tables):
        values = [tables[table]["rows"][row].get(column) for table, row, column in eq.where]
        found.append(None if None in values else
                     abs(sum(values[:len(eq.parts)]) - sum(values[len(eq.parts):])))
    return found


@st.composite
def application_tables(draw):
    rows = rules.APPLICATION_ROW_ORDER[draw(st.sampled_from(["2019", "2021"]))]    # every row, as read
    columns = rules.APPLICATION_COLUMNS
    table = {}
    for row in rows:
        kept = columns if draw(st.integers(0, 9)) else draw(st.lists(st.sampled_from(columns), unique=True))
        table[row] = {column: draw(VALUE) for column in kept}
    reviews = {row: {column: draw(VALUE) for column in rules.REVIEW_COLUMNS} for row in rules.REVIEW_ROW_ORDER}
    return {"applications": {"rows": table}, "reviews_and_lawsuits": {"rows": reviews} if draw(st.booleans()) else None}


@given(application_tables())
def test_gaps_are_those_of_each_instance_looked_up_cell_by_cell(tables):
    found, found_gaps = gaps(tables)
    assert list(found) == instances(tables)
    assert found_gaps == by_instance(tables)


@given(application_tables(), st.lists(st.sampled_from(rules.APPLICATION_ROW_ORDER["2019"]), max_size=3))
def test_values_by_rule_are_each_path_looked_up(tables, dropped):
    for row in dropped:                      # rows an identity names may be missing
        tables["applications"]["rows"].pop(row, None)
    by_rule, values = values_by_rule(tables)
    assert by_rule == instances_by_rule(tables)
    paths = [cell for _, _, rule_paths, _ in by_rule for cell in rule_paths]
    expected = []
    for cell in paths:
        _, table, _, row, column = cell.split(".")
        expected.append(((tables[table] or {}).get("rows", {}).get(row) or {}).get(column))
    assert list(values) == expected


@st.composite
def whole_tables(draw):
    """Tables with a value in every cell, ints (the usual table read whole), sometimes one float."""
    rows = rules.APPLICATION_ROW_ORDER[draw(st.sampled_from(["2019", "2021"]))]
    table = {row: {column: draw(st.integers(-3, 400)) for column in rules.APPLICATION_COLUMNS} for row in rows}
    if draw(st.integers(0, 3)) == 0:
        row = draw(st.sampled_from(rows))
        table[row][draw(st.sampled_from(rules.APPLICATION_COLUMNS))] = draw(st.floats(0, 100, allow_nan=False))
    reviews = {row: {column: draw(st.integers(0, 60)) for column in rules.REVIEW_COLUMNS} for row in rules.REVIEW_ROW_ORDER}
    return {"applications": {"rows": table}, "reviews_and_lawsuits": {"rows": reviews} if draw(st.booleans()) else None}


@given(whole_tables())
def test_gaps_of_whole_tables_are_each_instances_sums_with_their_type(tables):
    # (the gaps of ints come from running sums: the same ints, not floats)
    found_gaps = gaps(tables)[1]
    expected = by_instance(tables)
    assert found_gaps == expected
    assert [gap.__class__ for gap in found_gaps] == [gap.__class__ for gap in expected]
