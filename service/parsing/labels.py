"""Matching label text against the row and column label tables of rules/labels.py."""

import re
from functools import lru_cache

try:        # the standard library's parser of patterns (private), to read their literal characters
    import re._parser as re_parser
except ImportError:     # pragma: no cover - another Python: every row is tried, as without the index
    re_parser = None

from service.rules import labels as rules


def _compile(table: dict) -> dict:
    return {key: re.compile("|".join(f"(?:{p})" for p in patterns)) for key, patterns in table.items()}


ROW_RES = {
    "active_disclosure": _compile(rules.ACTIVE_DISCLOSURE_ROWS),
    "applications": _compile(rules.APPLICATION_ROWS),
    "reviews_and_lawsuits": _compile(rules.REVIEW_ROWS),
}


def required_chars(pattern: str) -> frozenset:
    """Characters every match of `pattern` contains: its literals outside any group, repeat,
    class, alternation or look-around (an empty set when it has none, ignores case, or the
    standard parser is not there to read it: the row is then always tried)."""
    if re_parser is None:
        return frozenset()
    parsed = re_parser.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return frozenset()
    return frozenset(chr(value) for op, value in parsed.data if op is re_parser.LITERAL)


def _index(table: dict) -> tuple:
    """({character: (row keys, ...)}, a pattern finding the characters filed, (row keys always
    tried)): a row's pattern can match only a text holding every required character of one of
    its alternatives, so each alternative is filed under one of them (the one fewest alternatives
    need); a row is tried when the text holds the character one of its alternatives is filed
    under (find_rows then searches it with its pattern, as before). The characters are found
    by one pattern, not by a set of the text's characters (each a new string object)."""
    required = [(key, required_chars(p)) for key, patterns in table.items() for p in patterns]
    uses = {}
    for _, chars in required:
        for char in chars:
            uses[char] = uses.get(char, 0) + 1
    by_char, always = {}, []
    for key, chars in required:
        if not chars:
            always.append(key)
            continue
        char = min(sorted(chars), key=uses.get)
        by_char.setdefault(char, []).append(key)
    filed = re.compile("[" + "".join(re.escape(char) for char in sorted(by_char)) + "]") if by_char else None
    return ({char: tuple(dict.fromkeys(keys)) for char, keys in by_char.items()}, filed,
            tuple(dict.fromkeys(always)))


ROW_INDEX = {table: _index(rows) for table, rows in (("active_disclosure", rules.ACTIVE_DISCLOSURE_ROWS),
                                                      ("applications", rules.APPLICATION_ROWS),
                                                      ("reviews_and_lawsuits", rules.REVIEW_ROWS))}
GENERIC_ROWS = {
    "active_disclosure": frozenset(),
    "applications": rules.GENERIC_APPLICATION_ROWS,
    "reviews_and_lawsuits": frozenset(),
}
ACTIVE_DISCLOSURE_COLUMNS_RE = re.compile(
    "|".join(f"(?P<{key}>{pattern})" for key, pattern in rules.ACTIVE_DISCLOSURE_COLUMNS)
)
NON_ROW_LABEL_RE = re.compile("|".join(f"(?:{p})" for p in rules.NON_ROW_LABELS))
def literal(pattern: str):
    """The text `pattern` matches when it is plain characters only (None otherwise, or when the
    standard parser is not there to read it)."""
    if re_parser is None:
        return None
    parsed = re_parser.parse(pattern)
    if parsed.state.flags & re.IGNORECASE or not all(op is re_parser.LITERAL for op, _ in parsed.data):
        return None
    return "".join(chr(value) for _, value in parsed.data)


def _marker(pattern: str):
    """A test of whether a text holds a match of `pattern`: `in` for plain characters (a string
    search, much faster than the pattern's scan of a long text), else the pattern's search."""
    text = literal(pattern)
    if text is None:
        return re.compile(pattern).search
    return lambda haystack: text in haystack


TEMPLATE_MARKER_TESTS = {template: [_marker(p) for p in patterns]
                         for template, patterns in rules.TEMPLATE_MARKERS.items()}


def find_rows(text: str, table: str) -> list:
    """Rows of `table` whose label occurs in `text`, ordered by where the label ends.

    A generic row (a group label such as （六）其他处理) counts only when no specific row
    label is present.
    """
    if not text:
        return []
    return list(_find_rows_cached(text, table) if len(text) <= CACHED_CHARS else _find_rows(text, table))


def _candidates(text: str, table: str) -> set:
    """The rows of `table` whose pattern can match `text` (see _index)."""
    by_char, filed, always = ROW_INDEX[table]
    keys = {key for char in filed.findall(text) for key in by_char[char]} if filed is not None else set()
    if always:
        keys.update(always)
    return keys


def names_a_row(text: str, table: str) -> bool:
    """bool(find_rows(text, table)), without looking further than the first row found (a long
    line of prose holds many)."""
    if not text:
        return False
    patterns = ROW_RES[table]
    return any(patterns[key].search(text) for key in _candidates(text, table))


def _find_rows(text: str, table: str) -> tuple:
    keys = _candidates(text, table)
    if not keys:
        return ()
    patterns = ROW_RES[table]
    found = [(key, match) for key in keys for match in [patterns[key].search(text)] if match is not None]
    if len(found) < 2:                # (one row named, the commonest label: no order to find)
        return (found[0][0],) if found else ()
    hits = []
    for key, last in found:           # most labels name one row: one search rules out the others
        # the last match: the scan goes on after the first (from its end, as finditer would)
        pattern = patterns[key]
        for last in pattern.finditer(text, last.end()) if last.end() > last.start() else pattern.finditer(text):
            pass
        hits.append((last.end(), key))
    specific = [hit for hit in hits if hit[1] not in GENERIC_ROWS[table]]
    if specific:
        hits = specific
    return tuple(key for _, key in sorted(hits))


# Labels repeat from document to document; only short texts are cached (a long one would stay
# in memory after its request).
CACHED_CHARS = 256
_find_rows_cached = lru_cache(maxsize=4096)(_find_rows)


def find_active_disclosure_columns(text: str) -> list:
    """Column keys named in a table-2 header, left to right."""
    columns = []
    for match in ACTIVE_DISCLOSURE_COLUMNS_RE.finditer(text):
        key = match.lastgroup
        if key not in columns:
            columns.append(key)
    return columns


def template_votes(text: str) -> dict:
    return {template: sum(1 for found in tests if found(text)) for template, tests in TEMPLATE_MARKER_TESTS.items()}


def is_known_non_row_label(text: str) -> bool:
    return bool(NON_ROW_LABEL_RE.search(text))
