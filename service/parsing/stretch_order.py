"""Rows between rows read whole: their values read in printed order, checked by the identities.

    read_stretches(reading, table, rows, columns, holds) -> [row]    # the rows filled

When no order of a whole table's values adds up (service/parsing/recovery.py), the converter
may still have printed most rows with their labels and only a few consecutive rows in another
order: `一、 23 | 二、 0 | 0 0 | 0 0 0 0 23 | 0 0 0 0 0` is the first two columns of 一 and 二
down, then their other columns row by row. Such a *stretch* of rows (none of its cells read as
printed) lies between rows read whole (every cell a value, by label or by position). The values printed between those rows are the stretch's, in printed order; they are
read under the orders of table_order.layouts, and an order is kept only when the stretch has
exactly one value per cell and every identity over the table holds with the rows read whole and
the stretch (every instance whose cells are all known, at least one: rows read by position that
do not add up stop the reading). A cell is filled when every kept order gives it the same value
and no value placed there by position disagrees.

The stretch's values are also read *in pieces* (segment_order.segments: runs of values cut
where text is printed): each row is one or more whole pieces in printed order, and the rows'
first pieces come in row order (the heads, as segment_order reads them). `27 0 0 2 0 1 |
（二）部分公开… 5 | 0 0 0 0 0 5 | （三） | 30` is 27 0 0 2 0 1 30 and 5 0 0 0 0 0 5: 予以公开's
total is printed after 部分公开's values. These readings join the orders above: a cell is
filled only when all of them agree. A stretch with more pieces than rules.MAX_STRETCH_PIECES,
or whose pieces can be read in more than rules.MAX_SOLUTIONS ways, is read under the orders
alone.
"""

from service.parsing import labels, segment_order, table_order
from service.parsing.codes import WarningCode
from service.parsing.identities import cell_path, rules_over
from service.parsing.normalize import compact
from service.parsing.tables import region_lines
from service.rules import recovery as rules

STALE_ROW_CODES = frozenset({WarningCode.AMBIGUOUS_LAYOUT.value, WarningCode.AMBIGUOUS_READING.value,
                             WarningCode.ROW_VALUE_COUNT.value, WarningCode.CELL_NOT_FOUND.value})


def _anchors(reading, table, rows) -> set:
    """Rows read whole as printed (by their label or by position): every cell a value, none recovered."""
    content = reading.result["tables"][table]["rows"]
    return {row for row in rows if all(value is not None for value in content[row].values())
            and not any(cell_path(table, row, column) in reading.result["provenance"] for column in content[row])}


def _stretches(rows, content, anchors) -> list:
    """[(first, last)] row indexes of the maximal runs of rows left wholly null, each bounded by
    anchors (or the table's ends)."""
    found, start = [], None
    for index, row in enumerate(rows + [None]):
        empty = row is not None and all(value is None for value in content[row].values())
        if empty:
            start = index if start is None else start
            continue
        if start is not None and (row is None or row in anchors) and (start == 0 or rows[start - 1] in anchors):
            found.append((start, index - 1))
        start = None
    return found


def _lines(reading, table, row, content) -> list:
    return [reading.cell_lines.get(cell_path(table, row, column)) for column in content[row]]


