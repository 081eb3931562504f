"""What users send, turned into report text: plain text in any common encoding, HTML pages,
.docx documents. A plain library like service.parsing (no Flask, no I/O).

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
SUPPORTED_MEDIA_TYPES = (TEXT_PLAIN, TEXT_HTML, DOCX)
# The media type of a file by its suffix (the command line, and the client's uploads); a file
# with another suffix is sniffed from its bytes (sniff_media_type).
MEDIA_TYPE_BY_SUFFIX = {".txt": TEXT_PLAIN, ".htm": TEXT_HTML, ".html": TEXT_HTML, ".docx": DOCX}


class FormatError(Exception):
    """kind: invalid-encoding | unsupported-charset | unsupported-media-type |
    payload-too-large | invalid-document."""

    def __init__(self, kind: str, detail: str):
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True)
class Limits:
    max_chars: int = 2 * 1024 * 1024              # decoded characters of text handed to the parser
    max_docx_uncompressed: int = 32 * 1024 * 1024  # bytes a .docx may expand to
    max_docx_ratio: int = 200                      # uncompressed / compressed size of any member
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
    encoding: object = None  # the character encoding used (None for .docx)


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


def sniff_media_type(data: bytes) -> str:
    """A media type guessed from the first bytes: a zip (PK) is taken for .docx (docx_to_text
    refuses one that is not), markup that opens like HTML is HTML, anything else is text."""
    if data[:4] == b"PK\x03\x04":
        return DOCX
    head = data[:1024].removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if head.startswith(HTML_OPENINGS):
        return TEXT_HTML
    return TEXT_PLAIN
