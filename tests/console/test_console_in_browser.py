"""The console at GET / in a real browser (Debian's chromium driven by Playwright) against the real
gunicorn process: the corpus reports uploaded at once, the overview's counts as the checks give
them, hongze-2023 (whose review and lawsuit totals do not add up) opened with its failing cells
highlighted, the English labels, pasted text, and the workbook downloaded and read back.

Skipped when chromium or Playwright is missing (`.ci/run` installs chromium; Playwright is in
requirements-dev.txt and is never asked to download a browser of its own). The screenshots go to
build/console/ (git-ignored); their paths are printed.
"""

import io
import shutil
from pathlib import Path

import openpyxl
import pytest

from conftest import CORPUS_DIRS, REPO_ROOT, corpus_text
from service.app import create_app
from service.report_summary import summarize
from service.workbook import SUMMARY_SHEET

CHROMIUM = next((path for path in ("/usr/bin/chromium", shutil.which("chromium") or "") if Path(path).is_file()), None)
playwright = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
pytestmark = [pytest.mark.skipif(CHROMIUM is None, reason="no chromium installed"),
              pytest.mark.skipif(not CORPUS_DIRS, reason="no corpus")]

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
SCREENSHOTS = REPO_ROOT / "build" / "console"
TIMEOUT = 60_000  # ms, for a whole batch on a busy 2-core machine
ADD_UP = {"pass": "相符", "fail": "不相符", "not_assessable": "无法判断"}
HONGZE = "hongze-2023"


@pytest.fixture(scope="module")
def report_files(tmp_path_factory):
    """Each corpus text as <id>.txt, the name a clerk's file would have."""
    folder = tmp_path_factory.mktemp("reports")
    files = []
    for doc in CORPUS_DIRS:
        path = folder / f"{doc.name}.txt"
        shutil.copy(doc / "input.txt", path)
        files.append(path)
    return files


@pytest.fixture(scope="module")
def expected():
    """What the overview must say of each report, from the JSON answers and report_summary."""
    client = create_app({"TESTING": True}).test_client()
    results = {}
    for doc in CORPUS_DIRS:
        response = client.post("/parse", data=corpus_text(doc).encode(), content_type="text/plain; charset=utf-8")
        results[f"{doc.name}.txt"] = response.get_json() if response.status_code == 200 else None
    return results


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, gunicorn_url):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True, locale="zh-CN")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("request", lambda request: errors.append(f"outside request {request.url}")
            if not request.url.startswith((gunicorn_url, "data:", "blob:")) else None)
    page.goto(gunicorn_url + "/")
    playwright.expect(page.locator("body[data-ready=true]")).to_have_count(1)
    yield page
    context.close()
    assert not errors, errors


def screenshot(page, name, full_page=False):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    print(f"screenshot: {path}")
    return path


def upload(page, files):
    page.set_input_files("#files", [str(path) for path in files])
    playwright.expect(page.locator("#overview-table tbody tr")).to_have_count(len(files), timeout=TIMEOUT)
    playwright.expect(page.locator("body[data-busy=false]")).to_have_count(1, timeout=TIMEOUT)


def overview(page):
    """{file name: {column key: text}} of the overview table."""
    rows = {}
    for row in page.locator("#overview-table tbody tr").all():
        cells = {cell.get_attribute("data-key"): cell.inner_text().strip() for cell in row.locator("td").all()}
        rows[row.get_attribute("data-id")] = cells
    return rows


def test_overview_counts_every_report_as_the_checks_do(page, report_files, expected):
    upload(page, report_files)
    count = len(report_files)
    assert f"{count} / {count}" in page.locator("#progress-text").inner_text()
    rows = overview(page)
    assert sorted(rows) == sorted(expected)
    for name, result in expected.items():
        got = rows[name]
        if result is None:
            assert got["organization"].startswith("未能解析")
            continue
        summary = summarize(result)
        assert got["add_up"] == ADD_UP[summary["tables_add_up"]], name
        for key in ("errors", "warnings", "unread_cells", "unreadable_tables"):
            assert got[key] == str(summary[key]), (name, key)
        assert got["year"] == ("" if result["report"]["year"] is None else str(result["report"]["year"])), name
    # sorting by errors, largest first, brings the reports that do not add up to the top
    page.click("#overview-table thead th[data-key=errors]")
    page.click("#overview-table thead th[data-key=errors]")
    first = page.locator("#overview-table tbody tr").first
    most = max(summarize(r)["errors"] for r in expected.values() if r)
    assert first.locator("td[data-key=errors]").inner_text() == str(most)
    screenshot(page, "overview")


