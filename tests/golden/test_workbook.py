"""The whole corpus as one Excel workbook (POST /parse/batch, Accept: xlsx), read back with
openpyxl: every cell equals gold (with the misses the golden test allows) and the JSON answer, in
wide form on one sheet per table and in long form; the header labels are those of fields.json;
numbers are numbers, blanks empty cells; the summary and findings sheets say what the checks say."""

import io
import json

import openpyxl
import pytest

from conftest import CORPUS_DIRS, corpus_gold, corpus_text
from service.app import create_app
from service.contract import FIELDS, TABLE_KEYS
from service.http.table_schemas import AMOUNT_COLUMNS
from service.report_summary import summarize
from service.tabular import COLUMNS, contract_label, csv_text
from service.workbook import (
    CELLS_SHEET,
    DOCUMENT_COLUMNS,
    FINDINGS_SHEET,
    MEDIA_TYPE,
    SUMMARY_COLUMNS,
    SUMMARY_SHEET,
    table_sheet_name,
)
from tests.golden.test_corpus import KNOWN_MISSES, RUN_TOGETHER, cell_misses
from tests.golden.test_csv_round_trip import tables_from_csv

pytestmark = pytest.mark.skipif(not CORPUS_DIRS, reason="no corpus")

NOT_A_REPORT = "今天天气晴朗，市民纷纷走出家门，到公园散步赏花。"
HEADER_ROWS = 3  # row label, column label, key


def batch_body():
    documents = [{"id": doc.name, "text": corpus_text(doc)} for doc in CORPUS_DIRS]
    documents.append({"id": "weather", "text": NOT_A_REPORT})
    return json.dumps({"documents": documents})


@pytest.fixture(scope="module")
def answers():
    client = create_app({"TESTING": True}).test_client()
    body = batch_body()
    as_xlsx = client.post("/parse/batch", data=body, content_type="application/json", headers={"Accept": MEDIA_TYPE})
    as_json = client.post("/parse/batch", data=body, content_type="application/json")
    assert as_xlsx.status_code == as_json.status_code == 200
    assert as_xlsx.mimetype == MEDIA_TYPE
    assert "attachment" in as_xlsx.headers["Content-Disposition"]
    return openpyxl.load_workbook(io.BytesIO(as_xlsx.get_data())), as_json.get_json()["documents"]


def wide_tables(book):
    """{document_id: {"report": ..., "tables": {table: {"rows": {row: {column: value}}}}}} from the
    table sheets, keyed by the key header row."""
    documents = {}
    for table in TABLE_KEYS:
        rows = list(book[table_sheet_name(table)].iter_rows(values_only=True))
        keys = rows[HEADER_ROWS - 1]
        assert keys[:len(DOCUMENT_COLUMNS)] == tuple(key for key, _ in DOCUMENT_COLUMNS)
        for values in rows[HEADER_ROWS:]:
            document = documents.setdefault(values[0], {"report": dict(zip(keys[1:4], values[1:4])), "tables": {}})
            cells = {}
            for key, value in zip(keys[len(DOCUMENT_COLUMNS):], values[len(DOCUMENT_COLUMNS):]):
                row, column = key.split(".")
                cells.setdefault(row, {})[column] = value
            document["tables"][table] = {"rows": cells}
    return documents


def test_sheets_in_order(answers):
    book, _ = answers
    assert book.sheetnames == [SUMMARY_SHEET, *map(table_sheet_name, TABLE_KEYS), CELLS_SHEET, FINDINGS_SHEET]
    assert [table_sheet_name(table) for table in TABLE_KEYS] == [FIELDS["tables"][t]["label"] for t in TABLE_KEYS]


