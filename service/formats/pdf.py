"""PDF files → report text, read from the positions of their characters with PDFium (pypdfium2).

    pdf_to_text(data, limits) -> PdfText(text, pages, page_lines)

Each page gives its characters with their boxes and its ruling lines (stroked path segments and
thin filled rectangles); service/formats/pdf_layout.py rebuilds lines and tables from them.
Characters are folded as the fonts emit them: Kangxi radicals and CJK compatibility ideographs
(⼀ for 一, ⽉ for 月, common in PDFs printed from web pages) to the ordinary characters,
full-width digits and letters to ASCII, ligatures to their letters.

What cannot be read is a FormatError: a PDF that needs a password (pdf-encrypted), one without
a text layer (pdf-no-text: a scan), one that is broken (invalid-document), more pages or
characters than the limits (payload-too-large). Counts are checked before the per-character
loop. PDFium is not thread-safe and can hang or explode on hostile files: the service calls this
only inside a worker process with time and memory limits (service/isolation.py).
"""

import ctypes
import unicodedata
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from service.formats import FormatError, Limits
from service.formats.pdf_layout import Char, Page, pages_text

THIN = 2.5                 # points: a filled rectangle this thin is a ruling line
MIN_RULE = 3.0             # points: shorter segments are not rules
MAX_PATH_SEGMENTS = 2000   # per path object; a path with more is a drawing, not a rule
MAX_OBJECTS = 50_000       # page objects read per page


def _fold_table():
    """One character → one character: compatibility forms PDF fonts emit, to what they stand for."""
    table = {}
    ranges = [(0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F), (0xFF01, 0xFF5E)]
    for start, end in ranges:
        for code in range(start, end + 1):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code) and (code >= 0xFF01 or "\u4e00" <= folded <= "\u9fff"):
                table[code] = folded
    for code in range(0xFF01, 0xFF5F):             # full width: only digits and letters
        if not chr(code).isalnum():
            table.pop(code, None)
    for code in range(0xFB00, 0xFB07):             # ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ
        table[code] = unicodedata.normalize("NFKC", chr(code))
    table.update((ord(radical), ideograph) for radical, ideograph in RADICAL_SUPPLEMENT.items())
    return table


# CJK radicals supplement forms that stand for a simplified character (Unicode's equivalent
# unified ideographs; NFKC leaves them alone): wkhtmltopdf writes ⺠ for 民 (人⺠政府).
RADICAL_SUPPLEMENT = {"⺟": "母", "⺠": "民", "⻄": "西", "⻅": "见", "⻆": "角", "⻉": "贝", "⻋": "车", "⻓": "长",
                      "⻔": "门", "⻘": "青", "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻢": "马", "⻣": "骨",
                      "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦", "⻩": "黄", "⻬": "齐", "⻮": "齿",
                      "⻰": "龙", "⻳": "龟", "⺁": "厂", "⺇": "几", "⺈": "刀", "⺌": "小", "⺕": "彐", "⺛": "尢",
                      "⺤": "爪", "⺫": "罒", "⺶": "羊", "⺸": "羊", "⺻": "聿", "⻂": "衤", "⻈": "讠", "⻊": "足",
                      "⻏": "阝", "⻖": "阝", "⻗": "雨", "⻙": "韦"}


FOLD = _fold_table()


@dataclass(frozen=True)
class PdfText:
    text: str
    pages: int
    page_lines: tuple        # the first line number of each page in `text`


def _open(data: bytes):
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        code = raw.FPDF_GetLastError()
        if code == raw.FPDF_ERR_PASSWORD:
            raise FormatError("pdf-encrypted", "The PDF is encrypted and needs a password to be opened; send it "
                                               "without the password (an owner password alone is fine).")
        if code == raw.FPDF_ERR_SECURITY:
            raise FormatError("pdf-encrypted", "The PDF uses an encryption this reader does not support.")
        raise FormatError("invalid-document", f"The PDF could not be read: it is damaged or not a PDF "
                                              f"({str(error)[:80]}).")


def _rotate(page_width, page_height, rotation):
    """Point in PDF user space → displayed page coordinates (origin top left, y down)."""
    if rotation == 90:
        return lambda x, y: (y, x), page_height, page_width
    if rotation == 180:
        return lambda x, y: (page_width - x, y), page_width, page_height
    if rotation == 270:
        return lambda x, y: (page_height - y, page_width - x), page_height, page_width
    return lambda x, y: (x, page_height - y), page_width, page_height


def _chars(textpage, count, place):
    """The page's characters with their tight boxes (a font's own size is unreliable: WPS scales
    its fonts by the text matrix, and loose boxes of vertical text reach far below the glyph)."""
    chars = []
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    handle = textpage.raw
    for index in range(count):
        code = raw.FPDFText_GetUnicode(handle, index)
        if code in (0, 0xFFFE, 0xFFFF) or raw.FPDFText_IsGenerated(handle, index) == 1:
            continue
        text = chr(code)
        if text in "\r\n\x02\x03":
            continue
        if not raw.FPDFText_GetCharBox(handle, index, left, right, bottom, top):
            continue
        x0, y0 = place(left.value, top.value)
        x1, y1 = place(right.value, bottom.value)
        x0, x1, y0, y1 = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
        if text.isspace():
            size = 0.0
        else:
            size = max(y1 - y0, x1 - x0, 1.0)
        chars.append(Char(FOLD.get(code, text), x0, y0, x1, y1, size))
    return chars


