"""Stage 5: title, organization, year, publication date and contacts."""

import pytest
from hypothesis import given, settings, strategies as st

from service.parsing import metadata, parse_report


@pytest.mark.parametrize("head, organization, year", [
    ("景芝镇2019年政府信息公开工作年度报告\n", "景芝镇", 2019),
    ("宁海县力洋镇人民政府2020年政府信息  公开工作年度报告\n", "宁海县力洋镇人民政府", 2020),
    ("\n\n桓仁满族自治县古城镇人民政府\n\n2020 年度政府信息公开工作报告\n", "桓仁满族自治县古城镇人民政府", 2020),
    ("社溪镇政府2019年度信息公开年度\n\n报  告\n", "社溪镇政府", 2019),
    ("正文\n2024 年上海市科委政府信息公开工作\n年度报告\n", "上海市科委", 2024),
    ("根据《中华人民共和国政府信息公开条例》规定,现公布玉潭镇人民政府2021年政府信息公开工作年度报告。\n", "玉潭镇人民政府", 2021),
    ("标题: 平潭综合实验区2019年度政府信息公开工作年度报告\n发布时间: 2020-01-20 15:22\n", "平潭综合实验区", 2019),
])
def test_title(head, organization, year):
    report = parse_report(head + "一、总体情况\n正文。\n")["report"]
    assert (report["organization"], report["year"]) == (organization, year)


def test_signature_gives_the_date_and_stands_in_for_a_missing_title():
    text = ("本报告数据期限涵盖2024年1月1日至2024年12月31日。\n一、总体情况\n正文。\n六、其他需要报告的事项\n无。\n"
            "                             莆田市文化和旅游局\n\n                              2025年1月20日\n（此份主动公开）\n")
    report = parse_report(text)["report"]
    assert (report["organization"], report["year"], report["published_on"]) == ("莆田市文化和旅游局", 2024, "2025-01-20")


def test_signed_date_wins_over_the_portal_date_and_dates_in_prose_are_not_signatures():
    text = ("标题: 平潭县人民政府2012年政府信息公开工作年度报告\n发布时间: 2013-01-17 00:00\n"
            "一、概述 统计期限自2012年1月1日起至2012年12月31日止。四、存在的主要问题及改进情况 做好工作。"
            " 平潭县人民政府 2013年1月16日 附件1：统计表")
    assert parse_report(text)["report"]["published_on"] == "2013-01-16"
    no_signature = "洪泽区人民政府\n2023 年政府信息公开工作年度报告\n一、总体情况\n2023 年 1 月 1 日起至 2023 年 12 月 31 日止。\n"
    assert parse_report(no_signature)["report"]["published_on"] is None


def test_contacts_from_the_preamble():
    text = ("洪泽区人民政府\n2023 年政府信息公开工作年度报告\n如对本报告有疑问，请与淮安市洪\n泽区人民政府办公室联系（地址：淮安市洪泽区洪泽湖大道 90\n"
            "号 ， 邮 编 ： 223100 ， 电 话 ： 0517-87222589 ， 电 子 邮 箱 ：\nhzzwgk@126.com）。\n一、总体情况\n")
    assert parse_report(text)["report"]["contacts"] == {
        "address": "淮安市洪泽区洪泽湖大道90号", "postcode": "223100", "phone": "0517-87222589",
        "fax": None, "email": "hzzwgk@126.com"}


def test_phone_with_a_dash_and_fax():
    text = "XX镇2020年政府信息公开工作年度报告\n（联系地址：力洋东路15号，邮编：315602，电话：0574—65101613，传真：0574—65101551）\n一、总体情况\n"
    contacts = parse_report(text)["report"]["contacts"]
    assert (contacts["phone"], contacts["fax"], contacts["postcode"]) == ("0574-65101613", "0574-65101551", "315602")


def test_an_organization_named_only_inside_book_title_marks_loses_the_verb_before_them():
    from service.parsing import parse_report

    text = "根据《中华人民共和国政府信息公开条例》规定，制定《某某市自然资源局2017年政府信息公开工作年度报告》。\n一、概述\n无。\n"
    report = parse_report(text)["report"]
    assert report["organization"] == "某某市自然资源局"
    assert report["title"] == "某某市自然资源局2017年政府信息公开工作年度报告"


CONTACT_PIECES = ["通讯地址:", "地址:", "联系电话:", "咨询电话:", "电话/传真:", "传真号码:", "邮编:", "邮政编码", "123456",
                  "0594-1234567", "a.b@c.gov.cn", "@", "x" * 70, "发布日期:", "成文日期 :", "时间:", "2023年1月2日",
                  "2023-01-02", " ", ",", "日期", "联系", "办公"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(CONTACT_PIECES), max_size=12).map("".join), st.integers(0, 200))
def test_anchored_search_finds_what_the_plain_search_finds(text, end):
    """The metadata patterns searched from their anchor words (ANCHORS) give the same match."""
    patterns = {**metadata.CONTACT_RES, "published": metadata.PUBLISHED_RE}
    assert set(patterns) == set(metadata.ANCHORS)
    for name, pattern in patterns.items():
        for args in ((0, len(text)), (0, min(end, len(text)))):
            plain = pattern.search(text, *args)
            anchored = metadata.anchored_search(pattern, name, text, *args)
            assert (plain and (plain.span(), plain.groupdict())) == (anchored and (anchored.span(), anchored.groupdict()))
