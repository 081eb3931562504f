"""THE REFERENCE, not used by the service: the HTML reader's functions as they were before the
speed work of issue 12 (the HTML reader's fourth round), kept so that
tests/formats/test_html_reference.py can compare the new ones with them.

- depths_after: html_stream.Stream's depths, from a per-mark table looked up by map();
- check_complete: html._check_complete, summing the five lead-byte counts before comparing;
- grid: html._grid, telling a row of plain cells by a generator, twice, with the helpers it
  called then (span, merge_pending, take_pending, spanned_row: a call to span per value);
- add_grid: html._add_grid, telling an empty row by a generator over its cells;
- table_rows: html_stream.table_rows, a match object per cell of a row with spans;
- tags_within_cap_pattern: html._tags_within_cap_pattern as it was before the fifth round, its
  outer loop a turn for each text run and one for each "<" (made from the new one by undoing
  that change, the only one);
- not_counted_left_out: what html_stream.Stream took out of the counted high bytes, by one
  pattern;
- checked_stream: html._checked_stream, as html_to_text did it before the fifth round: the
  completeness check on the tree's text always, the chrome removed, then the marked text unless
  the tree's text holds a character of the marks.
"""

import itertools
import re

from lxml import etree

from service.formats import html, html_stream
from service.formats.html import (COMPLETE_SHARE, CJK_LEAD_BYTES, CJK_UTF8_STARTS, MAX_GRID_CELLS, MAX_SPAN, NUMBER_RE,
                                  TAG_RE, FormatError, _cjk_count, _cjk_count_utf8, _drop_chrome, _without_comments)

from service.formats.html_stream import (CELL_CLOSE, CELL_OPEN, MARKS_NOT_IN_TABLE, PLAIN_CELL_RE, ROW, SPANNED_CELL_OPEN,
                                         SPANS_END)

CELL_RE = re.compile("\ue800([^\ue900]*)\ue900|\uea00([^\ueb00]*)\ueb00([^\uec00]*)\uec00([^\ue900]*)\ue900")
DEPTH_STEP = [0] * 256
DEPTH_STEP[ord("s")], DEPTH_STEP[ord("e")] = 1, -1


def depths_after(marks: bytes) -> bytes:
    return bytes(itertools.accumulate(map(DEPTH_STEP.__getitem__, marks)))   # ValueError past 255


