"""Stage 6: the three tables: regions, template, rows by label and by order, warnings."""

from service.parsing import parse_report
from service.parsing.report import read_report

APP_ROWS_2019 = [
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
    "7.属于行政执法案卷", "8.属于行政查询事项", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
    "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理", "（七）总计",
    "四、结转下年度继续办理",
]
KEYS_2019 = [
    "new_received", "carried_over", "granted", "partially_granted", "denied_state_secret",
    "denied_prohibited_by_law", "denied_security_stability", "denied_third_party_rights",
    "denied_internal_affairs", "denied_process_information", "denied_enforcement_files",
    "denied_inquiry_matters", "unable_not_held", "unable_needs_creation", "unable_unclear",
    "rejected_complaint", "rejected_duplicate", "rejected_publication", "rejected_excessive",
    "rejected_confirmation", "other_handling", "total_handled", "carried_forward",
]
HEAD = "某某镇人民政府2020年政府信息公开工作年度报告\n一、总体情况\n正文。\n"
AD_2019 = ("二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
           "规章\t0\t0\t0\n规范性文件\t10\t10\t0\n第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n"
           "政府集中采购\t929\t120190475.34元\n")
REVIEWS_HEAD = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
TAIL = "五、存在的主要问题及改进情况\n问题。\n六、其他需要报告的事项\n无。\n"


def applications(rows_text):
    return "三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n申请人情况\n" + rows_text


def row_lines(values_by_label, sep="\t"):
    return "".join(f"{label}{sep}{sep.join(values)}\n" for label, values in values_by_label)


def seven(index):
    return [str(index), "0", "0", "0", "0", "0", str(index)]


# Totals of the 2019 rows that add up like a real table: every result row i holds i, （七）
# their sum, 一 the same, 二 and 四 zero (row totals hold too). A table placed by position
# must add up, or its positional rows are left null.
RESULTS_2019 = range(2, 21)
BALANCED_2019 = [sum(RESULTS_2019), 0, *RESULTS_2019, sum(RESULTS_2019), 0]


def balanced(index):
    return [str(BALANCED_2019[index]), "0", "0", "0", "0", "0", str(BALANCED_2019[index])]


def full_report(app_rows, reviews="0\t" * 14 + "0\n"):
    return HEAD + AD_2019 + applications(app_rows) + REVIEWS_HEAD + reviews + TAIL


def test_every_row_read_by_its_label_and_amounts_in_yuan_converted():
    result = parse_report(full_report(row_lines((label, seven(i)) for i, label in enumerate(APP_ROWS_2019))))
    assert result["report"]["template"] == "2019"
    rows = result["tables"]["applications"]["rows"]
    assert list(rows) == KEYS_2019
    assert [rows[key]["total"] for key in KEYS_2019] == list(range(len(KEYS_2019)))
    procurement = result["tables"]["active_disclosure"]["rows"]["procurement"]
    assert procurement == {"projects": 929, "amount": 12019.047534}
    assert any(w["code"] == "amount_converted" and w["row"] == "procurement" for w in result["warnings"])


def test_blank_and_dash_cells_are_null_never_zero():
    text = full_report(row_lines((label, seven(1)) for label in APP_ROWS_2019)).replace(
        "规章\t0\t0\t0", "规章\t/\t—\t")
    rows = parse_report(text)["tables"]["active_disclosure"]["rows"]
    assert rows["regulations"] == {"new_made": None, "new_published": None, "total_published": None}
    assert rows["normative_documents"] == {"new_made": 10, "new_published": 10, "total_published": 0}


def test_labels_detached_from_their_values_are_placed_by_row_order():
    # As in shkewei-2024: the values of （二） come right after （一）'s row with no label; the
    # labels of （二） and 2. come later, together, before 1.'s row; 2.'s values follow 1.'s row.
    def row(i, label=True):
        return f"| {APP_ROWS_2019[i] + ' | ' if label else ''}{' | '.join(balanced(i))} |\n"
    text = (row(0) + row(1) + row(2) + row(3, label=False) + "|---|---|---|---|---|---|---|\n\n"
            + APP_ROWS_2019[3] + "\n" + APP_ROWS_2019[5] + "\n" + row(4) + row(5, label=False)
            + "".join(row(i) for i in range(6, len(APP_ROWS_2019))))
    result = parse_report(full_report(text))
    rows = result["tables"]["applications"]["rows"]
    assert [rows[key]["total"] for key in KEYS_2019] == BALANCED_2019
    assert not [w for w in result["warnings"] if w["table"] == "applications"]


