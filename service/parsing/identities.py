"""The template identities of service/rules/identities.py, spelled out for the rows of one result.

    instances(tables) -> [Instance]      # tables: the `tables` of a result (rows present only)

An instance is one equation sum(parts) = sum(totals) over cell paths, e.g. the row total of
new_received, or 一 + 二 = （七）+ 四 for the natural_person column.
"""

from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain
from operator import itemgetter

from service.rules.identities import IDENTITIES


@dataclass(frozen=True)
class Instance:
    rule: str
    parts: tuple          # cell paths
    totals: tuple         # cell paths
    en: str
    zh: str
    where: tuple = ()     # (table, row, column) of every cell, parts then totals: the paths split once

    @property
    def cells(self) -> tuple:
        return self.parts + self.totals


def cell_path(table: str, row: str, column: str) -> str:
    return f"tables.{table}.rows.{row}.{column}"


def _rows(tables, table) -> dict:
    return ((tables or {}).get(table) or {}).get("rows") or {}


def instances(tables) -> list:
    """Every instance of every identity for the rows the tables hold, in IDENTITIES order.

    The instances depend only on which rows (and columns) the tables have, so they are built once
    per shape of tables (a handful per template) and shared: the recovery stage asks for them for
    every reading it tries."""
    return list(_instances(_shape(tables)))


def instances_by_rule(tables) -> tuple:
    """((rule, ((parts, totals, en, zh), ...), paths, bounds), ...) of the instances, rules in
    order of first instance (built once per shape, as instances). `paths` are the cells of the
    rule's instances one after the other (parts, then totals) and `bounds` the (start of parts,
    start of totals, end) of each instance in it: a rule's cells are looked up in one pass."""
    return _by_rule(_shape(tables))


@lru_cache(maxsize=256)
def _by_rule(shape) -> tuple:
    by_rule = {}
    for instance in _instances(shape):
        by_rule.setdefault(instance.rule, []).append((instance.parts, instance.totals, instance.en, instance.zh))
    found = []
    for rule, group in by_rule.items():
        paths, bounds = [], []
        for parts, totals, _, _ in group:
            start = len(paths)
            paths += (*parts, *totals)
            bounds.append((start, start + len(parts), len(paths)))
        found.append((rule, tuple(group), tuple(paths), tuple(bounds)))
    return tuple(found)


def rules_over(table) -> list:
    """The names of the identities over a table, sorted (what a cell read in printed order was
    checked by: every identity over its table); a new list each call."""
    return list(_RULES_OVER.get(table, ()))


_RULES_OVER = {table: tuple(sorted({identity["rule"] for identity in IDENTITIES if identity["table"] == table}))
               for table in {identity["table"] for identity in IDENTITIES}}


@lru_cache(maxsize=64)
def indexed_instances(table, rows: tuple, columns: tuple) -> tuple:
    """The identity instances over a table of these rows and columns, as ((row index, column
    index) of the parts, of the totals): built once per table shape (for readings held as
    {(row index, column index): value} before they are a table)."""
    content = {table: {"rows": {row: dict.fromkeys(columns) for row in rows}}}
    index = {cell_path(table, row, column): (r, c) for r, row in enumerate(rows) for c, column in enumerate(columns)}
    return tuple((tuple(index[cell] for cell in eq.parts), tuple(index[cell] for cell in eq.totals))
                 for eq in instances(content))


def _shape(tables) -> tuple:
    """(table, row keys, column keys of the first row) of every table an identity is over."""
    shape = []
    for table in IDENTITY_TABLES:
        rows = _rows(tables, table)
        if rows:
            shape.append((table, tuple(rows), tuple(next(iter(rows.values())))))
    return tuple(shape)


IDENTITY_TABLES = tuple(dict.fromkeys(identity["table"] for identity in IDENTITIES))


def gaps(tables) -> tuple:
    """(instances, gaps): every instance (as `instances`) and abs(sum(parts) - sum(totals)) of
    each over the tables' values, None where a cell is blank or missing. The cells of all the
    instances are read in one pass (their (table, row, column) laid end to end once per shape)."""
    found, where, bounds, reads, order = _laid_out(_shape(tables))
    values = _read(tables, where, reads, order)
    try:
        running = list(accumulate(values, initial=0))
    except TypeError:                 # a blank (None: nothing adds to it) or a float with a Decimal
        running = None
    if running is not None and running[-1].__class__ is int:
        # every value an int (a float or Decimal would make the running sum one from there
        # on): sums of ints are exact, so a slice's sum is the difference of running sums
        return found, [abs(running[middle] - running[start] - (running[end] - running[middle]))
                       for start, middle, end in bounds]
    return found, [None if None in values[start:end] else abs(sum(values[start:middle]) - sum(values[middle:end]))
                   for start, middle, end in bounds]


