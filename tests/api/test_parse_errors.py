"""POST /parse refusing a request: each problem type, at its boundaries, as problem+json.

Every error body must carry type/title/status/detail and never the submitted text (MARKER).
"""

import io

import pytest

from conftest import MARKER
from service.app import create_app

NEWS_PARAGRAPH = f"今天天气晴朗，市民纷纷走出家门，到公园散步赏花，享受春日时光。{MARKER}"


def post(client, data, content_type="text/plain; charset=utf-8", **kwargs):
    return client.post("/parse", data=data, content_type=content_type, **kwargs)


# --- 400 -------------------------------------------------------------------------------------

@pytest.mark.parametrize("content_type", ["text/plain", "text/plain; charset=utf-8", "application/json"])
def test_empty_body(client, assert_problem, content_type):
    assert_problem(post(client, b"", content_type), 400, "empty-body")


@pytest.mark.parametrize("data, offset", [
    (b"\xff\xfe\xfa", 0),
    (MARKER.encode("utf-8") + b"\xff", len(MARKER.encode("utf-8"))),
    ("政府信息公开".encode("gbk"), 0),  # GBK bytes declared as UTF-8
])
def test_invalid_encoding_gives_the_byte_offset(client, assert_problem, data, offset):
    body = assert_problem(post(client, data), 400, "invalid-encoding")
    assert f"offset {offset}" in body["detail"]
    assert "\ufffd" not in body["detail"]


def test_invalid_encoding_in_declared_charset(client, assert_problem):
    assert_problem(post(client, b"\x81", "text/plain; charset=gb18030"), 400, "invalid-encoding")


def test_invalid_utf8_inside_json(client, assert_problem):
    assert_problem(post(client, b'{"text": "\xff\xfe"}', "application/json"), 400, "invalid-encoding")


@pytest.mark.parametrize("data", [b'{"text": ', b"{text: 1}", b"\"unterminated", b"NaN", b'{"text": "\\ud800"}'])
def test_invalid_json(client, assert_problem, data):
    assert_problem(post(client, data, "application/json"), 400, "invalid-json")


# --- 406 -------------------------------------------------------------------------------------

@pytest.mark.parametrize("accept", ["text/html", "application/xml, image/*", "application/json;q=0",
                                    "text/csv;q=0, application/json;q=0"])
def test_accept_excluding_json_and_csv(client, assert_problem, accept):
    assert_problem(post(client, MARKER.encode(), headers={"Accept": accept}), 406, "not-acceptable")


@pytest.mark.parametrize("accept", ["*/*", "application/*", "application/json", "text/html, application/json;q=0.5"])
def test_accept_including_json_is_not_refused(client, accept):
    assert post(client, b"hello world", headers={"Accept": accept}).status_code != 406


# --- 413 -------------------------------------------------------------------------------------

LIMIT = 64


@pytest.fixture
def small_client():
    return create_app({"TESTING": True, "MAX_CONTENT_LENGTH": LIMIT}).test_client()


def test_body_exactly_at_the_limit_is_accepted(small_client):
    assert post(small_client, b"a" * LIMIT).status_code != 413


def test_body_one_byte_over_the_limit(small_client, assert_problem):
    body = assert_problem(post(small_client, b"a" * (LIMIT + 1)), 413, "payload-too-large")
    assert str(LIMIT) in body["detail"]


def test_json_body_over_the_limit(small_client, assert_problem):
    assert_problem(small_client.post("/parse", json={"text": "a" * LIMIT}), 413, "payload-too-large")


def streamed(client, data):
    """A body without Content-Length (chunked), from a server that terminates the stream."""
    return client.post("/parse", input_stream=io.BytesIO(data), content_type="text/plain",
                       environ_overrides={"wsgi.input_terminated": True})


def test_streamed_body_exactly_at_the_limit_is_read(small_client, assert_problem):
    response = streamed(small_client, b"a" * LIMIT)
    assert response.status_code not in (400, 413)


def test_streamed_body_over_the_limit(small_client, assert_problem):
    body = assert_problem(streamed(small_client, b"a" * (LIMIT * 10)), 413, "payload-too-large")
    assert str(LIMIT) in body["detail"]


def test_default_limit_is_2_mib(monkeypatch):
    monkeypatch.delenv("SERVICE_MAX_CONTENT_LENGTH", raising=False)
    client = create_app({"TESTING": True}).test_client()
    assert client.application.config["MAX_CONTENT_LENGTH"] == 2 * 1024 * 1024
    response = post(client, b"a" * (2 * 1024 * 1024 + 1))
    assert response.status_code == 413


# --- 415 -------------------------------------------------------------------------------------

@pytest.mark.parametrize("content_type", [
    "application/xml", "application/x-www-form-urlencoded", "text/markdown", "application/msword",
    "application/octet-stream", "image/png", None,
])
def test_unsupported_media_type(client, assert_problem, content_type):
    body = assert_problem(post(client, MARKER.encode(), content_type), 415, "unsupported-media-type")
    assert "text/plain" in body["detail"] and "application/json" in body["detail"]


@pytest.mark.parametrize("charset", ["klingon", "rot13", "base64", "zlib", "utf-7", "x\x01"])
def test_unsupported_charset(client, assert_problem, charset):
    body = assert_problem(post(client, MARKER.encode(), f"text/plain; charset={charset}"), 415,
                          "unsupported-charset")
    assert "utf-8" in body["detail"]


# --- 422 -------------------------------------------------------------------------------------

@pytest.mark.parametrize("payload, pointer", [
    ({}, "/text"),
    ({"text": ""}, "/text"),
    ({"text": 5}, "/text"),
    ({"text": None}, "/text"),
    ({"text": ["a"]}, "/text"),
    ({"text": MARKER, "template": "2021"}, "/template"),
    ([MARKER], ""),
    (MARKER, ""),
    (None, ""),
])
def test_validation_error(client, assert_problem, payload, pointer):
    import json

    response = post(client, json.dumps(payload), "application/json")
    body = assert_problem(response, 422, "validation-error")
    assert pointer in [error["pointer"] for error in body["errors"]]


@pytest.mark.parametrize("text", ["hello world", NEWS_PARAGRAPH, "   \n\t  ", "\x00"])
def test_not_a_report(client, assert_problem, text):
    body = assert_problem(post(client, text.encode("utf-8")), 422, "not-a-report")
    assert "errors" not in body


def test_not_a_report_as_json(client, assert_problem):
    assert_problem(client.post("/parse", json={"text": NEWS_PARAGRAPH}), 422, "not-a-report")


# --- 404, 405, 500 ---------------------------------------------------------------------------

def test_not_found(client, assert_problem):
    assert_problem(client.get("/no/such/path"), 404, "not-found")


@pytest.mark.parametrize("method, path", [("get", "/parse"), ("put", "/parse"), ("post", "/health"),
                                          ("delete", "/version")])
def test_method_not_allowed(client, assert_problem, method, path):
    response = getattr(client, method)(path)
    assert_problem(response, 405, "method-not-allowed")
    assert response.headers["Allow"]


def test_unexpected_error_is_a_generic_500(in_process_client, assert_problem, monkeypatch, caplog):
    client = in_process_client
    def broken_parser(text):
        raise RuntimeError(f"parser bug near {text[:20]}")

    monkeypatch.setattr("service.documents.parse_report", broken_parser)
    response = post(client, MARKER.encode())
    body = assert_problem(response, 500, "internal-error")
    assert "parser bug" not in response.get_data(as_text=True)
    assert "RuntimeError" not in body["detail"]
    assert any("RuntimeError" in record.getMessage() for record in caplog.records)
