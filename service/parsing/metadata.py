"""Report metadata: title, organization, year covered, publication date, contact details."""

import datetime
import re
from operator import itemgetter

from service.parsing.normalize import compact
from service.rules import metadata as rules

TITLE_RE = re.compile(rules.TITLE_PATTERN)
# TITLE_RE begins with a lazy run of at most 60 non-digits, so `re` tries it at every character
# and, at each, every length of that run (nine lines of 80 characters without a title: 380 µs).
# That run holds no digit, so a match's year is the first digit after the match's start: the
# title is matched from the first place where the rest of the pattern (TITLE_TAIL_RE) matches,
# begun after the last digit before it and at most 60 characters before it (_title_search).
TITLE_PRE_MAX = 60
TITLE_PRE = rf"(?P<pre>[^\d]{{0,{TITLE_PRE_MAX}}}?)"
assert rules.TITLE_PATTERN.startswith(TITLE_PRE)
TITLE_TAIL_RE = re.compile(rules.TITLE_PATTERN[len(TITLE_PRE):])
UP_TO_LAST_DIGIT_RE = re.compile(r".*\d", re.DOTALL)
TITLE_PREFIX_RE = re.compile(rules.TITLE_PREFIXES)
LEADING_NOISE_RE = re.compile(r"^.*[，。,;；:：《》)\]!?]")   # 《 too: "制定《某局2023年…报告》"
ORGANIZATION_LINE_RE = re.compile(rules.ORGANIZATION_LINE)
ORGANIZATION_SUFFIX_RE = re.compile(rules.ORGANIZATION_SUFFIXES)
DATE_RE = re.compile(rules.DATE_PATTERN)
CHINESE_DATE_RE = re.compile(r"(?P<y>(?:19|20)\d\d)\s{0,3}年\s{0,3}(?P<m>\d{1,2})\s{0,3}月\s{0,3}(?P<d>\d{1,2})\s{0,3}日")
DATE_YEAR_MARK = "年"       # every CHINESE_DATE_RE match holds it
PUBLISHED_RE = re.compile(rules.PUBLISHED_LABEL + rules.DATE_PATTERN)
PERIOD_RE = re.compile(rules.PERIOD_PATTERN)
# PERIOD_RE once for each century: a pattern that begins with a literal ("19", "20") is looked for
# by that literal, one that begins with an alternation is tried at every character. At a given
# character only one of them can match, so the leftmost of their matches is PERIOD_RE's.
PERIOD_YEAR = r"(?P<year>(?:19|20)\d\d)"
assert rules.PERIOD_PATTERN.startswith(PERIOD_YEAR)
PERIOD_19_RE, PERIOD_20_RE = (re.compile(rules.PERIOD_PATTERN.replace(PERIOD_YEAR, rf"(?P<year>{century}\d\d)", 1))
                              for century in ("19", "20"))
NINETEEN_RE = re.compile("19")
CONTACT_RES = {name: re.compile(pattern) for name, pattern in rules.CONTACT_PATTERNS.items()}
# These patterns begin with optional words or a character class, so the regular expression engine
# tries them at every character of the text. Each match holds one of a few words, at most so many
# characters after its start: the search begins that far before the first of them (or is not run
# when none is there), which finds the same leftmost match. (words, characters before them at most)
ANCHORS = {
    "published": (("时间", "日期"), 2),          # 发布时间 … 日期
    "address": (("地址",), 2),                    # 通讯地址
    "postcode": (("邮",), 0),
    "phone": (("电话",), 2),                      # 咨询电话
    "fax": (("传真",), 3),                        # 传真 | 电话/传真
    "email": (("@",), 64),                        # [A-Za-z0-9._%+\-]{1,64}@
}
# the words as patterns of their literal text: `re` finds a literal of several characters in
# Chinese text about twice as fast as str.find (normalize.has_noise says why)
ANCHOR_RES = {name: ([re.compile(re.escape(word)) for word in words], before)
              for name, (words, before) in ANCHORS.items()}
