"""Marshmallow schemas of every request and response body; they are also the OpenAPI components.

The request path only *dumps* results through ParseResultSchema (cheap). Loading a result
through it validates every field; the tests do that, and POST /compare does it for a side sent
as an earlier /parse response.
"""

import math

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from service.checks.registry import RULE_IDS, RULES, SEVERITIES, STATUSES
from service.config import DEFAULTS
from service.http.contract import SECTION_KINDS, TABLE_NAMES, TEMPLATES
from service.http.table_schemas import TABLE_SCHEMAS
from service.parsing.codes import WARNING_MEANINGS, WarningCode


def text(description, **kwargs):
    return fields.String(metadata={"description": description}, **kwargs)


def integer(description, **kwargs):
    return fields.Integer(strict=True, metadata={"description": description}, **kwargs)


def nullable_text(description, **kwargs):
    return text(description, required=True, allow_none=True, **kwargs)


class JsonNumber(fields.Number):
    """A JSON number kept as it is: an int stays an int, a float a float (fields.Float would dump
    21 as 21.0). Loading refuses booleans, strings and non-finite values."""

    num_type = float

    def _format_num(self, value):
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
            return value
        raise ValueError(value)

    def _serialize(self, value, attr, obj, **kwargs):
        return value


def number(description, **kwargs):
    return JsonNumber(metadata={"description": description}, **kwargs)


# --- request ---------------------------------------------------------------------------------

class ParseRequestSchema(Schema):
    text = text("The full text of the report", required=True, validate=validate.Length(min=1))


# --- result ----------------------------------------------------------------------------------

class ParserInfoSchema(Schema):
    name = text("Name of the parser", required=True)
    version = text("Version of the parser (semver)", required=True)


INPUT_MEDIA_TYPES = ("text/plain", "text/html",
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/pdf",
                     "application/json")


class InputSchema(Schema):
    media_type = text("What the report was read as: the body's (or the uploaded part's) media type, sniffed "
                      "from the bytes for an upload sent without one or as application/octet-stream",
                      required=True, validate=validate.OneOf(INPUT_MEDIA_TYPES))
    encoding = nullable_text("The character encoding the text was decoded with (the declared charset, else the "
                             "one detected, e.g. `utf-8`, `utf-16-le`, `gb18030`); null for .docx and PDF")
    filename = nullable_text("The file name of a multipart/form-data upload as sent; null otherwise")
    pages = integer("A PDF's page count; absent for other inputs", validate=validate.Range(min=1))


class ContactsSchema(Schema):
    address = nullable_text("Postal address of the disclosure office")
    postcode = nullable_text("Postcode")
    phone = nullable_text("Telephone number")
    fax = nullable_text("Fax number")
    email = nullable_text("E-mail address")


class ReportMetadataSchema(Schema):
    title = nullable_text("The title line(s) as written, white space collapsed")
    organization = nullable_text("The reporting body as named in the title")
    year = integer("The year the report covers (not the year of publication)", required=True, allow_none=True,
                   validate=validate.Range(min=1000, max=9999))
    template = nullable_text("National table format the report's tables follow",
                             validate=validate.OneOf(TEMPLATES))
    published_on = nullable_text("Publication date (YYYY-MM-DD)",
                                 validate=validate.Regexp(r"^\d{4}-\d{2}-\d{2}$"))


class ReportSchema(ReportMetadataSchema):
    contacts = fields.Nested(ContactsSchema, required=True)


class SubheadingSchema(Schema):
    number = text("Sub-heading number as written, e.g. （一）", required=True)
    title = text("Sub-heading title", required=True)
    line = integer("Input line of the sub-heading (1-based)", required=True)


class SectionSchema(Schema):
    number = text("Section number as written, e.g. 一", required=True)
    title = text("Section title", required=True)
    kind = nullable_text("Kind of section (fields.json section_kinds); null when it fits none",
                         validate=validate.OneOf(SECTION_KINDS))
    line = integer("First input line of the section (1-based)", required=True)
    end_line = integer("Last input line of the section (inclusive)", required=True)
    inferred = fields.Boolean(required=True, metadata={
        "description": "True when the heading is missing in the text and the section was inferred"})
    text = text("The section's full text", required=True)
    subheadings = fields.List(fields.Nested(SubheadingSchema), required=True)


