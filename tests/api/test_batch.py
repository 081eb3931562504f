"""POST /parse/batch: many documents, one answer each, in order; a bad document never fails the
others; the limits of the whole request at their boundary; the CSV answer."""

import csv
import io
import json
import logging

import pytest
import requests
from urllib3 import encode_multipart_formdata

from conftest import CORPUS_DIRS, MARKER, corpus_doc_named, corpus_gold, corpus_text
from report_files import docx_from_text
from service.app import create_app
from service.formats import DOCX
from service.tabular import COLUMNS

BATCH = "/parse/batch"


def client_with(**config):
    return create_app({"TESTING": True, **config}).test_client()


def post_json(client, documents, **kwargs):
    return client.post(BATCH, data=json.dumps({"documents": documents}, ensure_ascii=False).encode("utf-8"),
                       content_type="application/json", **kwargs)


def multipart(files):
    """(body, content type) of a multipart body with one `file` part per (name, bytes, type)."""
    return encode_multipart_formdata([("file", (name, data, media_type)) for name, data, media_type in files])


def post_files(client, files, **kwargs):
    body, content_type = multipart(files)
    return client.post(BATCH, data=body, content_type=content_type, **kwargs)


@pytest.fixture(scope="module")
def hongze():
    return corpus_text(corpus_doc_named("hongze-2023"))


@pytest.fixture(scope="module")
def seed():
    return corpus_text(corpus_doc_named("seed-001"))


# --- mixed good and bad documents ----------------------------------------------------------------

def test_mixed_documents_are_answered_one_by_one_in_order(client, hongze, seed):
    documents = [
        {"id": "hongze", "text": hongze},
        {"id": "notes", "text": f"会议纪要 {MARKER}"},          # not a report
        {"id": "no-text"},                                      # invalid: no text
        "just a string",                                        # invalid: not an object
        {"id": "empty", "text": ""},                            # invalid: empty text
        {"text": seed},                                         # invalid: no id
        {"id": "seed", "text": seed},
    ]
    response = post_json(client, documents)
    assert response.status_code == 200
    body = response.get_json()
    items = body["documents"]
    assert [item["index"] for item in items] == list(range(len(documents)))
    assert [item["id"] for item in items] == ["hongze", "notes", "no-text", None, "empty", None, "seed"]
    assert [item["status"] for item in items] == [200, 422, 422, 422, 422, 422, 200]
    slugs = [item["problem"]["type"].rsplit("/", 1)[1] if "problem" in item else None for item in items]
    assert slugs == [None, "not-a-report", *["validation-error"] * 4, None]
    assert items[2]["problem"]["errors"] == [{"pointer": "/documents/2/text", "detail": "Missing data for required field."}]
    assert items[3]["problem"]["errors"][0]["pointer"] == "/documents/3"
    assert items[4]["problem"]["errors"][0]["pointer"] == "/documents/4/text"
    assert items[5]["problem"]["errors"][0]["pointer"] == "/documents/5/id"
    assert body["summary"] == {"documents": 7, "parsed": 2, "failed": 5}
    assert MARKER not in response.get_data(as_text=True)
    assert items[0]["result"]["report"]["year"] == corpus_gold(corpus_doc_named("hongze-2023"))["report"]["year"]
    assert items[6]["result"]["report"]["organization"] == corpus_gold(corpus_doc_named("seed-001"))["report"]["organization"]


def test_each_result_is_what_post_parse_gives(client):
    docs = CORPUS_DIRS[:5]
    response = post_json(client, [{"id": doc.name, "text": corpus_text(doc)} for doc in docs])
    for doc, item in zip(docs, response.get_json()["documents"], strict=True):
        single = client.post("/parse", json={"text": corpus_text(doc)})
        assert item == {"index": docs.index(doc), "id": doc.name, "status": 200, "result": single.get_json()}


def test_only_failures_applies_to_every_document(client, hongze, seed):
    items = post_json(client, [{"id": "a", "text": hongze}, {"id": "b", "text": seed}],
                      query_string={"only_failures": "true"}).get_json()["documents"]
    everything = post_json(client, [{"id": "a", "text": hongze}]).get_json()["documents"][0]["result"]["checks"]
    assert any(check["status"] != "fail" for check in everything)
    for item in items:
        assert all(check["status"] == "fail" for check in item["result"]["checks"])
    assert items[0]["result"]["checks"] == [check for check in everything if check["status"] == "fail"]


