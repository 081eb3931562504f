"""Marshmallow schemas of the three statistical tables, generated from fields.json.

Each table has a `<Table>Rows` schema naming every row and, per row, every column it can have
in either template (2019 and 2021). Cells are numbers or null: Integer for counts (at most
2**53 - 1 in magnitude), Float for amounts (万元). Rows and columns a result does not have are simply not dumped. Every generated
class has an explicit, unique name, which is its OpenAPI component name without "Schema".
"""

from marshmallow import Schema, fields, validate

from service.http.contract import FIELDS, TEMPLATES

AMOUNT_COLUMNS = {"amount"}
# Counts are I-JSON integers (RFC 7493): exact in every JSON implementation. Checked when a
# result is loaded (POST /compare), so that sums of cells stay within 64 bits.
MAX_SAFE_INTEGER = 2 ** 53 - 1


def camel(key):
    return "".join(part.capitalize() for part in key.split("_"))


def only_in(templates):
    """' (2019 template only)' when a row or column exists in some templates only."""
    if len(templates) == len(TEMPLATES):
        return ""
    return " (" + ", ".join(templates) + " template only)"


def cell_field(column, description):
    metadata = {"description": description}
    if column in AMOUNT_COLUMNS:
        return fields.Float(allow_none=True, metadata=metadata)
    return fields.Integer(strict=True, allow_none=True, metadata=metadata,
                          validate=validate.Range(min=-MAX_SAFE_INTEGER, max=MAX_SAFE_INTEGER))


def schema_class(name, declared):
    return Schema.from_dict(declared, name=name + "Schema")


def nested(schema, description, **kwargs):
    return fields.Nested(schema, metadata={"description": description}, **kwargs)


def table_schema(table, rows_schema):
    name = camel(table)
    return schema_class(name + "Table", {
        "line": fields.Integer(required=True, metadata={"description": "First input line of the table (1-based)"}),
        "end_line": fields.Integer(required=True, metadata={"description": "Last input line of the table (inclusive)"}),
        "rows": nested(rows_schema, FIELDS["tables"][table]["label"], required=True),
    })


def active_disclosure_rows():
    """Rows whose columns differ per row and per template."""
    spec = FIELDS["tables"]["active_disclosure"]
    labels = spec["column_labels"]
    row_fields = {}
    for row, row_spec in spec["rows"].items():
        per_template = row_spec["columns"]
        columns = {}
        for template_columns in per_template.values():
            for column in template_columns:
                if column not in columns:
                    templates = [t for t, cols in per_template.items() if column in cols]
                    columns[column] = cell_field(column, labels[column] + only_in(templates))
        row_class = schema_class("ActiveDisclosure" + camel(row) + "Row", columns)
        description = f"{row_spec['label']} ({row_spec['article']}){only_in(list(per_template))}"
        row_fields[row] = nested(row_class, description)
    return schema_class("ActiveDisclosureRows", row_fields)


def uniform_rows(table):
    """Rows that all have the same columns (applications, reviews_and_lawsuits): one row schema."""
    spec = FIELDS["tables"][table]
    row_class = schema_class(camel(table) + "Row",
                             {column: cell_field(column, label) for column, label in spec["columns"].items()})
    return schema_class(camel(table) + "Rows",
                        {row: nested(row_class, label) for row, label in spec["rows"].items()})


ActiveDisclosureTableSchema = table_schema("active_disclosure", active_disclosure_rows())
ApplicationsTableSchema = table_schema("applications", uniform_rows("applications"))
ReviewsAndLawsuitsTableSchema = table_schema("reviews_and_lawsuits", uniform_rows("reviews_and_lawsuits"))

TABLE_SCHEMAS = {
    "active_disclosure": ActiveDisclosureTableSchema,
    "applications": ApplicationsTableSchema,
    "reviews_and_lawsuits": ReviewsAndLawsuitsTableSchema,
}
