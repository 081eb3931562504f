"""Stage 2: table lines in every layout become cells, and cells become runs."""

import pytest

from service.parsing.cells import line_cells, read_runs
from service.parsing.normalize import prepare


def cells(line):
    return [(cell.kind, cell.text) for cell in line_cells(prepare(line).norm, 1)]


@pytest.mark.parametrize("line, expected", [
    # one cell per tab-indented line (seed-000)
    ("\t0", [("number", "0")]),
    ("\t\u00a0", [("blank", "")]),
    ("\t其他对外管理服务事项", [("text", "其他对外管理服务事项")]),
    # pipe cells with fillers (seed-001)
    ("0 |", [("number", "0")]),
    ("|||", [("blank", ""), ("blank", "")]),
    ("行政许可 |", [("text", "行政许可")]),
    # markdown rows and rules (putian-wlj-2024, shkewei-2024)
    ("规章 |  0 |  0 |  0  ", [("text", "规章"), ("number", "0"), ("number", "0"), ("number", "0")]),
    ("|---|---|---|", []),
    ("| 四、结转下年度继续办理 | 1 | 0 |  |",
     [("text", "四、结转下年度继续办理"), ("number", "1"), ("number", "0"), ("blank", "")]),
    # box-drawing grid (putian-cg-2022): merged label columns and partial rules vanish
    ("│            │                （一）予以公开                 │     4      │    0     │",
     [("text", "(一)予以公开"), ("number", "4"), ("number", "0")]),
    ("│            │              ├──────────────┤", []),
    ("│            │                 计其他情形）                  │            │          │",
     [("text", "计其他情形)")]),
    # tab rows with merged label cells (seed-004)
    ("四、结转下年度继续办理\t\t\t0\t0", [("text", "四、结转下年度继续办理"), ("blank", ""), ("blank", ""),
                                 ("number", "0"), ("number", "0")]),
    ("政府集中采购\t50\t134.2 万元\t", [("text", "政府集中采购"), ("number", "50"), ("number", "134.2 万元"),
                                ("blank", "")]),
    # white-space aligned PDF text (hongze-2023, huaian-2024)
    ("                 4.无正当理由大量反复 申请        0    0", [("text", "4.无正当理由大量反复申请"),
                                                   ("number", "0"), ("number", "0")]),
    ("行政许可 447228", [("text", "行政许可"), ("number", "447228")]),
    ("政府集中采购 57 1207.5 万元", [("text", "政府集中采购"), ("number", "57"), ("number", "1207.5万元")]),
    # page chrome and prose are not cells
    ("- 3 -", []), ("                                -1-", []), ("— 5 —", []), ("第 3 页", []),
    ("2023 年，洪泽区人民政府坚持以习近平新时代中国特色社会主义思想为指导。", []),
])
def test_line_cells(line, expected):
    assert cells(line) == expected


def runs_of(text):
    doc = prepare(text)
    return read_runs([(n, line) for n, _, line in doc.lines()])[0]


def test_one_cell_per_line_values_form_one_run_with_the_label_before():
    runs = runs_of("\t一、本年新收政府信息公开申请数量\n\t1\n\t0\n\n\t1\n\t\n\t二、上年结转")
    assert len(runs) == 1
    assert [c.text for c in runs[0].cells] == ["1", "0", "1", ""]
    assert runs[0].weak == "一、本年新收政府信息公开申请数量" and runs[0].strong == ""


def test_row_lines_are_runs_of_their_own_with_a_strong_label():
    runs = runs_of("| 2.重复申请 | 0 | 0 |\n| 0 | 0 |\n| 3.要求提供公开出版物 | 1 | 1 |")
    assert [(run.strong, len(run.cells)) for run in runs] == [
        ("2.重复申请", 2), ("", 2), ("3.要求提供公开出版物", 2)]


def test_wrapped_label_before_its_values_is_weak_evidence():
    runs = runs_of("（二）部分公开（区分处理的，只计这一情 形，不\n计其他情形）\n    4    0      0     0   0   0     4")
    assert runs[0].weak.startswith("(二)部分公开") and runs[0].strong == ""
