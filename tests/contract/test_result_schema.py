"""ParseResultSchema names every field of a result, and loading validates a whole response.

The request path only dumps through the schema; the full validation (load) happens here.
"""

import pytest
from marshmallow import fields

from conftest import corpus_text
from service.http.contract import FIELDS, SECTION_KINDS, TABLE_NAMES
from service.http.schemas import ParseResultSchema, SectionSchema, TablesSchema, WarningSchema
from service.http.table_schemas import TABLE_SCHEMAS
from service.documents import parse_report
from service.parsing.codes import WarningCode

RESULT_SCHEMA = ParseResultSchema()
# What the HTTP layer adds to the parser's result (schema 1.2).
TEXT_INPUT = {"media_type": "text/plain", "encoding": "utf-8", "filename": None}


def as_response(result):
    return {**result, "input": TEXT_INPUT}


def test_a_200_response_loads_through_the_result_schema(client, corpus_doc):
    response = client.post("/parse", data=corpus_text(corpus_doc).encode("utf-8"),
                           content_type="text/plain; charset=utf-8")
    assert response.status_code == 200
    body = response.get_json()
    assert RESULT_SCHEMA.load(body) == body


def test_dumping_a_result_loses_nothing(corpus_doc):
    result = as_response(parse_report(corpus_text(corpus_doc)))
    assert RESULT_SCHEMA.dump(result) == result
    assert RESULT_SCHEMA.load(result) == result


@pytest.mark.parametrize("text", ["", "hello world", "一、总体情况\n二、主动公开政府信息情况"])
def test_results_of_non_reports_fit_the_schema(text):
    result = as_response(parse_report(text))
    assert RESULT_SCHEMA.load(RESULT_SCHEMA.dump(result)) == result


def test_a_result_needs_its_input():
    from marshmallow import ValidationError

    with pytest.raises(ValidationError) as caught:
        RESULT_SCHEMA.load(parse_report("hello world"))
    assert "input" in caught.value.messages


@pytest.mark.parametrize("changes, field", [
    ({"media_type": "application/zip"}, "media_type"),
    ({"media_type": None}, "media_type"),
    ({"encoding": 8}, "encoding"),
    ({"filename": ["a"]}, "filename"),
])
def test_a_malformed_input_is_refused(changes, field):
    from marshmallow import ValidationError

    with pytest.raises(ValidationError) as caught:
        RESULT_SCHEMA.load({**as_response(parse_report("hello world")), "input": {**TEXT_INPUT, **changes}})
    assert field in caught.value.messages["input"]


def test_tables_match_the_contract():
    assert list(TablesSchema().fields) == TABLE_NAMES == list(TABLE_SCHEMAS)


def rows_schema(table):
    return TABLE_SCHEMAS[table]().fields["rows"].schema


def test_active_disclosure_rows_have_every_column_of_either_template():
    rows = rows_schema("active_disclosure").fields
    contract = FIELDS["tables"]["active_disclosure"]["rows"]
    assert list(rows) == list(contract)
    for row, spec in contract.items():
        columns = rows[row].schema.fields
        assert set(columns) == {c for cols in spec["columns"].values() for c in cols}
        for name, field in columns.items():
            assert isinstance(field, fields.Float if name == "amount" else fields.Integer)
            assert field.allow_none
            assert field.metadata["description"]


@pytest.mark.parametrize("table", ["applications", "reviews_and_lawsuits"])
def test_uniform_tables_name_every_row_and_column(table):
    rows = rows_schema(table).fields
    assert list(rows) == list(FIELDS["tables"][table]["rows"])
    for row in rows.values():
        assert list(row.schema.fields) == list(FIELDS["tables"][table]["columns"])


def test_enums_follow_the_contract_and_the_codes():
    kind = SectionSchema().fields["kind"]
    assert list(kind.validators[0].choices) == SECTION_KINDS and kind.allow_none
    code = WarningSchema().fields["code"]
    assert set(code.validators[0].choices) == {c.value for c in WarningCode}


# --- checks ----------------------------------------------------------------------------------

def test_check_enums_follow_the_registry():
    from service.checks.registry import RULE_IDS, SEVERITIES, STATUSES
    from service.http.schemas import CheckSchema

    check = CheckSchema().fields
    assert list(check["rule"].validators[0].choices) == list(RULE_IDS)
    assert list(check["status"].validators[0].choices) == list(STATUSES)
    assert list(check["severity"].validators[0].choices) == list(SEVERITIES) and check["severity"].allow_none
    assert RESULT_SCHEMA.fields["checks"].required


def a_check(**changes):
    check = {"rule": "reviews.row_total", "status": "fail", "severity": "error",
             "message": {"zh": "总计不符", "en": "total differs"},
             "paths": ["tables.reviews_and_lawsuits.rows.review.total"],
             "values": {"tables.reviews_and_lawsuits.rows.review.total": 0}, "expected": 11, "actual": 0,
             "lines": [149], "excerpts": [{"text": "…", "line": 3}]}
    return {**check, **changes}


def test_numbers_in_a_check_keep_their_type():
    from service.http.schemas import CheckSchema

    check = a_check(values={"a": 1, "b": 2.5, "c": None}, expected=3.5, actual=3)
    dumped = CheckSchema().dump(check)
    assert dumped == check
    assert type(dumped["actual"]) is int and type(dumped["values"]["b"]) is float
    assert CheckSchema().load(check) == check


@pytest.mark.parametrize("changes, field", [
    ({"rule": "no.such_rule"}, "rule"),
    ({"status": "ok"}, "status"),
    ({"severity": None}, "severity"),                        # a failure without its severity
    ({"severity": "info"}, "severity"),                      # not the rule's severity
    ({"status": "pass"}, "severity"),                        # a pass with a severity
    ({"expected": True}, "expected"),
    ({"actual": "0"}, "actual"),
    ({"values": {"a": "1"}}, "values"),
    ({"lines": [0]}, "lines"),
    ({"excerpts": [{"text": "…"}]}, "excerpts"),
    ({"message": {"zh": "…"}}, "message"),
])
def test_a_malformed_check_is_refused(changes, field):
    from marshmallow import ValidationError

    from service.http.schemas import CheckSchema

    with pytest.raises(ValidationError) as caught:
        CheckSchema().load(a_check(**changes))
    assert field in caught.value.messages


def test_a_pass_has_no_severity():
    from service.http.schemas import CheckSchema

    check = a_check(status="pass", severity=None)
    assert CheckSchema().load(check) == check
