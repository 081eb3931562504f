"""openapi.yaml is the spec generated from the code, valid, and what /openapi.json serves."""

import io
import warnings
from pathlib import Path

import yaml
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

from service.app import create_app
from service.http.api import PROBLEM_RESPONSES
from service.http.contract import FIELDS
from service.http.openapi_export import openapi_document
from service.formats import DOCX
from service.http.problems import PROBLEM_MEDIA_TYPE, ProblemType

OPENAPI_FILE = Path(__file__).resolve().parents[2] / "openapi.yaml"
REGENERATE = "Regenerate it with `python scripts/write_openapi.py` and commit openapi.yaml."


def committed_spec():
    return yaml.safe_load(OPENAPI_FILE.read_text(encoding="utf-8"))


def test_committed_spec_is_up_to_date(app):
    assert openapi_document(app) == committed_spec(), f"openapi.yaml is stale. {REGENERATE}"


def test_committed_spec_is_valid():
    validate(committed_spec())


def test_openapi_json_equals_committed_spec(client):
    assert client.get("/openapi.json").get_json() == committed_spec(), f"openapi.yaml is stale. {REGENERATE}"


def test_component_names_are_unique():
    """apispec renames a schema whose name is taken (with a warning): names would then drift."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        openapi_document(create_app({"TESTING": True}))


def test_parse_documents_every_request_body():
    body = committed_spec()["paths"]["/parse"]["post"]["requestBody"]["content"]
    assert list(body) == ["text/plain", "text/html", DOCX, "application/pdf", "application/json", "multipart/form-data"]
    assert body["text/plain"]["schema"]["type"] == "string"
    assert body["text/html"]["schema"]["type"] == "string"
    assert (body[DOCX]["schema"]["type"], body[DOCX]["schema"]["format"]) == ("string", "binary")
    assert body["application/pdf"]["schema"]["format"] == "binary"
    assert body["application/json"]["schema"] == {"$ref": "#/components/schemas/ParseRequest"}
    upload = body["multipart/form-data"]
    assert upload["schema"]["required"] == ["file"]
    assert upload["schema"]["properties"]["file"]["format"] == "binary"
    assert DOCX in upload["encoding"]["file"]["contentType"] and "application/pdf" in upload["encoding"]["file"]["contentType"]


def test_parse_results_document_their_input():
    schemas = committed_spec()["components"]["schemas"]
    assert "input" in schemas["ParseResult"]["required"]
    assert schemas["ParseResult"]["properties"]["input"]["$ref"] == "#/components/schemas/Input"
    media_type = schemas["Input"]["properties"]["media_type"]
    assert media_type["enum"] == ["text/plain", "text/html", DOCX, "application/pdf", "application/json"]
    assert set(schemas["Input"]["required"]) == {"media_type", "encoding", "filename"}
    for field in ("encoding", "filename"):
        assert schemas["Input"]["properties"][field]["type"] == ["string", "null"]


def test_invalid_document_is_documented_on_parse_only():
    spec = committed_spec()
    parse_422 = spec["paths"]["/parse"]["post"]["responses"]["422"]["$ref"].rsplit("/", 1)[1]
    compare_422 = spec["paths"]["/compare"]["post"]["responses"]["422"]["$ref"].rsplit("/", 1)[1]
    examples = spec["components"]["responses"]
    for slug in ("invalid-document", "pdf-encrypted", "pdf-no-text", "pdf-too-costly"):
        assert slug in examples[parse_422]["content"][PROBLEM_MEDIA_TYPE]["examples"]
    assert "invalid-document" not in examples[compare_422]["content"][PROBLEM_MEDIA_TYPE]["examples"]


def test_parse_documents_every_problem_response():
    spec = committed_spec()
    responses = spec["paths"]["/parse"]["post"]["responses"]
    for status in ("400", "406", "408", "413", "415", "422"):
        name = responses[status]["$ref"].rsplit("/", 1)[1]
        content = spec["components"]["responses"][name]["content"]
        assert content[PROBLEM_MEDIA_TYPE]["schema"] == {"$ref": "#/components/schemas/Problem"}
    documented = {t for types in PROBLEM_RESPONSES.values() for t in types}
    assert documented == set(ProblemType)


def test_every_row_and_column_of_the_contract_is_in_the_spec():
    schemas = committed_spec()["components"]["schemas"]
    active = FIELDS["tables"]["active_disclosure"]["rows"]
    assert list(schemas["ActiveDisclosureRows"]["properties"]) == list(active)
    for row, row_spec in active.items():
        row_schema = schemas["ActiveDisclosureRows"]["properties"][row]["$ref"].rsplit("/", 1)[1]
        columns = {c for cols in row_spec["columns"].values() for c in cols}
        assert set(schemas[row_schema]["properties"]) == columns
    for table, name in (("applications", "Applications"), ("reviews_and_lawsuits", "ReviewsAndLawsuits")):
        assert list(schemas[f"{name}Rows"]["properties"]) == list(FIELDS["tables"][table]["rows"])
        assert list(schemas[f"{name}Row"]["properties"]) == list(FIELDS["tables"][table]["columns"])


def schema_validator(component):
    spec = committed_spec()
    return OAS31Validator({"$ref": f"#/components/schemas/{component}", "components": spec["components"]})


def test_problem_bodies_match_the_spec(client):
    validator = schema_validator("Problem")
    responses = [
        client.post("/parse", data=b"", content_type="text/plain"),
        client.post("/parse", data=b"x", content_type="application/xml"),
        client.post("/parse", data=b"{", content_type="application/json"),
        client.post("/parse", json={"text": ""}),
        client.post("/parse", data=b"hello world", content_type="text/plain"),
        client.get("/nowhere"),
        client.get("/parse"),
        client.post("/parse", data=b"PK\x03\x04", content_type=DOCX),
        client.post("/parse", data={"other": (io.BytesIO(b"x"), "x.txt")}, content_type="multipart/form-data"),
        client.post("/parse", data=b"<p>x</p>" * 10, content_type="text/html; charset=klingon"),
    ]
    for response in responses:
        assert response.mimetype == PROBLEM_MEDIA_TYPE
        validator.validate(response.get_json(force=True))


def test_meta_bodies_match_the_spec(client):
    schema_validator("Health").validate(client.get("/health").get_json())
    schema_validator("Version").validate(client.get("/version").get_json())


def test_parse_results_match_the_spec(client, corpus_doc):
    response = client.post("/parse", data=(corpus_doc / "input.txt").read_bytes(),
                           content_type="text/plain; charset=utf-8")
    assert response.status_code == 200
    schema_validator("ParseResult").validate(response.get_json())


# --- checks and /compare -----------------------------------------------------------------------

def test_check_enums_are_the_registry():
    from service.checks.registry import RULE_IDS, RULES, SEVERITIES, STATUSES

    check = committed_spec()["components"]["schemas"]["Check"]["properties"]
    assert check["rule"]["enum"] == list(RULE_IDS)
    assert check["status"]["enum"] == list(STATUSES)
    assert check["severity"]["enum"] == [*SEVERITIES, None]
    for rule, (severity, english, chinese) in RULES.items():
        assert f"`{rule}`: ({severity}) {english} / {chinese}" in check["rule"]["description"]
    for status in STATUSES:
        assert f"`{status}`" in check["status"]["description"]


def test_every_field_of_a_check_is_described():
    schemas = committed_spec()["components"]["schemas"]
    for name in ("Check", "CheckMessage", "CheckExcerpt", "ReportMetadata", "CompareResult", "CompareRequest"):
        for field, prop in schemas[name]["properties"].items():
            assert prop.get("description"), f"{name}.{field} has no description"


def test_parse_results_carry_checks():
    result = committed_spec()["components"]["schemas"]["ParseResult"]
    assert "checks" in result["required"]
    assert result["properties"]["checks"]["items"] == {"$ref": "#/components/schemas/Check"}


def test_only_failures_is_documented_on_both_endpoints():
    for path in ("/parse", "/compare"):
        [parameter] = committed_spec()["paths"][path]["post"]["parameters"]
        assert parameter["in"] == "query" and parameter["name"] == "only_failures"
        assert parameter["schema"] == {"type": "boolean", "default": False}
        assert parameter["description"]


def test_compare_is_documented_like_parse():
    spec = committed_spec()
    operation = spec["paths"]["/compare"]["post"]
    assert operation["requestBody"]["content"] == {
        "application/json": {"schema": {"$ref": "#/components/schemas/CompareRequest"}}}
    assert operation["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/CompareResult"}
    for status in ("400", "406", "408", "413", "415", "422"):
        name = operation["responses"][status]["$ref"].rsplit("/", 1)[1]
        assert spec["components"]["responses"][name]["content"][PROBLEM_MEDIA_TYPE]["schema"] == {
            "$ref": "#/components/schemas/Problem"}
    assert operation["responses"]["415"] == {"$ref": "#/components/responses/JsonOnlyMediaTypeProblem"}
    sides = spec["components"]["schemas"]["CompareRequest"]["properties"]
    for side in ("previous", "current"):
        assert sides[side]["oneOf"] == [{"$ref": "#/components/schemas/ParseRequest"},
                                        {"$ref": "#/components/schemas/ParseResult"}]


def test_compare_problem_bodies_match_the_spec(client):
    validator = schema_validator("Problem")
    responses = [
        client.post("/compare", data=b"", content_type="application/json"),
        client.post("/compare", data=b"{", content_type="application/json"),
        client.post("/compare", data=b"x", content_type="text/plain"),
        client.post("/compare", json={"previous": {}, "current": {"text": "x"}}),
        client.post("/compare", json={"previous": {"text": "hello"}, "current": {"text": "world"}}),
        client.post("/compare?only_failures=maybe", json={}),
        client.get("/compare"),
    ]
    for response in responses:
        assert response.mimetype == PROBLEM_MEDIA_TYPE
        validator.validate(response.get_json(force=True))


def test_results_of_every_body_kind_match_the_spec(client, sample_report):
    """text/plain (detected GBK), JSON, a multipart upload and an HTML page: each result, with its
    `input`, is a ParseResult of the spec."""
    from conftest import CORPUS_DIRS

    text, _ = sample_report
    validator = schema_validator("ParseResult")
    responses = [
        client.post("/parse", data=text.encode("gb18030"), content_type="text/plain"),
        client.post("/parse", json={"text": text}),
        client.post("/parse", data={"file": (io.BytesIO(text.encode("utf-16")), "报告.txt")},
                    content_type="multipart/form-data"),
    ]
    pages = [doc / "source.html" for doc in CORPUS_DIRS if (doc / "source.html").is_file()][:1]
    responses += [client.post("/parse", data=page.read_bytes(), content_type="text/html") for page in pages]
    for response in responses:
        assert response.status_code == 200, response.get_data(as_text=True)[:300]
        validator.validate(response.get_json())