def check_complete(text: str, utf8: bytes, root):
    text_read = etree.tostring(root, method="text", encoding="utf-8", with_tail=False)
    if sum(map(text_read.count, CJK_UTF8_STARTS[:5])) >= COMPLETE_SHARE * ((len(utf8) - len(text)) // 2):
        return text_read                # U+5000..U+9FFF read (fewer passes) already reach half the bound
    read = _cjk_count_utf8(text_read)
    if read >= COMPLETE_SHARE * ((len(utf8) - len(text)) // 2):
        return text_read
    if read >= COMPLETE_SHARE * (len(utf8) - len(utf8.translate(None, CJK_LEAD_BYTES))):
        return text_read
    written = _cjk_count(TAG_RE.sub("", _without_comments(text)))
    if written and read < COMPLETE_SHARE * written:
        raise FormatError("invalid-document", "The HTML could not be read in full (it nests too deeply); "
                                              "send the page's text instead.")
    return text_read


NOT_COUNTED_TEXT = re.compile(rb"ac*+|xc*+y")


def not_counted_left_out(counted: bytes) -> bytes:
    return NOT_COUNTED_TEXT.sub(b"", counted) if b"a" in counted or b"x" in counted else counted


def tags_within_cap_pattern(cap: int):
    pattern = html._tags_within_cap_pattern(cap).pattern
    turn, end = "(?:[^<]*+<(?:/", ")))*+[^<]*+"
    assert pattern.startswith(turn) and pattern.endswith(end)
    return re.compile("(?:[^<]++|<(?:/" + pattern[len(turn):-len(end)] + ")))*+", re.ASCII)


def checked_stream(top, root, text: str, utf8: bytes):
    text_read = check_complete(text, utf8, root)
    _drop_chrome(root)
    return None if b"\xee" in text_read else html_stream.stream_of(top)


def grid(rows: list) -> list:
    grid, pending = [], {}            # pending: column -> (text, rows left) from a rowspan above
    cells_written = 0
    for queue in rows:
        if not pending and all(type(cell) is str for cell in queue):    # no span above or here: no filler
            line = list(queue)
            cells_written += len(line)
            if cells_written > MAX_GRID_CELLS:
                break
            grid.append(line)
            continue
        if all(type(cell) is str for cell in queue):
            line = merge_pending(queue, pending)
            written = queue
        else:
            line, written = spanned_row(queue, pending)
        cells_written += len(line)
        if cells_written > MAX_GRID_CELLS:
            break
        if None not in line:
            grid.append(line)
        elif any(NUMBER_RE.match(text) for text in written):    # a row of numbers: no fillers
            grid.append([text for text in line if text is not None])
        else:
            grid.append([text or "" for text in line])
    return grid


def add_grid(grid: list, lines: list):
    for row in grid:
        if any(cell.strip() for cell in row):
            lines.append("| " + " | ".join(row) + " |")


def table_rows(table_text: str):
    """The rows of a table's marked text (no table inside it), each a list of its cells (its
    <td>/<th> whose parent is a <tr>): a cell's text (white space made single spaces, "|" made
    "｜"), or ((colspan, rowspan), text) for a cell with either attribute. None when rows and
    cells do not nest as the reader expects (a row inside a cell)."""
    # " ".join(text.split()) per cell (str.split splits where SPACE_RE matches), for all cells
    # at once: white space runs made one space (before the marks go, which shortens the text,
    # and after, where a run may have closed up), then none at a cell's ends. A span value
    # reads the same after it (int() of it stripped fails on white space inside, "|" and "｜").
    table_text = " ".join(table_text.split())
    for mark in MARKS_NOT_IN_TABLE:
        table_text = table_text.replace(mark, "")
    table_text = " ".join(table_text.split()).replace("|", "｜")
    for spaced, mark in ((CELL_OPEN + " ", CELL_OPEN), (SPANS_END + " ", SPANS_END), (" " + CELL_CLOSE, CELL_CLOSE)):
        table_text = table_text.replace(spaced, mark)
    parts = table_text.split(ROW)
    if CELL_CLOSE in parts[0]:
        return None
    rows = []
    for part in parts[1:]:
        # Cells nest in rows as elements do, so a row inside a cell leaves the part where that
        # cell opens with one CELL_CLOSE fewer than cells opened (none inside it opened before).
        if part.count(CELL_CLOSE) != part.count(CELL_OPEN) + part.count(SPANNED_CELL_OPEN):
            return None
        if SPANNED_CELL_OPEN not in part:
            rows.append(PLAIN_CELL_RE.findall(part))
        else:
            rows.append([plain if plain is not None else ((colspan, rowspan), text)
                         for plain, colspan, rowspan, text in map(re.Match.groups, CELL_RE.finditer(part))])
    return rows


def span(value) -> int:
    """A colspan or rowspan value (None when the attribute is absent) as a number of cells."""
    if value is None:
        return 1
    try:
        value = int(value.strip() or 1)
    except ValueError:
        return 1
    return value if 1 <= value <= MAX_SPAN else 1


def merge_pending(queue: list, pending: dict) -> list:
    """A row of cells without spans on the grid, the texts of rowspans above (`pending`, which
    is updated) in their columns: the loop of _spanned_row, a slice of cells at a time."""
    line, column, taken = [], 0, 0
    for at in sorted(pending):
        if at > column:
            if len(queue) - taken < at - column:       # the cells end before this column
                break
            line += queue[taken:taken + at - column]
            taken += at - column
            column = at
        line.append(take_pending(pending, at))
        column += 1
    line += queue[taken:]
    return line


def take_pending(pending: dict, column: int):
    """The text a rowspan from above puts in `column` of this row (None for an empty cell);
    the span is used up by one row."""
    text, left = pending[column]
    if left > 1:
        pending[column] = (text, left - 1)
    else:
        del pending[column]
    return text or None


def spanned_row(queue: list, pending: dict) -> tuple:
    """(the row's line, texts and None for fillers; the texts of its own cells), `pending`
    updated with its rowspans."""
    line, written, column, next_cell = [], [], 0, 0    # line: texts, None for a filler; written: the row's own cells
    while next_cell < len(queue) or column in pending:
        if column in pending:
            line.append(take_pending(pending, column))
            column += 1
            continue
        cell = queue[next_cell]
        next_cell += 1
        if type(cell) is str:
            line.append(cell)
            written.append(cell)
            column += 1
            continue
        (colspan, rowspan), text = cell
        width, height = span(colspan), span(rowspan)
        line.append(text)
        written.append(text)
        if height > 1:
            pending[column] = ("" if NUMBER_RE.match(text) else text, height - 1)
        for offset in range(1, width):
            line.append(None)
            if height > 1:
                pending[column + offset] = ("", height - 1)
        column += width
    return line, written