class TablesSchema(Schema):
    active_disclosure = fields.Nested(TABLE_SCHEMAS["active_disclosure"], required=True, allow_none=True,
                                      metadata={"description": "主动公开政府信息情况; null when absent"})
    applications = fields.Nested(TABLE_SCHEMAS["applications"], required=True, allow_none=True,
                                 metadata={"description": "收到和处理政府信息公开申请情况; null when absent"})
    reviews_and_lawsuits = fields.Nested(TABLE_SCHEMAS["reviews_and_lawsuits"], required=True, allow_none=True,
                                         metadata={"description": "政府信息公开行政复议、行政诉讼情况; null when absent"})


class WarningSchema(Schema):
    code = text("Stable warning code:\n" + "\n".join(f"- `{c.value}`: {m}" for c, m in WARNING_MEANINGS.items()),
                required=True, validate=validate.OneOf([c.value for c in WarningCode]))
    message = text("Human-readable explanation", required=True)
    table = nullable_text("Table concerned", validate=validate.OneOf(TABLE_NAMES))
    row = nullable_text("Row key concerned")
    column = nullable_text("Column key concerned")
    section = nullable_text("Section concerned")
    line = integer("Input line concerned (1-based)", required=True, allow_none=True)
    page = integer("For a PDF: the page of `line` (1-based); absent for other inputs", allow_none=True,
                   validate=validate.Range(min=1))


def bullet_list(items):
    return "\n".join(f"- `{key}`: {meaning}" for key, meaning in items)


RULE_DESCRIPTION = "Stable rule id (severity of its failures: what it checks):\n" + bullet_list(
    (rule, f"({severity}) {en} / {zh}") for rule, (severity, en, zh) in RULES.items())
STATUS_MEANINGS = {
    "pass": "the rule holds",
    "fail": "the rule does not hold; `severity` says how bad",
    "not_assessable": "a participating cell is blank or missing, so the rule could not be evaluated",
}
SEVERITY_MEANINGS = {
    "error": "arithmetic the report itself states must hold (the tables' own identities) is broken",
    "warning": "a likely problem",
    "info": "something worth a look",
}


class CheckMessageSchema(Schema):
    zh = text("What was found, in Chinese", required=True)
    en = text("What was found, in English", required=True)


class CheckExcerptSchema(Schema):
    text = text("The narrative quoted (the sentence stating the figure)", required=True)
    line = integer("Input line of the excerpt (1-based)", required=True, validate=validate.Range(min=1))
    page = integer("For a PDF: the page of the excerpt (1-based); absent for other inputs",
                   validate=validate.Range(min=1))


