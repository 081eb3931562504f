"""text/plain in the encodings users really have: every corpus report re-encoded to GBK (GB18030
where it holds a character GBK lacks), UTF-16 with a BOM and UTF-8 with a BOM, sent without a
charset, reads exactly like its UTF-8 original; the encoding used is reported in `input`.
A declared charset is honoured, and no byte is ever replaced."""

import codecs

import pytest

from conftest import MARKER, corpus_doc_named, corpus_text
from service.formats import FormatError
from service.formats.text import decode_text


def post(client, data, content_type="text/plain"):
    return client.post("/parse", data=data, content_type=content_type)


def without_input(body):
    return {key: value for key, value in body.items() if key != "input"}


def gbk_or_gb18030(text):
    """GBK bytes when every character has one (GBK lacks e.g. U+00A0 and U+2022), else GB18030."""
    try:
        return text.encode("gbk")
    except UnicodeEncodeError:
        return text.encode("gb18030")


@pytest.fixture
def utf8_result(client, corpus_doc):
    response = post(client, corpus_text(corpus_doc).encode("utf-8"), "text/plain; charset=utf-8")
    assert response.status_code == 200
    return without_input(response.get_json())


ENCODINGS = {
    # name: (bytes of a text, encoding reported)
    "gbk-no-charset": (gbk_or_gb18030, "gb18030"),
    "utf-16-le-bom": (lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "utf-16-le"),
    "utf-16-be-bom": (lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "utf-16-be"),
    "utf-8-bom": (lambda text: codecs.BOM_UTF8 + text.encode("utf-8"), "utf-8"),
    "utf-8": (lambda text: text.encode("utf-8"), "utf-8"),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_corpus_report_in_every_encoding_without_charset(client, corpus_doc, utf8_result, encoding):
    encode, reported = ENCODINGS[encoding]
    response = post(client, encode(corpus_text(corpus_doc)))
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    body = response.get_json()
    assert without_input(body) == utf8_result
    assert body["input"] == {"media_type": "text/plain", "encoding": reported, "filename": None}


@pytest.mark.parametrize("charset, encode, reported", [
    ("gbk", lambda text: text.encode("gbk", errors="strict"), "gbk"),
    ("GB2312", lambda text: text.encode("gb2312"), "gb2312"),
    ("cp936", lambda text: text.encode("gbk"), "gbk"),
    ("gb18030", lambda text: text.encode("gb18030"), "gb18030"),
    ("utf-16", lambda text: text.encode("utf-16-be"), "utf-16-be"),   # RFC 2781: no BOM is big-endian
    ("utf-16", lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "utf-16-le"),
    ("utf-16le", lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "utf-16-le"),
    ("UTF-8", lambda text: codecs.BOM_UTF8 + text.encode("utf-8"), "utf-8"),
])
def test_a_declared_charset_is_used_and_reported(client, charset, encode, reported):
    doc = corpus_doc_named("hongze-2023")
    text = corpus_text(doc).replace("\xa0", " ")
    try:
        data = encode(text)
    except UnicodeEncodeError:
        pytest.skip(f"{doc.name} cannot be written in {charset}")
    expected = post(client, text.encode("utf-8"))
    response = post(client, data, f"text/plain; charset={charset}")
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert without_input(response.get_json()) == without_input(expected.get_json())
    assert response.get_json()["input"]["encoding"] == reported


def test_a_declared_charset_is_not_second_guessed(client, assert_problem):
    """GBK bytes declared as UTF-8 are refused (not silently re-detected), with the offset."""
    data = "政府信息公开".encode("gbk") + MARKER.encode("utf-8")
    body = assert_problem(post(client, data, "text/plain; charset=utf-8"), 400, "invalid-encoding")
    assert "offset 0" in body["detail"]


@pytest.mark.parametrize("data", [
    b"\xff\xfe\xfa",                              # an odd UTF-16 tail after a BOM
    "信息".encode("utf-8") + b"\x80\x80\x80",     # neither UTF-8 nor GB18030 nor Big5
    bytes(range(128, 256)),
])
def test_undecodable_bytes_are_refused_not_replaced(client, assert_problem, data):
    body = assert_problem(post(client, data), 400, "invalid-encoding")
    assert "offset" in body["detail"]
    assert "\ufffd" not in body["detail"]


# --- the decoder itself -----------------------------------------------------------------------

TRADITIONAL = "臺北市政府資訊公開工作年度報告，本機關依法辦理政府資訊公開申請，並於網站主動公開各項資訊。"


def test_big5_is_detected():
    assert decode_text(TRADITIONAL.encode("big5")) == (TRADITIONAL, "big5")


@pytest.mark.parametrize("text", ["本机关", "政府信息公开", "一、总体情况", "申请人", "行政复议", "臺灣"])
def test_short_gbk_that_is_also_valid_big5_is_read_as_gb18030(text):
    assert decode_text(text.encode("gbk")) == (text, "gb18030")


def test_utf8_comes_first():
    """Two GBK characters can happen to be valid UTF-8 (平潭 is C6 BD CC B6): UTF-8 wins, as the
    standard says; a whole report never is, and a charset parameter settles it."""
    data = "平潭".encode("gbk")
    assert decode_text(data)[1] == "utf-8"
    assert decode_text(data, "gbk") == ("平潭", "gbk")


@pytest.mark.parametrize("data, charset, offset", [
    (b"abc\xff", None, 3),
    (codecs.BOM_UTF8 + b"ab\xffc", None, 5),
    (b"ab\xffc", "utf-8", 2),
    (codecs.BOM_UTF16_LE + b"a\x00b", None, 4),
    (b"\x81", "gb18030", 0),
])
def test_the_offset_counts_from_the_first_byte_sent(data, charset, offset):
    with pytest.raises(FormatError) as caught:
        decode_text(data, charset)
    assert caught.value.kind == "invalid-encoding"
    assert f"offset {offset}" in caught.value.detail


@pytest.mark.parametrize("charset", ["klingon", "rot13", "base64", "hex", "utf-7", "utf-32", "x\x01"])
def test_unsupported_charsets(charset):
    with pytest.raises(FormatError) as caught:
        decode_text(b"abc", charset)
    assert caught.value.kind == "unsupported-charset"
    assert charset not in caught.value.detail


@pytest.mark.parametrize("data, charset", [
    (codecs.BOM_UTF8 + "报告".encode("utf-8"), None),
    (codecs.BOM_UTF16_BE + "报告".encode("utf-16-be"), None),
    (codecs.BOM_UTF16_LE + "报告".encode("utf-16-le"), "utf-16-le"),
    ("\ufeff报告".encode("gb18030"), "gb18030"),
])
def test_a_leading_bom_is_dropped(data, charset):
    assert decode_text(data, charset)[0] == "报告"


@pytest.mark.parametrize("charset", ["", " "])
def test_an_empty_charset_parameter_means_none(charset):
    assert decode_text("报告".encode("gbk"), charset) == ("报告", "gb18030")
