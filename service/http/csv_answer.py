"""The text/csv answer of POST /parse and /parse/batch (Accept: text/csv): service.tabular's long
form, UTF-8 with a BOM."""

from flask import current_app

from service.tabular import COLUMNS, MEDIA_TYPE, csv_text

CSV_CONTENT_TYPE = f"{MEDIA_TYPE}; charset=utf-8; header=present"

# The text/csv alternative of a 200 answer, for the spec.
CSV_SCHEMA = {
    "type": "string",
    "description": "With `Accept: text/csv`: one row per table cell (long form), UTF-8 with a BOM, rows ending in "
                   "CRLF. Columns: " + ", ".join(f"`{c}`" for c in COLUMNS) + ". A null cell has an empty `value`; "
                   "a document without any cell has one row with its metadata only; a document that failed "
                   "(batch) has one row whose `problem` is `<type slug>: <detail>`.",
}


def csv_alternative(blp, description):
    """Document the text/csv form of an endpoint's 200 answer (`description` is the answer's)."""
    return blp.alt_response(200, schema=CSV_SCHEMA, content_type=MEDIA_TYPE, success=True, description=description)


def csv_response(documents):
    """documents: (document_id, result, problem) triples."""
    return current_app.response_class(csv_text(documents).encode("utf-8"), status=200,
                                      content_type=CSV_CONTENT_TYPE)