def test_uploaded_files_of_every_kind(client, hongze):
    html_doc = next(doc for doc in CORPUS_DIRS if (doc / "source.html").is_file())
    files = [
        ("hongze.txt", hongze.encode("gb18030"), "text/plain"),
        (f"{html_doc.name}.html", (html_doc / "source.html").read_bytes(), "text/html"),
        ("hongze.docx", docx_from_text(hongze), "application/octet-stream"),     # sniffed
        ("broken.docx", b"PK\x03\x04 not really a zip", DOCX),
        ("empty.txt", b"", "text/plain"),
        ("latin.txt", "é".encode("latin-1") * 10, "text/plain; charset=klingon"),
    ]
    response = post_files(client, files)
    assert response.status_code == 200
    items = response.get_json()["documents"]
    assert [item["id"] for item in items] == [name for name, _, _ in files]
    assert [item["status"] for item in items] == [200, 200, 200, 422, 422, 415]
    assert items[0]["result"]["input"] == {"media_type": "text/plain", "encoding": "gb18030", "filename": "hongze.txt"}
    assert items[1]["result"]["report"]["year"] == corpus_gold(html_doc)["report"]["year"]
    assert items[2]["result"]["input"]["media_type"] == DOCX
    rows = {name: table["rows"] for name, table in items[0]["result"]["tables"].items() if table}
    assert {name: table["rows"] for name, table in items[2]["result"]["tables"].items() if table} == rows
    assert items[3]["problem"]["type"].endswith("/invalid-document")
    assert items[4]["problem"]["errors"] == [{"pointer": "/file/4", "detail": "The part is empty."}]
    assert items[5]["problem"]["type"].endswith("/unsupported-charset")


def test_one_document_that_breaks_the_parser_fails_alone(in_process_client, monkeypatch, hongze, caplog):
    client = in_process_client
    from service.documents import parse_report

    def fragile(text, **kwargs):
        if MARKER in text:
            raise RuntimeError(MARKER)
        return parse_report(text, **kwargs)

    monkeypatch.setattr("service.documents.parse_report", fragile)
    with caplog.at_level(logging.ERROR):
        items = post_json(client, [{"id": "a", "text": MARKER}, {"id": "b", "text": hongze}]).get_json()["documents"]
    assert [item["status"] for item in items] == [500, 200]
    assert items[0]["problem"]["type"].endswith("/internal-error")
    assert "RuntimeError" in caplog.text and "(document 0)" in caplog.text
    assert MARKER not in caplog.text


# --- the request as a whole ----------------------------------------------------------------------

@pytest.mark.parametrize("body, status, slug", [
    (b"", 400, "empty-body"),
    (b"{", 400, "invalid-json"),
    (b"{}", 422, "validation-error"),
    (b'{"documents": []}', 422, "validation-error"),
    (b'{"documents": "text"}', 422, "validation-error"),
    (b"[]", 422, "validation-error"),
])
def test_what_is_wrong_with_the_whole_request_is_a_problem(client, assert_problem, body, status, slug):
    assert_problem(client.post(BATCH, data=body, content_type="application/json"), status, slug)


def test_other_media_types_and_a_form_without_files(client, assert_problem):
    assert_problem(client.post(BATCH, data=b"text", content_type="text/plain"), 415, "unsupported-media-type")
    body, content_type = encode_multipart_formdata([("text", "not a file")])
    body = assert_problem(client.post(BATCH, data=body, content_type=content_type), 422, "validation-error")
    assert body["errors"][0]["pointer"] == "/file"


def test_accept_ruling_out_json_and_csv(client, assert_problem, seed):
    assert_problem(post_json(client, [{"id": "a", "text": seed}], headers={"Accept": "text/html"}),
                   406, "not-acceptable")


# --- limits at their boundary --------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["json", "multipart"])
def test_max_batch_documents(assert_problem, seed, kind):
    client = client_with(MAX_BATCH_DOCUMENTS=3)

    def send(count):
        if kind == "json":
            return post_json(client, [{"id": str(i), "text": seed} for i in range(count)])
        return post_files(client, [(f"{i}.txt", seed.encode(), "text/plain") for i in range(count)])

    at_limit = send(3)
    assert at_limit.status_code == 200
    assert at_limit.get_json()["summary"] == {"documents": 3, "parsed": 3, "failed": 0}
    over = assert_problem(send(4), 413, "payload-too-large")
    assert "4 documents" in over["detail"] and "MAX_BATCH_DOCUMENTS" in over["detail"]


def test_max_batch_documents_defaults_to_32(seed):
    client = client_with()
    assert post_json(client, [{"id": str(i), "text": "x"} for i in range(32)]).status_code == 200
    assert post_json(client, [{"id": str(i), "text": "x"} for i in range(33)]).status_code == 413


