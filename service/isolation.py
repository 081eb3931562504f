"""Work that can hang or explode on a hostile file (PDFium on a forged PDF) runs in a child
process with a time limit and a memory limit; the child is killed when one is hit, so the
calling process (a gunicorn worker, the command line) never hangs and never grows.

    run_isolated(function, argument, seconds, memory_bytes) -> function(argument)

Children are forked from a forkserver (multiprocessing), a small single-threaded process that
imports the readers once: starting a child costs a fork, not an interpreter, and is safe from a
process that runs threads. One child reads one document (PDFium is not thread-safe), then exits.
A FormatError raised in the child is raised again here; a child that runs out of time or memory,
or dies, is an IsolationError saying which limit.
"""

import multiprocessing
import os
import resource
import threading

PRELOAD = ["service.formats.pdf"]
_context = None
_lock = threading.Lock()


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


def warm_up():
    """Start the forkserver now (a worker calls this at start so that its first PDF does not
    pay for it)."""
    run_isolated(len, b"", seconds=30, memory_bytes=256 * 1024 * 1024)


def _virtual_size() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _child(connection, function, argument, memory_bytes):
    try:
        limit = _virtual_size() + memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        pass
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
    if status == "memory":
        raise IsolationError("memory", f"the document needs more than {memory_bytes // (1024 * 1024)} MiB to be read")
    if status == "error":
        raise value
    return value
