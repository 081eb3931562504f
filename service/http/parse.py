"""POST /parse: decode and check the body, parse it, dump the result through the schema."""

from flask_smorest import Blueprint

from service.http.body import DEFAULT_CHARSET, SUPPORTED_CHARSETS, report_text_from_request
from service.http.check_filter import select_checks
from service.http.negotiation import require_json_acceptable
from service.http.problems import ProblemError, ProblemType, documented_problems
from service.http.schemas import ChecksQuerySchema, ParseRequestSchema, ParseResultSchema
from service.parsing import looks_like_report, parse_report

blp = Blueprint("parse", __name__, description="Parse a report")

REQUEST_BODY = {
    "required": True,
    "description": "The report text, as plain text or wrapped in JSON.",
    "content": {
        "text/plain": {
            "schema": {
                "type": "string",
                "description": "The raw report text. Decoded with the charset parameter (UTF-8 by default; "
                               "also " + ", ".join(c for c in SUPPORTED_CHARSETS if c != DEFAULT_CHARSET)
                               + "); a leading BOM is dropped.",
            },
        },
        "application/json": {"schema": ParseRequestSchema},
    },
}

NOT_A_REPORT_DETAIL = ("Nothing of a government information disclosure annual report was recognised: "
                       "no title, no numbered section of a known kind and no statistical table.")


@blp.route("/parse", methods=["POST"])
@blp.doc(requestBody=REQUEST_BODY)
@blp.arguments(ChecksQuerySchema, location="query", as_kwargs=True)
@documented_problems(blp)
@blp.response(200, ParseResultSchema, description="The parse result")
def parse(only_failures):
    """Parse one annual report

    Returns the report's metadata, its numbered sections, its three statistical tables and the
    consistency checks evaluated on them.
    """
    require_json_acceptable()
    text = report_text_from_request()
    result = parse_report(text)
    if not looks_like_report(result):
        raise ProblemError(ProblemType.NOT_A_REPORT, NOT_A_REPORT_DETAIL)
    return {**result, "checks": select_checks(result["checks"], only_failures)}
