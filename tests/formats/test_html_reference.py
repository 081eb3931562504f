"""The HTML reader's functions made cheaper in issue 12 (fourth and fifth rounds) give what they
gave before (tests/formats/html_reference.py keeps the old ones): the depths after each mark, the
completeness check's answer or refusal, the marked text taken before the chrome is removed, the
grid of a table's rows and the pipe lines of a grid."""

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from service.formats import FormatError, html, html_stream
from tests.formats import html_reference as reference

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome(function, *arguments):
    try:
        return "value", function(*arguments)
    except (FormatError, ValueError) as error:
        return type(error).__name__, str(error)


@SETTINGS
@given(st.one_of(st.binary(max_size=600),
                 st.lists(st.sampled_from(b"se"), max_size=700).map(bytes),
                 st.integers(0, 300).map(lambda depth: b"s" * depth + b"e" * depth)))
def test_the_depths_after_each_mark_are_the_running_sum_of_the_steps(marks):
    """Any bytes (only b"s" and b"e" move the depth), with ValueError where the depth leaves
    0..255 (past 255 levels, or an END before its START)."""
    assert outcome(html_stream.depths_after, marks) == outcome(reference.depths_after, marks)


@SETTINGS
@given(st.lists(st.sampled_from([b"c", b"cc", b"s", b"e", b"a", b"sxy", b"sxcy", b"sxyxccy", b"sxcyxy"]), max_size=60)
       .map(b"".join))
def test_links_text_and_span_values_are_left_out_of_the_count_as_before(counted):
    """Counted high bytes as the stylesheet writes them: START (s), END (e), Chinese characters
    (c), a link's A_OPEN (a, its own text the c up to the next mark), and a cell's span values
    after its START (x, the c of a value, y; values hold no mark)."""
    assert html_stream.not_counted_left_out(counted) == reference.not_counted_left_out(counted)


# Pages whose Chinese text the parser reads or loses (a bare "<" cutting a tag, a depth libxml2
# gives up at), with Chinese characters of every UTF-8 lead byte and others, in and out of tags.
CHINESE = "一丁中人年报告政数据理表部门院题㐀䶵ꀀ"
PIECES = st.sampled_from([f"<p>{CHINESE}</p>", "<div>", "</div>", "<p>", "<!-- 注释 -->", "<b>年</b>", "<a>链接</a>",
                          "<script>脚本</script>", "<", "<p title='标题'>", "中", "a", " ", "\u4e00\u9fff", "<br>"])


@SETTINGS
@given(st.lists(st.one_of(PIECES, st.text(alphabet=CHINESE + "<>/ab ", max_size=8)), max_size=40),
       st.integers(0, 3000))
def test_the_completeness_check_answers_as_before(pieces, depth):
    text = "".join(pieces) + "<div>" * depth + "深" * 40
    utf8 = text.encode("utf-8")
    root = etree.fromstring(utf8, etree.HTMLParser(remove_comments=True, recover=True, encoding="utf-8"))
    if root is None:
        pytest.skip("no tree")
    assert outcome(html._check_complete, text, utf8, root) == outcome(reference.check_complete, text, utf8, root)


CHROME = st.sampled_from(["<nav>导航</nav>", "<header>", "</header>", "<footer>页脚中文</footer>", "<form><p>表单</p>",
                          "</form>", "<style>p{}</style>", "<script>var a='<p>';</script>", "<noscript>无</noscript>",
                          "\ue000", "&#xE100;", "&#57856;", "&#20013;", "<table><tr><td colspan='2'>数</td></tr></table>"])


def read_outcome(function, text: str, utf8: bytes):
    """The refusal, or the article's lines (from the marked text or the walk) of the page's tree."""
    root = etree.fromstring(utf8, etree.HTMLParser(remove_comments=True, recover=True, encoding="utf-8"))
    if root is None:
        return "no tree"
    body = root.find("body")
    top = body if body is not None else root
    try:
        stream = function(top, root, text, utf8)
    except FormatError as error:
        return "refused", str(error)
    html._drop_chrome(root)
    lines = html._lines_from_stream(stream) if stream is not None else None
    if lines is None:
        walk = html.Walk(top)
        lines = html._lines(walk, html._article(walk))
    return "read", lines


