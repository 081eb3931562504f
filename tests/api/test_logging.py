"""Logs: one line per request (request id, method, path, status, sizes, duration), the request id
echoed in X-Request-ID, and nothing the user sent (body, query, headers, file name) in any log
record, on success and on every kind of error."""

import io
import logging
import os
import re

import pytest

from conftest import MARKER
from service.http.request_log import LOG_FORMAT, REQUEST_LOGGER_NAME

LINE = re.compile(r"request_id=(?P<id>[A-Za-z0-9._:-]+) method=(?P<method>\S+) path=(?P<path>\S+) "
                  r"status=(?P<status>\d{3}) request_bytes=(?P<request>\d+) response_bytes=(?P<response>\d+|-) "
                  r"duration_ms=(?P<ms>\d+\.\d)$")


@pytest.fixture
def logs(caplog):
    caplog.set_level(logging.DEBUG)
    return caplog


def request_lines(caplog):
    return [LINE.match(record.getMessage()) for record in caplog.records if record.name == REQUEST_LOGGER_NAME]


def everything_logged(caplog):
    return "\n".join(caplog.text.splitlines() + [record.getMessage() for record in caplog.records])


@pytest.fixture
def report_with_marker(sample_report):
    text, _ = sample_report
    return text + "\n" + MARKER + "\n"


def requests_carrying_the_marker(client, report):
    """Each way the marker can reach the service; yields the responses."""
    yield client.post("/parse", data=report.encode("utf-8"), content_type="text/plain")            # 200
    yield client.post("/parse", json={"text": report})                                              # 200
    yield client.post("/parse", data={"file": (io.BytesIO(report.encode("gbk", "replace")), MARKER + ".txt")},
                      content_type="multipart/form-data")                                           # 200
    yield client.post("/parse", data=MARKER.encode(), content_type="text/plain")                    # 422
    yield client.post("/parse", data=MARKER.encode() + b"\xff", content_type="text/plain; charset=utf-8")  # 400
    yield client.post("/parse", data=b'{"text": "' + MARKER.encode() + b'"', content_type="application/json")
    yield client.post("/parse", json={"text": MARKER, "extra": MARKER})                             # 422
    yield client.post("/parse", data=MARKER.encode(), content_type="application/x-" + "marker")      # 415
    yield client.post("/parse?only_failures=" + MARKER, data=MARKER.encode(), content_type="text/plain")
    yield client.post("/parse", data=MARKER.encode(), content_type="text/plain",
                      headers={"User-Agent": MARKER, "Referer": "https://x.example/" + MARKER})
    yield client.post("/parse", data=f"<html><body>{MARKER}</body></html>".encode(), content_type="text/html")
    yield client.post("/parse", data=MARKER.encode(), content_type="application/vnd.openxmlformats-"
                                                                   "officedocument.wordprocessingml.document")
    yield client.post("/compare", json={"previous": {"text": MARKER}, "current": {"text": report}})


def test_nothing_the_user_sent_is_logged(client, logs, report_with_marker):
    statuses = [response.status_code for response in requests_carrying_the_marker(client, report_with_marker)]
    assert 200 in statuses and 400 in statuses and 415 in statuses and 422 in statuses
    logged = everything_logged(logs)
    assert MARKER not in logged
    assert "SUBMITTED-TEXT" not in logged
    assert len(request_lines(logs)) == len(statuses)


def test_an_unexpected_error_logs_its_type_and_stack_but_not_its_message(in_process_client, logs, monkeypatch,
                                                                         assert_problem):
    client = in_process_client

    def broken_parser(text):
        raise ValueError(f"cannot read {text[:40]}")

    monkeypatch.setattr("service.documents.parse_report", broken_parser)
    response = client.post("/parse", data=MARKER.encode(), content_type="text/plain",
                           headers={"X-Request-ID": "trace-500"})
    assert_problem(response, 500, "internal-error")
    logged = everything_logged(logs)
    assert "ValueError" in logged and "broken_parser" in logged and "trace-500" in logged
    assert MARKER not in logged and "SUBMITTED-TEXT" not in logged


