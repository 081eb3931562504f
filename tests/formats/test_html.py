"""HTML pages: the article found inside portal chrome, tables read from their cells (merged
cells included), <meta charset> honoured; the corpus originals reproduce their gold."""

import json
import time
from pathlib import Path

import pytest

from conftest import CORPUS_DIRS, corpus_gold
from service.formats import FormatError, Limits, extract_text
from service.formats.html import MAX_ATTRIBUTES_PER_ELEMENT, html_to_text
from service.parsing import parse_report
from tests.golden.test_corpus import cell_misses, gold_cells

HTML_DOCS = [doc for doc in CORPUS_DIRS if (doc / "source.html").is_file()]


@pytest.mark.parametrize("doc", HTML_DOCS, ids=lambda doc: doc.name)
def test_corpus_originals_reach_their_gold(doc):
    """The Pingtan pages' input.txt ran table digits together; their HTML keeps every cell."""
    text, encoding = html_to_text((doc / "source.html").read_bytes())
    gold = corpus_gold(doc)
    result = parse_report(text)
    total = sum(1 for _ in gold_cells(gold))
    misses = cell_misses(gold, result)
    assert 1 - len(misses) / total >= 0.995, misses
    assert [section["kind"] for section in result["sections"]] == gold["section_kinds"]
    for field in ("organization", "year", "template"):
        assert result["report"][field] == gold["report"][field], field
    assert encoding == "utf-8"


EXPECTED_TEXT_DIR = Path(__file__).resolve().parent / "expected_html"


@pytest.mark.parametrize("doc", HTML_DOCS, ids=lambda doc: doc.name)
def test_corpus_pages_give_the_committed_text(doc):
    """The text of every corpus page, byte for byte, as the reader gave it before the speed work
    of issue 12 (tests/formats/expected_html/, written by that reader; a deliberate change of
    the reader's output rewrites them and shows in the diff)."""
    text, _ = html_to_text((doc / "source.html").read_bytes())
    assert text == (EXPECTED_TEXT_DIR / f"{doc.name}.txt").read_bytes().decode("utf-8")


def test_every_corpus_page_has_its_committed_text():
    if not HTML_DOCS:
        pytest.skip("no corpus")
    assert {f"{doc.name}.txt" for doc in HTML_DOCS} == {path.name for path in EXPECTED_TEXT_DIR.glob("*.txt")}


def page(body, head="", charset_meta=""):
    return f"<!DOCTYPE html><html><head>{charset_meta}<title>T</title>{head}</head><body>{body}</body></html>"


CHROME = ("<div class='nav'><a href='/'>首页</a> <a href='/a'>政务公开</a> <a href='/b'>政府信息公开年报</a></div>"
          "<div class='share'>微信 微博 QQ空间</div>")
ARTICLE = ("<div class='TRS_Editor'><p>某某镇人民政府2021年政府信息公开工作年度报告</p>"
           "<p>一、总体情况</p><p>本年度，我镇认真贯彻落实《条例》，推进政务公开工作，取得了明显成效。</p>"
           "<p>二、主动公开政府信息情况</p>{table}<p>六、其他需要报告的事项</p><p>无。</p></div>")
FOOTER = "<div class='footer'>版权所有 某某市人民政府 网站标识码 主办单位 联系我们 网站地图 隐私保护 使用帮助</div>"


def lines_of(markup, **kwargs):
    return html_to_text(page(markup, **kwargs).encode("utf-8"))[0].split("\n")


def test_article_without_chrome():
    lines = lines_of(CHROME + ARTICLE.format(table="") + FOOTER)
    assert "一、总体情况" in lines and "六、其他需要报告的事项" in lines
    assert not any("微信" in line or "版权所有" in line or "首页" in line for line in lines)


