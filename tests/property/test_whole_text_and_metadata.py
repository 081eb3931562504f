"""The whole-text stages and the metadata, as rewritten for speed a second time, give what their
previous forms gave: those are kept here, verbatim (main at 1499bde), as the reference."""

import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from service.parsing import metadata as M, sections as S
from service.parsing.normalize import Document, has_noise, prepare, trim_lines
from service.rules import headings, markers

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PIECES = st.sampled_from([
    "一、", "二、", "（一）", "\n", "\n\n", "\r\n", "\r", " ", "  ", "\t", "\u3000", "\xa0", "\u200b", "\x0b", "\x0c",
    "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "文字", "２０２１年", "2021年", "1月14日", "发布时间：",
    "日期:2021-01-14", "时间", "日期", "地址：某路1号", "邮编:350000", "电话：0594-1234567", "传真:0594-7654321",
    "电话/传真:0594-1234567", "a@b.cn", "@", "**", "*", "#", "## ", "[bookmark: x]", "[", "某县人民政府",
    "2021年度政府信息公开工作年度报告", "报告", "。", "，", "x" * 40,
])
TEXTS = st.lists(PIECES, max_size=80).map("".join)
ANY_TEXTS = st.one_of(TEXTS, st.text(), st.text(alphabet="\n\r\x0b\x0c\x85\u2028 a一*#"))


# ---- the previous forms ---------------------------------------------------------------------

def old_lines(doc, first=1, last=None):
    starts = doc.line_starts
    norm = doc.norm
    for index in range(first - 1, len(starts) if last is None else min(last, len(starts))):
        start = starts[index]
        end = starts[index + 1] - 1 if index + 1 < len(starts) else len(norm)
        yield index + 1, start, norm[start:end]


def old_nonempty_lines(doc, limit, first=1):
    found = []
    for line_no, start, line in old_lines(doc, first):
        if line.strip():
            found.append((line_no, start, line))
            if len(found) >= limit:
                break
    return found


def old_has_noise(text):
    return any(mark in text for mark in markers.NOISE_MARKS)


def old_anchored_search(pattern, name, text, start=0, end=None):
    end = len(text) if end is None else end
    words, before = M.ANCHORS[name]
    found = [at for at in (text.find(word, start, end) for word in words) if at >= 0]
    if not found:
        return None
    return pattern.search(text, max(start, min(found) - before), end)


# ---- the comparisons --------------------------------------------------------------------------

def documents(raw):
    """The prepared document, and the same without its kept lines (as lines() meets it when the
    line starts came from splitlines)."""
    doc = prepare(raw)
    bare = Document(original=doc.original, norm=doc.norm, line_starts=doc.line_starts)
    return doc, bare


@SETTINGS
@given(ANY_TEXTS, st.data())
def test_lines_as_before(raw, data):
    for doc in documents(raw):
        count = len(doc.line_starts)
        first = data.draw(st.integers(1, count + 2))
        last = data.draw(st.one_of(st.none(), st.integers(-1, count + 2)))
        assert list(doc.lines(first, last)) == list(old_lines(doc, first, last))
        assert list(doc.lines()) == list(old_lines(doc))
        limit = data.draw(st.integers(1, 20))
        assert doc.nonblank_lines(1, limit) == old_nonempty_lines(doc, limit)
        assert doc.nonblank_lines(first, limit) == old_nonempty_lines(doc, limit, first)
        assert doc.nonblank_lines(first) == [line for line in old_lines(doc, first) if line[2].strip()]


@SETTINGS
@given(ANY_TEXTS)
def test_line_starts_with_any_line_break(raw):
    doc = prepare(raw)
    assert [line for _, _, line in doc.lines()] == doc.norm.split("\n")
    assert all(doc.norm[start - 1] == "\n" for start in doc.line_starts[1:])
    assert all(doc.line_no(start) == index + 1 for index, start in enumerate(doc.line_starts))


@SETTINGS
@given(ANY_TEXTS)
def test_noise_test_as_before(text):
    assert has_noise(text) == old_has_noise(text)


@SETTINGS
@given(TEXTS, st.integers(0, 50), st.one_of(st.none(), st.integers(0, 400)))
def test_anchored_search_as_before(text, start, end):
    for name, pattern in [("published", M.PUBLISHED_RE), *M.CONTACT_RES.items()]:
        new = M.anchored_search(pattern, name, text, start, end)
        old = old_anchored_search(pattern, name, text, start, end)
        assert (new and (new.span(), new.groups())) == (old and (old.span(), old.groups()))


def old_trim_lines(text):
    return "\n".join(map(str.rstrip, text.split("\n"))).strip()


SPACES = [chr(code) for code in range(0x110000) if chr(code).isspace()]


def test_white_space_of_the_patterns_is_str_isspace():
    assert SPACES == [chr(code) for code in range(0x110000) if re.fullmatch(r"\s", chr(code))]


