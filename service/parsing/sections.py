"""Top-level numbered sections (一、二、…) and their numbered sub-headings ((一)(二)…).

Headings are found at the start of a line, or inside a running line when the title reads
like a known section title (crawler text puts a whole report on one line). Candidates are
chained by their numerals (一, 二, 三 …; a restart at 一 is allowed for reports with a
narrative part and a statistics part); the chain with the most weight wins, so a numbered
list inside a section does not break the outline. A numeral skipped in the chain whose
place holds a sub-heading of a known kind becomes an inferred section.
"""

import re
from dataclasses import dataclass, field

from service.parsing.normalize import collapse_spaces
from service.rules import headings

NUM = headings.CHINESE_NUMERALS
HEADING_RE = re.compile(r"(?<![" + NUM + r"])([" + NUM + r"]{1,3})\s{0,3}、")    # what heading_numerals finds
NUM_CHARS = frozenset(NUM)
# a 、 with a numeral right before it or before at most three white-space characters (a 、 in a
# list of words has none): the regex engine finds the 、 by its literal and tests the character
# before it, so Python looks only at the few 、 that can end a heading numeral
NUMERAL_COMMA_RE = re.compile("、(?:" + "|".join("(?<=[" + NUM + "]" + r"\s" * spaces + "、)" for spaces in range(4)) + ")")
DIGITS = {c: i + 1 for i, c in enumerate(NUM[:9])}
LINE_PREFIX_RE = re.compile(r"[\s□#*>·•]*")     # fullmatch over a line's start (no \n in it)
SUBHEADING_RE = re.compile(r"\(([" + NUM + r"]{1,3})\)")
# each kind's pattern is a list of words: a title holds one or not (`in`, cheaper than a search)
KIND_WORDS = [(kind, tuple(pattern.split("|"))) for kind, pattern in headings.SECTION_KIND_PATTERNS]
assert all(re.escape(word) == word for _, words in KIND_WORDS for word in words)
# the inline title patterns as one alternation, the first that matches winning as in a loop over
# them (none can begin with white space, so \s* takes all of it for each); the group that
# matched (lastindex) tells which, the last being the generic one
INLINE_TITLE_RE = re.compile(r"\s*(?:" + "|".join("(" + p + ")" for p in headings.INLINE_TITLE_PATTERNS) + ")")
GENERIC_TITLE = len(headings.INLINE_TITLE_PATTERNS)
TABLE_ROW_RE = re.compile(headings.TABLE_ROW_HEADINGS)
TITLE_END_RE = re.compile(r"[。;:：]")
OTHER_NUMBERING_RE = re.compile(headings.OTHER_NUMBERING_LINE)
MAX_CANDIDATES = 400
MAX_SUBHEADINGS = 100
LINE_PREFIX_WINDOW = 24
REST_WINDOW = 400


