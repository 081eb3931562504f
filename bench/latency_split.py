"""Where POST /parse's tail latency comes from: the same load as bench/bench.py (b), with the
service's own request log read back per serving worker and per document.

    python bench/latency_split.py                  # 10 s at 8 connections, the shipped config
    python bench/latency_split.py --duration 5 --connections 16

gunicorn is started with the shipped gunicorn.conf.py (its stderr, where the app writes one line
per request with the worker's process id, into a temporary file), wrk sends the corpus's text
reports as bench.py does (each body different), and `ss` counts, a few seconds into the run,
which worker holds each of the client's connections. Printed:

- wrk's figures (at the client: requests per second, p50, p99);
- per serving worker: its connections, its requests, p50 / p90 / p99 of `duration_ms` (from the
  request's arrival in the app to its answer; the wait for a parsing slot is inside it);
- per document (told apart by the size of the body sent): requests, p50 / p90 / p99.

A worker that holds more of the connections serves about as many requests per second as the
other (its slots get the same share of the cores), so each of its requests waits longer: when the
workers' p50s differ several times over while the documents' p90s are alike, the tail is the
split of the connections, not the costly documents.
"""

import argparse
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import corpus_documents, free_port, launch_gunicorn, load_with_wrk, percentile, stop_gunicorn  # noqa: E402

REQUEST_LINE = re.compile(r"\[(?P<pid>\d+)\] INFO service\.requests .* method=POST path=/parse status=200 "
                          r"request_bytes=(?P<request>\d+) response_bytes=\S+ duration_ms=(?P<ms>[\d.]+)$")
SUFFIX_BYTES = 40          # what the load script appends to each document ("\n（第N次）\n")


def count_connections(port: int, by_worker: collections.Counter):
    """Add to `by_worker` {worker pid: established connections on `port`}, from `ss -tnp` (the
    server's side)."""
    output = subprocess.run(["ss", "-Htnp", "state", "established", f"( sport = :{port} )"],
                            capture_output=True, text=True).stdout
    by_worker.update(int(pid) for pid in re.findall(r"pid=(\d+)", output))


def summary(values) -> str:
    return (f"{len(values):>6} requests  p50 {percentile(values, 0.5):6.1f}  p90 {percentile(values, 0.9):6.1f}  "
            f"p99 {percentile(values, 0.99):6.1f} ms")


def document_of(request_bytes: int, sizes: list) -> str:
    """The corpus document whose size is nearest below the body's (the body is it plus a suffix)."""
    fitting = [(size, name) for size, name in sizes if 0 <= request_bytes - size <= SUFFIX_BYTES]
    return min(fitting)[1] if fitting else "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    for tool in ("wrk", "ss"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is needed (apt-get install wrk iproute2)")
    docs = corpus_documents(args.corpus)
    sizes = sorted((path.stat().st_size, path.parent.name) for path in docs)
    port = free_port()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        env_level = os.environ.get("SERVICE_LOG_LEVEL")
        os.environ["SERVICE_LOG_LEVEL"] = "info"       # the request lines are logged at info
        try:
            process, command = launch_gunicorn(port, None, stderr=log)
        finally:
            if env_level is None:
                os.environ.pop("SERVICE_LOG_LEVEL")
            else:
                os.environ["SERVICE_LOG_LEVEL"] = env_level
        if process is None:
            sys.exit("gunicorn did not start: " + " ".join(command))
        held = collections.Counter()
        try:
            load_with_wrk(port, "parse", docs, 2, args.connections)          # warm-up, not counted
            log.seek(0, os.SEEK_END)
            start = log.tell()
            sampler = threading.Timer(min(3, args.duration / 2), count_connections, (port, held))
            sampler.start()
            result = load_with_wrk(port, "parse", docs, args.duration, args.connections)
            sampler.join()
        finally:
            stop_gunicorn(process)
        time.sleep(0.2)
        log.seek(start)
        lines = [match for match in map(REQUEST_LINE.search, log.read().splitlines()) if match]
    print(f"POST /parse, {args.connections} connections, {args.duration} s (wrk, at the client): "
          f"{result['rps']:.0f} req/s  p50 {result['p50_ms']:.1f}  p99 {result['p99_ms']:.1f} ms")
    if not lines:
        sys.exit("no request line in the service's log")
    everything = [float(match["ms"]) for match in lines]
    print(f"in the app (request log), all workers: {summary(everything)}")
    by_worker = collections.defaultdict(list)
    by_document = collections.defaultdict(list)
    for match in lines:
        by_worker[int(match["pid"])].append(float(match["ms"]))
        by_document[document_of(int(match["request"]), sizes)].append(float(match["ms"]))
    print("per serving worker (connections seen with ss a few seconds in):")
    for pid, values in sorted(by_worker.items()):
        print(f"    worker {pid:>7}  {held.get(pid, 0):>3} connections  {summary(values)}")
    print("per document (by the size of the body):")
    for name, values in sorted(by_document.items(), key=lambda item: percentile(item[1], 0.5)):
        print(f"    {name:<22} {summary(values)}")


if __name__ == "__main__":
    main()