def test_one_line_per_request_with_its_facts(client, logs, sample_report):
    text, _ = sample_report
    data = text.encode("utf-8")
    response = client.post("/parse", data=data, content_type="text/plain", headers={"X-Request-ID": "abc-123"})
    [line] = request_lines(logs)
    assert line, "the line has the documented shape"
    assert line["id"] == "abc-123"
    assert (line["method"], line["path"], line["status"]) == ("POST", "/parse", "200")
    assert int(line["request"]) == len(data)
    assert int(line["response"]) == len(response.get_data())
    assert float(line["ms"]) > 0


def test_a_line_on_stderr_says_which_process_wrote_it(client, logs, sample_report):
    """Under gunicorn each worker writes its own lines: the process id tells them apart (what
    bench/latency_split.py reads to give each worker's latencies)."""
    client.get("/health")
    [record] = [record for record in logs.records if record.name == REQUEST_LOGGER_NAME]
    line = logging.Formatter(LOG_FORMAT).format(record)
    assert re.search(rf" \[{os.getpid()}\] INFO service\.requests request_id=", line), line


@pytest.mark.parametrize("method, path, status", [("get", "/health", "200"), ("get", "/nowhere", "404"),
                                                  ("put", "/parse", "405"), ("get", "/docs", "200")])
def test_every_request_is_logged(client, logs, method, path, status):
    getattr(client, method)(path)
    [line] = request_lines(logs)
    assert (line["method"], line["path"], line["status"]) == (method.upper(), path, status)


def test_a_refused_body_is_logged_with_its_declared_size(logs, assert_problem):
    from service.app import create_app

    client = create_app({"TESTING": True, "MAX_CONTENT_LENGTH": 10}).test_client()
    assert_problem(client.post("/parse", data=b"a" * 100, content_type="text/plain"), 413, "payload-too-large")
    [line] = request_lines(logs)
    assert (line["status"], line["request"]) == ("413", "100")


def test_a_path_cannot_forge_a_log_line(client, logs):
    client.get("/a%0Arequest_id=forged%20status=200")
    [record] = [r for r in logs.records if r.name == REQUEST_LOGGER_NAME]
    assert "\n" not in record.getMessage() and " status=200 " not in record.getMessage().split(" status=")[0]


# --- request id --------------------------------------------------------------------------------

@pytest.mark.parametrize("incoming", ["abc-123", "0f8e6a2c-1d7b-4a4e-9a5f-3c2b1a0d9e8f", "a.b_c:d", "x" * 128])
def test_a_sane_request_id_is_echoed(client, incoming):
    response = client.get("/health", headers={"X-Request-ID": incoming})
    assert response.headers["X-Request-ID"] == incoming


@pytest.mark.parametrize("incoming", ["", "x" * 129, "has space", "<script>", "a/b", "é", "a;b=c"])
def test_an_odd_request_id_is_replaced(client, logs, incoming):
    response = client.get("/health", headers={"X-Request-ID": incoming})
    generated = response.headers["X-Request-ID"]
    assert generated != incoming and re.fullmatch(r"[0-9a-f]{32}", generated)
    [line] = request_lines(logs)
    assert line["id"] == generated


def test_a_request_id_is_made_when_none_is_sent(client):
    first, second = client.get("/health"), client.get("/health")
    assert re.fullmatch(r"[0-9a-f]{32}", first.headers["X-Request-ID"])
    assert first.headers["X-Request-ID"] != second.headers["X-Request-ID"]


@pytest.mark.parametrize("call", [
    lambda client: client.post("/parse", data=b"", content_type="text/plain"),
    lambda client: client.post("/parse", data=b"x", content_type="application/xml"),
    lambda client: client.get("/nowhere"),
    lambda client: client.post("/compare", json={}),
])
def test_errors_carry_the_request_id_too(client, call):
    response = call(client)
    assert response.status_code >= 400
    assert response.headers["X-Request-ID"]


def test_the_request_id_is_one_header(client):
    response = client.get("/health", headers={"X-Request-ID": "one"})
    assert response.headers.getlist("X-Request-ID") == ["one"]
