"""The whole-text stages (normalise, sections, sub-headings and section output) as rewritten for
speed give what their previous forms gave: those are kept here, verbatim, as the reference."""

from itertools import accumulate

from hypothesis import HealthCheck, given, settings, strategies as st

from service.parsing import sections as S
from service.parsing.normalize import (FOLD_CHARS, FOLD_RE, NOISE_PATTERN, NOISE_RE, clean_original, has_noise,
                                       prepare)
from service.parsing.report import _sections_output
from service.rules import headings

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PIECES = st.sampled_from([
    "一", "二", "三", "四", "五", "六", "七", "十", "、", " 、", "  、", "\u3000", " ", "\t", "\n", "\r\n", "\r",
    "（一）", "(二)", "（三）", "(十一)", "。", "：", ";", "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项", "统计表", "工作情况", "本年新收",
    "结转下年度继续办理", "第六部分", "六．", "6、", "□", "#", "## ", "**", "[bookmark: _GoBack]", "＃", "　", "\xa0",
    "\u200b", "１２", "ＡＢ", "⼀", "－", "，", "文字", "我局", "a", "x" * 30, "情况", "依申请公开", "问题",
])
TEXTS = st.lists(PIECES, max_size=80).map("".join)


# ---- the previous forms ---------------------------------------------------------------------

OLD_NOISE_RE = S.re.compile(NOISE_PATTERN, S.re.MULTILINE)

def old_prepare(raw):
    original = raw.replace("\r\n", "\n").replace("\r", "\n")
    norm = original
    match = FOLD_RE.search(norm)
    while match:
        char = match.group()
        norm = norm.replace(char, FOLD_CHARS[char])
        match = FOLD_RE.search(norm, match.start())
    if has_noise(norm):
        norm = OLD_NOISE_RE.sub(lambda m: " " * len(m.group()), norm)
    starts = [0, *accumulate(map((1).__add__, map(len, norm.split("\n")[:-1])))]
    return original, norm, starts


OLD_LINE_PREFIX_RE = S.re.compile(r"[\s□#*>·•]*$")
OLD_INLINE_TITLE_RES = [S.re.compile(r"\s*(" + p + r")") for p in headings.INLINE_TITLE_PATTERNS]


def old_at_line_start(norm, at):
    window = max(0, at - S.LINE_PREFIX_WINDOW)
    newline = norm.rfind("\n", window, at)
    if newline < 0 and window > 0:
        return False
    return bool(OLD_LINE_PREFIX_RE.match(norm[newline + 1:at]))


def old_heading_numerals(norm):
    at = norm.find("、")
    while at >= 0:
        stop = at
        while stop > 0 and at - stop < 3 and norm[stop - 1].isspace():
            stop -= 1
        first = stop
        while first > 0 and stop - first < 4 and norm[first - 1] in S.NUM_CHARS:
            first -= 1
        if 1 <= stop - first <= 3:
            yield first, at + 1, norm[first:stop]
        at = norm.find("、", at + 1)


def old_candidate(norm, start, end, number):
    rest = S._line_rest(norm, end, len(norm))
    if S.TABLE_ROW_RE.match(rest):
        return None
    at_line_start = old_at_line_start(norm, start)
    stripped = rest.strip()
    title = None
    for index, title_re in enumerate(OLD_INLINE_TITLE_RES):
        found = title_re.match(rest)
        if found:
            title = found.group(1)
            generic = index == len(OLD_INLINE_TITLE_RES) - 1
            body = end + found.end()
            break
    if at_line_start and stripped and (title is None or generic):
        short = S.TITLE_END_RE.split(stripped, 1)[0].strip()
        if len(short) <= 40 and (len(stripped) <= 40 or title is None):
            title, generic = short, title is None
            body = end + rest.find(short) + len(short)
    if not title:
        return None
    if not at_line_start and generic:
        weight = 0.5
    else:
        weight = 1.0 + (1.0 if at_line_start else 0.0)
    kind = S.section_kind(title)
    if kind:
        weight += 3.0
    return S.Heading(number, S.numeral_value(number), S.collapse_spaces(title), kind, start, body, weight)


