"""POST /parse/batch: many reports in one request, each answered on its own.

The body is JSON {"documents": [{"id": "...", "text": "..."}, ...]} or multipart/form-data with
one `file` part per document (its file name is its id). What is wrong with the request as a whole
(not JSON, too large, too many documents, no document) is an HTTP problem; what is wrong with one
document (no text, too long, unreadable, not a report) is that document's `problem`, and the
others are parsed all the same. Answers keep the order of the request.
"""

from dataclasses import dataclass

from flask import current_app, request
from flask_smorest import Blueprint
from marshmallow import ValidationError

from service.config import DEFAULTS
from service.documents import APPLICATION_JSON, Submission, Upload, text_document
from service.formats import DOCX, PDF, TEXT_HTML
from service.http.body import (
    MULTIPART,
    slots,
    UPLOAD_FIELD,
    check_upload_size,
    decode_json,
    extracted,
    json_document,
    limits,
    no_file_part,
    part_bytes,
    read_body,
    read_file_parts,
    too_large,
)
from service.http.csv_answer import csv_alternative, csv_response
from service.http.negotiation import negotiate
from service.http.problems import (
    INTERNAL_ERROR_DETAIL,
    ProblemError,
    ProblemType,
    documented_problems,
    log_unexpected,
    pointers,
)
from service.http.schemas import (
    MAX_ID_LENGTH,
    BatchDocumentSchema,
    BatchEnvelopeSchema,
    BatchRequestSchema,
    BatchResultSchema,
    CHECKS_QUERY,
    ParseResultSchema,
)
from service.http.spec_examples import ref
from service.parsing_slots import Deadline
from service.problem_types import answer_item, problem_body
from service.http.xlsx_answer import xlsx_alternative, xlsx_response
from service.tabular import MEDIA_TYPE as TEXT_CSV
from service.workbook import MEDIA_TYPE as XLSX

ANSWER_DESCRIPTION = ("One answer per document in the order of the request (JSON), the cells of all in long "
                      "form (CSV), or an Excel workbook of all (xlsx)")
blp = Blueprint("batch", __name__, description="Parse many reports in one request")

ENVELOPE_SCHEMA = BatchEnvelopeSchema()
DOCUMENT_SCHEMA = BatchDocumentSchema()
ANSWER_TYPES = (APPLICATION_JSON, TEXT_CSV, XLSX)
RESULT_SCHEMA = ParseResultSchema()

REQUEST_BODY = {
    "required": True,
    "description": "The reports: JSON with each report's text, or a multipart upload with one `file` part per "
                   "report (text, HTML, .docx or PDF; the part's file name is the document's id). At most "
                   "MAX_BATCH_DOCUMENTS documents (default 32) and MAX_BATCH_BYTES for the whole body (default "
                   "16 MiB); each document also keeps the limits of POST /parse (MAX_CHARS, and MAX_UPLOAD_BYTES "
                   "for an uploaded file). Over a limit of the whole request: 413.",
    "content": {
        APPLICATION_JSON: {"schema": BatchRequestSchema, "examples": {"reports": ref("BatchRequest")}},
        MULTIPART: {
            "schema": {
                "type": "object",
                "required": [UPLOAD_FIELD],
                "properties": {
                    UPLOAD_FIELD: {
                        "type": "array",
                        "minItems": 1,
                        "maxItems": DEFAULTS["MAX_BATCH_DOCUMENTS"],
                        "items": {"type": "string", "format": "binary"},
                        "description": "One part per report; the media type is each part's Content-Type (sniffed "
                                       "when missing or application/octet-stream).",
                    },
                },
            },
            "encoding": {UPLOAD_FIELD: {"contentType": f"text/plain, {TEXT_HTML}, {DOCX}, {PDF}, application/octet-stream"}},
        },
    },
}


@dataclass
class Document:
    """One document of the request: read (submission) or already failed (problem)."""

    index: int
    id: str | None
    submission: Submission | Upload | None = None
    problem: dict | None = None


@blp.route("/parse/batch", methods=["POST"])
@blp.doc(requestBody=REQUEST_BODY)
@blp.arguments(CHECKS_QUERY, location="query", as_kwargs=True)
@documented_problems(blp, unprocessable="UnprocessableProblem")
@blp.response(200, BatchResultSchema, description=ANSWER_DESCRIPTION, examples={"reports": ref("BatchResult")})
@csv_alternative(blp, ANSWER_DESCRIPTION)
@xlsx_alternative(blp, ANSWER_DESCRIPTION)
def parse_batch(only_failures):
    """Parse many reports in one request

    Each document gets its own answer, in the order sent: `status` 200 and the `result` that
    POST /parse would give, or the `problem` that POST /parse would answer with. One bad document
    never fails the others. With `Accept: text/csv`, the cells of every document in long form;
    with `Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`, an Excel
    workbook (a summary sheet, one sheet per table in wide form, the long form, the findings).
    """
    answer_type = negotiate(ANSWER_TYPES)
    documents = documents_from_request()
    deadline = Deadline(current_app.config["BATCH_TIME_LIMIT"])
    answers = [answer(document, only_failures, deadline) for document in documents]
    if answer_type == TEXT_CSV:
        return csv_response((item["id"], item.get("result"), item.get("problem")) for item in answers)
    if answer_type == XLSX:
        return xlsx_response((item["id"], item.get("result") and RESULT_SCHEMA.dump(item["result"]),
                              item.get("problem")) for item in answers)
    parsed = sum(1 for item in answers if item["status"] == 200)
    return {"documents": answers,
            "summary": {"documents": len(answers), "parsed": parsed, "failed": len(answers) - parsed}}