def test_report_that_does_not_add_up_shows_its_failing_cells(page, report_files, expected):
    name = f"{HONGZE}.txt"
    if name not in expected:
        pytest.skip(f"{HONGZE} not in the corpus")
    upload(page, report_files)
    page.click(f'#overview-table tbody tr[data-id="{name}"]')
    playwright.expect(page.locator("#report")).to_be_visible()
    result = expected[name]
    assert page.locator("#report-heading").inner_text() == result["report"]["title"]
    failed = [check for check in result["checks"] if check["status"] == "fail"]
    assert {check["severity"] for check in failed} == {"error"}
    highlighted = {cell.get_attribute("data-path") for cell in page.locator("td.cell-error").all()}
    assert highlighted == {path for check in failed for path in check["paths"]}
    total = page.locator('td[data-path="tables.reviews_and_lawsuits.rows.review.total"]')
    assert total.inner_text() == "0" and "cell-error" in total.get_attribute("class")
    findings = page.locator("#report-body ul.findings li[data-rule]")
    assert findings.count() == len(failed)
    assert all(str(check["lines"][0]) in findings.nth(i).inner_text() for i, check in enumerate(failed))
    # the three tables, laid out with the form's labels
    assert page.locator(".table-block").count() == 3
    assert page.locator('.table-block[data-table=applications] th:text-is("三、本年度办理结果")').count() == 1
    assert page.locator('td[data-path="tables.active_disclosure.rows.fees.amount"]').inner_text() == \
        str(result["tables"]["active_disclosure"]["rows"]["fees"]["amount"])
    screenshot(page, "report-hongze-2023", full_page=True)
    page.click("#lang")
    assert page.locator("#back").inner_text() == "← Back to the overview"
    assert failed[0]["message"]["en"] in page.locator("#report-body ul.findings").inner_text()


def test_workbook_download_reads_back(page, report_files, expected):
    upload(page, report_files)
    with page.expect_download() as waiting:
        page.click('button[data-download=xlsx][data-scope=all]')
    download = waiting.value
    assert download.suggested_filename == "reports.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(Path(download.path()).read_bytes()))
    rows = {row[0]: row for row in book[SUMMARY_SHEET].iter_rows(min_row=3, values_only=True)}
    assert sorted(rows) == sorted(expected)
    if f"{HONGZE}.txt" in rows:
        assert rows[f"{HONGZE}.txt"][6] == "不相符"
    with page.expect_download() as waiting:
        page.click('button[data-download=csv][data-scope=all]')
    csv_text = Path(waiting.value.path()).read_bytes().decode("utf-8-sig")
    assert csv_text.startswith("document_id,organization,year,template,")


def test_pasted_text_is_parsed(page):
    doc = CORPUS_DIRS[0]
    page.click("#paste-box summary")
    page.fill("#paste", corpus_text(doc))
    page.click("#paste-parse")
    playwright.expect(page.locator("#overview-table tbody tr")).to_have_count(1, timeout=TIMEOUT)
    assert page.locator("#overview-table tbody tr td[data-key=id]").inner_text() == "粘贴的文本 1.txt"


def test_a_pdf_report_shows_its_pages(page):
    """A PDF goes through the same batch: its body and year in the overview, its page count and
    the PDF page beside each excerpt's line in the report."""
    path = next(doc for doc in CORPUS_DIRS if doc.name == "pingtan-2023") / "source.chromium.pdf"
    upload(page, [path])
    row = page.locator("#overview-table tbody tr").first
    assert row.locator("td[data-key=organization]").inner_text().strip() == "平潭综合实验区"
    row.click()
    playwright.expect(page.locator("#report")).to_be_visible()
    assert "application/pdf, 共 7 页" in page.locator("#report").inner_text()
    excerpts = page.locator("#report-body .excerpt .where").all_inner_texts()
    assert excerpts and all("PDF 第" in where for where in excerpts)
    screenshot(page, "pdf-report")
