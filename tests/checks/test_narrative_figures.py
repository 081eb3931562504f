"""The narrative's figure search (service/parsing/narrative.py) finds what it found before it was
made cheaper: the same flattened text, figures (rule entry, value, offset, clause before it,
excerpt) and input lines as the reference kept verbatim in tests/checks/narrative_reference.py,
over generated texts made of the pieces the search reacts to, and over the corpus texts."""

from pathlib import Path

from hypothesis import given, settings, strategies as st

from service.parsing import narrative
from service.parsing.normalize import prepare
from tests.checks import narrative_reference as reference

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"      # as the golden tests

CUES = sorted({cue for entry in reference.rules.PROSE_FIGURES for cue in entry["cues"]})
PIECES = [*CUES, "上一年度", "下一年度", "至", "到", "申请", "政府信息公开", "了", "的", "为", "数量", "案件",
          "上年", "去年", "同比", "其中", "较", "复议", "诉讼", "咨询", "制发", "印发", "新增", "规范性文件", "规章",
          "2023年", "2024年", "2019年", "1999年", "年度", "共", "全年", "件", "条", "项", "个", "起", "宗",
          "，", ",", "。", ";", "；", "!", "?", "！", "？", "、", ":", "：", ".", "0", "7", "12", "351", "3.5",
          "１２", "٣", "٣件", "3件", "12件", "A", "b", "x1", " ", "  ", "\n", "\n\n", "\t", "\u3000", "\u00a0", "\x00"]
SHORT = ["a", "Z", "1", "٣", " ", "\n", "\u3000", "，", "。", "件", "年"]     # white space between alphanumerics
TEXTS = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(SHORT), st.integers(0, 10 ** 13).map(str)),
                 max_size=60).map("".join) | st.text(alphabet="aZ19٣ \n\t\u3000\u00a0件年，。", max_size=80)
YEARS = st.sampled_from([None, 2019, 2023, 2024])


def spans(size):
    return st.lists(st.tuples(st.integers(0, size), st.integers(0, 40)), max_size=3)


def regions_of(text, cuts):
    return {"not found": None, **{f"table{index}": (min(start, len(text)), min(start + size, len(text)))
                                  for index, (start, size) in enumerate(cuts)}}


def same_answer(doc, regions, year, limit=narrative.MAX_FIGURES):
    """The new search (worked out, and asked again: the answer kept on the document) against the
    reference."""
    expected, expected_line = reference.figures(doc, regions, year, limit)
    for found, line_at in (narrative._figures(doc, regions, year, limit),
                           narrative.figures(doc, regions, year, limit),
                           narrative.figures(doc, regions, year, limit)):
        assert [(figure.entry, figure.value, figure.at, figure.before, figure.excerpt) for figure in found] == [
            (figure.entry, figure.value, figure.at, figure.before, figure.excerpt) for figure in expected]
        assert all(found_figure.entry is expected_figure.entry for found_figure, expected_figure in zip(found, expected))
        assert [line_at(figure.at) for figure in found] == [expected_line(figure.at) for figure in expected]
    return expected


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.data(), YEARS, st.integers(1, 40))
def test_figures_are_those_the_reference_finds(text, data, year, limit):
    doc = prepare(text)
    regions = regions_of(text, data.draw(spans(len(text))))
    same_answer(doc, regions, year, limit)
    assert narrative.narrative(doc, regions)[0] == reference.narrative(doc, regions)[0]


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.data())
def test_flattened_text_and_every_line_are_the_reference_s(text, data):
    """Every offset of the flattened narrative maps to the reference's line, counted and walked."""
    doc = prepare(text)
    regions = regions_of(text, data.draw(spans(len(text))))
    flat, counted = narrative.narrative(doc, regions)
    expected_flat, expected_counted = reference.narrative(doc, regions)
    assert flat == expected_flat
    _, walked = narrative.narrative(doc, regions, by_runs=True)
    for at, char in enumerate(flat):
        if not char.isspace():
            assert counted(at) == expected_counted(at) == walked(at)


def test_the_corpus_narratives_give_the_reference_s_figures():
    """Each corpus text, whole and with a stretch cut out as a table would be; the seed reports
    state figures, so the comparison is not of empty lists."""
    stated = 0
    for path in sorted(CORPUS.glob("*/input.txt")):
        text = path.read_text(encoding="utf-8")
        for regions in ({}, {"table": (len(text) // 3, len(text) // 2)}):
            doc = prepare(text)
            stated += len(same_answer(doc, regions, 2023))
    assert stated >= 20


def test_a_changed_question_is_worked_out_again():
    """The answer kept on the document serves only the same regions, year and limit."""
    text = "2023年收到政府信息公开申请21件，予以公开8件。\n表格\n1 2 3\n行政复议3件。"
    doc = prepare(text)
    table = text.index("表格")
    whole, _ = narrative.figures(doc, {}, 2023)
    cut, _ = narrative.figures(doc, {"table": (table, len(text))}, 2023)
    other_year, _ = narrative.figures(doc, {}, 2024)
    assert [figure.value for figure in whole] == [21, 8, 3]
    assert [figure.value for figure in cut] == [21, 8]
    assert [figure.value for figure in other_year] == [8, 3]        # "2023年" names another year
    assert [figure.value for figure in narrative.figures(doc, {}, 2023, 1)[0]] == [21]


HANDMADE = [
    "2023年予以公开٣件，行政复议 3 件。\nPDF 1 a\n转至2024年度 5件",      # a digit of another script, kept spaces
    "上年结转政府信息公开申请2件；办结\n答复\u30009 件!不予公开1件？其中无法提供3件",
    "全年收到申请\x0012件，A \x00 b 7件",                                 # the KEPT character in the input
    "12件" * 50 + "受理申请" + "，" * 3 + "3件",
]


def test_handmade_narratives_give_the_reference_s_figures_and_lines():
    found = 0
    for text in HANDMADE:
        for regions in ({}, {"table": (3, 9)}):
            found += len(same_answer(prepare(text), regions, 2023))
    assert found >= 10
