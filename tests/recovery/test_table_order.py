"""The readings of a table's values in printed order (service/parsing/table_order.py) on small
tables: a column band, the first column down, a reading that does not add up."""

from service.parsing import table_order
from service.parsing.table_order import Value


def stream(numbers):
    return [Value(n, str(n), i + 1) for i, n in enumerate(numbers)]


def row_totals_hold(rows, width):
    def holds(cells):
        return all(sum(cells[(r, c)] for c in range(width - 1)) == cells[(r, width - 1)] for r in range(rows))
    return holds


def table(cells, rows, width):
    return [[cells[(r, c)].value for c in range(width)] for r in range(rows)]


def test_a_band_printed_column_by_column_is_read_back():
    # rows 1 2 3 | 4 0 4 | 0 5 5 ; the last two rows printed down their columns: 4 0 / 0 5 / 4 5
    values = stream([1, 2, 3, 4, 0, 0, 5, 4, 5])
    kept = table_order.consistent(values, 3, 3, [1, 1, 1, 2, 2, 2], row_totals_hold(3, 3))
    assert {tuple(map(tuple, table(cells, 3, 3))) for _, cells in kept} == {((1, 2, 3), (4, 0, 4), (0, 5, 5))}


def test_the_first_column_down_then_the_rest_row_by_row():
    # rows 7 2 9 | 1 3 4: the first column down (7 1), then the other columns row by row
    kept = table_order.consistent(stream([7, 1, 2, 9, 3, 4]), 2, 3, [1] * 6, row_totals_hold(2, 3))
    assert [table(cells, 2, 3) for _, cells in kept] == [[[7, 2, 9], [1, 3, 4]]]


def test_nothing_is_kept_when_no_order_adds_up_or_the_count_is_wrong():
    assert table_order.consistent(stream([1, 2, 4, 5, 6, 7]), 2, 3, [1] * 6, row_totals_hold(2, 3)) == []
    assert table_order.consistent(stream([1, 2, 3, 0, 0]), 2, 3, [1] * 5, row_totals_hold(2, 3)) == []


def test_the_groups_of_a_region_follow_blank_lines_and_labels():
    lines = [(1, "一、本年新收"), (2, "21"), (3, ""), (4, "0"), (5, "1"), (6, "2"), (7, "标签 3"), (8, "4")]
    found = table_order.groups(lines)
    assert [[v.value for v in group] for group in found] == [[21], [0, 1, 2], [3], [4]]
    assert table_order.groups([(1, "023 5")]) is None


def column_sums_hold(rows, width):
    """The last row is the column sums of the others (like （七）总计 of the result rows)."""
    def holds(cells):
        return all(sum(cells[(r, c)] for r in range(rows - 1)) == cells[(rows - 1, c)] for c in range(width))
    return holds


def test_a_value_printed_apart_on_its_label_s_line_is_tried_at_the_row_s_other_end():
    # rows 1 0 1 | 2 3 5 | 3 3 6; the first row printed "0 1" then, on its label's line, "1"
    values = stream([0, 1, 1, 2, 3, 5, 3, 3, 6])
    kept = table_order.consistent(values, 3, 3, [2, 1, 3, 3], column_sums_hold(3, 3),
                                  names=("rows", "rows, a lone value moved"))
    assert [table(cells, 3, 3) for _, cells in kept] == [[[1, 0, 1], [2, 3, 5], [3, 3, 6]]]


def test_lone_values_are_moved_only_where_the_groups_split_a_row_one_from_the_rest():
    assert table_order.layouts(2, 3, [3, 3], names=("rows, a lone value moved",)) == []
    moved = table_order.layouts(2, 3, [2, 1, 3], names=("rows, a lone value moved",))
    assert [order for _, order in moved] == [[(0, 1), (0, 2), (0, 0), (1, 0), (1, 1), (1, 2)]]
