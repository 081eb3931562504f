"""Hostile and degenerate input never takes the service down: each gets a problem+json answer or a
normal parse, in bounded time, and the service answers /health afterwards.

In-process (Flask test client) for the bodies; against the real gunicorn process (the shipped
gunicorn.conf.py) for what only a server sees: a Content-Length that lies, chunked bodies,
malformed framing, written on a raw socket.
"""

import io
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
from urllib.parse import urlsplit

import pytest
import requests

from conftest import GUNICORN_START_TIMEOUT, REPO_ROOT, free_port
from service.formats import DOCX
from service.http.problems import PROBLEM_MEDIA_TYPE

MiB = 1024 * 1024
# A generous bound per request: each of these is answered in well under a second on the 2-core
# development machine (the slowest, 2 MiB of three-digit lines, in about 0.8 s).
TIME_LIMIT = 3.0
ANSWER_TYPES = ("application/json", PROBLEM_MEDIA_TYPE)


def timed(call):
    started = time.perf_counter()
    response = call()
    return response, time.perf_counter() - started


def assert_answered(response, elapsed):
    assert response.status_code < 500, response.get_data(as_text=True)[:300]
    assert response.mimetype in ANSWER_TYPES
    assert elapsed < TIME_LIMIT, f"{elapsed:.2f} s"


