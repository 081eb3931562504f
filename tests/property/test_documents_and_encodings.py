"""Hypothesis: decoding never replaces a byte, and no HTML, .docx or upload, well-formed or not,
gets a 5xx from POST /parse."""

import codecs
import io

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from conftest import CORPUS_DIRS, corpus_text
from service.app import create_app
from service.formats import DOCX, FormatError
from service.formats.text import decode_text

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CORPUS_LINES = sorted({line for doc in CORPUS_DIRS for line in corpus_text(doc).splitlines()})[:2000] or ["一、总体情况"]
PROBLEM_OR_RESULT = ("application/json", "application/problem+json")


@pytest.fixture(scope="module")
def client():
    return create_app({"TESTING": True}).test_client()


def check(response):
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    assert response.mimetype in PROBLEM_OR_RESULT


# --- decoding ----------------------------------------------------------------------------------

texts = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF) | st.sampled_from("、，。 \n0123|"),
            max_size=300),
    st.lists(st.sampled_from(CORPUS_LINES), max_size=30).map("\n".join),
)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "gb18030", "gbk", "big5"]


def encode(text, encoding):
    if encoding == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(encoding)


@SETTINGS
@given(text=texts, encoding=st.sampled_from(ENCODINGS))
def test_detection_never_replaces_a_byte(text, encoding):
    """Whatever encoding is detected, the text is exactly what the bytes say in it: encoding the
    text again gives the bytes back (after a BOM)."""
    assume(not text.startswith("\ufeff"))
    try:
        data = encode(text, encoding)
    except (UnicodeEncodeError, UnicodeError):
        assume(False)
    try:
        decoded, used = decode_text(data)
    except FormatError as error:
        assert error.kind == "invalid-encoding"
        return
    assert "\ufffd" not in decoded or "\ufffd" in text
    body = decoded.encode(used)
    assert data in (body, codecs.BOM_UTF8 + body, codecs.BOM_UTF16_LE + body, codecs.BOM_UTF16_BE + body)
    if encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom"):
        assert decoded == text                    # a BOM or valid UTF-8 is never second-guessed


@SETTINGS
@given(data=st.binary(max_size=3000), charset=st.sampled_from([None, "utf-8", "gbk", "gb18030", "big5", "utf-16"]))
@example(data=b"\xa2\xce", charset=None)   # Big5 gives 卅 for both A2CE and A4CA: decoding is not one-to-one
def test_bytes_decode_exactly_or_not_at_all(data, charset):
    """The text is the strict decoding of the bytes in the codec reported (a BOM dropped): nothing
    replaced or skipped. (Re-encoding need not give the bytes back: Big5 maps some characters
    from two byte pairs.)"""
    try:
        decoded, used = decode_text(data, charset)
    except FormatError as error:
        assert error.kind == "invalid-encoding"
        return
    assert decoded == data.decode(used, "strict").removeprefix("\ufeff")


# --- documents over HTTP -----------------------------------------------------------------------

CELL = st.one_of(st.integers(0, 99999).map(str), st.sampled_from(["", "/", "—", "总计", "行政复议", "<b>1</b>", "&nbsp;"]),
                 st.sampled_from(CORPUS_LINES).map(lambda line: line[:30]))


@st.composite
def html_tables(draw):
    rows = []
    for _ in range(draw(st.integers(0, 12))):
        cells = []
        for _ in range(draw(st.integers(0, 9))):
            span = draw(st.sampled_from(["", ' rowspan="2"', ' colspan="3"', ' rowspan="0"', ' colspan="-1"',
                                         ' rowspan="99999"', ' colspan="x"']))
            cells.append(f"<td{span}>{draw(CELL)}</td>")
        rows.append("<tr>" + "".join(cells) + draw(st.sampled_from(["</tr>", ""])))
    return "<table>" + "".join(rows) + draw(st.sampled_from(["</table>", ""]))


html_pages = st.lists(st.one_of(
    st.sampled_from(CORPUS_LINES).map(lambda line: f"<p>{line}</p>"),
    html_tables(),
    st.sampled_from(["<div>", "</div>", "<br>", "<script>x</script>", "<!--", "-->", "<meta charset=gbk>",
                     "<meta charset=klingon>", "<table>", "<td>", "<html>", "</body>"]),
    st.text(max_size=40),
), max_size=40).map("".join)


@SETTINGS
@given(page=html_pages, charset=st.sampled_from(["", "; charset=utf-8", "; charset=gb18030"]))
def test_html_pages(client, page, charset):
    data = page.encode("gb18030" if "gb18030" in charset else "utf-8", errors="surrogatepass")
    check(client.post("/parse", data=data, content_type="text/html" + charset))


@SETTINGS
@given(data=st.binary(max_size=3000), prefix=st.sampled_from([b"", b"PK\x03\x04", b"PK\x05\x06"]))
def test_arbitrary_bytes_as_docx(client, data, prefix):
    check(client.post("/parse", data=prefix + data, content_type=DOCX))


WORD_DOCUMENT = (b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body>"
                 b"<w:p><w:r><w:t>" + "一、总体情况".encode() + b"</w:t></w:r></w:p></w:body></w:document>")


@st.composite
def zips(draw):
    """Zips with a docx's member names and arbitrary or truncated content."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))) as archive:
        for name in draw(st.lists(st.sampled_from(["word/document.xml", "[Content_Types].xml", "word/styles.xml",
                                                   "x"]), max_size=4, unique=True)):
            body = draw(st.one_of(
                st.binary(max_size=500),
                st.sampled_from([WORD_DOCUMENT, b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e 'e'>]><x>&e;</x>"]),
            ))
            archive.writestr(name, body)
    data = buffer.getvalue()
    cut = draw(st.integers(0, len(data)))
    return data if draw(st.booleans()) else data[:cut]


@SETTINGS
@given(data=zips())
def test_broken_and_odd_zips_as_docx(client, data):
    check(client.post("/parse", data=data, content_type=DOCX))


@SETTINGS
@given(data=st.one_of(st.binary(max_size=3000), html_pages.map(str.encode), zips()),
       part_type=st.sampled_from([None, "application/octet-stream", "text/plain", "text/plain; charset=gbk",
                                  "text/html", DOCX, "image/png", "text/plain; charset=klingon"]),
       filename=st.text(max_size=30))
def test_uploads(client, data, part_type, filename):
    file = (io.BytesIO(data), filename or "f", part_type) if part_type else (io.BytesIO(data), filename or "f")
    check(client.post("/parse", data={"file": file}, content_type="multipart/form-data"))
