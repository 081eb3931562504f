"""POST /parse: read the body into report text, parse it, dump the result through the schema."""

from flask import current_app
from flask_smorest import Blueprint

from service.documents import APPLICATION_JSON
from service.formats import DOCX, PDF, TEXT_HTML
from service.formats.text import SUPPORTED_CHARSETS
from service.http.body import UPLOAD_FIELD, slots, submission_from_request
from service.http.csv_answer import csv_alternative, csv_response
from service.http.negotiation import negotiate
from service.http.result_json import result_json
from service.http.result_validation import validated_result_json
from service.http.problems import documented_problems
from service.http.spec_examples import ref
from service.http.schemas import CHECKS_QUERY, ParseRequestSchema, ParseResultSchema
from service.http.xlsx_answer import xlsx_alternative, xlsx_response
from service.tabular import MEDIA_TYPE as TEXT_CSV
from service.workbook import MEDIA_TYPE as XLSX

ANSWER_TYPES = (APPLICATION_JSON, TEXT_CSV, XLSX)
RESULT_SCHEMA = ParseResultSchema()

ANSWER_DESCRIPTION = ("The parse result (JSON), its table cells in long form (CSV), or an Excel workbook of it "
                      "(xlsx)")

blp = Blueprint("parse", __name__, description="Parse a report")

CHARSETS = ", ".join(SUPPORTED_CHARSETS)
REQUEST_BODY = {
    "required": True,
    "description": "The report: plain text, an HTML page, a Word document, JSON, or a file upload. Size limits: "
                   "MAX_CONTENT_LENGTH for text/plain and JSON bodies, MAX_UPLOAD_BYTES for text/html, .docx and PDF "
                   "bodies and uploads, MAX_CHARS for the text read from any of them (over a limit: 413).",
    "content": {
        "text/plain": {
            "schema": {
                "type": "string",
                "minLength": 1,
                "description": f"The raw report text. Decoded with the charset parameter ({CHARSETS}); without "
                               "one, a BOM (UTF-8, UTF-16), else UTF-8, else GB18030 (GBK) or Big5, detected. "
                               "A leading BOM is dropped; bytes that do not decode are refused, never replaced.",
            },
            "examples": {"report": ref("ReportText")},
        },
        TEXT_HTML: {
            "schema": {
                "type": "string",
                "minLength": 1,
                "description": "A web page holding the report: the article body is read, tables cell by cell. "
                               "Decoded with the charset parameter, else the page's <meta charset>, else detected.",
            },
        },
        DOCX: {
            "schema": {"type": "string", "format": "binary", "minLength": 1,
                       "description": "A Word document (.docx): paragraphs and tables are read."},
        },
        PDF: {
            "schema": {"type": "string", "format": "binary", "minLength": 1,
                       "description": "A PDF file with a text layer: lines and tables are rebuilt from the positions "
                                      "of its characters and its ruling lines (MAX_PDF_PAGES pages at most). A scan, "
                                      "an encrypted file or one too costly to read is a 422 problem."},
        },
        "application/json": {"schema": ParseRequestSchema, "examples": {"report": ref("ReportJson")}},
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": [UPLOAD_FIELD],
                "properties": {
                    UPLOAD_FIELD: {
                        "type": "string", "format": "binary", "minLength": 1,
                        "description": "The report file (text, HTML, .docx or PDF). Its media type is the part's "
                                       "Content-Type (with its charset); sniffed from the bytes when missing or "
                                       "application/octet-stream.",
                    },
                },
            },
            "encoding": {UPLOAD_FIELD: {"contentType": f"text/plain, {TEXT_HTML}, {DOCX}, {PDF}, application/octet-stream"}},
        },
    },
}


@blp.route("/parse", methods=["POST"])
@blp.doc(requestBody=REQUEST_BODY)
@blp.arguments(CHECKS_QUERY, location="query", as_kwargs=True)
@documented_problems(blp, unprocessable="UnprocessableDocumentProblem", unavailable=True)
@blp.response(200, ParseResultSchema, description=ANSWER_DESCRIPTION, examples={"report": ref("ParseResult")})
@csv_alternative(blp, ANSWER_DESCRIPTION)
@xlsx_alternative(blp, ANSWER_DESCRIPTION)
def parse(only_failures):
    """Parse one annual report

    Returns how the report arrived (`input`), its metadata, its numbered sections, its three
    statistical tables and the consistency checks evaluated on them. With `Accept: text/csv`, the
    table cells in long form (one row per cell; `document_id` is the uploaded file's name); with
    `Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`, an Excel workbook.
    """
    answer_type = negotiate(ANSWER_TYPES)
    submission = submission_from_request()
    if answer_type == APPLICATION_JSON:     # the bytes are made in the parsing slot
        body = slots().parse(submission, only_failures, answer=json_answer())
        return current_app.response_class(body, mimetype=APPLICATION_JSON)
    result = slots().parse(submission, only_failures)
    if answer_type == TEXT_CSV:
        return csv_response([(submission.filename or "", result, None)])
    return xlsx_response([(submission.filename or "", dumped(result), None)])


def json_answer():
    """What the slot turns a result into: its JSON bytes, validated against the schema as well
    when VALIDATE_RESPONSES is on (service/http/result_validation.py)."""
    return validated_result_json if current_app.config["VALIDATE_RESPONSES"] else result_json


def dumped(result):
    """The result as the JSON answer carries it (numbers as numbers, dates as text)."""
    return RESULT_SCHEMA.dump(result)
