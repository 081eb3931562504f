"""The checks stage (service.checks.run_checks) gives what it gave before it was made cheaper:
the reference kept in tests/checks/checks_reference (the stage at 1499bde), check for check,
over the corpus texts, over mutated corpus texts parsed whole (figures in the narrative changed,
added and removed, table digits changed, lines dropped, doubled and swapped) and over generated
results (tables with blank, negative, fractional and missing cells, recovered cells, any year
and template, sections present or not, row-width warnings)."""

import random
from pathlib import Path

from hypothesis import given, settings, strategies as st

from service.checks import CheckContext, run_checks
from service.documents import read_report
from service.parsing.codes import WarningCode
from service.parsing.recovery import recover
from service.rules import labels as label_rules
from tests.checks import checks_reference as reference

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"      # as the golden tests
TEXTS = {path.parent.name: path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*/input.txt"))}
SENTENCES = ["本年度共收到政府信息公开申请{n}件，予以公开{m}件，部分公开{n}件。",
             "不予公开{m}件，无法提供{n}件，不予处理{m}件，其他处理{n}件，结转下年度继续办理{m}件。",
             "上年结转{n}件，办结{m}件。行政复议{n}件，行政诉讼{m}件。",
             "其中因本机关不掌握等原因无法提供{n}件，属于国家秘密不予公开{m}件。",
             "新制发规范性文件{n}件，现行有效规范性文件{m}件，出台规章{n}条。",
             "依申请公开{m}件，{n}件申请结转至下一年度，{m}起行政复议。"]


def both(result, doc, regions, cell_lines, warnings):
    """(new, reference) checks of one result, each with the document's kept figures cleared."""
    answers = []
    for run in (run_checks, reference.run_checks):
        if doc is not None:
            doc.narrative_figures = None
        answers.append(run(result, CheckContext(doc=doc, regions=regions, cell_lines=cell_lines, warnings=warnings)))
    return answers


def checks_of(text):
    reading = recover(read_report(text))
    result = reading.output()
    return both(result, reading.doc, reading.regions, reading.cell_lines, reading.result["warnings"])


def test_the_corpus_texts_get_the_reference_s_checks():
    assert len(TEXTS) >= 17
    for text in TEXTS.values():
        new, old = checks_of(text)
        assert new == old


def mutated(text, seed, sentences):
    rng = random.Random(seed)
    lines = text.split("\n")
    for _ in range(rng.randint(0, 4)):
        kind, at = rng.randrange(5), rng.randrange(len(lines))
        if kind == 0:
            del lines[at]
        elif kind == 1:
            lines.insert(at, lines[at])
        elif kind == 2:
            other = rng.randrange(len(lines))
            lines[at], lines[other] = lines[other], lines[at]
        else:                                          # a digit changed, or one in a cell made negative/fractional
            digits = [i for i, char in enumerate(lines[at]) if char.isdigit()]
            if digits:
                i = rng.choice(digits)
                lines[at] = lines[at][:i] + rng.choice(["0", "7", "12", "-3", "2.5", " 9 "]) + lines[at][i + 1:]
    for sentence in sentences:
        at = rng.randrange(len(lines))
        lines.insert(at, sentence.format(n=rng.randint(0, 40), m=rng.randint(0, 400)))
    return "\n".join(lines)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(TEXTS)), st.integers(0, 2 ** 32), st.lists(st.sampled_from(SENTENCES), max_size=4))
def test_mutated_corpus_texts_get_the_reference_s_checks(name, seed, sentences):
    new, old = checks_of(mutated(TEXTS[name], seed, sentences))
    assert new == old


VALUE = st.one_of(st.none(), st.integers(-3, 30), st.sampled_from([0.5, 2.0, 1207.5, -0.25]))


@st.composite
def results(draw):
    template = draw(st.sampled_from(["2019", "2021", None]))
    year = draw(st.sampled_from([None, 2012, 2019, 2020, 2021, 2024]))
    active = {}
    for row in draw(st.lists(st.sampled_from(list(label_rules.ACTIVE_DISCLOSURE_ROWS)), unique=True, max_size=9)):
        columns = draw(st.lists(st.sampled_from(["new_made", "issued", "repealed", "in_force", "new_published",
                                                 "total_published", "previous", "change", "decisions", "projects",
                                                 "amount"]), unique=True, max_size=4))
        active[row] = {column: draw(VALUE) for column in columns}
    applications = {}
    for row in label_rules.APPLICATION_ROW_ORDER["2021" if template == "2021" else "2019"]:
        if draw(st.integers(0, 5)):
            applications[row] = {column: draw(VALUE) for column in label_rules.APPLICATION_COLUMNS
                                 if draw(st.integers(0, 12))}
    reviews = {row: {column: draw(VALUE) for column in label_rules.REVIEW_COLUMNS}
               for row in label_rules.REVIEW_ROW_ORDER}
    tables = {"active_disclosure": {"rows": active, "line": draw(st.integers(0, 9))} if active or draw(st.booleans())
              else None,
              "applications": {"rows": applications, "line": draw(st.integers(0, 9))} if applications else None,
              "reviews_and_lawsuits": {"rows": reviews, "line": 0} if draw(st.booleans()) else None}
    paths = [f"tables.{table}.rows.{row}.{column}" for table, content in tables.items() if content
             for row, columns in content["rows"].items() for column in columns]
    provenance = {}
    if paths and draw(st.booleans()):
        for cell in draw(st.lists(st.sampled_from(paths), max_size=6)):
            provenance[cell] = {"identities": draw(st.lists(st.sampled_from(
                ["applications.balance", "applications.row_total", "applications.results_sum",
                 "reviews.row_total"]), max_size=2))}
    lines = {cell: draw(st.integers(0, 40)) for cell in paths if draw(st.integers(0, 5))}
    kinds = ["overview", "active_disclosure", "applications", "reviews_and_lawsuits", "problems_and_improvements",
             "other_matters"]
    sections = [{"kind": kind, "line": draw(st.integers(0, 30)),
                 "text": draw(st.sampled_from(["", "不收取信息处理费", "收费", "无", "费用", "处理"]))}
                for kind in draw(st.lists(st.sampled_from(kinds), unique=True))]
    warnings = [{"code": WarningCode.ROW_VALUE_COUNT.value, "table": table, "row": row, "line": draw(st.integers(0, 9)),
                 "message": "row has 3 values"}
                for table, row in draw(st.lists(st.sampled_from([("applications", "new_received"),
                                                                 ("active_disclosure", "licensing"),
                                                                 ("reviews_and_lawsuits", "review"),
                                                                 ("applications", "no_such_row")]), max_size=2))]
    warnings += [{"code": "other", "line": 1}] * draw(st.integers(0, 1))
    result = {"report": {"year": year, "template": template}, "tables": tables, "provenance": provenance,
              "sections": sections, "warnings": warnings}
    return result, lines, draw(st.sampled_from([None, warnings]))


@settings(max_examples=300, deadline=None)
@given(results())
def test_generated_results_get_the_reference_s_checks(drawn):
    result, lines, warnings = drawn
    new, old = both(result, None, {}, lines, warnings)
    assert new == old