def numeral_value(numeral: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23."""
    if "十" not in numeral:
        return DIGITS.get(numeral, 0)
    tens, _, ones = numeral.partition("十")
    return (DIGITS.get(tens, 1) if tens else 1) * 10 + (DIGITS.get(ones, 0) if ones else 0)


def section_kind(title: str):
    """The first kind (SECTION_KIND_PATTERNS, in order) one of whose words the title holds."""
    for kind, words in KIND_WORDS:
        for word in words:
            if word in title:
                return kind
    return None


@dataclass
class Heading:
    number: str
    value: int
    title: str
    kind: object
    start: int          # offset of the numeral
    body: int           # offset where the section's text after the title starts
    weight: float
    inferred: bool = False


@dataclass
class Section:
    heading: Heading
    end: int
    subheadings: list = field(default_factory=list)


def _at_line_start(norm: str, at: int) -> bool:
    """Only white space or markup marks between the start of the line and `at` (looked at in a
    short window: a heading is never far from its line's start, and a long line must not make
    each candidate cost its whole length)."""
    window = max(0, at - LINE_PREFIX_WINDOW)
    newline = norm.rfind("\n", window, at)
    if newline < 0 and window > 0:
        return False
    return LINE_PREFIX_RE.fullmatch(norm, newline + 1, at) is not None


def _line_rest(norm: str, at: int, end: int) -> str:
    """The text from `at` to the end of its line (at most REST_WINDOW characters, before `end`)."""
    limit = min(end, at + REST_WINDOW)
    line_end = norm.find("\n", at, limit)
    return norm[at:limit if line_end < 0 else line_end]


def heading_numerals(norm: str):
    """(start, end, numeral) of every match of HEADING_RE, in order: found backwards from each 、
    that NUMERAL_COMMA_RE finds (HEADING_RE, which starts with a look-behind, tried every
    character of the text). The numerals before a 、 are its run of one to three, after at most
    three white-space characters; a longer run is no heading."""
    for match in NUMERAL_COMMA_RE.finditer(norm):
        at = match.start()
        stop = at
        while norm[stop - 1].isspace():       # at most three: a numeral is before them
            stop -= 1
        first = stop - 1
        while first > 0 and stop - first < 4 and norm[first - 1] in NUM_CHARS:
            first -= 1
        if stop - first <= 3:
            yield first, at + 1, norm[first:stop]


def _candidate(norm: str, start: int, end: int, number: str) -> object:
    limit = end + REST_WINDOW                         # _line_rest(norm, end, len(norm))
    line_end = norm.find("\n", end, limit)
    rest = norm[end:limit if line_end < 0 else line_end]
    if TABLE_ROW_RE.match(rest):
        return None
    window = start - LINE_PREFIX_WINDOW               # _at_line_start(norm, start)
    if window < 0:
        window = 0
    newline = norm.rfind("\n", window, start)
    at_line_start = (newline >= 0 or window == 0) and LINE_PREFIX_RE.fullmatch(norm, newline + 1, start) is not None
    title = None
    found = INLINE_TITLE_RE.match(rest)
    if found:
        title = found.group(found.lastindex)
        generic = found.lastindex == GENERIC_TITLE
        body = end + found.end()
    if at_line_start and (title is None or generic):
        stripped = rest.strip()
        if stripped:
            short = TITLE_END_RE.split(stripped, 1)[0].strip()
            if len(short) <= 40 and (len(stripped) <= 40 or title is None):
                title, generic = short, title is None
                body = end + rest.find(short) + len(short)
    if not title:
        return None
    if not at_line_start and generic:
        weight = 0.5
    else:
        weight = 1.0 + (1.0 if at_line_start else 0.0)
    kind = section_kind(title)
    if kind:
        weight += 3.0
    return Heading(number, numeral_value(number), collapse_spaces(title), kind, start, body, weight)


def _best_chain(candidates: list) -> list:
    """The heaviest sequence with ascending numerals (gaps cost, a restart at 一 costs)."""
    best_end = {}            # numeral value -> (score, candidate index)
    previous = [None] * len(candidates)
    scores = [0.0] * len(candidates)
    for index, cand in enumerate(candidates):
        value, weight = cand.value, cand.weight
        restart = value == 1 and cand.kind
        score, at = weight - 2.0 * (value - 1), None      # the first of the best options wins
        for ended, (ended_score, ended_at) in best_end.items():
            if ended < value:
                option = ended_score + weight - 2.0 * (value - ended - 1)
            elif restart:
                option = ended_score + weight - 1.0
            else:
                continue
            if option > score:
                score, at = option, ended_at
        scores[index], previous[index] = score, at
        if value not in best_end or score > best_end[value][0]:
            best_end[value] = (score, index)
    if not candidates:
        return []
    index = max(range(len(candidates)), key=lambda i: scores[i])
    chain = []
    while index is not None:
        chain.append(candidates[index])
        index = previous[index]
    return chain[::-1]


def find_subheadings(norm: str, start: int, end: int, excluded) -> list:
    found = []
    for lo, hi in _outside(start, end, excluded):
        # a match that begins before hi may end after it (a match holds no "(" after its first
        # character, so none found after hi can begin inside one begun before)
        for match in SUBHEADING_RE.finditer(norm, lo, hi + SUBHEADING_SPAN if hi + SUBHEADING_SPAN < end else end):
            at = match.start()
            if at >= hi:
                break
            if not (at > start and norm[at - 1] in "。 \u3000" or _at_line_start(norm, at)):
                continue
            rest = _line_rest(norm, match.end(), end)
            title_end = TITLE_END_RE.search(rest)
            title = collapse_spaces(rest[:title_end.start()] if title_end else rest)[:60].rstrip("。.,，")
            found.append((match.group(1), title, at))
            if len(found) >= MAX_SUBHEADINGS:
                return found
    return found


SUBHEADING_SPAN = 4       # a SUBHEADING_RE match begun before a position ends at most this far after it


def _outside(start: int, end: int, excluded) -> list:
    """The ranges of [start, end) outside the excluded ranges [lo, hi), in order."""
    ranges = []
    for lo, hi in sorted(excluded) if excluded else ():
        if hi <= start or lo >= hi:
            continue
        if lo >= end:
            break
        if lo > start:
            ranges.append((start, lo))
        start = hi
    if start < end:
        ranges.append((start, end))
    return ranges


def _heading_in_other_numbering(norm: str, heading, following, excluded):
    """A line between two headings of the chain that is a section title of a kind of its own,
    numbered in another style or not at all: the section of the numeral the chain skips."""
    value = heading.value + 1
    for match in OTHER_NUMBERING_RE.finditer(norm, heading.body, following.start):
        at = match.start(1)
        kind = section_kind(match.group(1))
        if kind and kind not in (heading.kind, following.kind) and not any(lo <= at < hi for lo, hi in excluded):
            return Heading(NUM[value - 1] if value <= 10 else str(value), value, collapse_spaces(match.group(1)),
                           kind, match.start(), match.end(), 0.0)
    return None


def _infer_missing(norm: str, chain: list, excluded) -> list:
    """Insert a section for a numeral skipped by one: its title on a line of its own under
    another numbering (or none), else found through its first sub-heading (inferred)."""
    result = []
    for index, heading in enumerate(chain):
        result.append(heading)
        if index + 1 >= len(chain):
            continue
        following = chain[index + 1]
        if following.value != heading.value + 2:
            continue
        printed = _heading_in_other_numbering(norm, heading, following, excluded)
        if printed is not None:
            result.append(printed)
            continue
        for number, title, at in find_subheadings(norm, heading.body, following.start, excluded):
            kind = section_kind(title)
            if kind and kind not in (heading.kind, following.kind):
                value = heading.value + 1
                result.append(Heading(NUM[value - 1] if value <= 10 else str(value), value, title, kind,
                                      at, at, 0.0, inferred=True))
                break
    return result


def find_sections(norm: str, excluded=()) -> list:
    """The report's top-level sections, in order, with their end offsets and sub-headings."""
    candidates = []
    for start, end, number in heading_numerals(norm):
        cand = _candidate(norm, start, end, number)
        if cand is not None:
            candidates.append(cand)
            if len(candidates) >= MAX_CANDIDATES:
                break
    chain = _best_chain(candidates)
    chain = _infer_missing(norm, chain, excluded)
    sections = []
    for index, heading in enumerate(chain):
        end = chain[index + 1].start if index + 1 < len(chain) else len(norm)
        sections.append(Section(heading, end))
    return sections


def attach_subheadings(norm: str, sections: list, excluded) -> None:
    for section in sections:
        section.subheadings = find_subheadings(norm, section.heading.body, section.end, excluded)
