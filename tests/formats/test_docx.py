""".docx input: paragraphs and real Word tables (gridSpan and vMerge merges) in body order, and
the zip/XML defences that run before any XML is parsed.

The report documents are built here with python-docx from corpus gold (no binary test data):
the title, the numbered section headings with a little prose, and the three statistical tables
laid out as in the national format, merged cells and all.
"""

import io
import json
import random
import re
import struct
import time
import zipfile
import zlib

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CORPUS_DIRS, SHARED_DIR, corpus_doc_named, corpus_gold
from service.formats import DOCX, FormatError, Limits, extract_text, sniff_media_type
from service.formats.docx import docx_to_text
from service.parsing import parse_report
from tests.golden.test_corpus import cell_misses, gold_cells

FIELDS_PATH = SHARED_DIR / "contract" / "fields.json"
NUMERALS = "一二三四五六七八九十"
SECTION_TITLES = {
    "overview": "总体情况",
    "active_disclosure": "主动公开政府信息情况",
    "applications": "收到和处理政府信息公开申请情况",
    "reviews_and_lawsuits": "政府信息公开行政复议、行政诉讼情况",
    "problems_and_improvements": "存在的主要问题及改进情况",
    "other_matters": "其他需要报告的事项",
}
PROSE = {
    "overview": "本年度，{org}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。",
    "problems_and_improvements": "政务公开工作仍存在公开内容不够全面等问题，下一步将加强培训、完善制度。",
    "other_matters": "本年度未收取信息处理费。",
}


# ---------------------------------------------------------------------------------------------
# Building a report .docx from gold

def fields():
    if not FIELDS_PATH.is_file():
        pytest.skip(f"no contract at {FIELDS_PATH}")
    return json.loads(FIELDS_PATH.read_text(encoding="utf-8"))


