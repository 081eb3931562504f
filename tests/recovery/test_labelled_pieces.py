"""A review table printed in pieces under its labels (stretch_order.labelled_pieces), on small
texts: one reading filled, two readings left to differ, labels that contradict the printed order
read nothing; and a property: every cell all readings agree on is the cell's own value."""

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from service.parsing import stretch_order
from service.parsing.normalize import prepare

TABLE = "reviews_and_lawsuits"
ROWS = ["review", "lawsuit_direct", "lawsuit_after_review"]
COLUMNS = ["upheld", "corrected", "other", "pending", "total"]


def row_totals(cells):
    known = [r for r in range(3) if all(cells[(r, c)] is not None for c in range(5))]
    return bool(known) and all(sum(cells[(r, c)] for c in range(4)) == cells[(r, 4)] for r in known)


def readings(text):
    doc = prepare(text)
    read = SimpleNamespace(doc=doc, regions={TABLE: (0, len(doc.norm))})
    found = stretch_order.labelled_pieces(read, TABLE, ROWS, COLUMNS, row_totals)
    return [[[cells[(r, c)].value for c in range(5)] for r in range(3)] for _, _, cells in found]


def lines(*values):
    return "\n".join(map(str, values))


# wkhtmltopdf's putian-city-2019: 未经复议直接起诉's total 2 printed among 复议后起诉's values
PRINTED = ("行政复议\n结果维持\n" + lines(3, 8, 0, 1) + "\n行政诉讼\n未经复议直接起诉\n总计\n12\n结果维持\n"
           + lines(0, 1, 0, 1) + "\n复议后起诉\n总计 结果维持 总计\n" + lines(1, 0, 0, 0, 2, 1))


def test_a_lone_value_printed_among_the_next_row_s_values_is_read_back():
    assert readings(PRINTED) == [[[3, 8, 0, 1, 12], [0, 1, 0, 1, 2], [1, 0, 0, 0, 1]]]


def test_two_readings_that_differ_are_both_returned():
    # 未经复议直接起诉's total 2 may be the first 2 of 复议后起诉's piece or one of its last two:
    # 复议后起诉 is 0 0 0 2 | 2 or 2 0 0 0 | 2; the review row and 未经复议直接起诉 are the same in both
    text = ("行政复议\n说明\n" + lines(1, 0, 0, 0) + "\n说明\n1\n未经复议直接起诉\n说明\n" + lines(0, 0, 1, 1)
            + "\n复议后起诉\n说明\n" + lines(2, 0, 0, 0, 2, 2))
    found = {tuple(map(tuple, reading)) for reading in readings(text)}
    assert {reading[2] for reading in found} == {(0, 0, 0, 2, 2), (2, 0, 0, 0, 2)}
    assert {reading[:2] for reading in found} == {((1, 0, 0, 0, 1), (0, 0, 1, 1, 2))}


def test_labels_that_contradict_the_printed_order_read_nothing():
    # huaian-2024: 复议后起诉's values printed under its label before 未经复议直接起诉's; row totals
    # hold with the two swapped, and the labels say the printed order is not the rows' order
    text = ("行政复议\n行政诉讼\n未经复议直接起诉\n结果维持\n" + lines(72, 64, 178, 37) + "\n复议后起诉\n结果维持\n"
            + lines(12, 1, 1, 6) + "\n总计\n351\n结果维持\n" + lines(13, 4, 8, 1) + "\n总计\n26\n总计\n20")
    assert readings(text) == []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.integers(0, 9), min_size=4, max_size=4), min_size=3, max_size=3),
       st.booleans(), st.integers(0, 4))
def test_cells_every_reading_agrees_on_are_the_printed_values(parts, moved, at):
    # three rows under their labels, each total printed apart from its parts; optionally the
    # second row's total printed inside the third row's parts
    table = [row + [sum(row)] for row in parts]
    third = table[2][:4]
    if moved:
        body3 = third[:at] + [table[1][4]] + third[at:] + [table[2][4]]
        second = lines(*table[1][:4])
    else:
        body3 = third + ["说明", table[2][4]]
        second = lines(*table[1][:4]) + "\n说明\n" + str(table[1][4])
    text = ("行政复议\n说明\n" + lines(*table[0][:4]) + "\n说明\n" + str(table[0][4]) + "\n未经复议直接起诉\n说明\n"
            + second + "\n复议后起诉\n说明\n" + lines(*body3))
    found = readings(text)
    for r in range(3):
        for c in range(5):
            seen = {reading[r][c] for reading in found}
            if len(seen) == 1:
                assert seen == {table[r][c]}


from service.parsing import table_order  # noqa: E402
from service.parsing.table_order import Value  # noqa: E402

PARTS = ["upheld", "corrected", "other", "pending"]
ACROSS = "结\n结\n其\n尚\n果\n果\n他\n未\n维\n纠\n结\n审\n持\n正\n果\n结\n"
TURNED = "结 结\n其\n尚\n果 果\n维 纠\n他\n结\n未\n审\n持 正\n果\n结\n"     # LibreOffice's pingtan-2021


def parts_after(header, values, between="未经复议直接起诉\n总\n计\n", total=None):
    """{(row, column): Value} of one review row printed as header, parts, text, total; the doc."""
    text = "行政复议\n" + header + lines(*values) + "\n" + between + str(total if total is not None else sum(values))
    doc = prepare(text)
    first = 2 + header.count("\n")
    agreed = {("review", column): Value(value, str(value), first + index) for index, (column, value)
              in enumerate(zip(PARTS, values))}
    agreed[("review", "total")] = Value(sum(values), str(sum(values)), first + len(values) + between.count("\n"))
    return doc, agreed


def test_parts_after_their_titles_printed_across_the_columns_are_kept():
    doc, agreed = parts_after(ACROSS, [3, 8, 0, 1])
    assert table_order.unordered_parts(doc, ["review"], PARTS + ["total"], agreed) == []
    assert [agreed[("review", column)].value for column in PARTS] == [3, 8, 0, 1]


def test_parts_after_titles_printed_otherwise_are_left_null():
    # LibreOffice prints the titles column by column in pieces, and the parts 1 2 0 0 for 1 0 2 0
    doc, agreed = parts_after(TURNED, [1, 2, 0, 0])
    assert table_order.unordered_parts(doc, ["review"], PARTS + ["total"], agreed) == ["review"]
    assert ("review", "upheld") not in agreed and agreed[("review", "total")].value == 3


def test_parts_with_text_among_them_are_left_null_even_under_their_titles():
    text = "行政复议\n" + ACROSS + "3\n8\n说明\n0\n1\n总计\n12"
    doc = prepare(text)
    agreed = {("review", column): Value(value, str(value), line) for column, value, line
              in zip(PARTS, [3, 8, 0, 1], [18, 19, 21, 22])}
    agreed[("review", "total")] = Value(12, "12", 24)
    assert table_order.unordered_parts(doc, ["review"], PARTS + ["total"], agreed) == ["review"]
