"""RFC 9457 problem details: the stable problem types and the handlers that answer with them.

Every error leaves the service as `application/problem+json` with `type`, `title`, `status`,
`detail` and `instance` (the request path), plus `errors` for validation errors (a JSON
pointer into the body, or the name of a query parameter) and for not-a-report on /compare.
A detail never quotes the submitted body; tracebacks go to the server log only.
"""

import re
import traceback

import orjson
from flask import current_app, request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException

from service.http.request_log import REQUEST_ID_KEY, safe_path
from service.problem_types import PROBLEM_BASE_URI, ProblemError, ProblemType  # noqa: F401 (re-exported)

PROBLEM_MEDIA_TYPE = "application/problem+json"
MAX_POINTER_SEGMENT = 100
MAX_ERRORS = 50

# The type used for a werkzeug HTTPException of this status; other statuses get a type made
# from their standard reason phrase (e.g. 412 -> .../precondition-failed).
TYPE_FOR_STATUS = {
    400: ProblemType.BAD_REQUEST,
    404: ProblemType.NOT_FOUND,
    405: ProblemType.METHOD_NOT_ALLOWED,
    406: ProblemType.NOT_ACCEPTABLE,
    408: ProblemType.REQUEST_TIMEOUT,
    413: ProblemType.PAYLOAD_TOO_LARGE,
    415: ProblemType.UNSUPPORTED_MEDIA_TYPE,
    422: ProblemType.VALIDATION_ERROR,
    500: ProblemType.INTERNAL_ERROR,
}

INTERNAL_ERROR_DETAIL = "The server hit an unexpected error. It has been logged."


def problem_response(type_uri, title, status, detail, *, errors=None, headers=None):
    body = {"type": type_uri, "title": title, "status": status, "detail": detail,
            "instance": request.path}
    if errors:
        body["errors"] = errors
    return current_app.response_class(
        orjson.dumps(body), status=status, headers=headers, mimetype=PROBLEM_MEDIA_TYPE)


def response_for(problem_type, detail, *, errors=None, headers=None):
    return problem_response(problem_type.uri, problem_type.title, problem_type.status, detail,
                            errors=errors, headers=headers)


def handle_problem_error(error):
    headers = {"Retry-After": str(error.retry_after)} if error.retry_after else None
    return response_for(error.problem_type, error.detail, errors=error.errors, headers=headers)


def handle_http_exception(error: HTTPException):
    """Any werkzeug HTTPException (404, 405 with its Allow header, 413, webargs' 422 ...)."""
    status = error.code or 500
    headers = [(k, v) for k, v in error.get_headers() if k.lower() not in ("content-type", "content-length")]
    errors = None
    if status == 413:
        detail = too_large_detail()
    elif status == 422:  # webargs puts its messages per location: {"query": {"only_failures": [...]}}
        messages = (getattr(error, "data", None) or {}).get("messages", {})
        errors = [e for location, found in messages.items() for e in located_errors(location, found)][:MAX_ERRORS]
        detail = "The request does not match the schema."
    elif status >= 500:
        detail = INTERNAL_ERROR_DETAIL
    else:
        detail = error.description
    problem_type = TYPE_FOR_STATUS.get(status)
    if problem_type is not None:
        return response_for(problem_type, detail, errors=errors, headers=headers)
    slug = re.sub(r"[^a-z0-9]+", "-", error.name.lower()).strip("-")
    return problem_response(PROBLEM_BASE_URI + slug, error.name, status, detail, headers=headers)


def handle_validation_error(error):
    """A marshmallow ValidationError that reached the top (a request-schema load)."""
    return response_for(ProblemType.VALIDATION_ERROR, "The request body does not match the schema.",
                        errors=list(pointers(error.messages))[:MAX_ERRORS])


def handle_unexpected_error(error):
    """500. The log gets the exception's type and stack, not its message (which may quote the
    submitted text)."""
    log_unexpected(error)
    return response_for(ProblemType.INTERNAL_ERROR, INTERNAL_ERROR_DETAIL)


def log_unexpected(error, where=""):
    """The exception's type and stack (not its message, which may quote the submitted text)."""
    current_app.logger.error("Unhandled %s on %s %s%s (request %s)\n%s", type(error).__name__, request.method,
                             safe_path(request.path), where, request.environ.get(REQUEST_ID_KEY, "-"),
                             (getattr(error, "worker_stack", "")       # where a parsing slot's process hit it
                              + "".join(traceback.format_tb(error.__traceback__))).rstrip())


def too_large_detail():
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    return f"The request body is larger than the limit of {limit} bytes."


def located_errors(location, messages):
    """Errors in a query string name the parameter; errors anywhere else are JSON pointers."""
    if location != "query" or not isinstance(messages, dict):
        yield from pointers(messages)
        return
    for name, found in messages.items():
        for error in pointers(found):
            yield {"parameter": cut(str(name)), "detail": error["detail"]}


def pointers(messages, prefix=""):
    """Turn marshmallow's nested messages into [{"pointer": "/a/0/b", "detail": "..."}]."""
    if isinstance(messages, dict):
        for key, value in messages.items():
            segment = "" if key == "_schema" else "/" + pointer_segment(key)
            yield from pointers(value, prefix + segment)
    elif isinstance(messages, (list, tuple)):
        for message in messages:
            yield from pointers(message, prefix)
    else:
        yield {"pointer": prefix, "detail": str(messages)}


def pointer_segment(key):
    """RFC 6901 escaping; an over-long (client-supplied) key is cut."""
    return cut(str(key).replace("~", "~0").replace("/", "~1"))


def cut(text):
    return text if len(text) <= MAX_POINTER_SEGMENT else text[:MAX_POINTER_SEGMENT] + "…"


def register_problem_handlers(app):
    """HTTPException is handled by the Api subclass (flask-smorest registers it); these cover the rest."""
    app.register_error_handler(ProblemError, handle_problem_error)
    app.register_error_handler(ValidationError, handle_validation_error)
    app.register_error_handler(Exception, handle_unexpected_error)


def documented_problems(blp, unsupported_media_type="UnsupportedMediaTypeProblem",
                        unprocessable="UnprocessableProblem", unavailable=False):
    """The problem responses of a POST endpoint that reads a body, for the spec: 400, 406, 408,
    413, 415 and 422, and 503 where a document waits for a parsing slot (applied bottom-up, so
    the spec lists them in that order after 200)."""
    def decorate(view):
        responses = [(400, "BadRequestProblem"), (406, "NotAcceptableProblem"), (408, "RequestTimeoutProblem"),
                     (413, "PayloadTooLargeProblem"), (415, unsupported_media_type), (422, unprocessable)]
        if unavailable:
            responses.append((503, "ServiceUnavailableProblem"))
        for status, response in responses:
            view = blp.alt_response(status, response=response)(view)
        return view
    return decorate
