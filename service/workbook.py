"""Parse results as an Excel workbook (.xlsx), for comparing and summing many reports in place.

    workbook_bytes([(document_id, result, problem), ...]) -> bytes

Sheets, in order:
- 概况 (summary): one row per document: its metadata, whether its tables add up, its findings
  by severity, its unread cells and tables (service.report_summary), or why it was not parsed.
- one sheet per table, named by its contract label, in wide form: one row per parsed document,
  one column per cell. Three header rows: the row label (over the row's columns), the column
  label (the template's own wording when every document has the same template), and the cell's
  key `row.column` (fields.json). Only the cells of the documents' templates are columns.
- 单元格 (cells): service.tabular's long form, the CSV's columns and rows.
- 检查发现 (findings): one row per failed check, per warning and per document not parsed.

Numbers are numbers (amounts in 万元 with their decimals), a null cell is an empty cell, text is
always written as text (never a formula). Written with xlsxwriter in memory: no temporary file.
A plain library (no Flask).
"""

import io

import xlsxwriter

from service.contract import FIELDS, TABLE_KEYS, TEMPLATES
from service.report_summary import summarize
from service.tabular import COLUMNS as CELL_COLUMNS
from service.tabular import column_label, document_cells, problem_text, row_label
from service.template_layout import row_columns

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
AMOUNT_COLUMNS = {"amount"}
AMOUNT_FORMAT = "0.00####"

SUMMARY_SHEET = "概况"
CELLS_SHEET = "单元格"
FINDINGS_SHEET = "检查发现"

# (key, Chinese heading) of the documents' own columns, first on the summary and table sheets.
DOCUMENT_COLUMNS = (("document_id", "文件"), ("organization", "机关"), ("year", "年度"), ("template", "表格格式"))
SUMMARY_COLUMNS = DOCUMENT_COLUMNS[:1] + (("title", "标题"),) + DOCUMENT_COLUMNS[1:] + (
    ("published_on", "发布日期"), ("tables_add_up", "表格数据是否相符"), ("errors", "错误"),
    ("warnings", "警告"), ("infos", "提示"), ("unread_cells", "未读出单元格"), ("unreadable_tables", "未读出表格"),
    ("parse_warnings", "解析警告"), ("problem", "未能解析"))
FINDINGS_COLUMNS = DOCUMENT_COLUMNS[:3] + (
    ("kind", "类别"), ("severity", "严重程度"), ("code", "规则或代码"), ("message_zh", "说明"),
    ("message_en", "说明（英文）"), ("cells", "涉及单元格"), ("lines", "行号"), ("excerpts", "原文摘录"))
ADD_UP_TEXT = {"pass": "相符", "fail": "不相符", "not_assessable": "无法判断"}
FINDING_KINDS = {"check": "检查未通过", "warning": "解析警告", "problem": "未能解析"}
MAX_TEXT = 32767  # characters of an Excel cell


def table_sheet_name(table: str) -> str:
    return FIELDS["tables"][table]["label"]


class Sheet:
    """A worksheet written row by row: numbers as numbers, None as an empty cell, text as text."""

    def __init__(self, book, name, formats):
        self.sheet = book.add_worksheet(name)
        self.formats = formats
        self.row = 0

    def write_row(self, values, header=False, amount_columns=()):
        for column, value in enumerate(values):
            self.write(column, value, header, column in amount_columns)
        self.row += 1

    def write(self, column, value, header=False, amount=False):
        style = self.formats["header"] if header else None
        if value is None or value == "":
            if header:
                self.sheet.write_blank(self.row, column, None, style)
        elif isinstance(value, bool):
            self.sheet.write_string(self.row, column, str(value).lower(), style)
        elif isinstance(value, (int, float)):
            self.sheet.write_number(self.row, column, value, self.formats["amount"] if amount else style)
        else:
            self.sheet.write_string(self.row, column, str(value)[:MAX_TEXT], style)

    def finish(self, header_rows, key_columns, widths):
        self.sheet.freeze_panes(header_rows, key_columns)
        for column, width in enumerate(widths):
            self.sheet.set_column(column, column, width)


def document_head(document_id, result) -> list:
    report = (result or {}).get("report") or {}
    return [document_id, report.get("organization"), report.get("year"), report.get("template")]


def summary_row(document_id, result, problem) -> list:
    if problem is not None:
        return [document_id] + [None] * (len(SUMMARY_COLUMNS) - 2) + [problem_text(problem)]
    report = result.get("report") or {}
    summary = summarize(result)
    return [document_id, report.get("title"), report.get("organization"), report.get("year"), report.get("template"),
            report.get("published_on"), ADD_UP_TEXT[summary["tables_add_up"]], summary["errors"], summary["warnings"],
            summary["infos"], summary["unread_cells"], summary["unreadable_tables"], len(result.get("warnings") or []),
            None]