def fmt(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def put(cell, text):
    """Cell text; a "\n" starts a new paragraph inside the cell (a wrapped label)."""
    first, *rest = text.split("\n")
    cell.paragraphs[0].text = first
    for more in rest:
        cell.add_paragraph(more)


def new_table(document, rows, cols):
    """A bordered table and its cells, taken once before any merge (python-docx's table.cell()
    walks the whole table on every call)."""
    table = document.add_table(rows=rows, cols=cols)
    table.style = "Table Grid"
    return [list(row.cells) for row in table.rows]


def merged(grid, top, left, bottom, right, text=None):
    cell = grid[top][left].merge(grid[bottom][right]) if (top, left) != (bottom, right) else grid[top][left]
    if text is not None:
        put(cell, text)
    return cell


def active_disclosure_table(document, gold_rows, template):
    """Four grid columns; group headings span the row, single-value rows span three columns."""
    if template == "2019":
        groups = [
            ("第二十条第（一）项", ["信息内容", "本年新制作数量", "本年新\n公开数量", "对外公开\n总数量"],
             [("regulations", "规章"), ("normative_documents", "规范性文件")]),
            ("第二十条第（五）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
             [("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")]),
            ("第二十条第（六）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
             [("penalty", "行政处罚"), ("enforcement", "行政强制")]),
            ("第二十条第（八）项", ["信息内容", "上一年项目数量", "本年增/减"], [("fees", "行政事业性收费")]),
            ("第二十条第（九）项", ["信息内容", "采购项目数量", "采购总金额"], [("procurement", "政府集中采购")]),
        ]
    else:
        groups = [
            ("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
             [("regulations", "规章"), ("normative_documents", "行政规范性文件")]),
            ("第二十条第（五）项", ["信息内容", "本年处理决定数量"], [("licensing", "行政许可")]),
            ("第二十条第（六）项", ["信息内容", "本年处理决定数量"], [("penalty", "行政处罚"), ("enforcement", "行政强制")]),
            ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"], [("fees", "行政事业性收费")]),
        ]
    groups = [(title, header, [(key, label) for key, label in rows if key in gold_rows])
              for title, header, rows in groups]
    layout = []                                 # (texts, with the last one spanning to column 4)
    for title, header, rows in groups:
        if not rows:
            continue
        layout.append([title])
        layout.append(header)
        for key, label in rows:
            layout.append([label] + [fmt(value) for value in gold_rows[key].values()])
    grid = new_table(document, len(layout), 4)
    for r, texts in enumerate(layout):
        for c, text in enumerate(texts[:-1]):
            put(grid[r][c], text)
        merged(grid, r, len(texts) - 1, r, 3, texts[-1])


def app_row_labels(field_rows):
    """key -> (group label or None, own label) from fields.json."""
    labels = {}
    for key, text in field_rows.items():
        text = re.sub(r" \(20\d\d template\)$| — .*$", "", text)
        group, _, own = text.partition(" ")
        labels[key] = (group, own) if own else (None, group)
    return labels


def applications_table(document, gold_rows, field_rows):
    """Ten grid columns: three label columns, six applicant columns and the total, with the
    national header (申请人情况 over 自然人 / 法人或其他组织 over five / 总计) and the result rows
    under the vertically merged 三、本年度办理结果, the groups （三）（四）（五）（六） merged over
    their numbered sub-rows."""
    labels = app_row_labels(field_rows)
    keys = list(gold_rows)
    grid = new_table(document, 3 + len(keys), 10)
    merged(grid, 0, 0, 2, 2, "（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）")
    merged(grid, 0, 3, 0, 9, "申请人情况")
    merged(grid, 1, 3, 2, 3, "自然人")
    merged(grid, 1, 4, 1, 8, "法人或其他组织")
    merged(grid, 1, 9, 2, 9, "总计")
    for c, text in enumerate(["商业\n企业", "科研\n机构", "社会公益组织", "法律服务机构", "其他"], start=4):
        put(grid[2][c], text)
    results = [r for r, key in enumerate(keys, start=3) if key not in ("new_received", "carried_over",
                                                                      "carried_forward")]
    groups = {}
    for r, key in enumerate(keys, start=3):
        group, own = labels[key]
        for c, value in enumerate(gold_rows[key].values(), start=3):
            put(grid[r][c], fmt(value))
        if r not in results:
            merged(grid, r, 0, r, 2, own)
        elif group is None:
            merged(grid, r, 1, r, 2, own)
        else:
            put(grid[r][2], own)
            groups.setdefault(group, []).append(r)
    for group, rows in groups.items():
        merged(grid, rows[0], 1, rows[-1], 1, group)
    if results:
        merged(grid, results[0], 0, results[-1], 0, "三、本年度\n办理结果")


def reviews_table(document, gold_rows):
    """Fifteen grid columns: 行政复议 over five, 行政诉讼 over ten, its two halves over five each,
    the review's five headings merged down two rows, one row of values."""
    grid = new_table(document, 4, 15)
    merged(grid, 0, 0, 0, 4, "行政复议")
    merged(grid, 0, 5, 0, 14, "行政诉讼")
    heads = ["结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总\n计"]
    for c, text in enumerate(heads):
        merged(grid, 1, c, 2, c, text)
    merged(grid, 1, 5, 1, 9, "未经复议直接起诉")
    merged(grid, 1, 10, 1, 14, "复议后起诉")
    for c in range(5, 15):
        put(grid[2][c], heads[(c - 5) % 5])
    values = [fmt(v) for key in ("review", "lawsuit_direct", "lawsuit_after_review")
              for v in gold_rows[key].values()]
    for c, value in enumerate(values):
        put(grid[3][c], value)


def report_docx(gold) -> bytes:
    """A report .docx from gold: title, numbered sections, the tables in their sections."""
    contract = fields()["tables"]
    report = gold["report"]
    document = docx.Document()
    document.add_paragraph(f"{report['organization']}{report['year']}年政府信息公开工作年度报告")
    for number, kind in zip(NUMERALS, gold["section_kinds"]):
        document.add_paragraph(f"{number}、{SECTION_TITLES[kind]}")
        tables = gold["tables"]
        if kind == "active_disclosure" and tables.get(kind):
            active_disclosure_table(document, tables[kind]["rows"], report["template"])
        elif kind == "applications" and tables.get(kind):
            applications_table(document, tables[kind]["rows"], contract["applications"]["rows"])
        elif kind == "reviews_and_lawsuits" and tables.get(kind):
            reviews_table(document, tables[kind]["rows"])
        document.add_paragraph(PROSE.get(kind, "具体情况见下表。").format(org=report["organization"]))
    if report.get("published_on"):                      # the signature: body and date
        year, month, day = (int(part) for part in report["published_on"].split("-"))
        document.add_paragraph(report["organization"])
        document.add_paragraph(f"{year}年{month}月{day}日")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def cell_score(gold, result):
    total = sum(1 for _ in gold_cells(gold))
    misses = cell_misses(gold, result)
    return total - len(misses), total, misses


# ---------------------------------------------------------------------------------------------
# Reports

def has_tables(doc):
    return any((corpus_gold(doc).get("tables") or {}).values())


@pytest.mark.parametrize("doc", [doc for doc in CORPUS_DIRS if has_tables(doc)], ids=lambda doc: doc.name)
def test_report_tables_reach_their_gold(doc):
    """Every corpus report with tables, rebuilt as a .docx from its gold (hongze-2023: a 2021
    table with the single （六）其他处理 row; seed-000: the 2019 format with blank cells)."""
    gold = corpus_gold(doc)
    data = report_docx(gold)
    extracted = extract_text(data, DOCX)
    result = parse_report(extracted.text)
    right, total, misses = cell_score(gold, result)
    assert not misses, f"{right}/{total} cells: {misses}"
    for field in ("organization", "year", "template", "published_on"):
        assert result["report"][field] == gold["report"][field], field
    if len(gold["section_kinds"]) <= len(NUMERALS):
        assert [section["kind"] for section in result["sections"]] == gold["section_kinds"]
    assert sniff_media_type(data) == DOCX and extracted.encoding is None


def test_body_order_merges_and_wrapped_labels():
    gold = corpus_gold(corpus_doc_named("hongze-2023"))
    data = report_docx(gold)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    assert b'<w:gridSpan w:val="10"/>' in xml and b'<w:vMerge w:val="restart"/>' in xml  # real merges
    assert len(docx.Document(io.BytesIO(data)).tables) == 3
    lines = docx_to_text(data, Limits()).split("\n")
    assert lines[:2] == ["洪泽区人民政府2023年政府信息公开工作年度报告", "一、总体情况"]
    assert lines.index("二、主动公开政府信息情况") < lines.index("第二十条第（一）项 |  |  | ") \
        < lines.index("三、收到和处理政府信息公开申请情况")
    assert "行政许可 | 550" in lines                      # gridSpan: a value without its fillers
    assert "信息内容 | 本年收费金额（单位：万元） |  | " in lines
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"   # two paragraphs, one label
    assert f"{note} |  |  | 申请人情况 |  |  |  |  |  | " in lines
    assert f"{note} |  |  | 自然人 | 法人或其他组织 |  |  |  |  | 总计" in lines
    assert f"{note} |  |  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计" in lines
    assert "一、本年新收政府信息公开申请数量 | 21 | 0 | 0 | 0 | 0 | 0 | 21" in lines
    assert "三、本年度办理结果 | （一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0" in lines
    assert "三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1" in lines
    assert "三、本年度办理结果 | （三）不予公开 | 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0" in lines
    assert "三、本年度办理结果 | （六）其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0" in lines
    assert "行政复议 |  |  |  |  | 行政诉讼" + " | " * 9 in lines
    assert " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉"] + [""] * 4
                      + ["复议后起诉"] + [""] * 4) in lines
    assert " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3) in lines
    assert "10 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 5 | 0 | 0 | 0 | 0" in lines
    # rows of labels keep the grid; rows of numbers have their printed cells only
    rows = [line.split(" | ") for line in lines if " | " in line]
    numbers = [row for row in rows if any(re.fullmatch(r"\d+(\.\d+)?", cell) for cell in row)]
    assert {len(row) for row in rows if row not in numbers} == {4, 10, 15}
    assert {len(row) for row in numbers} == {2, 4, 8, 9, 10, 15}


