"""The compiled dump (service/http/schema_dump.py) is ParseResultSchema's dump: the same JSON
bytes for every corpus document, for parses of generated texts and for generated variations of
real results (keys missing or unknown, counts as floats, amounts as ints, nulls, bytes). And the
run-time validation (VALIDATE_RESPONSES) turns a result the schema does not describe into a 500.
"""

import copy
import re
from decimal import Decimal

import orjson
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from marshmallow import Schema, fields, post_dump

from conftest import CORPUS_DIRS, corpus_text
from service.documents import parse_submission, text_document
from service.http import result_json, result_validation
from service.http.result_json import dump_result, json_default
from service.http.result_validation import RESULT_SCHEMA
from service.http.schema_dump import compile_dump
from service.parsing import parse_report

TABLE_WORDS = st.sampled_from([
    "一、", "二、", "三、", "四、", "（一）", "第二十条第（一）项", "信息内容", "本年新制作数量", "规章",
    "本年新收政府信息公开申请数量", "（七）总计", "行政复议", "结果维持", "0", "12", "/", "—", "|", "\t", "\n",
    " ", "2021年", "政府信息公开工作年度报告", "总体情况", "其他需要报告的事项", "134.2 万元", "元", "7.5",
    "予以公开", "结转下年度继续办理", "自然人", "总计",
])


# A string where an object belongs: both dumps read an attribute of it as marshmallow does
# (getattr), and a string's `title` is a bound method whose text names its address, which differs
# from one call to the next. The address is not compared.
ADDRESS = re.compile(rb" at 0x[0-9a-f]+>")


def both(result):
    """(compiled bytes, marshmallow bytes), or "error" where one raised (a value no dump can take,
    such as a number where an object belongs: both must refuse it)."""
    answers = []
    for dump in (dump_result, RESULT_SCHEMA.dump):
        try:
            answers.append(ADDRESS.sub(b">", orjson.dumps(dump(result), default=json_default)))
        except (TypeError, AttributeError, ValueError, orjson.JSONEncodeError):
            answers.append("error")
    return answers


def corpus_results():
    return {doc.name: parse_submission(text_document(corpus_text(doc))) for doc in CORPUS_DIRS}


RESULTS = corpus_results() if CORPUS_DIRS else {}


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_corpus_results_dump_to_the_same_bytes(name):
    compiled, reference = both(RESULTS[name])
    assert compiled == reference and isinstance(compiled, bytes)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TABLE_WORDS, max_size=150).map("".join))
def test_parses_of_generated_texts_dump_to_the_same_bytes(text):
    result = {**parse_report(text), "input": {"media_type": "text/plain", "encoding": "utf-8", "filename": None}}
    compiled, reference = both(result)
    assert compiled == reference


ODD_VALUES = st.one_of(st.none(), st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False),
                       st.text(max_size=5), st.booleans(), st.binary(max_size=4).filter(lambda b: _decodes(b)),
                       st.just(Decimal("7730.28")), st.lists(st.integers(), max_size=3))