def _rules(page, place):
    """Ruling lines of a page: segments of stroked paths, and thin filled rectangles."""
    horizontals, verticals = [], []
    x, y = ctypes.c_float(), ctypes.c_float()
    fill, stroke = ctypes.c_int(), ctypes.c_int()

    def add(ax, ay, bx, by):
        (ax, ay), (bx, by) = place(ax, ay), place(bx, by)
        if abs(ay - by) <= THIN and abs(ax - bx) >= MIN_RULE:
            horizontals.append(((ay + by) / 2, min(ax, bx), max(ax, bx)))
        elif abs(ax - bx) <= THIN and abs(ay - by) >= MIN_RULE:
            verticals.append(((ax + bx) / 2, min(ay, by), max(ay, by)))

    for number, obj in enumerate(page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=4)):
        if number >= MAX_OBJECTS:
            break
        left, bottom, right, top = obj.get_bounds()
        raw.FPDFPath_GetDrawMode(obj.raw, fill, stroke)
        if fill.value and (right - left <= THIN or top - bottom <= THIN):
            add(left, (bottom + top) / 2, right, (bottom + top) / 2) if right - left > top - bottom \
                else add((left + right) / 2, bottom, (left + right) / 2, top)
            continue
        if fill.value and raw.FPDFPath_CountSegments(obj.raw) <= 5:
            # a filled rectangle: WPS draws each table cell as one, the rules being the gaps
            for ax, ay, bx, by in ((left, top, right, top), (left, bottom, right, bottom),
                                   (left, bottom, left, top), (right, bottom, right, top)):
                add(ax, ay, bx, by)
            continue
        if not stroke.value:
            continue
        segments = raw.FPDFPath_CountSegments(obj.raw)
        if segments > MAX_PATH_SEGMENTS:
            continue
        matrix = obj.get_matrix()
        points = []
        for index in range(segments):
            segment = raw.FPDFPath_GetPathSegment(obj.raw, index)
            raw.FPDFPathSegment_GetPoint(segment, x, y)
            px, py = matrix.on_point(x.value, y.value)
            if raw.FPDFPathSegment_GetType(segment) == raw.FPDF_SEGMENT_LINETO and points:
                add(*points[-1], px, py)
            points.append((px, py))
    return horizontals, verticals


def read_pdf(data: bytes, limits: Limits = Limits()) -> PdfText:
    """pdf_to_text in a child process with the limits' time and memory (service/isolation.py)."""
    from service.isolation import IsolationError, in_worker, run_isolated
    if in_worker():                     # already in a child with limits (a parsing slot)
        return _read_job((data, limits))
    try:
        return run_isolated(_read_job, (data, limits), seconds=limits.pdf_seconds, memory_bytes=limits.pdf_memory)
    except IsolationError as error:
        limit = {"time": f"its time limit ({limits.pdf_seconds:g} s, PDF_TIME_LIMIT)",
                 "memory": f"its memory limit ({limits.pdf_memory // (1024 * 1024)} MiB, PDF_MEMORY_LIMIT)",
                 "crash": "the reader, which stopped"}[error.kind]
        raise FormatError("pdf-too-costly", f"The PDF could not be read within {limit}: it is damaged or built to "
                                            "exhaust readers.") from None


def _read_job(job):
    data, limits = job
    try:
        return pdf_to_text(data, limits)
    except pdfium.PdfiumError as error:      # a page or object PDFium cannot load (a broken tree)
        raise FormatError("invalid-document", f"The PDF could not be read: it is damaged ({str(error)[:80]}).")


def pdf_to_text(data: bytes, limits: Limits = Limits()) -> PdfText:
    document = _open(data)
    try:
        page_count = len(document)
        if page_count > limits.max_pdf_pages:
            raise FormatError("payload-too-large", f"The PDF has {page_count} pages; the limit is "
                                                   f"{limits.max_pdf_pages} pages (MAX_PDF_PAGES).")
        if page_count == 0:
            raise FormatError("invalid-document", "The PDF has no page.")
        pages, total = [], 0
        for number in range(page_count):
            page = document[number]
            textpage = page.get_textpage()
            count = textpage.count_chars()
            total += max(count, 0)
            if total > limits.max_chars:
                raise FormatError("payload-too-large", f"The PDF has more than {limits.max_chars} characters of "
                                                       f"text; the limit is {limits.max_chars} (MAX_CHARS).")
            width, height = page.get_size()
            place, shown_width, shown_height = _rotate(width, height, page.get_rotation())
            pages.append(Page(shown_width, shown_height, _chars(textpage, count, place), *_rules(page, place)))
            textpage.close()
            page.close()
    finally:
        document.close()
    if not any(page.chars for page in pages):
        raise FormatError("pdf-no-text", f"The PDF's {page_count} page(s) carry no text layer: it is a scan or "
                                         "an image. Send the text, the Word file or a PDF with text (OCR is not "
                                         "offered).")
    text, page_lines = pages_text(pages)
    return PdfText(text, page_count, tuple(page_lines))
