"""Table 2 blocks read from their printed order (service/parsing/block_order.py) on small texts: a
layout that allows one reading is filled, one that allows two is left null where they differ, a
layout that contradicts every order is left null."""

from service import parsing

HEAD = "某某区人民政府2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n" \
       "本年制发件数 本年废止件数 现行有效件数\n"
TAIL = "\n三、收到和处理政府信息公开申请情况\n"
ROWS = ("regulations", "normative_documents")


def parse(block):
    return parsing.parse_report(HEAD + block + TAIL)


def block_of(result):
    rows = result["tables"]["active_disclosure"]["rows"]
    return {row: list(rows[row].values()) for row in ROWS}


def test_a_value_beside_its_label_is_the_row_s_first_column():
    # plain pdftotext of a Chromium page: the value beside the label is printed after the others
    result = parse("0\n0\n0\n规章\n132\n470\n行政规范性文件 77")
    assert block_of(result) == {"regulations": [0, 0, 0], "normative_documents": [77, 132, 470]}
    entry = result["provenance"]["tables.active_disclosure.rows.normative_documents.issued"]
    assert entry == {"method": "printed_layout", "printed": "0 0 0 132 470 77", "line": 12, "readings": 1,
                     "identities": []}
    assert not any(w["code"] == "ambiguous_layout" for w in result["warnings"])


def test_values_printed_in_groups_are_neighbouring_cells():
    # the first column beside the labels, then 3 4 and 5 6 printed together: each group is one
    # row's (row by row) — a column order would put cells of two rows and two columns in a group
    result = parse("规章 1\n行政规范性文件 2\n3\n4\n5\n6")
    assert block_of(result) == {"regulations": [1, 3, 4], "normative_documents": [2, 5, 6]}
    assert {entry["method"] for entry in result["provenance"].values()} == {"printed_layout"}


def test_two_orders_that_fit_leave_the_cells_they_differ_in_null():
    # six values each printed apart: row by row and column by column both fit; they agree only
    # on the first and the last cell
    result = parse("规章\n行政规范性文件\n\n1\n\n2\n\n3\n\n4\n\n5\n\n6\n")
    assert block_of(result) == {"regulations": [1, None, None], "normative_documents": [None, None, 6]}
    warning = next(w for w in result["warnings"] if w["code"] == "ambiguous_layout" and "orders fit" in w["message"])
    assert "rows" in warning["message"] and "columns" in warning["message"]
    assert warning["message"].endswith("left null")


def test_a_layout_that_contradicts_every_order_is_left_null():
    # 3 is printed beside 规章, the first row, but it is the block's last value: no order puts it there
    result = parse("0\n0\n0\n行政规范性文件\n1\n2\n规章 3")
    assert block_of(result)["regulations"] == [None] * 3
    assert result["provenance"] == {}
    assert any(w["code"] == "ambiguous_layout" and w["row"] == "regulations" for w in result["warnings"])


def test_a_block_with_a_value_count_other_than_its_cells_is_left_as_read():
    result = parse("0\n0\n规章\n132\n470\n行政规范性文件 77")
    assert block_of(result) == {"regulations": [None] * 3, "normative_documents": [None] * 3}
    assert result["provenance"] == {}


def test_a_block_printed_turned_rows_as_columns_is_left_null():
    # each line holds one column of both rows (0 10): a line never crosses from one row into the next
    result = parse("规章\t行政规范性文件\n0\t10\n0\t10\n0\t0")
    assert block_of(result) == {"regulations": [None] * 3, "normative_documents": [None] * 3}
    assert result["provenance"] == {}


APART_HEAD = "某某区人民政府2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n" \
             "本年制发件数 本年废止件数\n"
FEES = "第二十条第（八）项\n信息内容\n本年收费金额（单位：万元）\n行政事业性收费 5.5\n"


def parse_apart(block, after):
    return parsing.parse_report(APART_HEAD + block + FEES + after + TAIL)


