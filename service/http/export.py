"""POST /export: parse results already in hand (a /parse/batch answer) as CSV or an Excel workbook.

The console (GET /) parses reports in several /parse/batch requests and keeps the answers in the
page; this turns them into one download without parsing or sending the reports again. Nothing
is parsed here: each result is validated against the result schema, then written.
"""

from flask import current_app, request
from flask_smorest import Blueprint
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from service.http.body import decode_json, json_document, read_body
from service.http.csv_answer import CSV_SCHEMA, csv_response
from service.http.negotiation import negotiate
from service.http.problems import ProblemError, ProblemType, documented_problems
from service.http.schemas import BatchItemSchema
from service.http.xlsx_answer import XLSX_SCHEMA, xlsx_response
from service.tabular import MEDIA_TYPE as TEXT_CSV
from service.workbook import MEDIA_TYPE as XLSX

APPLICATION_JSON = "application/json"
ANSWER_TYPES = (XLSX, TEXT_CSV)
DESCRIPTION = "The results as an Excel workbook (the default) or in long form (CSV)"

blp = Blueprint("export", __name__, description="Write parse results as a spreadsheet")


class ExportItemSchema(BatchItemSchema):
    @validates_schema
    def result_or_problem(self, data, **kwargs):
        if ("result" in data) == ("problem" in data):
            raise ValidationError("Give either a result or a problem.", "result")


class ExportRequestSchema(Schema):
    documents = fields.List(fields.Nested(ExportItemSchema), required=True, validate=validate.Length(min=1),
                            metadata={"description": "The `documents` of POST /parse/batch answers (items with a "
                                                     "`result` or a `problem`), in the order wanted"})


REQUEST_SCHEMA = ExportRequestSchema()
REQUEST_BODY = {
    "required": True,
    "description": "A /parse/batch answer (its `summary` may be left out), at most MAX_BATCH_BYTES.",
    "content": {APPLICATION_JSON: {"schema": ExportRequestSchema}},
}


@blp.route("/export", methods=["POST"])
@blp.doc(requestBody=REQUEST_BODY)
@documented_problems(blp, "JsonOnlyMediaTypeProblem")
@blp.alt_response(200, schema=XLSX_SCHEMA, content_type=XLSX, success=True, description=DESCRIPTION)
@blp.alt_response(200, schema=CSV_SCHEMA, content_type=TEXT_CSV, success=True, description=DESCRIPTION)
def export():
    """Write parse results as a workbook or CSV

    Takes the JSON answer of one or more POST /parse/batch requests (`{"documents": [...]}`) and
    answers with the Excel workbook (`Accept` xlsx, the default) or the long-form CSV (`Accept:
    text/csv`) that /parse/batch would have given for the same documents. Results are validated,
    not parsed again.
    """
    answer_type = negotiate(ANSWER_TYPES)
    if request.mimetype != APPLICATION_JSON:
        raise ProblemError(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the results as application/json "
                                                               '{"documents": [...]} (a /parse/batch answer).')
    raw = read_body(current_app.config["MAX_BATCH_BYTES"], "MAX_BATCH_BYTES")
    if not raw:
        raise ProblemError(ProblemType.EMPTY_BODY, "The request body is empty; send the results.")
    body = json_document(decode_json(raw))
    if isinstance(body, dict):
        body.pop("summary", None)
    items = REQUEST_SCHEMA.load(body)["documents"]
    documents = [(item.get("id"), item.get("result"), item.get("problem")) for item in items]
    if answer_type == TEXT_CSV:
        return csv_response(documents)
    return xlsx_response(documents)
