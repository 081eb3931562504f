"""Turn a request body into the report text (POST /parse) or a JSON document (POST /compare),
or raise a ProblemError.

POST /parse takes
- text/plain (any supported charset, detected when none is declared), text/html and .docx
  bodies, read by service.formats.extract_text;
- application/json {"text": "..."} (UTF-8);
- multipart/form-data with the document in the part `file`, its media type taken from the
  part's Content-Type or, when that is missing or application/octet-stream, sniffed.
Bytes that do not decode are refused with their offset; nothing is ever replaced or truncated:
over a limit is a 413. Nothing is written to disk (uploads are parsed into memory).
"""

import io
from contextlib import contextmanager

import orjson
from flask import Request, current_app, request
from werkzeug.exceptions import ClientDisconnected, RequestEntityTooLarge

from service import formats
from service.config import document_limits
from service.documents import APPLICATION_JSON, Submission, Upload, text_document
from service.formats import Limits
from service.http.problems import ProblemError, ProblemType
from service.http.request_log import BODY_BYTES_KEY
from service.http.schemas import ParseRequestSchema
from service.parsing_slots import parsing_slots

try:  # what gunicorn raises when the body's framing (chunked encoding) is broken
    from gunicorn.http.errors import ParseException as ServerParseError
except ImportError:  # pragma: no cover - another server
    class ServerParseError(Exception):
        pass

MULTIPART = "multipart/form-data"
UPLOAD_FIELD = "file"
# Media types read by service.formats, and the ones a body may have on POST /parse.
DOCUMENT_TYPES = formats.SUPPORTED_MEDIA_TYPES
BODY_TYPES = (*DOCUMENT_TYPES, APPLICATION_JSON, MULTIPART, *formats.NOT_READ_YET)
# Bodies that are documents (markup, styles, images besides the text): MAX_UPLOAD_BYTES.
LARGE_BODY_TYPES = (formats.TEXT_HTML, formats.DOCX, formats.PDF, *formats.NOT_READ_YET)
# Room for the boundaries, part headers and small form fields of a multipart body.
MULTIPART_OVERHEAD = 64 * 1024
JSON_ENCODING = "utf-8"
BOM = "\ufeff"


REQUEST_SCHEMA = ParseRequestSchema()


class InMemoryRequest(Request):
    """Flask's request, but an uploaded file is kept in memory, never spooled to a temporary file
    (the size is bounded by MAX_UPLOAD_BYTES before it is read)."""

    def _get_file_stream(self, total_content_length, content_type, filename=None, content_length=None):
        return io.BytesIO()


def submission_from_request() -> Submission | Upload:
    media_type = request.mimetype
    if media_type == MULTIPART:
        return upload()
    if media_type not in BODY_TYPES:
        raise ProblemError(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                           "Send the report as text/plain (any charset, detected when not declared), text/html, "
                           f'.docx ({formats.DOCX}), application/pdf, application/json {{"text": "..."}}, or as '
                           'the part "file" of a multipart/form-data upload.')
    raw = read_body(*body_limit(media_type))
    if not raw:
        raise ProblemError(ProblemType.EMPTY_BODY, "The request body is empty; send the report.")
    if media_type == APPLICATION_JSON:
        text = REQUEST_SCHEMA.load(json_document(decode_json(raw)))["text"]
        return text_document(text, limits(), APPLICATION_JSON, JSON_ENCODING)
    return extracted(raw, media_type, request.mimetype_params.get("charset"))


