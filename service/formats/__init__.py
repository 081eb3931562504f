"""What users send, turned into report text: plain text in any common encoding, HTML pages,
.docx documents, PDF files. A plain library like service.parsing (no Flask, no I/O; a PDF is
read in a child process with time and memory limits, service/isolation.py).

    extract_text(data, media_type, charset=None, limits=Limits()) -> Extracted
    sniff_media_type(data) -> media type guessed from the bytes (for uploads sent as
                              application/octet-stream)

Tables keep their structure: HTML and Word tables come out as one line per table row with the
cells separated by " | " (merged cells expanded: a row-spanning label repeats on each row, a
column-spanning value is given once followed by empty cells), which the parser reads as a pipe
layout. Errors are FormatError with a stable `kind` that the HTTP layer maps to a problem type.
"""

from dataclasses import dataclass

TEXT_PLAIN = "text/plain"
TEXT_HTML = "text/html"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
SUPPORTED_MEDIA_TYPES = (TEXT_PLAIN, TEXT_HTML, DOCX, PDF)
# The media type of a file by its suffix (the command line, and the client's uploads); a file
# with another suffix is sniffed from its bytes (sniff_media_type).
MEDIA_TYPE_BY_SUFFIX = {".txt": TEXT_PLAIN, ".htm": TEXT_HTML, ".html": TEXT_HTML, ".docx": DOCX, ".pdf": PDF}


class FormatError(Exception):
    """kind: invalid-encoding | unsupported-charset | unsupported-media-type |
    payload-too-large | invalid-document | pdf-encrypted | pdf-no-text | pdf-too-costly."""

    def __init__(self, kind: str, detail: str):
        super().__init__(detail)
        self.kind = kind
        self.detail = detail

    def __reduce__(self):                # raised in a reader's child process, raised again here
        return FormatError, (self.kind, self.detail)


@dataclass(frozen=True)
class Limits:
    max_chars: int = 2 * 1024 * 1024              # decoded characters of text handed to the parser
    max_docx_uncompressed: int = 32 * 1024 * 1024  # bytes a .docx may expand to
    max_docx_ratio: int = 200                      # uncompressed / compressed size of any member
    max_pdf_pages: int = 100                       # pages of a PDF
    pdf_seconds: float = 10.0                      # time a PDF may take to be read (its child process)
    pdf_memory: int = 512 * 1024 * 1024            # memory the child process reading a PDF may add
    # Elements and attributes of a page's or a Word document's tree, counted while it is parsed
    # (a tree costs some 100 to 300 bytes a node, and every later step walks it).
    max_html_elements: int = 100_000
    max_html_attributes: int = 100_000
    max_docx_elements: int = 200_000
    max_docx_attributes: int = 200_000


@dataclass(frozen=True)
class Extracted:
    text: str
    media_type: str          # what was read: one of SUPPORTED_MEDIA_TYPES
    encoding: object = None  # the character encoding used (None for .docx and PDF)
    pages: object = None     # a PDF's page count
    page_lines: tuple = ()   # a PDF: the first line of each page in `text`


def extract_text(data: bytes, media_type: str, charset=None, limits: Limits = Limits()) -> Extracted:
    if media_type == TEXT_PLAIN:
        from service.formats.text import decode_text
        text, encoding = decode_text(data, charset)
        result = Extracted(text, TEXT_PLAIN, encoding)
    elif media_type == TEXT_HTML:
        from service.formats.html import html_to_text
        text, encoding = html_to_text(data, charset, limits)
        result = Extracted(text, TEXT_HTML, encoding)
    elif media_type == DOCX:
        from service.formats.docx import docx_to_text
        result = Extracted(docx_to_text(data, limits), DOCX, None)
    elif media_type == PDF:
        from service.formats.pdf import read_pdf
        pdf = read_pdf(data, limits)
        result = Extracted(pdf.text, PDF, None, pdf.pages, pdf.page_lines)
    elif media_type in NOT_READ_YET:
        raise FormatError("unsupported-media-type", f"{NOT_READ_YET[media_type]} cannot be read; send the report as "
                                                    f"{ACCEPTED}.")
    else:
        raise FormatError("unsupported-media-type", f"{media_type} is not one of {', '.join(SUPPORTED_MEDIA_TYPES)}")
    if len(result.text) > limits.max_chars:
        raise FormatError("payload-too-large", f"The text has {len(result.text)} characters; the limit is "
                                               f"{limits.max_chars} characters.")
    return result


# Markup an HTML page (or a fragment copied from one) opens with, after a BOM and white space.
HTML_OPENINGS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title", b"<!--", b"<div", b"<table",
                 b"<p>", b"<p ", b"<span", b"<section", b"<article", b"<h1", b"<h2", b"<h3", b"<br", b"<style",
                 b"<script", b"<font", b"<center")


ACCEPTED = ('text/plain (any common encoding), text/html, a Word file (.docx), application/pdf, or '
            'application/json {"text": "..."}')
# Binary originals that are not read (yet): named, so that the answer says what the file is.
LEGACY_WORD = "application/msword"
NOT_READ_YET = {
    LEGACY_WORD: "A legacy Word (.doc) or WPS (.wps) document",
    "application/vnd.ms-works": "A WPS (.wps) document",
    "application/kswps": "A WPS (.wps) document",
    "application/vnd.ms-excel": "An Excel (.xls) workbook",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "An Excel (.xlsx) workbook",
    "image/png": "An image (PNG)",
    "image/jpeg": "An image (JPEG)",
    "image/gif": "An image (GIF)",
    "image/tiff": "An image (TIFF)",
}
SIGNATURES = ((b"%PDF-", PDF), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", LEGACY_WORD), (b"\x89PNG\r\n\x1a\n", "image/png"),
              (b"\xff\xd8\xff", "image/jpeg"), (b"GIF87a", "image/gif"), (b"GIF89a", "image/gif"),
              (b"II*\x00", "image/tiff"), (b"MM\x00*", "image/tiff"))


def sniff_media_type(data: bytes) -> str:
    """A media type guessed from the first bytes: %PDF- is a PDF (also after a little junk, as
    PDF readers allow), a zip (PK) is taken for .docx (docx_to_text refuses one that is not), an
    OLE file (.doc, .wps, .xls) and images by their signature, markup that opens like HTML is
    HTML, anything else is text."""
    for signature, media_type in SIGNATURES:
        if data.startswith(signature):
            return media_type
    if b"%PDF-" in data[:1024]:
        return PDF
    if data[:4] == b"PK\x03\x04":
        return DOCX
    head = data[:1024].removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if head.startswith(HTML_OPENINGS):
        return TEXT_HTML
    return TEXT_PLAIN
