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


# --- POST /compare ---------------------------------------------------------------------------

def corpus_results():
    from service.parsing import parse_report

    return [parse_report(corpus_text(doc)) for doc in CORPUS_DIRS[:6]]


RESULTS = corpus_results()
# Cells a parse result may carry (well-formed) and values it may not (each must give a 422).
GOOD_CELLS = st.none() | st.integers(-(2 ** 53 - 1), 2 ** 53 - 1) | st.floats(allow_nan=False, allow_infinity=False)
BAD_CELLS = st.integers(-2 ** 64, 2 ** 64) | st.text(max_size=3) | st.booleans()


@st.composite
def altered_results(draw):
    """A real parse result with cells, rows, tables and metadata changed: well-formed unless `broken`."""
    if not RESULTS:
        return draw(json_values)
    broken = draw(st.booleans())
    cells = BAD_CELLS if broken else GOOD_CELLS
    result = json.loads(json.dumps(draw(st.sampled_from(RESULTS))))
    tables = result["tables"]
    for _ in range(draw(st.integers(0, 6))):
        name = draw(st.sampled_from(sorted(tables)))
        rows = (tables[name] or {}).get("rows")
        choice = draw(st.integers(0, 3))
        if choice == 0 or not rows:
            tables[name] = draw(st.sampled_from([None, {"line": 1, "end_line": 1, "rows": {}}]))
        elif choice == 1:
            del rows[draw(st.sampled_from(sorted(rows)))]
        else:
            row = rows[draw(st.sampled_from(sorted(rows)))]
            if row:
                row[draw(st.sampled_from(sorted(row)))] = draw(cells)
    report = result["report"]
    years = st.sampled_from([report["year"], None, 2019, 2020, 2021]) | st.integers(1000, 9999)
    report["year"] = draw(years | st.integers(-2 ** 64, 2 ** 64) if broken else years)
    report["template"] = draw(st.sampled_from(["2019", "2021", None] + (["2020"] if broken else [])))
    report["organization"] = draw(st.sampled_from([report["organization"], None, "", " "]) | st.text(max_size=5))
    if broken and draw(st.booleans()):
        del result[draw(st.sampled_from(sorted(result)))]
    return result


compare_sides = st.one_of(
    json_values,
    any_text.map(lambda text: {"text": text}),
    st.sampled_from(CORPUS_DIRS).map(lambda doc: {"text": corpus_text(doc)}) if CORPUS_DIRS else st.nothing(),
    altered_results(),
)
COMPARE_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@COMPARE_SETTINGS
@given(value=json_values)
def test_compare_arbitrary_json_documents(client, value):
    check(client.post("/compare", data=json.dumps(value), content_type="application/json"))


@COMPARE_SETTINGS
@given(previous=compare_sides, current=compare_sides, query=st.sampled_from(["", "?only_failures=true"]))
def test_compare_pairs_of_sides(client, previous, current, query):
    response = client.post("/compare" + query, data=json.dumps({"previous": previous, "current": current}),
                           content_type="application/json")
    check(response)