class CheckSchema(Schema):
    rule = text(RULE_DESCRIPTION, required=True, validate=validate.OneOf(RULE_IDS))
    status = text("Outcome:\n" + bullet_list(STATUS_MEANINGS.items()), required=True,
                  validate=validate.OneOf(STATUSES))
    severity = nullable_text("The rule's severity when `status` is `fail`, else null:\n"
                             + bullet_list(SEVERITY_MEANINGS.items()), validate=validate.OneOf(SEVERITIES))
    message = fields.Nested(CheckMessageSchema, required=True,
                            metadata={"description": "What was found, with the figures, in Chinese and English"})
    # paths, values and lines are passed through as the checks library builds them (a result
    # holds some 250 paths; dumping each through a field doubled the cost of a response). Their
    # item types are declared for the spec; loading the result validates them below.
    paths = fields.Raw(required=True, metadata={
        "type": "array", "items": {"type": "string"},
        "description": "Canonical paths of the cells involved, e.g. `tables.applications.rows.new_received.total`; "
                       "on /compare prefixed with `previous.` or `current.`"})
    values = fields.Raw(required=True, metadata={
        "type": "object", "additionalProperties": {"type": ["number", "null"]},
        "description": "The value of each path in `paths` as reported (null when blank or missing); never repaired"})
    expected = number("The value the rule expects (e.g. the sum of the parts); null when not applicable",
                      required=True, allow_none=True)
    actual = number("The value the report gives (e.g. its stated total); null when not applicable",
                    required=True, allow_none=True)
    lines = fields.Raw(required=True, metadata={
        "type": "array", "items": {"type": "integer", "minimum": 1},
        "description": "Input lines involved (1-based, sorted, unique); empty when unknown"})
    excerpts = fields.List(fields.Nested(CheckExcerptSchema), required=True, metadata={
        "description": "For checks that compare the prose with the tables: the narrative clause, then the "
                       "table line(s) it is compared with, each with its input line"})

    @validates_schema
    def raw_fields_have_their_types(self, data, **kwargs):
        paths, values, lines = data.get("paths"), data.get("values"), data.get("lines")
        if not (isinstance(paths, list) and all(isinstance(path, str) for path in paths)):
            raise ValidationError("A list of strings.", field_name="paths")
        if not (isinstance(values, dict) and all(isinstance(key, str) for key in values) and all(
                value is None or (isinstance(value, (int, float)) and not isinstance(value, bool))
                for value in values.values())):
            raise ValidationError("An object of numbers or nulls.", field_name="values")
        if not (isinstance(lines, list) and all(isinstance(line, int) and not isinstance(line, bool) and line >= 1
                                                for line in lines)):
            raise ValidationError("A list of line numbers (1-based).", field_name="lines")

    @validates_schema
    def severity_only_on_failures(self, data, **kwargs):
        severity, status = data.get("severity"), data.get("status")
        if status == "fail" and severity != RULES.get(data.get("rule"), (severity,))[0]:
            raise ValidationError("A failure carries its rule's severity.", field_name="severity")
        if status != "fail" and severity is not None:
            raise ValidationError("Only a failure has a severity.", field_name="severity")


class NarrativeFigureSchema(Schema):
    quantity = text("The quantity the narrative states (as in `prose.table_figure`): `reviews` (行政复议 N件, the "
                    "review row's total) or `lawsuits` (行政诉讼 N件, the two lawsuit rows' totals together)",
                    required=True)
    figure = fields.Integer(required=True, metadata={"description": "The figure the narrative states"})
    line = integer("Input line of the figure (1-based)", required=True, allow_none=True)


class ProvenanceSchema(Schema):
    method = text("How the cell was recovered: `digit_split`, the digits of adjacent cells ran together in the "
                  "text and this is the only split of them (no leading zeros, decimals kept) that the table's "
                  "identities accept; `table_order`, the table's values were printed without their row labels "
                  "in another order than row by row (plain `pdftotext`: bands of rows column by column, the "
                  "first column down the table) and every order that makes all the table's identities hold "
                  "gives the cell this value; `printed_layout`, a block of table 2 (which has no identity) whose "
                  "labels and values did not pair one to one, read from the order the converter printed it in: "
                  "every order the printed layout allows (values printed together are neighbouring cells, a "
                  "value beside its label is that row's first column) gives the cell this value; `segment_order`, "
                  "the table was printed in pieces (each row's first values beside its label, the other values of "
                  "the rows elsewhere, in row order) and every way of cutting the pieces that makes all the table's "
                  "identities hold (and agrees with the rows read with their labels) gives the cell this value",
                  required=True,
                  validate=validate.OneOf(["digit_split", "table_order", "printed_layout", "segment_order"]))
    printed = text("The text as printed, e.g. `640020470` for 64 | 0 | 0 | 2 | 0 | 4 | 70 (white space the text "
                   "kept between values shown as one space)", required=True)
    line = integer("Input line of the printed text (1-based)", required=True, allow_none=True)
    readings = integer("How many readings of the printed text agree with the identities; the cell has the same "
                       "value in all of them (1 for most recovered cells)", required=True)
    identities = fields.List(fields.String(validate=validate.OneOf(RULE_IDS)), required=True, metadata={
        "description": "The rules (ids of `checks`) whose identities decided the reading; empty when the digits "
                       "allow one split only. The checks of these rules do not count the cell as evidence: those "
                       "instances are `not_assessable` and say so."})
    narrative = fields.List(fields.Nested(NarrativeFigureSchema), metadata={
        "description": "Present when figures the report's narrative states chose among readings the identities "
                       "could not tell apart (the review table, whose row totals hold whichever row a row's "
                       "values are read into): every figure listed held in every reading kept. The prose check "
                       "does not count the cell as evidence for these figures (`not_assessable`, says so)."})


