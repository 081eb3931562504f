"""In which order a converter emitted a table's values: the readings of an orphan value stream.

    groups(lines) -> [[Value]]                 # the values of a region, grouped as printed
    layouts(rows, width, group_sizes) -> [(name, [(row, column), ...])]
    consistent(values, rows, width, check) -> [(name, {(row, column): value})]

Plain `pdftotext` (no options) emits a table's values in reading order of its text blocks, not
row by row: a row's label, then its values one per line, then the values of several later rows
column by column (a band), or the first column of every row and then the other columns row by
row. The labels end up elsewhere. What is left is the stream of the table's values in printed
order. Its readings are the few orders such converters produce (service/rules/recovery.py:
LAYOUTS): all rows in order; all columns in order; the first columns down the table, then the
rest row by row; bands of rows read down their columns, where the stream's grouping shows them
(a band of k rows prints as `width` groups of k values). A reading is kept only when the stream
has exactly one value per cell and every template identity over the table holds; the caller
fills a cell only when every kept reading gives it the same value.
"""

import re
from functools import lru_cache
from typing import NamedTuple

from service.parsing.cells import CACHED_LINE_CHARS, parse_line
from service.parsing.numbers import BLANK, GARBLED, NUMBER, TEXT, to_output
from service.rules import recovery as rules

CJK_RE = re.compile(r"[\u4e00-\u9fff]")


class Value(NamedTuple):   # a tuple: built for every value of a stream, ten times cheaper than a dataclass
    value: object          # int, float amount or None (a blank marker)
    text: str
    line: int


def groups(lines, amount=False) -> list:
    """The values of (line_no, text) lines in printed order, grouped: a group is a stretch of
    lines holding values only; an empty line or a line with text ends it (a line with text and
    values is a group of its own). None when a value is garbled (digits that ran together)."""
    found, current = [], []
    new_value = tuple.__new__
    cached = _line_values_cached
    for line_no, text in lines:
        # (_line_values, cached for short lines as parse_line: the test inlined, one call a line)
        garbled, only_values, pairs = cached(text, amount) if len(text) <= CACHED_LINE_CHARS \
            else _line_values(text, amount)
        if garbled:
            return None
        if not only_values and current:
            found.append(current)
            current = []
        if not pairs:
            continue
        if only_values and len(pairs) == 1:       # (one value per line: no list built for it)
            current.append(new_value(Value, (*pairs[0], line_no)))
            continue
        row = [new_value(Value, (value, cell_text, line_no)) for value, cell_text in pairs]
        if only_values:
            current.extend(row)
        else:
            found.append(row)
    if current:
        found.append(current)
    return found


def garbled(lines, amount=False) -> bool:
    """groups(lines, amount) is None: a line holds a garbled value (no value is built: a line is
    garbled by _line_values when a cell of it is, whatever the amount)."""
    for _, text in lines:
        if text.strip():
            for cell in parse_line(text):
                if cell[0] == GARBLED:
                    return True
    return False


def _line_values(text, amount) -> tuple:
    """(garbled, only values, ((value, text), ...)) of one line: what groups needs of it."""
    parsed = parse_line(text) if text.strip() else ()
    if not parsed:
        return False, False, ()
    pairs, only_values = [], True
    for kind, cell_text, value, unit in parsed:
        if kind == NUMBER:            # (to_output gives a count, an int, as it is)
            pairs.append((value if value.__class__ is int and not amount else to_output(value, unit, amount=amount),
                          cell_text))
        elif kind == TEXT:
            only_values = False
        elif kind == BLANK:
            pairs.append((None, cell_text))
        elif kind == GARBLED:
            return True, False, ()
    return False, only_values, tuple(pairs)


_line_values_cached = lru_cache(maxsize=8192)(_line_values)     # short lines only, as parse_line


def _rows_then_columns(rows, width):
    return [(row, column) for row in range(rows) for column in range(width)]


def _columns_then_rows(rows, width, first_column=0, first_row=0):
    return [(row, column) for column in range(first_column, width) for row in range(first_row, rows)]


def _bands(rows, width, sizes):
    """Bands of rows read down their columns where `width` consecutive groups have one size k > 1
    (a band of k rows), the other groups row by row; None when the groups do not tile the rows."""
    order, row, filled, index = [], 0, 0, 0       # filled: values of the current row-wise row
    while index < len(sizes):
        size = sizes[index]
        band = sizes[index:index + width]
        if size > 1 and len(band) == width and len(set(band)) == 1 and filled == 0 and row + size <= rows:
            order += [(row + r, column) for column in range(width) for r in range(size)]
            row += size
            index += width
            continue
        for _ in range(size):
            if row >= rows:
                return None
            order.append((row, filled))
            filled += 1
            if filled == width:
                row, filled = row + 1, 0
        index += 1
    return order if row == rows and filled == 0 else None


