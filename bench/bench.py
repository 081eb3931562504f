"""Benchmark: the parser in-process, then the service under gunicorn on a loopback port.

    python bench/bench.py                      # 20 repeats; 10 s at 8 connections per endpoint
    python bench/bench.py --duration 5 --load python --repeats 5

(a) median and p90 of parse_report per corpus document over N repeats, and the total;
(a') the cost of the recovery stage alone on the run-together documents (ms per report);
(b) gunicorn started with the shipped gunicorn.conf.py on a free 127.0.0.1 port; requests per
    second, p50/p99 latency and errors of POST /parse (cycling the corpus documents, each request
    with a line of its own appended, so that no two bodies are the same) and of
    GET /health, and the ratio parse/health. The load comes from wrk when it is installed,
    otherwise from Python threads, each with one http.client connection (said in the output;
    gunicorn's sync workers close the connection after each response, so both reconnect).
    The run is bounded (--duration per endpoint), stays on 127.0.0.1 and always stops gunicorn.
(c) the command line, `python -m service parse` over the corpus's text reports, then over all its
    documents (texts, pages, .docx, PDFs), each copied K times into a temporary folder
    (--cli-copies; by default enough copies for 500 documents), output to /dev/null: documents per
    second with --jobs 1 and with every core, the wall time of the whole command (median of 3
    runs), and the start-up cost alone (one file).
"""

import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.cli import cpu_count  # noqa: E402
from service.formats import MEDIA_TYPE_BY_SUFFIX  # noqa: E402
from service import documents, parsing  # noqa: E402

HOST = "127.0.0.1"
TEXT_PLAIN = "text/plain; charset=utf-8"

