"""Stage 1: normalisation keeps offsets; cell text becomes a value."""

import pytest
from hypothesis import assume, given, strategies as st

from service.parsing.normalize import FOLD_CHARS, FOLD_TABLE, NOISE_RE, compact, has_noise, prepare
from service.parsing.numbers import BLANK, GARBLED, NUMBER, TEXT, classify, to_output


@pytest.mark.parametrize("raw, norm", [
    ("（一）予以公开", "(一)予以公开"),
    ("１２３", "123"),
    ("a\u3000b\u00a0c", "a b c"),
    ("[bookmark: _GoBack]1.建立", " " * len("[bookmark: _GoBack]") + "1.建立"),
    ("**（二）**", "  (二)  "),
    ("⼀、总体情况", "一、总体情况"),                       # Kangxi radical from PDF text
])
def test_fold(raw, norm):
    assert prepare(raw).norm == norm


def test_crlf_and_line_numbers():
    doc = prepare("一\r\n二\r三\n四")
    assert doc.original == "一\n二\n三\n四"
    assert [line for _, _, line in doc.lines()] == ["一", "二", "三", "四"]
    assert doc.line_no(doc.norm.index("三")) == 3


@given(st.text())
def test_normalised_text_keeps_every_offset(text):
    doc = prepare(text)
    assert len(doc.norm) == len(doc.original)
    assert doc.norm.count("\n") == doc.original.count("\n")


@given(st.text())
def test_normalisation_is_idempotent(text):
    once = prepare(text).norm
    assert prepare(once).norm == once


def test_compact_removes_space_quotes_and_marks():
    assert compact("3.危及 “三安全一稳定”") == "3.危及三安全一稳定"
    assert compact("本 年 度 办 理 结 果") == "本年度办理结果"


@pytest.mark.parametrize("cell, kind, value", [
    ("0", NUMBER, 0), (" 0", NUMBER, 0), ("0 ", NUMBER, 0), ("1,234", NUMBER, 1234), ("-18", NUMBER, -18),
    ("5件", NUMBER, 5), ("零", NUMBER, 0),
    ("", BLANK, None), ("/", BLANK, None), ("—", BLANK, None), ("--", BLANK, None), ("无", BLANK, None),
    ("不涉及", BLANK, None),
    ("00", GARBLED, None), ("000023", GARBLED, None),
    ("1.", TEXT, None), ("2019年", TEXT, None), ("规章", TEXT, None),
])
def test_classify(cell, kind, value):
    got_kind, got_value, _ = classify(cell)
    assert (got_kind, got_value) == (kind, value)


@pytest.mark.parametrize("cell, amount", [
    ("1207.5万元", 1207.5), ("134.2 万元", 134.2), ("120190475.34元", 12019.047534),
    ("75394432.52元", 7539.443252), ("7730.28", 7730.28), ("7545", 7545), ("24252.311082", 24252.311082),
])
def test_amounts_are_in_wan_yuan(cell, amount):
    kind, value, unit = classify(cell)
    assert kind == NUMBER
    assert to_output(value, unit, amount=True) == pytest.approx(amount, abs=1e-9)


@given(st.integers(min_value=0, max_value=10**12))
def test_full_width_and_grouped_integers_read_back(number):
    grouped = f"{number:,}"
    full_width = grouped.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789,"})
    for written in (str(number), grouped, full_width):
        kind, value, unit = classify(prepare(written).norm)
        assert (kind, value) == (NUMBER, number)


def test_digit_runs_longer_than_any_figure_are_not_values():
    assert classify("9" * 22)[0] == GARBLED
    assert classify("1" * 15)[0] == NUMBER


@given(st.text(alphabet="[bookmark:]*#_ \t\nab", max_size=40))
def test_noise_patterns_need_one_of_their_marks(text):
    """normalize skips the noise patterns over a text without NOISE_MARKS: no pattern may match it."""
    assert NOISE_RE.search(text) is None or has_noise(text)


@given(st.text(alphabet="0123456789", min_size=1, max_size=20))
def test_plain_digits_read_as_the_number_pattern_reads_them(digits):
    """classify reads a cell of ASCII digits without the pattern; a plus sign before them sends
    them through the pattern (white space around them does not: it is removed and the digits read
    without the pattern again): both readings must be the same (kind, value and its type, unit)."""
    fast, by_pattern = classify(digits), classify(f"+{digits}")
    assert fast == by_pattern and type(fast[1]) is type(by_pattern[1])


FOLDED_OR_NOT = "".join(sorted(FOLD_CHARS)) + "（一）１２，。 \t\nab年"


@given(st.text(alphabet=FOLDED_OR_NOT, max_size=60))
def test_folding_one_distinct_character_at_a_time_is_the_fold_table(text):
    """prepare folds by str.replace per distinct character found; str.translate with the whole
    table is the definition (a text that folds into converter noise is blanked after: left out)."""
    folded = text.translate(FOLD_TABLE)
    assume(not has_noise(folded))
    assert prepare(text).norm == folded