@pytest.mark.parametrize("kind", ["json", "multipart"])
def test_max_batch_bytes(assert_problem, seed, kind):
    if kind == "json":
        body, content_type = json.dumps({"documents": [{"id": "a", "text": seed}] * 2}).encode(), "application/json"
    else:
        body, content_type = multipart([("a.txt", seed.encode(), "text/plain")] * 2)

    def send(limit):
        return client_with(MAX_BATCH_BYTES=limit).post(BATCH, data=body, content_type=content_type)

    assert send(len(body)).status_code == 200
    over = assert_problem(send(len(body) - 1), 413, "payload-too-large")
    assert "MAX_BATCH_BYTES" in over["detail"]


def test_max_batch_bytes_without_content_length(assert_problem, seed):
    """A streamed (chunked) body is counted as it arrives."""
    body = json.dumps({"documents": [{"id": "a", "text": seed}]}).encode()
    client = client_with(MAX_BATCH_BYTES=len(body) - 1)
    response = client.post(BATCH, input_stream=io.BytesIO(body), content_type="application/json",
                           environ_overrides={"wsgi.input_terminated": True})
    assert_problem(response, 413, "payload-too-large")
    at_limit = client_with(MAX_BATCH_BYTES=len(body)).post(BATCH, input_stream=io.BytesIO(body),
                                                            content_type="application/json",
                                                            environ_overrides={"wsgi.input_terminated": True})
    assert at_limit.status_code == 200


def test_each_document_keeps_max_chars(seed):
    client = client_with(MAX_CHARS=len(seed))
    items = post_json(client, [{"id": "at", "text": seed}, {"id": "over", "text": seed + "。"}]).get_json()["documents"]
    assert [item["status"] for item in items] == [200, 413]
    assert "MAX_CHARS" in items[1]["problem"]["detail"]


def test_each_uploaded_file_keeps_max_upload_bytes(seed):
    data = seed.encode()
    client = client_with(MAX_UPLOAD_BYTES=len(data))
    items = post_files(client, [("at.txt", data, "text/plain"), ("over.txt", data + b"\n", "text/plain")]
                       ).get_json()["documents"]
    assert [item["status"] for item in items] == [200, 413]
    assert "MAX_UPLOAD_BYTES" in items[1]["problem"]["detail"]


# --- CSV -----------------------------------------------------------------------------------------

def test_csv_answer_of_a_batch(client, hongze, seed):
    response = post_json(client, [{"id": "hongze", "text": hongze}, {"id": "notes", "text": "会议纪要"},
                                  {"id": "seed", "text": seed}], headers={"Accept": "text/csv"})
    assert response.status_code == 200
    assert response.mimetype == "text/csv" and response.mimetype_params["charset"] == "utf-8"
    raw = response.get_data()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0]) == COLUMNS
    ids = [row["document_id"] for row in rows]
    assert ids == sorted(ids, key=["hongze", "notes", "seed"].index)       # documents in order
    failed = [row for row in rows if row["document_id"] == "notes"]
    assert len(failed) == 1 and failed[0]["problem"].startswith("not-a-report: ") and failed[0]["table"] == ""
    json_result = post_json(client, [{"id": "seed", "text": seed}]).get_json()["documents"][0]["result"]
    cells = sum(len(columns) for table in json_result["tables"].values() if table for columns in table["rows"].values())
    assert len([row for row in rows if row["document_id"] == "seed"]) == cells


def test_csv_answer_of_parse_names_the_upload(client, hongze):
    response = client.post("/parse", data={"file": (io.BytesIO(hongze.encode()), "洪泽区2023.txt", "text/plain")},
                           content_type="multipart/form-data", headers={"Accept": "text/csv;q=0.9, */*;q=0.1"})
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    assert {row["document_id"] for row in rows} == {"洪泽区2023.txt"}
    gold = corpus_gold(corpus_doc_named("hongze-2023"))
    assert {row["year"] for row in rows} == {str(gold["report"]["year"])}


def test_json_is_preferred_on_a_tie_and_without_accept(client, seed):
    for headers in ({}, {"Accept": "*/*"}, {"Accept": "text/csv, application/json"}):
        assert client.post("/parse", json={"text": seed}, headers=headers).mimetype == "application/json"


# --- through the real server ---------------------------------------------------------------------

def test_a_batch_of_uploads_through_gunicorn(gunicorn_url):
    docs = CORPUS_DIRS[:4]
    files = [("file", (f"{doc.name}.txt", (doc / "input.txt").read_bytes(), "text/plain")) for doc in docs]
    files.append(("file", ("junk.txt", b"\x00\x01 nothing", "text/plain")))
    response = requests.post(gunicorn_url + BATCH, files=files, timeout=30)
    assert response.status_code == 200
    items = response.json()["documents"]
    assert [item["id"] for item in items] == [f"{doc.name}.txt" for doc in docs] + ["junk.txt"]
    for doc, item in zip(docs, items, strict=False):
        assert item["result"]["report"]["year"] == corpus_gold(doc)["report"]["year"]
    assert items[-1]["status"] == 422