def checks_field(description):
    return fields.List(fields.Nested(CheckSchema), required=True, metadata={"description": description})


class ParseResultSchema(Schema):
    schema_version = text("Version (MAJOR.MINOR) of this response shape", required=True)
    parser = fields.Nested(ParserInfoSchema, required=True)
    input = fields.Nested(InputSchema, required=True, metadata={
        "description": "How the report arrived: media type, character encoding, file name"})
    report = fields.Nested(ReportSchema, required=True)
    sections = fields.List(fields.Nested(SectionSchema), required=True,
                           metadata={"description": "Top-level numbered sections (一、二、…) in order"})
    tables = fields.Nested(TablesSchema, required=True)
    provenance = fields.Dict(
        keys=fields.String(), values=fields.Nested(ProvenanceSchema), load_default=dict, metadata={
            "description": "Where a number came from, for every cell that was not read as printed: keyed by the "
                           "cell's path (`tables.applications.rows.new_received.total`). A cell that is not listed "
                           "was read as printed. Recovered cells come from text in which the cells of a row ran "
                           "together; a cell is recovered only when every reading of the printed digits that "
                           "agrees with the table's identities gives it the same value (else it is null and a "
                           "`ambiguous_reading` warning lists the candidates)."})
    warnings = fields.List(fields.Nested(WarningSchema), required=True)
    checks = checks_field("Consistency rules evaluated on this report (only the failures with "
                          "`only_failures=true`). A check never changes a cell.")


# --- query -----------------------------------------------------------------------------------

class ChecksQuerySchema(Schema):
    only_failures = fields.Boolean(load_default=False, metadata={
        "description": "true: `checks` keeps only the checks whose status is `fail`"})


# One instance for every request: given the class, webargs builds a schema per request (about a
# tenth of a millisecond of POST /parse's serving thread).
CHECKS_QUERY = ChecksQuerySchema()


# --- compare ---------------------------------------------------------------------------------

RESULT_KEYS = frozenset(ParseResultSchema().fields)
SIDE_FORMS = 'Expected {"text": "..."} or an earlier /parse response.'


class ReportInput(fields.Field):
    """One side of POST /compare: {"text": "..."} or an earlier /parse response.

    Loads to {"text": str} or {"result": the loaded parse result}. An object with a `text` key is
    taken for the first form, one with any key of a parse result for the second; the errors are
    those of that form's schema, so their pointers lead into the side (/previous/tables/...).
    """

    text_schema = ParseRequestSchema()
    # `input` (schema 1.2) is not needed to compare: results saved under schema 1.1 are accepted.
    result_schema = ParseResultSchema(partial=("input",))

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, dict):
            raise ValidationError(SIDE_FORMS)
        if "text" in value:
            return {"text": self.text_schema.load(value)["text"]}
        if RESULT_KEYS.isdisjoint(value):
            raise ValidationError(SIDE_FORMS)
        return {"result": self.result_schema.load(value)}


def report_input2properties(self, field, **kwargs):
    """apispec attribute function: a ReportInput is one of the two request forms."""
    if isinstance(field, ReportInput):
        return {"oneOf": [self.resolve_nested_schema(ParseRequestSchema),
                          self.resolve_nested_schema(ParseResultSchema)]}
    return {}


class CompareRequestSchema(Schema):
    previous = ReportInput(required=True, metadata={
        "description": 'The earlier year\'s report: {"text": "..."} or its /parse response'})
    current = ReportInput(required=True, metadata={
        "description": 'The following year\'s report: {"text": "..."} or its /parse response'})


