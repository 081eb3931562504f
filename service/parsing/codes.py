"""Stable warning codes with one-line meanings. A code is never reused for another meaning."""

from enum import Enum


class WarningCode(str, Enum):
    ROW_VALUE_COUNT = "row_value_count"
    CELL_NOT_FOUND = "cell_not_found"
    UNKNOWN_LABEL = "unknown_label"
    UNASSIGNED_VALUES = "unassigned_values"
    UNREADABLE_CELL = "unreadable_cell"
    AMOUNT_CONVERTED = "amount_converted"
    TABLE_NOT_FOUND = "table_not_found"
    UNREADABLE_TABLE = "unreadable_table"
    SECTION_HEADING_MISSING = "section_heading_missing"
    TEMPLATE_UNKNOWN = "template_unknown"
    TITLE_NOT_FOUND = "title_not_found"
    YEAR_NOT_FOUND = "year_not_found"
    WARNINGS_TRUNCATED = "warnings_truncated"
    AMBIGUOUS_READING = "ambiguous_reading"
    AMBIGUOUS_LAYOUT = "ambiguous_layout"


WARNING_MEANINGS = {
    WarningCode.ROW_VALUE_COUNT: "A table row has more or fewer values than the table has columns.",
    WarningCode.CELL_NOT_FOUND: "A row of the detected template was not found in the table; its cells are null.",
    WarningCode.UNKNOWN_LABEL: "A label inside a table matched no known row or column.",
    WarningCode.UNASSIGNED_VALUES: "Values inside a table could not be attached to any row and were left out.",
    WarningCode.UNREADABLE_CELL: "A cell held text that is neither a number nor a blank marker; it is null.",
    WarningCode.AMOUNT_CONVERTED: "An amount written in 元 was converted to 万元.",
    WarningCode.TABLE_NOT_FOUND: "The report has a section for a statistical table, but no table was found in it.",
    WarningCode.UNREADABLE_TABLE: "A table was found but none of its rows could be read (for example, the digits of adjacent cells run together).",
    WarningCode.SECTION_HEADING_MISSING: "A numbered section heading is missing; the section was inferred from its sub-headings.",
    WarningCode.TEMPLATE_UNKNOWN: "Tables were found but their national template (2019 or 2021) could not be decided.",
    WarningCode.TITLE_NOT_FOUND: "No report title was found; organization and year were taken from elsewhere or are null.",
    WarningCode.YEAR_NOT_FOUND: "The year the report covers could not be determined.",
    WarningCode.WARNINGS_TRUNCATED: "There were more warnings than a result lists; the rest were left out.",
    WarningCode.AMBIGUOUS_READING: "Digits of adjacent cells ran together and not exactly one way of splitting them agrees with the table's arithmetic; the cells are null and the message lists the candidate readings.",
    WarningCode.AMBIGUOUS_LAYOUT: "Values placed in a row by position alone contradict the table's arithmetic; they may belong to another row, so the cells are null.",
}


def make_warning(code: WarningCode, message: str, *, table=None, row=None, column=None,
                 section=None, line=None) -> dict:
    """A warning as it appears in the result."""
    return {"code": code.value, "message": message, "table": table, "row": row,
            "column": column, "section": section, "line": line}
