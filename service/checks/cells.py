"""Reading cells of a parse result by their canonical paths."""

import math

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

    A result may carry its flat cells under the key `_cells` (set by run_checks) to make
    repeated look-ups cheap."""
    cells = result.get("_cells")
    if cells is None:
        cells = flat_cells(result)
    return cells.get(cell_path, MISSING)


def rows_of(result: dict, table: str) -> dict:
    return ((result.get("tables") or {}).get(table) or {}).get("rows") or {}


def same(a, b) -> bool:
    return math.isclose(a, b, rel_tol=0, abs_tol=1e-6)


def number_text(number) -> str:
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    return str(number)
