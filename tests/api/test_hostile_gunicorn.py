"""The inputs that took the service down (issue 10), each inside the documented limits, sent
to a real gunicorn process (the shipped gunicorn.conf.py, two workers): every one is answered
without a 5xx (a parse, or a problem+json refusal such as 413 for a page over
MAX_HTML_ELEMENTS), /health answers after each, and the workers' memory stays far from the
hundreds of MiB these inputs used to take.

Memory is read from /proc/<pid>/status of each worker (the children of the gunicorn master):
VmHWM, the peak resident size, must stay within PEAK_GROWTH of what the workers had after
normal requests, and VmRSS after the run within RSS_GROWTH (the C allocator keeps some freed
memory: the resident size does not fall back to the baseline by itself). No time is asserted:
each request has a generous timeout only so that a hang fails the test instead of the run.
"""

import io
import os
import random
import zipfile

import pytest
import requests

from conftest import CORPUS_DIRS, corpus_text, running_gunicorn
from service.formats import DOCX
from service.http.problems import PROBLEM_MEDIA_TYPE

MiB = 1024 * 1024
REQUEST_TIMEOUT = 120          # a hang fails the test; nothing here should come near it
PEAK_GROWTH = 150 * MiB        # measured: +80 MiB (35 → 115 MiB); these used to reach 527 MiB
RSS_GROWTH = 120 * MiB
TITLE = "洪泽区人民政府2023年政府信息公开工作年度报告\n"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def empty_runs_docx(runs: int) -> bytes:
    """word/document.xml with millions of empty runs, white space between them so that it does
    not compress past the zip-bomb ratio (2.2 MB for 2.9 M runs)."""
    spaces = random.Random(10)
    blanks = [b"", b" ", b"\n", b"\t"]
    body = b"".join(b"<w:r/>" + blanks[spaces.randrange(4)] + blanks[spaces.randrange(4)] for _ in range(runs))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document " + W.encode() + b"><w:body><w:p>" + body
                         + b"</w:p></w:body></w:document>")
    return buffer.getvalue()


HOSTILE = {
    # one clause of 40 000 figures, each another period's ("上年"): 500 and a killed worker
    "figures-in-one-clause": ("text/plain; charset=utf-8", lambda: ("一、总体情况\n上年" + "办结1件" * 40_000).encode()),
    "another-years-figures": ("text/plain; charset=utf-8",
                              lambda: (TITLE + "一、总体情况\n2019年" + "予以公开1件" * 20_000).encode()),
    "dates-on-a-long-line": ("text/plain; charset=utf-8",
                             lambda: ("a " * 1_000_000 + "2021年1月1日 " * 280).encode()),
    "label-words-on-an-aligned-line": ("text/plain; charset=utf-8", lambda: (
        TITLE + "三、收到和处理政府信息公开申请情况\n申请人情况 " + "勾稽关系 " * 150_000).encode()),
    # 10 MiB of <p>: 3.5 M elements (527 MiB a worker, kept)
    "paragraphs-page": ("text/html", lambda: b"<html><body>" + b"<p>" * 3_495_000),
    # libxml2 compares each attribute of a tag with every earlier one
    "attributes-on-one-tag": ("text/html", lambda: (
        "<html><body><p " + " ".join(f"a{i}" for i in range(400_000)) + ">一、总体情况</p></body></html>").encode()),
    "attributes-on-many-tags": ("text/html", lambda: b"<html><body>" + (
        b'<p class="x" id="y" style="z" title="t">1</p>' * 200_000)),
    "xhtml-page": ("text/html", lambda: (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>'
        + "".join(f"<p>{line}</p>" for line in corpus_text(CORPUS_DIRS[0]).splitlines()) + "</body></html>").encode()),
    "docx-of-empty-runs": (DOCX, lambda: empty_runs_docx(2_900_000)),
}


def children(pid: int) -> list:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def memory(pid: int) -> dict:
    """{"VmRSS": bytes, "VmHWM": bytes} of a process."""
    values = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            name, _, rest = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                values[name] = int(rest.split()[0]) * 1024
    return values


@pytest.fixture(scope="module")
def server():
    """gunicorn with the shipped configuration and two workers; yields (url, master pid)."""
    with running_gunicorn("--workers", "2", "--max-requests", "0",
                          ready=lambda process: len(children(process.pid)) == 2) as (url, process):
        yield url, process.pid


def test_hostile_inputs_are_answered_and_memory_stays_bounded(server):
    url, master = server
    report = corpus_text(CORPUS_DIRS[0]).encode()
    for _ in range(20):                           # both workers warm: imports, caches, first parses
        assert requests.post(url + "/parse", data=report, headers={"Content-Type": "text/plain; charset=utf-8"},
                             timeout=REQUEST_TIMEOUT).status_code == 200
    workers = children(master)
    before = {pid: memory(pid) for pid in workers}
    answers = {}
    for name, (media_type, make) in HOSTILE.items():
        response = requests.post(url + "/parse", data=make(), headers={"Content-Type": media_type},
                                 timeout=REQUEST_TIMEOUT)
        answers[name] = response.status_code
        assert response.status_code < 500, (name, response.status_code, response.text[:300])
        assert response.headers["Content-Type"].split(";")[0] in ("application/json", PROBLEM_MEDIA_TYPE), name
        assert requests.get(url + "/health", timeout=REQUEST_TIMEOUT).status_code == 200, name
    assert children(master) == workers, "a worker was killed or recycled"
    after = {pid: memory(pid) for pid in workers}
    for pid in workers:
        assert after[pid]["VmHWM"] - before[pid]["VmRSS"] <= PEAK_GROWTH, (pid, before[pid], after[pid], answers)
        assert after[pid]["VmRSS"] - before[pid]["VmRSS"] <= RSS_GROWTH, (pid, before[pid], after[pid], answers)
    # what each one gets: read, or refused for the cap it is over
    assert answers["paragraphs-page"] == answers["docx-of-empty-runs"] == 413
    assert answers["attributes-on-one-tag"] == answers["attributes-on-many-tags"] == 413
    assert answers["xhtml-page"] == 200
