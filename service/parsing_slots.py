"""Parsing slots: the service reads and parses every document in one of a few long-lived worker
processes (service.isolation.WorkerPool), never in the process that serves HTTP. So

- a document gets a time budget that holds whatever the cause (a slow page, a hostile PDF, a bug
  that loops): over it, its worker is killed and replaced, and the answer is a 422 problem
  (document-too-costly, or pdf-too-costly for a PDF);
- the HTTP worker's threads stay free for /health and for clients that send slowly;
- what the service can take is bounded: a request that finds no free slot within SLOT_WAIT
  seconds is answered 503 service-unavailable with Retry-After, instead of queueing;
- memory comes back: a worker that grew by PARSING_RECYCLE_GROWTH bytes during a document is
  replaced after it, and none may grow by more than PARSING_MEMORY_LIMIT.

    slots = parsing_slots(config)            # one pool per process and setting
    slots.parse(document, only_failures, seconds=None, answer=None) -> result, or answer(result)

`document` is a Submission (text that arrived as text) or an Upload (bytes still to be read).
`answer`, a module-level function (it is pickled by name), turns the result into what is sent
back in the slot itself: POST /parse gets its JSON bytes ready (service/http/result_json.py), so
that neither the result's pickling nor its dump costs the serving thread.
"""

import threading
import time
from dataclasses import dataclass
from pathlib import Path

from service.documents import Upload, parse_submission, read_document
from service.formats import PDF
from service.isolation import Busy, IsolationError, WorkerPool
from service.problem_types import ProblemError, ProblemType

_pools = {}
_pools_lock = threading.Lock()


def parse_document(job):
    """Runs in a worker: read the document if it is bytes, parse it, and give the result (or
    answer(result))."""
    document, only_failures, answer = job
    if isinstance(document, Upload):
        document = read_document(document.data, document.media_type, document.charset, document.limits,
                                 document.filename)
    result = parse_submission(document, only_failures)
    return result if answer is None else answer(result)


# A real report (the docs page's example, seed-001 of the corpus) that each slot parses once at
# its start: the first document a slot gets then finds the parser's caches and lazily built data
# ready (measured: a slot's first /parse 24 ms, then 4 to 6 ms; after the warm-up, 4 to 6 ms).
WARM_UP_REPORT = Path(__file__).parent / "http" / "example_reports" / "yutan-2021.txt"


def warm_up():
    parse_submission(read_document(WARM_UP_REPORT.read_bytes(), "text/plain", "utf-8"))


@dataclass
class ParsingSlots:
    pool: WorkerPool
    seconds: float          # a document's time budget
    wait: float             # how long a request may wait for a free slot

    def parse(self, document, only_failures=False, seconds=None, answer=None):
        seconds = self.seconds if seconds is None else min(seconds, self.seconds)
        try:
            return self.pool.run(parse_document, (document, only_failures, answer), seconds, self.wait)
        except Busy:
            raise ProblemError(ProblemType.SERVICE_UNAVAILABLE,
                               f"Every parsing slot stayed busy for {self.wait:g} s; send the document again "
                               "shortly.", retry_after=max(1, round(self.wait))) from None
        except IsolationError as error:
            raise too_costly(document, error) from None

    def start(self):
        self.pool.start()


def too_costly(document, error: IsolationError) -> ProblemError:
    limit = {"time": "its time budget (DOCUMENT_TIME_LIMIT)",
             "memory": "its memory limit (PARSING_MEMORY_LIMIT)",
             "crash": "its worker, which stopped"}[error.kind]
    if isinstance(document, Upload) and document.media_type == PDF:
        return ProblemError(ProblemType.PDF_TOO_COSTLY, f"The PDF could not be read within {limit}: "
                                                        f"{error.detail}. It is damaged or built to exhaust readers.")
    return ProblemError(ProblemType.DOCUMENT_TOO_COSTLY, f"The document could not be parsed within {limit}: "
                                                         f"{error.detail}.")


class InProcess:
    """PARSING_SLOTS 0: documents parsed in the serving thread, without time or memory limits."""

    def parse(self, document, only_failures=False, seconds=None, answer=None):
        return parse_document((document, only_failures, answer))

    def start(self):
        pass


def parsing_slots(config):
    """The slots of this process for a configuration (created on first use; a test suite that
    builds many apps with one configuration shares one pool)."""
    if config["PARSING_SLOTS"] == 0:
        return InProcess()
    key = (config["PARSING_SLOTS"], config["PARSING_MEMORY_LIMIT"], config["PARSING_RECYCLE_GROWTH"])
    with _pools_lock:
        pool = _pools.get(key)
        if pool is None:
            pool = _pools[key] = WorkerPool(*key, warm_up=warm_up)
    return ParsingSlots(pool, float(config["DOCUMENT_TIME_LIMIT"]), float(config["SLOT_WAIT"]))


class Deadline:
    """A batch's time budget: how many seconds a document may still take."""

    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds
        self.seconds = seconds

    def left(self) -> float:
        return self.end - time.monotonic()

    def problem(self) -> ProblemError:
        return ProblemError(ProblemType.SERVICE_UNAVAILABLE,
                            f"The batch's time budget ({self.seconds:g} s, BATCH_TIME_LIMIT) ran out before this "
                            "document; send it again.", retry_after=1)
