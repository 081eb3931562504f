"""The command line: parse report files here, over all cores, or through a running service.

    python -m service parse reports/ extra.docx -o results.jsonl
    python -m service parse --format csv -o cells.csv reports/
    python -m service parse --url http://127.0.0.1:8000 --jobs 8 reports/
    gov-report-parser parse ...                       (once the package is installed)

Each file gives one JSON line shaped like an item of POST /parse/batch: {"index", "id",
"status": 200, "result"} or {"index", "id", "status", "problem"}, in the order of the files.
A result is exactly what POST /parse answers for the same file uploaded with its name: the same
document pipeline (service.documents), the same limits (service.config DEFAULTS) and the same
schema dump (ParseResultSchema). `--format csv` writes service.tabular's long form instead,
`--format xlsx` service.workbook's Excel workbook.

Exit status: 0 every file parsed, 1 some file failed (each failure also gets one line on stderr,
"<id>: <problem type slug>: <detail>"), 2 a usage error, 130 interrupted.
"""

import functools
import os
import signal
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import click
import orjson

from service import __version__
from service.config import DEFAULTS, SERVICE_NAME, document_limits
from service.formats import MEDIA_TYPE_BY_SUFFIX
from service.problem_types import ProblemError, ProblemType, answer_item

STDIN = "-"
# The media type a file is read as, by suffix, as service.client uploads it in --url mode. Other
# files, and stdin, are sniffed from their bytes.
SUFFIX_MEDIA_TYPES = MEDIA_TYPE_BY_SUFFIX
# Names skipped when walking a folder: hidden files and folders, and Word's lock files.
SKIPPED_PREFIXES = (".", "~$")
MAX_UPLOAD_BYTES = DEFAULTS["MAX_UPLOAD_BYTES"]
CONNECT_TIMEOUT = 5.0  # seconds, in --url mode (--timeout is the read timeout)
MAX_CHUNKSIZE = 16
PROBLEM_KEYS = ("type", "title", "status", "detail", "errors")
EXIT_FAILED, EXIT_INTERRUPTED = 1, 130


@dataclass(frozen=True)
class Document:
    """One input: a file (path), stdin (path None, data its bytes), or a folder that could not be
    listed (problem set)."""

    index: int
    id: str
    path: str | None = None
    data: bytes | None = None
    problem: dict | None = None


@dataclass(frozen=True)
class Outcome:
    index: int
    id: str
    result: dict | None = None
    problem: dict | None = None
    unreachable: bool = False  # --url: the service could not be reached at all


def cpu_count() -> int:
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        return counter() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


# --- finding the documents ----------------------------------------------------------------------

def display(path: str) -> str:
    """A path as text that JSON can carry (undecodable bytes of a file name become U+FFFD)."""
    return os.fsencode(path).decode("utf-8", "replace")


def wanted(name: str) -> bool:
    return not name.startswith(SKIPPED_PREFIXES) and Path(name).suffix.lower() in SUFFIX_MEDIA_TYPES


def walk(folder: str):
    """(path, problem) of the documents under a folder: sorted by name, a folder's own files
    before those of its subfolders; a subfolder that cannot be listed is a problem of its own."""
    failures = []
    for top, folders, files in os.walk(folder, onerror=failures.append):
        for error in failures:
            yield error.filename or top, os_problem(error)
        failures.clear()
        folders[:] = sorted(name for name in folders if not name.startswith(SKIPPED_PREFIXES))
        for name in sorted(files):
            if wanted(name):
                yield os.path.join(top, name), None
    for error in failures:
        yield error.filename or folder, os_problem(error)


def collect(arguments) -> list:
    """The documents of the FILE arguments, in order."""
    documents = []
    for argument in arguments:
        if argument == STDIN:
            documents.append(Document(len(documents), STDIN, data=read_stdin()))
        elif os.path.isdir(argument):
            found = 0
            for path, problem in walk(argument):
                documents.append(Document(len(documents), display(path), path, problem=problem))
                found += 1
            if not found:
                click.echo(f"warning: no {', '.join(SUFFIX_MEDIA_TYPES)} files under {display(argument)}", err=True)
        else:
            documents.append(Document(len(documents), display(argument), argument))
    return documents


# --- reading and parsing one document -----------------------------------------------------------

