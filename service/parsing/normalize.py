"""Text normalisation that keeps every character at its place.

`prepare(raw)` returns a Document holding the caller's text (line breaks unified) and a
normalised copy of exactly the same length: full-width ASCII folded to ASCII ("（一）" →
"(一)", "１２" → "12"), exotic spaces and invisible characters turned into spaces, Kangxi
radicals folded to ordinary characters, converter noise ("[bookmark: _GoBack]", "**")
blanked. Offsets and line numbers found in the normalised text are therefore valid in the
original, which is what sections and warnings report.
"""

import bisect
from itertools import accumulate
from operator import add
import re
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
    # the last answer of narrative.figures() for this document, (question, figures, line_at): the
    # recovery stage and the prose check ask the same question of the same document in turn
    narrative_figures: tuple | None = field(default=None, repr=False, compare=False)

    def line_no(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return bisect.bisect_right(self.line_starts, offset)

    def lines(self, first: int = 1, last: int | None = None):
        """Yield (line_no, start_offset, normalised line) for every line from line `first` to
        line `last` (included; the last line of the text when None)."""
        starts = self.line_starts
        norm = self.norm
        for index in range(first - 1, len(starts) if last is None else min(last, len(starts))):
            start = starts[index]
            end = starts[index + 1] - 1 if index + 1 < len(starts) else len(norm)
            yield index + 1, start, norm[start:end]


def prepare(raw: str) -> Document:
    original = raw.replace("\r\n", "\n").replace("\r", "\n") if "\r" in raw else raw
    norm = original
    # a handful of distinct characters, each folded everywhere by one str.replace (no callback
    # per match); the next one is looked for from where the last was found (everything before
    # it is folded already: a folded character never folds again, and folding keeps offsets)
    match = FOLD_RE.search(norm)
    while match:
        char = match.group()
        norm = norm.replace(char, FOLD_CHARS[char])
        match = FOLD_RE.search(norm, match.start())
    if has_noise(norm):
        norm = NOISE_RE.sub(lambda m: " " * len(m.group()), norm)
    # line i starts after the lengths of the lines before it and their i line breaks
    lines = norm.split("\n")
    starts = list(map(add, accumulate(map(len, lines), initial=0), range(len(lines))))
    return Document(original=original, norm=norm, line_starts=starts)


def has_noise(text: str) -> bool:
    """False when NOISE_RE cannot match (none of its marks is in the text)."""
    return any(mark in text for mark in markers.NOISE_MARKS)


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


def trim_lines(text: str) -> str:
    """Line ends and the text's ends trimmed (clean_original of a text without noise)."""
    return "\n".join(map(str.rstrip, text.split("\n"))).strip()
