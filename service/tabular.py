"""Parse results in long form: one CSV row per table cell, for spreadsheets and pandas.

    LongFormWriter(stream).add(document_id, result=..., problem=...)
    csv_text([(document_id, result, problem), ...]) -> str

Columns (COLUMNS): the document's id, organization, year and template; the cell's table, row
and column keys (those of fields.json) and its value; the Chinese row and column labels; and
`problem`, set only on the one row of a document that could not be parsed ("<type slug>:
<detail>"). A null cell has an empty value, never 0. A document without any table cell still
gets one row (its metadata, the cell columns empty), so every document is counted. The text
starts with a UTF-8 BOM, so that spreadsheet programs read the Chinese right; rows end in CRLF
(RFC 4180). Quoting is the csv module's. A plain library (no Flask).
"""

import csv
import io

from service.contract import FIELDS, TABLE_KEYS
from service.rules.export_labels import COLUMN_LABELS, NOTE_MARKERS, ROW_LABELS, TEMPLATE_NEUTRAL

MEDIA_TYPE = "text/csv"
BOM = "\ufeff"
COLUMNS = ("document_id", "organization", "year", "template", "table", "row", "column", "value",
           "row_label", "column_label", "problem")


def contract_label(label: str) -> str:
    """A contract label without the note in English that some carry."""
    for marker in NOTE_MARKERS:
        label = label.split(marker, 1)[0]
    return label.strip()


def build_labels():
    """({(table, row): label}, {(table, column): label}) from the contract."""
    rows, columns = {}, {}
    for table, spec in FIELDS["tables"].items():
        for row, row_spec in spec["rows"].items():
            rows[table, row] = contract_label(row_spec if isinstance(row_spec, str) else row_spec["label"])
        for column, label in (spec.get("columns") or spec.get("column_labels") or {}).items():
            columns[table, column] = contract_label(label)
    return rows, columns


CONTRACT_ROW_LABELS, CONTRACT_COLUMN_LABELS = build_labels()


def label(labels, contract_labels, key, template):
    by_template = labels.get(key)
    if by_template:
        return by_template.get(template or TEMPLATE_NEUTRAL, by_template[TEMPLATE_NEUTRAL])
    return contract_labels.get(key, "")


def row_label(table: str, row: str, template) -> str:
    """The Chinese label of a row, in the template's own wording (the contract's otherwise)."""
    return label(ROW_LABELS, CONTRACT_ROW_LABELS, (table, row), template)


def column_label(table: str, column: str, template) -> str:
    """The Chinese label of a column, in the template's own wording (the contract's otherwise)."""
    return label(COLUMN_LABELS, CONTRACT_COLUMN_LABELS, (table, column), template)


def cell_text(value) -> str:
    return "" if value is None else str(value)


def document_rows(document_id, result: dict):
    """The long-form rows of one parse result, as text."""
    for row in document_cells(document_id, result):
        yield {key: cell_text(value) for key, value in row.items()}


def document_cells(document_id, result: dict):
    """The long-form rows of one parse result, values as they are (numbers, None)."""
    report = result.get("report") or {}
    template = report.get("template")
    head = {"document_id": document_id, "organization": report.get("organization"),
            "year": report.get("year"), "template": template}
    tables = result.get("tables") or {}
    count = 0
    for table in TABLE_KEYS:
        found = tables.get(table)
        if not found:
            continue
        for row, cells in found["rows"].items():
            label_of_row = row_label(table, row, template)
            for column, value in cells.items():
                count += 1
                yield {**head, "table": table, "row": row, "column": column, "value": value,
                       "row_label": label_of_row, "column_label": column_label(table, column, template)}
    if not count:
        yield head


def problem_text(problem: dict) -> str:
    """"<type slug>: <detail>" of a problem."""
    slug = str(problem.get("type", "")).rstrip("/").rsplit("/", 1)[-1]
    return f"{slug}: {problem.get('detail', '')}"


def problem_row(document_id, problem: dict) -> dict:
    return {"document_id": cell_text(document_id), "problem": problem_text(problem)}


class LongFormWriter:
    """Writes the BOM and the header at once, then the rows of each document added."""

    def __init__(self, stream, bom=True):
        if bom:
            stream.write(BOM)
        self.writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\r\n", restval="")
        self.writer.writeheader()

    def add(self, document_id, result=None, problem=None):
        if problem is not None:
            self.writer.writerow(problem_row(document_id, problem))
        else:
            self.writer.writerows(document_rows(document_id, result))


def csv_text(documents) -> str:
    """The whole CSV of (document_id, result, problem) triples (one of result, problem is None)."""
    stream = io.StringIO()
    writer = LongFormWriter(stream)
    for document_id, result, problem in documents:
        writer.add(document_id, result, problem)
    return stream.getvalue()
