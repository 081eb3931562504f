"""The command line (`python -m service parse`), run as a real process: over the corpus (results
against gold, JSON lines and CSV), with files that fail among good ones, from stdin, with one
and two jobs, through the real service under gunicorn (--url), with a progress bar; its options
(click's CliRunner); and its packaging (pyproject.toml, the console script)."""

import csv
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import CORPUS_DIRS, REPO_ROOT, SHARED_DIR, corpus_gold, free_port
from service import __version__
from service import cli as cli_module
from service.cli import MAX_UPLOAD_BYTES, SUFFIX_MEDIA_TYPES, main
from service.problem_types import PROBLEM_BASE_URI, ProblemError, ProblemType
from service.tabular import COLUMNS
from tests.api.report_files import docx_from_text
from tests.golden.test_corpus import KNOWN_MISSES, RUN_TOGETHER, cell_misses, gold_cells, same

CORPUS = SHARED_DIR / "corpus"
CORPUS_ARG = os.path.relpath(CORPUS, REPO_ROOT)  # ../shared/corpus, as a user would type it
DOCUMENT_SUFFIXES = {".txt", ".htm", ".html", ".docx", ".pdf"}
NOT_A_REPORT = "今天天气晴朗，市民纷纷走出家门，到公园散步赏花。\n"

pytestmark = pytest.mark.skipif(not CORPUS_DIRS, reason=f"no corpus at {CORPUS}")


def cli(*args, stdin=None, env=None, cwd=REPO_ROOT, timeout=120):
    """`python -m service parse ARGS` as a process (the repository on its path, whatever cwd)."""
    environment = {**os.environ, "PYTHONPATH": str(REPO_ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "service", "parse", *map(str, args)], input=stdin, check=False,
                          capture_output=True, cwd=cwd, env=environment, timeout=timeout)


def lines(completed):
    return [json.loads(line) for line in completed.stdout.decode("utf-8").splitlines()]


def stderr_lines(completed):
    return completed.stderr.decode("utf-8").splitlines()


def corpus_ids():
    """The documents the CLI must find in the corpus folder, counted here (not hard-coded)."""
    found = sorted(path for path in CORPUS.rglob("*") if path.is_file() and path.suffix.lower() in DOCUMENT_SUFFIXES)
    return [os.path.join(CORPUS_ARG, path.relative_to(CORPUS)) for path in found]


@pytest.fixture(scope="module")
def corpus_run():
    completed = cli(CORPUS_ARG, "--jobs", "2")
    assert completed.returncode == 0, completed.stderr.decode()
    return completed


@pytest.fixture(scope="module")
def mixed_dir(tmp_path_factory):
    """Good reports (text with a Chinese name, a web page, a Word document) and bad files."""
    folder = tmp_path_factory.mktemp("mixed")
    seed = CORPUS / "seed-001" / "input.txt"
    (folder / "报告.txt").write_bytes(seed.read_bytes())
    (folder / "news.txt").write_text(NOT_A_REPORT, encoding="utf-8")
    (folder / "random.docx").write_bytes(os.urandom(4000))
    (folder / "page.html").write_bytes((CORPUS / "putian-wlj-2024" / "source.html").read_bytes())
    (folder / "word.docx").write_bytes(docx_from_text((CORPUS / "putian-wlj-2024" / "input.txt").read_text("utf-8")))
    return folder


def mixed_args(folder):
    """Good and bad files in a fixed order, a missing one among them."""
    return [folder / "报告.txt", folder / "news.txt", folder / "missing.txt", folder / "random.docx",
            folder / "page.html", folder / "word.docx"]


# --- local mode ---------------------------------------------------------------------------------

def test_corpus_folder_one_line_per_document_in_order(corpus_run):
    items = lines(corpus_run)
    assert [item["id"] for item in items] == corpus_ids()
    assert [item["index"] for item in items] == list(range(len(items)))
    assert all(item["status"] == 200 and "result" in item for item in items)
    assert corpus_run.stderr == b""