def test_review_row_with_sixteen_values_for_fifteen_columns_is_reported():
    result = parse_report(full_report(row_lines((label, seven(0)) for label in APP_ROWS_2019),
                                      reviews="\t".join(["0"] * 16) + "\n"))
    warning = next(w for w in result["warnings"] if w["code"] == "row_value_count")
    assert warning["table"] == "reviews_and_lawsuits"
    assert "16 values for 15 columns" in warning["message"]
    assert warning["line"] == result["tables"]["reviews_and_lawsuits"]["end_line"]
    assert result["tables"]["reviews_and_lawsuits"]["rows"]["lawsuit_after_review"]["total"] == 0


def test_reviews_split_into_three_rows_in_order():
    values = "10\t1\t0\t0\t0\t0\t0\t0\t0\t0\t5\t0\t0\t0\t0\n"
    rows = parse_report(full_report(row_lines((label, seven(0)) for label in APP_ROWS_2019), values))[
        "tables"]["reviews_and_lawsuits"]["rows"]
    assert rows["review"] == {"upheld": 10, "corrected": 1, "other": 0, "pending": 0, "total": 0}
    assert rows["lawsuit_after_review"]["upheld"] == 5


def test_a_2021_table_with_the_single_2019_other_row_keeps_it():
    labels = [label for label in APP_ROWS_2019]
    text = (HEAD.replace("2020", "2023") + "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n"
            "规章 0 0 0\n行政规范性文件 0 5 5\n" + applications(row_lines((label, seven(1)) for label in labels))
            + REVIEWS_HEAD + "0 " * 15 + "\n" + TAIL)
    result = parse_report(text)
    assert result["report"]["template"] == "2021"
    rows = result["tables"]["applications"]["rows"]
    assert rows["other_handling"]["total"] == 1
    assert "other_overdue_correction" not in rows
    assert not [w for w in result["warnings"] if w["code"] == "cell_not_found" and w["table"] == "applications"]


def test_missing_row_is_null_with_a_warning():
    labels = [label for label in APP_ROWS_2019 if label != "2.重复申请"]
    result = parse_report(full_report(row_lines((label, seven(1)) for label in labels)))
    assert set(result["tables"]["applications"]["rows"]["rejected_duplicate"].values()) == {None}
    assert {"code": "cell_not_found", "table": "applications", "row": "rejected_duplicate"}.items() <= next(
        w for w in result["warnings"] if w["row"] == "rejected_duplicate").items()


def test_narrative_report_without_tables_has_null_tables_and_no_template():
    text = ("社溪镇政府2019年度信息公开年度报告\n一、概述\n正文。\n二、主动公开政府信息情况\n共主动公开政府信息841条。\n"
            "三、依申请公开数量信息情况\n我镇2019年度无相关依申请公开数量信息情况.\n四、政府信息公开行政复议数量\n"
            "我镇2019年度我镇无相关行政复议数量。\n")
    result = parse_report(text)
    assert result["tables"] == {"active_disclosure": None, "applications": None, "reviews_and_lawsuits": None}
    assert result["report"]["template"] is None


def test_a_preamble_that_names_every_section_creates_no_table():
    text = ("XX县人民政府2021年政府信息公开工作年度报告\n本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
            "政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本年度共收到申请 12 件 3 件。\n")
    result = parse_report(text)
    assert all(table is None for table in result["tables"].values())


def test_an_unknown_label_beside_values_is_reported_and_its_values_not_invented_into_a_row():
    rows = row_lines((label, seven(1)) for label in APP_ROWS_2019) + "（八）某种新的处理方式\t9\t9\t9\t9\t9\t9\t9\n"
    result = parse_report(full_report(rows))
    unknown = [w for w in result["warnings"] if w["code"] == "unknown_label"]
    assert len(unknown) == 1 and "某种新的处理方式" in unknown[0]["message"]
    assert all(values["total"] == 1 for values in result["tables"]["applications"]["rows"].values())


def test_template_from_the_wording_beats_the_year_and_an_undecidable_one_is_reported():
    text = full_report(row_lines((label, seven(1)) for label in APP_ROWS_2019)).replace("2020年", "2022年")
    assert parse_report(text)["report"]["template"] == "2019"     # 本年新制作/采购 wording
    bare = ("XX镇政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况\n"
            + row_lines((label, seven(1)) for label in APP_ROWS_2019))
    result = parse_report(bare)
    assert result["report"]["template"] == "2021"
    assert any(w["code"] == "template_unknown" for w in result["warnings"])


