"""Content negotiation: the service answers only in JSON."""

from flask import request

from service.http.problems import ProblemError, ProblemType


def require_json_acceptable():
    """406 when an Accept header is present and rules out application/json."""
    accept = request.accept_mimetypes
    if accept and accept.best_match(["application/json"]) is None:
        raise ProblemError(ProblemType.NOT_ACCEPTABLE,
                           "This endpoint answers with application/json only; the Accept header rules it out.")