FEW_BEFORE = 3     # words this near a match's start are tried from each place they are in,
SHORT_REST = 300   # unless this little text follows the first of them
SEGMENT_SPLIT_RE = re.compile(r"[\s。;；]+")
YEAR_RE = re.compile(r"(?:19|20)\d\d年")
PHONE_RE = re.compile(r"\d[\d\-()（）]{5,}\d")
MAX_TITLE_LINES = 150
FIRST_TITLE_LINES = 12     # looked at first (the rest only when none of these is the title)
MAX_TITLE_CHARS = 90
HEAD_CHARS = 4000
NON_SPACE_RE = re.compile(r"\S")
# An organization signing on the date's line stands at most this many characters before it
# (its name has at most 40 characters; ORGANIZATION_LINE).
SIGNATURE_WINDOW = 200


def _iso(match) -> object:
    try:
        return datetime.date(int(match.group("y")), int(match.group("m")), int(match.group("d"))).isoformat()
    except ValueError:
        return None


def _clean_organization(text: str) -> object:
    text = TITLE_PREFIX_RE.sub("", text)
    text = LEADING_NOISE_RE.sub("", text)
    text = text.strip(" :：-—|")
    return text or None


def _looks_like_organization(line: str) -> bool:
    text = compact(line)
    return bool(ORGANIZATION_LINE_RE.match(text) and ORGANIZATION_SUFFIX_RE.search(text))


def find_title(doc) -> dict:
    """{title, organization, year, line} from the first title-like line (or two joined lines)."""
    head = doc.nonblank_lines(1, FIRST_TITLE_LINES + 1)     # the title is nearly always among them
    if len(head) <= FIRST_TITLE_LINES:
        return _title_in(head, len(head))
    # the second look begins after the first: the first twelve lines, each with the one after it,
    # are the same in both lists
    return (_title_in(head, FIRST_TITLE_LINES)
            or _title_in(doc.nonblank_lines(1, MAX_TITLE_LINES), MAX_TITLE_LINES, FIRST_TITLE_LINES))


def _title_in(lines, count, first=0) -> dict:
    """find_title over the lines from index `first` to `count` (each with the line after it when
    there is one); None when `count` is less than len(lines) and none is a title."""
    for index, (line_no, start, line) in enumerate(lines[first:count], first):
        candidates = []
        text = compact(line)
        if len(text) <= MAX_TITLE_CHARS:
            candidates.append(text)
            if index + 1 < len(lines) and YEAR_RE.search(text) and not _title_search(text):
                following = lines[index + 1][2]
                candidates.append(text + compact(following))
        else:
            for segment in SEGMENT_SPLIT_RE.split(line[:800]):
                if 6 <= len(segment) <= MAX_TITLE_CHARS:
                    candidates.append(segment)
        for text in candidates:
            if "报告" not in text or not YEAR_RE.search(text):
                continue
            match = _title_search(text)
            if not match:
                continue
            pre = match.group("pre")
            core = match.group(0)[len(pre):]
            organization = _clean_organization(pre)
            title = (organization or "") + core
            if organization is None:
                organization = _clean_organization(match.group("mid"))
            if organization is None and index > 0 and _looks_like_organization(lines[index - 1][2]):
                organization = compact(lines[index - 1][2])
                title = organization + core
            return {"title": title, "organization": organization, "year": int(match.group("year")), "line": line_no}
    if count < len(lines):
        return None
    return {"title": None, "organization": None, "year": None, "line": None}


def _title_search(text: str):
    """TITLE_RE.search(text): the match that begins where its year is the first digit, at the
    first place where the rest of the title matches (see TITLE_TAIL_RE)."""
    tail = TITLE_TAIL_RE.search(text)
    if tail is None:
        return None
    year = tail.start()
    start = max(0, year - TITLE_PRE_MAX)
    digits = UP_TO_LAST_DIGIT_RE.match(text, start, year)
    return TITLE_RE.match(text, digits.end() if digits else start)


