"""Shared fixtures: the app built with a test config, its client, and the shared corpus.

The corpus is looked up beside the repository, as <repo>/../shared/corpus/<id>/, which is where
it is on a developer's machine and in CI's fresh clone.
"""

import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import requests

from service.app import create_app
from service.http.problems import PROBLEM_BASE_URI, PROBLEM_MEDIA_TYPE

# Every app the tests build, and every gunicorn they start, validates each /parse answer against
# the schemas at run time (service/http/result_validation.py): a response that is not what
# ParseResultSchema describes fails the test as a 500.
os.environ.setdefault("SERVICE_VALIDATE_RESPONSES", "true")

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_ROOT.parent / "shared"
CORPUS_DIRS = sorted(path for path in (SHARED_DIR / "corpus").glob("*/") if (path / "input.txt").is_file())

# A string that must never come back in an error body.
MARKER = "SUBMITTED-TEXT-标记-7f3a"


def corpus_text(doc_dir):
    return (doc_dir / "input.txt").read_text(encoding="utf-8")


def corpus_doc_named(name):
    """The corpus folder of one document (the test is skipped when the corpus lacks it)."""
    doc = next((d for d in CORPUS_DIRS if d.name == name), None)
    if doc is None:
        pytest.skip(f"corpus document {name} not found")
    return doc


def corpus_gold(doc_dir):
    return json.loads((doc_dir / "gold.json").read_text(encoding="utf-8"))


def pytest_generate_tests(metafunc):
    """`corpus_doc` parametrizes a test over every corpus document (skipped when there is none)."""
    if "corpus_doc" in metafunc.fixturenames:
        if CORPUS_DIRS:
            metafunc.parametrize("corpus_doc", CORPUS_DIRS, ids=[path.name for path in CORPUS_DIRS])
        else:
            metafunc.parametrize("corpus_doc", [pytest.param(None, marks=pytest.mark.skip(
                reason=f"no corpus at {SHARED_DIR / 'corpus'}"))])


@pytest.fixture
def app():
    return create_app({"TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def in_process_client():
    """A client of an app that parses in the serving thread (PARSING_SLOTS 0), for tests that
    replace a function of the parser in this process."""
    return create_app({"TESTING": True, "PARSING_SLOTS": 0}).test_client()


@pytest.fixture(scope="session")
def corpus_docs():
    """The corpus document folders, <repo>/../shared/corpus/*/ ."""
    if not CORPUS_DIRS:
        pytest.skip(f"no corpus at {SHARED_DIR / 'corpus'}")
    return CORPUS_DIRS


@pytest.fixture(scope="session")
def sample_report(corpus_docs):
    """One real report (text, gold) from the corpus."""
    doc = next((d for d in corpus_docs if d.name == "hongze-2023"), corpus_docs[0])
    return corpus_text(doc), corpus_gold(doc)


def check_problem(response, status, slug, submitted=MARKER):
    """Assert an RFC 9457 problem of this status and type that does not echo the submitted text."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM_MEDIA_TYPE
    body = response.get_json(force=True)
    assert body["type"] == PROBLEM_BASE_URI + slug
    assert body["status"] == status
    assert isinstance(body["title"], str) and body["title"]
    assert isinstance(body["detail"], str) and body["detail"]
    assert "Traceback" not in response.get_data(as_text=True)
    if submitted:
        assert submitted not in response.get_data(as_text=True)
    return body


@pytest.fixture
def assert_problem():
    return check_problem


GUNICORN_START_TIMEOUT = 30


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_gunicorn(*args, env=None, ready=lambda process: True):
    """The shipped gunicorn.conf.py serving the app as a real process on a free loopback port,
    with extra command-line `args` and environment `env`; yields (url, process) once /health
    answers and `ready(process)` holds, and stops it afterwards."""
    port = free_port()
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", *args,
         "service.app:create_app()"],
        cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + GUNICORN_START_TIMEOUT
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail("gunicorn did not start:\n" + log.read().decode(errors="replace")[-3000:])
            try:
                if requests.get(url + "/health", timeout=1).status_code == 200 and ready(process):
                    break
            except (requests.ConnectionError, requests.Timeout):   # not listening yet, or its workers
                pass                                                # still starting (a loaded machine)
            time.sleep(0.2)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="session")
def gunicorn_url():
    """The shipped gunicorn.conf.py serving the app as a real process on a free loopback port."""
    with running_gunicorn("--workers", "2") as (url, _):
        yield url
