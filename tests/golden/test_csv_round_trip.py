"""The whole corpus as one CSV (POST /parse/batch, Accept: text/csv), read back with the csv
module, gives the gold values again: the same cells as the JSON answer, with the same misses
as the golden test allows (KNOWN_MISSES, run-together documents)."""

import csv
import io
import json

import pytest

from conftest import CORPUS_DIRS, corpus_gold, corpus_text
from service.app import create_app
from service.contract import TABLE_KEYS
from service.http.table_schemas import AMOUNT_COLUMNS
from service.tabular import COLUMNS
from tests.golden.test_corpus import KNOWN_MISSES, RUN_TOGETHER, cell_misses


def typed(column, text):
    """A CSV value back to its JSON type: empty is null, amounts are floats, counts are ints."""
    if text == "":
        return None
    return float(text) if column in AMOUNT_COLUMNS else int(text)


def tables_from_csv(rows):
    """{document_id: {"tables": {table: {"rows": {row: {column: value}}}}, "report": {...}}}"""
    documents = {}
    for row in rows:
        document = documents.setdefault(row["document_id"], {
            "report": {"organization": row["organization"] or None, "year": int(row["year"]) if row["year"] else None,
                       "template": row["template"] or None},
            "tables": {}})
        if row["table"]:
            table = document["tables"].setdefault(row["table"], {"rows": {}})
            table["rows"].setdefault(row["row"], {})[row["column"]] = typed(row["column"], row["value"])
    return documents


@pytest.fixture(scope="module")
def answers():
    client = create_app({"TESTING": True}).test_client()
    body = json.dumps({"documents": [{"id": doc.name, "text": corpus_text(doc)} for doc in CORPUS_DIRS]})
    as_csv = client.post("/parse/batch", data=body, content_type="application/json", headers={"Accept": "text/csv"})
    as_json = client.post("/parse/batch", data=body, content_type="application/json")
    assert as_csv.status_code == as_json.status_code == 200
    raw = as_csv.get_data()
    assert raw.startswith(b"\xef\xbb\xbf")
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    assert tuple(reader.fieldnames) == COLUMNS
    return tables_from_csv(reader), {item["id"]: item["result"] for item in as_json.get_json()["documents"]}


def test_every_document_is_in_the_csv(answers):
    from_csv, _ = answers
    assert sorted(from_csv) == sorted(doc.name for doc in CORPUS_DIRS)


@pytest.mark.parametrize("doc", CORPUS_DIRS, ids=lambda doc: doc.name)
def test_csv_cells_are_the_gold_cells(answers, doc):
    from_csv, _ = answers
    gold, document = corpus_gold(doc), from_csv[doc.name]
    misses = cell_misses(gold, {"tables": {table: document["tables"].get(table) for table in TABLE_KEYS}})
    if RUN_TOGETHER in (gold.get("tags") or []):
        assert not {path: why for path, why in misses.items() if "got None" not in why}
    else:
        assert set(misses) == KNOWN_MISSES.get(doc.name, set()), misses
    for field in ("year", "template"):
        assert document["report"][field] == gold["report"][field], field
    assert "".join((document["report"]["organization"] or "").split()) == \
        "".join((gold["report"]["organization"] or "").split())


@pytest.mark.parametrize("doc", CORPUS_DIRS, ids=lambda doc: doc.name)
def test_csv_cells_are_the_json_cells(answers, doc):
    """Every cell, null ones included, with its type: nothing lost or changed on the way."""
    from_csv, from_json = answers
    json_tables = {name: {"rows": table["rows"]} for name, table in from_json[doc.name]["tables"].items() if table}
    assert from_csv[doc.name]["tables"] == json_tables
    for table in json_tables.values():
        for cells in table["rows"].values():
            for column, value in cells.items():
                assert value is None or isinstance(value, float if column in AMOUNT_COLUMNS else int)
