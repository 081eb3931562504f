"""The OpenAPI document generated from the code, as plain data and as the YAML of openapi.yaml."""

import json

import yaml


def openapi_document(app) -> dict:
    """The spec as plain JSON data (what GET /openapi.json serves)."""
    api = app.extensions["flask-smorest"]["apis"][""]["ext_obj"]
    return json.loads(app.json.dumps(api.spec.to_dict()))


TOP_LEVEL_ORDER = ("openapi", "info", "tags", "paths", "components")


def openapi_yaml(app) -> str:
    """The document with its top-level keys in the usual reading order; Chinese kept as is."""
    document = openapi_document(app)
    ordered = {key: document[key] for key in TOP_LEVEL_ORDER if key in document}
    ordered.update(document)
    return yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=100)
