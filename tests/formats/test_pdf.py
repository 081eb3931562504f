"""PDF input: every corpus PDF read cell for cell as its gold says, page numbers, and every kind
of PDF that cannot be read answered with its problem (never a 5xx, never a guess), within the
reader's time limit.

The corpus PDFs are the two that bodies published (WPS) and the web pages printed by Chromium,
wkhtmltopdf and LibreOffice (../shared/corpus/README.md). Edge cases are made here: with
pypdfium2 (a page without text), fpdf2 (encrypted files, tables without rules, a table across a
page break; skipped without a Chinese font) and by hand (forged page trees, inflating streams).
"""

import io
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import CORPUS_DIRS, corpus_gold
from golden.test_corpus import META_FIELDS, cell_misses
from service.documents import parse_submission, read_document
from service.formats import PDF, Limits, sniff_media_type
from service.problem_types import ProblemError

CORPUS_PDFS = sorted(pdf for folder in CORPUS_DIRS for pdf in folder.glob("source*.pdf"))
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
QUICK = Limits(pdf_seconds=5.0, pdf_memory=256 * 1024 * 1024)


def parse_pdf(data, limits=Limits()):
    return parse_submission(read_document(data, PDF, limits=limits))


def problem_of(data, limits=QUICK, media_type=PDF):
    with pytest.raises(ProblemError) as caught:
        parse_submission(read_document(data, media_type, limits=limits))
    return caught.value


