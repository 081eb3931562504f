"""What a parsing slot adds to a document's cost: the corpus texts, each with a line of its own
appended (as bench/bench.py sends them), parsed through one slot one after the other, against the
same jobs run in this process.

    python bench/slot_cost.py                  # 40 rounds of the 17 corpus texts

Printed: the slot's CPU per job (from /proc, its process only), the caller's CPU per job (pickling
the job, waiting, reading the answer) and the CPU per job in-process (parse, recovery, checks,
the compiled dump and orjson, as the slot runs them). No gunicorn, no concurrency: what is left of
a slot's CPU per request under load beyond these is the machine's (other processes on the cores).
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.config import DEFAULTS  # noqa: E402
from service.documents import read_document  # noqa: E402
from service.http.result_json import result_json  # noqa: E402
from service.parsing_slots import parse_document, parsing_slots  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    texts = [path.read_bytes() for path in sorted(args.corpus.glob("*/input.txt"))]
    jobs = [read_document(text + f"\n{i}".encode(), "text/plain", "utf-8")
            for i in range(args.rounds) for text in texts]
    slots = parsing_slots({**DEFAULTS, "PARSING_SLOTS": 1})
    slots.start()
    pid = slots.pool._idle.queue[0].process.pid
    for job in jobs[:50]:                                   # warm: the slot's caches filled
        slots.parse(job, False, answer=result_json)
    slot_before, caller_before = cpu_seconds(pid), time.process_time()
    for job in jobs:
        slots.parse(job, False, answer=result_json)
    slot_ms = 1000 * (cpu_seconds(pid) - slot_before) / len(jobs)
    caller_ms = 1000 * (time.process_time() - caller_before) / len(jobs)
    started = time.process_time()
    for job in jobs:
        parse_document((job, False, result_json))
    in_process_ms = 1000 * (time.process_time() - started) / len(jobs)
    print(f"{len(jobs)} jobs: slot CPU {slot_ms:.3f} ms per job, caller {caller_ms:.3f} ms, "
          f"in-process {in_process_ms:.3f} ms; the slot adds {slot_ms - in_process_ms:.3f} ms")


if __name__ == "__main__":
    main()
