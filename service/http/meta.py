"""GET /health and GET /version: cheap, no parsing."""

from flask_smorest import Blueprint

from service import SCHEMA_VERSION, __version__
from service.config import SERVICE_NAME
from service.http.contract import TEMPLATES
from service.http.schemas import HealthSchema, VersionSchema

blp = Blueprint("meta", __name__, description="Liveness and version")


@blp.route("/health")
@blp.response(200, HealthSchema)
def health():
    """Liveness: the process answers"""
    return {"status": "ok"}


@blp.route("/version")
@blp.response(200, VersionSchema)
def version():
    """Service, parser and response-shape versions"""
    return {"name": SERVICE_NAME, "version": __version__, "schema_version": SCHEMA_VERSION,
            "templates": TEMPLATES}
