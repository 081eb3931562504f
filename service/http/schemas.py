"""Marshmallow schemas of every request and response body; they are also the OpenAPI components.

The request path only *dumps* results through ParseResultSchema (cheap). Loading a result
through it validates every field; the tests do that, the request path does not.
"""

from marshmallow import Schema, fields, validate

from service.http.contract import SECTION_KINDS, TABLE_NAMES, TEMPLATES
from service.http.table_schemas import TABLE_SCHEMAS
from service.parsing.codes import WARNING_MEANINGS, WarningCode


def text(description, **kwargs):
    return fields.String(metadata={"description": description}, **kwargs)


def integer(description, **kwargs):
    return fields.Integer(strict=True, metadata={"description": description}, **kwargs)


def nullable_text(description, **kwargs):
    return text(description, required=True, allow_none=True, **kwargs)


# --- request ---------------------------------------------------------------------------------

class ParseRequestSchema(Schema):
    text = text("The full text of the report", required=True, validate=validate.Length(min=1))


# --- result ----------------------------------------------------------------------------------

class ParserInfoSchema(Schema):
    name = text("Name of the parser", required=True)
    version = text("Version of the parser (semver)", required=True)


class ContactsSchema(Schema):
    address = nullable_text("Postal address of the disclosure office")
    postcode = nullable_text("Postcode")
    phone = nullable_text("Telephone number")
    fax = nullable_text("Fax number")
    email = nullable_text("E-mail address")


class ReportSchema(Schema):
    title = nullable_text("The title line(s) as written, white space collapsed")
    organization = nullable_text("The reporting body as named in the title")
    year = integer("The year the report covers (not the year of publication)", required=True, allow_none=True)
    template = nullable_text("National table format the report's tables follow",
                             validate=validate.OneOf(TEMPLATES))
    published_on = nullable_text("Publication date (YYYY-MM-DD)",
                                 validate=validate.Regexp(r"^\d{4}-\d{2}-\d{2}$"))
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


class ParseResultSchema(Schema):
    schema_version = text("Version (MAJOR.MINOR) of this response shape", required=True)
    parser = fields.Nested(ParserInfoSchema, required=True)
    report = fields.Nested(ReportSchema, required=True)
    sections = fields.List(fields.Nested(SectionSchema), required=True,
                           metadata={"description": "Top-level numbered sections (一、二、…) in order"})
    tables = fields.Nested(TablesSchema, required=True)
    warnings = fields.List(fields.Nested(WarningSchema), required=True)


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
    pointer = text("JSON pointer (RFC 6901) into the request body", required=True)
    detail = text("What is wrong there", required=True)


class ProblemSchema(Schema):
    type = fields.String(required=True, metadata={"description": "Stable problem type URI", "format": "uri"})
    title = text("Short summary of the problem type", required=True)
    status = integer("HTTP status code", required=True)
    detail = text("Explanation of this occurrence (never quotes the submitted text)", required=True)
    instance = text("Path of the request", required=True)
    errors = fields.List(fields.Nested(ProblemFieldErrorSchema),
                         metadata={"description": "Validation errors (validation-error only)"})
