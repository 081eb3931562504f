"""Tables printed without ruling lines: corpus web pages printed by headless Chromium with every
table border removed (as ../shared/eval/make_pdfs.sh prints them, plus a style that drops the
borders), read cell for cell as gold says, no value wrong. Skipped without /usr/bin/chromium
(.ci/run installs it)."""

import re
import subprocess
from pathlib import Path

import pytest

from conftest import CORPUS_DIRS, corpus_gold
from golden.test_corpus import cell_misses
from service.documents import parse_submission, read_document
from service.formats import PDF
from service.formats.pdf import pdf_to_text

CHROMIUM = Path("/usr/bin/chromium")
BORDERLESS = "<style>table{border-collapse:collapse}td,th,table{border:none !important}</style>"
# a 2019-form page with narrow wrapped labels, a 2021 page whose labels fill their column, a
# 2021 page with glued header cells
PAGES = ["putian-city-2019", "pingtan-2021", "pingtan-2023"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no chromium (apt-get install chromium)")


def borderless_pdf(folder, tmp_path):
    raw = (folder / "source.html").read_bytes()
    declared = re.search(rb'charset=["\']?([A-Za-z0-9_-]+)', raw[:4000])
    encoding = declared.group(1).decode() if declared else "utf-8"
    html = raw.decode("gb18030" if encoding.lower().startswith("gb") else encoding)
    html = re.sub(r"<meta[^>]*charset[^>]*>", "", html, flags=re.I)
    html = re.sub(r"(<table\b[^>]*?)\s+border\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", r"\1", html, flags=re.I)
    page = tmp_path / "page.html"
    page.write_text(f'<html><head><meta charset="utf-8">{BORDERLESS}</head><body>{html}</body></html>',
                    encoding="utf-8")
    out = tmp_path / "borderless.pdf"
    subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-pdf-header-footer",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={out}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    return out.read_bytes()


@pytest.mark.parametrize("name", PAGES)
def test_borderless_pdf_reads_every_cell_as_gold(name, tmp_path):
    folder = next((d for d in CORPUS_DIRS if d.name == name), None)
    if folder is None:
        pytest.skip(f"corpus document {name} not found")
    data = borderless_pdf(folder, tmp_path)
    text = pdf_to_text(data).text
    assert "|" in text                       # the tables were rebuilt as cells, not left as text
    result = parse_submission(read_document(data, PDF))
    gold = corpus_gold(folder)
    assert cell_misses(gold, result) == {}
    assert result["report"]["year"] == gold["report"]["year"]
    kinds = [section["kind"] for section in result["sections"]]
    assert all(kind in kinds for kind in gold["section_kinds"])