def json_from_request():
    """The body of an application/json-only endpoint, parsed (not yet checked against a schema)."""
    if request.mimetype != APPLICATION_JSON:
        raise ProblemError(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the request as application/json.")
    raw = read_body(*body_limit(APPLICATION_JSON))
    if not raw:
        raise ProblemError(ProblemType.EMPTY_BODY, "The request body is empty; send a JSON document.")
    return json_document(decode_json(raw))


def upload() -> Upload:
    """The part `file` of a multipart/form-data body, read into memory."""
    if request.content_length == 0:
        raise ProblemError(ProblemType.EMPTY_BODY, "The request body is empty; send the report as the part "
                                                   f'"{UPLOAD_FIELD}".')
    limit = upload_limit()
    parts = read_file_parts(limit + MULTIPART_OVERHEAD, f"{limit} bytes for the file (MAX_UPLOAD_BYTES), "
                                                        f"{MULTIPART_OVERHEAD} bytes for the rest of the form")
    if not parts:
        raise no_file_part()
    part = parts[0]
    data = part_bytes(part)
    if request.content_length is None:
        record_body_size(len(data))
    check_upload_size(data)
    if not data:
        raise ProblemError(ProblemType.EMPTY_BODY, f'The part "{UPLOAD_FIELD}" is empty; send the report.')
    return extracted(data, part.mimetype, part.mimetype_params.get("charset"), part.filename or None)


def no_file_part() -> ProblemError:
    """422 for a multipart body without a `file` part (or with one sent as a form field, without a
    filename: werkzeug decodes those as text, which could replace bytes)."""
    where = "is a form field, not a file part (send it with a filename)" if UPLOAD_FIELD in request.form \
        else "is missing"
    return ProblemError(ProblemType.VALIDATION_ERROR, f'The multipart body has no file part "{UPLOAD_FIELD}".',
                        errors=[{"pointer": "/" + UPLOAD_FIELD, "detail": f"The part {where}."}])


def part_bytes(part) -> bytes:
    """The bytes of an uploaded file part (kept in memory by InMemoryRequest)."""
    return part.stream.getvalue() if isinstance(part.stream, io.BytesIO) else part.stream.read()


def check_upload_size(data: bytes):
    """413 when an uploaded file is larger than MAX_UPLOAD_BYTES."""
    limit = upload_limit()
    if len(data) > limit:
        raise too_large(f"The uploaded file is larger than the limit of {limit} bytes (MAX_UPLOAD_BYTES).")


def read_file_parts(max_body: int, limits_detail: str) -> list:
    """The `file` parts of a multipart/form-data body, read into memory; 413 when the body is over
    `max_body` bytes, or over werkzeug's limits of parts and field sizes."""
    request.max_content_length = max_body
    try:
        with body_stream():
            return request.files.getlist(UPLOAD_FIELD)
    except RequestEntityTooLarge:
        raise too_large(f"The multipart body is over its limits: {limits_detail}, {request.max_form_parts} parts, "
                        f"{request.max_form_memory_size} bytes for a field that is not a file.") from None
    finally:
        record_body_size(request.content_length)


def extracted(data: bytes, media_type: str, charset, filename=None) -> Upload:
    """The document as sent, read later in a parsing slot (read_document there)."""
    return Upload(data, media_type, charset, limits(), filename)


def slots():
    """This process's parsing slots (service/parsing_slots.py)."""
    return parsing_slots(current_app.config)


def limits() -> Limits:
    return document_limits(current_app.config)


def check_chars(text: str):
    """413 when a text (from JSON) has more characters than MAX_CHARS."""
    text_document(text, limits())


def body_limit(media_type: str) -> tuple:
    """(bytes, setting) a body of this media type may have: documents MAX_UPLOAD_BYTES, text and
    JSON MAX_CONTENT_LENGTH."""
    setting = "MAX_UPLOAD_BYTES" if media_type in LARGE_BODY_TYPES else "MAX_CONTENT_LENGTH"
    return current_app.config[setting], setting


def upload_limit() -> int:
    return current_app.config["MAX_UPLOAD_BYTES"]


def read_body(limit: int, setting: str) -> bytes:
    """The whole body, refused with 413 past `limit`, with or without Content-Length.

    The stream is opened with a limit one byte above the maximum, so that a streamed (chunked)
    body of exactly the maximum ends cleanly and anything longer is caught here.
    """
    detail = f"The request body is larger than the limit of {limit} bytes ({setting})."
    length = request.content_length
    if length is not None and length > limit:
        record_body_size(length)
        raise too_large(detail)
    request.max_content_length = limit + 1
    try:
        with body_stream():
            raw = request.get_data(cache=False)
    except RequestEntityTooLarge:
        raise too_large(detail) from None
    record_body_size(len(raw))
    if len(raw) > limit:
        raise too_large(detail)
    return raw


@contextmanager
def body_stream():
    """Reading the body: 408 when the client stops sending for BODY_READ_TIMEOUT seconds (e.g. it
    declared a Content-Length larger than what it sends), 400 when the server cannot deliver the
    body (broken chunked framing, a connection cut). Under gunicorn the connection's socket gets
    the timeout while the body is read, so a worker is never held until gunicorn kills it."""
    sock = request.environ.get("gunicorn.socket")
    previous = sock.gettimeout() if sock is not None else None
    if sock is not None:
        sock.settimeout(current_app.config["BODY_READ_TIMEOUT"])
    try:
        yield
    except (ClientDisconnected, OSError, ServerParseError) as error:  # werkzeug wraps the OSError
        if isinstance(error, TimeoutError) or isinstance(error.__context__, TimeoutError):
            raise ProblemError(ProblemType.REQUEST_TIMEOUT, "No part of the request body arrived for "
                               f"{current_app.config['BODY_READ_TIMEOUT']} seconds (BODY_READ_TIMEOUT); send the "
                               "whole body the request declares.") from None
        raise ProblemError(ProblemType.BAD_REQUEST, "The request body could not be read: its chunked encoding "
                                                    "is broken or the connection ended early.") from None
    finally:
        if sock is not None:
            sock.settimeout(previous)


def record_body_size(size):
    """For the request log line."""
    request.environ[BODY_BYTES_KEY] = size


def too_large(detail) -> ProblemError:
    return ProblemError(ProblemType.PAYLOAD_TOO_LARGE, detail)


def decode_json(raw: bytes) -> str:
    try:
        text = raw.decode(JSON_ENCODING)
    except UnicodeDecodeError as error:
        raise ProblemError(ProblemType.INVALID_ENCODING,
                           f"The body is not valid {JSON_ENCODING}: the bytes at offset {error.start} "
                           "cannot be decoded. Send JSON as UTF-8.") from None
    return text.removeprefix(BOM)


def json_document(document: str):
    try:
        return orjson.loads(document)
    except orjson.JSONDecodeError as error:
        raise ProblemError(ProblemType.INVALID_JSON,
                           f"The body is not valid JSON (line {error.lineno}, column {error.colno}).") from None
