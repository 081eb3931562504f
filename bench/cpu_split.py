"""Where the CPU of a request goes under gunicorn: the shipped config on a loopback port, wrk at
8 connections for D seconds per endpoint, and the CPU time (user + system, from /proc) that each
kind of process spent, divided by the requests served:

    python bench/cpu_split.py                    # 10 s per endpoint
    python bench/cpu_split.py --duration 5 --endpoint parse

Kinds: the gunicorn workers' HTTP threads ("serving", with the workers that ended during the run,
recycled after max_requests, as their master counts them), the parsing slots ("slots"), the master
and the forkserver ("other"), and wrk itself ("client"). Throughput on a saturated machine follows
the sum, so the ratio of the sums for GET /health and POST /parse is what the ratio of requests per
second tends to, whatever else the machine runs; each figure depends much less on the machine's
load than a requests-per-second figure does.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench import corpus_documents, free_port, launch_gunicorn, load_with_wrk, stop_gunicorn  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def tree(root_pid):
    """{pid: (parent pid, command line)} of root_pid and its descendants."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/cmdline", "rb") as cmd:
                command = cmd.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        table[int(entry)] = (int(fields[1]), command)
    members, frontier = {root_pid}, [root_pid]
    while frontier:
        parent = frontier.pop()
        for pid, (ppid, _) in table.items():
            if ppid == parent and pid not in members:
                members.add(pid)
                frontier.append(pid)
    return {pid: table[pid] for pid in members if pid in table}


def cpu_seconds(pid, waited=False):
    """User + system CPU of pid (all its threads), in seconds (0 when gone); with waited, that
    of its children that ended and were waited for instead."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    first = 13 if waited else 11
    return (int(fields[first]) + int(fields[first + 1])) / TICKS


def kind(pid, processes):
    """serving (a gunicorn worker), slots (a process forked by a forkserver) or other (the
    master, the forkservers, multiprocessing's resource trackers)."""
    parent, command = processes[pid]
    parent_command = processes.get(parent, (0, ""))[1]
    if "forkserver" in command:
        return "slots" if "forkserver" in parent_command else "other"
    if "gunicorn" in command and "gunicorn" in parent_command:
        return "serving"
    return "other"


def snapshot(root_pid):
    """{pid: (kind, CPU seconds)} of the server's processes now."""
    processes = tree(root_pid)
    taken = {pid: (kind(pid, processes), cpu_seconds(pid)) for pid in processes}
    master = next(pid for pid, (parent, command) in processes.items()
                  if "gunicorn" in command and "gunicorn" not in processes.get(parent, (0, ""))[1])
    taken["recycled"] = ("serving", cpu_seconds(master, waited=True))   # workers ended (max_requests)
    return taken


def spent_by_kind(before, after):
    """CPU spent between two snapshots per kind; a process that ended in between is counted up
    to the first snapshot only (said by the caller), a new one whole."""
    totals = {"serving": 0.0, "slots": 0.0, "other": 0.0}
    for pid, (name, seconds) in after.items():
        previous = before.get(pid)
        totals[name] += seconds - (previous[1] if previous and previous[0] == name else 0.0)
    return totals


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--endpoint", choices=["both", "parse", "health"], default="both")
    parser.add_argument("--gunicorn", action="append", default=[], metavar="OPTION",
                        help="an option for gunicorn after the shipped config, e.g. --gunicorn=--max-requests=0")
    args = parser.parse_args()
    docs = [doc for doc in corpus_documents(args.corpus) if doc.suffix == ".txt"]
    port = free_port()
    process, command = launch_gunicorn(port, None, extra=args.gunicorn)
    if process is None:
        sys.exit(f"gunicorn did not start: {' '.join(command)}")
    modes = ["parse", "health"] if args.endpoint == "both" else [args.endpoint]
    per_request = {}
    try:
        load_with_wrk(port, "parse", docs, 2, args.connections)          # warm: slots started, caches filled
        for mode in modes:
            before = snapshot(process.pid)
            client_before = os.times()
            result = load_with_wrk(port, mode, docs, args.duration, args.connections)
            client_after = os.times()
            after = snapshot(process.pid)
            if {pid for pid, (name, _) in before.items() if name == "slots"} - set(after):
                print(f"{mode}: a slot ended during the run: its last CPU is not counted")
            client = (client_after.children_user + client_after.children_system
                      - client_before.children_user - client_before.children_system)
            spent = spent_by_kind(before, after)
            spent["client"] = client
            n = result["requests"]
            per_request[mode] = {name: 1000 * value / n for name, value in spent.items()}
            cells = "  ".join(f"{name} {value:.3f}" for name, value in per_request[mode].items())
            print(f"{mode:<7} {result['rps']:8.1f} req/s  CPU ms per request: {cells}  "
                  f"total {sum(per_request[mode].values()):.3f}")
        if len(per_request) == 2:
            totals = {mode: sum(values.values()) for mode, values in per_request.items()}
            print(f"ratio of CPU per request health/parse: {totals['health'] / totals['parse']:.3f}")
    finally:
        stop_gunicorn(process)


if __name__ == "__main__":
    main()
