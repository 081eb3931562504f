"""POST /compare: two reports of one body, each as {"text": ...} or as an earlier /parse response.

Pairs come from the corpus; consecutive pairs are made by editing a copy of a corpus text (the
corpus has no two reports of one body for consecutive years).
"""

import io
import json
from pathlib import Path

import pytest
import yaml
from openapi_schema_validator import OAS31Validator

from conftest import CORPUS_DIRS, MARKER, corpus_doc_named, corpus_text
from service.app import create_app
from service.http.schemas import CompareResultSchema

OPENAPI_FILE = Path(__file__).resolve().parents[2] / "openapi.yaml"
METADATA_KEYS = {"title", "organization", "year", "template", "published_on"}
NEWS_PARAGRAPH = f"今天天气晴朗，市民纷纷走出家门，到公园散步赏花，享受春日时光。{MARKER}"


@pytest.fixture(scope="module")
def hongze_2023():
    return corpus_text(corpus_doc_named("hongze-2023"))


@pytest.fixture(scope="module")
def hongze_2022(hongze_2023):
    """A made-up previous year: the 2023 report with every 2023 (title, period, prose) made 2022."""
    return hongze_2023.replace("2023", "2022")


def compare(client, previous, current, query=""):
    return client.post("/compare" + query, json={"previous": previous, "current": current})


def ok(response):
    assert response.status_code == 200, response.get_data(as_text=True)[:1000]
    assert response.mimetype == "application/json"
    return response.get_json()


def checks_of(body, rule):
    found = [check for check in body["checks"] if check["rule"] == rule]
    assert found, f"no {rule} check in {[c['rule'] for c in body['checks']]}"
    return found


def statuses(body, rule):
    return {check["status"] for check in checks_of(body, rule)}


# --- 200 -------------------------------------------------------------------------------------

def test_pingtan_2019_to_2021_is_not_consecutive(client):
    """Needs the rules."""
    previous = corpus_text(corpus_doc_named("pingtan-2019"))
    current = corpus_text(corpus_doc_named("pingtan-2021"))
    body = ok(compare(client, {"text": previous}, {"text": current}))
    assert (body["previous"]["year"], body["current"]["year"]) == (2019, 2021)
    [years] = checks_of(body, "continuity.consecutive_years")
    assert years["status"] == "fail" and years["severity"] == "warning"
    assert (years["expected"], years["actual"]) == (2020, 2021)
    assert statuses(body, "continuity.organization") == {"pass"}


def test_pingtan_2019_to_2021_failures_only(client):
    """Needs the rules."""
    previous = corpus_text(corpus_doc_named("pingtan-2019"))
    current = corpus_text(corpus_doc_named("pingtan-2021"))
    body = ok(compare(client, {"text": previous}, {"text": current}, "?only_failures=true"))
    assert all(check["status"] == "fail" for check in body["checks"])
    assert any(c["rule"] == "continuity.consecutive_years" and c["status"] == "fail" for c in body["checks"])


def test_a_consecutive_pair(client, hongze_2022, hongze_2023):
    """Needs the rules."""
    body = ok(compare(client, {"text": hongze_2022}, {"text": hongze_2023}))
    assert body["previous"]["year"] == 2022 and body["current"]["year"] == 2023
    assert body["previous"]["organization"] == body["current"]["organization"] == "洪泽区人民政府"
    assert statuses(body, "continuity.consecutive_years") == {"pass"}
    assert statuses(body, "continuity.organization") == {"pass"}


def test_the_response_shape(client, hongze_2022, hongze_2023):
    body = ok(compare(client, {"text": hongze_2022}, {"text": hongze_2023}))
    assert set(body) == {"previous", "current", "checks"}
    assert set(body["previous"]) == set(body["current"]) == METADATA_KEYS
    assert CompareResultSchema().load(body) == body
    spec = yaml.safe_load(OPENAPI_FILE.read_text(encoding="utf-8"))
    OAS31Validator({"$ref": "#/components/schemas/CompareResult", "components": spec["components"]}).validate(body)
    for check in body["checks"]:
        assert all(path.startswith(("previous.", "current.")) for path in check["paths"])
        assert set(check["values"]) <= set(check["paths"])


def test_carried_forward_paths_name_both_sides(client, hongze_2022, hongze_2023):
    """Needs the rules."""
    body = ok(compare(client, {"text": hongze_2022}, {"text": hongze_2023}))
    paths = {path for check in checks_of(body, "continuity.carried_forward") for path in check["paths"]}
    assert "previous.tables.applications.rows.carried_forward.total" in paths
    assert any(path.startswith("current.tables.applications.") for path in paths)


def test_years_in_the_wrong_order(client, hongze_2022, hongze_2023):
    """Needs the rules."""
    body = ok(compare(client, {"text": hongze_2023}, {"text": hongze_2022}))
    assert statuses(body, "continuity.consecutive_years") == {"fail"}