def docx_with_body(body_xml: str) -> bytes:
    """A python-docx document whose body is replaced by the given WordprocessingML."""
    document = docx.Document()
    out = io.BytesIO()
    document.save(out)
    return replace_member(out.getvalue(), "word/document.xml", (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f"<w:body>{body_xml}<w:sectPr/></w:body></w:document>").encode("utf-8"))


def replace_member(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info))
    return out.getvalue()


def p(text):
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


VMERGE_RESTART, VMERGE = '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
HMERGE_RESTART, HMERGE = '<w:hMerge w:val="restart"/>', "<w:hMerge/>"
HUGE_SPAN = '<w:gridSpan w:val="100000000"/>'


def tc(*paragraphs, props=""):
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{''.join(paragraphs) or '<w:p/>'}</w:tc>"


def test_nested_tables_frames_runs_and_deleted_text():
    inner = f"<w:tbl><w:tr>{tc(p('行政许可'))}{tc(p('81'))}</w:tr></w:tbl>"
    body = (
        # a one-cell layout table around a paragraph and a nested table
        f"<w:tbl><w:tr>{tc(p('二、主动公开政府信息情况'), inner, p('说明'))}</w:tr></w:tbl>"
        # a row of two cells, one holding a nested table: the row, then the nested rows
        f"<w:tbl><w:tr>{tc(p('外层'))}{tc(p('格'), inner)}</w:tr></w:tbl>"
        # a one-column frame: each paragraph its own line
        f"<w:tbl><w:tr>{tc(p('第一段'), p('第二段'))}</w:tr><w:tr>{tc(p('第三段'))}</w:tr></w:tbl>"
        # runs split, a hyperlink, a tab, a deleted run, a hidden run, a field code, a text box
        '<w:p><w:r><w:t>本年</w:t></w:r><w:hyperlink><w:r><w:t>新收</w:t></w:r></w:hyperlink>'
        '<w:del><w:r><w:delText>删去</w:delText></w:r></w:del>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>'
        '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:tab/><w:t>21</w:t></w:r>'
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
        f'{p("文本框")}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>'
        f'{p("文本框")}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>'
        # legacy hMerge, gridBefore, a pipe inside a cell, a content control around a cell
        '<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>'
        f'{tc(p("甲"), props=HMERGE_RESTART)}{tc(p(""), props=HMERGE)}'
        f'<w:sdt><w:sdtContent>{tc(p("a|b"))}</w:sdtContent></w:sdt></w:tr>'
        f'<w:tr>{tc(p("乙"))}{tc(p("丙"))}{tc(p("丁"))}{tc(p("戊"))}</w:tr></w:tbl>'
    )
    assert docx_to_text(docx_with_body(body), Limits()).split("\n") == [
        "二、主动公开政府信息情况", "行政许可 | 81", "说明",
        "外层 | 格", "行政许可 | 81",
        "第一段", "第二段", "第三段",
        "本年新收\t21", "文本框",
        " | 甲 |  | a/b", "乙 | 丙 | 丁 | 戊",
    ]