def find_signature(doc, tail_start: int, year) -> dict:
    """The date signed at the end ("古城镇人民政府 / 2021年1月14日") and the organization above it
    (or before it on the same line). The line around each date is looked at through bounded
    windows, never sliced whole per date: a long line full of dates stays linear."""
    found = {"date": None, "organization": None}
    first = doc.line_no(tail_start)
    lines = doc.nonblank_lines(first)
    for index, (line_no, start, line) in enumerate(lines):
        if DATE_YEAR_MARK not in line:         # no date in it (a test in C, no search per line)
            continue
        first_text = NON_SPACE_RE.search(line).start()
        for match in CHINESE_DATE_RE.finditer(line, max(0, tail_start - start)):
            date = _iso(match)
            if date is None or (year and not year <= int(match.group("y")) <= year + 2):
                continue
            following = NON_SPACE_RE.search(line, match.end())      # stops at the next date at the latest
            after = line[following.start():following.start() + 3] if following else ""
            if match.start() <= first_text:                         # nothing before the date on its line
                if not after or after.startswith(("(", "附件")):
                    organization = None
                    if index > 0 and _looks_like_organization(lines[index - 1][2]):
                        organization = compact(lines[index - 1][2])
                    found = {"date": date, "organization": organization}
            elif not after or after.startswith(("附件", "(此")):
                word = _word_before(line, match.start())
                if word and _looks_like_organization(word):
                    found = {"date": date, "organization": compact(word)}
    return found


def _word_before(line: str, end: int):
    """The last white-space separated word of line[:end]; None when it does not lie wholly
    within the SIGNATURE_WINDOW characters before `end` (then it is no organization's name)."""
    window_start = max(0, end - SIGNATURE_WINDOW)
    words = line[window_start:end].split()
    if not words or (window_start > 0 and len(words) == 1 and not line[window_start].isspace()):
        return None
    return words[-1]


def anchored_search(pattern, name, text, start=0, end=None):
    """pattern.search(text, start, end), begun where a match can begin at the earliest (ANCHORS).
    When much text follows the first anchor word (a pattern that fails there would be tried at
    each of its characters), the pattern is tried only from the few places before each of the
    words, in order."""
    end = len(text) if end is None else end
    words, before = ANCHOR_RES[name]
    found = []
    for word in words:
        match = word.search(text, start, end)
        if match:
            found.append([match.start(), word])
    if not found:
        return None
    first = min(found, key=itemgetter(0))[0]
    if before > FEW_BEFORE or end - first <= SHORT_REST:
        return pattern.search(text, max(start, first - before), end)
    tried = start               # every position before this one has been tried
    while found:
        nearest = min(found, key=itemgetter(0))
        at = nearest[0]
        for position in range(max(tried, at - before), at + 1):
            match = pattern.match(text, position, end)
            if match:
                return match
        tried = at + 1
        following = nearest[1].search(text, tried, end)
        if following:
            nearest[0] = following.start()
        else:
            found.remove(nearest)
    return None


def find_stated_date(doc) -> object:
    match = anchored_search(PUBLISHED_RE, "published", doc.norm, 0, HEAD_CHARS)
    return _iso(match) if match else None


def find_period_year(doc) -> object:
    """PERIOD_RE's first match: the first of PERIOD_20_RE's, unless PERIOD_19_RE's comes before it
    (looked for only when a "19" does)."""
    norm = doc.norm
    match = PERIOD_20_RE.search(norm)
    limit = match.start() if match else len(norm)
    nineteen = NINETEEN_RE.search(norm, 0, limit + 1)      # a "19" that begins before `limit`
    if nineteen:
        earlier = PERIOD_19_RE.search(norm, nineteen.start())
        if earlier and earlier.start() < limit:
            match = earlier
    return int(match.group("year")) if match else None


def find_contacts(text: str) -> dict:
    flat = "".join(text.split())      # white space removed (str.split's is \s)
    contacts = {}
    for name, pattern in CONTACT_RES.items():
        match = anchored_search(pattern, name, flat)
        value = None
        if match:
            value = match.group("value") if match.group("value") else match.groupdict().get("value2")
        if value and name in ("phone", "fax"):
            phone = PHONE_RE.search(value.replace("—", "-"))
            value = phone.group(0) if phone else None
        contacts[name] = value.strip() if value else None
    return contacts
