"""Readings of the review table chosen by the figures its narrative states.

    solutions(reading, table, rows, columns, clean) -> ([(rows, NAME, {(row, column): Value})], [used])

The review table's identities are its row totals only, and a row total holds whichever row a
row's values are read into: a reading of the table printed in pieces (segment_recovery) may put
the 复议后起诉 values into 未经复议直接起诉 and still add up (huaian-2024's pdftotext). So each
such reading stands for every permutation of its rows, and only a figure the narrative states
for the table ("行政复议351件", "行政诉讼46件": service/rules/prose.py, found by
service/parsing/narrative.py exactly as the prose check finds it) can tell them apart. A reading
is kept when it agrees with every such figure and with every row read with its label; the caller
fills the cells every kept reading agrees on. No figure for the table, or none kept: [] (the
table stays as the other stages leave it).
"""

from dataclasses import dataclass
from itertools import permutations

from service.parsing import narrative, segment_recovery

# The tables read this way: those whose identities are row totals only.
TABLES = ("reviews_and_lawsuits",)
NAME = "row heads beside their labels, tails in row order; rows chosen by the narrative's figures"


@dataclass(frozen=True)
class Constraint:
    """A narrative figure over named cells of one table: the cells' sum is `value`."""

    quantity: str
    cells: tuple                      # ((row, column), …)
    value: int
    line: int

    def provenance(self) -> dict:
        return {"quantity": self.quantity, "figure": self.value, "line": self.line}


def constraints(reading, table) -> list:
    """The figures the narrative states whose cells all lie in `table` (named rows, one column)."""
    found, line_at = narrative.figures(reading.doc, reading.regions, reading.result["report"]["year"])
    kept = []
    for figure in found:
        specs = figure.entry["cells"]
        if not all(t == table and not row.endswith("*") and "|" not in column for t, row, column in specs):
            continue
        kept.append(Constraint(figure.entry["quantity"], tuple((row, column) for _, row, column in specs),
                               figure.value, line_at(figure.at)))
    return kept


def agrees(cells, rows, columns, constraint) -> bool:
    """A reading ({(row index, column index): Value}) gives the constraint's cells its figure."""
    values = [cells[(rows.index(row), columns.index(column))].value for row, column in constraint.cells]
    return None not in values and abs(sum(values) - constraint.value) < 1e-6


def choose(readings, rows, columns, clean, found) -> list:
    """The row permutations of `readings` that agree with every constraint in `found` and every
    cleanly read cell (`clean`: {(row, column): value}), without repeats; [] without constraints."""
    if not found:
        return []
    kept, seen = [], set()
    for cells in readings:
        for order in permutations(range(len(rows))):
            moved = {(order[r], c): value for (r, c), value in cells.items()}
            key = tuple(sorted((cell, value.value) for cell, value in moved.items()))
            if key in seen:
                continue
            seen.add(key)
            if all(agrees(moved, rows, columns, constraint) for constraint in found) and all(
                    moved[(rows.index(row), columns.index(column))].value == value
                    for (row, column), value in clean.items() if row in rows):
                kept.append(moved)
    return kept


def solutions(reading, table, rows, columns, clean):
    """([(rows, NAME, cells)], [Constraint used]) for the review table read in pieces."""
    readings = segment_recovery.solutions(reading, table, [rows], columns, clean)
    if not readings:
        return [], []
    found = constraints(reading, table)
    kept = choose([cells for _, _, cells in readings], list(rows), list(columns), clean, found)
    return [(rows, NAME, cells) for cells in kept], (found if kept else [])

