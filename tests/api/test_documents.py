"""POST /parse with documents: text/html and .docx bodies, and multipart/form-data uploads of
any accepted kind (the media type from the part, else sniffed), read through service.formats.

HTML is the corpus originals (source.html); .docx is built from corpus texts with python-docx
(their pipe tables as Word tables) and must read like the text it was made from.
"""

import functools

import pytest

from conftest import CORPUS_DIRS, MARKER, corpus_doc_named, corpus_gold, corpus_text
from report_files import docx_from_text, zip_of
from service.formats import DOCX

HTML_DOCS = [doc for doc in CORPUS_DIRS if (doc / "source.html").is_file()]
# Corpus texts whose tables are pipe rows (become Word tables) or other layouts (paragraphs).
DOCX_DOCS = ["putian-wlj-2024", "seed-001", "hongze-2023", "seed-004", "putian-cg-2022", "pingtan-2021"]


def without_input(body):
    return {key: value for key, value in body.items() if key != "input"}


def text_result(client, text):
    response = client.post("/parse", data=text.encode("utf-8"), content_type="text/plain")
    assert response.status_code == 200
    return response.get_json()


def upload(client, data, part_type=None, filename="report", fields=None, name="file"):
    """A multipart/form-data POST with the file in part `name` (werkzeug builds the body)."""
    import io

    part = (io.BytesIO(data), filename, part_type) if part_type else (io.BytesIO(data), filename)
    return client.post("/parse", data={**(fields or {}), name: part}, content_type="multipart/form-data")


def assert_read(response, media_type, encoding=None, filename=None):
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    body = response.get_json()
    assert body["input"]["media_type"] == media_type
    assert body["input"]["filename"] == filename
    if encoding is not None:
        assert body["input"]["encoding"] == encoding
    return body


# --- .docx -------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def docx_of(doc):
    return docx_from_text(corpus_text(doc))


@pytest.fixture(params=DOCX_DOCS)
def docx_doc(request):
    doc = corpus_doc_named(request.param)
    return doc, docx_of(doc)


def test_a_docx_body_reads_like_its_text(client, docx_doc):
    doc, data = docx_doc
    body = assert_read(client.post("/parse", data=data, content_type=DOCX), DOCX)
    assert body["input"]["encoding"] is None
    expected = text_result(client, corpus_text(doc))
    assert body["report"] == expected["report"]
    for name, table in expected["tables"].items():
        assert (body["tables"][name] or {}).get("rows") == (table or {}).get("rows"), name


@pytest.mark.parametrize("part_type", [DOCX, "application/octet-stream", None])
def test_a_docx_upload(client, docx_doc, part_type):
    """`curl -F file=@report.docx` sends application/octet-stream: the zip is sniffed."""
    doc, data = docx_doc
    body = assert_read(upload(client, data, part_type, filename="年度报告.docx"), DOCX, filename="年度报告.docx")
    assert body["report"] == text_result(client, corpus_text(doc))["report"]


@pytest.mark.parametrize("data", [
    b"PK\x03\x04" + b"\x00" * 100,                                  # a broken zip
    zip_of({"hello.txt": MARKER.encode()}),                        # a zip that is not a .docx
    zip_of({"word/document.xml": b"<w:document><unclosed>"}),       # not XML
    MARKER.encode("utf-8"),                                        # text labelled .docx
])
def test_what_is_not_a_docx_is_an_invalid_document(client, assert_problem, data):
    assert_problem(client.post("/parse", data=data, content_type=DOCX), 422, "invalid-document")


def test_xml_entities_in_a_docx_are_refused(client, assert_problem):
    billion_laughs = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
                      b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document>&b;</w:document>')
    data = zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": billion_laughs})
    assert_problem(client.post("/parse", data=data, content_type=DOCX), 422, "invalid-document")


# --- text/html ---------------------------------------------------------------------------------

@pytest.fixture(params=HTML_DOCS or [None], ids=[doc.name for doc in HTML_DOCS] or ["none"])
def html_doc(request):
    if request.param is None:
        pytest.skip("no source.html in the corpus")
    return request.param


def assert_is_the_report(body, doc):
    gold = corpus_gold(doc)["report"]
    assert body["report"]["year"] == gold["year"]
    assert body["report"]["organization"] == gold["organization"]


def test_an_html_body(client, html_doc):
    data = (html_doc / "source.html").read_bytes()
    body = assert_read(client.post("/parse", data=data, content_type="text/html"), "text/html")
    assert body["input"]["encoding"]
    assert_is_the_report(body, html_doc)


@pytest.mark.parametrize("part_type", ["text/html", "application/octet-stream", None])
def test_an_html_upload(client, html_doc, part_type):
    data = (html_doc / "source.html").read_bytes()
    body = assert_read(upload(client, data, part_type, filename="page.html"), "text/html", filename="page.html")
    assert_is_the_report(body, html_doc)


