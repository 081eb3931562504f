"""Sustained load: many POST /parse requests against gunicorn, errors, latency and worker memory.

    python bench/load.py                       # 20 000 requests, 8 connections, at most 600 s
    python bench/load.py --requests 500        # a quick smoke run

gunicorn is started with the shipped gunicorn.conf.py on a free 127.0.0.1 port, plus
`--max-requests 0`: the config recycles each worker after 10000 ± 1000 requests, which would hide
a leak and change the worker PIDs, so for this run the same workers serve every request. After
a warm-up (--warmup requests, so first-request imports and caches are not counted as growth) the
resident memory (VmRSS) of each worker is read from /proc, then --requests POST /parse requests
cycling the corpus documents are sent over --connections persistent http.client connections
(Python threads; gunicorn's sync workers close the connection after each response, so each
thread reconnects when needed; wrk is not used). RSS is read again at each quarter of the run
and at the end. Reported: requests, errors (a status other than 200 or a connection error),
throughput, p50/p99 latency, RSS per worker before/after and the growth in MiB and %.

Exit status 0 only if every request got 200, all requests were sent before --max-seconds, the
same worker PIDs served the whole run and no worker grew by more than --max-growth-mib or
--max-growth-percent; 1 otherwise. gunicorn is always stopped (its whole process group).
"""

import argparse
import http.client
import itertools
import os
import runpy
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import (HOST, ROOT, TEXT_PLAIN, corpus_documents, free_port, launch_gunicorn, percentile,  # noqa: E402
                   stop_gunicorn)

MIB = 1024 * 1024


# --- gunicorn and its workers ------------------------------------------------------------------

def start_gunicorn(port, workers, log_file):
    """gunicorn -c gunicorn.conf.py --max-requests 0; its error log (stderr) goes to log_file."""
    return launch_gunicorn(port, workers, extra=["--max-requests", "0"], stderr=log_file)


def children(pid):
    """PIDs whose parent is pid: /proc/<pid>/task/*/children, else a scan of /proc/*/stat."""
    found = set()
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found.update(int(child) for child in handle.read().split())
        return sorted(found)
    except OSError:
        pass
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    stat = handle.read()
            except OSError:
                continue
            # The command name (field 2) is in parentheses and may hold spaces: split after it.
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.add(int(entry))
    return sorted(found)


def wait_for_workers(master, expected, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pids = children(master)
        if len(pids) >= expected:
            return pids
        time.sleep(0.2)
    return children(master)


def rss_bytes(pid):
    """VmRSS of pid in bytes, or None when the process is gone."""
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def rss_of(pids):
    return {pid: rss_bytes(pid) for pid in pids}


def cpu_jiffies(pids):
    """(busy, total) clock ticks of the machine from /proc/stat, and utime + stime of pids."""
    with open("/proc/stat") as handle:
        fields = [int(value) for value in handle.readline().split()[1:9]]
    busy, total = sum(fields) - fields[3] - fields[4], sum(fields)  # minus idle and iowait
    own = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as handle:
                stat = handle.read().rpartition(")")[2].split()
            own += int(stat[11]) + int(stat[12])
        except OSError:
            pass
    return busy, total, own


# --- load ---------------------------------------------------------------------------------------

def run_load(port, bodies, total, connections, deadline, progress=None):
    """Send `total` POST /parse over `connections` threads, each with one http.client connection.

    Requests are numbered globally; request i carries bodies[i % len(bodies)]. Every thread
    stops at `deadline` (time.monotonic()); a request in flight is bounded by the 30 s socket
    timeout. `progress`, if given, is a one-element list updated with the requests done.
    """
    counter = itertools.count()
    lock = threading.Lock()
    headers = {"Content-Type": TEXT_PLAIN}
    latencies, failures, samples = [], [0], []
    opened = [0]
    done = progress if progress is not None else [0]

    def worker():
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        mine, failed, connects, errors_seen = [], 0, 0, []
        try:
            while time.monotonic() < deadline:
                with lock:
                    i = next(counter)
                if i >= total:
                    break
                if connection.sock is None:
                    connects += 1
                start = time.perf_counter()
                try:
                    connection.request("POST", "/parse", body=bodies[i % len(bodies)], headers=headers)
                    response = connection.getresponse()
                    payload = response.read()
                    if response.status != 200:
                        failed += 1
                        if len(errors_seen) < 5:
                            errors_seen.append(f"request {i}: HTTP {response.status} {payload[:200]!r}")
                except (OSError, http.client.HTTPException) as error:
                    failed += 1
                    connection.close()
                    if len(errors_seen) < 5:
                        errors_seen.append(f"request {i}: {type(error).__name__}: {error}")
                mine.append(time.perf_counter() - start)
                done[0] += 1  # only a progress indication: an occasional lost update is harmless
        finally:
            connection.close()
            with lock:
                latencies.extend(mine)
                failures[0] += failed
                opened[0] += connects
                samples.extend(errors_seen)

    started = time.monotonic()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(connections)]
    for thread in threads:
        thread.start()
    return threads, started, lambda: {
        "elapsed": time.monotonic() - started, "latencies": latencies, "errors": failures[0],
        "connections_opened": opened[0], "error_samples": samples}