def test_another_body(client, hongze_2022, hongze_2023):
    """Needs the rules: the same report under another body's name."""
    other = hongze_2022.replace("洪泽区人民政府", "淮阴区人民政府")
    body = ok(compare(client, {"text": other}, {"text": hongze_2023}))
    assert body["previous"]["organization"] == "淮阴区人民政府"
    assert statuses(body, "continuity.organization") == {"fail"}
    assert statuses(body, "continuity.consecutive_years") == {"pass"}


@pytest.mark.parametrize("query", ["", "?only_failures=true"])
def test_a_side_given_as_an_earlier_parse_response(client, hongze_2022, hongze_2023, query):
    parsed = client.post("/parse" + query, data=hongze_2022.encode("utf-8"), content_type="text/plain")
    assert parsed.status_code == 200
    from_response = ok(compare(client, parsed.get_json(), {"text": hongze_2023}))
    from_text = ok(compare(client, {"text": hongze_2022}, {"text": hongze_2023}))
    assert from_response == from_text


def test_both_sides_given_as_parse_responses(client):
    previous, current = (client.post("/parse", data=corpus_text(corpus_doc_named(name)).encode("utf-8"),
                                     content_type="text/plain").get_json()
                         for name in ("pingtan-2019", "pingtan-2021"))
    body = ok(compare(client, previous, current))
    assert body["previous"] == {key: previous["report"][key] for key in METADATA_KEYS}
    assert statuses(body, "continuity.consecutive_years") == {"fail"}  # needs the rules


def test_only_failures(client, hongze_2022, hongze_2023):
    everything = ok(compare(client, {"text": hongze_2022}, {"text": hongze_2023}))
    failures = ok(compare(client, {"text": hongze_2022}, {"text": hongze_2023}, "?only_failures=true"))
    assert failures["checks"] == [check for check in everything["checks"] if check["status"] == "fail"]
    assert (failures["previous"], failures["current"]) == (everything["previous"], everything["current"])


def test_every_corpus_document_against_itself(client, corpus_doc):
    text = corpus_text(corpus_doc)
    body = ok(compare(client, {"text": text}, {"text": text}))
    assert CompareResultSchema().load(body) == body


# --- 400 -------------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [b'{"previous": ', b"{previous: 1}", b"NaN", b'{"previous": {"text": "\\ud800"}}'])
def test_invalid_json(client, assert_problem, data):
    assert_problem(client.post("/compare", data=data, content_type="application/json"), 400, "invalid-json")


def test_empty_body(client, assert_problem):
    assert_problem(client.post("/compare", data=b"", content_type="application/json"), 400, "empty-body")


def test_invalid_utf8(client, assert_problem):
    response = client.post("/compare", data=b'{"previous": {"text": "\xff"}}', content_type="application/json")
    assert_problem(response, 400, "invalid-encoding")


# --- 406, 405 --------------------------------------------------------------------------------

def test_accept_excluding_json(client, assert_problem):
    response = client.post("/compare", json={"previous": {"text": MARKER}, "current": {"text": MARKER}},
                           headers={"Accept": "text/html"})
    assert_problem(response, 406, "not-acceptable")


def test_get_is_not_allowed(client, assert_problem):
    response = client.get("/compare")
    assert_problem(response, 405, "method-not-allowed")
    assert "POST" in response.headers["Allow"]


# --- 413 -------------------------------------------------------------------------------------

def limited_client(limit):
    return create_app({"TESTING": True, "MAX_CONTENT_LENGTH": limit}).test_client()


def test_the_whole_body_counts_against_the_limit(assert_problem, hongze_2022, hongze_2023):
    data = json.dumps({"previous": {"text": hongze_2022}, "current": {"text": hongze_2023}},
                      ensure_ascii=False).encode("utf-8")
    one_side = len(json.dumps({"text": hongze_2023}, ensure_ascii=False).encode("utf-8"))
    assert one_side < len(data) - 1
    client = limited_client(len(data) - 1)
    body = assert_problem(client.post("/compare", data=data, content_type="application/json"), 413,
                          "payload-too-large")
    assert str(len(data) - 1) in body["detail"]
    assert ok(limited_client(len(data)).post("/compare", data=data, content_type="application/json"))


def test_a_streamed_body_over_the_limit(assert_problem):
    client = limited_client(64)
    response = client.post("/compare", input_stream=io.BytesIO(b'{"previous": "' + b"a" * 640 + b'"}'),
                           content_type="application/json", environ_overrides={"wsgi.input_terminated": True})
    assert_problem(response, 413, "payload-too-large")


# --- 415 -------------------------------------------------------------------------------------

