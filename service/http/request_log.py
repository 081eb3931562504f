"""One log line per request, and the request id.

WSGI middleware around the Flask app: it takes the client's X-Request-ID when it looks sane
(1–128 of A-Z a-z 0-9 . _ : -) or makes one, echoes it in the response header X-Request-ID and
logs, when the app has answered,

    request_id=… method=POST path=/parse status=200 request_bytes=1234 response_bytes=5678 duration_ms=12.3

Nothing the user sent is logged beyond the method and the path (percent-encoded and cut, so no
line can be forged): no query string, no header, no body. `request_bytes` is the size of the
body the app read (its declared Content-Length when it was not read), `response_bytes` the
Content-Length of the answer.
"""

import logging
import re
import sys
import time
import uuid
from urllib.parse import quote

LOGGER_NAME = "service"
REQUEST_LOGGER_NAME = "service.requests"
REQUEST_ID_HEADER = "X-Request-ID"
REQUEST_ID_KEY = "service.request_id"   # environ keys
BODY_BYTES_KEY = "service.body_bytes"
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
MAX_LOGGED_PATH = 200
LOG_FORMAT = "%(asctime)s [%(process)d] %(levelname)s %(name)s %(message)s"

logger = logging.getLogger(REQUEST_LOGGER_NAME)


def request_id_from(value):
    """The client's id when it looks sane, else a new one."""
    if value and SANE_REQUEST_ID.fullmatch(value):
        return value
    return uuid.uuid4().hex


def safe_path(path: str) -> str:
    """The path percent-encoded (no space, control character or line break) and cut."""
    encoded = quote(path, safe="/-._~!$&'()*+,;=:@")
    return encoded if len(encoded) <= MAX_LOGGED_PATH else encoded[:MAX_LOGGED_PATH] + "..."


class RequestLog:
    """WSGI middleware: request id in and out, one log line per request."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        request_id = request_id_from(environ.get("HTTP_X_REQUEST_ID"))
        environ[REQUEST_ID_KEY] = request_id
        answered = {}

        def start_with_id(status, headers, exc_info=None):
            headers = [(name, value) for name, value in headers if name.lower() != "x-request-id"]
            headers.append((REQUEST_ID_HEADER, request_id))
            answered["status"], answered["headers"] = status, headers
            return start_response(status, headers, exc_info)

        try:
            body = self.app(environ, start_with_id)
        except BaseException:
            log_request(environ, "500", None, started)
            raise
        log_request(environ, answered.get("status", "500"), answered.get("headers"), started)
        return body


def log_request(environ, status, headers, started):
    duration_ms = (time.perf_counter() - started) * 1000
    response_bytes = next((value for name, value in headers or () if name.lower() == "content-length"), "-")
    request_bytes = environ.get(BODY_BYTES_KEY)
    if request_bytes is None:
        request_bytes = environ.get("CONTENT_LENGTH") or 0
    logger.info("request_id=%s method=%s path=%s status=%s request_bytes=%s response_bytes=%s duration_ms=%.1f",
                environ[REQUEST_ID_KEY], quote(environ.get("REQUEST_METHOD", "")[:16], safe=""),
                safe_path(environ.get("PATH_INFO", "")), status.split(" ", 1)[0],
                quote(str(request_bytes)[:20], safe=""), response_bytes, duration_ms)


def configure_logging(level_name: str):
    """The service's loggers (`service.*`, including the Flask app's `service.app`) write to stderr
    at the configured level; records still propagate (pytest's caplog sees them). Idempotent."""
    service_logger = logging.getLogger(LOGGER_NAME)
    service_logger.setLevel(level_name.upper())
    if not any(getattr(handler, "_service_handler", False) for handler in service_logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        handler._service_handler = True
        service_logger.addHandler(handler)