def answer(document: Document, only_failures: bool, deadline: Deadline) -> dict:
    """A document's answer: parsed in a slot within what is left of the batch's time budget."""
    result, problem = None, document.problem
    if problem is None:
        try:
            if deadline.left() <= 0:
                raise deadline.problem()
            result = slots().parse(document.submission, only_failures, seconds=deadline.left())
        except ProblemError as error:
            problem = error.body(request.path)
        except Exception as error:  # noqa: BLE001 - one document's bug must not fail the batch
            log_unexpected(error, f" (document {document.index})")
            problem = item_problem(ProblemType.INTERNAL_ERROR, INTERNAL_ERROR_DETAIL)
    return answer_item(document.index, document.id, result, problem)


def documents_from_request() -> list:
    if request.mimetype == MULTIPART:
        return uploaded_documents()
    if request.mimetype != APPLICATION_JSON:
        raise ProblemError(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                           'Send the reports as application/json {"documents": [{"id": "...", "text": "..."}]} '
                           f'or as "{UPLOAD_FIELD}" parts of a multipart/form-data upload.')
    raw = read_body(*batch_limit())
    if not raw:
        raise ProblemError(ProblemType.EMPTY_BODY, "The request body is empty; send the documents.")
    items = ENVELOPE_SCHEMA.load(json_document(decode_json(raw)))["documents"]
    check_count(len(items))
    return [json_document_item(index, item) for index, item in enumerate(items)]


def json_document_item(index: int, item) -> Document:
    document = Document(index, item_id(item))
    try:
        loaded = DOCUMENT_SCHEMA.load(item)
        document.submission = text_document(loaded["text"], limits())
    except ValidationError as error:
        errors = [{"pointer": f"/documents/{index}{e['pointer']}", "detail": e["detail"]}
                  for e in pointers(error.messages)]
        document.problem = item_problem(ProblemType.VALIDATION_ERROR, f"Document {index} does not match the "
                                        "schema.", errors)
    except ProblemError as error:
        document.problem = error.body(request.path)
    return document


def item_id(item):
    """The id of a JSON document, when it has a usable one (even if its text is wrong)."""
    value = item.get("id") if isinstance(item, dict) else None
    return value if isinstance(value, str) and 0 < len(value) <= MAX_ID_LENGTH else None


def uploaded_documents() -> list:
    """The `file` parts of a multipart/form-data body, read into memory."""
    limit, setting = batch_limit()
    if request.content_length == 0:
        raise ProblemError(ProblemType.EMPTY_BODY, f'The request body is empty; send the documents as "{UPLOAD_FIELD}" '
                                                   "parts.")
    parts = read_file_parts(limit, f"{limit} bytes in all ({setting})")
    if not parts:
        raise no_file_part()
    check_count(len(parts))
    return [uploaded_document(index, part) for index, part in enumerate(parts)]


def uploaded_document(index: int, part) -> Document:
    name = part.filename or None
    document = Document(index, name if name and len(name) <= MAX_ID_LENGTH else None)
    data = part_bytes(part)
    try:
        check_upload_size(data)
        if not data:
            raise ProblemError(ProblemType.VALIDATION_ERROR, f"File part {index} is empty.",
                               errors=[{"pointer": f"/{UPLOAD_FIELD}/{index}", "detail": "The part is empty."}])
        document.submission = extracted(data, part.mimetype, part.mimetype_params.get("charset"), name)
    except ProblemError as error:
        document.problem = error.body(request.path)
    return document


def item_problem(problem_type, detail, errors=None) -> dict:
    return problem_body(problem_type, detail, instance=request.path, errors=errors)


def batch_limit() -> tuple:
    return current_app.config["MAX_BATCH_BYTES"], "MAX_BATCH_BYTES"


def check_count(count: int):
    limit = current_app.config["MAX_BATCH_DOCUMENTS"]
    if count > limit:
        raise too_large(f"The batch has {count} documents; the limit is {limit} (MAX_BATCH_DOCUMENTS). "
                        "Send them in several requests.")
