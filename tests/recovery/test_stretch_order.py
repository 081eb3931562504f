"""Rows between rows read whole, read in printed order (service/parsing/stretch_order.py), on a
small table: one order that adds up fills the stretch, two that differ leave it null, none
leaves it null."""

from types import SimpleNamespace

from service.parsing import stretch_order
from service.parsing.normalize import prepare

TABLE = "applications"
ROWS = ["a", "b", "c", "d"]
COLUMNS = ["x", "y", "total"]


def row_totals(cells):
    """Every row whose cells are known adds up; at least one does."""
    known = [r for r in range(len(ROWS)) if all(cells[(r, c)] is not None for c in range(3))]
    return bool(known) and all(cells[(r, 0)] + cells[(r, 1)] == cells[(r, 2)] for r in known)


def with_column_sums(cells):
    """Row totals, and row d the sum of the rows above it in every column."""
    if not row_totals(cells):
        return False
    return all(None in column or sum(column[:3]) == column[3]
               for column in ([cells[(r, c)] for r in range(4)] for c in range(3)))


def reading(text, anchors):
    """A reading of `text` (one table) whose rows `anchors` ({row: (values, line)}) were read."""
    doc = prepare(text)
    rows = {row: dict.fromkeys(COLUMNS) for row in ROWS}
    cell_lines = {}
    for row, (values, line) in anchors.items():
        rows[row] = dict(zip(COLUMNS, values))
        cell_lines.update({f"tables.{TABLE}.rows.{row}.{column}": line for column in COLUMNS})
    result = {"tables": {TABLE: {"rows": rows}}, "provenance": {}, "warnings": []}
    return SimpleNamespace(result=result, doc=doc, regions={TABLE: (0, len(doc.norm))},
                           cell_lines=cell_lines, positional={})


def table(read):
    return [list(read.result["tables"][TABLE]["rows"][row].values()) for row in ROWS]


def test_a_stretch_printed_first_column_down_is_read_back_when_one_order_adds_up():
    # b 4 0 4 and c 0 5 5: their first column down (4 0), then the rest row by row
    read = reading("a 1 2 3\nb 4\nc 0\n0 4\n5 5\nd 5 7 12", {"a": ([1, 2, 3], 1), "d": ([5, 7, 12], 6)})
    assert stretch_order.read_stretches(read, TABLE, ROWS, COLUMNS, with_column_sums) == ["b", "c"]
    assert table(read) == [[1, 2, 3], [4, 0, 4], [0, 5, 5], [5, 7, 12]]
    entry = read.result["provenance"][f"tables.{TABLE}.rows.c.y"]
    assert entry["method"] == "table_order" and entry["readings"] == 1 and entry["printed"] == "5"


def test_two_orders_that_add_up_and_differ_leave_the_stretch_null():
    # 0 2 2 1 2 3: row by row (0 2 2 | 1 2 3) and column by column (0 2 2 | 2 1 3) both add up
    read = reading("a 1 2 3\n0\n2\n2\n1\n2\n3\nd 5 7 12", {"a": ([1, 2, 3], 1), "d": ([5, 7, 12], 8)})
    assert stretch_order.read_stretches(read, TABLE, ROWS, COLUMNS, row_totals) == []
    assert table(read)[1:3] == [[None] * 3, [None] * 3]
    assert read.result["provenance"] == {}


def test_a_stretch_no_order_of_which_adds_up_is_left_null():
    read = reading("a 1 2 3\n1\n1\n1\n1\n1\n1\nd 5 7 12", {"a": ([1, 2, 3], 1), "d": ([5, 7, 12], 8)})
    assert stretch_order.read_stretches(read, TABLE, ROWS, COLUMNS, row_totals) == []
    assert table(read)[1:3] == [[None] * 3, [None] * 3]


def test_a_stretch_with_more_values_than_cells_is_left_null():
    read = reading("a 1 2 3\n4 0 4\n0 5 5 9\nd 5 7 12", {"a": ([1, 2, 3], 1), "d": ([5, 7, 12], 4)})
    assert stretch_order.read_stretches(read, TABLE, ROWS, COLUMNS, with_column_sums) == []
    assert read.result["provenance"] == {}


