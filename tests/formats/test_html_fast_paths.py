"""The HTML reader's fast paths give what the plain definitions give: the one walk's text counts
equal the post-order sum over each element's children and its text pieces what itertext gives,
the UTF-8 bounds are never below the Chinese characters of a text and the bytes count equals
the pattern's, the caps' bounds are never below the elements and attributes libxml2 builds, the
class values searched at once find the elements the pattern finds one by one, cell text split by
str.split equals the pattern's normalisation, and control characters found by bytes are those
the pattern finds."""

import re

import pytest

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


def tree(body: str):
    text = html._xml_characters_only(body, body.encode("utf-8"))
    root = etree.fromstring(f"<html><body>{text}</body></html>", etree.HTMLParser(remove_comments=True))
    html._drop_chrome(root)
    return root


@SETTINGS
@given(markup())
def test_one_walk_counts_equal_the_post_order_sums(body):
    root = tree(body)
    walk = html.Walk(root)
    records = sorted(walk.records)
    elements = list(root.iter(etree.Element))
    assert [record[5] for record in records] == elements
    assert {record[5]: record[2] for record in records} == post_order_counts(root)
    for order, size, _, first, end, element, tag in records:
        assert size == len(list(element.iter(etree.Element)))
        assert tag == element.tag
        assert "".join(walk.pieces[first:end]) == "".join(element.itertext())


@SETTINGS
@given(markup())
def test_the_walk_finds_each_tables_rows_and_cells(body):
    walk = html.Walk(tree(body))
    elements = [record[5] for record in sorted(walk.records)]
    for table in (record for record in walk.records if record[6] == "table"):
        element = table[5]
        rows = [row for row in element.iter("tr") if next(row.iterancestors("table")) is element]
        assert [elements[row] for row in walk.rows[table[0]]] == rows
        for row in walk.rows[table[0]]:
            cells = [cell for cell in elements[row] if cell.tag in ("td", "th")]
            assert [cell for cell, _, _ in walk.cells.get(row, [])] == cells


@SETTINGS
@given(st.text(max_size=40))
def test_the_lead_byte_bound_is_never_below_the_chinese_characters(text):
    utf8 = text.encode("utf-8", "surrogatepass")
    assert len(utf8) - len(utf8.translate(None, html.CJK_LEAD_BYTES)) >= html._cjk_count(text)


@SETTINGS
@given(TEXT)
def test_cell_text_by_split_equals_the_pattern(text):
    root = etree.fromstring(f"<table><tr><td><span>{html._xml_characters_only(text, text.encode())}</span>x</td>"
                            "</tr></table>", etree.HTMLParser())
    walk = html.Walk(root)
    table = next(record for record in walk.records if record[6] == "table")
    joined = "".join(root.find(".//td").itertext())
    assert html._table_rows(walk, table[0]) == [[html.SPACE_RE.sub(" ", joined).strip().replace("|", "｜")]]


@SETTINGS
@given(st.text(max_size=40))
def test_control_characters_found_by_bytes_are_those_the_pattern_finds(text):
    found = html._xml_characters_only(text, text.encode("utf-8", "surrogatepass"))
    assert found == html.NOT_XML_CHARACTERS.sub(" ", text)
    assert (found != text) == bool(re.search(html.NOT_XML_CHARACTERS, text))


@SETTINGS
@given(st.text(max_size=40))
def test_chinese_characters_counted_by_bytes_are_those_the_pattern_counts(text):
    assert html._cjk_count_utf8(text.encode("utf-8", "surrogatepass")) == html._cjk_count(text)


@SETTINGS
@given(st.text(max_size=40))
def test_the_utf8_length_bound_is_never_below_the_chinese_characters(text):
    utf8 = text.encode("utf-8", "surrogatepass")
    assert (len(utf8) - len(text)) // 2 >= len(utf8) - len(utf8.translate(None, html.CJK_LEAD_BYTES))


SOUP = st.lists(st.sampled_from(list("<>/=\"' \t\n\rabpt!?-&;#1一") + [
    "<p", "<a ", "</", "<td", "<tr", "<table", "<html", "<body", "<head", "</p>", "<title>", "<br/>", "&amp;",
    "</html>", "</body>", "<meta ", "<li>", "<option>", "<frameset>"]), max_size=60).map("".join)


@SETTINGS
@given(SOUP)
def test_the_caps_bounds_are_never_below_what_libxml2_builds(soup):
    """_within_caps lets a page through uncounted only when its tree cannot pass the caps."""
    utf8 = html._xml_characters_only(soup, soup.encode()).encode()
    try:
        root = etree.fromstring(utf8, etree.HTMLParser(remove_comments=True, remove_pis=True, recover=True,
                                                       huge_tree=True, encoding="utf-8"))
    except etree.XMLSyntaxError:
        return
    if root is None:
        return
    elements = int(root.xpath("count(//*)"))
    attributes = int(root.xpath("count(//@*)"))
    assert elements <= html.ELEMENTS_PER_LT * (utf8.count(b"<") + 1)
    assert attributes <= len(utf8) // 2
    assert attributes <= len(utf8) - len(utf8.translate(None, html.ATTRIBUTE_SEPARATORS))