@SETTINGS
@given(st.lists(st.one_of(PIECES, CHROME, st.text(alphabet=CHINESE + "<>/ab ", max_size=8)), max_size=40),
       st.integers(0, 3000))
def test_the_checked_stream_answers_as_the_check_and_the_stream_before(pieces, depth):
    """The same refusal or the same lines, whether the stylesheet ran before the chrome was
    removed, with the completeness check skipped when its count suffices and a page that may
    hold the marks' characters walked, or after the check and the removal, as before."""
    text = "".join(pieces) + "<div>" * depth + "深" * 40
    utf8 = text.encode("utf-8")
    assert read_outcome(html._checked_stream, text, utf8) == read_outcome(reference.checked_stream, text, utf8)


CELL = st.sampled_from(["", " ", "12", "1,234", "3件", "甲", "x", "\u3000"])
SPANNED = st.tuples(st.tuples(st.sampled_from([None, "", "2", "3", "0", "x", " 2 ", "101"]),
                              st.sampled_from([None, "", "2", "3", "1"])), CELL)
ROWS = st.lists(st.lists(st.one_of(CELL, SPANNED), max_size=6), max_size=12)


@SETTINGS
@given(ROWS)
def test_the_grid_of_a_tables_rows_is_the_one_before(rows):
    assert html._grid(rows) == reference.grid(rows)


@SETTINGS
@given(ROWS)
def test_the_pipe_lines_of_a_grid_are_the_ones_before(rows):
    grid = html._grid(rows)
    new, old = ["before"], ["before"]
    html._add_grid(grid, new)
    reference.add_grid(grid, old)
    assert new == old


# Marked table text: the marks a table's text holds (html_stream), white space, "|", text and
# span values, in any order (rows inside cells, cells outside rows, spans unclosed included).
TABLE_PIECES = st.sampled_from([html_stream.ROW, html_stream.CELL_OPEN, html_stream.CELL_CLOSE, html_stream.START,
                                html_stream.END, html_stream.BREAK, html_stream.A_OPEN, html_stream.SPANNED_CELL_OPEN,
                                html_stream.SPAN_SEPARATOR, html_stream.SPANS_END, " ", "\u3000", "\n", "|", "甲", "12",
                                "2", "x"])
ROW_TEXT = st.builds(lambda cells: html_stream.ROW + "".join(cells), st.lists(st.one_of(
    st.builds(lambda text: html_stream.CELL_OPEN + text + html_stream.CELL_CLOSE, st.lists(TABLE_PIECES, max_size=3).map("".join)),
    st.builds(lambda colspan, rowspan, text: html_stream.SPANNED_CELL_OPEN + colspan + html_stream.SPAN_SEPARATOR
              + rowspan + html_stream.SPANS_END + text + html_stream.CELL_CLOSE,
              st.sampled_from(["", "2", " 3 "]), st.sampled_from(["", "2"]), st.lists(TABLE_PIECES, max_size=3).map("".join))),
    max_size=5))


@SETTINGS
@given(st.one_of(st.lists(TABLE_PIECES, max_size=40).map("".join), st.lists(ROW_TEXT, max_size=6).map("".join)))
def test_a_tables_rows_from_the_marked_text_are_the_ones_before(table_text):
    assert html_stream.table_rows(table_text) == reference.table_rows(table_text)


@SETTINGS
@given(st.lists(st.one_of(CELL, SPANNED), max_size=8),
       st.dictionaries(st.integers(0, 12), st.tuples(st.sampled_from(["", "x", "12"]), st.integers(1, 3)), max_size=6))
def test_a_row_with_spans_on_the_grid_is_the_one_before(queue, pending):
    """The same line, the same cells written and the same rowspans left for the rows below."""
    new, old = dict(pending), dict(pending)
    assert html._spanned_row(queue, new) == reference.spanned_row(queue, old)
    assert new == old


@SETTINGS
@given(st.one_of(st.none(), st.sampled_from(["", "1", "2", "100", "101", "0", "-1", " 2 ", "２", "x", "1_0", "2|"]),
                 st.integers(-5, 120).map(str)))
def test_a_span_value_found_in_the_table_is_the_one_span_gives(value):
    assert (html.SPAN_OF.get(value) or html._span(value)) == reference.span(value)
