"""The readings of a table printed in pieces (service/parsing/segment_order.py) on small tables:
row heads beside their labels and tails elsewhere, a unique reading, two readings, none, a band
of tails printed down its columns, a label pinning a row, a bounded search; and the segments of
pdftotext-like text."""

from hypothesis import given, settings, strategies as st

from service.parsing import segment_order
from service.parsing.segment_order import Segment
from service.parsing.table_order import Value

WIDTH = 3


def pieces(*parts):
    """Segments from lists of numbers; a part given as (numbers, label) stands beside a label.
    Each value is a group of its own (a blank line between values) unless a part is a tuple of
    tuples (the inner tuples are groups)."""
    found, line, group = [], 0, 0
    for part in parts:
        label = ""
        if isinstance(part, tuple) and isinstance(part[1], str):
            part, label = part
        chunks = part if part and isinstance(part[0], tuple) else [(n,) for n in part]
        values, groups = [], []
        for chunk in chunks:
            group += 1
            for number in chunk:
                line += 1
                values.append(Value(number, str(number), line))
                groups.append(group)
        found.append(Segment(tuple(values), tuple(groups), bool(label), label))
    return found


def row_total(row, values):
    return values[0] + values[1] == values[2]


def column_sums(rows):
    """The last row is the sum of the others (like （七）总计 of the result rows)."""
    def holds(cells):
        return all(sum(cells[(r, c)] for r in range(rows - 1)) == cells[(rows - 1, c)] for c in range(WIDTH))
    return holds


def tables(solutions, rows):
    return {tuple(tuple(cells[(r, c)].value for c in range(WIDTH)) for r in range(rows)) for cells in solutions}


def test_tails_printed_before_the_heads_beside_their_labels_are_read_back():
    # rows 1 2 3 | 4 0 4 | 5 2 7: the tails of every row first, then each row's first value
    found = pieces([2, 3, 0, 4, 2, 7], [1], [4], [5])
    solutions = segment_order.solve(found, 3, WIDTH, row_total, column_sums(3), 1000)
    assert tables(solutions, 3) == {((1, 2, 3), (4, 0, 4), (5, 2, 7))}


def test_two_readings_that_add_up_are_both_given_so_their_rows_stay_undecided():
    # rows 1 0 1 | 0 1 1 | 1 1 2 printed as three whole rows without labels: the first two may be
    # read either way round (a head of the first row and the tail of the second, or the reverse)
    found = pieces([1, 0, 1], [0, 1, 1], [1, 1, 2])
    solutions = segment_order.solve(found, 3, WIDTH, row_total, column_sums(3), 1000)
    assert tables(solutions, 3) == {((1, 0, 1), (0, 1, 1), (1, 1, 2)), ((0, 1, 1), (1, 0, 1), (1, 1, 2))}
    agreed = {(r, c) for r in range(3) for c in range(WIDTH)
              if len({cells[(r, c)].value for cells in solutions}) == 1}
    assert agreed == {(0, 2), (1, 2), (2, 0), (2, 1), (2, 2)}     # 1 0 / 0 1 of the first two rows swap


def test_a_label_beside_values_pins_their_row():
    found = pieces([1, 0, 1], ([0, 1, 1], "二、上年结转"), [1, 1, 2])
    solutions = segment_order.solve(found, 3, WIDTH, row_total, column_sums(3), 1000, anchors=[None, 1, None])
    assert tables(solutions, 3) == {((1, 0, 1), (0, 1, 1), (1, 1, 2))}


def test_nothing_is_read_when_no_reading_adds_up_or_the_count_is_wrong():
    assert segment_order.solve(pieces([0, 0, 0], [1], [0, 1], [1, 1, 2]), 3, WIDTH, row_total, column_sums(3), 1000) == []
    assert segment_order.solve(pieces([1, 2, 3], [4, 0]), 2, WIDTH, row_total, lambda cells: True, 1000) == []


