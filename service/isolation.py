"""Work that can hang or explode on a hostile file (PDFium on a forged PDF, a document that
costs more than its time budget) runs in a child process with a time limit and a memory limit;
the child is killed when one is hit, so the calling process (a gunicorn worker, the command
line) never hangs and never grows.

    run_isolated(function, argument, seconds, memory_bytes) -> function(argument)   one child per call
    WorkerPool(size, memory_bytes, recycle_bytes).run(function, argument, seconds, wait)
                                                  long-lived children, one job at a time each

Children are forked from a forkserver (multiprocessing), a small single-threaded process that
imports the readers once: starting a child costs a fork, not an interpreter, and is safe from a
process that runs threads. One child reads one document (PDFium is not thread-safe), then exits.
A FormatError raised in the child is raised again here; a child that runs out of time or memory,
or dies, is an IsolationError saying which limit.
"""

import multiprocessing
import os
import queue
import resource
import select
import threading
import traceback

# Imported once in the forkserver, so that no slot imports them on its first document: the readers,
# the parser, the checks and the compiled dump that makes POST /parse's answer into bytes in the
# slot (service.http.result_json, without marshmallow).
PRELOAD = ["service.documents", "service.formats.pdf", "service.formats.html", "service.formats.docx",
           "service.http.result_json", "service.checks.arithmetic", "service.checks.prose",
           "service.checks.structure", "service.checks.cells"]
READY_SECONDS = 30         # a new worker's start and warm-up
_context = None
_lock = threading.Lock()
_in_worker = False


def in_worker() -> bool:
    """True inside a child of this module: work there is already isolated."""
    return _in_worker


class Busy(Exception):
    """Every worker of a pool stayed busy for the time a caller may wait."""


class IsolationError(Exception):
    """kind: "time" (the time limit), "memory" (the memory limit) or "crash" (the child died)."""

    def __init__(self, kind: str, detail: str):
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


def context():
    """The forkserver context, started on first use (once per process)."""
    global _context
    with _lock:
        if _context is None:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(PRELOAD)
            _context = ctx
    return _context


def _status(field: str) -> int:
    """A size from /proc/self/status (VmSize, VmRSS), in bytes; 0 where there is none."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def grew_past(baseline: int, growth: int) -> bool:
    """Whether this process's resident size is now more than `growth` bytes above `baseline`. The
    peak (getrusage, about 1 µs) is asked first: the resident size is never above it, so
    /proc/self/status (about 40 µs to read) is read only once the peak passed the mark."""
    if resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - baseline <= growth:
        return False
    return _status("VmRSS") - baseline > growth


def _limit_memory(memory_bytes):
    global _in_worker
    _in_worker = True
    try:
        limit = _status("VmSize") + memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        pass


def _value(status, value, memory_bytes):
    """In the parent: a child's outcome as its value, or raised."""
    if status == "memory":
        raise IsolationError("memory", f"the document needs more than {memory_bytes // (1024 * 1024)} MiB to be read")
    if status == "error":
        raise value
    return value


def _child(connection, function, argument, memory_bytes):
    _limit_memory(memory_bytes)
    try:
        result = ("ok", function(argument))
    except MemoryError:
        result = ("memory", None)
    except Exception as error:      # sent back and raised in the parent (FormatError, or a bug)
        result = ("error", error)
    try:
        connection.send(result)
    except MemoryError:
        connection.send(("memory", None))
    connection.close()
    os._exit(0)


def run_isolated(function, argument, seconds: float, memory_bytes: int):
    ctx = context()
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(sender, function, argument, memory_bytes), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            raise IsolationError("time", f"the document was not read within {seconds:g} s")
        try:
            status, value = receiver.recv()
        except (EOFError, OSError):
            child.join(1)
            if child.exitcode is not None and child.exitcode < 0:
                raise IsolationError("memory", "the reader stopped: it ran out of the memory it may use "
                                               "or was killed") from None
            raise IsolationError("crash", "the reader stopped without an answer") from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join(5)
    return _value(status, value, memory_bytes)