CLASSES = st.lists(st.text(alphabet=st.sampled_from(list("titlemdaepubsh_- \nxTIME\u0130\u0131\u017f")), max_size=12),
                   max_size=6)


@SETTINGS
@given(CLASSES)
def test_class_values_searched_at_once_find_what_the_pattern_finds(classes):
    root = etree.fromstring("<html><body>" + "".join(f"<p>x</p><div class='{value}'>y</div>" for value in classes)
                            + "</body></html>", etree.HTMLParser())
    wanted = [element for element in root.xpath("//*[@class]") if html.META_CLASS_RE.search(element.get("class"))]
    assert html._meta_class_candidates(root) == wanted


CELL_TAGS = st.sampled_from(["td", "th"])
SPAN_VALUES = st.sampled_from(["2", "3", "0", "x", " 2 ", "1_0", "２", "101", "", "2|", "\u00a02"])
HINTS = st.sampled_from(["", " class='TRS_Editor'", " class='content'", " id='main'", " class='x'"])


@st.composite
def page_markup(draw, depth=0):
    """Markup with articles named or not, links, blocks, tables with merged cells (and now and
    then a table in a cell, a row outside a table, a cell outside a row)."""
    pieces = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.integers(0, 5)) if depth < 4 else 0
        if kind <= 1:
            pieces.append(draw(TEXT).replace("<", ""))
        elif kind == 2:
            rows = []
            for _ in range(draw(st.integers(0, 3))):
                cells = []
                for _ in range(draw(st.integers(0, 3))):
                    tag, spans = draw(CELL_TAGS), ""
                    for name in ("colspan", "rowspan"):
                        if draw(st.booleans()):
                            spans += f" {name}='{draw(SPAN_VALUES)}'"
                    inner = draw(page_markup(depth + 2)) if draw(st.integers(0, 5)) == 0 else draw(TEXT).replace("<", "")
                    cells.append(f"<{tag}{spans}>{inner}</{tag}>")
                rows.append(f"<tr>{''.join(cells)}</tr>")
            pieces.append(f"<table>{''.join(rows)}</table>")
        else:
            tag = draw(st.sampled_from(["div", "p", "a", "span", "b", "tr", "td", "br", "li", "tbody", "script", "nav", "footer", "form", "noscript"]))
            pieces.append(f"<{tag}{draw(HINTS)}>{draw(page_markup(depth + 1))}</{tag}>")
    return "".join(pieces)


def lines_both_ways(body: str):
    """(the lines read from libxslt's marked text or None, the lines the walk reads)."""
    text = "<html><body>" + html._xml_characters_only(body, body.encode("utf-8")) + "</body></html>"
    utf8 = text.encode("utf-8")
    root = etree.fromstring(utf8, etree.HTMLParser(remove_comments=True, encoding="utf-8"))
    body_element = root.find("body")
    stream = html._checked_stream(body_element, root, text, utf8)     # before the chrome is removed
    html._drop_chrome(root)
    walk = html.Walk(body_element)
    streamed = html._lines_from_stream(stream) if stream is not None else None
    return streamed, html._lines(walk, html._article(walk))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page_markup())
def test_the_marked_text_gives_the_lines_the_walk_gives(body):
    """The article chosen from the ancestors of the middle characters and its lines and cells
    cut from libxslt's marked text are those of the walk over every element, or the page is
    left to the walk (a table in the article's tables)."""
    streamed, walked = lines_both_ways(body)
    if streamed is not None:
        assert streamed == walked
    else:     # only a table inside a table or a row inside a cell sends such a page to the walk
        assert body.count("<table") >= 2 or "<tr" in body


def test_a_page_with_tables_merged_cells_and_links_is_read_from_the_marked_text():
    body = ("<div class='nav'><a href='/'>首页导航</a></div><div class='TRS_Editor'><p>一、总体情况<a>链接文字</a></p>"
            "<table><tr><td rowspan='2'>标签</td><td colspan='2'>12</td></tr><tr><td>3</td><td>4 件</td></tr></table>"
            "<p>二、其他</p></div>")
    streamed, walked = lines_both_ways(body)
    assert streamed == walked == ["一、总体情况链接文字", "| 标签 | 12 |", "| 标签 | 3 | 4 件 |", "二、其他"]


@pytest.mark.parametrize("mark", ["\ue000", "&#xE100;", "&#57856;", "<table><tr><td colspan='2&#xe900;'>1</td></tr></table>",
                                  "<table><tr><td rowspan='\uea00'>1</td></tr></table>",
                                  "<table><tr><td colspan='x\ueb00y\uec00'>表格内容</td><td>2</td></tr></table>"])