def test_a_column_printed_after_the_last_block_is_read_into_the_block_that_lacks_it():
    # 现行有效件数 and its two values printed after 行政事业性收费: block (一)'s last column, down
    result = parse_apart("规章 1 2\n行政规范性文件 3 4\n", "现行有效件数\n7\n9\n")
    assert block_of(result) == {"regulations": [1, 2, 7], "normative_documents": [3, 4, 9]}
    assert result["tables"]["active_disclosure"]["rows"]["fees"]["amount"] == 5.5
    entry = result["provenance"]["tables.active_disclosure.rows.normative_documents.in_force"]
    assert entry["method"] == "printed_layout" and entry["printed"].endswith("7 9") and entry["identities"] == []
    assert not any(w["code"] in ("cell_not_found", "unassigned_values") and w["row"] in ROWS + (None,)
                   for w in result["warnings"] if w["table"] == "active_disclosure")


def test_a_column_printed_apart_fills_only_what_the_block_s_orders_agree_on():
    # the block's own four values each printed apart: rows, columns and a lone value moved all fit
    # and differ, left null; the column printed apart is filled
    result = parse_apart("规章\n行政规范性文件\n\n1\n\n2\n\n3\n\n4\n\n", "现行有效件数\n7\n9\n")
    assert block_of(result) == {"regulations": [None, None, 7], "normative_documents": [None, None, 9]}
    assert any(w["code"] == "ambiguous_layout" and "orders fit" in w["message"] for w in result["warnings"])


def test_a_column_run_that_does_not_fit_its_block_moves_nothing():
    # three values for a block of two rows: no block lacks such a column, nothing is read from it
    result = parse_apart("规章 1 2\n行政规范性文件 3 4\n", "现行有效件数\n7\n9\n11\n")
    assert block_of(result) == {"regulations": [1, 2, None], "normative_documents": [3, 4, None]}
    assert not any(path.endswith("in_force") for path in result["provenance"])


LABELS = "规章\n行政规范性文件\n行政许可\n行政处罚\n行政强制\n行政事业性收费\n"
BLOCKS = ("第二十条第（一）项\n本年制发件数 本年废止件数 现行有效件数\n0\n\n0\n\n0\n\n69\n\n3\n\n665\n"
          "第二十条第（五）项\n本年处理决定数量\n2293\n第二十条第（六）项\n本年处理决定数量\n1282\n42\n"
          "第二十条第（八）项\n本年收费金额（单位：万元）\n24.5\n")


def parse_labels_first(labels):
    return parsing.parse_report("某某区人民政府2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
                                + labels + BLOCKS + TAIL)


def test_a_label_column_printed_before_the_blocks_lets_each_block_be_read_by_its_item():
    result = parse_labels_first(LABELS)
    rows = result["tables"]["active_disclosure"]["rows"]
    assert [rows[row]["decisions"] for row in ("licensing", "penalty", "enforcement")] == [2293, 1282, 42]
    assert rows["fees"]["amount"] == 24.5
    # (一)'s six values each printed apart: several orders fit; they agree on its first and last cells only
    assert block_of(result) == {"regulations": [0, 0, None], "normative_documents": [None, None, 665]}
    assert result["provenance"]["tables.active_disclosure.rows.enforcement.decisions"]["method"] == "printed_layout"
    assert not any(w["code"] == "unreadable_table" for w in result["warnings"])


def test_a_label_column_in_another_order_than_the_blocks_reads_nothing():
    result = parse_labels_first("规章\n行政规范性文件\n行政处罚\n行政许可\n行政强制\n行政事业性收费\n")
    assert result["tables"]["active_disclosure"] is None
    assert result["provenance"] == {}


AHEAD_HEAD = "某某区人民政府2022年政府信息公开工作年度报告\n一、总体情况\n\n\f年，我局扎实推进政府信息公开工作。\n" \
             "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数 本年废止件数 现行有效件数\n" \
             "规章 0 0 0\n行政规范性文件 3 15 9\n"


def parse_ahead(five, six):
    return parsing.parse_report(AHEAD_HEAD + "第二十条第（五）项\n信息内容\n本年处理决定数量\n" + five
                                + "第二十条第（六）项\n本年处理决定数量\n" + six
                                + "第二十条第（八）项\n本年收费金额（单位：万元）\n信息内容\n行政事业性收费 7.5\n" + TAIL)


