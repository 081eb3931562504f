"""Content negotiation: JSON everywhere; POST /parse and /parse/batch also answer in CSV."""

from flask import request

from service.http.problems import ProblemError, ProblemType

APPLICATION_JSON = "application/json"


def negotiate(offered=(APPLICATION_JSON,)) -> str:
    """The media type to answer with, from the Accept header (JSON when there is none, or on a
    tie); 406 when the header rules out every type offered."""
    accept = request.accept_mimetypes
    if not accept:
        return offered[0]
    best = accept.best_match(offered)
    if best is None:
        names = " or ".join(offered)
        raise ProblemError(ProblemType.NOT_ACCEPTABLE,
                           f"This endpoint answers with {names} only; the Accept header rules that out.")
    return best


def require_json_acceptable():
    """406 when an Accept header is present and rules out application/json."""
    negotiate()