def report_words_line(size):
    line = ("一、总体情况 本年新收政府信息公开申请 123 件，予以公开 45 件 | 0 | 7 | 行政复议 （七）总计 ").encode("utf-8")
    data = line * (size // len(line) + 1)
    return data[:size].decode("utf-8", errors="ignore").encode("utf-8")


HOSTILE_TEXTS = {
    "2-MiB-single-line": lambda: report_words_line(2 * MiB),
    "2-MiB-of-one-letter": lambda: b"a" * (2 * MiB),
    "100000-short-lines": lambda: b"\n".join(b"%d | 1 | 2" % i for i in range(100_000)),
    "100000-one-character-lines": lambda: "报\n".encode("utf-8") * 100_000,
    "only-digits-one-line": lambda: b"1234567890" * (2 * MiB // 10),
    "only-digits-short-lines": lambda: b"123\n" * (2 * MiB // 4),
    "only-digits-and-spaces": lambda: b"1 " * (MiB),
    "only-separators": lambda: b"| " * MiB,
    "only-headings": lambda: "一、二、三、四、五、六、（一）（二）\n".encode("utf-8") * 35_000,
}
@pytest.mark.parametrize("name", HOSTILE_TEXTS)
def test_degenerate_text(client, name):
    data = HOSTILE_TEXTS[name]()
    assert len(data) <= 2 * MiB
    response, elapsed = timed(lambda: client.post("/parse", data=data, content_type="text/plain"))
    assert_answered(response, elapsed)
    assert client.get("/health").status_code == 200


def test_degenerate_text_as_json(client):
    text = "1 | " * (2 * MiB // 4 - 10)
    response, elapsed = timed(lambda: client.post("/parse", json={"text": text}))
    assert_answered(response, elapsed)


HOSTILE_HTML = {
    "100000-nested-divs": lambda: b"<div>" * 100_000 + "政府信息公开".encode() + b"</div>" * 100_000,
    "100000-unclosed-divs": lambda: b"<div>" * 100_000 + b"x",
    "30000-nested-tables": lambda: b"<table><tr><td>" * 30_000 + b"1" + b"</td></tr></table>" * 30_000,
    "huge-spans": lambda: b"<table>" + b'<tr><td rowspan="999999999" colspan="999999999">1</td></tr>' * 10_000
                          + b"</table>",
    # html.py spends some 30 µs a cell (100 000 rows of two cells: 4 s); 30 000 keep this test short.
    "30000-cells-in-a-row": lambda: b"<table><tr>" + b"<td>1</td>" * 30_000 + b"</tr></table>",
    "30000-rows": lambda: b"<table>" + b"<tr><td>0</td><td>|</td></tr>" * 30_000 + b"</table>",
    # a link's own text is told from its tails without looking along its siblings (html_stream)
    "30000-children-in-a-link": lambda: b"<p><a>" + "一<b></b>".encode() * 30_000 + b"</a></p>",
    "30000-scripts-in-a-link": lambda: b"<p><a>" + "一<script></script>".encode() * 30_000 + b"<b>x</b></a></p>",
    "entities": lambda: b"<p>" + b"&amp;&#x4e00;&nbsp;" * 100_000 + b"</p>",
    "comment-never-closed": lambda: b"<html><body><!--" + b"x" * MiB,
    "script-only": lambda: b"<script>" + b"var a=1;" * 100_000 + b"</script>",
}


@pytest.mark.parametrize("name", HOSTILE_HTML)
def test_hostile_html(client, name):
    data = HOSTILE_HTML[name]()
    response, elapsed = timed(lambda: client.post("/parse", data=data, content_type="text/html"))
    assert_answered(response, elapsed)
    assert client.get("/health").status_code == 200


MEDIA_TYPES = ["text/plain", "text/plain; charset=utf-8", "text/plain; charset=gb18030", "text/plain; charset=utf-16",
               "text/plain; charset=big5", "text/html", "text/html; charset=gbk", DOCX, "application/json"]


@pytest.mark.parametrize("size", [1, 100, 64 * 1024, 2 * MiB])
@pytest.mark.parametrize("media_type", MEDIA_TYPES)
def test_random_bytes_labelled_as_each_media_type(client, media_type, size):
    data = random.Random(f"{media_type}{size}").randbytes(size)
    response, elapsed = timed(lambda: client.post("/parse", data=data, content_type=media_type))
    assert_answered(response, elapsed)
    assert response.status_code in (400, 413, 415, 422)


@pytest.mark.parametrize("part_type", [None, "application/octet-stream", "text/plain", "text/html", DOCX])
@pytest.mark.parametrize("prefix", [b"", b"PK\x03\x04", b"<html>", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_random_bytes_uploaded(client, part_type, prefix):
    data = prefix + random.Random(f"{part_type}{prefix}").randbytes(256 * 1024)
    file = (io.BytesIO(data), "upload.bin", part_type) if part_type else (io.BytesIO(data), "upload.bin")
    response, elapsed = timed(lambda: client.post("/parse", data={"file": file}, content_type="multipart/form-data"))
    assert_answered(response, elapsed)


@pytest.mark.parametrize("size", [1, 100, 64 * 1024])
def test_random_bytes_to_compare(client, size):
    data = random.Random(size).randbytes(size)
    response, elapsed = timed(lambda: client.post("/compare", data=data, content_type="application/json"))
    assert_answered(response, elapsed)


def test_a_million_tiny_multipart_parts(client, assert_problem):
    boundary = b"b"
    part = b"--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n"
    data = part * 20_000 + b"--b--\r\n"
    response, elapsed = timed(lambda: client.post("/parse", data=data,
                                                  content_type="multipart/form-data; boundary=" + boundary.decode()))
    assert_answered(response, elapsed)
    assert response.status_code == 413


# --- the real server ---------------------------------------------------------------------------

SERVER_TIME_LIMIT = 5.0


def address(url):
    parts = urlsplit(url)
    return parts.hostname, parts.port


def exchange(url, payload: bytes, timeout=SERVER_TIME_LIMIT, stall=False) -> bytes:
    """Send raw bytes, then close our sending side (the server sees the end of the stream) or,
    with `stall`, keep it open and say nothing more; read the answer until the server closes."""
    with socket.create_connection(address(url), timeout=timeout) as sock:
        sock.sendall(payload)
        if not stall:
            sock.shutdown(socket.SHUT_WR)
        received = []
        while True:
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                pytest.fail("the server did not answer in time")
            if not chunk:
                break
            received.append(chunk)
    return b"".join(received)


def statuses(raw: bytes) -> list:
    return [int(status) for status in re.findall(rb"(?:^|\r\n)HTTP/1\.[01] (\d{3}) ", raw)]


def request_head(path="/parse", content_type="text/plain", **headers):
    lines = [f"POST {path} HTTP/1.1", "Host: test", f"Content-Type: {content_type}"]
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


@pytest.fixture
def server(gunicorn_url):
    """The gunicorn URL; after each test, the service must still answer /health."""
    yield gunicorn_url
    response = requests.get(gunicorn_url + "/health", timeout=SERVER_TIME_LIMIT)
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_a_content_length_larger_than_the_body(server):
    """The client declares 1000 bytes, sends 10 and stops: the body read is what came; no hang."""
    started = time.perf_counter()
    raw = exchange(server, request_head(Content_Length=1000, Connection="close") + b"0123456789")
    assert statuses(raw) and all(status < 500 for status in statuses(raw))
    assert time.perf_counter() - started < SERVER_TIME_LIMIT


def test_a_content_length_larger_than_the_limit_is_refused_unread(server):
    raw = exchange(server, request_head(Content_Length=10 * 2 ** 30, Connection="close") + b"abc")
    assert statuses(raw) == [413]
    assert b"payload-too-large" in raw


def test_a_content_length_smaller_than_the_body(server):
    """10 bytes declared, 60 sent: the first request is those 10 bytes; the rest is not a request."""
    raw = exchange(server, request_head(Content_Length=10) + b"0123456789" + b"GARBAGE " * 6)
    found = statuses(raw)
    assert found and found[0] == 422            # "0123456789" read as a (non-)report
    assert all(status < 500 for status in found)


@pytest.mark.parametrize("value", ["-1", "abc", "1e3", "10, 20", " "])
def test_a_malformed_content_length(server, value):
    raw = exchange(server, request_head(Content_Length=value, Connection="close") + b"0123456789")
    assert statuses(raw) and statuses(raw)[0] == 400


def test_content_length_and_chunked_together(server):
    head = request_head(Content_Length=5, Transfer_Encoding="chunked", Connection="close")
    raw = exchange(server, head + b"5\r\nhello\r\n0\r\n\r\n")
    assert statuses(raw) and all(status < 500 for status in statuses(raw))


def chunked(data: bytes, size=1000) -> bytes:
    pieces = [data[i:i + size] for i in range(0, len(data), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in pieces) + b"0\r\n\r\n"


def test_a_chunked_report(server, sample_report):
    text, _ = sample_report
    raw = exchange(server, request_head(Transfer_Encoding="chunked", Connection="close")
                   + chunked(text.encode("gbk", errors="replace")))
    assert statuses(raw) == [200]
    assert b'"encoding":"gb18030"' in raw


def test_a_chunked_body_over_the_limit(server):
    raw = exchange(server, request_head(Transfer_Encoding="chunked", Connection="close")
                   + chunked(b"a" * (2 * MiB + 1), size=64 * 1024))
    assert statuses(raw) == [413]


def test_a_chunked_body_cut_short(server):
    """A chunk announces 4096 bytes, 10 arrive, the stream ends."""
    raw = exchange(server, request_head(Transfer_Encoding="chunked", Connection="close") + b"1000\r\n0123456789")
    assert statuses(raw) and all(status < 500 for status in statuses(raw))


@pytest.mark.parametrize("body", [b"zz\r\nhello\r\n0\r\n\r\n", b"5\r\nhelloXX0\r\n\r\n", b"-5\r\nhello\r\n0\r\n\r\n"])
def test_malformed_chunks(server, body):
    raw = exchange(server, request_head(Transfer_Encoding="chunked", Connection="close") + body)
    assert statuses(raw) and all(status < 500 for status in statuses(raw))


def test_a_chunked_multipart_upload(server, sample_report):
    text, _ = sample_report
    boundary = "hostile-boundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.txt\"\r\n"
            f"Content-Type: text/plain\r\n\r\n").encode() + text.encode("utf-16") + f"\r\n--{boundary}--\r\n".encode()
    raw = exchange(server, request_head(content_type=f"multipart/form-data; boundary={boundary}",
                                        Transfer_Encoding="chunked", Connection="close") + chunked(body))
    assert statuses(raw) == [200]
    assert b'"filename":"r.txt"' in raw and b'"encoding":"utf-16-le"' in raw


def test_a_streamed_upload_of_a_zip_bomb(server):
    from report_files import zip_bomb

    response = requests.post(server + "/parse", files={"file": ("bomb.docx", zip_bomb(40 * MiB))},
                             timeout=SERVER_TIME_LIMIT)
    assert response.status_code == 413
    assert response.headers["Content-Type"] == PROBLEM_MEDIA_TYPE


@pytest.mark.parametrize("name", ["2-MiB-of-one-letter", "only-digits-short-lines"])
def test_the_largest_degenerate_texts_through_the_server(server, name):
    response, elapsed = timed(lambda: requests.post(server + "/parse", data=HOSTILE_TEXTS[name](),
                                                    headers={"Content-Type": "text/plain"},
                                                    timeout=SERVER_TIME_LIMIT))
    assert response.status_code < 500
    assert response.headers["Content-Type"] in ANSWER_TYPES
    assert elapsed < SERVER_TIME_LIMIT


def test_deeply_nested_html_through_the_server(server):
    response = requests.post(server + "/parse", data=HOSTILE_HTML["100000-nested-divs"](),
                             headers={"Content-Type": "text/html"}, timeout=SERVER_TIME_LIMIT)
    assert response.status_code < 500


def test_the_server_echoes_the_request_id(server):
    response = requests.get(server + "/health", headers={"X-Request-ID": "hostile-42"}, timeout=SERVER_TIME_LIMIT)
    assert response.headers["X-Request-ID"] == "hostile-42"


# --- a client that stalls ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def impatient_server():
    """The shipped gunicorn.conf.py with one worker and SERVICE_BODY_READ_TIMEOUT=1; yields the URL
    and a function giving gunicorn's log so far."""
    port = free_port()
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "--workers", "1",
         "service.app:create_app()"],
        cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "SERVICE_BODY_READ_TIMEOUT": "1"})
    url = f"http://127.0.0.1:{port}"

    def server_log():
        log.seek(0)
        return log.read().decode(errors="replace")

    try:
        deadline = time.monotonic() + GUNICORN_START_TIMEOUT
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("gunicorn did not start:\n" + server_log()[-3000:])
            try:
                if requests.get(url + "/health", timeout=1).status_code == 200:
                    break
            except requests.ConnectionError:
                time.sleep(0.2)
        yield url, server_log
    finally:
        process.terminate()
        process.wait(timeout=15)
        log.close()


STALLED = {
    "content-length-larger-than-sent": request_head(Content_Length=1000) + b"0123456789",
    "chunk-announced-not-sent": request_head(Transfer_Encoding="chunked") + b"1000\r\n0123456789",
    "upload-cut-short": request_head(content_type="multipart/form-data; boundary=b", Content_Length=100_000)
                        + b'--b\r\nContent-Disposition: form-data; name="file"; filename="r.txt"\r\n\r\n0123',
    "json-cut-short": request_head(content_type="application/json", Content_Length=50) + b'{"text": "',
}


@pytest.mark.parametrize("name", STALLED)
def test_a_stalled_body_is_a_408_and_the_worker_lives_on(impatient_server, name):
    """A client that declares more than it sends and waits gets a 408 problem after
    BODY_READ_TIMEOUT, not a worker held until gunicorn's timeout kills it."""
    url, server_log = impatient_server
    started = time.perf_counter()
    raw = exchange(url, STALLED[name], stall=True)
    elapsed = time.perf_counter() - started
    assert statuses(raw) == [408]
    assert b"application/problem+json" in raw and b"request-timeout" in raw
    assert 0.9 < elapsed < SERVER_TIME_LIMIT
    assert requests.get(url + "/health", timeout=SERVER_TIME_LIMIT).status_code == 200
    log = server_log()
    assert "WORKER TIMEOUT" not in log and "SIGKILL" not in log and log.count("Booting worker") == 1