def os_problem(error: OSError) -> dict:
    reason = error.strerror or type(error).__name__
    if isinstance(error, FileNotFoundError):
        return ProblemError(ProblemType.NOT_FOUND, f"The file cannot be read: {reason}.").body()
    return ProblemError(ProblemType.INVALID_DOCUMENT, f"The file cannot be read: {reason}.").body()


def too_large() -> ProblemError:
    return ProblemError(ProblemType.PAYLOAD_TOO_LARGE,
                        f"The file is larger than the limit of {MAX_UPLOAD_BYTES} bytes (MAX_UPLOAD_BYTES).")


def checked(data: bytes) -> bytes:
    if len(data) > MAX_UPLOAD_BYTES:
        raise too_large()
    if not data:
        raise ProblemError(ProblemType.EMPTY_BODY, "The file is empty; there is no report in it.")
    return data


def read_file(path: str) -> bytes:
    """The bytes of a file, refused unread when it is larger than MAX_UPLOAD_BYTES."""
    with open(path, "rb") as file:
        size = os.fstat(file.fileno()).st_size
        if size > MAX_UPLOAD_BYTES:
            raise too_large()
        # A buffer of the file's size (read(MAX_UPLOAD_BYTES + 1) allocates the whole bound for
        # every file first: 20 µs of a small report's 2 ms); a file that grew since, or one with
        # no size (a pipe), is read on up to the bound.
        data = file.read(size + 1)
        if len(data) > size:
            data += file.read(MAX_UPLOAD_BYTES + 1 - len(data))
        return checked(data)


def read_stdin() -> bytes:
    """Standard input as bytes, at most one more than MAX_UPLOAD_BYTES (checked() refuses those)."""
    return sys.stdin.buffer.read(MAX_UPLOAD_BYTES + 1)


def media_type_of(path):
    return None if path is None else SUFFIX_MEDIA_TYPES.get(Path(path).suffix.lower())


def filename_of(path):
    """input.filename: the file's name, as service.client uploads it in --url mode."""
    return None if path is None else Path(path).name


@functools.cache
def local_parser():
    """(read_document, parse_submission, dump, limits), imported on first use (--url needs none);
    dump is ParseResultSchema's, compiled (service/http/schema_dump.py)."""
    from service.documents import parse_submission, read_document
    from service.http.result_json import dump_result

    return read_document, parse_submission, dump_result, document_limits(DEFAULTS)


def parse_local(document: Document, only_failures=False) -> Outcome:
    """A document parsed as POST /parse parses an upload (run in a worker process)."""
    if document.problem is not None:
        return Outcome(document.index, document.id, problem=document.problem)
    read_document, parse_submission, dump, limits = local_parser()
    try:
        data = checked(document.data) if document.path is None else read_file(document.path)
        submission = read_document(data, media_type_of(document.path), None, limits, filename_of(document.path))
        result = dump(parse_submission(submission, only_failures))
    except ProblemError as error:
        return Outcome(document.index, document.id, problem=error.body())
    except OSError as error:
        return Outcome(document.index, document.id, problem=os_problem(error))
    except Exception as error:  # a parser bug: this document fails, the others go on
        detail = f"The parser failed unexpectedly ({type(error).__name__}); please report it with the file."
        return Outcome(document.index, document.id, problem=ProblemError(ProblemType.INTERNAL_ERROR, detail).body())
    return Outcome(document.index, document.id, result=result)


def parse_remote(document: Document, clients, only_failures=False) -> Outcome:
    """A document sent to the service (run in a thread: `clients()` is the thread's Client)."""
    from service.client import ClientError, TransportError
    from service.client import ProblemError as ServiceProblem

    if document.problem is not None:
        return Outcome(document.index, document.id, problem=document.problem)
    client = clients()
    try:
        if document.path is None:
            from service.formats import sniff_media_type
            data = checked(document.data)  # the body, sent with the type sniffed as the server would
            result = client.parse(data, media_type=sniff_media_type(data), only_failures=only_failures)
        else:
            result = client.parse(Path(document.path), only_failures=only_failures)
    except ServiceProblem as error:
        problem = {key: error.problem[key] for key in PROBLEM_KEYS if key in error.problem}
        problem.setdefault("status", error.status)
        return Outcome(document.index, document.id, problem=problem)
    except ProblemError as error:
        return Outcome(document.index, document.id, problem=error.body())
    except OSError as error:
        return Outcome(document.index, document.id, problem=os_problem(error))
    except TransportError as error:
        return transport_failure(document, error)
    except ClientError as error:
        problem = {"type": "about:blank", "title": "Bad Gateway", "status": 502, "detail": str(error)}
        return Outcome(document.index, document.id, problem=problem)
    return Outcome(document.index, document.id, result=result)


