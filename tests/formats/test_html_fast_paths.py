"""The HTML reader's fast paths give what the plain definitions give: the text counts of one
iterwalk equal the post-order sum over each element's children, the UTF-8 lead-byte bound is
never below the Chinese characters of a text, cell text split by str.split equals the pattern's
normalisation, and control characters found by bytes are those the pattern finds."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from service.formats import html

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TEXT = st.text(alphabet=st.sampled_from("一二中文年报 \u3000\u00a0\t\n|0125ab\u4dff\u4e00\u9fff\ua000\u3400\x01\x0c"),
               max_size=12)
TAGS = st.sampled_from(["div", "p", "a", "span", "table", "tr", "td", "b", "script", "nav"])


@st.composite
def markup(draw, depth=0):
    pieces = []
    for _ in range(draw(st.integers(0, 4))):
        if depth > 4 or draw(st.booleans()):
            pieces.append(draw(TEXT).replace("<", ""))
        else:
            tag = draw(TAGS)
            pieces.append(f"<{tag}>{draw(markup(depth + 1))}</{tag}>")
    return "".join(pieces)


def post_order_counts(root) -> dict:
    """The definition: an element's own text (not a link's) plus each child's count and tail."""
    counts = {}
    for element in reversed(list(root.iter(etree.Element))):
        own = 0 if element.tag == "a" else html._cjk_count(element.text)
        for child in element:
            own += counts.get(child, 0) + html._cjk_count(child.tail)
        counts[element] = own
    return counts


@SETTINGS
@given(markup())
def test_one_walk_counts_equal_the_post_order_sums(body):
    text = html._xml_characters_only(body, body.encode("utf-8"))
    root = etree.fromstring(f"<html><body>{text}</body></html>", etree.HTMLParser(remove_comments=True))
    html._drop_chrome(root)
    order, counts = html._text_counts(root)
    assert order == list(root.iter(etree.Element))
    assert counts == post_order_counts(root)


@SETTINGS
@given(st.text(max_size=40))
def test_the_lead_byte_bound_is_never_below_the_chinese_characters(text):
    utf8 = text.encode("utf-8", "surrogatepass")
    assert len(utf8) - len(utf8.translate(None, html.CJK_LEAD_BYTES)) >= html._cjk_count(text)


@SETTINGS
@given(TEXT)
def test_cell_text_by_split_equals_the_pattern(text):
    cell = etree.fromstring(f"<td><span>{html._xml_characters_only(text, text.encode())}</span>x</td>",
                            etree.HTMLParser()).find(".//td")
    joined = "".join(cell.itertext())
    assert html._cell_text(cell) == html.SPACE_RE.sub(" ", joined).strip().replace("|", "｜")


@SETTINGS
@given(st.text(max_size=40))
def test_control_characters_found_by_bytes_are_those_the_pattern_finds(text):
    found = html._xml_characters_only(text, text.encode("utf-8", "surrogatepass"))
    assert found == html.NOT_XML_CHARACTERS.sub(" ", text)
    assert (found != text) == bool(re.search(html.NOT_XML_CHARACTERS, text))
