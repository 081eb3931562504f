"""Every limit at its boundary: exactly at the limit is read, one over is a 413 payload-too-large
(never a truncated parse). The limits are configuration (SERVICE_* variables, see config.py):

    MAX_CONTENT_LENGTH     bytes of a text/plain or JSON body (tests in test_parse_errors.py too)
    MAX_UPLOAD_BYTES       bytes of an uploaded file, or of a text/html or .docx body
    MAX_CHARS              characters of the text read from anything
    MAX_DOCX_UNCOMPRESSED  bytes a .docx declares it expands to
"""

import io
import json

import pytest

from conftest import MARKER, corpus_doc_named, corpus_text
from report_files import docx_from_text, uncompressed_size, zip_bomb
from service.app import create_app
from service.formats import DOCX, Limits, extract_text


def client_with(**config):
    return create_app({"TESTING": True, **config}).test_client()


def upload(client, data, part_type="text/plain"):
    return client.post("/parse", data={"file": (io.BytesIO(data), "report", part_type)},
                       content_type="multipart/form-data")


def assert_too_large(assert_problem, response, setting):
    body = assert_problem(response, 413, "payload-too-large")
    assert setting in body["detail"]
    return body


def assert_at_limit(assert_problem, response, over, setting):
    """One over the limit is a 413 naming the setting; exactly at the limit is parsed (200)."""
    if over:
        assert_too_large(assert_problem, response, setting)
    else:
        assert response.status_code == 200


@pytest.fixture(scope="module")
def report():
    return corpus_text(corpus_doc_named("hongze-2023"))


@pytest.fixture(scope="module")
def report_docx(report):
    return docx_from_text(report)


# --- MAX_UPLOAD_BYTES --------------------------------------------------------------------------

UPLOAD_LIMIT = 4096


def test_an_upload_exactly_at_the_limit_is_read(assert_problem):
    response = upload(client_with(MAX_UPLOAD_BYTES=UPLOAD_LIMIT), b"a" * UPLOAD_LIMIT)
    assert_problem(response, 422, "not-a-report")     # read to the end, not refused


def test_an_upload_one_byte_over_the_limit(assert_problem):
    response = upload(client_with(MAX_UPLOAD_BYTES=UPLOAD_LIMIT), b"a" * (UPLOAD_LIMIT + 1))
    assert_too_large(assert_problem, response, "MAX_UPLOAD_BYTES")


def test_a_multipart_body_far_over_the_limit_is_refused_unread(assert_problem):
    response = upload(client_with(MAX_UPLOAD_BYTES=UPLOAD_LIMIT), MARKER.encode() * 10_000)
    assert_too_large(assert_problem, response, "MAX_UPLOAD_BYTES")


def test_a_streamed_upload_over_the_limit(assert_problem):
    """Chunked (no Content-Length): the form parser stops at the limit."""
    from werkzeug.test import EnvironBuilder

    builder = EnvironBuilder(method="POST", data={"file": (io.BytesIO(b"a" * 200_000), "report", "text/plain")})
    environ = builder.get_environ()
    body, content_type = environ["wsgi.input"].read(), environ["CONTENT_TYPE"]
    response = client_with(MAX_UPLOAD_BYTES=UPLOAD_LIMIT).post(
        "/parse", input_stream=io.BytesIO(body), content_type=content_type,
        environ_overrides={"wsgi.input_terminated": True})
    assert_too_large(assert_problem, response, "MAX_UPLOAD_BYTES")


@pytest.mark.parametrize("over", [0, 1])
def test_an_html_body_at_the_upload_limit(assert_problem, over):
    page = f"<html><body><p>{MARKER}</p></body></html>".encode()
    data = page + b" " * (UPLOAD_LIMIT - len(page) + over)
    response = client_with(MAX_UPLOAD_BYTES=UPLOAD_LIMIT, MAX_CONTENT_LENGTH=64).post(
        "/parse", data=data, content_type="text/html")
    if over:
        assert_too_large(assert_problem, response, "MAX_UPLOAD_BYTES")
    else:
        assert_problem(response, 422, "not-a-report")


@pytest.mark.parametrize("over", [0, 1])
def test_a_docx_body_at_the_upload_limit(assert_problem, report_docx, over):
    client = client_with(MAX_UPLOAD_BYTES=len(report_docx) - over, MAX_CONTENT_LENGTH=64)
    response = client.post("/parse", data=report_docx, content_type=DOCX)
    assert_at_limit(assert_problem, response, over, "MAX_UPLOAD_BYTES")


