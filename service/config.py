"""Configuration: defaults, then SERVICE_* environment variables, then the caller's overrides.

Nothing here runs at import time; `load_config` is called by `create_app`.
"""

import re

from service import __version__

SERVICE_NAME = "gov-report-parser"

MIB = 1024 * 1024

DEFAULTS = {
    # Largest request body, in bytes, of a text/plain or application/json body (POST /parse) and
    # of POST /compare (both reports together).
    "MAX_CONTENT_LENGTH": 2 * MIB,
    # Largest document, in bytes: a multipart/form-data upload's `file` part, or a text/html or
    # .docx body (pages and Word files carry markup, styles and images besides the text).
    "MAX_UPLOAD_BYTES": 10 * MIB,
    # POST /parse/batch: most documents in one request, and most bytes of its body (JSON or
    # multipart, all documents together). Each document also keeps the limits above.
    "MAX_BATCH_DOCUMENTS": 32,
    "MAX_BATCH_BYTES": 16 * MIB,
    # Most characters of text handed to the parser, whatever it was extracted from.
    "MAX_CHARS": 2 * MIB,
    # Most bytes a .docx may expand to when unzipped (zip bombs).
    "MAX_DOCX_UNCOMPRESSED": 32 * MIB,
    # PDF: most pages; seconds and memory (bytes) the child process reading one may take before
    # it is killed (a hostile or broken file answers 422 pdf-too-costly).
    "MAX_PDF_PAGES": 100,
    "PDF_TIME_LIMIT": 10,
    "PDF_MEMORY_LIMIT": 512 * MIB,
    # Most elements and attributes in the tree of an HTML page and of a .docx's
    # word/document.xml, counted while it is parsed (real pages have 1 000 to 2 000 elements,
    # real reports in Word some 11 000; a tree costs about 200 bytes a node).
    "MAX_HTML_ELEMENTS": 100_000,
    "MAX_HTML_ATTRIBUTES": 100_000,
    "MAX_DOCX_ELEMENTS": 200_000,
    "MAX_DOCX_ATTRIBUTES": 200_000,
    # The worker model (service/parsing_slots.py): each gunicorn worker parses documents in
    # PARSING_SLOTS worker processes of its own; a document has DOCUMENT_TIME_LIMIT seconds
    # (then its worker is killed: 422), a batch BATCH_TIME_LIMIT seconds in all (documents not
    # reached by then: 503 each); a request waits at most SLOT_WAIT seconds for a free slot (then
    # 503 with Retry-After). A slot process may grow by PARSING_MEMORY_LIMIT bytes at most, and is
    # replaced after a document during which it grew by PARSING_RECYCLE_GROWTH bytes.
    # PARSING_SLOTS 0 parses in the serving thread itself, without those limits (for debugging).
    # Two per worker: a client's keep-alive connections often all land on one worker (8 of them
    # split 8/0, 7/1, 4/4 over two workers, seen with `ss`), and with one slot that worker's
    # parses then take one core while the other idles (bench/bench.py, 2 cores: POST /parse
    # 234-456 req/s with one slot per worker, 354-411 with two; a slot costs about 12 MB PSS).
    "PARSING_SLOTS": 2,
    "DOCUMENT_TIME_LIMIT": 10,
    "BATCH_TIME_LIMIT": 25,
    "SLOT_WAIT": 5,
    "PARSING_MEMORY_LIMIT": 1024 * MIB,
    "PARSING_RECYCLE_GROWTH": 128 * MIB,
    # Seconds the client may leave the body stalled (nothing arriving) before a 408; under
    # gunicorn only (its own `timeout` bounds the whole request).
    "BODY_READ_TIMEOUT": 10,
    # Origins allowed to call the service from a browser (CORS): a comma-separated list such as
    # "https://a.example,https://b.example" (or a JSON list). Empty: CORS is off.
    "CORS_ORIGINS": "",
    # Validate every POST /parse answer against ParseResultSchema at run time: the compiled dump
    # is compared byte for byte with marshmallow's own, and the bytes are loaded back through the
    # schema; a difference is a 500 internal-error. On in the test suite; costs about 3 ms a report.
    "VALIDATE_RESPONSES": False,
    # Level of the service's own log lines (one per request; errors).
    "LOG_LEVEL": "info",
    # flask-smorest: spec metadata and where the generated spec is served.
    "API_TITLE": SERVICE_NAME,
    "API_VERSION": __version__,
    "OPENAPI_VERSION": "3.1.0",
    "OPENAPI_URL_PREFIX": "/",
    "OPENAPI_JSON_PATH": "openapi.json",
    # Swagger UI, served from the files of the flask-swagger-ui package (no CDN).
    "DOCS_PATH": "/docs",
}

