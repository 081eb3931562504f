"""Werkzeug HTTPExceptions raised anywhere (not only by our views) still answer problem+json."""

import pytest
from flask_smorest import abort

from service.app import create_app
from service.http.problems import PROBLEM_BASE_URI


@pytest.fixture
def raising_client():
    app = create_app({"TESTING": True})

    @app.route("/raise/<int:code>")
    def raise_status(code):
        abort(code)

    @app.route("/webargs-422")
    def webargs_style_422():
        abort(422, messages={"json": {"text": ["Missing data for required field."]}})

    return app.test_client()


@pytest.mark.parametrize("code, slug", [(400, "bad-request"), (408, "request-timeout"), (429, "too-many-requests"),
                                        (500, "internal-error"), (503, "service-unavailable")])
def test_any_status_is_a_problem(raising_client, assert_problem, code, slug):
    body = assert_problem(raising_client.get(f"/raise/{code}"), code, slug)
    assert body["type"] == PROBLEM_BASE_URI + slug


def test_webargs_validation_errors_become_pointers(raising_client, assert_problem):
    body = assert_problem(raising_client.get("/webargs-422"), 422, "validation-error")
    assert body["errors"] == [{"pointer": "/text", "detail": "Missing data for required field."}]
