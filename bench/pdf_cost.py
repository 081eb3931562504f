"""PDF cost: what reading the corpus PDFs costs, in-process and through gunicorn.

    .venv/bin/python bench/pdf_cost.py [--repeats 3]

(a) In-process, per corpus PDF, median of --repeats runs: `pdf_to_text` alone (PDFium and the
    layout), and reading plus parsing in a child process with limits as the command line does
    (`read_document` → `read_pdf` → `service.isolation.run_isolated`), the fork included.
(b) The forkserver's start (once per process) and a child's start with no work.
(c) Through gunicorn (shipped gunicorn.conf.py, free loopback port): POST /parse of every corpus
    PDF, --repeats times each, one at a time: median and largest latency, and the resident
    memory of the serving workers and of their parsing slots before and after.
"""

import argparse
import os
import statistics
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import HOST, ROOT, free_port, launch_gunicorn, stop_gunicorn  # noqa: E402
from service.documents import parse_submission, read_document  # noqa: E402
from service.formats import PDF  # noqa: E402
from service.formats.pdf import pdf_to_text  # noqa: E402
from service.isolation import run_isolated  # noqa: E402

MIB = 1024 * 1024


def ms(seconds):
    return f"{seconds * 1000:.0f} ms"


def timed(function, *args):
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def descendants(pid):
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        for task in os.listdir(f"/proc/{current}/task"):
            with open(f"/proc/{current}/task/{task}/children") as handle:
                children = [int(child) for child in handle.read().split()]
            found += children
            todo += children
    return found


def rss(pid):
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmRSS:"))


def in_process(pdfs, repeats):
    start = time.perf_counter()
    run_isolated(len, b"", seconds=30, memory_bytes=256 * MIB)
    forkserver = time.perf_counter() - start
    child = statistics.median(timed(run_isolated, len, b"", 30, 256 * MIB) for _ in range(5))
    read, isolated = [], []
    for path in pdfs:
        data = path.read_bytes()
        read.append(statistics.median(timed(pdf_to_text, data) for _ in range(repeats)))
        isolated.append(statistics.median(timed(lambda d: parse_submission(read_document(d, PDF)), data)
                                          for _ in range(repeats)))
    print(f"(a) {len(pdfs)} corpus PDFs in-process: pdf_to_text median {ms(statistics.median(read))} "
          f"(largest {ms(max(read))}); read in a child + parse median {ms(statistics.median(isolated))} "
          f"(largest {ms(max(isolated))})")
    print(f"(b) forkserver start {ms(forkserver)}; a child with no work {ms(child)}")


def through_gunicorn(pdfs, repeats):
    port = free_port()
    process, _ = launch_gunicorn(port, 0)
    if process is None:
        print("(c) gunicorn did not start")
        return
    try:
        workers = descendants(process.pid)
        before = {pid: rss(pid) for pid in workers}
        latencies = []
        for path in pdfs:
            data = path.read_bytes()
            for _ in range(repeats):
                request = urllib.request.Request(f"http://{HOST}:{port}/parse", data=data,
                                                 headers={"Content-Type": PDF})
                start = time.perf_counter()
                with urllib.request.urlopen(request, timeout=60) as response:
                    response.read()
                latencies.append(time.perf_counter() - start)
        after = {pid: rss(pid) for pid in descendants(process.pid)}
        print(f"(c) POST /parse of a corpus PDF through gunicorn: median {ms(statistics.median(latencies))}, "
              f"largest {ms(max(latencies))} ({len(latencies)} requests)")
        print(f"    resident memory of the serving workers and their slot processes (MiB): before "
              f"{sorted(round(v / MIB) for v in before.values())}, after {sorted(round(v / MIB) for v in after.values())}")
    finally:
        stop_gunicorn(process)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    pdfs = sorted(args.corpus.glob("*/source*.pdf"))
    in_process(pdfs, args.repeats)
    through_gunicorn(pdfs, args.repeats)


if __name__ == "__main__":
    main()
