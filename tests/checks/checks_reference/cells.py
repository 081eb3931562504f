"""Reading cells of a parse result by their canonical paths."""

import math
from functools import partial

MISSING = object()


def path(table: str, row: str, column: str) -> str:
    return f"tables.{table}.rows.{row}.{column}"


def flat_cells(result: dict) -> dict:
    """{path: value} of every cell of a result."""
    cells = {}
    for table, content in (result.get("tables") or {}).items():
        for row, columns in ((content or {}).get("rows") or {}).items():
            prefix = f"tables.{table}.rows.{row}."          # (formatted once per row, not per cell)
            for column, cell in columns.items():
                cells[prefix + column] = cell
    return cells


def value(result: dict, cell_path: str):
    """The value at `tables.<table>.rows.<row>.<column>`; MISSING when the cell does not exist.

    A result may carry its flat cells under the key `_cells` (compare_results sets them);
    without, the path is split and looked up (no row or column name holds a dot)."""
    cells = result.get("_cells")
    if cells is not None:
        return cells.get(cell_path, MISSING)
    _, table, _, row, column = cell_path.split(".", 4)
    columns = rows_of(result, table).get(row)
    return MISSING if columns is None else columns.get(column, MISSING)


def rows_of(result: dict, table: str) -> dict:
    return ((result.get("tables") or {}).get(table) or {}).get("rows") or {}


# same(a, b): the two numbers are equal to 1e-6 (math.isclose called from C: no Python frame per comparison)
same = partial(math.isclose, rel_tol=0, abs_tol=1e-6)


def number_text(number) -> str:
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    return str(number)