def test_strict_ooxml_namespace():
    body = f"<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p><w:tbl><w:tr>{tc(p('规章'))}{tc(p('0'))}</w:tr></w:tbl>"
    transitional = docx_with_body(body)
    strict = replace_member(transitional, "word/document.xml", zipfile.ZipFile(io.BytesIO(transitional)).read(
        "word/document.xml").replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                     b"http://purl.oclc.org/ooxml/wordprocessingml/main"))
    assert docx_to_text(strict, Limits()) == docx_to_text(transitional, Limits()) == "一、总体情况\n规章 | 0"


def test_merged_cell_repetition_cannot_amplify_the_text():
    big = "长" * 50_000
    rows = f"<w:tr>{tc(p(big), props=VMERGE_RESTART)}{tc(p('1'))}</w:tr>" + \
        f"<w:tr>{tc(props=VMERGE)}{tc(p('1'))}</w:tr>" * 2000
    spans = f"<w:tr>{tc(p('x'), props=HUGE_SPAN)}{tc(p('y'))}</w:tr>"
    data = docx_with_body(f"<w:tbl>{rows}</w:tbl><w:tbl>{spans}</w:tbl>")
    with pytest.raises(FormatError) as caught:
        docx_to_text(data, Limits(max_chars=1_000_000))
    assert caught.value.kind == "payload-too-large"
    line = docx_to_text(docx_with_body(f"<w:tbl>{spans}</w:tbl>"), Limits()).split("\n")[0]
    assert line.count(" | ") == 64                                   # a span is clamped to 64 columns


