"""Configuration: defaults, then SERVICE_* environment variables, then the caller's overrides.

Nothing here runs at import time; `load_config` is called by `create_app`.
"""

from service import __version__

SERVICE_NAME = "gov-report-parser"

DEFAULTS = {
    # Largest request body accepted by POST /parse, in bytes (2 MiB).
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
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


def load_config(app, overrides=None):
    """Fill app.config: DEFAULTS < SERVICE_* environment < `overrides` (e.g. a test config)."""
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env(ENV_PREFIX)
    if overrides:
        app.config.from_mapping(overrides)
    check_config(app.config)


def check_config(config):
    """Stop the boot on a setting that would break every request."""
    limit = config["MAX_CONTENT_LENGTH"]
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValueError(f"MAX_CONTENT_LENGTH must be a positive number of bytes, not {limit!r}")