def test_a_text_body_is_held_to_max_content_length_not_to_the_upload_limit(assert_problem):
    response = client_with(MAX_CONTENT_LENGTH=64, MAX_UPLOAD_BYTES=UPLOAD_LIMIT).post(
        "/parse", data=b"a" * 65, content_type="text/plain")
    assert_too_large(assert_problem, response, "MAX_CONTENT_LENGTH")


# --- MAX_CHARS ---------------------------------------------------------------------------------

@pytest.mark.parametrize("over", [0, 1])
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16"])
def test_text_at_the_character_limit(assert_problem, report, encoding, over):
    """Characters, not bytes: the same report is at the limit in every encoding."""
    client = client_with(MAX_CHARS=len(report) - over)
    response = client.post("/parse", data=report.encode(encoding), content_type="text/plain")
    if over:
        body = assert_too_large(assert_problem, response, "characters")
        assert str(len(report) - over) in body["detail"]
    else:
        assert response.status_code == 200


@pytest.mark.parametrize("over", [0, 1])
def test_json_text_at_the_character_limit(assert_problem, report, over):
    response = client_with(MAX_CHARS=len(report) - over).post("/parse", json={"text": report})
    assert_at_limit(assert_problem, response, over, "MAX_CHARS")


@pytest.mark.parametrize("over", [0, 1])
def test_a_compared_text_at_the_character_limit(assert_problem, report, over):
    response = client_with(MAX_CHARS=len(report) - over).post(
        "/compare", json={"previous": {"text": report}, "current": {"text": report}})
    assert_at_limit(assert_problem, response, over, "MAX_CHARS")


@pytest.mark.parametrize("over", [0, 1])
def test_docx_text_at_the_character_limit(assert_problem, report_docx, over):
    chars = len(extract_text(report_docx, DOCX, None, Limits()).text)
    response = client_with(MAX_CHARS=chars - over).post("/parse", data=report_docx, content_type=DOCX)
    assert_at_limit(assert_problem, response, over, "characters")


@pytest.mark.parametrize("over", [0, 1])
def test_html_text_at_the_character_limit(assert_problem, over):
    data = (corpus_doc_named("putian-wlj-2024") / "source.html").read_bytes()
    chars = len(extract_text(data, "text/html", None, Limits()).text)
    response = client_with(MAX_CHARS=chars - over).post("/parse", data=data, content_type="text/html")
    assert_at_limit(assert_problem, response, over, "characters")


def test_an_uploaded_text_over_the_character_limit(assert_problem, report):
    response = upload(client_with(MAX_CHARS=len(report) - 1), report.encode("utf-8"))
    assert_too_large(assert_problem, response, "characters")


# --- MAX_DOCX_UNCOMPRESSED ---------------------------------------------------------------------

@pytest.mark.parametrize("over", [0, 1])
def test_a_docx_at_the_uncompressed_limit(assert_problem, report_docx, over):
    client = client_with(MAX_DOCX_UNCOMPRESSED=uncompressed_size(report_docx) - over)
    response = client.post("/parse", data=report_docx, content_type=DOCX)
    if over:
        assert_problem(response, 413, "payload-too-large")
    else:
        assert response.status_code == 200


def test_a_zip_bomb_is_refused_by_the_default_limits(client, assert_problem):
    """40 MiB of spaces in 40 KB: over the default 32 MiB; refused from the zip's directory."""
    response = client.post("/parse", data=zip_bomb(40 * 1024 * 1024), content_type=DOCX)
    assert_problem(response, 413, "payload-too-large")


def test_a_zip_bomb_upload(client, assert_problem):
    assert_problem(upload(client, zip_bomb(40 * 1024 * 1024), "application/octet-stream"), 413,
                   "payload-too-large")


# --- configuration -----------------------------------------------------------------------------

@pytest.mark.parametrize("name, value", [("MAX_UPLOAD_BYTES", 12345), ("MAX_CHARS", 999),
                                         ("MAX_DOCX_UNCOMPRESSED", 4096), ("MAX_CONTENT_LENGTH", 77),
                                         ("MAX_HTML_ELEMENTS", 11), ("MAX_HTML_ATTRIBUTES", 12),
                                         ("MAX_DOCX_ELEMENTS", 13), ("MAX_DOCX_ATTRIBUTES", 14)])