@pytest.mark.parametrize("path", CORPUS_PDFS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_pdf_reads_every_cell_as_gold(path):
    gold = corpus_gold(path.parent)
    result = parse_pdf(path.read_bytes())
    assert cell_misses(gold, result) == {}
    for field in META_FIELDS:
        if field == "published_on" and path.name == "source.wk.pdf":
            continue     # wkhtmltopdf drops the portal's date line of one page (putian-city-2019)
        assert result["report"][field] == gold["report"][field], field
    kinds = [section["kind"] for section in result["sections"]]
    assert all(kind in kinds for kind in gold["section_kinds"])
    assert result["input"]["media_type"] == PDF
    assert result["input"]["pages"] == len(pdfium.PdfDocument(path.read_bytes()))


def test_page_numbers_beside_lines():
    path = next(p for p in CORPUS_PDFS if p.parent.name == "hongze-2023" and p.name == "source.pdf")
    result = parse_pdf(path.read_bytes())
    assert result["input"]["pages"] == 5
    excerpts = [e for check in result["checks"] for e in check["excerpts"]]
    assert excerpts and all(1 <= e["page"] <= 5 for e in excerpts)
    # the applications table (三、收到和处理…) begins on page 3 of the printed report
    applications = result["tables"]["applications"]
    text = "\n".join(s["text"] for s in result["sections"])
    assert applications["line"] > 1 and "收到和处理政府信息公开申请情况" in text
    lines_of_page = [w for w in result["warnings"] if w.get("line")]
    assert all("page" in w for w in lines_of_page)


def test_no_page_headers_or_numbers_in_text():
    for path in CORPUS_PDFS:
        text = read_document(path.read_bytes(), PDF).text
        assert not any(line.strip() in {f"- {n} -" for n in range(1, 20)} | {f"— {n} —" for n in range(1, 20)}
                       for line in text.splitlines()), path


def test_kangxi_radicals_are_folded():
    path = next(p for p in CORPUS_PDFS if p.name == "source.wk.pdf")
    text = read_document(path.read_bytes(), PDF).text
    assert not any("\u2e80" <= ch <= "\u2fdf" or "\uf900" <= ch <= "\ufaff" for ch in text)
    assert "⼀" not in text and "一" in text


def test_sniffing():
    data = CORPUS_PDFS[0].read_bytes()
    assert sniff_media_type(data) == PDF
    assert sniff_media_type(b"\r\n" + data) == PDF
    assert sniff_media_type(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100) == "application/msword"
    assert sniff_media_type(b"\x89PNG\r\n\x1a\n" + b"\0" * 100) == "image/png"


@pytest.mark.parametrize("head, named", [(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Word"),
                                         (b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff\xe0", "JPEG")])
def test_binary_originals_not_read_are_named(head, named):
    data = head + bytes(200)
    problem = problem_of(data, media_type=sniff_media_type(data))
    assert problem.problem_type.status == 415 and named in problem.detail and "application/pdf" in problem.detail


# --------------------------------------------------------------------------------------------
# PDFs that cannot be read


def blank_pdf(pages=1):
    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        document.new_page(595, 842)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_scan_without_text_layer():
    problem = problem_of(blank_pdf(2))
    assert problem.problem_type.slug == "pdf-no-text" and problem.problem_type.status == 422


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9])
def test_truncated_file(cut):
    data = CORPUS_PDFS[0].read_bytes()
    try:
        result = parse_pdf(data[:int(len(data) * cut)], QUICK)
    except ProblemError as problem:
        assert problem.problem_type.status in (413, 415, 422)
    else:       # PDFium may repair a cut file into its first pages: then nothing is invented
        assert not [miss for miss in cell_misses(corpus_gold(CORPUS_PDFS[0].parent), result).values()
                    if "got None" not in miss]


def hand_pdf(objects, root=1):
    """A PDF from object bodies (1-based), with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref))
    return out.getvalue()


def test_forged_page_count_is_refused_before_reading():
    data = hand_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                     b"<< /Type /Pages /Kids [3 0 R] /Count 1000000 >>",
                     b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"])
    problem = problem_of(data)
    assert problem.problem_type.status in (413, 422)


def test_page_tree_loop():
    data = hand_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                     b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                     b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"])
    assert problem_of(data).problem_type.status in (413, 422)


def test_deep_nesting():
    deep = b"[" * 100_000 + b"]" * 100_000
    data = hand_pdf([b"<< /Type /Catalog /Pages 2 0 R /X " + deep + b" >>",
                     b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                     b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"])
    assert problem_of(data).problem_type.status in (413, 422)


def inflating_pdf(mib: int) -> bytes:
    """A small file whose page stream inflates to `mib` MiB of text-showing operators (PDFium
    needs seconds for its page, whatever the limits on pages and characters)."""
    compressor = zlib.compressobj(9)
    chunk = b"BT /F1 12 Tf 10 10 Td (aaaaaaaaaaaaaaaa) Tj ET\n" * 20_000
    compressed = b"".join(compressor.compress(chunk) for _ in range(mib * 1024 * 1024 // len(chunk)))
    compressed += compressor.flush()
    return hand_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                     b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                     b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                     b"/Resources << /Font << /F1 5 0 R >> >> >>",
                     b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(compressed) + compressed
                     + b"\nendstream",
                     b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])


def test_inflating_stream_hits_a_limit():
    """A small file whose content stream inflates to 256 MiB of text-showing operators."""
    data = inflating_pdf(256)
    assert len(data) < 4 * 1024 * 1024
    problem = problem_of(data, Limits(pdf_seconds=3.0, pdf_memory=128 * 1024 * 1024, max_chars=100_000))
    assert problem.problem_type.slug in ("pdf-too-costly", "payload-too-large")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_pdfs_never_fail_unexpectedly(data):
    original = CORPUS_PDFS[0].read_bytes()
    mutated = bytearray(original)
    for _ in range(data.draw(st.integers(1, 20))):
        at = data.draw(st.integers(0, len(mutated) - 1))
        mutated[at] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        del mutated[data.draw(st.integers(1, len(mutated))):]
    try:
        parse_pdf(bytes(mutated), QUICK)
    except ProblemError as problem:
        assert problem.problem_type.status in (413, 415, 422)


# --------------------------------------------------------------------------------------------
# PDFs made here with fpdf2 (a Chinese font is needed: fonts-wqy-microhei)

fpdf = pytest.importorskip("fpdf")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="no Chinese font (apt-get install fonts-wqy-microhei)")
SEED = next(folder for folder in CORPUS_DIRS if folder.name == "putian-wlj-2024")


def report_rows():
    """The lines of a real report as the HTML reader gives them: prose, and tables as cells."""
    from service.formats.html import html_to_text
    text, _ = html_to_text((SEED / "source.html").read_bytes(), None)
    for line in text.splitlines():
        if line.startswith("|"):
            yield [cell.strip() for cell in line.strip().strip("|").split("|")]
        elif line.strip():
            yield line.strip()


def make_pdf(*, borders=True, page_height=297, user_password=None, owner_password=None):
    document = fpdf.FPDF(format=(210, page_height))
    document.set_auto_page_break(True, margin=15)
    document.add_font("wqy", fname=str(FONT))
    document.set_font("wqy", size=9)
    if user_password or owner_password:
        document.set_encryption(owner_password=owner_password or "owner", user_password=user_password,
                                encryption_method=fpdf.enums.EncryptionMethod.RC4)
    document.add_page()
    for row in report_rows():
        if isinstance(row, str):
            document.multi_cell(0, 5, row, new_x="LMARGIN", new_y="NEXT")
            continue
        width = 180 / len(row)
        for index, cell in enumerate(row):
            if index == 0 and len(row) > 2:
                document.cell(width, 6, cell[:int(width / 3.2)], border=1 if borders else 0)
            else:
                document.cell(width, 6, cell, border=1 if borders else 0)
        document.ln(6)
    return bytes(document.output())


@needs_font
@pytest.mark.parametrize("borders", [True, False], ids=["ruled", "no-rules"])
def test_tables_of_another_layout_give_no_wrong_number(borders):
    """Rows of uneven cell counts, labels cut short, with and without rules: what is read is right."""
    gold = corpus_gold(SEED)
    result = parse_pdf(make_pdf(borders=borders))
    misses = cell_misses(gold, result)
    assert {path: why for path, why in misses.items() if "got None" not in why} == {}
    assert result["report"]["year"] == gold["report"]["year"]


@needs_font
def test_table_across_page_breaks():
    gold = corpus_gold(SEED)
    result = parse_pdf(make_pdf(page_height=120))
    assert result["input"]["pages"] >= 5
    wrong = {path: why for path, why in cell_misses(gold, result).items() if "got None" not in why}
    assert wrong == {}


@needs_font
def test_encrypted_with_user_password():
    problem = problem_of(make_pdf(user_password="secret"))
    assert problem.problem_type.slug == "pdf-encrypted" and problem.problem_type.status == 422


@needs_font
def test_owner_password_only_is_read():
    result = parse_pdf(make_pdf(owner_password="restrictions"))
    assert result["report"]["year"] == corpus_gold(SEED)["report"]["year"]


def test_batch_upload_with_pdfs(client):
    """Two corpus PDFs and a file that only says it is one, in one multipart batch."""
    first, second = CORPUS_PDFS[0], CORPUS_PDFS[-1]
    response = client.post("/parse/batch", content_type="multipart/form-data", data={"file": [
        (io.BytesIO(first.read_bytes()), "a.pdf", "application/pdf"),
        (io.BytesIO(b"not a pdf at all"), "b.pdf", "application/pdf"),
        (io.BytesIO(second.read_bytes()), "c.pdf", "application/octet-stream"),
    ]})
    items = response.get_json()["documents"]
    assert [item["status"] for item in items] == [200, 422, 200]
    assert items[1]["problem"]["type"].endswith("/invalid-document")
    for item, path in ((items[0], first), (items[2], second)):
        assert item["result"]["input"]["media_type"] == PDF
        assert cell_misses(corpus_gold(path.parent), item["result"]) == {}
