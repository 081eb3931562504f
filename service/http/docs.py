"""Swagger UI at DOCS_PATH, served from the files of the flask-swagger-ui package (no CDN)."""

import posixpath

from flask_swagger_ui import get_swaggerui_blueprint


def spec_url(config):
    return posixpath.join("/", config["OPENAPI_URL_PREFIX"].strip("/"), config["OPENAPI_JSON_PATH"].lstrip("/"))


def register_docs(app):
    path = "/" + app.config["DOCS_PATH"].strip("/")
    # validatorUrl None: no badge fetched from the online validator either.
    blueprint = get_swaggerui_blueprint(path, spec_url(app.config), blueprint_name="docs",
                                        config={"app_name": app.config["API_TITLE"], "validatorUrl": None})
    app.register_blueprint(blueprint)
    # The blueprint answers at PATH/ ; answer at PATH itself too instead of redirecting.
    app.add_url_rule(path, endpoint="docs_page", view_func=app.view_functions["docs.show"])
