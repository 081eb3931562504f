"""Tables printed as row heads beside their labels and row tails elsewhere: the readings of a
table whose values come in pieces (plain `pdftotext` of a table cut into text blocks).

    segments(lines) -> [Segment] | None       # the values of a region, cut where text is printed
    solve(segments, rows, width, row_holds, table_holds, budget) -> [{(row, column): Value}] | None

Plain `pdftotext` (no options) cuts a ruled table into text blocks: the label column, each with
the first value(s) of its row beside it (the *head* of the row: one value, two, the whole row),
and blocks of the other values (the *tails*) with no label, printed one value per line before
the labels, after them or between them. What it keeps is the order of each: the heads come in
the order of the rows, and the tails too, row by row (a band of rows whose tails fill exactly
`width` groups of k values, blank lines between, is read down its columns: a band of k rows).

A *segment* is a stretch of values with no text printed between them (blank lines apart). The
readings are the ways to say of each segment what it is: the head of the next row, tail values,
or (a segment longer than a row) the head of the next row followed by tail values or tail values
followed by the head of the next row. Heads go to consecutive rows from the first; rows after
the last head are all tail. Each row is checked as soon as its head and its tail are known (its
row identities, e.g. the applicant columns sum to 总计) and the whole table at the end (every
identity); the search stops after `budget` steps. The caller fills a cell only when every
reading that holds gives it the same value.
"""

from dataclasses import dataclass

from service.parsing.cells import CJK_RE, parse_line
from service.parsing.numbers import BLANK, GARBLED, NUMBER, TEXT, to_output
from service.parsing.table_order import Value
from service.rules import recovery as rules


@dataclass(frozen=True)
class Segment:
    values: tuple          # Values in printed order
    groups: tuple          # per value, the id of its group (values on consecutive lines, no blank line between)
    beside_text: bool      # the values stand on a line with text (a row label)
    label: str = ""        # that text


def segments(lines) -> list:
    """The values of (line_no, text) lines cut into segments, or None when a value is garbled."""
    found, values, groups = [], [], []
    group = 0

    def close(beside_text=False, label=""):
        if values:
            found.append(Segment(tuple(values), tuple(groups), beside_text, label))
            values.clear()
            groups.clear()

    parsed_lines = [(line_no, parse_line(text) if text.strip() else ()) for line_no, text in lines]
    for index, (line_no, parsed) in enumerate(parsed_lines):
        if not parsed:
            group += 1                 # a blank line ends a group, not a segment
            continue
        if _label_start(parsed, parsed_lines[index + 1][1] if index + 1 < len(parsed_lines) else ()):
            parsed = ((TEXT, parsed[0][1], None, None),)
        cells = [cell for cell in parsed if cell[0] != TEXT]
        if any(cell[0] == GARBLED for cell in cells):
            return None
        row = [Value(to_output(value, unit, amount=False) if kind == NUMBER else None, cell_text, line_no)
               for kind, cell_text, value, unit in cells if kind in (NUMBER, BLANK)]
        if len(cells) == len(parsed):  # values only: the segment and the group go on
            values.extend(row)
            groups.extend([group] * len(row))
            continue
        close()
        group += 1
        if row:                        # values beside text: a segment of their own
            values.extend(row)
            groups.extend([group] * len(row))
            close(beside_text=True, label=" ".join(cell[1] for cell in parsed if cell[0] == TEXT))
        group += 1
    close()
    return found


def _label_start(parsed, following) -> bool:
    """A word that marks a blank cell ("无") alone on a line, with a label's text on the next
    line: the first character of that label ("无" / "正当理由大量反复申请"), not a value."""
    return (len(parsed) == 1 and parsed[0][0] == BLANK and bool(CJK_RE.search(parsed[0][1]))
            and any(cell[0] == TEXT for cell in following))


class OutOfSteps(Exception):
    pass


def _options(segment, width):
    """(head, tail values, head after) cuts of a segment: head values go to the next row."""
    values, n = segment.values, len(segment.values)
    if n <= width:                     # beside a label: that row's head
        return [(values, (), ())] + ([] if segment.beside_text else [((), values, ())])
    cuts = [((), values, ())]
    for k in range(1, width + 1):
        cuts.append((values[:k], values[k:], ()))
        cuts.append(((), values[:n - k], values[n - k:]))
    return cuts


