"""The shipped gunicorn.conf.py serving the app as a real process, called over HTTP."""

import pytest
import requests

from conftest import corpus_text
from service.http.problems import PROBLEM_BASE_URI

@pytest.fixture(scope="module")
def base_url(gunicorn_url):
    return gunicorn_url


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
