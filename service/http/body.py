"""Turn a request body into the report text (POST /parse) or a JSON document (POST /compare),
or raise a ProblemError.

text/plain: decoded with its charset parameter (default UTF-8), a leading BOM removed.
application/json: UTF-8; for /parse {"text": "..."}, checked with ParseRequestSchema.
Bytes that do not decode are refused with their offset; nothing is ever replaced.
"""

import codecs

import orjson
from flask import current_app, request
from werkzeug.exceptions import RequestEntityTooLarge

from service.http.problems import ProblemError, ProblemType
from service.http.schemas import ParseRequestSchema

TEXT_PLAIN = "text/plain"
APPLICATION_JSON = "application/json"
SUPPORTED_MEDIA_TYPES = (TEXT_PLAIN, APPLICATION_JSON)
DEFAULT_CHARSET = "utf-8"
# Python codec names (as codecs.lookup() spells them) a text/plain body may declare.
SUPPORTED_CHARSETS = ("utf-8", "gb18030", "gbk", "gb2312", "big5", "utf-16", "utf-16-le", "utf-16-be",
                      "ascii", "iso8859-1")
BOM = "\ufeff"

REQUEST_SCHEMA = ParseRequestSchema()


def report_text_from_request() -> str:
    media_type = request.mimetype
    if media_type not in SUPPORTED_MEDIA_TYPES:
        raise ProblemError(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                           "Send the report as text/plain (optionally with a charset parameter; "
                           'UTF-8 by default) or as application/json {"text": "..."}.')
    charset = DEFAULT_CHARSET if media_type == APPLICATION_JSON else declared_charset()
    raw = read_body()
    if not raw:
        raise ProblemError(ProblemType.EMPTY_BODY, "The request body is empty; send the report text.")
    text = decode(raw, charset)
    if media_type == APPLICATION_JSON:
        return REQUEST_SCHEMA.load(json_document(text))["text"]
    return text


def json_from_request():
    """The body of an application/json-only endpoint, parsed (not yet checked against a schema)."""
    if request.mimetype != APPLICATION_JSON:
        raise ProblemError(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the request as application/json.")
    raw = read_body()
    if not raw:
        raise ProblemError(ProblemType.EMPTY_BODY, "The request body is empty; send a JSON document.")
    return json_document(decode(raw, DEFAULT_CHARSET))


def declared_charset():
    name = request.mimetype_params.get("charset", DEFAULT_CHARSET)
    try:
        codec = codecs.lookup(name).name
    except (LookupError, ValueError):
        codec = None
    if codec not in SUPPORTED_CHARSETS:
        raise ProblemError(ProblemType.UNSUPPORTED_CHARSET,
                           "The charset parameter names an unsupported character set. Supported: "
                           + ", ".join(SUPPORTED_CHARSETS) + ".")
    return codec


def read_body() -> bytes:
    """The whole body, refused with 413 past MAX_CONTENT_LENGTH, with or without Content-Length.

    The stream is opened with a limit one byte above the maximum, so that a streamed (chunked)
    body of exactly the maximum ends cleanly and anything longer is caught here.
    """
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    length = request.content_length
    if length is not None and length > limit:
        raise RequestEntityTooLarge()
    request.max_content_length = limit + 1
    raw = request.get_data(cache=False)
    if len(raw) > limit:
        raise RequestEntityTooLarge()
    return raw


def decode(raw: bytes, charset: str) -> str:
    try:
        text = raw.decode(charset)
    except UnicodeDecodeError as error:
        raise ProblemError(ProblemType.INVALID_ENCODING,
                           f"The body is not valid {charset}: the bytes at offset {error.start} "
                           "cannot be decoded. Declare the right charset or fix the bytes.") from None
    return text.removeprefix(BOM)


def json_document(document: str):
    try:
        return orjson.loads(document)
    except orjson.JSONDecodeError as error:
        raise ProblemError(ProblemType.INVALID_JSON,
                           f"The body is not valid JSON (line {error.lineno}, column {error.colno}).") from None
