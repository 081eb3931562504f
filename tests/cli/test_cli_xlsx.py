"""`python -m service parse --format xlsx` as a real process over the corpus texts: the workbook
read back with openpyxl has every gold cell (as POST /parse/batch's workbook has), a row per file
on the summary sheet, and the failing file's problem."""

import os
import pty
import subprocess
import sys

import openpyxl
import pytest

from conftest import CORPUS_DIRS, REPO_ROOT, corpus_gold
from service.workbook import SUMMARY_SHEET
from tests.cli.test_cli import CORPUS, NOT_A_REPORT, cli
from tests.golden.test_corpus import KNOWN_MISSES, RUN_TOGETHER, cell_misses
from tests.golden.test_workbook import any_value, wide_tables

pytestmark = pytest.mark.skipif(not CORPUS_DIRS, reason=f"no corpus at {CORPUS}")


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    folder = tmp_path_factory.mktemp("xlsx")
    weather = folder / "weather.txt"
    weather.write_text(NOT_A_REPORT, encoding="utf-8")
    output = folder / "reports.xlsx"
    inputs = [doc / "input.txt" for doc in CORPUS_DIRS]
    completed = cli(*inputs, weather, "--format", "xlsx", "-o", output, "--jobs", "2")
    assert completed.returncode == 1  # the weather report is not one
    assert b"weather.txt: not-a-report" in completed.stderr
    return openpyxl.load_workbook(output), inputs, weather


def test_every_corpus_cell_is_gold(workbook):
    book, inputs, _ = workbook
    documents = wide_tables(book)
    assert sorted(documents) == sorted(map(str, inputs))
    for doc in CORPUS_DIRS:
        document, gold = documents[str(doc / "input.txt")], corpus_gold(doc)
        tables = {table: value if any_value(value) else None for table, value in document["tables"].items()}
        misses = cell_misses(gold, {"tables": tables})
        if RUN_TOGETHER in (gold.get("tags") or []):
            assert not {path: why for path, why in misses.items() if "got None" not in why}, doc.name
        else:
            assert set(misses) == KNOWN_MISSES.get(doc.name, set()), (doc.name, misses)


def test_summary_has_every_file_in_order_and_the_failure(workbook):
    book, inputs, weather = workbook
    rows = list(book[SUMMARY_SHEET].iter_rows(min_row=3, values_only=True))
    assert [row[0] for row in rows] == [*map(str, inputs), str(weather)]
    assert rows[-1][-1].startswith("not-a-report: ")
    assert all(row[-1] is None for row in rows[:-1])


def test_xlsx_is_not_written_to_a_terminal():
    """A binary workbook on a terminal is refused (a usage error, nothing written), not dumped."""
    primary, secondary = pty.openpty()
    try:
        completed = subprocess.run([sys.executable, "-m", "service", "parse", "--format", "xlsx",
                                    CORPUS_DIRS[0] / "input.txt"], stdout=secondary, stderr=subprocess.PIPE,
                                   cwd=REPO_ROOT, timeout=60, check=False)
    finally:
        os.close(secondary)
    os.set_blocking(primary, False)
    try:
        written = os.read(primary, 1024)
    except (BlockingIOError, OSError):
        written = b""
    os.close(primary)
    assert completed.returncode == 2
    assert b"-o FILE.xlsx" in completed.stderr
    assert b"PK" not in written