def transport_failure(document, error) -> Outcome:
    """No answer from the service: a problem as a gateway would give it (about:blank). A failure to
    connect (after the client's retries) means the service is unreachable and stops the run."""
    import requests

    cause, detail = error.__cause__, str(error)
    refused = connect_failure(cause)
    if refused is not None:  # refused, unknown host, connect timeout
        status, title, detail = 503, "Service Unavailable", f"{detail} ({refused})"
    elif isinstance(cause, requests.Timeout):  # no answer within --timeout
        status, title = 504, "Gateway Timeout"
    else:  # the connection dropped or the answer broke off (e.g. a worker killed mid-parse)
        status, title = 502, "Bad Gateway"
    problem = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    return Outcome(document.index, document.id, problem=problem, unreachable=refused is not None)


def connect_failure(cause):
    """Why requests could not connect at all (e.g. "Connection refused"); None when it could (and
    then lost the connection) or when the failure was something else."""
    import requests
    from urllib3.exceptions import ConnectTimeoutError, NewConnectionError

    if isinstance(cause, requests.ConnectTimeout):
        return "connect timeout"
    if not isinstance(cause, requests.ConnectionError) or not cause.args:
        return None
    reason = getattr(cause.args[0], "reason", cause.args[0])  # urllib3's MaxRetryError carries it
    if not isinstance(reason, (NewConnectionError, ConnectTimeoutError)):
        return None
    return getattr(reason.__cause__, "strerror", None) or type(reason).__name__


# --- running over many documents ----------------------------------------------------------------

def ignore_interrupts():
    """Worker processes leave Ctrl-C to the main process, which stops the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class LocalRunner:
    """Outcomes in input order: in this process for one job, else over a process pool whose
    workers read the files themselves (they are sent paths, not contents)."""

    def __init__(self, documents, jobs, only_failures):
        self.documents = documents
        self.workers = min(jobs, len(documents))
        self.work = functools.partial(parse_local, only_failures=only_failures)
        self.pool = None
        self.abandoned = False

    def abandon(self):
        self.abandoned = True

    def __enter__(self):
        local_parser()  # imported once here; forked workers inherit it
        if self.workers > 1:
            from concurrent.futures import ProcessPoolExecutor
            self.pool = ProcessPoolExecutor(self.workers, initializer=ignore_interrupts)
        return self

    def outcomes(self):
        if self.pool is None:
            return map(self.work, self.documents)
        chunksize = max(1, min(MAX_CHUNKSIZE, len(self.documents) // (self.workers * 4)))
        return self.pool.map(self.work, self.documents, chunksize=chunksize)

    def __exit__(self, *exc_info):
        # The files not yet handed to a worker are dropped; the workers finish the chunk they
        # hold (milliseconds) and exit.
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


class RemoteRunner:
    """Outcomes in input order from a thread pool: `jobs` concurrent requests, one Client (one
    keep-alive session) per thread."""

    def __init__(self, documents, jobs, only_failures, url, timeout):
        self.documents = documents
        self.workers = max(1, min(jobs, len(documents)))
        self.url, self.timeout = url, timeout
        self.only_failures = only_failures
        self.local = threading.local()
        self.clients, self.lock = [], threading.Lock()
        self.pool = None
        self.abandoned = False

    def abandon(self):
        """Stop: requests not started are cancelled, those under way not waited for."""
        self.abandoned = True

    def client(self):
        client = getattr(self.local, "client", None)
        if client is None:
            from service.client import Client
            options = {} if self.timeout is None else {"timeout": (min(CONNECT_TIMEOUT, self.timeout), self.timeout)}
            client = self.local.client = Client(self.url, **options)
            with self.lock:
                self.clients.append(client)
        return client

    def __enter__(self):
        from concurrent.futures import ThreadPoolExecutor
        self.pool = ThreadPoolExecutor(self.workers, thread_name_prefix="parse")
        return self

    def outcomes(self):
        work = functools.partial(parse_remote, clients=self.client, only_failures=self.only_failures)
        return self.pool.map(work, self.documents)

    def __exit__(self, exc_type, *rest):
        # After a failure, a stop or Ctrl-C, requests under way are not waited for (see leave()).
        done = exc_type is None and not self.abandoned
        self.pool.shutdown(wait=done, cancel_futures=True)
        if done:
            for client in self.clients:
                client.close()


# --- output -------------------------------------------------------------------------------------

class JsonLinesOutput:
    """One JSON object per line, UTF-8 (Chinese as is), shaped like an item of POST /parse/batch."""

    def __init__(self, binary):
        self.binary = binary

    def add(self, outcome: Outcome):
        item = answer_item(outcome.index, outcome.id, outcome.result, outcome.problem)
        self.binary.write(orjson.dumps(item, option=orjson.OPT_APPEND_NEWLINE))

    def close(self):
        self.binary.flush()


class CsvOutput:
    """service.tabular's long form (BOM, header, one row per cell; a failed document one row)."""

    def __init__(self, binary):
        import io

        from service.tabular import LongFormWriter

        self.text = io.TextIOWrapper(binary, encoding="utf-8", newline="")
        self.writer = LongFormWriter(self.text)

    def add(self, outcome: Outcome):
        self.writer.add(outcome.id, result=outcome.result, problem=outcome.problem)

    def close(self):
        self.text.flush()
        self.text.detach()


