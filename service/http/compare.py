"""POST /compare: two reports of one body for consecutive years, checked against each other."""

from flask_smorest import Blueprint

from service.checks import compare_results, select_checks
from service.documents import NOT_A_REPORT_DETAIL
from service.http.body import check_chars, json_from_request
from service.http.negotiation import require_json_acceptable
from service.http.problems import ProblemError, ProblemType, documented_problems
from service.http.schemas import CHECKS_QUERY, CompareRequestSchema, CompareResultSchema
from service.parsing import looks_like_report, parse_report

blp = Blueprint("compare", __name__, description="Compare two reports of one body")

REQUEST_BODY = {
    "required": True,
    "description": 'The two reports, each as {"text": "..."} or as an earlier /parse response. '
                   "The whole body counts against the same size limit as /parse.",
    "content": {"application/json": {"schema": CompareRequestSchema}},
}
REQUEST_SCHEMA = CompareRequestSchema()
SIDES = ("previous", "current")


@blp.route("/compare", methods=["POST"])
@blp.doc(requestBody=REQUEST_BODY)
@blp.arguments(CHECKS_QUERY, location="query", as_kwargs=True)
@documented_problems(blp, "JsonOnlyMediaTypeProblem")
@blp.response(200, CompareResultSchema, description="Both reports' metadata and the continuity checks")
def compare(only_failures):
    """Compare two reports of one body for consecutive years

    Parses each side sent as text (a side sent as a /parse response is validated, not re-parsed),
    then evaluates the `continuity.*` rules on the pair.
    """
    require_json_acceptable()
    sides = REQUEST_SCHEMA.load(json_from_request())
    for name in SIDES:
        if "text" in sides[name]:
            check_chars(sides[name]["text"])
    results = {name: side_result(sides[name]) for name in SIDES}
    refuse_non_reports(results)
    checks = compare_results(results["previous"], results["current"])
    return {"previous": results["previous"]["report"], "current": results["current"]["report"],
            "checks": select_checks(checks, only_failures)}


def side_result(side):
    """The parse result of a side; its own checks are not needed here."""
    return parse_report(side["text"]) if "text" in side else side["result"]


def refuse_non_reports(results):
    """422 not-a-report naming the side(s) in which nothing of a report was recognised."""
    sides = [name for name, result in results.items() if not looks_like_report(result)]
    if sides:
        which = f"The {sides[0]} side is" if len(sides) == 1 else "Both sides are"
        raise ProblemError(ProblemType.NOT_A_REPORT, f"{which} not a report. {NOT_A_REPORT_DETAIL}",
                           errors=[{"pointer": "/" + name, "detail": NOT_A_REPORT_DETAIL} for name in sides])
