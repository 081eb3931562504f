"""Stage 4: numbered section headings, their kinds, and sub-headings."""

import pytest
from hypothesis import given, settings, strategies as st

from service.parsing.normalize import prepare
from service.parsing.sections import (HEADING_RE, NUM, attach_subheadings, find_sections, heading_numerals,
                                      numeral_value, section_kind)


def outline(text):
    doc = prepare(text)
    sections = find_sections(doc.norm)
    attach_subheadings(doc.norm, sections, [])
    return sections


@pytest.mark.parametrize("title, kind", [
    ("总体情况", "overview"), ("概述", "overview"), ("工作机制保障", "overview"),
    ("主动公开政府信息情况", "active_disclosure"), ("主动公开工作情况", "active_disclosure"),
    ("收到和处理政府信息公开申请情况", "applications"), ("依申请公开数量信息情况", "applications"),
    ("依申请公开、不予公开及咨询政府信息情况", "applications"),
    ("政府信息公开行政复议、行政诉讼情况", "reviews_and_lawsuits"),
    ("因政府信息公开工作被申请行政复议、提起行政诉讼情况", "reviews_and_lawsuits"),
    ("政府信息公开行政诉讼数量", "reviews_and_lawsuits"),
    ("政府信息公开工作存在的主要问题及改进情况", "problems_and_improvements"),
    ("其他需要报告的事项", "other_matters"), ("政府信息公开情况统计表", "statistics_table"),
    ("收费及减免情况", "fees"), ("审批事项及处理情况", None), ("工作人员及信息公开事务支出情况", None),
])
def test_section_kind(title, kind):
    assert section_kind(title) == kind


@pytest.mark.parametrize("numeral, value", [("一", 1), ("九", 9), ("十", 10), ("十二", 12), ("二十", 20)])
def test_numeral_value(numeral, value):
    assert numeral_value(numeral) == value


def test_table_rows_numbered_like_headings_are_not_sections():
    text = ("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\n二、上年结转政府信息公开申请数量\t0\n"
            "三、本年度办理结果\n四、结转下年度继续办理\t0\n四、政府信息公开行政复议、行政诉讼情况\n")
    assert [(s.heading.number, s.heading.kind) for s in outline(text)] == [
        ("三", "applications"), ("四", "reviews_and_lawsuits")]


def test_headings_inside_one_running_line():
    text = ("平潭综合实验区2019年政府信息公开工作年度报告 本报告包括总体情况、主动公开政府信息情况等六个部分。"
            "一、总体情况2019年，我区……二、主动公开政府信息情况 第二十条第（一）项……"
            "三、收到和处理政府信息公开申请情况（本列数据……四、结转下年度继续办理 0 "
            "四、政府信息公开行政复议、行政诉讼情况行政复议……五、存在的主要问题及改进情况2019年……"
            "六、其他需要报告的事项 无其他需要报告的事项")
    assert [s.heading.kind for s in outline(text)] == [
        "overview", "active_disclosure", "applications", "reviews_and_lawsuits",
        "problems_and_improvements", "other_matters"]


def test_a_numbered_list_inside_a_section_does_not_break_the_outline():
    text = ("一、总体情况\n一、加强组织领导。\n二、完善工作制度。\n三、强化监督。\n"
            "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n")
    assert [s.heading.title for s in outline(text)] == [
        "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况"]


def test_restarted_numbering_and_a_missing_heading_inferred_from_its_subheading():
    text = ("一、总体情况\n二、工作机制保障\n一、主动公开政府信息情况\n二、收到和处理政府信息公开申请情况\n"
            "三、政府信息公开行政复议、行政诉讼情况\n表\n（一）主要问题\n问题。\n（二）改进情况\n五、其他需要报告的事项\n")
    sections = outline(text)
    assert [(s.heading.number, s.heading.kind, s.heading.inferred) for s in sections] == [
        ("一", "overview", False), ("二", "overview", False), ("一", "active_disclosure", False),
        ("二", "applications", False), ("三", "reviews_and_lawsuits", False),
        ("四", "problems_and_improvements", True), ("五", "other_matters", False)]


def test_subheadings_but_not_yishi_erschi_prose():
    text = "一、总体情况\n（一）主动公开情况。一是加强领导，二是完善制度。\n(二)依申请公开情况\n正文\n二、主动公开政府信息情况\n"
    first = outline(text)[0]
    assert [(number, title) for number, title, _ in first.subheadings] == [("一", "主动公开情况"), ("二", "依申请公开情况")]


PRE_2019 = ("某县人民政府2017年政府信息公开工作年度报告\n一、概述\n今年我县……\n二、主动公开政府信息情况\n全年主动公开信息100条。\n"
            "三、依申请公开政府信息情况\n全年受理申请3件。\n四、政府信息公开的收费及减免情况\n未收费。\n"
            "五、因政府信息公开申请行政复议、提起行政诉讼的情况\n无。\n{heading}\n一是公开内容不够全面。二是……\n"
            "七、其他需要报告的事项\n无。\n")


@pytest.mark.parametrize("heading", ["存在的主要问题及改进措施", "六．存在的主要问题及改进措施", "6、存在的主要问题及改进措施",
                                     "第六部分 存在的主要问题及改进措施", "六 存在的主要问题及改进措施"])
def test_a_section_under_another_numbering_fills_the_skipped_numeral(heading):
    sections = find_sections(PRE_2019.format(heading=heading))
    assert [(s.heading.number, s.heading.kind) for s in sections][-3:] == [
        ("五", "reviews_and_lawsuits"), ("六", "problems_and_improvements"), ("七", "other_matters")]
    printed = sections[-2].heading
    assert printed.title == "存在的主要问题及改进措施" and not printed.inferred


def test_a_line_of_prose_in_the_gap_is_no_section():
    text = PRE_2019.format(heading="今年未发生因政府信息公开引起的行政复议。")
    assert [s.heading.number for s in find_sections(text)][-2:] == ["五", "七"]


HEADING_ALPHABET = sorted(set(NUM)) + [" ", "\u3000", "\t", "\n", "\x1c", "\xa0", "、", "、", "a", "。", "(", "三"]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=HEADING_ALPHABET, max_size=40))
def test_heading_numerals_find_what_the_heading_pattern_matches(text):
    """The scan from each 、 backwards gives exactly the matches of HEADING_RE (its definition)."""
    expected = [(match.start(), match.end(), match.group(1)) for match in HEADING_RE.finditer(text)]
    assert list(heading_numerals(text)) == expected
