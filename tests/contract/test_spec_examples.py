"""Every example in openapi.yaml (the Swagger UI's) validates against its schema, and the report
examples are the vendored real report and what the service answers for it now."""

from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import REPO_ROOT, corpus_doc_named, corpus_text
from service.http.spec_examples import REPORT, report_text

SPEC = yaml.safe_load((REPO_ROOT / "openapi.yaml").read_text(encoding="utf-8"))
METHODS = ("get", "post", "put", "patch", "delete")


def resolve(node):
    while isinstance(node, dict) and "$ref" in node:
        target = SPEC
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def media_examples():
    """(where, schema, example value) of every request and response example."""
    for path, operations in SPEC["paths"].items():
        for method in METHODS:
            operation = operations.get(method)
            if not operation:
                continue
            places = [("request", resolve(operation.get("requestBody", {})))]
            places += [(f"response {status}", resolve(response)) for status, response in operation["responses"].items()]
            for place, body in places:
                for media_type, media in (body.get("content") or {}).items():
                    where = f"{method.upper()} {path} {place} {media_type}"
                    if "example" in media:
                        yield where, media["schema"], media["example"]
                    for name, example in (media.get("examples") or {}).items():
                        yield f"{where} {name}", media["schema"], resolve(example)["value"]


EXAMPLES = list(media_examples())


def test_the_report_operations_have_real_examples():
    wheres = " ".join(where for where, _, _ in EXAMPLES)
    for expected in ("POST /parse request text/plain", "POST /parse request application/json",
                     "POST /parse response 200 application/json", "POST /parse/batch request application/json",
                     "POST /parse/batch response 200 application/json"):
        assert expected in wheres, expected


@pytest.mark.parametrize("where, schema, value", EXAMPLES, ids=[where for where, _, _ in EXAMPLES])
def test_example_validates_against_its_schema(where, schema, value):
    validator = jsonschema.Draft202012Validator({**schema, "components": SPEC["components"]},
                                                format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(value)]
    assert not errors, errors[:5]


def test_no_invented_values():
    """The answer example is the real report's: its year and title, not Swagger's placeholders."""
    result = resolve({"$ref": "#/components/examples/ParseResult"})["value"]
    assert result["report"]["year"] == 2021 and "玉潭镇人民政府" in result["report"]["title"]
    assert result["tables"]["applications"] is not None


def test_the_vendored_report_is_the_corpus_document():
    assert report_text() == corpus_text(corpus_doc_named("seed-001"))
    assert Path(REPORT).parent.name == "example_reports"


def test_the_answer_example_is_what_the_service_answers(client):
    answer = client.post("/parse", data=report_text().encode("utf-8"), content_type="text/plain; charset=utf-8")
    assert answer.get_json() == resolve({"$ref": "#/components/examples/ParseResult"})["value"]