def test_a_page_that_may_hold_the_marks_is_left_to_the_walk(mark):
    body = f"<div><p>正文内容{mark}</p><table><tr><td>1</td></tr></table></div>"
    streamed, walked = lines_both_ways(body)
    assert streamed is None
    assert html.html_to_text(f"<html><body>{body}</body></html>".encode("utf-8"))[0].split("\n") == walked


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("titlemdaepubshTIMEDAPUBS_- \n\tx")), max_size=40))
def test_class_words_found_in_lower_case_are_those_the_pattern_finds(joined):
    assert ([match.start() for match in html.META_CLASS_WORD_LOWER_RE.finditer(joined.lower())]
            == [match.start() for match in html.META_CLASS_WORD_RE.finditer(joined)])


@SETTINGS
@given(st.lists(st.sampled_from(["a", "12", "", "件"]), max_size=6),
       st.dictionaries(st.integers(0, 9), st.tuples(st.sampled_from(["", "x"]), st.integers(1, 3)), max_size=5))
def test_a_row_without_spans_merged_by_slices_equals_the_loop(queue, pending):
    """_merge_pending takes the cells between the rowspans above a slice at a time; the same
    line and the same rowspans left as the cell-by-cell loop."""
    by_slices, by_cells = dict(pending), dict(pending)
    assert html._merge_pending(queue, by_slices) == html._spanned_row(queue, by_cells)[0]
    assert by_slices == by_cells


def test_every_corpus_page_is_read_from_the_marked_text():
    """The walk is a fallback: a real page goes through libxslt's marked text (else the reader
    would still be right, only slower)."""
    from conftest import CORPUS_DIRS
    from service.formats import Limits

    pages = [doc / "source.html" for doc in CORPUS_DIRS if (doc / "source.html").is_file()]
    if not pages:
        pytest.skip("no corpus")
    for page in pages:
        data = page.read_bytes()
        text, encoding = html._decode(data, None)
        text, utf8 = html._page_bytes(data, text, encoding)
        root = html._parse(text, utf8, Limits())
        body = root.find("body")
        stream = html._checked_stream(body, root, text, utf8)
        html._drop_chrome(root)
        walk = html.Walk(body)
        assert stream is not None, page.parent.name
        assert html._lines_from_stream(stream) == html._lines(walk, html._article(walk)), page.parent.name


REFERENCES = [f"&#{value};" for value in (0xDFFF, 0xE000, 0xE9AB, 0xEFFF, 0xF000, 39, 57343, 57344, 61439, 61440)]
REFERENCES += [f"&#x{value:x};" for value in (0xDFFF, 0xE000, 0xE9AB, 0xEFFF, 0xF000, 0x27)]
REFERENCES += ["&#X0E100;", "&#00057856", "&#xe100", "&#xe1001;", "&#5734400;", "&#", "&#x;"]


@SETTINGS
@given(st.lists(st.sampled_from([b"&", b"#", b"&#", b"a", b"\xee\x80\x80", b"\xe4\xb8\xad", b"##", b"&&", b"1", b"x", b"e"]
                                + [reference.encode("ascii") for reference in REFERENCES]), max_size=90).map(b"".join))
def test_a_page_that_may_write_the_marks_is_found_by_its_bytes(utf8):
    """Every page whose tree libxml2 gives a character of U+E000..U+EFFF (in a text or a
    value) is found, the "#" looked at one by one or, past MAX_HASHES_LOOKED_AT, by the pattern."""
    page = b"<p title='" + utf8.replace(b"'", b"") + b"'>" + utf8 + b"</p>"
    root = etree.fromstring(page, etree.HTMLParser(encoding="utf-8"))
    read = "".join(root.itertext()) + "".join(value for element in root.iter() for value in element.attrib.values())
    if any("\ue000" <= character <= "\uefff" for character in read):
        assert html._may_write_marks(page)
    if b"&#" not in page and b"\xee" not in page:
        assert not html._may_write_marks(page)


@pytest.mark.parametrize("reference", REFERENCES)
def test_a_reference_to_a_mark_character_is_found_and_others_are_not(reference):
    page = f"<p>{reference}</p>".encode("ascii")
    character = "".join(etree.fromstring(page, etree.HTMLParser(encoding="utf-8")).itertext())
    if any("\ue000" <= c <= "\uefff" for c in character):
        assert html._may_write_marks(page)
    assert html._may_write_marks(page) == (html.PUA_REFERENCE_RE.search(page) is not None)


@pytest.mark.parametrize("before", [b"", b"#" * 63, b"#" * 64, b"#x" * 200])
def test_a_reference_past_many_hashes_is_found_by_the_pattern(before):
    assert html._may_write_marks(before + b"<p>&#57344;</p>")
    assert not html._may_write_marks(before + b"<p>&#39;&#x4e2d;</p>")


def test_a_page_with_exactly_the_hashes_looked_at_and_no_such_reference_may_not_write_marks():
    page = b"#" * (html.MAX_HASHES_LOOKED_AT - 1) + b"<p>&#39;</p>"
    assert page.count(b"#") == html.MAX_HASHES_LOOKED_AT
    assert not html._may_write_marks(page)
