"""The worker model through a real gunicorn process (the shipped gunicorn.conf.py: gthread
workers, documents parsed in parsing slots), made small so that it is easy to fill: one worker,
one slot, DOCUMENT_TIME_LIMIT 2 s, SLOT_WAIT 1 s, BATCH_TIME_LIMIT 4 s.

The worst case is a PDF of 96 KB whose page stream inflates to 32 MiB of text operators: PDFium
needs some 5 s for its page, whatever the limits on pages and characters. Each test says what a
client sees: a 422 when a document overruns its budget (its slot process killed and replaced),
a quick 503 with Retry-After when no slot frees up, /health answered all the while, slow senders
holding threads and not slots, a batch answered within its budget. Requests carry timeouts only
so that a hang fails the test; /health must answer within one second, which is what the issue
asks of the service.
"""

import socket
import threading
import time

import pytest
import requests

from conftest import corpus_doc_named, corpus_text, running_gunicorn
from formats.test_pdf import inflating_pdf

MiB = 1024 * 1024
SETTINGS = {"SERVICE_DOCUMENT_TIME_LIMIT": "2", "SERVICE_SLOT_WAIT": "1", "SERVICE_BATCH_TIME_LIMIT": "4",
            "SERVICE_PARSING_SLOTS": "1"}


@pytest.fixture(scope="module")
def slow_pdf():
    return inflating_pdf(32)


@pytest.fixture(scope="module")
def report():
    return corpus_text(corpus_doc_named("seed-002")).encode()


@pytest.fixture(scope="module")
def service():
    with running_gunicorn("--workers", "1", env=SETTINGS) as running:
        yield running


def post_pdf(url, data):
    return requests.post(url + "/parse", data=data, headers={"Content-Type": "application/pdf"}, timeout=60)


def post_text(url, data):
    return requests.post(url + "/parse", data=data, headers={"Content-Type": "text/plain; charset=utf-8"}, timeout=60)


def slug(response):
    assert response.headers["Content-Type"] == "application/problem+json", response.text[:200]
    return response.json()["type"].rsplit("/", 1)[1]


def in_background(function, *args):
    answers = []
    thread = threading.Thread(target=lambda: answers.append(function(*args)))
    thread.start()
    return thread, answers


def test_a_document_over_its_time_budget_is_a_422_and_the_slot_serves_again(service, slow_pdf, report):
    url, _ = service
    response = post_pdf(url, slow_pdf)
    assert response.status_code == 422 and slug(response) == "pdf-too-costly"
    assert "DOCUMENT_TIME_LIMIT" in response.json()["detail"]
    assert post_text(url, report).status_code == 200


def test_health_answers_while_every_slot_is_busy_and_beyond_them_a_quick_503(service, slow_pdf, report):
    url, _ = service
    busy = [in_background(post_pdf, url, slow_pdf) for _ in range(3)]
    time.sleep(0.3)
    for _ in range(8):
        assert requests.get(url + "/health", timeout=1).status_code == 200
        time.sleep(0.1)
    extra = post_text(url, report)
    for thread, _ in busy:
        thread.join()
    statuses = sorted(answers[0].status_code for _, answers in busy)
    assert statuses[0] == 422 and all(status in (422, 503) for status in statuses)
    refused = [answers[0] for _, answers in busy if answers[0].status_code == 503] + \
              ([extra] if extra.status_code == 503 else [])
    assert refused, "with one slot busy for 2 s and a 1 s wait, some request must be turned away"
    for response in refused:
        assert slug(response) == "service-unavailable" and int(response.headers["Retry-After"]) >= 1
    assert post_text(url, report).status_code == 200


def test_slow_senders_hold_threads_not_slots(service, report):
    url, _ = service
    port = int(url.rsplit(":", 1)[1])
    senders = []
    for _ in range(6):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.sendall(b"POST /parse HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n")
        senders.append(sock)
    try:
        for step in range(6):
            for sock in senders:
                sock.sendall(b"a")
            assert requests.get(url + "/health", timeout=1).status_code == 200
            if step % 2 == 0:
                assert post_text(url, report).status_code == 200
            time.sleep(0.3)
    finally:
        for sock in senders:
            sock.close()


def test_a_batch_is_answered_within_its_budget(service, slow_pdf, report):
    url, _ = service
    files = [("file", (f"slow-{n}.pdf", slow_pdf, "application/pdf")) for n in range(3)]
    files.append(("file", ("report.txt", report, "text/plain; charset=utf-8")))
    response = requests.post(url + "/parse/batch", files=files, timeout=60)
    assert response.status_code == 200
    items = response.json()["documents"]
    assert items[0]["status"] == 422 and items[0]["problem"]["type"].endswith("/pdf-too-costly")
    assert items[-1]["status"] == 503 and "BATCH_TIME_LIMIT" in items[-1]["problem"]["detail"]
    assert all(item["status"] in (422, 503) for item in items)


def worker_rss(master_pid: int) -> int:
    children = open(f"/proc/{master_pid}/task/{master_pid}/children").read().split()
    return sum(int(next(line.split()[1] for line in open(f"/proc/{pid}/status") if line.startswith("VmRSS:")))
               for pid in children) * 1024


def test_the_serving_process_does_not_grow(service, slow_pdf, report):
    url, process = service
    post_text(url, report)
    before = worker_rss(process.pid)
    for _ in range(3):
        post_pdf(url, slow_pdf)
    assert worker_rss(process.pid) - before < 40 * MiB