@pytest.mark.parametrize("doc", CORPUS_DIRS, ids=lambda doc: doc.name)
def test_wide_cells_are_the_gold_cells(answers, doc):
    book, _ = answers
    document = wide_tables(book)[doc.name]
    gold = corpus_gold(doc)
    misses = cell_misses(gold, {"tables": {t: document["tables"][t] if any_value(document["tables"][t]) else
                                           None for t in TABLE_KEYS}})
    if RUN_TOGETHER in (gold.get("tags") or []):
        assert not {path: why for path, why in misses.items() if "got None" not in why}
    else:
        assert set(misses) == KNOWN_MISSES.get(doc.name, set()), misses
    assert document["report"]["year"] == gold["report"]["year"]
    assert document["report"]["template"] == gold["report"]["template"]


def any_value(table):
    return any(value is not None for cells in table["rows"].values() for value in cells.values())


@pytest.mark.parametrize("doc", CORPUS_DIRS, ids=lambda doc: doc.name)
def test_wide_cells_are_the_json_cells(answers, doc):
    """Every cell of the JSON answer is in its column, with its type; the others are empty."""
    book, items = answers
    result = next(item["result"] for item in items if item["id"] == doc.name)
    document = wide_tables(book)[doc.name]
    for table in TABLE_KEYS:
        json_rows = (result["tables"][table] or {"rows": {}})["rows"]
        for row, cells in document["tables"][table]["rows"].items():
            for column, value in cells.items():
                want = json_rows.get(row, {}).get(column)
                assert same_number(value, want, column), (table, row, column, value, want)
        for row, cells in json_rows.items():
            assert set(cells) <= set(document["tables"][table]["rows"][row]), (table, row)


def same_number(got, want, column):
    """Equal, counts as ints; an amount as a float (xlsx keeps every number as a double: a whole
    amount such as 0.0 reads back as the int 0)."""
    if want is None or got is None:
        return got is want
    if column in AMOUNT_COLUMNS:
        return isinstance(want, float) and float(got) == want
    return type(got) is int and got == want


def test_parsed_documents_only_on_table_sheets(answers):
    book, _ = answers
    assert sorted(wide_tables(book)) == sorted(doc.name for doc in CORPUS_DIRS)


def label_alternatives(label):
    return [contract_label(part) for part in label.split(" / ")]


def test_header_labels_are_those_of_fields_json(answers):
    """Row labels over their columns, column labels under them: the contract's wording (one of its
    alternatives, e.g. 规范性文件 / 行政规范性文件)."""
    book, _ = answers
    for table in TABLE_KEYS:
        spec = FIELDS["tables"][table]
        column_labels = spec.get("columns") if table != "active_disclosure" else spec["column_labels"]
        rows = list(book[table_sheet_name(table)].iter_rows(max_row=HEADER_ROWS, values_only=True))
        current_row_label = None
        for index, key in enumerate(rows[2]):
            if index < len(DOCUMENT_COLUMNS):
                assert rows[0][index] == DOCUMENT_COLUMNS[index][1]
                continue
            row, column = key.split(".")
            row_spec = spec["rows"][row]
            if rows[0][index] is not None:  # the first column of a row's merged label
                current_row_label = rows[0][index]
                assert current_row_label in label_alternatives(row_spec if isinstance(row_spec, str)
                                                               else row_spec["label"]), key
            else:
                assert rows[2][index - 1].split(".")[0] == row, key  # merged over the row's own columns
            assert any(rows[1][index].startswith(alternative)
                       for alternative in label_alternatives(column_labels[column])), key
        assert current_row_label is not None


