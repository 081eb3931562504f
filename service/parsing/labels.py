"""Matching label text against the row and column label tables of rules/labels.py."""

import re
from functools import lru_cache

from service.rules import labels as rules


def _compile(table: dict) -> dict:
    return {key: re.compile("|".join(f"(?:{p})" for p in patterns)) for key, patterns in table.items()}


ROW_RES = {
    "active_disclosure": _compile(rules.ACTIVE_DISCLOSURE_ROWS),
    "applications": _compile(rules.APPLICATION_ROWS),
    "reviews_and_lawsuits": _compile(rules.REVIEW_ROWS),
}
GENERIC_ROWS = {
    "active_disclosure": frozenset(),
    "applications": rules.GENERIC_APPLICATION_ROWS,
    "reviews_and_lawsuits": frozenset(),
}
ACTIVE_DISCLOSURE_COLUMNS_RE = re.compile(
    "|".join(f"(?P<{key}>{pattern})" for key, pattern in rules.ACTIVE_DISCLOSURE_COLUMNS)
)
NON_ROW_LABEL_RE = re.compile("|".join(f"(?:{p})" for p in rules.NON_ROW_LABELS))
TEMPLATE_MARKER_RES = {template: [re.compile(p) for p in patterns]
                       for template, patterns in rules.TEMPLATE_MARKERS.items()}


def find_rows(text: str, table: str) -> list:
    """Rows of `table` whose label occurs in `text`, ordered by where the label ends.

    A generic row (a group label such as （六）其他处理) counts only when no specific row
    label is present.
    """
    if not text:
        return []
    return list(_find_rows_cached(text, table) if len(text) <= CACHED_CHARS else _find_rows(text, table))


def _find_rows(text: str, table: str) -> tuple:
    hits = []
    for key, pattern in ROW_RES[table].items():
        last = pattern.search(text)      # most labels name one row: one search rules out the others
        if last is None:
            continue
        # the last match: the scan goes on after the first (from its end, as finditer would)
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
    return {template: sum(1 for pattern in patterns if pattern.search(text))
            for template, patterns in TEMPLATE_MARKER_RES.items()}


def is_known_non_row_label(text: str) -> bool:
    return bool(NON_ROW_LABEL_RE.search(text))
