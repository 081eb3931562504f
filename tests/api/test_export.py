"""POST /export: /parse/batch answers kept by a client (the console) written as the workbook or
the CSV that /parse/batch gives for the same documents, without parsing again."""

import io
import json

import openpyxl
import pytest

from conftest import CORPUS_DIRS, corpus_text
from service.app import create_app
from service.workbook import MEDIA_TYPE as XLSX

pytestmark = pytest.mark.skipif(not CORPUS_DIRS, reason="no corpus")


def batch(client, documents, accept=None):
    headers = {"Accept": accept} if accept else {}
    return client.post("/parse/batch", json={"documents": documents}, headers=headers)


def sheets(data):
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {name: [[cell.value for cell in row] for row in book[name].iter_rows()] for name in book.sheetnames}


@pytest.fixture(scope="module")
def documents():
    docs = [{"id": doc.name, "text": corpus_text(doc)} for doc in CORPUS_DIRS[:6]]
    return docs + [{"id": "weather", "text": "今天天气晴朗。"}]


def test_two_batches_export_as_one_workbook_equal_to_one_batch(documents):
    client = create_app({"TESTING": True}).test_client()
    first, second = batch(client, documents[:3]).get_json(), batch(client, documents[3:]).get_json()
    kept = {"documents": first["documents"] + second["documents"]}
    exported = client.post("/export", json=kept)
    assert exported.status_code == 200 and exported.mimetype == XLSX
    assert sheets(exported.get_data()) == sheets(batch(client, documents, XLSX).get_data())
    as_csv = client.post("/export", json=kept, headers={"Accept": "text/csv"})
    assert as_csv.get_data() == batch(client, documents, "text/csv").get_data()


def test_refusals(documents, assert_problem):
    client = create_app({"TESTING": True, "MAX_BATCH_BYTES": 2000}).test_client()
    assert_problem(client.post("/export", data="x", content_type="text/plain"), 415, "unsupported-media-type")
    assert_problem(client.post("/export", json={"documents": []}), 422, "validation-error")
    body = assert_problem(client.post("/export", json={"documents": [{"index": 0, "id": "a", "status": 200}]}),
                          422, "validation-error")
    assert body["errors"][0]["pointer"].startswith("/documents/0")
    assert_problem(client.post("/export", json={"documents": [{"index": 0, "id": "a", "status": 200}]},
                               headers={"Accept": "application/json"}), 406, "not-acceptable")
    big = json.dumps({"documents": [{"index": 0, "id": "a" * 3000, "status": 422}]})
    assert_problem(client.post("/export", data=big, content_type="application/json"), 413, "payload-too-large")