def test_a_band_of_tails_in_groups_is_read_down_its_columns():
    # rows 1 2 3 | 2 0 2 | 3 2 5; heads 1, 2, 3 beside labels; the tails of all three rows printed
    # column by column in two groups of three (2 0 2 | 3 2 5 read down: 2 0 2 / 3 2 5)
    found = pieces(([1], "一"), ([2], "二"), ([3], "三"), ((2, 0, 2), (3, 2, 5)))
    solutions = segment_order.solve(found, 3, 2 + 1, row_total, column_sums(3), 1000)
    assert tables(solutions, 3) == {((1, 2, 3), (2, 0, 2), (3, 2, 5))}


def test_the_search_is_bounded():
    found = pieces([0] * 4, [0], [0], [0], [0] * 5, [0], [0], [0] * 10)
    assert segment_order.solve(found, 8, WIDTH, row_total, lambda cells: True, 5) is None
    # with steps enough, the readings of so many zeros are more than the search collects
    assert segment_order.solve(found, 8, WIDTH, row_total, lambda cells: True, 1_000_000) is None
    assert segment_order.solve(pieces([0] * 4, [0] * 20), 8, WIDTH, row_total, lambda cells: True, 1_000_000)


def test_segments_are_cut_where_text_is_printed_not_at_blank_lines():
    lines = [(1, "一、本年新收"), (2, "21"), (3, ""), (4, "0"), (5, "1"), (6, "标签 3 4"), (7, "5"),
             (8, "无"), (9, "正当理由大量"), (10, "无")]
    found = segment_order.segments(lines)
    assert [[v.value for v in segment.values] for segment in found] == [[21, 0, 1], [3, 4], [5], [None]]
    assert [segment.beside_text for segment in found] == [False, True, False, False]
    assert found[1].label == "标签"
    assert found[0].groups[0] != found[0].groups[1] == found[0].groups[2]   # a blank line ends a group
    assert segment_order.segments([(1, "023 5")]) is None


# --- property: a table printed in pieces is read back, or left undecided, never misread ---------

ROWS = 4


@st.composite
def printed_in_pieces(draw):
    """A table of ROWS rows (the last one the column sums, each row's last cell its total) and the
    segments of one way of printing it in pieces: each row's head beside its label, the tails in
    row order cut into runs placed before, between or after the heads (text between all pieces)."""
    parts = [[draw(st.integers(0, 3)) for _ in range(WIDTH - 1)] for _ in range(ROWS - 1)]
    body = [row + [sum(row)] for row in parts]
    table = body + [[sum(row[c] for row in body) for c in range(WIDTH)]]
    heads = [draw(st.integers(1, WIDTH)) for _ in range(ROWS)]
    tails = [value for r, row in enumerate(table) for value in row[heads[r]:]]
    cuts = sorted(draw(st.lists(st.integers(0, len(tails)), max_size=3)))
    runs = [tails[a:b] for a, b in zip([0] + cuts, cuts + [len(tails)]) if b > a]
    slots = sorted(draw(st.lists(st.integers(0, ROWS), min_size=len(runs), max_size=len(runs))))
    order = []
    for r in range(ROWS + 1):
        order += [("tail", run) for run, slot in zip(runs, slots) if slot == r]
        if r < ROWS:
            order.append(("head", table[r][:heads[r]]))
    beside = draw(st.booleans())
    found = pieces(*[(values, "标签") if kind == "head" and beside else values for kind, values in order])
    return table, found


@settings(max_examples=300, deadline=None)
@given(printed_in_pieces())
def test_a_table_printed_in_pieces_is_read_back_or_left_undecided(case):
    table, found = case
    solutions = segment_order.solve(found, ROWS, WIDTH, row_total, column_sums(ROWS), 5000)
    if solutions is None:
        return                                    # too many readings: nothing is filled
    read = tables(solutions, ROWS)
    assert tuple(map(tuple, table)) in read       # the printed table is one of the readings
    for r in range(ROWS):
        for c in range(WIDTH):
            seen = {reading[r][c] for reading in read}
            if len(seen) == 1:                    # a cell the caller fills: the printed value
                assert seen == {table[r][c]}
