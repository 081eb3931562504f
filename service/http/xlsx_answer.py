"""The Excel answer of POST /parse and /parse/batch (Accept: application/vnd.openxmlformats-
officedocument.spreadsheetml.sheet): service.workbook's workbook."""

from flask import current_app

from service.workbook import FINDINGS_SHEET, SUMMARY_SHEET, CELLS_SHEET, MEDIA_TYPE, workbook_bytes

FILENAME = "gov-reports.xlsx"

# The .xlsx alternative of a 200 answer, for the spec.
XLSX_SCHEMA = {
    "type": "string",
    "format": "binary",
    "description": f"With `Accept: {MEDIA_TYPE}`: an Excel workbook. Sheets: `{SUMMARY_SHEET}` (one row per "
                   "document: metadata, whether its tables add up, findings by severity, unread cells, or why it "
                   "was not parsed); one sheet per table in wide form (one row per parsed document, one column "
                   "per cell, the form's row and column labels as header rows and the `row.column` key below "
                   f"them); `{CELLS_SHEET}` (the long form of the CSV); `{FINDINGS_SHEET}` (failed checks, "
                   "warnings, documents not parsed). Numbers are numbers, a null cell is empty.",
}


def xlsx_alternative(blp, description):
    """Document the .xlsx form of an endpoint's 200 answer (`description` is the answer's)."""
    return blp.alt_response(200, schema=XLSX_SCHEMA, content_type=MEDIA_TYPE, success=True, description=description)


def xlsx_response(documents):
    """documents: (document_id, result, problem) triples."""
    response = current_app.response_class(workbook_bytes(documents), status=200, content_type=MEDIA_TYPE)
    response.headers["Content-Disposition"] = f'attachment; filename="{FILENAME}"'
    return response
