"""POST /parse answering 200: the same result for every accepted way of sending a report.

These need the real parser (a stub recognises nothing and answers 422 not-a-report).
"""

import json

import pytest


def post_text(client, data, content_type="text/plain; charset=utf-8", **kwargs):
    return client.post("/parse", data=data, content_type=content_type, **kwargs)


def without_input(body):
    """A result without `input` (how it arrived), to compare what was read."""
    return {key: value for key, value in body.items() if key != "input"}


def test_text_plain_with_charset(client, sample_report):
    text, gold = sample_report
    response = post_text(client, text.encode("utf-8"))
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert isinstance(body["report"]["year"], int)
    assert set(body) == {"schema_version", "parser", "input", "report", "sections", "tables", "provenance", "warnings",
                         "checks"}
    assert body["input"] == {"media_type": "text/plain", "encoding": "utf-8", "filename": None}


def test_text_plain_without_charset_is_utf8(client, sample_report):
    text, _ = sample_report
    with_charset = post_text(client, text.encode("utf-8"))
    without = post_text(client, text.encode("utf-8"), content_type="text/plain")
    assert without.status_code == 200
    assert without.get_json() == with_charset.get_json()
    assert without.get_json()["input"]["encoding"] == "utf-8"


def test_application_json(client, sample_report):
    text, _ = sample_report
    response = client.post("/parse", json={"text": text})
    assert response.status_code == 200
    body = response.get_json()
    assert without_input(body) == without_input(post_text(client, text.encode("utf-8")).get_json())
    assert body["input"] == {"media_type": "application/json", "encoding": "utf-8", "filename": None}


@pytest.mark.parametrize("charset, reported", [("gb18030", "gb18030"), ("utf-16", "utf-16-le"), ("GBK", "gbk")])
def test_other_declared_charsets(client, sample_report, charset, reported):
    text, _ = sample_report
    expected = post_text(client, text.encode("utf-8")).get_json()
    try:
        data = text.encode(charset)
    except UnicodeEncodeError:
        pytest.skip(f"the sample cannot be written in {charset}")
    response = post_text(client, data, content_type=f"text/plain; charset={charset}")
    assert response.status_code == 200
    assert without_input(response.get_json()) == without_input(expected)
    assert response.get_json()["input"]["encoding"] == reported


def test_utf8_bom_is_dropped(client, sample_report):
    text, _ = sample_report
    plain = post_text(client, text.encode("utf-8")).get_json()
    with_bom = post_text(client, b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert with_bom.status_code == 200
    assert with_bom.get_json() == plain


def test_chinese_is_not_escaped(client, sample_report):
    text, _ = sample_report
    raw = post_text(client, text.encode("utf-8")).get_data()
    titles = [section["title"] for section in json.loads(raw)["sections"]]
    assert titles and all(title.encode("utf-8") in raw for title in titles)


def test_every_corpus_document_parses(client, corpus_doc):
    text = (corpus_doc / "input.txt").read_bytes()
    response = post_text(client, text)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