def decisions(result):
    rows = result["tables"]["active_disclosure"]["rows"]
    return [rows[row]["decisions"] for row in ("licensing", "penalty", "enforcement")]


def test_a_label_column_spanning_blocks_printed_in_the_first_reads_each_block_by_its_item():
    # plain pdftotext of a Chromium page (putian-cg-2022): (五)'s label, then (六)'s labels, then
    # (五)'s value; (六) prints its values with no label. The 2022 alone before the page break is
    # the year of the page that begins with 年, not a cell.
    result = parse_ahead("2022\n\n\f行政许可\n信息内容\n行政处罚\n行政强制\n\n81\n\n", "9\n0\n\n")
    assert decisions(result) == [81, 9, 0]
    entry = result["provenance"]["tables.active_disclosure.rows.licensing.decisions"]
    assert entry["method"] == "printed_layout" and entry["printed"] == "81" and entry["readings"] == 1
    assert result["provenance"]["tables.active_disclosure.rows.penalty.decisions"]["printed"] == "9 0"


def test_a_year_not_at_a_page_break_is_a_value_and_the_block_does_not_fit():
    # the same 2022 with no page break after it: two values for one cell, (五) is left null
    result = parse_ahead("2022\n\n行政许可\n信息内容\n行政处罚\n行政强制\n\n81\n\n", "9\n0\n\n")
    assert decisions(result) == [None, 9, 0]
    assert "tables.active_disclosure.rows.licensing.decisions" not in result["provenance"]


def test_labels_ahead_in_another_order_than_the_later_block_read_nothing_there():
    # (六)'s labels printed in another order than its rows: neither block is read
    result = parse_ahead("\f行政许可\n信息内容\n行政强制\n行政处罚\n\n81\n\n", "9\n0\n\n")
    assert decisions(result) == [None, None, None]
    assert not any(".licensing." in path or ".penalty." in path for path in result["provenance"])


def test_a_year_beside_a_label_cut_from_it_is_never_a_cell():
    # `年项目数量 | 2019`: the year of the header printed apart; the block is not read
    result = parse_ahead("行政许可\n信息内容\n行政处罚\n行政强制\n\n81\n\n", "年项目数量\n\n2019\n\n0\n\n")
    assert decisions(result)[1:] == [None, None]


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 99999), min_size=3, max_size=3), st.integers(1950, 2099), st.booleans())
def test_labels_ahead_fill_only_the_printed_values(values, year, page_break):
    # every filled cell is the value printed for it; a year before a page break is never a cell
    licensing, penalty, enforcement = values
    brk = "\f" if page_break else ""
    result = parse_ahead(f"{year}\n\n{brk}行政许可\n信息内容\n行政处罚\n行政强制\n\n{licensing}\n\n",
                         f"{penalty}\n{enforcement}\n\n")
    got = decisions(result)
    assert got[1:] == [penalty, enforcement]
    assert got[0] in ((licensing,) if page_break else (None,))


def test_labels_ahead_with_two_orders_fill_only_what_the_orders_agree_on():
    # (一) prints its labels and (五)'s, then its six values each apart: rows and columns both fit
    # and differ (first and last cells agreed); (五), naming no row of its own, is read by its item
    text = ("某某区人民政府2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n"
            "本年制发件数 本年废止件数 现行有效件数\n规章\n行政规范性文件\n信息内容\n行政许可\n\n1\n\n2\n\n3\n\n4\n\n5\n\n6\n"
            "第二十条第（五）项\n本年处理决定数量\n81\n" + TAIL)
    result = parsing.parse_report(text)
    assert block_of(result) == {"regulations": [1, None, None], "normative_documents": [None, None, 6]}
    assert result["tables"]["active_disclosure"]["rows"]["licensing"]["decisions"] == 81
    assert any(w["code"] == "ambiguous_layout" and "orders fit" in w["message"] for w in result["warnings"])
