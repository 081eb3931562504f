"""The recovery search on small tables: a unique reading is filled, two readings or none leave
the cells null with a warning, and the identities decide between splits."""

from hypothesis import given, settings, strategies as st

from service.parsing.identities import Instance
from service.parsing.recovery import Budget, Run, solve, splits

A, B, T = "tables.t.rows.r.a", "tables.t.rows.r.b", "tables.t.rows.r.total"


def run(chunks, cells=(A, B, T)):
    found = Run("t", ["r"], list(cells), list(chunks), 1)
    found.readings = splits(found.chunks, [cell.split(".")[-1] for cell in cells], 1000)
    return found


ROW_TOTAL = Instance("applications.row_total", (A, B), (T,), "", "")


def decided(runs, equations, cells=None):
    solutions = solve(runs, cells or {}, equations, Budget(10_000))
    return [{runs[i].readings[choice] for choice in [s[i] for s in solutions]} for i in range(len(runs))]


def test_splits_keep_no_leading_zero_and_decimals_whole():
    assert splits(["000"], ["a", "b", "c"], 100) == [(0, 0, 0)]
    assert splits(["1203"], ["a", "b"], 100) == [(1, 203), (120, 3)]          # 12|03 has a leading zero
    assert splits(["135.5"], ["a", "amount"], 100) == [(1, 35.5), (13, 5.5)]
    assert splits(["12", "3"], ["a", "b", "c"], 100) == [(1, 2, 3)]           # a space is a cell boundary
    assert splits(["123456789"], ["a", "b"], 3) is None                        # more readings than allowed


def test_the_unique_reading_that_adds_up_is_the_only_solution():
    # as "640020470" is only 64|0|0|2|0|4|70 (pingtan-2021): of 1|2|3, 12|3 …, only 1 + 2 = 3 adds up
    assert decided([run(["123"])], [ROW_TOTAL]) == [{(1, 2, 3)}]
    assert decided([run(["10919"])], [ROW_TOTAL]) == [{(10, 9, 19)}]


def test_two_readings_that_add_up_are_both_kept():
    # "11011" adds up as 1|10|11 and as 11|0|11: the search keeps both (the cells are left null)
    readings = decided([run(["11011"])], [ROW_TOTAL])[0]
    assert readings == {(1, 10, 11), (11, 0, 11)}


def test_a_contradiction_leaves_no_solution():
    assert decided([run(["999"])], [ROW_TOTAL]) == [set()]


def test_identities_across_runs_decide_what_each_row_alone_cannot():
    # column identity: the first row's a equals the known total cell X; only 11|0|11 fits X = 11
    x = "tables.t.rows.s.a"
    column = Instance("applications.balance", (A,), (x,), "", "")
    assert decided([run(["11011"])], [ROW_TOTAL, column], {x: 11}) == [{(11, 0, 11)}]


def test_the_search_is_bounded():
    many = [run(["1" * 12], cells=(f"tables.t.rows.r{i}.a", f"tables.t.rows.r{i}.b", f"tables.t.rows.r{i}.c"))
            for i in range(8)]
    assert solve(many, {}, [], Budget(50)) is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 300), min_size=6, max_size=6))
def test_a_row_run_together_is_either_read_back_exactly_or_left_undecided(values):
    # generate a row that adds up, run its digits together: every consistent reading includes
    # the original, and a cell filled (same value in every reading) equals the original
    cells = [f"tables.t.rows.r.c{i}" for i in range(6)] + ["tables.t.rows.r.total"]
    row = (*values, sum(values))
    printed = "".join(str(v) for v in row)
    damaged = run([printed], cells)
    equation = Instance("applications.row_total", tuple(cells[:6]), (cells[6],), "", "")
    if damaged.readings is None:
        return
    readings = decided([damaged], [equation])[0]
    assert row in readings
    for position in range(7):
        if len({reading[position] for reading in readings}) == 1:
            assert next(iter(readings))[position] == row[position]
