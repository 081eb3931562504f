"""The table-line reading as rewritten for speed (issue 12, the tables stage) gives what its
previous form gave: that form is kept verbatim in table_reading_reference.py."""

import re

from hypothesis import HealthCheck, given, settings, strategies as st

from service.parsing import cells, labels, numbers, tables
from service.parsing.normalize import prepare
from service.parsing.tables import find_regions, region_lines
from service.parsing.sections import find_sections
from service.rules import labels as rules, markers

from tests.property.table_reading_reference import old_classify, old_fill_row, old_parse_line, old_read_runs

SETTINGS = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CELL_PIECES = [
    "0", "7", "12", "1,234", "12,34", "007", "3.5", "0.25", "+5", "-7", "- 3 -", "— 2 —", "－4－", "第 3 页",
    "第3页 共9页", "3/9", "12 / 40", "２", "１２", "²", "٣", "零", "无", "空", "N/A", "/", "\\", "-", "--", "—", "─",
    "*", "×", "万元", "元", "件", "条", "人次", "规章", "行政许可", "信息内容", "本年制发件数", "(七)总计", "1.本机关不掌握相关政府信息",
    "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "一、本年新收政府信息公开申请数量", "第二十条第(一)项",
    "我局", "认真贯彻落实条例要求", "收到申请", "。", ";", ",", ":", "=", "+", "a", "x" * 12, "维持", "结果",
]
SPACING = ["", " ", "  ", "      ", "\t", "\t\t", "\u3000", "\xa0", "\x0c"]
RULES = ["│", "|", "┃", "─" * 6, "├──┼──┤", "+---+", "===", ":-:", "-", "┼"]
LINES = st.lists(st.one_of(st.sampled_from(CELL_PIECES), st.sampled_from(SPACING), st.sampled_from(RULES)),
                 max_size=24).map("".join)
CELLS = st.lists(st.one_of(st.sampled_from(CELL_PIECES), st.sampled_from(SPACING)), max_size=4).map("".join)


def _typed(parsed) -> list:
    """A line's cells with the type of each value (0 == Decimal(0): equality alone would not tell)."""
    return [(*cell, type(cell[2])) for cell in parsed]


@SETTINGS
@given(LINES)
def test_a_line_reads_as_before(line):
    assert _typed(cells._parse_line(line)) == _typed(old_parse_line(line))


@SETTINGS
@given(st.lists(st.sampled_from(CELL_PIECES * 3 + SPACING), min_size=30, max_size=60).map("".join))
def test_a_long_line_reads_as_before(line):
    """(prose: a line of 20 Chinese characters or more with a comma, unless it names a row)"""
    assert cells._parse_line(line) == old_parse_line(line)


@SETTINGS
@given(CELLS)
def test_a_cell_reads_as_before(cell):
    assert numbers.classify(cell) == old_classify(cell)
    kind, value, unit = old_classify(cell)
    assert _typed([numbers.read_cell(cell.strip())]) == _typed([(kind, cell.strip(), value, unit)])


@given(st.integers(0, 10 ** 16).map(str) | st.text(alphabet="0123456789 ", max_size=18))
def test_a_count_reads_as_before(cell):
    """(the counts below 1000 are read from numbers.SMALL_COUNTS, the others by int())"""
    kind, value, unit = old_classify(cell)
    assert _typed([numbers.read_cell(cell.strip())]) == _typed([(kind, cell.strip(), value, unit)])
    assert numbers.classify(cell) == old_classify(cell)


def test_the_readings_made_at_import_are_the_readings():
    for text, reading in numbers.COMMON_READINGS.items():
        kind, value, unit = old_classify(text)
        assert _typed([reading]) == _typed([(kind, text, value, unit)])


@SETTINGS
@given(st.lists(st.sampled_from(CELL_PIECES + SPACING), max_size=30).map("".join),
       st.sampled_from(["applications", "reviews_and_lawsuits", "active_disclosure"]))
def test_names_a_row_is_find_rows_not_empty(text, table):
    assert labels.names_a_row(text, table) == bool(labels.find_rows(text, table))


def test_a_page_number_line_begins_with_a_page_number_start():
    """cells tries the page-number patterns only on lines that begin (after white space) with
    markers.PAGE_NUMBER_STARTS or a digit: every line the patterns match does."""
    for line in ["- 3 -", " —12— ", "－4－", "第 3 页", "第3页 共9页", "3/9", " ２ / ９ ", "\t-  7  -"]:
        assert cells.PAGE_NUMBER_RE.match(line), line
        start = line.lstrip()[:1]
        assert start in markers.PAGE_NUMBER_STARTS or start.isdecimal()


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_the_page_number_patterns_match_only_lines_with_such_a_start(line):
    if cells.PAGE_NUMBER_RE.match(line):
        start = line.lstrip()[:1]
        assert start in markers.PAGE_NUMBER_STARTS or start.isdecimal()


