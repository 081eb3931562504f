"""service.tabular: the long-form CSV, read back with the csv module."""

import csv
import io

from conftest import corpus_doc_named, corpus_text
from service.parsing import parse_report
from service.tabular import COLUMNS, contract_label, csv_text


def read(text):
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_labels_follow_the_template():
    result = parse_report(corpus_text(corpus_doc_named("seed-001")))
    assert result["report"]["template"] == "2021"
    rows = read(csv_text([("d", result, None)]))
    labels = {(row["row"], row["column"]): (row["row_label"], row["column_label"]) for row in rows}
    assert labels["normative_documents", "issued"] == ("行政规范性文件", "本年制发件数")
    assert labels["licensing", "decisions"] == ("行政许可", "本年处理决定数量")
    assert labels["fees", "amount"] == ("行政事业性收费", "金额（万元）")
    assert labels["other_overdue_correction", "total"][0].startswith("（六）其他处理 1.申请人无正当理由逾期不补正")
    assert labels["new_received", "natural_person"] == ("一、本年新收政府信息公开申请数量", "自然人")
    assert labels["lawsuit_direct", "upheld"] == ("行政诉讼 · 未经复议直接起诉", "结果维持")


def test_2019_labels():
    result = parse_report(corpus_text(corpus_doc_named("putian-city-2019")))
    assert result["report"]["template"] == "2019"
    labels = {(row["row"], row["column"]): row for row in read(csv_text([("d", result, None)]))}
    assert labels["normative_documents", "new_made"]["row_label"] == "规范性文件"
    assert labels["licensing", "decisions"]["column_label"] == "处理决定数量"
    assert labels["other_handling", "total"]["row_label"] == "（六）其他处理"


def test_contract_notes_in_english_are_cut():
    assert contract_label("（六）其他处理 — the single row of the 2019 template") == "（六）其他处理"
    assert contract_label("（六）其他处理 3.其他 (2021 template)") == "（六）其他处理 3.其他"


def test_null_cells_are_empty_and_text_is_quoted():
    result = {"report": {"organization": '某"局", 办公室', "year": 2021, "template": "2021"},
              "tables": {"applications": {"rows": {"granted": {"natural_person": None, "total": 0}}}}}
    rows = read(csv_text([("a,b", result, None)]))
    assert [(row["document_id"], row["organization"], row["column"], row["value"]) for row in rows] == [
        ("a,b", '某"局", 办公室', "natural_person", ""), ("a,b", '某"局", 办公室', "total", "0")]


def test_a_document_without_cells_and_a_failed_one_have_one_row_each():
    no_tables = {"report": {"organization": "某局", "year": 2012, "template": None}, "tables": {}}
    problem = {"type": "https://gov-report-parser.example/problems/not-a-report", "detail": "Nothing."}
    rows = read(csv_text([("old", no_tables, None), ("bad", None, problem)]))
    assert [tuple(row[c] for c in COLUMNS) for row in rows] == [
        ("old", "某局", "2012", "", "", "", "", "", "", "", ""),
        ("bad", "", "", "", "", "", "", "", "", "", "not-a-report: Nothing."),
    ]


def test_rows_end_in_crlf():
    assert csv_text([]) == "\ufeff" + ",".join(COLUMNS) + "\r\n"