def _serve(connection, memory_bytes, recycle_bytes, warm_up=None):
    """A pool worker: run `warm_up` once (so that the first job finds caches and lazily built
    data ready), say it is ready, then run jobs one after the other until the pipe closes; say
    after each job whether it grew past `recycle_bytes` (it then exits, and the pool starts
    another)."""
    _limit_memory(memory_bytes)
    if warm_up is not None:
        try:
            warm_up()
        except Exception:               # a warm-up that fails costs the first job, nothing more
            pass
    baseline = _status("VmRSS")
    connection.send("ready")
    while True:
        try:
            function, argument = connection.recv()
        except (EOFError, OSError):
            os._exit(0)
        try:
            status, value = "ok", function(argument)
        except MemoryError:
            status, value = "memory", None
        except Exception as error:      # sent back and raised in the parent, with where it happened
            error.worker_stack = "".join(traceback.format_tb(error.__traceback__))
            status, value = "error", error
        retire = status == "memory" or grew_past(baseline, recycle_bytes)
        try:
            connection.send((status, value, retire))
        except Exception:               # a result or exception that does not pickle
            connection.send(("error", RuntimeError("the worker's answer could not be sent"), True))
        if retire:
            os._exit(0)


class _Worker:
    def __init__(self, process, connection):
        self.process = process
        self.connection = connection
        # Registered once: Connection.poll builds a selector on every call (about a tenth of the
        # serving thread's cost of a small POST /parse).
        self._answer = select.poll()
        self._answer.register(connection.fileno(), select.POLLIN)

    def answered_within(self, seconds: float) -> bool:
        """True once the worker's answer (or its end: the pipe closed) can be read."""
        return bool(self._answer.poll(max(seconds, 0) * 1000))

    def stop(self):
        self.connection.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)


class WorkerPool:
    """`size` long-lived worker processes, forked from the forkserver, each running one job at a
    time with a memory limit (RLIMIT_AS `memory_bytes` above its start). A job that overruns its
    time is ended by killing its worker; a worker that died, or grew by more than `recycle_bytes`
    during a job, is replaced. A caller waits at most `wait` seconds for a free worker (Busy)."""

    def __init__(self, size: int, memory_bytes: int, recycle_bytes: int, warm_up=None):
        self.size = size
        self.memory_bytes = memory_bytes
        self.recycle_bytes = recycle_bytes
        self.warm_up = warm_up               # run once by each worker before its first job
        self._idle = queue.Queue()
        self._pid = None
        self._start_lock = threading.Lock()

    def start(self):
        """Start the workers (once per process: a pool inherited through a fork starts anew)."""
        with self._start_lock:
            if self._pid == os.getpid():
                return
            self._idle = queue.Queue()
            for _ in range(self.size):
                self._idle.put(self._spawn())
            self._pid = os.getpid()

    def _spawn(self) -> _Worker:
        ctx = context()
        parent, child = ctx.Pipe()
        process = ctx.Process(target=_serve, args=(child, self.memory_bytes, self.recycle_bytes, self.warm_up),
                              daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        try:                                 # started and warmed up: its first job pays nothing more
            if parent.poll(READY_SECONDS) and parent.recv() == "ready":
                return worker
        except (EOFError, OSError):
            pass
        worker.stop()
        raise IsolationError("crash", "a worker did not start")

    def run(self, function, argument, seconds: float, wait: float):
        self.start()
        try:
            worker = self._idle.get(timeout=wait)
        except queue.Empty:
            raise Busy() from None
        retire = True
        try:
            worker.connection.send((function, argument))
            if not worker.answered_within(seconds):
                raise IsolationError("time", f"the document was not parsed within {seconds:g} s")
            try:
                status, value, retire = worker.connection.recv()
            except (EOFError, OSError):
                raise IsolationError("memory", "the worker stopped: it ran out of the memory it may use "
                                               "or was killed") from None
        except (BrokenPipeError, ConnectionResetError):
            raise IsolationError("crash", "the worker stopped before it took the document") from None
        finally:
            if retire:
                worker.stop()
                worker = self._spawn()
            self._idle.put(worker)
        return _value(status, value, self.memory_bytes)