def _decodes(data):
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _containers(value, path=()):
    """Every (path, dict) inside a result."""
    if isinstance(value, dict):
        yield path, value
        for key, item in value.items():
            yield from _containers(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _containers(item, (*path, index))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_variations_of_real_results_dump_to_the_same_bytes(data):
    if not RESULTS:
        pytest.skip("no corpus")
    result = copy.deepcopy(RESULTS[data.draw(st.sampled_from(sorted(RESULTS)))])
    containers = list(_containers(result))
    for _ in range(data.draw(st.integers(1, 12))):
        _, target = data.draw(st.sampled_from(containers))
        if not target:
            continue
        key = data.draw(st.sampled_from(sorted(target, key=str)))
        action = data.draw(st.sampled_from(["delete", "replace", "unknown key"]))
        if action == "delete":
            del target[key]
        elif action == "replace":
            target[key] = data.draw(ODD_VALUES)
        else:
            target[data.draw(st.text(min_size=1, max_size=6))] = data.draw(ODD_VALUES)
        containers = list(_containers(result))
    compiled, reference = both(result)
    assert compiled == reference


def test_what_is_not_compiled_is_refused():
    class WithHook(Schema):
        a = fields.String()

        @post_dump
        def hook(self, data, **kwargs):
            return data

    class WithDecimal(Schema):
        a = fields.Decimal()

    class WithFunction(Schema):
        a = fields.Function(lambda obj: 1)

    for schema in (WithHook(), WithDecimal(), WithFunction()):
        with pytest.raises(TypeError):
            compile_dump(schema)


def test_the_committed_result_dump_is_what_the_schemas_give_now():
    # service/http/result_dump.py is generated (python scripts/write_result_dump.py): a schema
    # change must come with the file written again
    assert result_validation.RESULT_DUMP_FILE.read_text(encoding="utf-8") == result_validation.result_dump_source()


def test_a_field_named_as_a_dicts_own_attribute_is_read_as_marshmallow_reads_it():
    class WithValues(Schema):
        values = fields.Raw()
        n = fields.Integer()

    for obj in ({"values": [1], "n": 2}, {"n": 2.0}, {}):
        compiled, reference = compile_dump(WithValues())(obj), WithValues().dump(obj)
        assert compiled.keys() == reference.keys() and compiled.get("n") == reference.get("n")
        assert type(compiled.get("values")) is type(reference.get("values"))


def test_data_keys_attributes_and_missing_keys():
    class Inner(Schema):
        n = fields.Integer(data_key="N")

    class Outer(Schema):
        x = fields.Float(attribute="y")
        inner = fields.List(fields.Nested(Inner))
        d = fields.Dict(keys=fields.String(), values=fields.Nested(Inner))

    obj = {"y": 3, "inner": [{"n": 2.0}, {}], "d": {"k": {"n": True}}, "z": 1}
    assert compile_dump(Outer())(obj) == Outer().dump(obj) == {"x": 3.0, "inner": [{"N": 2}, {}], "d": {"k": {"N": 1}}}


@pytest.fixture
def report_text():
    if not CORPUS_DIRS:
        pytest.skip("no corpus")
    return corpus_text(CORPUS_DIRS[0])


@pytest.mark.parametrize("validate, status", [(True, 500), (False, 200)])
def test_validation_turns_a_result_the_schema_does_not_describe_into_a_500(monkeypatch, report_text, validate,
                                                                          status):
    import service.parsing_slots as slots
    from service.app import create_app

    real = slots.parse_submission

    def broken(submission, only_failures=False):
        result = real(submission, only_failures)
        result["warnings"].append({"code": "not-a-code", "message": "x", "table": None, "row": None,
                                   "column": None, "section": None, "line": 0})
        return result

    monkeypatch.setattr(slots, "parse_submission", broken)
    client = create_app({"TESTING": True, "PARSING_SLOTS": 0, "VALIDATE_RESPONSES": validate}).test_client()
    response = client.post("/parse", data=report_text.encode(), headers={"Content-Type": "text/plain; charset=utf-8"})
    assert response.status_code == status


def test_validation_catches_a_compiled_dump_that_differs(monkeypatch):
    if not RESULTS:
        pytest.skip("no corpus")
    result = next(iter(RESULTS.values()))
    monkeypatch.setattr(result_json, "dump_result", lambda result: {**RESULT_SCHEMA.dump(result), "extra": 1})
    with pytest.raises(result_validation.ResponseValidationError):
        result_validation.validated_result_json(result)


def test_the_hot_path_of_the_answer_does_not_import_marshmallow():
    # marshmallow's import costs about 40 ms (its Email validator's patterns): the command line
    # and the parsing slots' forkserver, which only need the compiled dump, must not pay for it
    import subprocess
    import sys

    probe = ("import importlib, sys\n"
             "from service.isolation import PRELOAD\n"
             "import service.cli\n"
             "service.cli.local_parser()\n"
             "for name in PRELOAD: importlib.import_module(name)\n"
             "print(sorted(name for name in sys.modules if name.split('.')[0] == 'marshmallow'))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
