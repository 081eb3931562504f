"""The recovery stage's reading of a table printed in pieces (service/parsing/segment_order.py):
its segments, the identities that check them, the labels that pin rows.

    solutions(reading, table, row_variants, columns, clean) -> [(rows, name, {(row, column): Value})]

Called by recovery.py for a table the reader doubted when no printed order fits; the caller fills
the cells every solution agrees on (provenance method `segment_order`).
"""

from functools import lru_cache

from service.parsing import labels, segment_order
from service.parsing.identities import indexed_instances
from service.parsing.normalize import compact
from service.parsing.tables import region_lines
from service.rules import recovery as rules

# Only the application table: its column identities (一 + 二 = （七）+ 四, （七）= the sum of the
# results) tie rows together. The review table's identities are its row totals only, which hold
# whichever row a row's values are read into (huaian-2024 prints 复议后起诉 before 未经复议直接起诉:
# read in pieces, the two rows came out swapped with every identity holding).
TABLES = ("applications",)
# pdftotext may print the last rows' tails after the next table's heading
FOLLOWING_TABLE = {"applications": "reviews_and_lawsuits"}
NAME = "row heads beside their labels, tails in row order"


def solutions(reading, table, row_variants, columns, clean) -> list:
    """[(rows, NAME, {(row index, column index): Value})] of every reading of the table's values
    in pieces that adds up, for each row variant of the template; [] when there are none or too
    many to decide. `clean`: {(row, column): value} of the rows the reader read with their label."""
    found = segment_order.segments(region_lines(reading.doc, reading.regions[table]))
    if not found:
        return []
    following = reading.regions.get(FOLLOWING_TABLE.get(table))
    more = segment_order.segments(region_lines(reading.doc, following)) if following else None
    kept = []
    for rows in row_variants:
        mine = _take(found, more or [], len(rows) * len(columns))
        if mine is None:
            continue
        row_checks, table_checks = _checks(table, tuple(rows), tuple(columns))
        # a row read cleanly (its label on the line, one value per column) pins its reading
        pinned = [[clean.get((row, column)) for column in columns] for row in rows]

        def row_holds(r, values, row_checks=row_checks, pinned=pinned):
            return all(_holds([values[c] for c in parts], [values[c] for c in totals])
                       for parts, totals in row_checks.get(r, ())) and \
                all(value is None or value == values[c] for c, value in enumerate(pinned[r]))

        def table_holds(cells, table_checks=table_checks):
            values = [([cells[cell] for cell in parts], [cells[cell] for cell in totals]) for parts, totals in table_checks]
            return all(_holds(*pair) for pair in values) and \
                any(None not in parts + totals for parts, totals in values)   # one instance assessed at least

        anchors = [_anchor(segment, table, rows) for segment in mine]
        found_here = segment_order.solve(mine, len(rows), len(columns), row_holds, table_holds,
                                         rules.MAX_SEGMENT_STEPS, anchors)
        if found_here is None:        # too many readings to decide: the table stays as the other stages leave it
            return []
        kept += [(rows, NAME, cells) for cells in found_here]
    return kept


def _holds(parts, totals) -> bool:
    """An identity instance holds, or cannot be assessed (a blank cell)."""
    return None in parts or None in totals or abs(sum(parts) - sum(totals)) < 1e-6


@lru_cache(maxsize=16)
def _checks(table, rows, columns):
    """({row index: [(part columns, total columns)]} of the identity instances within one row,
    [((row, column) parts, (row, column) totals)] of every instance over the table)."""
    every, row_checks = [], {}
    for parts, totals in indexed_instances(table, rows, columns):
        parts, totals = list(parts), list(totals)
        every.append((parts, totals))
        if len({r for r, _ in parts + totals}) == 1:
            row_checks.setdefault(parts[0][0], []).append(([c for _, c in parts], [c for _, c in totals]))
    return row_checks, every


def _anchor(segment, table, rows):
    """The index of the one row the label beside a segment's values names, else None."""
    named = [row for row in labels.find_rows(compact(segment.label), table) if row in rows] if segment.label else []
    return rows.index(named[0]) if len(named) == 1 else None


def _take(found, more, cells):
    """The segments holding the table's `cells` values: its own, then the first values of the
    next region when its own are too few; None when its own are too many."""
    count = sum(len(segment.values) for segment in found)
    if count > cells:
        return None
    taken = list(found)
    for segment in more:
        if count == cells:
            break
        need = cells - count
        if len(segment.values) > need:
            segment = segment_order.Segment(segment.values[:need], segment.groups[:need], segment.beside_text)
        taken.append(segment)
        count += len(segment.values)
    return taken if count == cells else None