class CompareResultSchema(Schema):
    previous = fields.Nested(ReportMetadataSchema, required=True,
                             metadata={"description": "Metadata of the previous report"})
    current = fields.Nested(ReportMetadataSchema, required=True,
                            metadata={"description": "Metadata of the current report"})
    checks = checks_field("Continuity rules evaluated on the pair (only the failures with `only_failures=true`); "
                          "paths start with `previous.` or `current.`")


# --- meta ------------------------------------------------------------------------------------

class HealthSchema(Schema):
    status = text("Always ok when the process answers", required=True, validate=validate.OneOf(["ok"]))


class VersionSchema(Schema):
    name = text("Service name", required=True)
    version = text("Service and parser version (semver)", required=True)
    schema_version = text("Version (MAJOR.MINOR) of the /parse response shape", required=True)
    templates = fields.List(fields.String(), required=True,
                            metadata={"description": "National report templates the parser knows"})


# --- errors ----------------------------------------------------------------------------------

class ProblemFieldErrorSchema(Schema):
    pointer = text("JSON pointer (RFC 6901) into the request body (absent when `parameter` is given)")
    parameter = text("Name of the query parameter concerned (absent when `pointer` is given)")
    detail = text("What is wrong there", required=True)


class ProblemSchema(Schema):
    type = fields.String(required=True, metadata={"description": "Stable problem type URI", "format": "uri"})
    title = text("Short summary of the problem type", required=True)
    status = integer("HTTP status code", required=True)
    detail = text("Explanation of this occurrence (never quotes the submitted text)", required=True)
    instance = text("Path of the request", required=True)
    errors = fields.List(fields.Nested(ProblemFieldErrorSchema), metadata={
        "description": "Where the request is wrong: validation-error, and not-a-report on /compare "
                       "(the side that is not a report)"})


# --- batch -----------------------------------------------------------------------------------

MAX_ID_LENGTH = 1000


class BatchDocumentSchema(Schema):
    id = text("Your name for the document, given back with its answer (ids are not checked for uniqueness: "
              "`index` is the position)", required=True, validate=validate.Length(min=1, max=MAX_ID_LENGTH))
    text = text("The full text of the report", required=True, validate=validate.Length(min=1))


class BatchRequestSchema(Schema):
    # Each document is checked on its own: one that is not a BatchDocument (a field missing or
    # unknown, an empty text, not an object) gets its own validation-error problem inside the
    # 200 answer, and the others are parsed. The spec says so: any item is accepted.
    documents = fields.List(
        fields.Raw(allow_none=True, metadata={"anyOf": [{"$ref": "#/components/schemas/BatchDocument"}, {}],
                             "description": "A BatchDocument; anything else is answered with that document's "
                                            "own validation-error problem."}),
        required=True, validate=validate.Length(min=1),
        metadata={"maxItems": DEFAULTS["MAX_BATCH_DOCUMENTS"],
                  "description": "The reports, at most MAX_BATCH_DOCUMENTS (default 32; more: 413). A document "
                                 "that is wrong gets its own problem in the answer; it does not fail the batch."})


class BatchEnvelopeSchema(Schema):
    """What is checked of the whole body before each document is read on its own."""

    documents = fields.List(fields.Raw(allow_none=True), required=True, validate=validate.Length(min=1))


class BatchItemSchema(Schema):
    index = integer("Position of the document in the request (0-based)", required=True)
    id = nullable_text("The document's id (for an upload, its file name); null when the request gave none")
    status = integer("200 when the document was parsed; otherwise its problem's status", required=True)
    result = fields.Nested(ParseResultSchema, metadata={
        "description": "The parse result, exactly as POST /parse gives it (present when status is 200)"})
    problem = fields.Nested(ProblemSchema, metadata={
        "description": "Why this document was not parsed, as POST /parse would answer (present otherwise)"})


class BatchSummarySchema(Schema):
    documents = integer("Documents in the request", required=True)
    parsed = integer("Documents parsed (status 200)", required=True)
    failed = integer("Documents answered with a problem", required=True)


class BatchResultSchema(Schema):
    documents = fields.List(fields.Nested(BatchItemSchema), required=True,
                            metadata={"description": "One answer per document, in the order of the request"})
    summary = fields.Nested(BatchSummarySchema, required=True)
