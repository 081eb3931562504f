"""Every stage costs work linear in its input: adversarial inputs built from the rules' own
vocabulary, run at 1× and 8× their size, must not make the work grow more than about 8×.

The work is counted, not timed: the characters handed to regular expressions (every compiled
pattern of the service's modules, and every re.sub/re.search with a pattern string, is wrapped
in a counting proxy for the run) and the Python function calls (sys.setprofile). Those two
counts catch the prose check that searched a whole clause again for each of its figures (run
against that code, its two cases here fail). Work done inside C string methods (joining a
growing label word by word, as the reader of space-aligned table lines did) is visible to
neither, so each case also compares the process CPU time of the two sizes
(the best of three runs each): linear work grows about 8×, quadratic work 64×, and the bound
of 24× leaves room for a loaded machine without letting a quadratic stage through. No
absolute time is asserted anywhere.
"""

import gc
import io
import re
import sys
import time
import zipfile

import pytest

from service.formats import DOCX, TEXT_HTML, FormatError, extract_text
from service.parsing import parse_report
from service.rules import prose as prose_rules

GROWTH = 8
MAX_COUNT_GROWTH = 12          # counted work (regex characters, calls) for 8× the input
MAX_CPU_GROWTH = 24            # process CPU time for 8× the input (quadratic would be about 64)
TITLE = "某某区人民政府2023年政府信息公开工作年度报告\n"


# --- the meter ---------------------------------------------------------------------------------

class CountingPattern:
    """A compiled pattern that adds the length of every text it is asked to scan to a meter."""

    def __init__(self, pattern, meter):
        self._pattern, self._meter = pattern, meter

    def _scan(self, string, pos=0, endpos=None):
        end = len(string) if endpos is None else min(endpos, len(string))
        self._meter.regex_chars += max(0, end - pos)

    def search(self, string, pos=0, endpos=sys.maxsize):
        self._scan(string, pos, endpos)
        return self._pattern.search(string, pos, endpos)

    def match(self, string, pos=0, endpos=sys.maxsize):
        self._scan(string, pos, endpos)
        return self._pattern.match(string, pos, endpos)

    def fullmatch(self, string, pos=0, endpos=sys.maxsize):
        self._scan(string, pos, endpos)
        return self._pattern.fullmatch(string, pos, endpos)

    def finditer(self, string, pos=0, endpos=sys.maxsize):
        self._scan(string, pos, endpos)
        return self._pattern.finditer(string, pos, endpos)

    def findall(self, string, pos=0, endpos=sys.maxsize):
        self._scan(string, pos, endpos)
        return self._pattern.findall(string, pos, endpos)

    def sub(self, repl, string, count=0):
        self._scan(string)
        return self._pattern.sub(repl, string, count)

    def subn(self, repl, string, count=0):
        self._scan(string)
        return self._pattern.subn(repl, string, count)

    def split(self, string, maxsplit=0):
        self._scan(string)
        return self._pattern.split(string, maxsplit)

    def __getattr__(self, name):
        return getattr(self._pattern, name)


def _swap(value, convert, depth=0):
    """`value` with every pattern inside (lists and dicts changed in place, tuples rebuilt)."""
    if isinstance(value, (re.Pattern, CountingPattern)):
        return convert(value)
    if depth > 3:
        return value
    if isinstance(value, list):
        value[:] = [_swap(item, convert, depth + 1) for item in value]
    elif isinstance(value, dict):
        for key in list(value):
            value[key] = _swap(value[key], convert, depth + 1)
    elif isinstance(value, tuple):
        return tuple(_swap(item, convert, depth + 1) for item in value)
    return value


class Meter:
    """Counts regex characters and Python calls while it is entered."""

    def __init__(self):
        self.regex_chars = 0
        self.calls = 0

    def _modules(self):
        return [module for name, module in list(sys.modules.items())
                if (name == "service" or name.startswith("service.")) and module is not None]

    def _convert(self, value):
        return CountingPattern(value, self) if isinstance(value, re.Pattern) else value

    @staticmethod
    def _restore(value):
        return value._pattern if isinstance(value, CountingPattern) else value

    def _profile(self, frame, event, arg):
        if event == "call":
            self.calls += 1

    def __enter__(self):
        for module in self._modules():
            for name, value in list(vars(module).items()):
                if isinstance(value, (re.Pattern, list, dict, tuple)):
                    setattr(module, name, _swap(value, self._convert))
        self._compile = re._compile
        re._compile = lambda *args: self._convert(self._compile(*args))
        sys.setprofile(self._profile)
        return self

    def __exit__(self, *exc):
        sys.setprofile(None)
        re._compile = self._compile
        for module in self._modules():
            for name, value in list(vars(module).items()):
                if isinstance(value, (CountingPattern, list, dict, tuple)):
                    setattr(module, name, _swap(value, self._restore))