def old_best_chain(candidates):
    best_end = {}
    previous = [None] * len(candidates)
    scores = [0.0] * len(candidates)
    for index, cand in enumerate(candidates):
        options = [(cand.weight - 2.0 * (cand.value - 1), None)]
        for value, (score, at) in best_end.items():
            if value < cand.value:
                gap = cand.value - value - 1
                options.append((score + cand.weight - 2.0 * gap, at))
            elif cand.value == 1 and cand.kind:
                options.append((score + cand.weight - 1.0, at))
        score, at = max(options, key=lambda option: option[0])
        scores[index], previous[index] = score, at
        if score > best_end.get(cand.value, (float("-inf"), None))[0]:
            best_end[cand.value] = (score, index)
    if not candidates:
        return []
    index = max(range(len(candidates)), key=lambda i: scores[i])
    chain = []
    while index is not None:
        chain.append(candidates[index])
        index = previous[index]
    return chain[::-1]


def old_find_subheadings(norm, start, end, excluded):
    found = []
    for match in S.SUBHEADING_RE.finditer(norm, start, end):
        at = match.start()
        before = norm[max(start, at - 1):at]
        if not (old_at_line_start(norm, at) or before in ("。", " ", "\u3000")):
            continue
        if any(lo <= at < hi for lo, hi in excluded):
            continue
        title = S.TITLE_END_RE.split(S._line_rest(norm, match.end(), end), 1)[0]
        title = S.collapse_spaces(title)[:60].rstrip("。.,，")
        found.append((match.group(1), title, at))
        if len(found) >= S.MAX_SUBHEADINGS:
            break
    return found


def old_clean_original(text):
    if has_noise(text):
        text = OLD_NOISE_RE.sub("", text)
    return "\n".join(map(str.rstrip, text.split("\n"))).strip()


def old_sections_output(doc, sections):
    return [{
        "number": section.heading.number, "title": section.heading.title, "kind": section.heading.kind,
        "line": doc.line_no(section.heading.start),
        "end_line": doc.line_no(max(section.heading.start, section.end - 1)),
        "inferred": section.heading.inferred,
        "text": old_clean_original(doc.original[section.heading.start:section.end]),
        "subheadings": [{"number": f"（{number}）", "title": title, "line": doc.line_no(at)}
                        for number, title, at in section.subheadings],
    } for section in sections]


# ---- the comparisons --------------------------------------------------------------------------

@SETTINGS
@given(st.one_of(TEXTS, st.text()))
def test_prepare_as_before(raw):
    doc = prepare(raw)
    assert (doc.original, doc.norm, doc.line_starts) == old_prepare(raw)


NOISY = st.lists(st.sampled_from(["#", "##", "#######", " ", "\t", "\n", "a", "*", "**", "[bookmark:", "]", "x"]),
                 max_size=30).map("".join)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(NOISY, TEXTS))
def test_noise_pattern_as_before(text):
    assert [m.span() for m in NOISE_RE.finditer(text)] == [m.span() for m in OLD_NOISE_RE.finditer(text)]
    assert clean_original(text) == old_clean_original(text)


@SETTINGS
@given(TEXTS)
def test_heading_candidates_and_line_starts_as_before(raw):
    norm = prepare(raw).norm
    numerals = list(S.heading_numerals(norm))
    assert numerals == list(old_heading_numerals(norm))
    for at in range(len(norm) + 1):
        assert S._at_line_start(norm, at) == old_at_line_start(norm, at)
    candidates = [S._candidate(norm, *found) for found in numerals]
    assert candidates == [old_candidate(norm, *found) for found in numerals]
    candidates = [cand for cand in candidates if cand is not None]
    assert S._best_chain(candidates) == old_best_chain(candidates)


HEADINGS = st.builds(lambda value, weight, kind: S.Heading("一", value, "t", kind, 0, 0, weight),
                     st.integers(1, 12), st.sampled_from([0.0, 0.5, 1.0, 2.0, 3.0, 3.5, 4.0, 5.0]),
                     st.sampled_from([None, "overview", "fees"]))


@settings(max_examples=1000, deadline=None)
@given(st.lists(HEADINGS, max_size=14))
def test_best_chain_as_before(candidates):
    assert [id(cand) for cand in S._best_chain(candidates)] == [id(cand) for cand in old_best_chain(candidates)]


@SETTINGS
@given(TEXTS, st.data())
def test_subheadings_and_section_output_as_before(raw, data):
    doc = prepare(raw)
    norm = doc.norm
    start = data.draw(st.integers(0, len(norm)))
    end = data.draw(st.integers(start, len(norm)))
    excluded = data.draw(st.lists(st.tuples(st.integers(0, len(norm)), st.integers(0, len(norm))), max_size=2))
    assert S.find_subheadings(norm, start, end, excluded) == old_find_subheadings(norm, start, end, excluded)
    sections = S.find_sections(norm)
    S.attach_subheadings(norm, sections, excluded)
    assert _sections_output(doc, sections) == old_sections_output(doc, sections)
