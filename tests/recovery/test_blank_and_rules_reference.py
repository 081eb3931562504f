"""recovery._has_blank (a sum that fails on None) and identities.rules_over (made at import)
against the forms they replaced (main at 80075a2), kept here as the reference."""

from decimal import Decimal
from itertools import chain

from hypothesis import given, strategies as st

from service.parsing.identities import rules_over
from service.parsing.recovery import _has_blank
from service.rules.identities import IDENTITIES

VALUE = st.one_of(st.none(), st.integers(-5, 10**15), st.floats(allow_nan=False, allow_infinity=False),
                  st.decimals(allow_nan=False, allow_infinity=False, places=2))
ROWS = st.dictionaries(st.sampled_from(["a", "b", "c", "d"]),
                       st.dictionaries(st.sampled_from(["x", "y", "z"]), VALUE, max_size=3), max_size=4)


def reference_has_blank(rows) -> bool:
    """THE REFERENCE: the test both callers made before."""
    return None in chain.from_iterable(map(dict.values, rows.values()))


@given(ROWS)
def test_a_blank_is_found_as_none_in_finds_it(rows):
    assert _has_blank(rows) == reference_has_blank(rows)


def test_floats_with_decimals_that_do_not_add_are_no_blank():
    rows = {"a": {"x": 1.5, "y": Decimal("2.5")}, "b": {"x": 3}}
    assert _has_blank(rows) is False
    rows["b"]["y"] = None
    assert _has_blank(rows) is True


def reference_rules_over(table) -> list:
    """THE REFERENCE: rules_over before."""
    return sorted({identity["rule"] for identity in IDENTITIES if identity["table"] == table})


def test_rules_over_every_table_as_before_and_a_new_list_each_call():
    for table in ("active_disclosure", "applications", "reviews_and_lawsuits", "none"):
        assert rules_over(table) == reference_rules_over(table)
    first = rules_over("applications")
    first.append("changed")
    assert rules_over("applications") == reference_rules_over("applications")
