"""Hypothesis: no body of any kind, sent as text/plain or as JSON, ever gets a 5xx."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS_DIRS, corpus_text
from service.app import create_app

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters and fragments that steer random text into the parser's code paths.
REPORT_ALPHABET = "一二三四五六七八九十、（）()年度政府信息公开工作报告行政复议诉讼申请总计予以不处理万元0123456789 \t\n|/—-.：:"
CORPUS_LINES = sorted({line for doc in CORPUS_DIRS for line in corpus_text(doc).splitlines()}) or ["一、总体情况"]

any_text = st.one_of(
    st.text(),
    st.text(alphabet=REPORT_ALPHABET, max_size=2000),
    st.lists(st.sampled_from(CORPUS_LINES), max_size=80).map("\n".join),
    st.lists(st.one_of(st.sampled_from(CORPUS_LINES), st.text(alphabet=REPORT_ALPHABET, max_size=40)),
             max_size=80).map("\n".join),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=10,
)


@pytest.fixture(scope="module")
def client():
    return create_app({"TESTING": True}).test_client()


def check(response):
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    assert response.mimetype in ("application/json", "application/problem+json")


@SETTINGS
@given(text=any_text, charset=st.sampled_from(["", "; charset=utf-8", "; charset=gb18030"]))
def test_text_plain(client, text, charset):
    data = text.encode("gb18030" if "gb18030" in charset else "utf-8", errors="surrogatepass")
    check(client.post("/parse", data=data, content_type="text/plain" + charset))


@SETTINGS
@given(data=st.binary(max_size=4000), charset=st.sampled_from(["", "; charset=utf-8", "; charset=gbk",
                                                              "; charset=utf-16", "; charset=big5"]))
def test_arbitrary_bytes_as_text_plain(client, data, charset):
    check(client.post("/parse", data=data, content_type="text/plain" + charset))


@SETTINGS
@given(text=st.one_of(any_text, st.text(alphabet=st.characters(exclude_categories=()))),
       ensure_ascii=st.booleans())
def test_json(client, text, ensure_ascii):
    data = json.dumps({"text": text}, ensure_ascii=ensure_ascii).encode("utf-8", errors="surrogatepass")
    check(client.post("/parse", data=data, content_type="application/json"))


@SETTINGS
@given(value=json_values)
def test_arbitrary_json_documents(client, value):
    check(client.post("/parse", data=json.dumps(value), content_type="application/json"))


@SETTINGS
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_as_json(client, data):
    check(client.post("/parse", data=data, content_type="application/json"))