def read_stretches(reading, table, rows, columns, holds) -> list:
    """Fill the stretches of rows that one reading decides; `holds({(r, c): value}) -> bool` checks
    every identity over the table (r, c: indexes into rows, columns). Returns the rows filled."""
    content = reading.result["tables"].get(table)
    region = reading.regions.get(table)
    if not content or not region or any(row not in content["rows"] for row in rows):
        return []
    anchors = _anchors(reading, table, rows)
    stretches = _stretches(rows, content["rows"], anchors)
    if not anchors or not stretches or len(stretches) > rules.MAX_STRETCHES:
        return []
    groups = table_order.groups(region_lines(reading.doc, region))
    if groups is None:
        return []
    known = {(r, c): (content["rows"][row][column] if row in anchors else None)
             for r, row in enumerate(rows) for c, column in enumerate(columns)}
    filled = []
    for first, last in stretches:
        before = [line for row in rows[:first] if row in anchors for line in _lines(reading, table, row, content["rows"])]
        after = [line for row in rows[last + 1:] if row in anchors for line in _lines(reading, table, row, content["rows"])]
        if None in before or None in after:
            continue
        low, high = max(before, default=0), min(after, default=float("inf"))
        inside = [[value for value in group if low < value.line < high] for group in groups]
        inside = [group for group in inside if group]
        values = [value for group in inside for value in group]
        height = last - first + 1
        if len(values) != height * len(columns):
            continue
        kept = []
        for name, order in table_order.layouts(height, len(columns), [len(group) for group in inside]):
            cells = dict(known)
            cells.update({(first + r, c): values[index].value for index, (r, c) in enumerate(order)})
            if holds(cells):
                kept.append((name, {(first + r, c): values[index] for index, (r, c) in enumerate(order)}))
        lines = [(line_no, text) for line_no, text in region_lines(reading.doc, region) if low < line_no < high]
        kept = _with_pieces(kept, segment_order.segments(lines), first, height, len(columns), known, holds)
        if not kept or not _agree(reading, table, rows, columns, first, last, kept):
            continue
        filled += rows[first:last + 1]
    return filled


PIECES = "rows in pieces, heads in row order"


def _with_pieces(kept, pieces, first, height, width, known, holds) -> list:
    """`kept` and the readings of the stretch's pieces that hold, each reading once."""
    found = _piece_readings(pieces, first, height, width, known, holds) if pieces else None
    if found is None:
        return kept
    seen = {_reading_key(cells) for _, cells in kept}
    for cells in found:
        key = _reading_key(cells)
        if key not in seen:
            seen.add(key)
            kept.append((PIECES, cells))
    return kept


def _reading_key(cells) -> tuple:
    """What tells two readings apart: each cell with the printed value (the object) placed there."""
    return tuple(sorted((cell, id(value)) for cell, value in cells.items()))


def _piece_readings(pieces, first, height, width, known, holds):
    """[{(row, column): Value}] of every reading of the pieces as whole pieces per row, the rows'
    first pieces in row order, under which the identities hold; None when the pieces are too many
    (or their values do not fill the stretch: []) or the readings more than rules.MAX_SOLUTIONS."""
    if len(pieces) > rules.MAX_STRETCH_PIECES:
        return None
    if sum(len(piece.values) for piece in pieces) != height * width:
        return []
    rows = [[] for _ in range(height)]         # the values given to each row so far
    found = []

    def cells_of(done):
        cells = dict(known)
        cells.update({(first + r, c): value.value for r in done for c, value in enumerate(rows[r])})
        return cells

    def walk(index, started):
        if index == len(pieces):
            if started == height and holds(cells_of(range(height))):
                found.append({(first + r, c): value for r in range(height) for c, value in enumerate(rows[r])})
                if len(found) > rules.MAX_SOLUTIONS:
                    raise segment_order.OutOfSteps
            return
        piece = pieces[index].values
        for r in range(min(started + 1, height)):    # a row begun, or the next row's head
            if len(rows[r]) + len(piece) > width:
                continue
            rows[r].extend(piece)
            if len(rows[r]) < width or holds(cells_of([r])):
                walk(index + 1, max(started, r + 1))
            del rows[r][len(rows[r]) - len(piece):]

    try:
        walk(0, 0)
    except segment_order.OutOfSteps:
        return None
    return found