def finding_rows(document_id, result, problem):
    head = document_head(document_id, result)[:3]
    if problem is not None:
        yield head + [FINDING_KINDS["problem"], None, problem_text(problem).split(":", 1)[0], None,
                      problem.get("detail"), None, None, None]
        return
    for check in result.get("checks") or []:
        if check["status"] != "fail":
            continue
        message = check.get("message") or {}
        excerpts = "\n".join(f"{excerpt['line']}: {excerpt['text']}" for excerpt in check.get("excerpts") or [])
        yield head + [FINDING_KINDS["check"], check["severity"], check["rule"], message.get("zh"), message.get("en"),
                      "\n".join(check.get("paths") or []) or None,
                      ", ".join(str(line) for line in check.get("lines") or []) or None, excerpts or None]
    for warning in result.get("warnings") or []:
        cell = ".".join(part for part in (warning.get("table"), warning.get("row"), warning.get("column")) if part)
        yield head + [FINDING_KINDS["warning"], None, warning["code"], None, warning["message"],
                      cell or warning.get("section"), warning.get("line"), None]


def table_columns(table: str, templates: set) -> list:
    """The (row, column) cells of a table in the documents' templates (every template's when a
    document has none), in the contract's order."""
    if not templates <= set(TEMPLATES):
        templates = {None}
    cells = []
    for row in FIELDS["tables"][table]["rows"]:
        columns = [column for template in sorted(templates, key=str) for column in row_columns(table, row, template)]
        cells += [(row, column) for column in dict.fromkeys(columns)]
    return cells


def write_table_sheet(sheet, table, parsed):
    templates = {(result.get("report") or {}).get("template") for _, result in parsed}
    cells = table_columns(table, templates)
    template = next(iter(templates)) if len(templates) == 1 else None
    first = len(DOCUMENT_COLUMNS)
    for column, (_, heading) in enumerate(DOCUMENT_COLUMNS):
        sheet.sheet.merge_range(0, column, 1, column, heading, sheet.formats["header"])
    column = first
    for row in FIELDS["tables"][table]["rows"]:
        width = sum(1 for cell in cells if cell[0] == row)
        if width == 1:
            sheet.sheet.write_string(0, column, row_label(table, row, template), sheet.formats["header"])
        elif width > 1:
            sheet.sheet.merge_range(0, column, 0, column + width - 1, row_label(table, row, template),
                                    sheet.formats["header"])
        column += width
    sheet.row = 1
    sheet.write_row([None] * first + [column_label(table, c, template) for _, c in cells], header=True)
    sheet.write_row([key for key, _ in DOCUMENT_COLUMNS] + [f"{r}.{c}" for r, c in cells], header=True)
    amounts = {first + i for i, (_, c) in enumerate(cells) if c in AMOUNT_COLUMNS}
    for document_id, result in parsed:
        rows = ((result.get("tables") or {}).get(table) or {}).get("rows") or {}
        values = [rows.get(row, {}).get(column) for row, column in cells]
        sheet.write_row(document_head(document_id, result) + values, amount_columns=amounts)
    sheet.finish(3, first, [18, 22, 6, 8] + [12] * len(cells))


def workbook_bytes(documents) -> bytes:
    """The workbook of (document_id, result, problem) triples (one of result, problem is None)."""
    documents = list(documents)
    parsed = [(document_id, result) for document_id, result, problem in documents if problem is None]
    output = io.BytesIO()
    book = xlsxwriter.Workbook(output, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_numbers": False, "strings_to_urls": False})
    formats = {"header": book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#EEF2F7",
                                          "border": 1}),
               "amount": book.add_format({"num_format": AMOUNT_FORMAT})}

    summary = Sheet(book, SUMMARY_SHEET, formats)
    summary.write_row([heading for _, heading in SUMMARY_COLUMNS], header=True)
    summary.write_row([key for key, _ in SUMMARY_COLUMNS], header=True)
    for document in documents:
        summary.write_row(summary_row(*document))
    summary.finish(2, 1, [18, 36, 22, 6, 8, 11, 10, 6, 6, 6, 8, 8, 8, 40])

    for table in TABLE_KEYS:
        write_table_sheet(Sheet(book, table_sheet_name(table), formats), table, parsed)

    cells = Sheet(book, CELLS_SHEET, formats)
    cells.write_row(CELL_COLUMNS, header=True)
    value_column = CELL_COLUMNS.index("value")
    for document_id, result, problem in documents:
        if problem is not None:
            cells.write_row([document_id] + [None] * (len(CELL_COLUMNS) - 2) + [problem_text(problem)])
            continue
        for row in document_cells(document_id, result):
            amount = {value_column} if row.get("column") in AMOUNT_COLUMNS else ()
            cells.write_row([row.get(key) for key in CELL_COLUMNS], amount_columns=amount)
    cells.finish(1, 1, [18, 22, 6, 8, 18, 24, 16, 10, 36, 20, 40])

    findings = Sheet(book, FINDINGS_SHEET, formats)
    findings.write_row([heading for _, heading in FINDINGS_COLUMNS], header=True)
    findings.write_row([key for key, _ in FINDINGS_COLUMNS], header=True)
    for document in documents:
        for row in finding_rows(*document):
            findings.write_row(row)
    findings.finish(2, 1, [18, 22, 6, 10, 8, 26, 50, 50, 50, 10, 60])

    book.close()
    return output.getvalue()