def test_each_limit_is_read_from_the_environment(monkeypatch, name, value):
    monkeypatch.setenv(f"SERVICE_{name}", str(value))
    assert create_app({"TESTING": True}).config[name] == value


def test_the_documented_defaults(monkeypatch):
    for name in ("MAX_UPLOAD_BYTES", "MAX_CHARS", "MAX_DOCX_UNCOMPRESSED", "MAX_CONTENT_LENGTH"):
        monkeypatch.delenv(f"SERVICE_{name}", raising=False)
    config = create_app({"TESTING": True}).config
    assert (config["MAX_CONTENT_LENGTH"], config["MAX_UPLOAD_BYTES"], config["MAX_CHARS"],
            config["MAX_DOCX_UNCOMPRESSED"]) == (2 * 2 ** 20, 10 * 2 ** 20, 2 * 2 ** 20, 32 * 2 ** 20)


@pytest.mark.parametrize("name", ["MAX_UPLOAD_BYTES", "MAX_CHARS", "MAX_DOCX_UNCOMPRESSED", "MAX_HTML_ELEMENTS",
                                  "MAX_HTML_ATTRIBUTES", "MAX_DOCX_ELEMENTS", "MAX_DOCX_ATTRIBUTES"])
@pytest.mark.parametrize("value", [0, -1, "big", None, True, 1.5])
def test_a_broken_limit_stops_the_boot(name, value):
    with pytest.raises(ValueError, match=name):
        create_app({name: value})


def test_limits_reach_the_extractor(monkeypatch, report_docx):
    seen = {}

    def spy(data, media_type, charset=None, limits=Limits()):
        seen["limits"] = limits
        return extract_text(data, media_type, charset, limits)

    monkeypatch.setattr("service.documents.extract_text", spy)
    client_with(PARSING_SLOTS=0, MAX_CHARS=123_456, MAX_DOCX_UNCOMPRESSED=7_654_321, MAX_HTML_ELEMENTS=1_001, MAX_HTML_ATTRIBUTES=1_002,
                MAX_DOCX_ELEMENTS=1_003, MAX_DOCX_ATTRIBUTES=1_004).post("/parse", data=report_docx, content_type=DOCX)
    assert seen["limits"] == Limits(max_chars=123_456, max_docx_uncompressed=7_654_321, max_html_elements=1_001,
                                    max_html_attributes=1_002, max_docx_elements=1_003, max_docx_attributes=1_004)


# --- element and attribute caps of HTML and .docx trees ------------------------------------------

@pytest.mark.parametrize("name, media_type", [("MAX_HTML_ELEMENTS", "text/html"), ("MAX_HTML_ATTRIBUTES", "text/html"),
                                              ("MAX_DOCX_ELEMENTS", DOCX), ("MAX_DOCX_ATTRIBUTES", DOCX)])
def test_a_tree_over_its_cap_is_a_413_naming_the_setting(assert_problem, report_docx, name, media_type):
    page = ("<html><body>" + '<p class="x">一、总体情况</p>' * 300 + "</body></html>").encode()
    body = page if media_type == "text/html" else report_docx
    assert client_with().post("/parse", data=body, content_type=media_type).status_code == 200
    response = client_with(**{name: 1}).post("/parse", data=body, content_type=media_type)
    assert_problem(response, 413, "payload-too-large")
    assert "more than 1 " in response.get_json()["detail"] and name in response.get_json()["detail"]


def test_a_limit_error_never_echoes_the_text(assert_problem):
    client = client_with(MAX_CHARS=10)
    for response in (client.post("/parse", data=MARKER.encode(), content_type="text/plain"),
                     client.post("/parse", data=json.dumps({"text": MARKER}), content_type="application/json")):
        assert_problem(response, 413, "payload-too-large")


def test_the_body_read_timeout_is_configuration(monkeypatch):
    monkeypatch.setenv("SERVICE_BODY_READ_TIMEOUT", "2.5")
    assert create_app({"TESTING": True}).config["BODY_READ_TIMEOUT"] == 2.5
    monkeypatch.delenv("SERVICE_BODY_READ_TIMEOUT")
    assert create_app({"TESTING": True}).config["BODY_READ_TIMEOUT"] == 10


@pytest.mark.parametrize("value", [0, -1, 3600, "soon", None, True])
def test_a_broken_body_read_timeout_stops_the_boot(value):
    with pytest.raises(ValueError, match="BODY_READ_TIMEOUT"):
        create_app({"BODY_READ_TIMEOUT": value})