def _lone_values_moved(rows, width, sizes) -> list:
    """Row by row, where a row's values are printed as a group of all but one and a group of one
    (the value on its label's line, which pdftotext prints after the others or before them:
    "0 0 0 0 0 1 | 6.属于四类过程性信息 1" is 1 | 0 | 0 | 0 | 0 | 0 | 1), with that lone value at
    the row's other end. Every combination of such moves, when at most rules.MAX_LONE_MOVES rows
    are split so (else none)."""
    bounds, at = set(), 0
    for size in sizes:
        at += size
        bounds.add(at)
    movable = []
    for row in range(rows):
        inside = [offset for offset in range(1, width) if row * width + offset in bounds]
        if inside in ([1], [width - 1]):
            movable.append((row, inside[0] == 1))
    if not movable or len(movable) > rules.MAX_LONE_MOVES:
        return []
    orders = []
    for mask in range(1, 2 ** len(movable)):
        order = _rows_then_columns(rows, width)
        for bit, (row, lone_first) in enumerate(movable):
            if mask >> bit & 1:
                columns = list(range(width))      # the column of each printed value of the row
                columns = columns[-1:] + columns[:-1] if lone_first else columns[1:] + columns[:1]
                order[row * width:(row + 1) * width] = [(row, column) for column in columns]
        orders.append(order)
    return orders


def layouts(rows, width, sizes, names=rules.LAYOUTS) -> list:
    """(name, order) of every reading in service/rules/recovery.py LAYOUTS: order[i] is the
    (row, column) of the i-th value of the stream."""
    found = []
    for name in names:
        if name == "rows":
            found.append((name, _rows_then_columns(rows, width)))
        elif name == "columns":
            found.append((name, _columns_then_rows(rows, width)))
        elif name == "first columns down, then rows":
            for first in range(1, width):
                down = _columns_then_rows(rows, first)
                rest = [(row, column) for row in range(rows) for column in range(first, width)]
                found.append((f"first {first} column(s) down, then rows", down + rest))
        elif name == "rows, a lone value moved":
            for order in _lone_values_moved(rows, width, sizes):
                found.append((name, order))
        elif name == "bands":
            order = _bands(rows, width, sizes)
            if order is not None:
                found.append((name, order))
    unique, seen = [], set()
    for name, order in found:
        key = tuple(order)
        if key not in seen:
            seen.add(key)
            unique.append((name, order))
    return unique


def consistent(values, rows, width, sizes, holds, names=rules.LAYOUTS) -> list:
    """(name, {(row, column): Value}) of every reading of the stream `values` (one per cell) that
    `holds` (a function of {(row, column): value} -> bool) accepts."""
    if len(values) != rows * width:
        return []
    kept = []
    for name, order in layouts(rows, width, sizes, names):
        cells = {cell: values[index] for index, cell in enumerate(order)}
        if holds({cell: value.value for cell, value in cells.items()}):
            kept.append((name, cells))
    return kept


def unordered_parts(doc, rows, columns, agreed) -> list:
    """Rows whose parts a reading in printed order cannot place: the row's values are printed
    apart with a line of text between them (words, not a stray "2."; LibreOffice's PDF of pingtan-2021: `1 2 0 0 |
    未经复议直接起诉 总 计 | 3` is 1 | 0 | 2 | 0 | 3 in the page) and its parts (the columns other than
    `total`) differ. Their parts are removed from `agreed` ({(row, column): Value}); the rows are
    returned."""
    parts = [column for column in columns if column != "total"]
    dropped = []
    for row in rows:
        values = {agreed[(row, column)].value for column in parts if (row, column) in agreed}
        if len(values) < 2:           # (the usual row: no two parts differ; else it has cells)
            continue
        cells = [agreed[(row, column)] for column in columns if (row, column) in agreed]
        first, last = min(cell.line for cell in cells), max(cell.line for cell in cells)
        between = (text for _, _, text in doc.lines(first + 1, last - 1))
        if any(cell[0] == TEXT and CJK_RE.search(cell[1]) for text in between for cell in parse_line(text)) \
                and not _titled_across(doc, [agreed[(row, column)] for column in parts if (row, column) in agreed], parts):
            for column in parts:
                agreed.pop((row, column), None)
            dropped.append(row)
    return dropped


def _titled_across(doc, values, parts) -> bool:
    """The row's parts are printed one after another in column order, with nothing between them,
    right after the part columns' titles printed across the columns (one character of each title
    in turn, rules.REVIEW_PART_TITLES): the converter read that band left to right."""
    titles = [rules.REVIEW_PART_TITLES.get(column) for column in parts]
    if len(values) != len(parts) or None in titles or len({len(title) for title in titles}) != 1:
        return False
    lines = [value.line for value in values]
    if lines != sorted(set(lines)):
        return False
    texts = {line_no: text for line_no, _, text in doc.lines(max(1, lines[0] - rules.MAX_TITLE_LINES), lines[-1])}
    if any(cell[0] == TEXT for line_no in range(lines[0], lines[-1] + 1) for cell in parse_line(texts.get(line_no, ""))):
        return False
    across = "".join(title[at] for at in range(len(titles[0])) for title in titles)
    before = []
    for line_no in range(lines[0] - 1, lines[0] - rules.MAX_TITLE_LINES - 1, -1):
        parsed = parse_line(texts.get(line_no, "")) if texts.get(line_no, "").strip() else ()
        if any(cell[0] != TEXT for cell in parsed):
            break
        before[:0] = [char for cell in parsed for char in cell[1] if CJK_RE.match(char)]
        if len(before) >= len(across):
            break
    return "".join(before).endswith(across)
