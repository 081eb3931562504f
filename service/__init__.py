"""Parser and REST service for Chinese government information disclosure annual reports."""

__version__ = "0.5.0"
SCHEMA_VERSION = "1.3"


def create_app(config=None):
    """Build the Flask app (imported lazily so the parser can be used without Flask)."""
    from service.app import create_app as _create_app

    return _create_app(config)