def test_long_form_sheet_is_the_csv(answers):
    """The cells sheet has the CSV's columns and rows, with numbers as numbers."""
    book, items = answers
    rows = list(book[CELLS_SHEET].iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    documents = [(item["id"], item.get("result"), item.get("problem")) for item in items]
    import csv
    expected = list(csv.reader(io.StringIO(csv_text(documents).lstrip("\ufeff"), newline="")))[1:]
    assert len(rows) - 1 == len(expected)
    value = COLUMNS.index("value")
    for got, want in zip(rows[1:], expected):
        text = ["" if cell is None else str(cell) for cell in got]
        if got[COLUMNS.index("column")] in AMOUNT_COLUMNS and got[value] is not None:
            text[value] = str(float(got[value]))
        assert text == want
    from_sheet = tables_from_csv(dict(zip(COLUMNS, ["" if v is None else str(v) for v in row])) for row in rows[1:])
    assert sorted(from_sheet) == sorted([doc.name for doc in CORPUS_DIRS] + ["weather"])


def test_amounts_keep_their_decimals_and_blanks_stay_empty(answers):
    book, items = answers
    hongze = wide_tables(book).get("hongze-2023")
    if hongze is None:
        pytest.skip("hongze-2023 not in the corpus")
    gold = corpus_gold(next(doc for doc in CORPUS_DIRS if doc.name == "hongze-2023"))
    fee = hongze["tables"]["active_disclosure"]["rows"]["fees"]["amount"]
    assert fee == gold["tables"]["active_disclosure"]["rows"]["fees"]["amount"] and isinstance(fee, float)
    assert fee != int(fee)
    sheet = book[table_sheet_name("active_disclosure")]
    keys = [cell.value for cell in sheet[HEADER_ROWS]]
    column = keys.index("fees.amount") + 1
    formats = {sheet.cell(row, column).number_format for row in range(HEADER_ROWS + 1, sheet.max_row + 1)
               if sheet.cell(row, column).value is not None}
    assert formats == {"0.00####"}
    # a 2021 document has no 2019 cell: an empty cell, not 0
    assert hongze["tables"]["active_disclosure"]["rows"]["licensing"].get("previous") is None


def test_summary_sheet_says_what_the_checks_say(answers):
    book, items = answers
    rows = list(book[SUMMARY_SHEET].iter_rows(values_only=True))
    assert rows[0] == tuple(heading for _, heading in SUMMARY_COLUMNS)
    assert rows[1] == tuple(key for key, _ in SUMMARY_COLUMNS)
    by_id = {row[0]: dict(zip(rows[1], row)) for row in rows[2:]}
    assert list(by_id) == [item["id"] for item in items]
    for item in items:
        got = by_id[item["id"]]
        if item["status"] != 200:
            assert got["problem"].startswith("not-a-report: ") and got["organization"] is None
            continue
        summary = summarize(item["result"])
        for key in ("errors", "warnings", "infos", "unread_cells", "unreadable_tables"):
            assert got[key] == summary[key], (item["id"], key)
        assert got["year"] == item["result"]["report"]["year"]
        assert got["parse_warnings"] == len(item["result"]["warnings"])
    if "hongze-2023" in by_id:  # gold notes: review and after-review lawsuit totals printed 0
        assert by_id["hongze-2023"]["tables_add_up"] == "不相符" and by_id["hongze-2023"]["errors"] == 2


def test_findings_sheet_lists_failed_checks_warnings_and_problems(answers):
    book, items = answers
    rows = list(book[FINDINGS_SHEET].iter_rows(values_only=True))
    keys = rows[1]
    findings = [dict(zip(keys, row)) for row in rows[2:]]
    for item in items:
        mine = [f for f in findings if f["document_id"] == item["id"]]
        if item["status"] != 200:
            assert [f["code"] for f in mine] == ["not-a-report"]
            continue
        failed = [c for c in item["result"]["checks"] if c["status"] == "fail"]
        assert [f["code"] for f in mine] == [c["rule"] for c in failed] + [w["code"] for w in item["result"]["warnings"]]
    hongze = [f for f in findings if f["document_id"] == "hongze-2023" and f["code"] == "reviews.row_total"]
    if hongze:
        assert {f["severity"] for f in hongze} == {"error"}
        assert any("tables.reviews_and_lawsuits.rows.review.total" in f["cells"] for f in hongze)


def test_text_is_never_a_formula():
    """A document id or title that looks like a formula stays text."""
    from service.workbook import workbook_bytes
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes([("=HYPERLINK(\"x\")", None,
                                                               {"type": "x/not-a-report", "detail": "=1+1"})])))
    assert book[SUMMARY_SHEET]["A3"].data_type == "s"
    assert book[SUMMARY_SHEET]["A3"].value == '=HYPERLINK("x")'