def test_merged_cells_on_a_grid():
    table = ("<table><tr><td rowspan='2'>三、本年度办理结果</td><td>（一）予以公开</td><td>4</td><td>0</td></tr>"
             "<tr><td>（二）部分公开</td><td>1</td><td>2</td></tr>"
             "<tr><td colspan='2'>（七）总计</td><td>5</td><td>2</td></tr>"
             "<tr><td>行政许可</td><td colspan='2'>81</td><td>3</td></tr>"
             "<tr><td>信息内容</td><td colspan='3'>本年处理决定数量</td></tr></table>")
    lines = lines_of(ARTICLE.format(table=table))
    assert "| 三、本年度办理结果 | （一）予以公开 | 4 | 0 |" in lines
    assert "| 三、本年度办理结果 | （二）部分公开 | 1 | 2 |" in lines          # the label repeats
    assert "| （七）总计 | 5 | 2 |" in lines                                 # fillers left out in a row of numbers
    assert "| 行政许可 | 81 | 3 |" in lines
    assert "| 信息内容 | 本年处理决定数量 |  |  |" in lines                  # a header row keeps its grid


def test_cell_text_split_over_paragraphs_and_spans_is_one_cell():
    table = "<table><tr><td><p>结</p><p>果</p><p>维</p><p>持</p></td><td><span>2</span><span>0</span></td></tr></table>"
    assert "| 结果维持 | 20 |" in lines_of(ARTICLE.format(table=table))


def test_meta_charset_gbk_and_a_wrong_declaration():
    body = page(ARTICLE.format(table=""), charset_meta="<meta http-equiv='Content-Type' content='text/html; charset=gbk'>")
    text, encoding = html_to_text(body.encode("gbk"))
    assert encoding == "gbk" and "总体情况" in text
    wrong = page(ARTICLE.format(table=""), charset_meta="<meta charset='gbk'>")
    text, encoding = html_to_text(wrong.encode("utf-8"))                # says gbk, is UTF-8
    assert encoding == "utf-8" and "总体情况" in text


def test_page_title_and_time_are_kept_when_outside_the_article():
    head = ("<meta name='ArticleTitle' content='某某镇人民政府2021年政府信息公开工作年度报告'>"
            "<meta name='PubDate' content='2022-01-20 10:00'>")
    body = "<div class='article_time'>时间：2022-01-20 10:00</div>" + CHROME + ARTICLE.format(table="").replace(
        "<p>某某镇人民政府2021年政府信息公开工作年度报告</p>", "")
    text, _ = html_to_text(page(body, head=head).encode("utf-8"))
    report = parse_report(text)["report"]
    assert (report["organization"], report["year"], report["published_on"]) == ("某某镇人民政府", 2021, "2022-01-20")


def test_deeply_nested_and_hostile_markup_is_bounded():
    for markup in ["<div>" * 100_000 + "一、总体情况" + "</div>" * 100_000,
                   "<table>" + "<tr><td rowspan='100000' colspan='100000'>1</td></tr>" * 5000 + "</table>",
                   "<p>" + "x" * 2_000_000 + "</p>", "<<<>>>" * 100_000]:
        start = time.perf_counter()
        try:
            extract_text(page(markup).encode("utf-8"), "text/html")
        except FormatError as error:
            assert error.kind in ("invalid-document", "payload-too-large")
        assert time.perf_counter() - start < 10


def test_bytes_that_are_no_html_at_all():
    for data in [b"", b"\x00\xff\xfe" * 1000, json.dumps({"a": 1}).encode()]:
        try:
            text, _ = html_to_text(data)
            assert isinstance(text, str)
        except FormatError as error:
            assert error.kind in ("invalid-document", "invalid-encoding")


def test_nesting_the_parser_cannot_follow_is_refused_not_truncated():
    readable = "<div>" * 300 + "一、总体情况" + "</div>" * 300
    assert "一、总体情况" in html_to_text(page(readable).encode("utf-8"))[0]
    too_deep = "<div>" * 5000 + "一、总体情况" + "</div>" * 5000
    with pytest.raises(FormatError) as raised:
        html_to_text(page(too_deep).encode("utf-8"))
    assert raised.value.kind == "invalid-document"