def cpu_time(work, argument) -> float:
    """The best of three runs, the garbage collector paused: in a long test session its passes
    walk every object the earlier tests left, a cost that has nothing to do with this input."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            start = time.process_time()
            work(argument)
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


def assert_linear(work, make_input, size):
    """work(make_input(8 × size)) costs at most about 8 × work(make_input(size))."""
    small, large = make_input(size), make_input(GROWTH * size)
    work(small)                                   # imports, caches
    counts = []
    for argument in (small, large):
        with Meter() as meter:
            work(argument)
        counts.append(meter)
    small_count, large_count = counts
    assert large_count.regex_chars <= MAX_COUNT_GROWTH * max(small_count.regex_chars, 1000), \
        (small_count.regex_chars, large_count.regex_chars)
    assert large_count.calls <= MAX_COUNT_GROWTH * max(small_count.calls, 1000), (small_count.calls,
                                                                                  large_count.calls)
    small_time, large_time = cpu_time(work, small), cpu_time(work, large)
    assert large_time <= MAX_CPU_GROWTH * max(small_time, 0.002), (small_time, large_time)


# --- the text stages (parse_report: normalisation, sections, metadata, tables, checks) ---------

def repeated(prefix, unit, suffix=""):
    return lambda size: prefix + unit * (size // len(unit) + 1) + suffix


PROSE_CUE_FIGURES = sorted({cue + "1件" for entry in prose_rules.PROSE_FIGURES for cue in entry["cues"]})

TEXT_CASES = {
    # one clause of figures after a word that makes each of them another period's: each skipped
    # match used to copy and search the clause from its start
    "prose: skipped figures in one clause": repeated("一、总体情况\n上年", "办结1件"),
    "prose: another year's figures": repeated(TITLE + "一、总体情况\n2019年", "予以公开1件"),
    **{f"prose: {unit}": repeated(TITLE + "一、总体情况\n", unit) for unit in PROSE_CUE_FIGURES[:6]},
    "prose: every cue in one clause": repeated(TITLE + "一、总体情况\n", "".join(PROSE_CUE_FIGURES)),
    # the signature is looked for after the last heading: a long last section full of dates
    "metadata: dates on one long line": repeated("一、总体情况\n", "a " * 50 + "2021年1月1日 "),
    "metadata: title words": repeated("", "政府信息公开工作年度报告2023年"),
    "metadata: contacts": repeated(TITLE, "电话：0123-4567890地址：某某路邮编100000"),
    "sections: numerals": repeated(TITLE, "一、"),
    "sections: numerals on lines": repeated(TITLE, "一、总体情况\n"),
    "sections: sub-headings": repeated(TITLE + "一、总体情况\n", "（一）"),
    "tables: label words on one aligned line": repeated(
        TITLE + "三、收到和处理政府信息公开申请情况\n申请人情况 ", "勾稽关系 "),
    "tables: one long row of values": repeated(TITLE + "三、收到和处理政府信息公开申请情况\n（七）总计 ", "1 "),
    "tables: pipe cells": repeated(TITLE + "二、主动公开政府信息情况\n第二十条第（一）项\n| 规章 ", "| 0 "),
    "tables: a cell per line": repeated(TITLE + "三、收到和处理政府信息公开申请情况\n申请人情况\n", "0\n"),
    "normalize: converter noise": repeated(TITLE, "**[bookmark: _GoBack]　"),
}


@pytest.mark.parametrize("name", list(TEXT_CASES))
def test_parsing_is_linear(name):
    assert_linear(parse_report, TEXT_CASES[name], 16_000)


def test_the_meter_sees_quadratic_work():
    """The meter itself: a search of every prefix is caught by the counts and the CPU time."""
    pattern = re.compile("x")

    def quadratic(text):
        for end in range(0, len(text), 20):
            pattern.search(text[:end])

    with pytest.raises(AssertionError):
        assert_linear(quadratic, lambda size: "a" * size, 20_000)


# --- the readers (HTML pages and .docx), within their element caps ----------------------------

def read(media_type):
    """Reading a document of that type; a refusal (FormatError) is an answer too."""
    def work(data):
        try:
            extract_text(data, media_type)
        except FormatError:
            pass
    return work


def page(body: str) -> bytes:
    return f"<html><body>{body}</body></html>".encode()


HTML_CASES = {
    "html: paragraphs": lambda size: page("<p>" * (size // 10)),
    "html: attributes": lambda size: page('<p class="a" id="b" style="c">1</p>' * (size // 40)),
    "html: many attributes a tag": lambda size: page(("<p " + "a " * 900 + ">x</p>") * (size // 2000)),
    "html: table cells with spans": lambda size: page(
        "<table>" + '<tr><td rowspan="3" colspan="2">1</td><td>x</td></tr>' * (size // 60) + "</table>"),
    "html: nesting": lambda size: page("<div>" * (size // 20) + "一、总体情况" + "</div>" * (size // 20)),
    "html: unclosed quotes and tags": lambda size: page('<p a="<p b="' * (size // 12)),
}


@pytest.mark.parametrize("name", list(HTML_CASES))
def test_html_reading_is_linear(name):
    assert_linear(read(TEXT_HTML), HTML_CASES[name], 40_000)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(body: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
    return buffer.getvalue()


DOCX_CASES = {
    "docx: empty runs": lambda size: docx("<w:p>" + "<w:r/>" * (size // 10) + "</w:p>"),
    "docx: runs with attributes": lambda size: docx(
        "<w:p>" + '<w:r w:rsidR="1" w:rsidRPr="2"><w:t xml:space="preserve">1</w:t></w:r>' * (size // 80) + "</w:p>"),
    "docx: merged cells": lambda size: docx(
        "<w:tbl>" + ('<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>一</w:t></w:r></w:p></w:tc>'
                     '<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>') * (size // 150) + "</w:tbl>"),
}


@pytest.mark.parametrize("name", list(DOCX_CASES))
def test_docx_reading_is_linear(name):
    assert_linear(read(DOCX), DOCX_CASES[name], 40_000)
