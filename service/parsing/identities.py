"""The template identities of service/rules/identities.py, spelled out for the rows of one result.

    instances(tables) -> [Instance]      # tables: the `tables` of a result (rows present only)

An instance is one equation sum(parts) = sum(totals) over cell paths, e.g. the row total of
new_received, or 一 + 二 = （七）+ 四 for the natural_person column.
"""

from dataclasses import dataclass

from service.rules.identities import IDENTITIES


@dataclass(frozen=True)
class Instance:
    rule: str
    parts: tuple          # cell paths
    totals: tuple         # cell paths
    en: str
    zh: str

    @property
    def cells(self) -> tuple:
        return self.parts + self.totals


def cell_path(table: str, row: str, column: str) -> str:
    return f"tables.{table}.rows.{row}.{column}"


def _rows(tables, table) -> dict:
    return ((tables or {}).get(table) or {}).get("rows") or {}


def instances(tables) -> list:
    """Every instance of every identity for the rows the tables hold, in IDENTITIES order."""
    found = []
    for identity in IDENTITIES:
        table = identity["table"]
        rows = _rows(tables, table)
        if not rows:
            continue
        if identity["per"] == "row":
            for row in rows:
                found.append(Instance(
                    identity["rule"],
                    tuple(cell_path(table, row, column) for column in identity["parts"]),
                    tuple(cell_path(table, row, column) for column in identity["totals"]),
                    identity["en"].format(row=row), identity["zh"].format(row=row)))
            continue
        parts = identity["parts"]
        if parts == "*":
            parts = [row for row in rows if row not in identity["not_parts"]]
        columns = list(next(iter(rows.values())))
        for column in columns:
            found.append(Instance(
                identity["rule"],
                tuple(cell_path(table, row, column) for row in parts),
                tuple(cell_path(table, row, column) for row in identity["totals"]),
                identity["en"].format(column=column), identity["zh"].format(column=column)))
    return found