def test_corpus_results_match_gold(corpus_run):
    """input.txt as tests/golden/test_corpus.py demands (KNOWN_MISSES, run-together documents);
    source.html as tests/formats/test_html.py does."""
    for item in lines(corpus_run):
        path, result = Path(item["id"]), item["result"]
        gold = corpus_gold(CORPUS / path.parent.name)
        assert result["input"]["filename"] == path.name
        for field in ("year", "template", "organization"):
            want, got = gold["report"][field], result["report"][field]
            if field == "organization" and path.name == "input.txt":
                want, got = "".join((want or "").split()), "".join((got or "").split())
            assert got == want, (item["id"], field)
        misses = cell_misses(gold, result)
        if path.name != "input.txt":
            assert len(misses) / sum(1 for _ in gold_cells(gold)) <= 0.005, (item["id"], misses)
        elif RUN_TOGETHER in (gold.get("tags") or []):
            assert all("got None" in why for why in misses.values()), (item["id"], misses)
        else:
            assert set(misses) == KNOWN_MISSES.get(path.parent.name, set()), (item["id"], misses)


def test_csv_over_the_corpus():
    completed = cli(CORPUS_ARG, "--format", "csv")
    assert completed.returncode == 0, completed.stderr.decode()
    assert completed.stdout.startswith("\ufeff".encode("utf-8"))
    assert b"\r\n" in completed.stdout
    rows = list(csv.DictReader(io.StringIO(completed.stdout.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == COLUMNS
    assert list(dict.fromkeys(row["document_id"] for row in rows)) == corpus_ids()
    for name in ("seed-000", "seed-001", "hongze-2023"):
        doc_id = os.path.join(CORPUS_ARG, name, "input.txt")
        mine = [row for row in rows if row["document_id"] == doc_id]
        gold = corpus_gold(CORPUS / name)
        for field in ("organization", "year", "template"):
            assert {row[field] for row in mine} == {str(gold["report"][field])}, (name, field)
        cells = {(row["table"], row["row"], row["column"]): row["value"] for row in mine}
        for path, table, row, column, want in gold_cells(gold):
            if row is None:
                assert not any(key[0] == table for key in cells), (name, path)
            elif path not in KNOWN_MISSES.get(name, set()):
                value = cells[table, row, column]
                assert same(want, None if value == "" else float(value)), (name, path, value)
        assert all(row["problem"] == "" for row in mine)


def test_bad_files_among_good_ones(mixed_dir):
    args = mixed_args(mixed_dir)
    completed = cli(*args, "--jobs", "2")
    assert completed.returncode == 1
    items = lines(completed)
    assert [item["id"] for item in items] == [str(path) for path in args]
    assert [item["status"] for item in items] == [200, 422, 404, 422, 200, 200]
    bad = {str(args[1]): "not-a-report", str(args[2]): "not-found", str(args[3]): "invalid-document"}
    for item in items:
        if item["id"] in bad:
            problem = item["problem"]
            assert problem["type"] == PROBLEM_BASE_URI + bad[item["id"]]
            assert set(problem) == {"type", "title", "status", "detail"} and problem["status"] == item["status"]
            assert "result" not in item
    messages = stderr_lines(completed)
    assert [message.split(": ")[:2] for message in messages] == [[id_, slug] for id_, slug in bad.items()]
    assert items[0]["result"]["input"] == {"media_type": "text/plain", "encoding": "utf-8", "filename": "报告.txt"}
    assert items[4]["result"]["input"]["media_type"] == "text/html"
    assert items[5]["result"]["input"] == {"media_type": SUFFIX_MEDIA_TYPES[".docx"], "encoding": None,
                                           "filename": "word.docx"}
    assert items[5]["result"]["report"]["year"] == 2024


def test_what_a_folder_walk_takes_and_skips(tmp_path):
    report = (CORPUS / "seed-001" / "input.txt").read_bytes()
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for name in ("b.TXT", "sub/c.txt", "sub/deeper/d.txt", "notes.md", ".hidden.txt", ".hidden/e.txt", "~$lock.docx"):
        (tmp_path / name).write_bytes(report)
    (tmp_path / "a.htm").write_bytes((CORPUS / "putian-wlj-2024" / "source.html").read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    completed = cli(tmp_path, tmp_path / "notes.md")
    assert completed.returncode == 1
    items = lines(completed)
    found = ["a.htm", "b.TXT", "empty.txt", "gone.txt", "sub/c.txt", "sub/deeper/d.txt"]
    assert [item["id"] for item in items] == [str(tmp_path / name) for name in found] + [str(tmp_path / "notes.md")]
    statuses = {Path(item["id"]).name: item["status"] for item in items}
    assert statuses == {"a.htm": 200, "b.TXT": 200, "empty.txt": 400, "gone.txt": 404, "c.txt": 200, "d.txt": 200,
                        "notes.md": 200}
    # a named file is always parsed: no known suffix, so its type is sniffed (text here)
    assert items[-1]["result"]["input"]["media_type"] == "text/plain"
    assert items[0]["result"]["input"]["media_type"] == "text/html"  # .htm: read as a page, as --url uploads it
    assert len(stderr_lines(completed)) == 2


def test_a_file_over_the_upload_limit_is_refused_unread(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as file:
        file.truncate(MAX_UPLOAD_BYTES + 1)  # sparse: nothing to read if it were read
    completed = cli(huge)
    assert completed.returncode == 1
    (item,) = lines(completed)
    assert (item["status"], item["problem"]["type"]) == (413, PROBLEM_BASE_URI + "payload-too-large")
    assert str(MAX_UPLOAD_BYTES) in item["problem"]["detail"]


@pytest.mark.parametrize("size", [1, 999, 1000, 1001, 5000])
def test_read_file_reads_a_pipe_whole_up_to_the_limit(tmp_path, monkeypatch, size):
    # a pipe has no size (st_size 0): read_file reads on past its first buffer, up to the bound
    monkeypatch.setattr(cli_module, "MAX_UPLOAD_BYTES", 1000)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    writer = threading.Thread(target=lambda: pipe.write_bytes(data) if size <= 1000 else _write_some(pipe, data))
    writer.start()
    try:
        if size <= 1000:
            assert cli_module.read_file(str(pipe)) == data
        else:
            with pytest.raises(ProblemError) as refused:
                cli_module.read_file(str(pipe))
            assert refused.value.problem_type is ProblemType.PAYLOAD_TOO_LARGE
    finally:
        writer.join(10)


def _write_some(pipe, data):
    """Writes what the reader takes; the reader stops at the bound and closes the pipe."""
    try:
        pipe.write_bytes(data)
    except BrokenPipeError:
        pass


def test_read_file_reads_a_regular_file_whole(tmp_path):
    path = tmp_path / "report.txt"
    for data in (b"a", "政府信息公开".encode() * 3000):
        path.write_bytes(data)
        assert cli_module.read_file(str(path)) == data


def test_stdin(corpus_run):
    path = CORPUS / "seed-001" / "input.txt"
    text = path.read_text(encoding="utf-8")
    completed = cli("-", stdin=text.encode("gb18030"))
    assert completed.returncode == 0, completed.stderr.decode()
    (item,) = lines(completed)
    assert (item["index"], item["id"], item["status"]) == (0, "-", 200)
    assert item["result"]["input"] == {"media_type": "text/plain", "encoding": "gb18030", "filename": None}
    from_file = next(line for line in lines(corpus_run) if line["id"] == os.path.join(CORPUS_ARG, "seed-001",
                                                                                        "input.txt"))
    assert {**item["result"], "input": None} == {**from_file["result"], "input": None}


def test_stdin_among_files_and_only_failures(tmp_path):
    news = tmp_path / "news.txt"
    news.write_text(NOT_A_REPORT, encoding="utf-8")
    report = (CORPUS / "hongze-2023" / "input.txt").read_bytes()
    completed = cli(news, "-", "--only-failures", stdin=report)
    assert completed.returncode == 1
    first, second = lines(completed)
    assert (first["id"], first["status"], second["id"], second["status"]) == (str(news), 422, "-", 200)
    checks = second["result"]["checks"]
    assert checks and all(check["status"] == "fail" for check in checks)


def test_one_and_two_jobs_give_the_same_output(corpus_run, mixed_dir):
    assert cli(CORPUS_ARG, "--jobs", "1").stdout == corpus_run.stdout
    args = [*mixed_args(mixed_dir), CORPUS_ARG]
    one, two = cli(*args, "-j", "1"), cli(*args, "-j", "2")
    assert (one.returncode, two.returncode) == (1, 1)
    assert one.stdout == two.stdout and one.stderr == two.stderr


def test_output_is_utf8_whatever_the_locale_and_to_a_file(tmp_path):
    path = CORPUS / "seed-001" / "input.txt"
    env = {"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"}
    to_stdout = cli(path, env=env)
    assert to_stdout.returncode == 0, to_stdout.stderr.decode()
    assert "玉潭镇".encode() in to_stdout.stdout and b"\\u" not in to_stdout.stdout
    out = tmp_path / "out.jsonl"
    to_file = cli(path, "-o", out, env=env)
    assert (to_file.returncode, to_file.stdout) == (0, b"")
    assert out.read_bytes() == to_stdout.stdout


def test_progress_bar_on_stderr_only(corpus_run):
    completed = cli(CORPUS_ARG, "--progress")
    assert completed.returncode == 0
    assert completed.stdout == corpus_run.stdout
    total = len(corpus_ids())
    assert f"{total}/{total}" in completed.stderr.decode() and "doc/s" in completed.stderr.decode()
    # not a terminal: no bar unless asked for
    assert corpus_run.stderr == b""


# --- through the service (--url) ----------------------------------------------------------------

def test_url_mode_gives_the_local_results(gunicorn_url, corpus_run):
    completed = cli(CORPUS_ARG, "--url", gunicorn_url, "--jobs", "3", "--timeout", "30")
    assert completed.returncode == 0, completed.stderr.decode()
    assert lines(completed) == lines(corpus_run)


def test_url_mode_with_bad_files(gunicorn_url, mixed_dir):
    args = mixed_args(mixed_dir)
    remote, local = cli(*args, "--url", gunicorn_url), cli(*args)
    assert remote.returncode == 1
    assert lines(remote) == lines(local)  # the Chinese file name, the page and the .docx too
    assert stderr_lines(remote) == stderr_lines(local)


def test_url_mode_stdin(gunicorn_url):
    report = (CORPUS / "seed-000" / "input.txt").read_bytes()
    remote, local = cli("-", "--url", gunicorn_url, stdin=report), cli("-", stdin=report)
    assert (remote.returncode, local.returncode) == (0, 0)
    assert lines(remote) == lines(local)


def test_url_mode_service_down():
    url = f"http://127.0.0.1:{free_port()}"
    completed = cli(CORPUS_ARG, "--url", url, "--jobs", "2")
    assert completed.returncode == 1
    messages = stderr_lines(completed)
    assert messages[0].startswith(f"{corpus_ids()[0]}: service-unavailable: POST {url}/parse failed")
    assert messages[0].endswith("(Connection refused)")
    assert messages[-1].startswith(f"error: the service at {url} cannot be reached; stopped")
    first = lines(completed)[0]
    assert (first["status"], first["problem"]["status"], first["problem"]["type"]) == (503, 503, "about:blank")
    assert len(lines(completed)) < len(corpus_ids())


@pytest.fixture
def dropping_server():
    """A port that accepts each connection, reads the request and closes without an answer."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            with connection:
                connection.recv(65536)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join()
    listener.close()


def test_url_mode_connection_dropped_is_a_failure_of_that_file_only(dropping_server):
    """Connected, then no answer (as when a worker is killed mid-parse): 502 for each file, no stop."""
    args = [CORPUS / name / "input.txt" for name in ("seed-000", "seed-001", "seed-002")]
    completed = cli(*args, "--url", dropping_server, "--jobs", "1")
    assert completed.returncode == 1
    assert [(item["status"], item["problem"]["title"]) for item in lines(completed)] == [(502, "Bad Gateway")] * 3
    assert [message.split(": ")[1] for message in stderr_lines(completed)] == ["bad-gateway"] * 3


# --- options ------------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    [],
    ["--jobs", "0", "x.txt"],
    ["--format", "xml", "x.txt"],
    ["--timeout", "5", "x.txt"],
    ["--url", "ftp://example.org", "x.txt"],
    ["--url", "http://127.0.0.1:1", "--timeout", "0", "x.txt"],
    ["-", "-"],
], ids=["no-file", "jobs-0", "format", "timeout-without-url", "url-scheme", "timeout-0", "stdin-twice"])
def test_usage_errors(args):
    result = CliRunner().invoke(main, ["parse", *args])
    assert result.exit_code == 2, result.output


def test_usage_error_as_a_process():
    completed = cli()
    assert completed.returncode == 2
    assert b"Usage:" in completed.stderr and completed.stdout == b""


def test_version_and_help():
    runner = CliRunner()
    assert __version__ in runner.invoke(main, ["--version"]).output
    help_text = runner.invoke(main, ["parse", "--help"]).output
    for option in ("--format", "--output", "--jobs", "--only-failures", "--url", "--timeout", "--progress"):
        assert option in help_text


def test_an_empty_folder(tmp_path):
    result = CliRunner().invoke(main, ["parse", str(tmp_path)])
    assert result.exit_code == 1
    assert "no .txt, .htm, .html, .docx, .pdf files under" in result.output


# --- packaging ----------------------------------------------------------------------------------

def test_pyproject_declares_the_package_and_the_command():
    from setuptools import find_packages

    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["name"] == "gov-report-parser"
    assert project["project"]["scripts"] == {"gov-report-parser": "service.cli:main"}
    setuptools = project["tool"]["setuptools"]
    assert setuptools["dynamic"]["version"] == {"attr": "service.__version__"}
    # every folder of service/ with Python in it is a package that find() includes
    packages = set(find_packages(str(REPO_ROOT), **setuptools["packages"]["find"]))
    folders = {".".join(path.parent.relative_to(REPO_ROOT).parts) for path in (REPO_ROOT / "service").rglob("*.py")
               if "__pycache__" not in path.parts}
    assert folders <= packages
    for package, patterns in setuptools["package-data"].items():
        for pattern in patterns:
            assert list((REPO_ROOT / package).glob(pattern)), pattern


def test_the_installed_package_has_the_console_command(tmp_path):
    """pip builds and installs the package from a copy of the checkout (its dependencies are this
    environment's) and the gov-report-parser command it installs parses a report."""
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "requirements.txt"):
        shutil.copy(REPO_ROOT / name, source / name)
    shutil.copytree(REPO_ROOT / "service", source / "service", ignore=shutil.ignore_patterns("__pycache__"))
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                    "--no-index", "--target", str(target), str(source)], check=True, capture_output=True, timeout=300)
    assert (target / "service" / "contract" / "fields.json").is_file()
    completed = subprocess.run([str(target / "bin" / "gov-report-parser"), "parse", CORPUS / "seed-001" / "input.txt"],
                               check=False, capture_output=True, timeout=60, cwd=tmp_path,
                               env={**os.environ, "PYTHONPATH": str(target)})
    assert completed.returncode == 0, completed.stderr.decode()
    assert lines(completed)[0]["result"]["report"]["year"] == corpus_gold(CORPUS / "seed-001")["report"]["year"]
    # a script outside the repository imports the client, and the installed app serves the console
    script = tmp_path / "portal.py"
    script.write_text("from service.client import Client, ProblemError\n"
                      "from service.app import create_app\n"
                      "page = create_app().test_client().get('/')\n"
                      "script = create_app().test_client().get('/console/console.js')\n"
                      "print(Client.__module__, page.status_code, script.status_code, b'parse/batch' in script.data)\n",
                      encoding="utf-8")
    imported = subprocess.run([sys.executable, str(script)], check=False, capture_output=True, timeout=60,
                              cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(target)})
    assert imported.stdout.decode().split() == ["service.client", "200", "200", "True"], imported.stderr.decode()
    assert str(target) in subprocess.run([sys.executable, "-c", "import service; print(service.__file__)"],
                                         capture_output=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(target)},
                                         check=True).stdout.decode()
