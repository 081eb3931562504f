"""The shipped gunicorn.conf.py serving the app as a real process, called over HTTP."""

import socket
import subprocess
import sys
import tempfile
import time

import pytest
import requests

from conftest import REPO_ROOT, corpus_text
from service.http.problems import PROBLEM_BASE_URI

START_TIMEOUT = 30


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def base_url():
    port = free_port()
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "service.app:create_app()"],
        cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail("gunicorn did not start:\n" + log.read().decode(errors="replace")[-3000:])
            try:
                if requests.get(url + "/health", timeout=1).status_code == 200:
                    break
            except requests.ConnectionError:
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def test_health(base_url):
    response = requests.get(base_url + "/health", timeout=5)
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_version(base_url):
    response = requests.get(base_url + "/version", timeout=5)
    assert response.status_code == 200
    assert response.json()["templates"] == ["2019", "2021"]


def test_parse_a_corpus_document(base_url, sample_report):
    text, _ = sample_report
    response = requests.post(base_url + "/parse", data=text.encode("utf-8"),
                             headers={"Content-Type": "text/plain; charset=utf-8"}, timeout=30)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["Content-Type"] == "application/json"
    assert isinstance(response.json()["report"]["year"], int)


def test_an_error_is_problem_json(base_url):
    response = requests.post(base_url + "/parse", data=b"<report/>",
                             headers={"Content-Type": "application/xml"}, timeout=5)
    assert response.status_code == 415
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json()["type"] == PROBLEM_BASE_URI + "unsupported-media-type"


def test_a_chunked_body_is_read(base_url):
    """No Content-Length: the body still arrives (not-a-report, not empty-body)."""
    response = requests.post(base_url + "/parse", data=iter([b"hello ", b"world"]),
                             headers={"Content-Type": "text/plain"}, timeout=5)
    assert response.status_code == 422
    assert response.json()["type"] == PROBLEM_BASE_URI + "not-a-report"


def test_compare_two_reports(base_url, sample_report):
    text, _ = sample_report
    response = requests.post(base_url + "/compare?only_failures=true",
                             json={"previous": {"text": text}, "current": {"text": text}}, timeout=30)
    assert response.status_code == 200, response.text[:500]
    body = response.json()
    assert body["previous"] == body["current"]
    assert all(check["status"] == "fail" for check in body["checks"])