@pytest.mark.parametrize("content_type", ["text/plain", "text/plain; charset=utf-8", "application/xml",
                                          "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                                          None])
def test_only_json_is_accepted(client, assert_problem, content_type):
    data = json.dumps({"previous": {"text": MARKER}, "current": {"text": MARKER}}).encode()
    body = assert_problem(client.post("/compare", data=data, content_type=content_type), 415,
                          "unsupported-media-type")
    assert "application/json" in body["detail"]


# --- 422 validation-error ----------------------------------------------------------------------

NEITHER_FORM = 'Expected {"text": "..."} or an earlier /parse response.'


@pytest.mark.parametrize("side", ["text", 12, None, [], [{"text": "x"}], {}, {"unrelated": 1}])
def test_a_side_that_is_neither_form(client, assert_problem, hongze_2023, side):
    body = assert_problem(compare(client, {"text": hongze_2023}, side), 422, "validation-error")
    assert body["errors"] == [{"pointer": "/current", "detail": NEITHER_FORM if side is not None
                               else "Field may not be null."}]


@pytest.mark.parametrize("side, pointer", [
    ({"text": ""}, "/previous/text"),
    ({"text": 12}, "/previous/text"),
    ({"text": "x", "report": {}}, "/previous/report"),
])
def test_a_text_side_that_does_not_match(client, assert_problem, hongze_2023, side, pointer):
    body = assert_problem(compare(client, side, {"text": hongze_2023}), 422, "validation-error")
    assert [error["pointer"] for error in body["errors"]] == [pointer]


def test_a_broken_parse_response_gets_pointers_into_it(client, assert_problem, hongze_2022, hongze_2023):
    previous = client.post("/parse", json={"text": hongze_2022}).get_json()
    previous["tables"]["applications"]["rows"]["new_received"]["total"] = "21"
    previous["checks"][0]["status"] = "maybe"
    del previous["report"]["year"]
    previous["extra"] = 1
    body = assert_problem(compare(client, previous, {"text": hongze_2023}), 422, "validation-error")
    assert {error["pointer"] for error in body["errors"]} == {
        "/previous/tables/applications/rows/new_received/total", "/previous/checks/0/status",
        "/previous/report/year", "/previous/extra"}


def test_an_out_of_range_cell_is_refused(client, assert_problem, hongze_2022, hongze_2023):
    """Cells are I-JSON integers: sums of them must not overflow the encoder."""
    previous = client.post("/parse", json={"text": hongze_2022}).get_json()
    previous["tables"]["applications"]["rows"]["carried_forward"]["total"] = 2 ** 63
    body = assert_problem(compare(client, previous, {"text": hongze_2023}), 422, "validation-error")
    assert [e["pointer"] for e in body["errors"]] == ["/previous/tables/applications/rows/carried_forward/total"]


@pytest.mark.parametrize("payload, pointers", [
    ({}, ["/previous", "/current"]),
    ({"previous": {"text": "x"}}, ["/current"]),
    ({"previous": {"text": "x"}, "current": {"text": "x"}, "more": 1}, ["/more"]),
    ([], [""]),
    ("text", [""]),
])
def test_a_body_of_the_wrong_shape(client, assert_problem, payload, pointers):
    body = assert_problem(client.post("/compare", json=payload), 422, "validation-error")
    assert sorted(error["pointer"] for error in body["errors"]) == sorted(pointers)


def test_an_invalid_only_failures(client, assert_problem, hongze_2022, hongze_2023):
    body = assert_problem(compare(client, {"text": hongze_2022}, {"text": hongze_2023}, "?only_failures=maybe"),
                          422, "validation-error")
    assert body["errors"] == [{"parameter": "only_failures", "detail": "Not a valid boolean."}]


# --- 422 not-a-report ------------------------------------------------------------------------

@pytest.mark.parametrize("which", ["previous", "current"])
def test_one_side_is_not_a_report(client, assert_problem, hongze_2023, which):
    sides = {"previous": {"text": hongze_2023}, "current": {"text": hongze_2023}, which: {"text": NEWS_PARAGRAPH}}
    body = assert_problem(client.post("/compare", json=sides), 422, "not-a-report")
    assert f"The {which} side is not a report" in body["detail"]
    assert [error["pointer"] for error in body["errors"]] == [f"/{which}"]


def test_both_sides_are_not_reports(client, assert_problem):
    body = assert_problem(compare(client, {"text": NEWS_PARAGRAPH}, {"text": "hello"}), 422, "not-a-report")
    assert "Both sides" in body["detail"]
    assert [error["pointer"] for error in body["errors"]] == ["/previous", "/current"]


def test_a_parse_result_of_nothing_is_not_a_report(client, assert_problem, hongze_2023):
    """A side shaped like a parse result but with nothing of a report in it."""
    from service.documents import parse_report

    empty = parse_report("hello world")
    body = assert_problem(compare(client, {"text": hongze_2023}, empty), 422, "not-a-report")
    assert [error["pointer"] for error in body["errors"]] == ["/current"]


# --- 500 -------------------------------------------------------------------------------------

def test_unexpected_error_is_a_generic_500(client, assert_problem, monkeypatch, hongze_2022, hongze_2023):
    def broken(previous, current):
        raise RuntimeError("compare bug")

    monkeypatch.setattr("service.http.compare.compare_results", broken)
    response = compare(client, {"text": hongze_2022}, {"text": hongze_2023})
    assert_problem(response, 500, "internal-error")
    assert "compare bug" not in response.get_data(as_text=True)
