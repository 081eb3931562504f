"""The geometry of tables without ruling lines (service/formats/pdf_layout.py) on small
synthetic pages: characters placed the way Chromium prints a borderless table (labels wrapped
beside figures centred on them, header cells above the columns), and the pipe rows they give."""

from service.formats.pdf_layout import Char, Page, find_borderless_tables, line_pieces, pages_text

SIZE = 10.0


def text_at(text, x, y, size=SIZE, advance=None):
    """One line of characters from x at top y; Latin and digits half as wide as Chinese."""
    chars = []
    for ch in text:
        width = size * (0.5 if ch.isascii() else 1.0)
        chars.append(Char(ch, x, y, x + width, y + size, size))
        x += advance if advance is not None else width + 0.5
    return chars


def row(label, figures, y, label_x=40, columns=(200, 240, 280, 320)):
    chars = text_at(label, label_x, y) if label else []
    for figure, x in zip(figures, columns):
        if figure is not None:
            chars += text_at(figure, x, y)
    return chars


def page_text(chars, height=800):
    return pages_text([Page(595, height, chars)])[0]


def pipe_rows(text):
    return [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in text.splitlines()
            if line.startswith("|")]


def test_figure_glued_to_its_label_is_a_piece_of_its_own():
    pieces = line_pieces(text_at("行政事业性收费5949.08", 40, 100))
    assert [piece.text for piece in pieces] == ["行政事业性收费", "5949.08"]
    # digits inside running text stay with it
    assert [piece.text for piece in line_pieces(text_at("共收到70件申请", 40, 100))] == ["共收到70件申请"]


def test_rows_of_figures_become_pipe_rows_with_labels_wrapped_around_them():
    chars = []
    chars += text_at("申请人情况", 252, 60)          # centred over the columns
    chars += text_at("自然人", 200, 80) + text_at("法人", 240, 80) + text_at("其他", 280, 80) + text_at("总计", 320, 80)
    chars += row("一、本年新收申请数量", ["12", "0", "3", "15"], 110)
    # a label wrapped over three lines, its figures centred on the middle one
    chars += text_at("二、上年结转政", 40, 130)
    chars += row("府信息公开申请数", ["1", "0", "0", "1"], 145)
    chars += text_at("量", 40, 160)
    chars += row("三、结转下年度", ["0", "0", "0", "0"], 185)
    text = page_text(chars)
    rows = pipe_rows(text)
    assert ["一、本年新收申请数量", "12", "0", "3", "15"] in rows
    assert ["二、上年结转政府信息公开申请数量", "1", "0", "0", "1"] in rows
    assert ["三、结转下年度", "0", "0", "0", "0"] in rows
    header = next(r for r in rows if "自然人" in r)
    assert header[1:] == ["自然人", "法人", "其他", "总计"]


def test_numbering_tells_which_row_a_wrapped_label_belongs_to():
    chars = []
    chars += row("1.属于国家秘", ["0", "1", "0", "1"], 100)
    chars += text_at("密", 40, 115)
    chars += text_at("2.其他法律行", 40, 130)        # the next label starts above its figures
    chars += row("政法规禁止公", ["5", "0", "0", "5"], 145)
    chars += text_at("开", 40, 160)
    chars += row("3.其他", ["2", "0", "0", "2"], 180)
    rows = pipe_rows(page_text(chars))
    assert rows == [["1.属于国家秘密", "0", "1", "0", "1"], ["2.其他法律行政法规禁止公开", "5", "0", "0", "5"],
                    ["3.其他", "2", "0", "0", "2"]]


def test_a_row_with_a_figure_between_two_columns_keeps_its_label_and_loses_its_figures():
    chars = []
    chars += row("1.甲", ["1", "2", "3", "6"], 100)
    chars += row("2.乙", ["4", None, "5", "9"], 120)             # a blank cell: the figures still stand in columns
    chars += row("3.丙", ["7", "8"], 140, columns=(200, 260))     # 260: between the columns at 240 and 280
    chars += row("4.丁", ["1", "1", "1", "3"], 160)
    rows = pipe_rows(page_text(chars))
    assert ["2.乙", "4", "", "5", "9"] in rows
    assert ["3.丙", "", "", "", ""] in rows or ["3.丙"] in rows
    assert not any("8" in r for r in rows)


def test_running_text_with_figures_is_not_a_table():
    chars = []
    y = 100
    for line in ["本年度共收到政府信息公开申请70件，办结69件，结转1件，主动公开信息2645条，", "其中规范性文件12件。"]:
        chars += text_at(line, 40, y)
        y += 15
    chars += text_at("邮编：350400", 40, y) + text_at("电话：12345678", 40, y + 15)
    tables, taken = find_borderless_tables(chars, 595)
    assert tables == [] and taken == set()
    assert "|" not in page_text(chars)


def test_page_numbers_are_not_rows_of_figures():
    chars = text_at("- 3 -", 280, 790) + text_at("— 4 —", 280, 805)
    assert find_borderless_tables(chars, 595) == ([], set())


def test_a_table_going_on_over_the_next_page_is_one_table_and_the_cut_label_is_joined():
    first = row("1.甲", ["1", "2", "3", "6"], 100) + row("2.要求提供", ["0", "0", "0", "0"], 780)
    second = text_at("公开出版物", 40, 40) + row("3.丙", ["4", "0", "0", "4"], 60, columns=(202, 241, 279, 321))
    text = pages_text([Page(595, 842, first), Page(595, 842, second)])[0]
    rows = pipe_rows(text)
    assert rows == [["1.甲", "1", "2", "3", "6"], ["2.要求提供公开出版物", "0", "0", "0", "0"], ["3.丙", "4", "0", "0", "4"]]