ENV_PREFIX = "SERVICE"
# The limits service.formats applies to one document: setting → field of formats.Limits.
DOCUMENT_LIMITS = {"MAX_CHARS": "max_chars", "MAX_DOCX_UNCOMPRESSED": "max_docx_uncompressed",
                   "MAX_HTML_ELEMENTS": "max_html_elements", "MAX_HTML_ATTRIBUTES": "max_html_attributes",
                   "MAX_DOCX_ELEMENTS": "max_docx_elements", "MAX_DOCX_ATTRIBUTES": "max_docx_attributes",
                   "MAX_PDF_PAGES": "max_pdf_pages", "PDF_TIME_LIMIT": "pdf_seconds",
                   "PDF_MEMORY_LIMIT": "pdf_memory"}
LIMITS = ("MAX_CONTENT_LENGTH", "MAX_UPLOAD_BYTES", "MAX_BATCH_DOCUMENTS", "MAX_BATCH_BYTES", *DOCUMENT_LIMITS,
          "DOCUMENT_TIME_LIMIT", "BATCH_TIME_LIMIT", "SLOT_WAIT", "PARSING_MEMORY_LIMIT",
          "PARSING_RECYCLE_GROWTH")
ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$|^https?://\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$")
LOG_LEVELS = ("debug", "info", "warning", "error", "critical")


def load_config(app, overrides=None):
    """Fill app.config: DEFAULTS < SERVICE_* environment < `overrides` (e.g. a test config)."""
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env(ENV_PREFIX)
    if overrides:
        app.config.from_mapping(overrides)
    check_config(app.config)
    app.config["CORS_ORIGINS"] = cors_origins(app.config["CORS_ORIGINS"])


def document_limits(config):
    """The formats.Limits of a configuration (app.config, or DEFAULTS for the command line)."""
    from service.formats import Limits

    return Limits(**{field: config[name] for name, field in DOCUMENT_LIMITS.items()})


def check_config(config):
    """Stop the boot on a setting that would break every request."""
    for name in LIMITS:
        limit = config[name]
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise ValueError(f"{name} must be a positive whole number, not {limit!r}")
    slots = config["PARSING_SLOTS"]
    if isinstance(slots, bool) or not isinstance(slots, int) or not 0 <= slots <= 64:
        raise ValueError(f"PARSING_SLOTS must be a whole number from 0 to 64, not {slots!r}")
    timeout = config["BODY_READ_TIMEOUT"]
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout < 3600:
        raise ValueError(f"BODY_READ_TIMEOUT must be a number of seconds between 0 and 3600, not {timeout!r}")
    if not isinstance(config["VALIDATE_RESPONSES"], bool):
        raise ValueError(f"VALIDATE_RESPONSES must be true or false, not {config['VALIDATE_RESPONSES']!r}")
    level = config["LOG_LEVEL"]
    if not isinstance(level, str) or level.lower() not in LOG_LEVELS:
        raise ValueError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, not {level!r}")
    cors_origins(config["CORS_ORIGINS"])


def cors_origins(value) -> tuple:
    """The CORS allowlist as a tuple of origins ("scheme://host[:port]", lower case, no path)."""
    if value is None:
        return ()
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value):
        items = value
    else:
        raise ValueError(f"CORS_ORIGINS must be a comma-separated list of origins, not {value!r}")
    origins = tuple(item.strip().rstrip("/").lower() for item in items if item.strip())
    for origin in origins:
        if not ORIGIN.match(origin):
            raise ValueError(f"CORS_ORIGINS: {origin!r} is not an origin like https://example.org "
                             "(scheme, host and optional port; no path; no wildcard)")
    return origins