def join_all(threads, deadline):
    """Join the load threads; give up 35 s after the deadline (a request in flight times out at 30 s)."""
    for thread in threads:
        thread.join(timeout=max(0.0, deadline + 35 - time.monotonic()))
    return not any(thread.is_alive() for thread in threads)


# --- report -------------------------------------------------------------------------------------

def mib(value):
    return f"{value / MIB:8.1f}" if value is not None else "    gone"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--requests", type=int, default=20_000, help="POST /parse requests to send")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections (threads)")
    parser.add_argument("--warmup", type=int, default=200, help="requests sent before the first RSS reading")
    parser.add_argument("--max-seconds", type=float, default=600,
                        help="time limit for the whole run (warm-up and load); the run stops by itself")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (default: gunicorn.conf.py)")
    parser.add_argument("--max-growth-mib", type=float, default=20.0,
                        help="fail if a worker's RSS grows by more than this many MiB")
    parser.add_argument("--max-growth-percent", type=float, default=20.0,
                        help="fail if a worker's RSS grows by more than this percentage")
    args = parser.parse_args()
    if args.requests < 1 or args.connections < 1 or args.warmup < 0 or args.max_seconds <= 0:
        parser.error("--requests and --connections must be positive, --warmup not negative, "
                     "--max-seconds positive")

    # A SIGTERM to this script still runs the finally clause that stops gunicorn.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    run_deadline = time.monotonic() + args.max_seconds

    docs = corpus_documents(args.corpus)
    bodies = [doc.read_bytes() for doc in docs]  # sent as they are: the corpus is UTF-8
    expected_workers = args.workers or int(runpy.run_path(str(ROOT / "gunicorn.conf.py"))["workers"])
    port = free_port()
    problems = []

    with tempfile.TemporaryFile("w+") as log:
        process, command = start_gunicorn(port, args.workers, log)
        try:
            if process is None:
                log.seek(0)
                sys.exit("gunicorn did not start:\n" + log.read()[-3000:])
            shown = " ".join(["gunicorn"] + command[3:])
            print(f"server: {shown}")
            print("        --max-requests 0 overrides gunicorn.conf.py's max_requests = 10000 (+ jitter 1000): "
                  "no worker is recycled during the run, so the same PIDs serve every request "
                  "and any growth shows")
            workers = wait_for_workers(process.pid, expected_workers)
            print(f"        master pid {process.pid}, {len(workers)} sync workers {workers} "
                  f"(expected {expected_workers}); {os.cpu_count()} CPUs")
            if len(workers) != expected_workers:
                problems.append(f"{len(workers)} workers found, {expected_workers} expected")
            print(f"load:   POST /parse, text/plain; charset=utf-8, cycling {len(docs)} corpus documents "
                  f"({sum(map(len, bodies)) / len(bodies) / 1024:.1f} KiB mean); {args.connections} Python "
                  "threads, one persistent http.client connection each, reopened whenever the server "
                  f"closes it; 127.0.0.1 only; time limit {args.max_seconds:g} s")

            # Warm-up: every worker imports lazily-loaded modules and fills its caches.
            if args.warmup:
                threads, _, result = run_load(port, bodies, args.warmup, args.connections, run_deadline)
                join_all(threads, run_deadline)
                warm = result()
                print(f"warm-up: {len(warm['latencies'])} requests, {warm['errors']} errors")
                for sample in warm["error_samples"]:
                    print(f"         {sample}")
                if warm["errors"]:
                    problems.append(f"{warm['errors']} errors during the warm-up")
            time.sleep(0.5)
            readings = [("before", rss_of(workers))]

            # The load itself, with an RSS reading at each quarter of the requests.
            progress = [0]
            measured = [os.getpid(), process.pid, *workers]
            cpu_before = cpu_jiffies(measured)
            threads, _, result = run_load(port, bodies, args.requests, args.connections, run_deadline, progress)
            marks = [(args.requests * q // 4, f"{q * 25}%") for q in (1, 2, 3)]
            while any(thread.is_alive() for thread in threads) and time.monotonic() < run_deadline + 35:
                while marks and progress[0] >= marks[0][0]:
                    readings.append((marks.pop(0)[1], rss_of(workers)))
                time.sleep(0.1)
            finished = join_all(threads, run_deadline)
            load = result()
            cpu_after = cpu_jiffies(measured)
            time.sleep(0.5)
            readings.append(("after", rss_of(workers)))
            after_workers = children(process.pid)
        finally:
            if process is not None:
                stop_gunicorn(process)
        log.seek(0)
        server_log = log.read()

    # --- figures ---
    latencies = sorted(load["latencies"])
    sent, errors, elapsed = len(latencies), load["errors"], load["elapsed"]
    print()
    print(f"requests sent   {sent} of {args.requests} in {elapsed:.1f} s "
          f"({load['connections_opened']} connections opened)")
    print(f"errors          {errors}")
    for sample in load["error_samples"]:
        print(f"                {sample}")
    print(f"throughput      {sent / elapsed:.1f} req/s" if elapsed else "throughput      -")
    if latencies:
        print(f"latency         p50 {percentile(latencies, 0.5) * 1000:.2f} ms   "
              f"p99 {percentile(latencies, 0.99) * 1000:.2f} ms   max {latencies[-1] * 1000:.2f} ms")
    busy, total, own = (after - before for after, before in zip(cpu_after, cpu_before))
    if total:
        cpus = os.cpu_count() or 1
        print(f"CPU             machine busy {100 * busy / total:.0f} % of {cpus} CPUs: this test (client and "
              f"gunicorn) {100 * own / total:.0f} %, other processes {100 * max(0, busy - own) / total:.0f} %")
    if errors:
        problems.append(f"{errors} errors")
    if sent < args.requests:
        problems.append(f"only {sent} of {args.requests} requests sent"
                        + (" (stopped by --max-seconds)" if time.monotonic() >= run_deadline else ""))
    if not finished:
        problems.append("load threads still running 35 s after the time limit")

    print()
    labels = [label for label, _ in readings]
    print("worker RSS (MiB, VmRSS)   " + " ".join(f"{label:>8}" for label in labels)
          + "   growth MiB        %")
    before_total = after_total = 0
    for pid in workers:
        values = [reading[pid] for _, reading in readings]
        before, after = values[0], values[-1]
        line = f"  pid {pid:<20}" + " ".join(mib(value) for value in values)
        if before is None or after is None:
            problems.append(f"worker {pid} disappeared during the run")
            print(line)
            continue
        growth = after - before
        percent = 100 * growth / before
        before_total += before
        after_total += after
        print(line + f"   {growth / MIB:+10.2f} {percent:+8.1f}")
        if growth / MIB > args.max_growth_mib or percent > args.max_growth_percent:
            problems.append(f"worker {pid} grew by {growth / MIB:.1f} MiB ({percent:.1f} %), more than "
                            f"{args.max_growth_mib:g} MiB or {args.max_growth_percent:g} %")
    if before_total:
        growth = after_total - before_total
        print(f"  all workers             {before_total / MIB:8.1f} ... {after_total / MIB:8.1f}   "
              f"{growth / MIB:+10.2f} {100 * growth / before_total:+8.1f}")
    print(f"  thresholds: growth per worker at most {args.max_growth_mib:g} MiB and "
          f"{args.max_growth_percent:g} %")

    if after_workers != workers:
        problems.append(f"worker PIDs changed: {workers} before, {after_workers} after")
    booted = server_log.count("Booting worker")
    if booted != len(workers):
        problems.append(f"{booted} workers booted for {len(workers)} workers: a worker was restarted")
    for marker in ("WORKER TIMEOUT", "Traceback"):
        if marker in server_log:
            problems.append(f"gunicorn's error log holds {marker!r}")
    print(f"  same worker PIDs before and after: {'yes' if after_workers == workers else 'no'}; "
          f"workers booted: {booted}")

    print()
    if problems:
        print("FAIL: " + "; ".join(problems))
        return 1
    print(f"OK: {sent} requests, 0 errors, no worker grew beyond the thresholds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
