"""service.client: retries, timeouts and errors against a scripted local server, and every call
against the real service under gunicorn."""

import csv
import io
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests

from conftest import CORPUS_DIRS, MARKER, corpus_gold, corpus_text, free_port
from service.client import Client, ClientError, ProblemError, TransportError

NOT_A_REPORT_TEXT = f"今天天气晴朗，市民纷纷走出家门，到公园散步赏花。{MARKER}"
PROBLEM_TYPE = "https://gov-report-parser.example/problems/"


def problem(status, slug, title, detail, headers=None):
    """An answer of the scripted server: (status, headers, body) of an RFC 9457 problem."""
    body = {"type": PROBLEM_TYPE + slug, "title": title, "status": status, "detail": detail, "instance": "/parse"}
    return status, {"Content-Type": "application/problem+json", **(headers or {})}, json.dumps(body).encode()


def ok(body):
    return 200, {"Content-Type": "application/json"}, json.dumps(body).encode()


UNAVAILABLE = problem(503, "service-unavailable", "Service unavailable", "All workers are busy.")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A client that gave up (the timeout test) leaves a broken pipe: not worth a traceback."""


@pytest.fixture
def scripted_server():
    """start(*answers, hold=False) -> (url, seen): a local HTTP/1.1 server answering its n-th
    request with answers[n] (the last one repeated), recording each request in `seen` as
    (method, path, headers, body, client port). hold=True: it waits (until the test ends)
    before answering."""
    started = []

    def start(*answers, hold=False):
        seen = []
        release = threading.Event()

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                self.answer()

            do_POST = do_GET

            def answer(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                seen.append((self.command, self.path, self.headers, body, self.client_address[1]))
                if hold:
                    release.wait(10)
                status, headers, payload = answers[min(len(seen), len(answers)) - 1]
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        server = QuietServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        started.append((server, release))
        return f"http://127.0.0.1:{server.server_port}", seen

    yield start
    for server, release in started:
        release.set()
        server.shutdown()
        server.server_close()


# --- retries, timeouts, errors: a scripted local server ---

@pytest.mark.parametrize("document", ["报告正文", "报告 bytes, uploaded".encode()], ids=["str", "bytes-upload"])
def test_a_503_is_retried_with_the_same_body_until_the_200(scripted_server, document):
    backoff = 0.1
    url, seen = scripted_server(problem(503, "service-unavailable", "Service unavailable", "busy",
                                        {"Retry-After": "0"}),
                                UNAVAILABLE, ok({"report": {"year": 2023}}))
    started = time.monotonic()
    with Client(url, retries=3, backoff_factor=backoff) as client:
        result = client.parse(document)
    elapsed = time.monotonic() - started
    assert result == {"report": {"year": 2023}}
    assert len(seen) == 3
    assert {(method, path) for method, path, *_ in seen} == {("POST", "/parse")}
    assert len({body for _, _, _, body, _ in seen}) == 1
    assert seen[0][3]
    # urllib3 waits 0 before the first retry and backoff * 2 before the second (Retry-After: 0
    # counts as no Retry-After).
    assert elapsed >= backoff * 2


def test_a_503_that_persists_gives_its_problem_after_retries_plus_one_attempts(scripted_server):
    backoff = 0.05
    url, seen = scripted_server(UNAVAILABLE)
    started = time.monotonic()
    with Client(url, retries=2, backoff_factor=backoff) as client, pytest.raises(ProblemError) as raised:
        client.parse("报告正文")
    elapsed = time.monotonic() - started
    assert len(seen) == 3
    error = raised.value
    assert (error.status, error.type, error.title, error.detail) == (
        503, PROBLEM_TYPE + "service-unavailable", "Service unavailable", "All workers are busy.")
    assert error.problem["instance"] == "/parse"
    assert error.errors == []
    assert error.response.status_code == 503
    assert str(error) == "503 Service unavailable: All workers are busy."
    assert elapsed >= backoff * 2  # 0 before the first retry, backoff * 2 before the second


def test_retry_after_is_honoured(scripted_server):
    url, seen = scripted_server(problem(503, "service-unavailable", "Service unavailable", "busy",
                                        {"Retry-After": "1"}),
                                ok({"status": "ok"}))
    started = time.monotonic()
    with Client(url, retries=1, backoff_factor=0) as client:
        assert client.health() == {"status": "ok"}
    assert time.monotonic() - started >= 1.0
    assert len(seen) == 2


@pytest.mark.parametrize("status", [500, 422, 413])
def test_other_errors_are_not_retried(scripted_server, status):
    url, seen = scripted_server(problem(status, "some-problem", "Some problem", "what went wrong",
                                        {"Retry-After": "0"}))
    with Client(url, retries=3, backoff_factor=0) as client, pytest.raises(ProblemError) as raised:
        client.parse("报告正文")
    assert raised.value.status == status
    assert len(seen) == 1


def test_an_error_without_a_problem_body_gets_one_made_from_its_status(scripted_server):
    page = b"<html><body>" + b"upstream is down " * 100 + b"</body></html>"
    url, _ = scripted_server((502, {"Content-Type": "text/html"}, page))
    with Client(url, retries=0) as client, pytest.raises(ProblemError) as raised:
        client.version()
    error = raised.value
    assert error.problem == {"type": "about:blank", "title": "Bad Gateway", "status": 502,
                             "detail": page.decode()[:500]}
    assert str(error).startswith("502 Bad Gateway: <html>")


def test_the_validation_errors_of_a_problem_are_kept(scripted_server):
    errors = [{"parameter": "only_failures", "detail": "Not a valid boolean."}]
    status, headers, _ = problem(422, "validation-error", "Request validation failed", "One parameter is wrong.")
    body = {"type": PROBLEM_TYPE + "validation-error", "title": "Request validation failed", "status": 422,
            "detail": "One parameter is wrong.", "errors": errors}
    url, _ = scripted_server((status, headers, json.dumps(body).encode()))
    with Client(url) as client, pytest.raises(ProblemError) as raised:
        client.parse(NOT_A_REPORT_TEXT)
    assert raised.value.errors == errors
    assert MARKER not in str(raised.value)


def test_a_2xx_that_is_not_json_is_a_client_error(scripted_server):
    url, _ = scripted_server((200, {"Content-Type": "text/html"}, b"<html>a captive portal</html>"))
    with Client(url) as client, pytest.raises(ClientError) as raised:
        client.health()
    assert not isinstance(raised.value, ProblemError)


def test_a_slow_answer_times_out_and_is_not_sent_again(scripted_server):
    url, seen = scripted_server(ok({}), hold=True)
    with Client(url, timeout=(2.0, 0.3), retries=3) as client, pytest.raises(TransportError) as raised:
        client.parse(NOT_A_REPORT_TEXT)
    assert isinstance(raised.value.__cause__, requests.Timeout)
    assert len(seen) == 1
    assert MARKER not in str(raised.value)


def test_a_refused_connection_is_retried_then_a_transport_error():
    backoff = 0.05
    started = time.monotonic()
    with Client(f"http://127.0.0.1:{free_port()}", retries=2, backoff_factor=backoff) as client:
        with pytest.raises(TransportError) as raised:
            client.health()
    assert isinstance(raised.value.__cause__, requests.ConnectionError)
    assert time.monotonic() - started >= backoff * 2  # the third attempt came after the backoff


def test_one_connection_carries_every_call_with_the_given_headers(scripted_server):
    url, seen = scripted_server(ok({"status": "ok"}))
    with Client(url + "/", headers={"X-Request-ID": "portal-42"}) as client:
        client.health()
        client.health()
    assert [path for _, path, *_ in seen] == ["/health", "/health"]
    assert seen[0][4] == seen[1][4]  # the same client port: one kept-alive connection
    assert all(headers["X-Request-ID"] == "portal-42" for _, _, headers, _, _ in seen)
    assert seen[0][2]["User-Agent"].startswith("gov-report-parser-client/")


def test_how_each_kind_of_document_is_sent(scripted_server, tmp_path):
    url, seen = scripted_server(ok({}))
    docx = tmp_path / "report.DOCX"
    docx.write_bytes(b"PK\x03\x04 a zip")
    with Client(url) as client:
        client.parse("正文")
        client.parse("<p>正文</p>", media_type="text/html")
        client.parse("正文".encode("gb18030"), media_type="text/plain; charset=gb18030")
        client.parse(b"PK\x03\x04 a zip", only_failures=True)
        client.parse(docx)
    types = [headers["Content-Type"] for _, _, headers, _, _ in seen]
    assert types[:3] == ["text/plain; charset=utf-8", "text/html; charset=utf-8", "text/plain; charset=gb18030"]
    assert seen[0][3] == "正文".encode("utf-8")
    assert types[3].startswith("multipart/form-data") and types[4].startswith("multipart/form-data")
    assert seen[3][1] == "/parse?only_failures=true"
    assert b'name="file"; filename="document"' in seen[3][3]
    assert b"Content-Type: application/octet-stream" in seen[3][3]
    assert b'filename="report.DOCX"' in seen[4][3]
    assert b"Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document" in seen[4][3]


def test_a_batch_is_one_utf8_json_body(scripted_server):
    url, seen = scripted_server(ok({"documents": [], "summary": {}}))
    with Client(url) as client:
        client.parse_batch([("a", "甲"), {"id": "b", "text": "乙"}], only_failures=True)
        client.parse_batch(iter([("c", "丙")]))
    (_, path, headers, body, _), (_, plain_path, _, second, _) = seen
    assert (path, plain_path) == ("/parse/batch?only_failures=true", "/parse/batch")
    assert headers["Content-Type"] == "application/json"
    assert "甲".encode("utf-8") in body
    assert json.loads(body) == {"documents": [{"id": "a", "text": "甲"}, {"id": "b", "text": "乙"}]}
    assert json.loads(second) == {"documents": [{"id": "c", "text": "丙"}]}


def test_csv_is_asked_for_and_its_bom_dropped(scripted_server):
    url, seen = scripted_server((200, {"Content-Type": "text/csv; charset=utf-8"}, "\ufeffa,年\r\n1,2\r\n".encode()),
                                ok({"not": "csv"}))
    with Client(url) as client:
        assert client.parse_csv("正文") == "a,年\r\n1,2\r\n"
        with pytest.raises(ClientError):
            client.parse_batch_csv([("a", "正文")])
    assert [headers["Accept"] for _, _, headers, _, _ in seen] == ["text/csv", "text/csv"]


def test_a_path_that_does_not_exist_is_not_sent():
    with Client(f"http://127.0.0.1:{free_port()}") as client, pytest.raises(FileNotFoundError):
        client.parse(Path("/nonexistent/report.txt"))


def test_a_session_of_the_callers_is_used_and_left_open(scripted_server):
    url, seen = scripted_server(ok({"status": "ok"}))
    session = requests.Session()
    client = Client(url, session=session)
    client.health()
    client.close()
    assert session.get(url + "/health", timeout=5).json() == {"status": "ok"}
    assert len(seen) == 2
    session.close()


# --- the real service under gunicorn ---

HTML_DOCS = [doc for doc in CORPUS_DIRS if (doc / "source.html").is_file()]


@pytest.fixture(scope="module")
def service(gunicorn_url):
    with Client(gunicorn_url) as client:
        yield client


@pytest.fixture(scope="module")
def report(corpus_docs):
    """One corpus document: (folder, text, gold year)."""
    doc = next((d for d in corpus_docs if d.name == "hongze-2023"), corpus_docs[0])
    return doc, corpus_text(doc), corpus_gold(doc)["report"]["year"]


def test_health_and_version(service):
    assert service.health() == {"status": "ok"}
    version = service.version()
    assert version["name"] == "gov-report-parser"
    assert version["templates"] == ["2019", "2021"]


def test_parse_a_str(service, report):
    _, text, year = report
    result = service.parse(text)
    assert result["report"]["year"] == year
    assert result["input"] == {"media_type": "text/plain", "encoding": "utf-8", "filename": None}


def test_parse_a_path_and_bytes(service, report):
    doc, _, year = report
    from_path = service.parse(doc / "input.txt")
    assert from_path["report"]["year"] == year
    assert from_path["input"]["filename"] == "input.txt"
    from_bytes = service.parse((doc / "input.txt").read_bytes(), filename="upload.txt")
    assert from_bytes["input"]["media_type"] == "text/plain"
    assert from_bytes["input"]["filename"] == "upload.txt"
    assert from_bytes["report"] == from_path["report"]


@pytest.mark.skipif(not HTML_DOCS, reason="no corpus document has a source.html")
def test_parse_a_web_page(service):
    doc = HTML_DOCS[0]
    gold = corpus_gold(doc)["report"]
    result = service.parse(doc / "source.html")
    assert result["input"]["media_type"] == "text/html"
    assert result["report"]["year"] == gold["year"]
    assert result["report"]["template"] == gold["template"]
    as_bytes = service.parse((doc / "source.html").read_bytes(), media_type="text/html")
    assert as_bytes["report"] == result["report"]


def test_only_failures(service, report):
    _, text, _ = report
    checks = service.parse(text, only_failures=True)["checks"]
    assert checks and all(check["status"] == "fail" for check in checks)


def test_not_a_report_is_a_problem_error(service):
    with pytest.raises(ProblemError) as raised:
        service.parse(NOT_A_REPORT_TEXT)
    error = raised.value
    assert error.status == 422
    assert error.type.endswith("/not-a-report")
    assert str(error).startswith("422 Not a government information disclosure annual report: ")
    assert MARKER not in str(error)
    assert error.problem["instance"] == "/parse"


def test_parse_csv(service, report):
    _, text, _ = report
    table = service.parse_csv(text)
    assert not table.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(table)))
    assert len(rows) > 1 and rows[0]


@pytest.mark.parametrize("as_dicts", [False, True], ids=["pairs", "dicts"])
def test_parse_batch(service, report, as_dicts):
    _, text, year = report
    pairs = [("good", text), ("news", NOT_A_REPORT_TEXT)]
    documents = [{"id": id_, "text": body} for id_, body in pairs] if as_dicts else pairs
    answer = service.parse_batch(documents)
    assert answer["summary"] == {"documents": 2, "parsed": 1, "failed": 1}
    good, news = answer["documents"]
    assert (good["index"], good["id"], good["status"]) == (0, "good", 200)
    assert good["result"]["report"]["year"] == year
    assert (news["index"], news["id"], news["status"]) == (1, "news", 422)
    assert news["problem"]["type"].endswith("/not-a-report")


def test_parse_batch_only_failures(service, report):
    _, text, _ = report
    answer = service.parse_batch([("good", text)], only_failures=True)
    checks = answer["documents"][0]["result"]["checks"]
    assert checks and all(check["status"] == "fail" for check in checks)


def test_parse_batch_csv(service, report):
    _, text, _ = report
    table = service.parse_batch_csv([("good", text), ("news", NOT_A_REPORT_TEXT)])
    assert not table.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(table)))
    assert len(rows) > 1 and rows[0]