class XlsxOutput:
    """service.workbook's Excel workbook, written once every file is parsed (a zip is written whole)."""

    def __init__(self, binary):
        self.binary = binary
        self.documents = []

    def add(self, outcome: Outcome):
        self.documents.append((outcome.id, outcome.result, outcome.problem))

    def close(self):
        from service.workbook import workbook_bytes

        self.binary.write(workbook_bytes(self.documents))
        self.binary.flush()


OUTPUTS = {"jsonl": JsonLinesOutput, "csv": CsvOutput, "xlsx": XlsxOutput}


def slug(problem: dict) -> str:
    """The problem type's slug; for about:blank, the title as one ("service-unavailable")."""
    kind = str(problem.get("type") or "about:blank")
    if kind == "about:blank":
        return "-".join(str(problem.get("title") or "error").lower().split())
    return kind.rstrip("/").rsplit("/", 1)[-1]


def reason(problem: dict) -> str:
    return str(problem.get("detail") or problem.get("title") or "")


class Progress:
    """A tqdm bar on stderr (when on), and stderr lines that do not break it."""

    def __init__(self, total, enabled):
        self.bar = None
        if enabled:
            from tqdm import tqdm
            self.bar = tqdm(total=total, file=sys.stderr, unit="doc", dynamic_ncols=True, leave=True)

    def update(self):
        if self.bar is not None:
            self.bar.update()

    def say(self, line):
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            click.echo(line, err=True)

    def close(self):
        if self.bar is not None:
            self.bar.close()


def run(runner, output, show_progress) -> int:
    """Writes the outcomes as they come, in input order; the exit status."""
    total = len(runner.documents)
    failed = written = 0
    progress = None
    try:
        with runner:
            outcomes = runner.outcomes()
            # The bar (and tqdm's monitor thread) only now that any worker process is forked.
            progress = Progress(total, show_progress)
            for outcome in outcomes:
                output.add(outcome)
                written += 1
                progress.update()
                if outcome.problem is not None:
                    failed += 1
                    progress.say(f"{outcome.id}: {slug(outcome.problem)}: {reason(outcome.problem)}")
                if outcome.unreachable:
                    left = f"; stopped, {total - written} of {total} files not parsed" if written < total else ""
                    progress.say(f"error: the service at {runner.url} cannot be reached{left}")
                    runner.abandon()
                    break
    except KeyboardInterrupt:
        finish(output, progress)
        click.echo(f"interrupted: {total - written} of {total} files not parsed", err=True)
        if isinstance(runner, RemoteRunner):
            leave(EXIT_INTERRUPTED)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader of stdout is gone (e.g. | head): nothing more to write
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        if progress is not None:
            progress.close()
        return EXIT_FAILED
    except Exception as error:  # e.g. BrokenProcessPool: a worker was killed (out of memory?)
        finish(output, progress)
        click.echo(f"error: {type(error).__name__}: {error}; {total - written} of {total} files not parsed",
                   err=True)
        return EXIT_FAILED
    finish(output, progress)
    if runner.abandoned:
        leave(EXIT_FAILED)
    return EXIT_FAILED if failed or written < total else 0


