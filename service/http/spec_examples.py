"""Examples for the API docs from a real report, not Swagger's inventions ("year": 1000).

The vendored corpus report example_reports/yutan-2021.txt is parsed as the spec is built (in
create_api): the request examples carry its text, the answer examples what the service answers
for it. They are spec components (components/examples), referenced by the operations.
"""

import functools
from pathlib import Path

from service.documents import parse_submission, read_document
from service.formats import Limits
from service.problem_types import ProblemError, ProblemType

REPORT = Path(__file__).with_name("example_reports") / "yutan-2021.txt"
REPORT_NAME = "yutan-2021.txt"
NOT_A_REPORT_NAME = "minutes.txt"
NOT_A_REPORT_TEXT = "区政府办公室2021年第三次主任办公会议纪要\n会议研究了办公用房调整事项。"


def ref(name: str) -> dict:
    return {"$ref": f"#/components/examples/{name}"}


@functools.cache
def report_text() -> str:
    return REPORT.read_text(encoding="utf-8")


def parsed(data: bytes, filename=None, only_failures=False) -> dict:
    from service.http.schemas import ParseResultSchema
    submission = read_document(data, "text/plain", "utf-8", Limits(), filename)
    return ParseResultSchema().dump(parse_submission(submission, only_failures))


def examples() -> dict:
    """{component name: example object}"""
    text = report_text()
    result = parsed(text.encode("utf-8"))
    try:
        parsed(NOT_A_REPORT_TEXT.encode("utf-8"), NOT_A_REPORT_NAME)
        raise AssertionError("the not-a-report example was parsed")
    except ProblemError as error:
        problem = error.body("/parse/batch")
    # The batch answer is that of ?only_failures=true (the passing checks, listed in ParseResult,
    # are left out), so that the spec does not carry the whole result twice.
    failures = parsed(text.encode("utf-8"), only_failures=True)
    summary = "玉潭镇人民政府 2021年政府信息公开工作年度报告 (a published report)"
    return {
        "ReportText": {"summary": summary, "value": text},
        "ReportJson": {"summary": summary, "value": {"text": text}},
        "ParseResult": {"summary": "What POST /parse answers for that report", "value": result},
        "BatchRequest": {"summary": "That report and a text that is no report",
                         "value": {"documents": [{"id": REPORT_NAME, "text": text},
                                                 {"id": NOT_A_REPORT_NAME, "text": NOT_A_REPORT_TEXT}]}},
        "BatchResult": {"summary": "One document parsed, one not a report (with ?only_failures=true)",
                        "value": {"documents": [{"index": 0, "id": REPORT_NAME, "status": 200, "result": failures},
                                                {"index": 1, "id": NOT_A_REPORT_NAME,
                                                 "status": ProblemType.NOT_A_REPORT.status, "problem": problem}],
                                  "summary": {"documents": 2, "parsed": 1, "failed": 1}}},
    }


def register_examples(spec):
    for name, example in examples().items():
        spec.components.example(name, example)