def _agree(reading, table, rows, columns, first, last, kept) -> bool:
    """Fill the stretch when every kept reading gives each cell one value and no value placed by
    position disagrees; False (nothing changed) otherwise."""
    content = reading.result["tables"][table]["rows"]
    chosen = {}
    for r in range(first, last + 1):
        for c, column in enumerate(columns):
            seen = {cells[(r, c)].value for _, cells in kept}
            placed = content[rows[r]][column]
            if len(seen) != 1 or placed is not None and placed != next(iter(seen)):
                return False
            chosen[(r, c)] = kept[0][1][(r, c)]
    used = rules_over(table)
    for (r, c), value in chosen.items():
        path = cell_path(table, rows[r], columns[c])
        content[rows[r]][columns[c]] = value.value
        reading.cell_lines[path] = value.line
        reading.result["provenance"][path] = {
            "method": "table_order", "printed": value.text, "line": value.line, "readings": len(kept),
            "identities": used}
    stretch = set(rows[first:last + 1])
    for row in stretch:
        reading.positional.get(table, {}).pop(row, None)
    lines = [value.line for value in chosen.values()]
    result = reading.result
    result["warnings"] = [w for w in result["warnings"] if not (w["table"] == table and (
        w["row"] in stretch and w["code"] in STALE_ROW_CODES
        or w["row"] is None and w["code"] == WarningCode.UNASSIGNED_VALUES.value and min(lines) <= (w["line"] or 0) <= max(lines)))]
    return True


LABELLED = "rows in pieces under their labels, a lone value moved"


def labelled_pieces(reading, table, rows, columns, holds) -> list:
    """[(rows, LABELLED, {(row, column): Value})]: the readings of a whole table printed in pieces
    (segment_order.segments) as whole pieces per row, the rows' first pieces in row order, where
    at most one value of one piece was printed inside it from another row (wkhtmltopdf's
    putian-city-2019: `3 8 0 1 | … 总 计 | 12 | … | 0 1 0 1 | 复议后起诉 … | 1 0 0 0 2 1`, the 2 is
    未经复议直接起诉's total printed among 复议后起诉's values), kept only when every identity holds
    and each row's first value is printed after its row's label and before the next row's label
    (each label printed once). For a table whose identities are row totals only, the labels are
    what ties a row's values to its row: huaian-2024 prints 复议后起诉's values before
    未经复议直接起诉's, after the label 复议后起诉, and is read this way by nothing. [] when no
    reading or the pieces are too many to read (rules.MAX_STRETCH_PIECES, rules.MAX_SOLUTIONS)."""
    region = reading.regions.get(table)
    if not region:
        return []
    lines = region_lines(reading.doc, region)
    pieces = segment_order.segments(lines)
    if not pieces or len(pieces) > rules.MAX_STRETCH_PIECES:
        return []
    label_at = {}
    for line_no, text in lines:
        for row in labels.find_rows(compact(text), table):
            label_at.setdefault(row, []).append(line_no)
    if any(len(label_at.get(row, ())) != 1 for row in rows):
        return []
    bounds = [(label_at[row][0], label_at[rows[r + 1]][0] if r + 1 < len(rows) else float("inf"))
              for r, row in enumerate(rows)]
    height, width = len(rows), len(columns)
    known = {(r, c): None for r in range(height) for c in range(width)}
    variants = [pieces]
    for index, piece in enumerate(pieces):
        values = piece.values
        for at in range(len(values)):
            cut = [segment_order.Segment(part, (0,) * len(part), False)
                   for part in (values[:at], values[at:at + 1], values[at + 1:]) if part]
            variants.append(pieces[:index] + cut + pieces[index + 1:])
    found, seen = [], set()
    for variant in variants:
        if len(variant) > rules.MAX_STRETCH_PIECES + 2:
            return []
        readings = _piece_readings(variant, 0, height, width, known, holds)
        if readings is None:
            return []
        for cells in readings:
            if not all(low < cells[(r, 0)].line < high for r, (low, high) in enumerate(bounds)):
                continue
            key = _reading_key(cells)
            if key not in seen:
                seen.add(key)
                found.append((list(rows), LABELLED, cells))
                if len(found) > rules.MAX_SOLUTIONS:
                    return []
    return found