# ---------------------------------------------------------------------------------------------
# Word files made by LibreOffice (the corpus pages opened in Writer and saved as .docx)

LO_DOCS = [doc for doc in CORPUS_DIRS if (doc / "source.lo.docx").is_file()]


def table_rows(text, html=False):
    """A text's table rows as cell lists, white space inside cells dropped (a cell's paragraphs
    are joined with nothing here, with a space by the HTML reader where the page had one)."""
    rows = [line[2:-2] for line in text.split("\n") if line.startswith("| ")] if html else \
        [line for line in text.split("\n") if " | " in line]
    return [["".join(cell.split()).replace("｜", "/") for cell in row.split(" | ")] for row in rows]


@pytest.mark.parametrize("doc", LO_DOCS, ids=lambda doc: doc.name)
def test_libreoffice_docx_reach_their_gold(doc):
    """Every cell, exactly: LibreOffice writes the tables of the page on a grid split wherever
    some row's border does not line up (pingtan-2021: 自然人 over two grid columns, 商业企业
    starting in the second), so a number row holds gridSpan cells a filler must not shift."""
    gold = corpus_gold(doc)
    result = parse_report(docx_to_text((doc / "source.lo.docx").read_bytes(), Limits()))
    assert cell_misses(gold, result) == {}
    assert sum(1 for _ in gold_cells(gold)) >= 198
    assert [section["kind"] for section in result["sections"]] == gold["section_kinds"]
    for field in ("organization", "year", "template"):
        assert result["report"][field] == gold["report"][field], field


@pytest.mark.parametrize("doc", [doc for doc in LO_DOCS if (doc / "source.html").is_file()], ids=lambda doc: doc.name)
def test_libreoffice_docx_tables_read_as_the_html_page(doc):
    """Each table row the HTML reader reads from the page, the .docx reader reads from the Word
    file saved from it, in the same order (the .docx also keeps the portal's link bar)."""
    from service.formats.html import html_to_text
    html_rows = table_rows(html_to_text((doc / "source.html").read_bytes())[0], html=True)
    docx_rows = iter(table_rows(docx_to_text((doc / "source.lo.docx").read_bytes(), Limits())))
    assert len(html_rows) >= 40
    assert all(row in docx_rows for row in html_rows)         # a subsequence, in order


def test_libreoffice_grid_split_under_a_straddling_header():
    lines = docx_to_text((corpus_doc_named("pingtan-2021") / "source.lo.docx").read_bytes(), Limits()).split("\n")
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    # header rows keep the eleven grid columns (自然人 spans two, so does 商业企业, one further right)
    assert f"{note} |  |  | 自然人 |  | 法人或其他组织 |  |  |  |  | 总计" in lines
    assert f"{note} |  |  |  | 商业企业 |  | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计" in lines
    # rows of numbers: the printed cells only
    assert "一、本年新收政府信息公开申请数量 | 64 | 0 | 0 | 2 | 0 | 4 | 70" in lines
    assert "三、本年度办理结果 | （一）予以公开 | 27 | 0 | 0 | 2 | 0 | 1 | 30" in lines
    assert "三、本年度办理结果 | （四）无法提供 | 1.本机关不掌握相关政府信息 | 22 | 0 | 0 | 0 | 0 | 3 | 25" in lines
    assert "三、本年度办理结果 | （七）总计 | 63 | 0 | 0 | 2 | 0 | 4 | 69" in lines
    assert "行政许可 | 2293" in lines and "行政事业性收费 | 24252.311082" in lines


