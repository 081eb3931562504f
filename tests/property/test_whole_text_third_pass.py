"""The whole-text stages and metadata as rewritten for speed a third time give what their previous
forms gave (or what the plain pattern gives): those are kept here as the reference."""

from hypothesis import HealthCheck, example, given, settings, strategies as st

from service.parsing import metadata as M
from service.parsing.normalize import NOISE_RE, compact, noise_spans, prepare

SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NOISY_PIECES = st.sampled_from([
    "*", "**", "***", "#", "##", "## ", "#\t", "####### ", "[bookmark:", "[bookmark: _GoBack]", "]", "[", "\n", " ",
    "\t", "\u3000", "x", "文字", "x" * 30, "[bookmark:" + "y" * 199, "[bookmark:" + "y" * 200 + "]",
])
NOISY_TEXTS = st.one_of(st.lists(NOISY_PIECES, max_size=60).map("".join), st.text(alphabet="*#[]\n bookmar:"))


@SETTINGS
@given(NOISY_TEXTS)
def test_noise_spans_are_the_pattern_matches(text):
    assert noise_spans(text) == [match.span() for match in NOISE_RE.finditer(text)]


TITLE_PIECES = st.sampled_from([
    "2021", "1999", "2020年", "2023年度", "19", "20", "5", "１２", "٣", "年", "年度", "政府", "信息公开", "政务公开", "工作",
    "报告", "某县人民政府", "关于", ":", "。", " ", "x" * 25, "文" * 29, "文" * 59, "文" * 60, "文" * 61, "字",
])
FILLER = st.lists(TITLE_PIECES, max_size=8).map("".join)
# filler, then a title's parts (each maybe left out or doubled), then filler
TITLE_LIKE = st.tuples(FILLER, st.sampled_from(["", "2021年", "2021年度", "1999年"]), FILLER,
                       st.sampled_from(["", "政府", "信息公开", "政府信息公开工作年度"]), FILLER, st.sampled_from(["", "报告"]),
                       FILLER).map("".join)
TITLE_TEXTS = st.one_of(TITLE_LIKE, st.lists(TITLE_PIECES, max_size=30).map("".join),
                        st.text(alphabet="0129年度政府信息公开工作报告x"))


@SETTINGS
@given(TITLE_TEXTS)
def test_title_search_is_the_plain_search(text):
    found, plain = M._title_search(text), M.TITLE_RE.search(text)
    assert (found and (found.span(), found.groupdict())) == (plain and (plain.span(), plain.groupdict()))


# find_title as it was (main at 80075a2): the plain TITLE_RE search, the first twelve lines read again
def old_find_title(doc):
    head = doc.nonblank_lines(1, M.FIRST_TITLE_LINES + 1)
    if len(head) <= M.FIRST_TITLE_LINES:
        return old_title_in(head, len(head))
    return old_title_in(head, M.FIRST_TITLE_LINES) or old_title_in(doc.nonblank_lines(1, M.MAX_TITLE_LINES),
                                                                    M.MAX_TITLE_LINES)


def old_title_in(lines, count):
    for index, (line_no, start, line) in enumerate(lines[:count]):
        candidates = []
        text = compact(line)
        if len(text) <= M.MAX_TITLE_CHARS:
            candidates.append(text)
            if index + 1 < len(lines) and M.YEAR_RE.search(text) and not M.TITLE_RE.search(text):
                following = lines[index + 1][2]
                candidates.append(text + compact(following))
        else:
            for segment in M.SEGMENT_SPLIT_RE.split(line[:800]):
                if 6 <= len(segment) <= M.MAX_TITLE_CHARS:
                    candidates.append(segment)
        for text in candidates:
            if "报告" not in text or not M.YEAR_RE.search(text):
                continue
            match = M.TITLE_RE.search(text)
            if not match:
                continue
            pre = match.group("pre")
            core = match.group(0)[len(pre):]
            organization = M._clean_organization(pre)
            title = (organization or "") + core
            if organization is None:
                organization = M._clean_organization(match.group("mid"))
            if organization is None and index > 0 and M._looks_like_organization(lines[index - 1][2]):
                organization = compact(lines[index - 1][2])
                title = organization + core
            return {"title": title, "organization": organization, "year": int(match.group("year")), "line": line_no}
    if count < len(lines):
        return None
    return {"title": None, "organization": None, "year": None, "line": None}


LINES = st.one_of(TITLE_LIKE, st.sampled_from(["", " ", "某县人民政府", "文字。", "2021年度", "政府信息公开工作年度报告"]))


TITLE = "某县人民政府2021年度政府信息公开工作年度报告"


@SETTINGS
@given(st.lists(LINES, max_size=40).map("\n".join))
@example("\n".join(["文字。"] * 11 + ["2021年度", "政府信息公开工作年度报告"]))   # joined across the 12th line
@example("\n".join(["文字。"] * 12 + ["2021年度", "政府信息公开工作年度报告"]))
@example("\n".join(["文字。"] * 12 + [TITLE]))                              # the 13th line, read second
@example("\n".join(["文字。"] * 13 + [TITLE]))
def test_title_as_before(text):
    doc = prepare(text)
    assert M.find_title(doc) == old_find_title(doc)


# find_signature as it was (main at 80075a2): every line from the tail on searched for dates
def old_find_signature(doc, tail_start, year):
    found = {"date": None, "organization": None}
    first = doc.line_no(tail_start)
    lines = doc.nonblank_lines(first)
    for index, (line_no, start, line) in enumerate(lines):
        first_text = M.NON_SPACE_RE.search(line).start()
        for match in M.CHINESE_DATE_RE.finditer(line, max(0, tail_start - start)):
            date = M._iso(match)
            if date is None or (year and not year <= int(match.group("y")) <= year + 2):
                continue
            following = M.NON_SPACE_RE.search(line, match.end())
            after = line[following.start():following.start() + 3] if following else ""
            if match.start() <= first_text:
                if not after or after.startswith(("(", "附件")):
                    organization = None
                    if index > 0 and M._looks_like_organization(lines[index - 1][2]):
                        organization = compact(lines[index - 1][2])
                    found = {"date": date, "organization": organization}
            elif not after or after.startswith(("附件", "(此")):
                word = M._word_before(line, match.start())
                if word and M._looks_like_organization(word):
                    found = {"date": date, "organization": compact(word)}
    return found


SIGNATURE_PIECES = st.sampled_from([
    "2021年1月14日", "2022 年 2 月 30 日", "2021年", "1月", "14日", "年", "某县人民政府", "文字。", " ", "  ", "\n", "\n",
    "(此页无正文)", "附件", "(", "x" * 20,
])


@SETTINGS
@given(st.lists(SIGNATURE_PIECES, max_size=40).map("".join), st.integers(0, 300),
       st.sampled_from([None, 2020, 2021]))
def test_signature_as_before(text, tail_start, year):
    doc = prepare(text)
    assert M.find_signature(doc, tail_start, year) == old_find_signature(doc, tail_start, year)
