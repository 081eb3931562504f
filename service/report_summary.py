"""What a reader checking many reports wants first, per parse result: do its tables add up, how
many findings of each severity, how many cells could not be read.

    summarize(result) -> {"tables_add_up", "errors", "warnings", "infos", "unread_cells",
                          "unreadable_tables"}

The console (service/http/static/console) counts the same way, with the rule sets below served to
it (service/http/console.py). A plain library (no Flask).
"""

from service.checks.registry import RULES
from service.contract import TABLE_KEYS

# The rules whose failures are errors: the tables' own arithmetic. A report's tables add up when
# none of them fails ("pass" if one passed, "fail", or "not_assessable" when none could be run).
ARITHMETIC_RULES = tuple(rule for rule, (severity, *_) in RULES.items() if severity == "error")
# Warnings that leave cells null which the report printed (a whole row, a column, a run of cells).
CELL_WARNING_CODES = ("cell_not_found", "unreadable_cell", "row_value_count")
# The warning of a table found but not read at all (the table is null).
TABLE_WARNING_CODE = "unreadable_table"
SEVERITY_COUNTS = {"error": "errors", "warning": "warnings", "info": "infos"}


def tables_add_up(checks) -> str:
    statuses = {check["status"] for check in checks if check["rule"] in ARITHMETIC_RULES}
    if "fail" in statuses:
        return "fail"
    return "pass" if "pass" in statuses else "not_assessable"


def covers(warning, table, row, column) -> bool:
    return (warning.get("code") in CELL_WARNING_CODES and warning.get("table") == table
            and warning.get("row") in (None, row) and warning.get("column") in (None, column))


def unread_cells(result: dict) -> int:
    """Null cells of the tables read that a warning says were printed but not read."""
    warnings = result.get("warnings") or []
    count = 0
    for table in TABLE_KEYS:
        found = (result.get("tables") or {}).get(table)
        if not found:
            continue
        named = [warning for warning in warnings if warning.get("table") == table]
        for row, cells in found["rows"].items():
            count += sum(1 for column, value in cells.items()
                         if value is None and any(covers(warning, table, row, column) for warning in named))
    return count


def summarize(result: dict) -> dict:
    checks = result.get("checks") or []
    summary = {"tables_add_up": tables_add_up(checks)}
    for severity, key in SEVERITY_COUNTS.items():
        summary[key] = sum(1 for check in checks if check["status"] == "fail" and check["severity"] == severity)
    summary["unread_cells"] = unread_cells(result)
    summary["unreadable_tables"] = sum(1 for warning in result.get("warnings") or []
                                       if warning.get("code") == TABLE_WARNING_CODE)
    return summary
