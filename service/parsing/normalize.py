"""Text normalisation that keeps every character at its place.

`prepare(raw)` returns a Document holding the caller's text (line breaks unified) and a
normalised copy of exactly the same length: full-width ASCII folded to ASCII ("（一）" →
"(一)", "１２" → "12"), exotic spaces and invisible characters turned into spaces, Kangxi
radicals folded to ordinary characters, converter noise ("[bookmark: _GoBack]", "**")
blanked. Offsets and line numbers found in the normalised text are therefore valid in the
original, which is what sections and warnings report.
"""

import bisect
from itertools import accumulate, compress
from operator import add
import re
import re._parser          # NOISE_SPAN: the widest noise match, read from the pattern
import unicodedata
from dataclasses import dataclass, field

from service.rules import markers


def _build_fold_table() -> dict:
    table = {}
    for code in range(0xFF01, 0xFF5F):                      # full-width ASCII
        table[code] = code - 0xFEE0
    for char in markers.EXTRA_SPACE_CHARS + markers.INVISIBLE_CHARS:
        table[ord(char)] = " "
    table[ord("\t")] = "\t"
    ranges = [(0x2F00, 0x2FE0), (0x2E80, 0x2EFF), (0xFE30, 0xFE50), (0xF900, 0xFB00)]
    for start, end in ranges:                              # radicals, compatibility forms
        for code in range(start, end):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code):
                table[code] = folded
    table[0x2212] = "-"                                      # minus sign
    table[0xFE63] = "-"
    return table


FOLD_TABLE = _build_fold_table()
FOLD_CHARS = {chr(code): (value if isinstance(value, str) else chr(value)) for code, value in FOLD_TABLE.items()}
# str.translate looks every character up in a dict; a character class finds the few that fold
# faster (0.09 ms against 0.33 ms for a corpus document).
FOLD_RE = re.compile("[" + "".join(re.escape(char) for char in FOLD_CHARS if char != "\t") + "]")
# Folding one distinct character at a time (str.replace, in C) equals folding all at once: no
# folded character is itself folded again.
assert not {value for char, value in FOLD_CHARS.items() if char != "\t"} & set(FOLD_CHARS)
assert all(len(value) == 1 for value in FOLD_CHARS.values())
NOISE_PATTERN = "|".join(markers.NOISE_PATTERNS)
# The same matches when every alternative begins with a literal character: `re` then looks for
# those characters only, instead of trying the alternation at every position (3 × faster over a
# text with noise). A markdown heading mark "^#{1,6}" is written "#(?<=^#)#{0,5}" so; another
# form of the rule is left as it is.
NOISE_RE = re.compile(NOISE_PATTERN.replace("^#{1,6}", "#(?<=^#)#{0,5}"), re.MULTILINE)
COMPACT_DROP_RE = re.compile(r"[\s\"'“”‘’「」『』*#`]+")