def test_a_stretch_printed_in_pieces_is_read_when_one_reading_of_its_pieces_adds_up():
    # b 4 0 4 and c 5 0 5: b's first two values, c's label with its first, c's other two, then
    # (after text) b's total. No order of table_order adds up; as pieces only b = 4 0 | 4 does.
    read = reading("a 1 2 3\n4\n0\nc 5\n0\n5\nnote\n4\nd 10 2 12", {"a": ([1, 2, 3], 1), "d": ([10, 2, 12], 9)})
    assert stretch_order.read_stretches(read, TABLE, ROWS, COLUMNS, with_column_sums) == ["b", "c"]
    assert table(read) == [[1, 2, 3], [4, 0, 4], [5, 0, 5], [10, 2, 12]]
    entry = read.result["provenance"][f"tables.{TABLE}.rows.b.total"]
    assert entry["printed"] == "4" and entry["line"] == 8 and entry["readings"] == 1


def test_pieces_that_two_readings_give_to_different_rows_leave_the_stretch_null():
    # pieces 0 | 0 0 | 0 | 1 1: b = 0 0 0 and c = 0 1 1, or b = 0 1 1 and c = 0 0 0; both add up
    read = reading("a 1 2 3\n0\nnote\n0\n0\nnote\n0\nnote\n1\n1\nd 5 7 12",
                   {"a": ([1, 2, 3], 1), "d": ([5, 7, 12], 11)})
    assert stretch_order.read_stretches(read, TABLE, ROWS, COLUMNS, row_totals) == []
    assert table(read)[1:3] == [[None] * 3, [None] * 3]
    assert read.result["provenance"] == {}
    # and the one reading of each is found: either row read alone would be filled
    pieces = stretch_order.segment_order.segments(list(enumerate(["0", "note", "0", "0", "note", "0", "note", "1", "1"], 2)))
    known = {(r, c): ([1, 2, 3][c] if r == 0 else [5, 7, 12][c] if r == 3 else None) for r in range(4) for c in range(3)}
    found = stretch_order._piece_readings(pieces, 1, 2, 3, known, row_totals)
    assert sorted([[cells[(r, c)].value for r in (1, 2) for c in range(3)] for cells in found]) == \
        [[0, 0, 0, 0, 1, 1], [0, 1, 1, 0, 0, 0]]


def test_pieces_no_reading_of_which_adds_up_leave_the_stretch_null():
    read = reading("a 1 2 3\n4\n0\nc 5\n0\n5\nnote\n7\nd 10 2 12", {"a": ([1, 2, 3], 1), "d": ([10, 2, 12], 9)})
    assert stretch_order.read_stretches(read, TABLE, ROWS, COLUMNS, with_column_sums) == []
    assert table(read)[1:3] == [[None] * 3, [None] * 3]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 30), min_size=4, max_size=4), st.integers(1, 3), st.integers(1, 3),
       st.booleans(), st.lists(st.integers(0, 30), min_size=2, max_size=2))
def test_a_stretch_printed_in_pieces_is_filled_only_with_its_own_values(parts, cut_b, cut_c, tails_swapped, a):
    # b and c (x, y, x + y) printed as heads in row order and their tails after, in either order,
    # text between the pieces: every cell filled is the cell's own value, the rows read whole stay
    b = [parts[0], parts[1], parts[0] + parts[1]]
    c = [parts[2], parts[3], parts[2] + parts[3]]
    a = [a[0], a[1], a[0] + a[1]]
    d = [a[i] + b[i] + c[i] for i in range(3)]
    pieces = [b[:cut_b], c[:cut_c]]
    tails = [piece for piece in (b[cut_b:], c[cut_c:]) if piece]
    pieces += list(reversed(tails)) if tails_swapped else tails
    body = "\nnote\n".join("\n".join(map(str, piece)) for piece in pieces)
    text = f"a {a[0]} {a[1]} {a[2]}\nnote\n{body}\nnote\nd {d[0]} {d[1]} {d[2]}"
    read = reading(text, {"a": (a, 1), "d": (d, text.count(chr(10)) + 1)})
    stretch_order.read_stretches(read, TABLE, ROWS, COLUMNS, with_column_sums)
    got = table(read)
    assert got[0] == a and got[3] == d
    for row, expected in zip(got[1:3], (b, c)):
        assert all(value is None or value == want for value, want in zip(row, expected))