@lru_cache(maxsize=256)
def _laid_out(shape) -> tuple:
    """(instances, their cells end to end, (start, start of totals, end) of each instance's,
    (table, row, itemgetter of the row's columns in use) per row, the itemgetter that puts what
    those give in the order of the cells end to end)."""
    found = _instances(shape)
    where, bounds = [], []
    for instance in found:
        start = len(where)
        where += instance.where
        bounds.append((start, start + len(instance.parts), len(where)))
    return (found, tuple(where), tuple(bounds), *_reads(where))


def _reads(where) -> tuple:
    """((table, rows, itemgetter of their columns in use) per stretch of consecutive rows of a
    table that use the same columns, the itemgetter that puts what those give in the order of
    `where`, None for fewer than two cells) of cells laid out end to end as (table, row, column)."""
    columns_of = {}
    for table, row, column in where:
        columns = columns_of.setdefault((table, row), [])
        if column not in columns:
            columns.append(column)
    stretches, slot, position = [], {}, 0
    for (table, row), columns in columns_of.items():
        names = columns if len(columns) > 1 else columns * 2       # (an itemgetter of one key gives no tuple)
        for offset, column in enumerate(columns):
            slot[(table, row, column)] = position + offset
        position += len(names)
        if stretches and stretches[-1][0] == table and stretches[-1][2] == names:
            stretches[-1][1].append(row)
        else:
            stretches.append((table, [row], names))
    reads = tuple((table, tuple(rows), itemgetter(*names)) for table, rows, names in stretches)
    order = itemgetter(*[slot[cell] for cell in where]) if len(where) > 1 else None
    return reads, order


def _read(tables, where, reads, order):
    """The values of the cells `where` (as laid out by _reads; a tuple or a list), None where
    blank or missing."""
    if order is not None:
        try:                      # the cells of a stretch of rows taken by one itemgetter, in C
            gathered = []         # (the rows of a whole table are one stretch), put in order by another
            for table, rows, getter in reads:
                gathered += chain.from_iterable(map(getter, map(tables[table]["rows"].__getitem__, rows)))
            return order(gathered)
        except KeyError:          # a row missing, or without one of the table's columns: that cell is missing
            pass
    return [(tables[table]["rows"].get(row) or {}).get(column) for table, row, column in where]


def values_by_rule(tables) -> tuple:
    """(instances_by_rule(tables), values): the values of every rule's `paths`, the rules one
    after the other, None where a cell is blank or missing (for the checks: the cells of all
    the identities read a row at a time, as `gaps` reads them, without a look-up per path)."""
    shape = _shape(tables)
    where, reads, order = _by_rule_laid_out(shape)
    return _by_rule(shape), _read(tables, where, reads, order)


@lru_cache(maxsize=256)
def _by_rule_laid_out(shape) -> tuple:
    """(cells end to end in the order of _by_rule's paths, *_reads of them)."""
    by_rule = {}
    for instance in _instances(shape):
        by_rule.setdefault(instance.rule, []).extend(instance.where)
    where = tuple(cell for cells in by_rule.values() for cell in cells)
    return (where, *_reads(where))


@lru_cache(maxsize=256)
def _instances(shape) -> tuple:
    found = []
    by_table = {table: (rows, columns) for table, rows, columns in shape}
    for identity in IDENTITIES:
        table = identity["table"]
        if table not in by_table:
            continue
        rows, columns = by_table[table]
        if identity["per"] == "row":
            for row in rows:
                cells = [(table, row, column) for column in (*identity["parts"], *identity["totals"])]
                found.append(Instance(
                    identity["rule"],
                    tuple(cell_path(table, row, column) for column in identity["parts"]),
                    tuple(cell_path(table, row, column) for column in identity["totals"]),
                    identity["en"].format(row=row), identity["zh"].format(row=row), tuple(cells)))
            continue
        parts = identity["parts"]
        if parts == "*":
            parts = [row for row in rows if row not in identity["not_parts"]]
        for column in columns:
            cells = [(table, row, column) for row in (*parts, *identity["totals"])]
            found.append(Instance(
                identity["rule"],
                tuple(cell_path(table, row, column) for row in parts),
                tuple(cell_path(table, row, column) for row in identity["totals"]),
                identity["en"].format(column=column), identity["zh"].format(column=column), tuple(cells)))
    return tuple(found)
