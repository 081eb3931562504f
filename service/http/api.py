"""The flask-smorest Api: problem+json for every HTTP error, and the documented problem responses."""

from flask_smorest import Api

from service.http import problems
from service.http.problems import PROBLEM_MEDIA_TYPE, ProblemType
from service.http.schemas import BatchDocumentSchema, ProblemSchema, report_input2properties
from service.http.spec_examples import register_examples

# Response components (OpenAPI components/responses) and the problem types each one carries.
PROBLEM_RESPONSES = {
    "BadRequestProblem": [ProblemType.EMPTY_BODY, ProblemType.INVALID_ENCODING, ProblemType.INVALID_JSON],
    "NotAcceptableProblem": [ProblemType.NOT_ACCEPTABLE],
    "RequestTimeoutProblem": [ProblemType.REQUEST_TIMEOUT],
    "PayloadTooLargeProblem": [ProblemType.PAYLOAD_TOO_LARGE],
    "UnsupportedMediaTypeProblem": [ProblemType.UNSUPPORTED_MEDIA_TYPE, ProblemType.UNSUPPORTED_CHARSET],
    "JsonOnlyMediaTypeProblem": [ProblemType.UNSUPPORTED_MEDIA_TYPE],
    "UnprocessableProblem": [ProblemType.VALIDATION_ERROR, ProblemType.NOT_A_REPORT],
    "UnprocessableDocumentProblem": [ProblemType.VALIDATION_ERROR, ProblemType.NOT_A_REPORT,
                                     ProblemType.INVALID_DOCUMENT, ProblemType.PDF_ENCRYPTED, ProblemType.PDF_NO_TEXT,
                                     ProblemType.PDF_TOO_COSTLY, ProblemType.DOCUMENT_TOO_COSTLY],
    "ServiceUnavailableProblem": [ProblemType.SERVICE_UNAVAILABLE],
    "DefaultProblem": [ProblemType.BAD_REQUEST, ProblemType.NOT_FOUND, ProblemType.METHOD_NOT_ALLOWED,
                       ProblemType.INTERNAL_ERROR],
}


class ProblemApi(Api):
    ERROR_SCHEMA = ProblemSchema
    DEFAULT_ERROR_RESPONSE_NAME = "DefaultProblem"

    def handle_http_exception(self, error):
        return problems.handle_http_exception(error)

    def _register_pagination_header(self):
        """No endpoint is paginated: keep flask-smorest's PaginationMetadata schema out of the spec."""


# The request path shown in a component's examples (/parse unless listed).
EXAMPLE_INSTANCE = {"JsonOnlyMediaTypeProblem": "/compare"}


def problem_response_doc(problem_types, instance="/parse"):
    lines = [f"- `{t.slug}` ({t.status}): {t.title}" for t in problem_types]
    examples = {
        t.slug: {"value": {"type": t.uri, "title": t.title, "status": t.status, "detail": "…", "instance": instance}}
        for t in problem_types
    }
    return {
        "description": "RFC 9457 problem details. Problem types:\n" + "\n".join(lines),
        "content": {PROBLEM_MEDIA_TYPE: {"schema": ProblemSchema, "examples": examples}},
    }


INTRODUCTION = """Reads Chinese government information disclosure annual reports (政府信息公开工作年度报告):
metadata, the six sections, the three statistical tables cell by cell (the keys of the
repository's `service/contract/fields.json`), and the consistency checks (what does not add
up). Send a report to `POST /parse` (text in any encoding, a web page, a Word file or an
upload), many to `POST /parse/batch`; answers are JSON, CSV (`Accept: text/csv`) or an Excel
workbook. Errors are RFC 9457 problems. The examples are a real report (玉潭镇人民政府, 2021)
and what the service answers for it.

**For people rather than programs: the [web console](/) (检查台) takes report files dropped in
the browser and shows which reports need a second look.**"""


def create_api(app):
    api = ProblemApi(app, spec_kwargs={"info": {"description": INTRODUCTION}})
    register_examples(api.spec)
    api.ma_plugin.converter.add_attribute_function(report_input2properties)
    for name, problem_types in PROBLEM_RESPONSES.items():
        instance = EXAMPLE_INSTANCE.get(name, "/parse")
        api.spec.components.response(name, problem_response_doc(problem_types, instance))
    # what each document of a JSON batch should be (BatchRequest's items refer to it)
    api.spec.components.schema("BatchDocument", schema=BatchDocumentSchema)
    return api
