"""CORS, off unless CORS_ORIGINS (SERVICE_CORS_ORIGINS) lists the origins allowed.

With an allowlist: a preflight (OPTIONS with Origin and Access-Control-Request-Method) from an
allowed origin to a known path is answered 204 with the methods and headers allowed; any answer
to an allowed origin carries Access-Control-Allow-Origin (that origin, never `*`) and exposes
X-Request-ID. An origin not on the list gets no CORS header (the browser then refuses), and
without an allowlist nothing changes at all.
"""

from flask import current_app, request

from service.http.request_log import REQUEST_ID_HEADER

ALLOWED_HEADERS = ("Content-Type", "Accept", REQUEST_ID_HEADER)
MAX_AGE = 600


def allowed_origin():
    """The request's Origin when CORS is on and it is on the list, else None."""
    origins = current_app.config["CORS_ORIGINS"]
    origin = request.headers.get("Origin")
    if origins and origin and origin.rstrip("/").lower() in origins:
        return origin
    return None


def preflight():
    """before_request: answer an allowed preflight to a known path."""
    if request.method != "OPTIONS" or "Access-Control-Request-Method" not in request.headers:
        return None
    origin = allowed_origin()
    if origin is None or request.url_rule is None:
        return None
    methods = sorted(request.url_rule.methods - {"OPTIONS", "HEAD"})
    response = current_app.response_class(status=204)
    response.headers["Access-Control-Allow-Methods"] = ", ".join(methods)
    response.headers["Access-Control-Allow-Headers"] = ", ".join(ALLOWED_HEADERS)
    response.headers["Access-Control-Max-Age"] = str(MAX_AGE)
    return response


def add_cors_headers(response):
    """after_request: the allow-origin header for an allowed origin."""
    if not current_app.config["CORS_ORIGINS"]:
        return response
    response.vary.add("Origin")
    origin = allowed_origin()
    if origin is not None:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Expose-Headers"] = REQUEST_ID_HEADER
    return response


def register_cors(app):
    app.before_request(preflight)
    app.after_request(add_cors_headers)