def solve(found, rows, width, row_holds, table_holds, budget, anchors=None) -> list:
    """Every table ({(row, column): Value}) the segments can be read as under which every row
    identity (`row_holds(row, {column: value})`) and the table's (`table_holds({(row, column):
    value})`) hold; None when the search took more than `budget` steps or found more than
    rules.MAX_SOLUTIONS readings. `anchors[i]`: the row whose label stands beside segment i's
    values (its head is that row's), or None."""
    anchors = anchors or [None] * len(found)
    if sum(len(segment.values) for segment in found) != rows * width:
        return []
    heads = []                          # heads[r]: the values beside row r's label
    tail, tail_groups = [], []          # the tail values in printed order, with their group ids
    placed = {}                         # (row, column) -> Value of the rows checked so far
    placed_ids = [0] * (rows * width)   # the same, as ids in row order (for the key of a state)
    solutions = []
    steps = [budget]
    seen = set()                        # states already walked: the same rows placed with the same
                                        # values, the same heads and tail values still to place

    def group_sizes_from(start, count):
        """Sizes of the first `count` groups of tail values from `start` on (a group boundary),
        or None when `start` is inside a group."""
        if start >= len(tail) or start and tail_groups[start] == tail_groups[start - 1]:
            return None
        sizes, at = [], start
        while at < len(tail) and len(sizes) < count:
            end = at + 1
            while end < len(tail) and tail_groups[end] == tail_groups[at]:
                end += 1
            sizes.append(end - at)
            at = end
        return sizes

    def place(row, offset, final):
        """Cells of the rows from `row` (one row, or a band) read from the tail at `offset`:
        (cells, rows placed, tail values used), or None when not known yet (more to come), or
        False when they cannot be placed."""
        if row >= len(heads) and not final:
            return None
        head = heads[row] if row < len(heads) else ()
        rest = width - len(head)
        sizes = group_sizes_from(offset, rest) if rest else None
        if sizes and len(sizes) >= rest and sizes[0] > 1 and len(set(sizes[:rest])) == 1:
            band = sizes[0]             # a band of `band` rows printed down its columns
            members = range(row, row + band)
            if row + band > rows:
                return False
            if not final and row + band > len(heads):
                return None
            if all(width - len(heads[r] if r < len(heads) else ()) == rest for r in members):
                cells = {}
                for r in members:
                    for c, value in enumerate(heads[r] if r < len(heads) else ()):
                        cells[(r, c)] = value
                for index in range(rest * band):
                    column, r = divmod(index, band)
                    cells[(row + r, width - rest + column)] = tail[offset + index]
                return cells, band, rest * band
        if offset + rest > len(tail):
            return False if final else None
        cells = {(row, c): value for c, value in enumerate(head)}
        for c in range(rest):
            cells[(row, width - rest + c)] = tail[offset + c]
        return cells, 1, rest

    def advance(state, final):
        """Check the rows that can be placed now; the new (row, offset), or None when one fails."""
        row, offset = state
        while row < rows:
            got = place(row, offset, final)
            if got is None:
                break
            if got is False:
                return None
            cells, count, used = got
            for r in range(row, row + count):
                if not row_holds(r, {c: cells[(r, c)].value for c in range(width)}):
                    return None
            placed.update(cells)
            for (r, c), value in cells.items():
                placed_ids[r * width + c] = id(value)
            row, offset = row + count, offset + used
        return row, offset

    def walk(index, state):
        steps[0] -= 1
        if steps[0] < 0:
            raise OutOfSteps
        row, offset = state
        key = (index, len(heads), tuple(placed_ids[:row * width]),
               tuple(tuple(map(id, head)) for head in heads[row:]), tuple(map(id, tail[offset:])))
        if key in seen:
            return
        seen.add(key)
        if index == len(found):
            end = advance(state, final=True)
            if end is not None and end[0] == rows and end[1] == len(tail):
                cells = {(r, c): placed[(r, c)] for r in range(rows) for c in range(width)}
                if table_holds({cell: value.value for cell, value in cells.items()}):
                    solutions.append(cells)
                    if len(solutions) > rules.MAX_SOLUTIONS:
                        raise OutOfSteps
            return
        for head, middle, head_after in _options(found[index], width):
            added_heads = [part for part in (head, head_after) if part]
            if len(heads) + len(added_heads) > rows:
                continue
            if head and anchors[index] is not None and anchors[index] != len(heads):
                continue
            if head:
                heads.append(tuple(head))
            tail.extend(middle)
            tail_groups.extend(found[index].groups[len(head):len(head) + len(middle)])
            if head_after:
                heads.append(tuple(head_after))
            state_after = advance(state, final=False)     # rows it places: only rows not placed before
            if state_after is not None:
                walk(index + 1, state_after)
            if head_after:
                heads.pop()
            del tail[len(tail) - len(middle):]
            del tail_groups[len(tail_groups) - len(middle):]
            if head:
                heads.pop()

    try:
        walk(0, (0, 0))
    except OutOfSteps:
        return None
    return solutions