@pytest.mark.parametrize("character", ["\x00", "\x01", "\x0c", "\x1f", "\ufffe"])
def test_control_characters_beside_dropped_chrome_are_white_space(character):
    """lxml refuses such characters when a dropped <script> hands its tail to the text before it
    (found by the property test: a 500)."""
    page = f"<html><body><p>一、总体情况{character}<script>x()</script>本机关{character}公开</p></body></html>"
    text, _ = html_to_text(page.encode("utf-8"), None)
    assert text == "一、总体情况 本机关 公开"


# --- XHTML, element and attribute caps -----------------------------------------------------------

XHTML = ('<?xml version="1.0" encoding="{encoding}"?>\n'
         '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
         '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
         '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head><body>{body}</body></html>')


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_an_xhtml_page_with_an_xml_declaration_is_read_like_any_page(encoding):
    """Some portal CMSs serve XHTML with an XML declaration; its encoding is honoured too."""
    body = ARTICLE
    text, used = html_to_text(XHTML.format(encoding=encoding, body=body).encode(encoding))
    plain, _ = html_to_text(page(body).encode("utf-8"))
    assert used == encoding
    assert text == plain


def test_elements_over_the_cap_are_refused_with_the_cap_named():
    data = page("<p>一、总体情况</p>" * 500).encode()
    assert "一、总体情况" in html_to_text(data, limits=Limits(max_html_elements=600))[0]
    with pytest.raises(FormatError) as caught:
        html_to_text(data, limits=Limits(max_html_elements=400))
    assert caught.value.kind == "payload-too-large"
    assert "400 elements (MAX_HTML_ELEMENTS)" in caught.value.detail


def test_attributes_over_the_cap_are_refused_with_the_cap_named():
    data = page('<p class="a" id="b" style="c">一</p>' * 500).encode()
    assert html_to_text(data, limits=Limits(max_html_attributes=1_600))[0]
    with pytest.raises(FormatError) as caught:
        html_to_text(data, limits=Limits(max_html_attributes=1_000))
    assert caught.value.kind == "payload-too-large"
    assert "1000 attributes (MAX_HTML_ATTRIBUTES)" in caught.value.detail


@pytest.mark.parametrize("tag", ["<p {attributes}>", '<p {attributes}="1">', "<p {attributes}/>"])
def test_more_attributes_on_one_element_than_allowed_are_refused_before_parsing(tag):
    """libxml2 checks each attribute against every earlier one of its element (quadratic)."""
    allowed = " ".join(f"a{i}" for i in range(MAX_ATTRIBUTES_PER_ELEMENT))
    assert html_to_text(page(tag.format(attributes=allowed) + "一、总体情况</p>").encode())
    with pytest.raises(FormatError) as caught:
        html_to_text(page(tag.format(attributes=allowed + " b") + "一、总体情况</p>").encode())
    assert caught.value.kind == "payload-too-large"


@pytest.mark.parametrize("tag", ['<p "x {attributes}">', "<p {attributes}"])
def test_a_quote_or_a_missing_end_does_not_hide_attributes(tag):
    """A quote where a name starts is part of that name (the HTML tokenizer's rule), and a tag
    that never ends runs on: the names inside still count."""
    names = " ".join(f"a{i}" for i in range(2 * MAX_ATTRIBUTES_PER_ELEMENT))
    with pytest.raises(FormatError) as caught:
        html_to_text(page(tag.format(attributes=names) + "一、总体情况</p>").encode())
    assert caught.value.kind == "payload-too-large"


def test_quoted_values_and_scripts_are_not_counted_as_attributes():
    value = " ".join(["word"] * 5_000)
    data = page(f'<p title="{value}" data-x=\'{value}\'>一、总体情况</p><script>var a = "{value}";</script>')
    assert "一、总体情况" in html_to_text(data.encode())[0]


def test_the_10_mib_page_of_paragraphs_is_refused_at_the_cap():
    with pytest.raises(FormatError) as caught:
        extract_text(b"<html><body>" + b"<p>" * 3_495_000, "text/html")
    assert caught.value.kind == "payload-too-large"
    assert f"{Limits().max_html_elements} elements" in caught.value.detail