def test_grid_fillers_are_left_out_of_number_rows_only():
    """gridBefore, gridAfter, the rest of a gridSpan and an hMerge continuation are grid columns
    without a cell: kept in a row of labels, left out of a row of numbers. A vertically merged
    label repeats; a vertically merged number counts once (an empty cell below it)."""
    span2 = '<w:gridSpan w:val="2"/>'
    before = '<w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>'
    body = (
        "<w:tbl>"
        f"<w:tr>{tc(p('项目'))}{tc(p('自然人'), props=span2)}{tc(p('法人'), props=span2)}{tc(p('总计'))}</w:tr>"
        f"<w:tr>{tc(p(''))}{tc(p(' '))}{tc(p('商业企业'), props=span2)}{tc(p('其他'))}{tc(p('总计'))}</w:tr>"
        f"<w:tr>{tc(p('新收'))}{tc(p('64'))}{tc(p('0'), props=span2)}{tc(p('4'))}{tc(p('70'))}</w:tr>"
        f"<w:tr>{before}{tc(p('结转'))}{tc(p('5'), props=span2)}{tc(p('1'))}{tc(p('6'))}</w:tr>"
        f"<w:tr>{tc(p('办理'), props=VMERGE_RESTART)}{tc(p('1'), props=HMERGE_RESTART)}{tc(props=HMERGE)}"
        f"{tc(p('7'), props=VMERGE_RESTART + span2)}{tc(p('2'))}{tc(p('9'))}</w:tr>"
        f"<w:tr>{tc(props=VMERGE)}{tc(p('3'))}{tc(p(''))}{tc(props=VMERGE + span2)}{tc(p('—'))}{tc(p('3'))}</w:tr>"
        f"<w:tr>{before}{tc(p('说明'), props=span2)}{tc(p('见下'))}{tc(p(''))}</w:tr>"
        "</w:tbl>"
    )
    assert docx_to_text(docx_with_body(body), Limits()).split("\n") == [
        "项目 | 自然人 |  | 法人 |  | 总计",
        " |  | 商业企业 |  | 其他 | 总计",
        "新收 | 64 | 0 | 4 | 70",
        "结转 | 5 | 1 | 6",
        "办理 | 1 | 7 | 2 | 9",
        "办理 | 3 |  |  | — | 3",
        " | 说明 |  | 见下 |  | ",
    ]


CELL_TEXTS = st.sampled_from(["自然人", "商业企业", "总计", "（一）予以公开", "", "—", "/"])
NUMBER_TEXTS = st.sampled_from(["0", "64", "7730.28", "-18", "12件", "1,207"])
GRID_ROWS = st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2), st.lists(st.tuples(
    st.one_of(CELL_TEXTS, NUMBER_TEXTS), st.integers(1, 3)), min_size=2, max_size=6)), min_size=1, max_size=6)
DOCX_BASE = {}