def test_labels_printed_after_their_values_are_read_the_right_way_round():
    # pdftotext's default order puts each row's label after its numbers, one cell per line.
    lines = []
    for i, label in enumerate(APP_ROWS_2019):
        lines += balanced(i) + [label]
    text = HEAD + AD_2019 + applications("\n".join(lines) + "\n") + REVIEWS_HEAD + "0\t" * 14 + "0\n" + TAIL
    rows = parse_report(text)["tables"]["applications"]["rows"]
    assert [rows[key]["total"] for key in KEYS_2019] == BALANCED_2019


def test_values_placed_by_position_that_do_not_add_up_are_left_null_with_a_warning():
    # The same layout with totals that break （七） = the sum of the results: the values may
    # belong to other rows, so no positional row keeps a number the arithmetic contradicts.
    lines = []
    for i, label in enumerate(APP_ROWS_2019):
        lines += seven(i) + [label]
    text = HEAD + AD_2019 + applications("\n".join(lines) + "\n") + REVIEWS_HEAD + "0\t" * 14 + "0\n" + TAIL
    result = parse_report(text)
    rows = result["tables"]["applications"]["rows"]
    assert rows["total_handled"]["total"] is None and rows["new_received"]["total"] is None
    assert all(rows[key]["total"] in (None, i) for i, key in enumerate(KEYS_2019))
    layout = [w for w in result["warnings"] if w["code"] == "ambiguous_layout"]
    assert layout and all("applications." in w["message"] for w in layout)


def _with_table_2(block_text, recover=True):
    ad = "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n" + block_text
    text = HEAD + ad + applications(row_lines((label, seven(1)) for label in APP_ROWS_2019)) \
        + REVIEWS_HEAD + "0\t" * 14 + "0\n" + TAIL
    return parse_report(text) if recover else read_report(text).result


def test_table_2_labels_printed_after_their_values_are_paired_with_the_values_before():
    result = _with_table_2("0\n0\n0\n规章\n10\n10\n0\n规范性文件\n")
    rows = result["tables"]["active_disclosure"]["rows"]
    assert rows["regulations"] == {"new_made": 0, "new_published": 0, "total_published": 0}
    assert rows["normative_documents"] == {"new_made": 10, "new_published": 10, "total_published": 0}


def test_table_2_values_left_over_in_a_block_leave_its_rows_null():
    # labels after values, then values no label follows: every pairing of this block is in doubt
    # (the reader alone; recovery reads the block from its printed layout, below)
    result = _with_table_2("0\n0\n0\n规章\n规范性文件\n10\n10\n0\n", recover=False)
    rows = result["tables"]["active_disclosure"]["rows"]
    assert rows["regulations"] == {"new_made": None, "new_published": None, "total_published": None}
    assert rows["normative_documents"] == {"new_made": None, "new_published": None, "total_published": None}
    doubted = {w["row"] for w in result["warnings"] if w["code"] == "ambiguous_layout"}
    assert {"regulations", "normative_documents"} <= doubted
    assert not [path for path in result["provenance"] if "active_disclosure" in path]


def test_table_2_values_left_over_in_a_block_are_read_from_the_printed_layout_by_recovery():
    # the reader leaves the block null (above); recovery reads it from its printed layout: 0 0 0
    # printed together are one row's (a block of two rows has no column of three), so row by row
    result = _with_table_2("0\n0\n0\n规章\n规范性文件\n10\n10\n0\n")
    rows = result["tables"]["active_disclosure"]["rows"]
    assert rows["regulations"] == {"new_made": 0, "new_published": 0, "total_published": 0}
    assert rows["normative_documents"] == {"new_made": 10, "new_published": 10, "total_published": 0}
    assert result["provenance"]["tables.active_disclosure.rows.normative_documents.new_made"]["method"] == "printed_layout"


def test_table_2_one_run_of_values_after_two_labels_is_nobody_s():
    result = _with_table_2("规章\t规范性文件\n0\t10\n0\t10\n0\t0\n")
    rows = result["tables"]["active_disclosure"]["rows"]
    assert rows["regulations"]["new_made"] is None and rows["normative_documents"]["new_made"] is None
    assert {"regulations", "normative_documents"} <= {w["row"] for w in result["warnings"] if w["code"] == "ambiguous_layout"}


def test_table_2_row_with_more_values_than_columns_is_null_not_read_from_the_left():
    result = _with_table_2("规章\t0\t0\t0\n规范性文件\t10\t0\t0\t10\t0\n")
    rows = result["tables"]["active_disclosure"]["rows"]
    assert rows["regulations"] == {"new_made": 0, "new_published": 0, "total_published": 0}
    assert rows["normative_documents"] == {"new_made": None, "new_published": None, "total_published": None}
