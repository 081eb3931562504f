"""The template identities of service/rules/identities.py, spelled out for the rows of one result.

    instances(tables) -> [Instance]      # tables: the `tables` of a result (rows present only)

An instance is one equation sum(parts) = sum(totals) over cell paths, e.g. the row total of
new_received, or 一 + 二 = （七）+ 四 for the natural_person column.
"""

from dataclasses import dataclass
from functools import lru_cache

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
    """((rule, ((parts, totals, en, zh), ...)), ...) of the instances, rules in order of first
    instance (built once per shape, as instances)."""
    return _by_rule(_shape(tables))


@lru_cache(maxsize=256)
def _by_rule(shape) -> tuple:
    by_rule = {}
    for instance in _instances(shape):
        by_rule.setdefault(instance.rule, []).append((instance.parts, instance.totals, instance.en, instance.zh))
    return tuple((rule, tuple(group)) for rule, group in by_rule.items())


def _shape(tables) -> tuple:
    """(table, row keys, column keys of the first row) of every table an identity is over."""
    shape = []
    for table in IDENTITY_TABLES:
        rows = _rows(tables, table)
        if rows:
            shape.append((table, tuple(rows), tuple(next(iter(rows.values())))))
    return tuple(shape)


IDENTITY_TABLES = tuple(dict.fromkeys(identity["table"] for identity in IDENTITIES))


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