def leave(status):
    """Exit at once, not waiting for the requests still under way (--url) once all is written."""
    sys.stderr.flush()
    os._exit(status)


def finish(output, progress):
    if progress is not None:
        progress.close()
    try:
        output.close()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


# --- the commands -------------------------------------------------------------------------------

@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name=SERVICE_NAME)
def main():
    """Parse Chinese government information disclosure annual reports (政府信息公开工作年度报告)."""


def check_url(ctx, param, value):
    if value is not None and not value.lower().startswith(("http://", "https://")):
        raise click.BadParameter("give the service's base URL, e.g. http://127.0.0.1:8000")
    return value


PARSE_HELP = f"""Parse report files: plain text in any common encoding, web pages, Word (.docx) documents, PDF files.

FILE is a file, a folder or - (standard input). A file named is always parsed (its type comes
from its suffix, or from its content when the suffix is none of .txt, .htm, .html, .docx, .pdf).
A folder is searched, subfolders included, for *.txt, *.htm, *.html, *.docx and *.pdf files (any case;
other files, hidden files and folders and Word's ~$ lock files are skipped; links to folders
are not followed), taken in name order, each folder's files before its subfolders'.

Each file gives one result, in the order of the files, as POST /parse would answer it (with the
service's default limits: a file over {MAX_UPLOAD_BYTES // 2**20:g} MiB is refused unread). A file that
cannot be read or parsed gets its problem (RFC 9457) in the output and one line "<file>:
<problem type>: <detail>" on stderr. A JSON line is {{"index", "id", "status": 200, "result"}} or
{{"index", "id", "status", "problem"}}, like an item of POST /parse/batch; the id is the path as
given or as found in the folder. With --url, a service that cannot be reached (after the client's
retries) stops the run.

Exit status: 0 all files parsed, 1 a file failed (or none was found), 2 a usage error,
130 interrupted (Ctrl-C).
"""


@main.command(help=PARSE_HELP, short_help="Parse report files (text, web pages, .docx) into JSON lines or CSV.")
@click.argument("files", metavar="FILE...", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(list(OUTPUTS), case_sensitive=False),
              default="jsonl", show_default=True,
              help="jsonl: one JSON object per file; csv: one row per table cell (long form, UTF-8 with BOM); "
                   "xlsx: an Excel workbook (summary, one sheet per table in wide form, cells, findings).")
@click.option("-o", "--output", type=click.File("wb", lazy=False), default="-", show_default=True, metavar="FILE",
              help="Where to write the results (- is stdout).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Files parsed at once: worker processes, or concurrent requests with --url "
                   "[default: the number of CPUs].")
@click.option("--only-failures", is_flag=True, help="Keep only the failed checks in each result.")
@click.option("--url", callback=check_url, metavar="URL",
              help="Send each file to the service at URL (e.g. http://127.0.0.1:8000) instead of parsing here.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
              help="With --url: seconds to wait for each answer [default: 60].")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on stderr [default: when stderr is a terminal].")
def parse(files, output_format, output, jobs, only_failures, url, timeout, progress):
    if timeout is not None and url is None:
        raise click.UsageError("--timeout applies to --url only")
    if output_format.lower() == "xlsx" and output.isatty():
        raise click.UsageError("--format xlsx writes a binary workbook: give -o FILE.xlsx (or redirect stdout)")
    if files.count(STDIN) > 1:
        raise click.UsageError("- (standard input) can be given only once")
    documents = collect(files)
    if not documents:
        click.echo("error: no files to parse", err=True)
        sys.exit(EXIT_FAILED)
    jobs = jobs or cpu_count()
    runner = (LocalRunner(documents, jobs, only_failures) if url is None
              else RemoteRunner(documents, jobs, only_failures, url, timeout))
    if progress is None:
        progress = sys.stderr.isatty()
    sys.exit(run(runner, OUTPUTS[output_format.lower()](output), progress))

