"""The recovery search on small tables: a unique reading is filled, two readings or none leave
the cells null with a warning, and the identities decide between splits."""

from hypothesis import given, settings, strategies as st

from service.parsing.identities import Instance
from service.parsing.recovery import Budget, Run, _splits, solve, splits

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


def unpruned_splits(chunks, columns, limit):
    """splits as first written (issue 11), without the bound on characters left: the reference."""
    from service.parsing.recovery import AMOUNT_COLUMNS, _part_value
    from service.rules import recovery as rules

    parsed = []
    for chunk in chunks:
        unit = "万元" if chunk.endswith("万元") else "元" if chunk.endswith("元") else None
        parsed.append((chunk[:-len(unit)] if unit else chunk, unit))
    found, values = [], []

    def walk(chunk_index, at, cell):
        if len(found) > limit:
            return
        if chunk_index == len(parsed):
            if cell == len(columns):
                found.append(tuple(values))
            return
        digits, unit = parsed[chunk_index]
        if len(columns) - cell < len(parsed) - chunk_index:
            return
        dot = digits.find(".", at)
        for end in range(at + 1, len(digits) + 1):
            if dot >= 0 and dot <= end < len(digits):
                continue
            last = end == len(digits)
            part = digits[at:end]
            value = _part_value(part, unit if last else None, columns[cell] in AMOUNT_COLUMNS)
            if value is None:
                if len(part.split(".")[0]) > rules.MAX_AMOUNT_DIGITS:
                    break
                continue
            values.append(value)
            if last:
                walk(chunk_index + 1, 0, cell + 1)
            elif cell + 1 < len(columns):
                walk(chunk_index, end, cell + 1)
            values.pop()

    walk(0, 0, 0)
    return None if len(found) > limit else found


CHUNKS = st.lists(st.one_of(st.from_regex(r"\A[0-9]{1,12}\Z"), st.from_regex(r"\A[0-9]{1,6}\.[0-9]{1,3}\Z"),
                            st.from_regex(r"\A[0-9]{1,8}(\.[0-9]{1,2})?(元|万元)\Z")), min_size=1, max_size=4)
COLUMNS = st.lists(st.sampled_from(["a", "b", "amount"]), min_size=1, max_size=9)


@settings(max_examples=400, deadline=None)
@given(CHUNKS, COLUMNS, st.sampled_from([3, 50, 5000]))
def test_splits_are_those_of_the_unpruned_walk_in_the_same_order(chunks, columns, limit):
    expected = unpruned_splits(chunks, columns, limit)
    assert _splits(chunks, columns, limit) == expected          # worked out
    assert splits(chunks, columns, limit) == expected           # worked out or kept from before
    assert splits(chunks, columns, limit) == expected


def test_kept_readings_are_handed_out_as_new_lists():
    first = splits(["1203"], ["a", "b"], 100)
    first.append((9, 9))
    assert splits(["1203"], ["a", "b"], 100) == [(1, 203), (120, 3)]
