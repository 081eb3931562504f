"""The serving thread's own cost of POST /parse: what a gunicorn worker's thread spends on a
request besides the parse, which runs in a parsing slot (another process).

    python bench/serving.py                 # 5 rounds of 300 requests
    python bench/serving.py --rounds 9 --requests 500

The app is built with the shipped defaults (one parsing slot); each request is a corpus text
with a line of its own appended, sent through the WSGI callable (no socket: gunicorn's own HTTP
work is what GET /health pays as well). Printed: CPU time of this process per request (the
slot's CPU is not in it), the median over rounds, and the Python function calls per request
(cProfile; a figure that does not depend on the machine's load), for POST /parse and GET /health.
"""

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from werkzeug.test import EnvironBuilder  # noqa: E402

from service.app import create_app  # noqa: E402


def environs(texts, count, kind):
    if kind == "health":
        return [EnvironBuilder(path="/health").get_environ() for _ in range(count)]
    return [EnvironBuilder(path="/parse", method="POST", data=texts[i % len(texts)] + f"\n{i}".encode(),
                           headers={"Content-Type": "text/plain; charset=utf-8"}).get_environ()
            for i in range(count)]


def call(app, environ):
    statuses = []
    body = app(environ, lambda status, headers, exc_info=None: statuses.append(status))
    b"".join(body)
    if statuses[0][:3] != "200":
        raise SystemExit(f"unexpected answer {statuses[0]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    texts = [path.read_bytes() for path in sorted(args.corpus.glob("*/input.txt"))]
    app = create_app({"LOG_LEVEL": "warning"})
    for kind in ("health", "parse"):
        for environ in environs(texts, 50, kind):      # warm: slot started, caches filled
            call(app, environ)
        per_request = []
        for _ in range(args.rounds):
            batch = environs(texts, args.requests, kind)
            started = time.process_time()
            for environ in batch:
                call(app, environ)
            per_request.append((time.process_time() - started) / args.requests * 1000)
        profile = cProfile.Profile()
        batch = environs(texts, args.requests, kind)
        profile.enable()
        for environ in batch:
            call(app, environ)
        profile.disable()
        calls = pstats.Stats(profile).total_calls / args.requests
        print(f"{kind:<7} serving CPU {statistics.median(per_request):.3f} ms per request (median of "
              f"{args.rounds} rounds of {args.requests}; {min(per_request):.3f}-{max(per_request):.3f}), "
              f"{calls:.0f} Python calls per request")


if __name__ == "__main__":
    main()
