"""The stable RFC 9457 problem types of the service (no Flask: the command line uses them too).

A problem type slug never changes meaning; new ones may be added. `problem_body` builds the
problem object that an HTTP error carries, and that each failed document of a batch (or of the
command line's output) carries in place of its result; `answer_item` builds that document's
answer.
"""

from enum import Enum

PROBLEM_BASE_URI = "https://gov-report-parser.example/problems/"


class ProblemType(Enum):
    EMPTY_BODY = ("empty-body", 400, "Empty request body")
    INVALID_ENCODING = ("invalid-encoding", 400, "Body is not valid in its charset")
    INVALID_JSON = ("invalid-json", 400, "Malformed JSON body")
    BAD_REQUEST = ("bad-request", 400, "Bad request")
    NOT_FOUND = ("not-found", 404, "Not found")
    METHOD_NOT_ALLOWED = ("method-not-allowed", 405, "Method not allowed")
    NOT_ACCEPTABLE = ("not-acceptable", 406, "Not acceptable")
    REQUEST_TIMEOUT = ("request-timeout", 408, "Request timeout")
    PAYLOAD_TOO_LARGE = ("payload-too-large", 413, "Payload too large")
    UNSUPPORTED_MEDIA_TYPE = ("unsupported-media-type", 415, "Unsupported media type")
    UNSUPPORTED_CHARSET = ("unsupported-charset", 415, "Unsupported charset")
    VALIDATION_ERROR = ("validation-error", 422, "Request validation failed")
    NOT_A_REPORT = ("not-a-report", 422, "Not a government information disclosure annual report")
    INVALID_DOCUMENT = ("invalid-document", 422, "The document cannot be read")
    PDF_ENCRYPTED = ("pdf-encrypted", 422, "The PDF is encrypted")
    PDF_NO_TEXT = ("pdf-no-text", 422, "The PDF has no text to read")
    PDF_TOO_COSTLY = ("pdf-too-costly", 422, "The PDF is too costly to read")
    DOCUMENT_TOO_COSTLY = ("document-too-costly", 422, "The document is too costly to parse")
    INTERNAL_ERROR = ("internal-error", 500, "Internal server error")
    SERVICE_UNAVAILABLE = ("service-unavailable", 503, "Service unavailable")

    def __init__(self, slug, status, title):
        self.slug = slug
        self.status = status
        self.title = title

    @property
    def uri(self):
        return PROBLEM_BASE_URI + self.slug


BY_SLUG = {problem_type.slug: problem_type for problem_type in ProblemType}


def problem_body(problem_type: ProblemType, detail: str, *, instance=None, errors=None) -> dict:
    body = {"type": problem_type.uri, "title": problem_type.title, "status": problem_type.status, "detail": detail}
    if instance is not None:
        body["instance"] = instance
    if errors:
        body["errors"] = errors
    return body


class ProblemError(Exception):
    """A problem of a known type: raised by the document pipeline and the request handlers, answered
    as problem+json by the service (or carried by a failed document of a batch)."""

    def __init__(self, problem_type: ProblemType, detail: str, *, errors=None, retry_after=None):
        super().__init__(problem_type.slug)
        self.problem_type = problem_type
        self.detail = detail
        self.errors = errors
        self.retry_after = retry_after   # seconds, for a Retry-After header (503)

    def __reduce__(self):                # raised in a parsing slot's process, raised again in the service
        return _problem_error, (self.problem_type.slug, self.detail, self.errors)

    def body(self, instance=None) -> dict:
        return problem_body(self.problem_type, self.detail, instance=instance, errors=self.errors)


def _problem_error(slug, detail, errors):
    return ProblemError(BY_SLUG[slug], detail, errors=errors)


def answer_item(index: int, document_id, result=None, problem=None) -> dict:
    """One document's answer, as POST /parse/batch and the command line give it: its `result`
    (status 200), or its `problem` (the problem's status)."""
    if problem is not None:
        return {"index": index, "id": document_id, "status": problem["status"], "problem": problem}
    return {"index": index, "id": document_id, "status": 200, "result": result}