@settings(max_examples=1000, deadline=None)
@given(st.one_of(ANY_TEXTS, st.lists(st.sampled_from(SPACES[:12] + SPACES[-8:] + ["a", "一", "\n", "\n\n"]),
                                     max_size=40).map("".join)))
def test_trim_lines_as_before(text):
    assert trim_lines(text) == old_trim_lines(text)


def old_find_subheadings(norm, start, end, excluded):
    found = []
    for match in S.SUBHEADING_RE.finditer(norm, start, end):
        at = match.start()
        if not (at > start and norm[at - 1] in "。 \u3000" or S._at_line_start(norm, at)):
            continue
        if excluded and any(lo <= at < hi for lo, hi in excluded):
            continue
        rest = S._line_rest(norm, match.end(), end)
        title_end = S.TITLE_END_RE.search(rest)
        title = S.collapse_spaces(rest[:title_end.start()] if title_end else rest)[:60].rstrip("。.,，")
        found.append((match.group(1), title, at))
        if len(found) >= S.MAX_SUBHEADINGS:
            break
    return found


SUBHEADING_TEXTS = st.lists(st.sampled_from(["(一)", "(二)", "(十一)", "(一二三)", "(一二三四)", "((一)", "(一)(二)", "(", ")", "一",
                                             "\n", " ", "。", "\u3000", "#", "标题", "x" * 30, "。(三)"]),
                            max_size=120).map("".join)


@settings(max_examples=1000, deadline=None)
@given(SUBHEADING_TEXTS, st.data())
def test_subheadings_outside_the_tables_as_before(norm, data):
    assert_subheadings_as_before(norm, data)


@pytest.mark.parametrize("norm, excluded", [("\n(一二三)x", [(2, 3)]), ("。(十一)(二)", [(2, 4), (6, 7)]),
                                            ("\n(一)\n(二)", [(1, 2)])])
def test_subheadings_across_a_table_start_as_before(norm, excluded):
    """A match begun just before an excluded range, ending inside it, is a sub-heading."""
    assert S.find_subheadings(norm, 0, len(norm), excluded) == old_find_subheadings(norm, 0, len(norm), excluded)
    assert S.find_subheadings(norm, 0, len(norm), excluded)


def assert_subheadings_as_before(norm, data):
    # the ranges' ends also just inside and after a match (where one begun before them ends after)
    near = [at + shift for at, char in enumerate(norm) if char == "(" for shift in range(1, 6)]
    bound = st.one_of(st.integers(0, len(norm) + 2), *([st.sampled_from(near)] if near else []))
    start = data.draw(bound)
    end = data.draw(bound)
    excluded = data.draw(st.lists(st.tuples(bound, bound), max_size=4))
    assert S.find_subheadings(norm, start, end, excluded) == old_find_subheadings(norm, start, end, excluded)


PERIOD_PIECES = st.sampled_from(["2024年1月1日", "1924 年 1 月 1 日", "起", "至", "到", "-", "—", "2024年", "12月31日", "12 月 31 日",
                                 " ", "\n", "19", "20", "2019", "1920", "年", "文字", "2024年1月1日至2024年12月31日"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(PERIOD_PIECES, max_size=30).map("".join))
def test_period_year_as_before(text):
    old = M.PERIOD_RE.search(text)
    assert M.find_period_year(Document(original=text, norm=text)) == (int(old.group("year")) if old else None)


@SETTINGS
@given(TEXTS, st.integers(0, 60), st.integers(0, 400))
def test_anchored_search_is_the_plain_search(text, start, end):
    short_rest = M.SHORT_REST
    try:
        for M.SHORT_REST in (0, short_rest, 10 ** 9):      # tried from each word, searched, as it comes
            for name, pattern in [("published", M.PUBLISHED_RE), *M.CONTACT_RES.items()]:
                new = M.anchored_search(pattern, name, text, start, end)
                plain = pattern.search(text, start, end)
                assert (new and (new.span(), new.groups())) == (plain and (plain.span(), plain.groups()))
    finally:
        M.SHORT_REST = short_rest


OLD_KIND_RES = [(kind, re.compile(pattern)) for kind, pattern in headings.SECTION_KIND_PATTERNS]


def old_section_kind(title):
    for kind, pattern in OLD_KIND_RES:
        if pattern.search(title):
            return kind
    return None


KIND_WORD_PIECES = sorted({word for _, pattern in headings.SECTION_KIND_PATTERNS for word in pattern.split("|")}
                          | {"政府信息公开", "工作", "情况", "及", "和", "依", "申请", "公开", "问题", "复", "议", "、", " "})


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(KIND_WORD_PIECES), st.text(max_size=3)), max_size=8).map("".join))
def test_section_kind_as_before(title):
    assert S.section_kind(title) == old_section_kind(title)