@settings(max_examples=60, deadline=None)
@given(GRID_ROWS)
def test_rows_on_the_grid(rows):
    """Any table of plain cells with gridSpan, gridBefore and gridAfter: a row of numbers is its
    cells' texts in order, nothing added; a row of labels puts each text at its grid column."""
    if "base" not in DOCX_BASE:
        out = io.BytesIO()
        docx.Document().save(out)
        DOCX_BASE["base"] = out.getvalue()
    markup = []
    for before, after, cells in rows:
        props = f'<w:trPr><w:gridBefore w:val="{before}"/><w:gridAfter w:val="{after}"/></w:trPr>'
        markup.append(f"<w:tr>{props}" + "".join(
            tc(p(text), props=f'<w:gridSpan w:val="{span}"/>') for text, span in cells) + "</w:tr>")
    data = replace_member(DOCX_BASE["base"], "word/document.xml", (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:body><w:tbl>{"".join(markup)}</w:tbl><w:sectPr/></w:body></w:document>').encode("utf-8"))
    lines = docx_to_text(data, Limits()).split("\n")
    assert len(lines) == len(rows)
    for line, (before, after, cells) in zip(lines, rows):
        texts = ["".join(text.split()).replace("|", "/") for text, _ in cells]
        if any(re.fullmatch(r"-?[\d,.]+件?", text) for text in texts):
            assert line.split(" | ") == texts
        else:
            expected = [""] * before
            for text, span in cells:
                expected += [text] + [""] * (span - 1)
            assert line.split(" | ") == expected + [""] * after


# ---------------------------------------------------------------------------------------------
# Hostile and broken input

def zip_bytes(members):
    """A zip written by hand, so that headers can lie: members are
    (name, stored bytes, method, declared uncompressed size, declared CRC)."""
    out, central = io.BytesIO(), []
    for name, payload, method, size, crc in members:
        offset = out.tell()
        encoded = name.encode()
        out.write(struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", 20, 0, 0, method, 0, 0, crc,
                              len(payload), size, len(encoded), 0) + encoded + payload)
        central.append(struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", 20, 0, 20, 0, 0, method, 0, 0, crc,
                                   len(payload), size, len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
    start = out.tell()
    directory = b"".join(central)
    out.write(directory + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members),
                                      len(directory), start, 0))
    return out.getvalue()


