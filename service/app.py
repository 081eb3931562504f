"""The app factory: `gunicorn 'service.app:create_app()'`."""

from flask import Flask

from service.config import load_config
from service.http import batch, compare, export, meta, parse
from service.http.api import create_api
from service.http.body import InMemoryRequest
from service.http.console import blp as console_blueprint
from service.http.cors import register_cors
from service.http.docs import register_docs
from service.http.json_provider import OrjsonProvider
from service.http.problems import register_problem_handlers
from service.http.request_log import RequestLog, configure_logging


class ServiceFlask(Flask):
    """Flask, with `ensure_sync`'s answer kept per function. Flask asks it for the view and for
    every layer flask-smorest wraps around it (nine on POST /parse), each time through
    inspect.iscoroutinefunction: about 0.1 ms of every request, for an answer that never changes."""

    MAX_KEPT = 1024           # functions are the app's views and hooks: a few dozen

    def ensure_sync(self, func):
        kept = self.__dict__.setdefault("_sync_functions", {})
        sync = kept.get(func)
        if sync is None:
            sync = super().ensure_sync(func)
            if len(kept) < self.MAX_KEPT:
                kept[func] = sync
        return sync


def create_app(config=None):
    """Build the app: defaults < SERVICE_* environment < `config` (a mapping, e.g. for tests)."""
    app = ServiceFlask(__name__)
    app.request_class = InMemoryRequest
    app.json = OrjsonProvider(app)
    load_config(app, config)
    configure_logging(app.config["LOG_LEVEL"])
    app.wsgi_app = RequestLog(app.wsgi_app)
    register_cors(app)
    api = create_api(app)
    register_problem_handlers(app)
    api.register_blueprint(meta.blp)
    api.register_blueprint(parse.blp)
    api.register_blueprint(batch.blp)
    api.register_blueprint(compare.blp)
    api.register_blueprint(export.blp)
    register_docs(app)
    app.register_blueprint(console_blueprint)
    return app