def test_an_html_body_in_a_declared_charset(client):
    doc = corpus_doc_named("putian-wlj-2024")   # no <meta charset> in this page
    data = (doc / "source.html").read_text(encoding="utf-8").encode("gb18030")
    body = assert_read(client.post("/parse", data=data, content_type="text/html; charset=gb18030"), "text/html",
                       encoding="gb18030")
    assert_is_the_report(body, doc)


# --- text uploads ------------------------------------------------------------------------------

@pytest.mark.parametrize("part_type, encoding", [
    ("text/plain", "gb18030"),                   # no charset: detected
    ("text/plain; charset=gbk", "gbk"),          # the part's charset is honoured
    ("application/octet-stream", "gb18030"),     # sniffed as text, then detected
    (None, "gb18030"),
])
def test_a_gbk_text_upload(client, sample_report, part_type, encoding):
    text, _ = sample_report
    data = text.replace("\xa0", " ").encode("gbk")
    body = assert_read(upload(client, data, part_type, filename="report.txt"), "text/plain", encoding=encoding,
                       filename="report.txt")
    assert without_input(body) == without_input(text_result(client, text.replace("\xa0", " ")))


def test_other_form_fields_are_ignored(client, sample_report):
    text, _ = sample_report
    response = upload(client, text.encode("utf-8"), "text/plain", fields={"comment": "hello", "year": "2023"})
    assert_read(response, "text/plain", encoding="utf-8", filename="report")


def test_a_filename_is_reported_as_sent(client, sample_report):
    text, _ = sample_report
    name = "../报告 (final)\u202e.txt"
    assert_read(upload(client, text.encode("utf-8"), "text/plain", filename=name), "text/plain", filename=name)


# --- refused uploads ---------------------------------------------------------------------------

def test_a_multipart_body_without_the_file_part(client, assert_problem):
    body = assert_problem(upload(client, MARKER.encode(), "text/plain", name="document"), 422, "validation-error")
    assert body["errors"] == [{"pointer": "/file", "detail": "The part is missing."}]


def test_the_file_sent_as_a_plain_field(client, assert_problem):
    """`curl -F file=<report.txt` sends a field without a filename: it must be a file part."""
    response = client.post("/parse", data={"file": MARKER}, content_type="multipart/form-data")
    body = assert_problem(response, 422, "validation-error")
    assert body["errors"][0]["pointer"] == "/file"
    assert "filename" in body["errors"][0]["detail"]


@pytest.mark.parametrize("content_type", ["multipart/form-data", "multipart/form-data; boundary=x"])
def test_a_malformed_multipart_body(client, assert_problem, content_type):
    response = client.post("/parse", data=MARKER.encode(), content_type=content_type)
    assert_problem(response, 422, "validation-error")


def test_an_empty_upload(client, assert_problem):
    assert_problem(upload(client, b"", "text/plain"), 400, "empty-body")


def test_an_empty_multipart_body(client, assert_problem):
    import io

    response = client.post("/parse", input_stream=io.BytesIO(b""), content_length=0,
                           content_type="multipart/form-data; boundary=x")
    assert_problem(response, 400, "empty-body")


def test_a_multipart_body_with_no_part(client, assert_problem):
    response = client.post("/parse", data={}, content_type="multipart/form-data")
    assert_problem(response, 422, "validation-error")


@pytest.mark.parametrize("part_type", ["application/zip", "image/png", "application/msword", "application/json"])
def test_an_upload_of_an_unsupported_type(client, assert_problem, part_type):
    assert_problem(upload(client, MARKER.encode(), part_type), 415, "unsupported-media-type")


def test_an_upload_said_to_be_a_pdf_that_is_not(client, assert_problem):
    assert_problem(upload(client, MARKER.encode(), "application/pdf"), 422, "invalid-document")


def test_an_upload_in_an_unsupported_charset(client, assert_problem):
    assert_problem(upload(client, MARKER.encode(), "text/plain; charset=klingon"), 415, "unsupported-charset")


def test_an_undecodable_upload(client, assert_problem):
    assert_problem(upload(client, b"\x80\x80\x80" + MARKER.encode(), "text/plain; charset=utf-8"), 400,
                   "invalid-encoding")


def test_uploads_never_touch_the_disk(client, sample_report, monkeypatch):
    """Werkzeug spools uploads over 500 KB to a temporary file unless told otherwise."""
    import tempfile

    def refuse(*args, **kwargs):
        raise AssertionError("a temporary file was opened")

    for name in ("SpooledTemporaryFile", "TemporaryFile", "NamedTemporaryFile", "mkstemp"):
        monkeypatch.setattr(tempfile, name, refuse)
    monkeypatch.setattr("werkzeug.formparser.SpooledTemporaryFile", refuse, raising=False)
    text, _ = sample_report
    data = (text + "\n" * (1024 * 1024 - len(text.encode("utf-8")))).encode("utf-8")   # 1 MiB
    assert_read(upload(client, data, "text/plain", filename="big.txt"), "text/plain", filename="big.txt")