def test_every_line_of_a_corpus_text_reads_as_before(corpus_doc):
    for line in prepare((corpus_doc / "input.txt").read_text(encoding="utf-8")).norm.split("\n"):
        assert _typed(cells._parse_line(line)) == _typed(old_parse_line(line)), line


def _runs(found):
    runs, trailing = found
    return [(run.cells, run.strong, run.weak, run.line, run.end_line) for run in runs], trailing


TABLE_LINES = st.lists(st.one_of(LINES, st.sampled_from(["", " ", "\t0", "\t12", "\t/", "\t规章", "0", "3 件"]),
                                 st.sampled_from(["行政许可 " + "0 " * 130, " " * 300])),      # (longer than the line cache takes)
                       max_size=40)


@SETTINGS
@given(TABLE_LINES)
def test_runs_read_as_before(lines):
    numbered = list(enumerate(lines, 7))
    before = _runs(old_read_runs(numbered))
    assert _runs(cells.read_runs(numbered)) == before
    if max(map(len, lines), default=0) <= cells.CACHED_LINE_CHARS:
        assert _runs(cells.read_runs(numbered, short=True)) == before


def test_the_runs_of_every_corpus_table_read_as_before(corpus_doc):
    doc = prepare((corpus_doc / "input.txt").read_text(encoding="utf-8"))
    for region in find_regions(doc.norm, find_sections(doc.norm)).values():
        if region:
            lines = region_lines(doc, region)
            before = _runs(old_read_runs(lines))
            assert _runs(cells.read_runs(lines)) == before
            assert _runs(cells.read_runs(lines, short=max(len(text) for _, text in lines) <= 256)) == before


def test_a_region_of_too_many_values_stops_where_it_did():
    lines = list(enumerate(["规章 " + " ".join(["1"] * 9)] * 1200 + ["\t7"] * 12000 + ["\t规章"] * 3, 1))
    lines[1500] = (1501, "\t行政许可")
    assert _runs(cells.read_runs(lines)) == _runs(old_read_runs(lines))
    assert sum(len(run.cells) for run in cells.read_runs(lines)[0]) == cells.MAX_CELLS + 1    # (then it stops)


OLD_MARKER_RES = {template: [re.compile(p) for p in patterns] for template, patterns in rules.TEMPLATE_MARKERS.items()}
MARKER_PIECES = [p for patterns in rules.TEMPLATE_MARKERS.values() for p in patterns] + [
    "本年增减", "本年增/减", "本年", "增", "减", "/", "信息内容", "规章", "0", " ", "\n"]


@SETTINGS
@given(st.lists(st.sampled_from(MARKER_PIECES + CELL_PIECES), max_size=30).map("".join))
def test_template_votes_as_the_patterns_give_them(text):
    assert labels.template_votes(text) == {
        template: sum(1 for pattern in patterns if pattern.search(text)) for template, patterns in OLD_MARKER_RES.items()}


def test_a_pattern_of_plain_characters_is_searched_as_text():
    assert labels.literal("本年制发") == "本年制发"
    assert labels.literal(r"本年增/?减") is None
    assert labels.literal(r"a\.b") == "a.b"
    assert labels.literal(r"(?i)abc") is None
    assert labels.literal(r"第\s*二") is None


COLUMNS = st.sampled_from([["total"], ["projects", "amount"], ["amount"], ["issued", "repealed", "in_force"],
                           ["natural_person", "commercial", "research", "social", "legal", "other", "total"]])


@SETTINGS
@given(COLUMNS, st.lists(st.tuples(st.sampled_from(CELL_PIECES + ["1207.5万元", "350元", "12 元", "3.50"]),
                                     st.integers(1, 99)), max_size=9))
def test_a_row_fills_as_before(columns, printed):
    row_cells = [cells.Cell(*numbers.classify(text)[:1], text, *numbers.classify(text)[1:], line)
                 for text, line in printed]
    found, before = ([], {}), ([], {})
    assert tables._fill_row("t", "r", columns, row_cells, *found) == old_fill_row("t", "r", columns, row_cells, *before)
    assert found == before
