"""`checks` in POST /parse responses and the `only_failures` query option."""

import pytest

from conftest import CORPUS_DIRS, corpus_doc_named, corpus_text
from service.checks.registry import RULE_IDS, RULES
from service.http.schemas import CheckSchema

CHECKS = CheckSchema(many=True)


@pytest.fixture(scope="module")
def hongze_text():
    """hongze-2023: its review table says 维持 10 + 纠正 1 but 总计 0 (see its gold.json notes)."""
    return corpus_text(corpus_doc_named("hongze-2023"))


def parse(client, text, query=""):
    response = client.post("/parse" + query, data=text.encode("utf-8"), content_type="text/plain; charset=utf-8")
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_json()


def test_every_response_carries_checks_of_the_documented_shape(client, corpus_doc):
    checks = parse(client, corpus_text(corpus_doc))["checks"]
    assert isinstance(checks, list)
    assert CHECKS.load(checks) == checks
    for check in checks:
        assert not any(path.startswith(("previous.", "current.")) for path in check["paths"])


def test_hongze_review_totals_fail(client, hongze_text):
    """Needs the rules: reviews.row_total fails on the review row (10 + 1 + 0 + 0 ≠ 0)."""
    checks = parse(client, hongze_text)["checks"]
    failures = [c for c in checks if c["rule"] == "reviews.row_total" and c["status"] == "fail"]
    assert failures
    review = next(c for c in failures if "tables.reviews_and_lawsuits.rows.review.total" in c["paths"])
    assert review["severity"] == RULES["reviews.row_total"][0] == "error"
    assert (review["expected"], review["actual"]) == (11, 0)
    assert review["values"]["tables.reviews_and_lawsuits.rows.review.total"] == 0
    assert review["lines"] and review["message"]["zh"] and review["message"]["en"]


def test_checks_never_change_a_cell(client, hongze_text):
    """The reported total stays 0: a check reports, it does not repair."""
    body = parse(client, hongze_text)
    assert body["tables"]["reviews_and_lawsuits"]["rows"]["review"]["total"] == 0


@pytest.mark.parametrize("value", ["true", "1", "True", "yes"])
def test_only_failures_keeps_only_failures(client, hongze_text, value):
    everything = parse(client, hongze_text)["checks"]
    failures = parse(client, hongze_text, f"?only_failures={value}")["checks"]
    assert all(check["status"] == "fail" for check in failures)
    assert failures == [check for check in everything if check["status"] == "fail"]
    assert any(c["rule"] == "reviews.row_total" and c["status"] == "fail" for c in failures)  # needs the rules


def test_without_only_failures_every_status_comes_back(client, hongze_text):
    """Needs the rules: passing checks are listed too."""
    statuses = {check["status"] for check in parse(client, hongze_text)["checks"]}
    assert {"pass", "fail"} <= statuses


@pytest.mark.parametrize("query", ["", "?only_failures=false", "?only_failures=0", "?unrelated=1"])
def test_default_and_false_give_every_check(client, hongze_text, query):
    assert parse(client, hongze_text, query)["checks"] == parse(client, hongze_text)["checks"]


def test_only_failures_leaves_the_rest_of_the_result_alone(client, hongze_text):
    everything = parse(client, hongze_text)
    failures = parse(client, hongze_text, "?only_failures=true")
    assert {k: v for k, v in failures.items() if k != "checks"} == {k: v for k, v in everything.items() if k != "checks"}


def test_only_failures_with_a_json_body(client, hongze_text):
    response = client.post("/parse?only_failures=true", json={"text": hongze_text})
    assert response.status_code == 200
    assert response.get_json()["checks"] == parse(client, hongze_text, "?only_failures=true")["checks"]


def test_only_failures_on_every_corpus_document(client, corpus_doc):
    text = corpus_text(corpus_doc)
    failures = parse(client, text, "?only_failures=true")["checks"]
    assert all(check["status"] == "fail" and check["severity"] for check in failures)
    assert failures == [check for check in parse(client, text)["checks"] if check["status"] == "fail"]


@pytest.mark.parametrize("value", ["maybe", "", "2", "truee"])
def test_an_invalid_only_failures_is_a_validation_error(client, assert_problem, hongze_text, value):
    response = client.post(f"/parse?only_failures={value}", data=hongze_text.encode("utf-8"),
                           content_type="text/plain")
    body = assert_problem(response, 422, "validation-error", submitted=None)
    assert body["errors"] == [{"parameter": "only_failures", "detail": "Not a valid boolean."}]


def test_every_rule_id_is_known(client, corpus_doc):
    for check in parse(client, corpus_text(corpus_doc))["checks"]:
        assert check["rule"] in RULE_IDS


# --- over-long figures once gave server errors: digit runs longer than any real figure are not read

NARRATIVE_FIGURE = "受理政府信息公开申请 21 件"


def test_a_narrative_figure_of_5000_digits_is_no_server_error(client, hongze_text):
    assert NARRATIVE_FIGURE in hongze_text
    text = hongze_text.replace(NARRATIVE_FIGURE, f"受理政府信息公开申请 {'1' * 5000} 件")
    response = client.post("/parse", data=text.encode("utf-8"), content_type="text/plain")
    assert response.status_code < 500


def test_a_narrative_figure_beyond_64_bits_is_no_server_error(client, hongze_text):
    text = hongze_text.replace(NARRATIVE_FIGURE, f"受理政府信息公开申请 {'1' * 30} 件")
    response = client.post("/parse", data=text.encode("utf-8"), content_type="text/plain")
    assert response.status_code < 500


def test_a_table_cell_beyond_64_bits_is_no_server_error(client):
    lines = corpus_text(corpus_doc_named("seed-004")).splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("一、 本年新收政府信息公开申请数量"))
    lines[row] = "一、 本年新收政府信息公开申请数量\t" + "\t".join(["9" * 22] + ["0"] * 6)
    response = client.post("/parse", data="\n".join(lines).encode("utf-8"), content_type="text/plain")
    assert response.status_code < 500
