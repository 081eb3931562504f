"""The three tables as the national forms print them, from fields.json and the export labels.

    wide_columns(table) -> [(row, column), ...]   every cell a table can have, in the form's order
    layout(template) -> {table: ...}              rows, columns and headings of each table for
                                                  the console (served as JSON to the browser)

Labels are service.tabular's (the contract's, in the template's own wording where the 2019 and
2021 forms differ). A plain library (no Flask).
"""

from service.contract import FIELDS, TABLE_KEYS, TEMPLATES, active_disclosure_all_columns
from service.rules.export_labels import (
    APPLICANT_GROUP,
    APPLICANT_GROUP_COLUMNS,
    APPLICANT_HEADER,
    CONTENT_HEADER,
    RESULTS_HEADER,
    ROW_GROUP_SEPARATORS,
    TEMPLATE_NEUTRAL,
)
from service.tabular import column_label, row_label

ACTIVE = "active_disclosure"
LAYOUT_TEMPLATES = (*TEMPLATES, TEMPLATE_NEUTRAL)


def table_title(table: str) -> str:
    return FIELDS["tables"][table]["label"]


def row_columns(table: str, row: str, template=None) -> list:
    """The columns of a row: for table 2 the template's (all of either template when None)."""
    spec = FIELDS["tables"][table]
    if table != ACTIVE:
        return list(spec["columns"])
    if template in spec["rows"][row]["columns"]:
        return list(spec["rows"][row]["columns"][template])
    return [] if template in TEMPLATES else active_disclosure_all_columns(row)


def wide_columns(table: str) -> list:
    """Every (row, column) a table can have in either template, in the contract's order."""
    return [(row, column) for row in FIELDS["tables"][table]["rows"] for column in row_columns(table, row)]


def split_row_label(label: str) -> tuple:
    """(group, item) of a label such as "（三）不予公开 1.属于国家秘密"; (None, label) without a group."""
    for separator in ROW_GROUP_SEPARATORS:
        if separator in label:
            group, item = label.split(separator, 1)
            return group, item
    return None, label


def active_disclosure_blocks(template) -> list:
    """Table 2 as the form prints it: one block per article (and column set), each with its
    column headings and its rows."""
    blocks = []
    for row, spec in FIELDS["tables"][ACTIVE]["rows"].items():
        columns = row_columns(ACTIVE, row, template)
        if not columns:
            continue
        if not blocks or blocks[-1]["article"] != spec["article"] or blocks[-1]["column_keys"] != columns:
            blocks.append({"article": spec["article"], "column_keys": columns, "content_header": CONTENT_HEADER,
                           "columns": [{"key": c, "label": column_label(ACTIVE, c, template)} for c in columns],
                           "rows": []})
        blocks[-1]["rows"].append({"key": row, "label": row_label(ACTIVE, row, template)})
    for block in blocks:
        del block["column_keys"]
    return blocks


def grouped_rows(table: str, template) -> list:
    rows = []
    for row in FIELDS["tables"][table]["rows"]:
        label = row_label(table, row, template)
        group, item = split_row_label(label)
        rows.append({"key": row, "label": label, "group": group, "item": item})
    return rows


def table_layout(table: str, template) -> dict:
    layout = {"title": table_title(table)}
    if table == ACTIVE:
        layout["blocks"] = active_disclosure_blocks(template)
        return layout
    layout["rows"] = grouped_rows(table, template)
    layout["columns"] = [{"key": c, "label": column_label(table, c, template),
                          "group": APPLICANT_GROUP if table == "applications" and c in APPLICANT_GROUP_COLUMNS
                          else None} for c in FIELDS["tables"][table]["columns"]]
    if table == "applications":
        layout["applicant_header"] = APPLICANT_HEADER
        layout["results_header"] = RESULTS_HEADER
    return layout


def layout(template) -> dict:
    """{table: layout} for a template ("2019", "2021", or None: every column of either)."""
    key = template if template in TEMPLATES else TEMPLATE_NEUTRAL
    return {table: table_layout(table, key) for table in TABLE_KEYS}