@dataclass
class Document:
    original: str                     # the caller's text, line breaks unified to \n
    norm: str                         # same length, normalised
    line_starts: list = field(default_factory=list)
    # the normalised lines (norm split at \n) when prepare made them: line i is norm_lines[i - 1]
    norm_lines: list | None = field(default=None, repr=False, compare=False)
    # the last answer of narrative.figures() for this document, (question, figures, line_at): the
    # recovery stage and the prose check ask the same question of the same document in turn
    narrative_figures: tuple | None = field(default=None, repr=False, compare=False)

    def line_no(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return bisect.bisect_right(self.line_starts, offset)

    def lines(self, first: int = 1, last: int | None = None):
        """(line_no, start_offset, normalised line) for every line from line `first` to line
        `last` (included; the last line of the text when None)."""
        return zip(*self._line_columns(first, last))

    def nonblank_lines(self, first: int = 1, limit: int | None = None) -> list:
        """[(line_no, start_offset, normalised line)] of the lines from line `first` on that hold
        more than white space, the first `limit` of them (all when None). With a limit, the
        lines are split a few at a time (twice as many as are still wanted), not all the lines
        from `first` on: the title's twelve lines of a 400-line report cost 2 µs instead of 11.
        A line is kept when str.strip leaves text of it, tested in C (itertools.compress over
        map(str.strip)), not by a Python function per line: 30 ns a line instead of 80."""
        if limit is None:
            return list(_holding_text(self._line_columns(first, None)))
        found = []
        count = len(self.line_starts)
        while len(found) < limit and first <= count:
            last = first + 2 * (limit - len(found)) - 1
            found += _holding_text(self._line_columns(first, last))
            first = last + 1
        return found[:limit]

    def _line_columns(self, first: int, last: int | None) -> tuple:
        """(line numbers, start offsets, normalised lines) of the lines from `first` to `last`."""
        starts = self.line_starts
        stop = len(starts) if last is None else min(last, len(starts))
        first = max(first, 1)
        if first > stop:
            return range(0), [], []
        if self.norm_lines is not None:
            texts = self.norm_lines[first - 1:stop]
        else:                                   # the text of those lines, split
            end = starts[stop] - 1 if stop < len(starts) else len(self.norm)
            texts = self.norm[starts[first - 1]:end].split("\n")
        return range(first, stop + 1), starts[first - 1:stop], texts


def _holding_text(columns: tuple):
    """The (line_no, start, text) of the columns whose text holds more than white space."""
    numbers, starts, texts = columns
    return compress(zip(numbers, starts, texts), map(str.strip, texts))


# the characters besides \n and \r at which str.splitlines ends a line (none in most texts: the
# line starts are then the running sum of splitlines' lengths, cheaper than split's lengths + 1)
OTHER_LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
assert not set(OTHER_LINE_BREAKS) & set(FOLD_CHARS)
FOLD_OR_BREAK_RE = re.compile("[" + "".join(re.escape(char) for char in FOLD_CHARS if char != "\t")
                              + OTHER_LINE_BREAKS + "]")


def prepare(raw: str) -> Document:
    original = raw.replace("\r\n", "\n").replace("\r", "\n") if "\r" in raw else raw
    norm = original
    # a handful of distinct characters, each folded everywhere by one str.replace (no callback
    # per match); the next one is looked for from where the last was found (everything before
    # it is folded already: a folded character never folds again, and folding keeps offsets).
    # The same scan tells whether a line break other than \n is in the text.
    pattern = FOLD_OR_BREAK_RE
    match = pattern.search(norm)
    while match:
        char = match.group()
        if char in OTHER_LINE_BREAKS:
            pattern = FOLD_RE
        else:
            norm = norm.replace(char, FOLD_CHARS[char])
        match = pattern.search(norm, match.start())
    spans = noise_spans(norm)
    if spans:
        norm = _blank_spans(norm, spans)
    if pattern is FOLD_OR_BREAK_RE:
        # line i starts after the lengths of the lines before it, their line breaks included;
        # the text's end is no line start unless a line break ends it (or the text is empty)
        starts = list(accumulate(map(len, norm.splitlines(True)), initial=0))
        if norm and norm[-1] != "\n":
            starts.pop()
        return Document(original=original, norm=norm, line_starts=starts)
    # line i starts after the lengths of the lines before it and their i line breaks
    lines = norm.split("\n")
    starts = list(map(add, accumulate(map(len, lines), initial=0), range(len(lines))))
    return Document(original=original, norm=norm, line_starts=starts, norm_lines=lines)


def has_noise(text: str) -> bool:
    """False when NOISE_RE cannot match (none of its marks is in the text). A mark's first
    character is looked for first: one character is found at memory speed, while str.find of
    several characters filters the text's characters by their low bits, which most Chinese
    characters share ("**" in a report: 3-6 µs; "*": 0.1 µs)."""
    for mark in markers.NOISE_MARKS:
        if mark[0] in text and mark in text:
            return True
    return False


# Every match of a noise pattern begins with the first character of its mark (rules/markers.py),
# so NOISE_RE is tried only where such a character stands, each found by str.find (a single
# character at memory speed: about 1.5 µs over a report, against 10-18 µs for NOISE_RE's own scan,
# which tests each character of the text against the class of its alternatives' first characters).
# (Over a section's text, where noise is rare, clean_original's has_noise test and NOISE_RE.sub stay
# cheaper: a text dense with "*" makes a Python step per "*".)
NOISE_STARTS = tuple((mark, mark[0]) for mark in markers.NOISE_MARKS)
assert len(markers.NOISE_PATTERNS) == len(NOISE_STARTS) and all(
    pattern.lstrip("^").startswith((first, "\\" + first)) for pattern, (_, first) in zip(markers.NOISE_PATTERNS, NOISE_STARTS))


# the most characters a noise match can hold (re's parser reads it from the pattern): a match is
# tried on that many characters from its place, so the work per place stays bounded
NOISE_SPAN = re._parser.parse(NOISE_RE.pattern, NOISE_RE.flags).getwidth()[1]


def noise_spans(text: str) -> list:
    """(start, end) of NOISE_RE's matches in `text`, in order: what NOISE_RE.finditer gives.
    Only the first characters of the marks the text holds can begin a match (has_noise)."""
    places = []
    for mark, first in NOISE_STARTS:
        if first in text and mark in text:
            at = text.find(first)
            while at >= 0:
                places.append(at)
                at = text.find(first, at + 1)
    spans = []
    end = 0
    for at in sorted(places):
        if at >= end:              # a match is looked for after the one before, as finditer does
            match = NOISE_RE.match(text, at, at + NOISE_SPAN)
            if match:
                spans.append(match.span())
                end = match.end()
    return spans


def _blank_spans(text: str, spans: list) -> str:
    """`text` with each of the (start, end) spans replaced by as many spaces."""
    pieces = []
    last = 0
    for start, end in spans:
        pieces.append(text[last:start])
        pieces.append(" " * (end - start))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def compact(text: str) -> str:
    """A label's matching form: no white space, quotes or markdown marks."""
    return COMPACT_DROP_RE.sub("", text)


def collapse_spaces(text: str) -> str:
    return " ".join(text.split())      # runs of \s as one space, ends trimmed


def clean_original(text: str) -> str:
    """The caller's text with converter noise removed and line ends trimmed (for output)."""
    if has_noise(text):
        text = NOISE_RE.sub("", text)
    return trim_lines(text)


# a line end after white space (the regex engine finds each \n by its literal, then looks back)
SPACE_BEFORE_LINE_END_RE = re.compile(r"\n(?<=[^\S\n]\n)")
# in the reversed text, a line end and the white space that stood before it
LINE_END_AFTER_SPACE_RE = re.compile(r"\n[^\S\n]+")


def trim_lines(text: str) -> str:
    """Line ends and the text's ends trimmed (clean_original of a text without noise): each
    line's trailing white space (\\s, what str.rstrip strips) removed, then the text's own.
    The last line's is the text's, so only white space before a line end needs looking at;
    none in most lines (often in none), so the text is not split into lines for it."""
    if SPACE_BEFORE_LINE_END_RE.search(text) is None:
        return text.strip()
    return LINE_END_AFTER_SPACE_RE.sub("\n", text[::-1])[::-1].strip()