def deflated_zeros(mebibytes):
    """A raw deflate stream of `mebibytes` MiB of zeros, about 1 KiB per MiB, built without ever
    holding the expanded bytes: one fully flushed block repeated."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(1 << 20)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * mebibytes + compressor.flush()


CONTENT_TYPES = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                 b'content-types"/>')


def raises_kind(kind, data, limits=Limits()):
    start = time.perf_counter()
    with pytest.raises(FormatError) as caught:
        docx_to_text(data, limits)
    elapsed = time.perf_counter() - start
    assert caught.value.kind == kind, caught.value.detail
    return elapsed


def test_zip_bomb_is_refused_from_its_header():
    stream = deflated_zeros(1024)                                    # 1 GiB in ~1 MiB
    data = zip_bytes([("[Content_Types].xml", CONTENT_TYPES, 0, len(CONTENT_TYPES), zlib.crc32(CONTENT_TYPES)),
                      ("word/document.xml", stream, 8, 1 << 30, 0)])
    assert raises_kind("payload-too-large", data) < 0.1
    # a member within the ratio but a total over the limit
    assert raises_kind("payload-too-large", data, Limits(max_docx_ratio=10_000)) < 0.1


def test_lying_header_is_caught_by_the_bytes_it_inflates_to():
    stream = deflated_zeros(256)
    data = zip_bytes([("word/document.xml", stream, 8, 1000, 0)])   # says 1000 bytes, inflates to 256 MiB
    assert raises_kind("payload-too-large", data) < 0.1


def test_too_many_members():
    empty = ("x", b"", 0, 0, 0)
    data = zip_bytes([("word/document.xml", b"", 0, 0, 0)] + [(f"m{i}", *empty[1:]) for i in range(2001)])
    assert raises_kind("payload-too-large", data) < 0.5


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                             for i in range(1, 10))
                  + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                    b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")
EXTERNAL_ENTITY = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                   b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                   b"<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>")


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL_ENTITY,
                                 BILLION_LAUGHS.decode().replace('<?xml version="1.0"?>', "").encode("utf-16")],
                         ids=["billion-laughs", "external-entity", "utf-16"])
def test_entity_declarations_are_refused(xml):
    data = replace_member(docx_with_body(p("x")), "word/document.xml", xml)
    assert raises_kind("invalid-document", data) < 0.1


def test_broken_input_is_invalid_document():
    base = docx_with_body(p("一、总体情况"))
    empty_zip = io.BytesIO()
    zipfile.ZipFile(empty_zip, "w").close()
    no_document = io.BytesIO()
    with zipfile.ZipFile(no_document, "w") as archive:
        archive.writestr("word/other.xml", "<x/>")
    truncated_stream = zlib.compressobj(9, zlib.DEFLATED, -15).compress(b"<w:document/>" * 100)
    cases = {
        "random": bytes(range(256)) * 40,
        "empty": b"",
        "zip-magic-only": b"PK\x03\x04" + bytes(100),
        "empty-zip": empty_zip.getvalue(),
        "no-document-xml": no_document.getvalue(),
        "cut-in-half": base[:len(base) // 2],
        "not-xml": replace_member(base, "word/document.xml", b"\x00\x01 not xml"),
        "not-wordml": replace_member(base, "word/document.xml", b"<html><body><p>x</p></body></html>"),
        "no-body": replace_member(base, "word/document.xml", b'<w:document xmlns:w="http://schemas.openxml'
                                  b'formats.org/wordprocessingml/2006/main"/>'),
        "bad-crc": zip_bytes([("word/document.xml", b"<x/>", 0, 4, 12345)]),
        "truncated-deflate": zip_bytes([("word/document.xml", truncated_stream, 8, 1300, 0)]),
        "bzip2-member": zip_bytes([("word/document.xml", b"BZh9", 12, 4, 0)]),
    }
    for name, data in cases.items():
        assert raises_kind("invalid-document", data) < 0.1, name
    assert docx_to_text(base, Limits()) == "一、总体情况"


# --- element and attribute caps, counted while the tree is built --------------------------------

def runs_body(runs: int, attributes: int = 0) -> str:
    attrs = "".join(f' w:a{i}="1"' for i in range(attributes))
    return "<w:p>" + f"<w:r{attrs}><w:t>一</w:t></w:r>" * runs + "</w:p>"


def test_elements_over_the_cap_are_refused_with_the_cap_named():
    data = docx_with_body(runs_body(600))           # 1 200 elements of runs and texts, and a few more
    assert docx_to_text(data, Limits(max_docx_elements=1_300)) == "一" * 600
    with pytest.raises(FormatError) as caught:
        docx_to_text(data, Limits(max_docx_elements=1_000))
    assert caught.value.kind == "payload-too-large"
    assert "1000 elements (MAX_DOCX_ELEMENTS)" in caught.value.detail


def test_attributes_count_as_well():
    """2 000 elements carrying 10 attributes each: under an element cap that ignored them."""
    data = docx_with_body(runs_body(1_000, attributes=10))
    assert docx_to_text(data, Limits(max_docx_attributes=10_100)) == "一" * 1_000
    with pytest.raises(FormatError) as caught:
        docx_to_text(data, Limits(max_docx_attributes=5_000))
    assert caught.value.kind == "payload-too-large"
    assert "5000 attributes (MAX_DOCX_ATTRIBUTES)" in caught.value.detail


def test_millions_of_empty_runs_are_refused_by_default():
    """2.9 M empty runs (the 174 KiB file that grew a worker to 527 MiB): refused at the cap."""
    spaces, pick = ["", " ", "\n", "\t"], random.Random(10).choices   # white space: not a zip-bomb ratio
    body = "<w:p>" + "".join("<w:r/>" + a + b for a, b in zip(pick(spaces, k=2_900_000), pick(spaces, k=2_900_000))) \
        + "</w:p>"
    with pytest.raises(FormatError) as caught:
        docx_to_text(docx_with_body(body))
    assert caught.value.kind == "payload-too-large"
    assert f"{Limits().max_docx_elements} elements" in caught.value.detail