WRK_SCRIPT = r"""
local bodies = {}
local mode = "health"
local i = 0
function init(args)
  mode = args[1]
  for n = 2, #args do
    local f = assert(io.open(args[n], "rb"))
    bodies[#bodies + 1] = f:read("*a")
    f:close()
  end
end
function request()
  if mode == "health" then
    return wrk.format("GET", "/health")
  end
  i = i + 1
  -- every request a text not sent before: no cache of lines, cells or labels answers it whole
  local body = bodies[(i - 1) % #bodies + 1] .. "\n（第" .. i .. "次）\n"
  return wrk.format("POST", "/parse", {["Content-Type"] = "text/plain; charset=utf-8"}, body)
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def corpus_documents(corpus_dir):
    docs = sorted(path for path in corpus_dir.glob("*/input.txt"))
    if not docs:
        sys.exit(f"no corpus documents under {corpus_dir}")
    return docs


# --- (a) in-process ---------------------------------------------------------------------------

def parse_report(text, checks):
    """The parse alone (read and recover) or the whole pipeline with the checks (what /parse does)."""
    return documents.parse_report(text) if checks else parsing.parse_report(text)


def _median_ms(text, repeats, checks):
    parse_report(text, checks=checks)  # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        parse_report(text, checks=checks)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), percentile(times, 0.9)


def bench_recovery(docs, repeats):
    """(a') the recovery stage alone on the documents whose table cells ran together: the
    median over `repeats` of recover(read_report(text)) minus read_report(text), per report."""
    from service.parsing.recovery import recover
    from service.parsing.report import read_report

    together = [path for path in docs if "run-together-cells" in path.with_name("gold.json").read_text("utf-8")]
    print(f"(a') recovery of run-together cells, {repeats} repeats per document (read, then read + recover)")
    for path in together:
        text = path.read_text(encoding="utf-8")
        read, both = [], []
        for _ in range(repeats):
            start = time.perf_counter()
            read_report(text)
            middle = time.perf_counter()
            recover(read_report(text))
            both.append((time.perf_counter() - middle) * 1000)
            read.append((middle - start) * 1000)
        cost = statistics.median(both) - statistics.median(read)
        print(f"    {path.parent.name:<22} read {statistics.median(read):6.2f} ms  recovery {cost:6.2f} ms per report")
    print()


def bench_in_process(docs, repeats):
    print(f"(a) parse_report in-process, {repeats} repeats per document: the parse alone, then with the "
          "consistency checks (what /parse does)")
    print(f"    {'document':<22} {'chars':>7} {'parse ms':>9} {'p90':>6} {'+checks ms':>11} {'p90':>6}")
    medians, with_checks = [], []
    for path in docs:
        text = path.read_text(encoding="utf-8")
        median, p90 = _median_ms(text, repeats, checks=False)
        checked, checked_p90 = _median_ms(text, repeats, checks=True)
        medians.append(median)
        with_checks.append(checked)
        print(f"    {path.parent.name:<22} {len(text):>7} {median:>9.2f} {p90:>6.2f} {checked:>11.2f} "
              f"{checked_p90:>6.2f}")
    print(f"    total of medians: {sum(medians):.1f} ms for {len(docs)} documents; median document "
          f"{statistics.median(medians):.2f} ms parse, {statistics.median(with_checks):.2f} ms with checks")
    print()


# --- (b) over HTTP ----------------------------------------------------------------------------

def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def launch_gunicorn(port, workers, extra=(), stderr=subprocess.DEVNULL):
    """gunicorn -c gunicorn.conf.py on 127.0.0.1:port; (process, command) once /health answers,
    (None, command) when it does not start within 30 s (the process is stopped then)."""
    command = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", f"{HOST}:{port}", *extra]
    if workers:
        command += ["--workers", str(workers)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=stderr,
                               start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/health", timeout=1) as response:
                if response.status == 200:
                    return process, command
        except OSError:
            time.sleep(0.2)
    stop_gunicorn(process)
    return None, command


def start_gunicorn(port, workers):
    process, _ = launch_gunicorn(port, workers)
    if process is None:
        sys.exit("gunicorn did not start")
    return process


def stop_gunicorn(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def load_with_wrk(port, mode, docs, duration, connections):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    try:
        threads = max(1, min(connections, os.cpu_count() or 1))
        command = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s", "-s", script.name,
                   f"http://{HOST}:{port}/", "--", mode, *[str(d) for d in docs]]
        output = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60).stdout
    finally:
        os.unlink(script.name)
    match = re.search(r"RESULT requests=(\d+) duration_us=(\d+) p50_us=(\d+) p99_us=(\d+) errors=(\d+)", output)
    if not match:
        sys.exit("wrk gave no result:\n" + output)
    requests, duration_us, p50, p99, errors = map(int, match.groups())
    return {"rps": requests / (duration_us / 1e6), "requests": requests, "p50_ms": p50 / 1000,
            "p99_ms": p99 / 1000, "errors": errors}


def load_with_python(port, mode, docs, duration, connections):
    bodies = [d.read_bytes() for d in docs]
    latencies, errors, lock = [], [0], threading.Lock()
    deadline = time.monotonic() + duration

    def worker(offset):
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        mine, failed, n = [], 0, offset
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                if mode == "health":
                    connection.request("GET", "/health")
                else:
                    body = bodies[n % len(bodies)] + f"\n（第{n}次）\n".encode()
                    connection.request("POST", "/parse", body=body, headers={"Content-Type": TEXT_PLAIN})
                    n += 1
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
                connection.close()
            mine.append(time.perf_counter() - start)
        connection.close()
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    return {"rps": len(latencies) / elapsed, "requests": len(latencies),
            "p50_ms": percentile(latencies, 0.5) * 1000 if latencies else 0.0,
            "p99_ms": percentile(latencies, 0.99) * 1000 if latencies else 0.0, "errors": errors[0]}


def bench_http(docs, duration, connections, workers, tool):
    load = load_with_wrk if tool == "wrk" else load_with_python
    generator = ("wrk (Lua script cycling the documents)" if tool == "wrk"
                 else "Python threads, one http.client connection each, reopened whenever the server closes it")
    port = free_port()
    process = start_gunicorn(port, workers)
    try:
        print(f"(b) gunicorn -c gunicorn.conf.py on {HOST}:{port}" + (f", {workers} workers" if workers else "")
              + f"; load: {generator}; {connections} connections, {duration} s per endpoint")
        results = {}
        for label, mode in (("POST /parse", "parse"), ("GET /health", "health")):
            results[mode] = result = load(port, mode, docs, duration, connections)
            print(f"    {label:<12} {result['rps']:>9.1f} req/s  p50 {result['p50_ms']:>7.2f} ms  "
                  f"p99 {result['p99_ms']:>7.2f} ms  requests {result['requests']:>7}  errors {result['errors']}")
        ratio = results["parse"]["rps"] / results["health"]["rps"] if results["health"]["rps"] else 0.0
        print(f"    ratio parse/health: {ratio:.3f}")
    finally:
        stop_gunicorn(process)


# --- (c) the command line ---------------------------------------------------------------------

CLI_MIN_DOCUMENTS = 500
CLI_RUNS = 3


def _cli_wall_s(args, runs=CLI_RUNS):
    """Median wall time of `python -m service parse --no-progress -o /dev/null ARGS`."""
    command = [sys.executable, "-m", "service", "parse", "--no-progress", "-o", os.devnull, *map(str, args)]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        completed = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        times.append(time.perf_counter() - start)
        if completed.returncode != 0:
            sys.exit(f"{' '.join(command)} failed ({completed.returncode}):\n{completed.stderr.decode()[-2000:]}")
    return statistics.median(times)


def bench_cli(corpus_dir, copies):
    everything = sorted(path for path in corpus_dir.rglob("*")
                        if path.is_file() and path.suffix.lower() in MEDIA_TYPE_BY_SUFFIX)
    if not everything:
        sys.exit(f"no documents under {corpus_dir}")
    texts = [path for path in everything if path.suffix.lower() == ".txt"]
    cores = cpu_count()
    print(f"(c) python -m service parse, -o {os.devnull}; wall time of the whole command, median of {CLI_RUNS} runs; "
          f"{cores} cores")
    print(f"    {'run':<44} {'wall s':>8} {'docs/s':>8} {'docs/s after start-up':>22}")
    start_up = _cli_wall_s(["--jobs", "1", texts[0] if texts else everything[0]])
    print(f"    {'1 file (start-up)':<44} {start_up:>8.2f} {'':>8} {'':>22}")
    for label, originals in (("text reports", texts), ("every corpus document", everything)):
        if originals:
            _cli_rows(label, corpus_dir, originals, copies or -(-CLI_MIN_DOCUMENTS // len(originals)), cores,
                      start_up)
    print()


def _cli_rows(label, corpus_dir, originals, copies, cores, start_up):
    """The command line over `copies` copies of `originals`, with --jobs 1 and with every core."""
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as folder:
        for k in range(copies):
            for path in originals:
                target = Path(folder, f"copy-{k:03d}", path.relative_to(corpus_dir))
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
        total = len(originals) * copies
        for jobs in dict.fromkeys([1, cores]):
            wall = _cli_wall_s(["--jobs", jobs, folder])
            net = total / (wall - start_up) if wall > start_up else float("inf")
            row = f"{total} {label}, --jobs {jobs}"
            print(f"    {row:<44} {wall:>8.2f} {total / wall:>8.1f} {net:>22.1f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeats", type=int, default=20, help="parse_report runs per document")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per endpoint")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (default: gunicorn.conf.py)")
    parser.add_argument("--load", choices=["auto", "wrk", "python"], default="auto",
                        help="load generator (auto: wrk when installed)")
    parser.add_argument("--skip-http", action="store_true", help="no gunicorn part")
    parser.add_argument("--cli-copies", type=int, default=0,
                        help=f"copies of the corpus the command line parses (default: enough for {CLI_MIN_DOCUMENTS})")
    parser.add_argument("--skip-cli", action="store_true", help="no command-line part")
    args = parser.parse_args()

    docs = corpus_documents(args.corpus)
    bench_in_process(docs, args.repeats)
    bench_recovery(docs, args.repeats)
    if not args.skip_http:
        tool = args.load if args.load != "auto" else ("wrk" if shutil.which("wrk") else "python")
        bench_http(docs, args.duration, args.connections, args.workers, tool)
    if not args.skip_cli:
        bench_cli(args.corpus, args.cli_copies)


if __name__ == "__main__":
    main()
