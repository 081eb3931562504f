"""What a person sees on PDF pages, rebuilt from character boxes and ruling lines: text lines in
reading order, and tables as rows of cells (one "| cell | cell |" line per row, the layout the
HTML and Word readers give). Pure geometry, no PDF library: service/formats/pdf.py feeds it.

Coordinates are points with the origin at the top left of the displayed page (y grows
downwards). A page is a `Page(width, height, chars, horizontals, verticals)`:

- chars: `Char(text, x0, top, x1, bottom, size)`, in the order the content stream gives them;
- horizontals: `(y, x0, x1)` ruling segments; verticals: `(x, y0, y1)`.

Tables are found where ruling lines cross: the distinct y of the horizontal rules and x of the
vertical rules of one cluster make a grid, neighbouring grid cells with no rule between them are
one merged cell, and each character goes to the cell under its centre. A merged cell is written
the way the HTML reader writes one: its text once per row it covers, followed by an empty cell
for each further column it covers. Text outside tables becomes lines (characters whose vertical
centres agree, ordered by x), with no space inserted between Chinese characters and runs of
spaces where a wide gap separates aligned columns. Tables without ruling lines are found among
the characters outside ruled tables (find_borderless_tables): lines whose figures stand in
columns are rows, the label lines around them and the header lines above them are gathered
by position and numbering, and they become Table objects like the ruled ones. A table that goes on at the top of the next page is joined to the
part above it; a row cut by the page break is joined back into one row. Running headers,
footers and page numbers are dropped by their position: a short first or last line of a page
that sits in the page's outer margin band.
"""

import bisect
import re
from dataclasses import dataclass, field

RULE_TOLERANCE = 1.5      # points: rules this close are one rule; a rule reaches a crossing this close
MIN_ROW_HEIGHT = 2.0      # grid lines closer than this (double rules) are one
MARGIN_BAND = 0.09        # share of the page height at the top and bottom where headers and footers sit
MAX_MARGIN_CHARS = 24     # a running header or footer is short
WIDE_GAP = 1.6            # a gap of this many font sizes separates columns: kept as several spaces
WORD_GAP = 0.3            # a gap of this many character sizes between Latin letters is a space
DIGIT_GAP = 0.6           # … between two digits
MAX_CELL_TEXT = 400       # characters: a cell with more is a paragraph in a box, not a table cell
MAX_CELLS = 20_000        # grid cells per table; more is not a report's table
CJK_RE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")


@dataclass
class Char:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float

    @property
    def middle(self):
        return (self.top + self.bottom) / 2


@dataclass
class Page:
    width: float
    height: float
    chars: list
    horizontals: list = field(default_factory=list)
    verticals: list = field(default_factory=list)


@dataclass
class Table:
    top: float
    bottom: float
    xs: list                   # column boundaries
    rows: list                 # rows of cell texts, merged cells expanded
    cells: list                # rows of cell ids (the merged cell each grid position belongs to)
    texts: dict                # cell id -> text
    chars: dict = field(default_factory=dict)   # cell id -> its characters
    open_top: bool = False     # the first row's cells reach the table's top rule
    figure_columns: list = None   # a table without rules: the (x0, x1) of its columns of figures


@dataclass
class Line:
    top: float
    bottom: float
    text: str
    size: float


# ----------------------------------------------------------------------------------------------
# rules


def _merge_segments(segments):
    """Collinear segments (coordinates within the tolerance of each other) that touch or
    overlap → one segment, at their mean coordinate."""
    merged = []
    group = []
    for segment in sorted(segments):
        if group and segment[0] - group[-1][0] > RULE_TOLERANCE:
            merged += _merge_intervals(group)
            group = []
        group.append(segment)
    if group:
        merged += _merge_intervals(group)
    return merged


def _merge_intervals(group):
    at = sum(segment[0] for segment in group) / len(group)
    out = []
    for _, start, end in sorted(group, key=lambda segment: segment[1]):
        if out and start <= out[-1][2] + RULE_TOLERANCE:
            out[-1] = (at, out[-1][1], max(out[-1][2], end))
        else:
            out.append((at, start, end))
    return out


def _clusters(horizontals, verticals):
    """Groups of rules that cross or touch each other: (horizontals, verticals) per group."""
    parent = list(range(len(horizontals) + len(verticals)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    offset = len(horizontals)
    by_x = sorted(range(len(verticals)), key=lambda j: verticals[j][0])
    xs = [verticals[j][0] for j in by_x]
    for i, (y, x0, x1) in enumerate(horizontals):
        lo = bisect.bisect_left(xs, x0 - RULE_TOLERANCE)
        hi = bisect.bisect_right(xs, x1 + RULE_TOLERANCE)
        for j in by_x[lo:hi]:
            _, y0, y1 = verticals[j]
            if y0 - RULE_TOLERANCE <= y <= y1 + RULE_TOLERANCE:
                parent[find(i)] = find(offset + j)
    groups = {}
    for i in range(len(parent)):
        groups.setdefault(find(i), ([], []))
        if i < offset:
            groups[find(i)][0].append(horizontals[i])
        else:
            groups[find(i)][1].append(verticals[i - offset])
    return [group for group in groups.values() if len(group[0]) >= 2 and len(group[1]) >= 2]


def _distinct(values, gap):
    out = []
    for value in sorted(values):
        if not out or value - out[-1] > gap:
            out.append(value)
    return out


def _covers(segments, at, start, end):
    """True when rules at `at` cover most of [start, end]."""
    need = (end - start) * 0.5
    covered = 0.0
    for coordinate, s0, s1 in segments:
        if abs(coordinate - at) <= RULE_TOLERANCE:
            covered += max(0.0, min(end, s1) - max(start, s0))
    return covered >= need


# ----------------------------------------------------------------------------------------------
# text


def _join(left: str, right: str) -> str:
    """Two pieces of one cell or line: a space only between Latin letters or digits."""
    if not left or not right:
        return left + right
    if left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum():
        return left + " " + right
    return left + right


def group_lines(chars):
    """Characters → lines (lists of chars ordered by x), top to bottom. Tight glyph boxes differ
    in height (a comma sits low, a quotation mark high, a digit is shorter than a Chinese
    character): a character joins the line when its centre lies within the line's extent or the
    line's centre within its box; the extent is the box of the line's tallest character."""
    lines = []
    for char in sorted(chars, key=lambda c: c.middle):
        if lines:
            line, (top, bottom) = lines[-1]
            middle = (top + bottom) / 2
            if top - 0.5 <= char.middle <= bottom + 0.5 or char.top - 0.5 <= middle <= char.bottom + 0.5:
                line.append(char)
                if char.bottom - char.top > bottom - top:
                    lines[-1][1] = (char.top, char.bottom)
                continue
        lines.append([[char], (char.top, char.bottom)])
    result = []
    for line, _ in lines:
        line.sort(key=lambda c: c.x0)
        result.append(line)
    return result


def _word_gap(left, right):
    """Digits sit close in proportional fonts (a "1" has a wide side bearing): a space between
    two digits needs a wider gap than between two letters."""
    return DIGIT_GAP if left.text.isdigit() and right.text.isdigit() else WORD_GAP


def _is_cjk(text):
    return bool(CJK_RE.match(text))


def line_text(chars, keep_columns=True) -> str:
    """The text of one line: spaces from gaps (measured in the line's typical character size) and
    from the PDF's own space characters, none between Chinese characters unless the gap is a
    column gap (then several spaces, when keep_columns)."""
    sizes = sorted(char.size for char in chars if not char.text.isspace())
    if not sizes:
        return ""
    size = max(sizes[len(sizes) // 2], 1.0)
    out = []
    previous = None
    spaced = False
    for char in chars:
        if char.text.isspace():
            spaced = True
            continue
        if previous is not None:
            gap = char.x0 - previous.x1
            latin = not (_is_cjk(previous.text) or _is_cjk(char.text))
            if keep_columns and gap >= WIDE_GAP * size:
                out.append(" " * max(2, round(gap / (size / 2))))
            elif gap >= WIDE_GAP * size or (latin and (spaced or gap >= _word_gap(previous, char) * size)):
                out.append(" ")
        out.append(char.text)
        previous = char
        spaced = False
    return "".join(out)


def _cell_text(chars) -> str:
    text = ""
    for line in group_lines(chars):
        text = _join(text, line_text(line, keep_columns=False).strip())
    return text


# ----------------------------------------------------------------------------------------------
# tables


def _grid(horizontals, verticals):
    ys = _distinct([h[0] for h in horizontals], MIN_ROW_HEIGHT)
    xs = _distinct([v[0] for v in verticals], MIN_ROW_HEIGHT)
    if len(ys) < 2 or len(xs) < 3 or (len(ys) - 1) * (len(xs) - 1) > MAX_CELLS:
        return None          # one column is a box around text, not a table
    rows, columns = len(ys) - 1, len(xs) - 1
    parent = list(range(rows * columns))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(rows):
        for c in range(columns):
            if c + 1 < columns and not _covers(verticals, xs[c + 1], ys[r], ys[r + 1]):
                parent[find(r * columns + c + 1)] = find(r * columns + c)
            if r + 1 < rows and not _covers(horizontals, ys[r + 1], xs[c], xs[c + 1]):
                parent[find((r + 1) * columns + c)] = find(r * columns + c)
    cells = [[find(r * columns + c) for c in range(columns)] for r in range(rows)]
    return ys, xs, cells


def _close(horizontals, verticals):
    """A table cut by a page break has no rule along the cut (Chromium draws none): where the
    column rules reach past the first or last horizontal rule, the cut edge is closed there.
    Also says whether the top was open (the first row is the rest of a row on the page before)."""
    top, bottom = min(h[0] for h in horizontals), max(h[0] for h in horizontals)
    left, right = min(v[0] for v in verticals), max(v[0] for v in verticals)
    reach_top, reach_bottom = min(v[1] for v in verticals), max(v[2] for v in verticals)
    horizontals = list(horizontals)
    open_top = reach_top < top - MIN_ROW_HEIGHT
    if open_top:
        horizontals.append((reach_top, left, right))
    if reach_bottom > bottom + MIN_ROW_HEIGHT:
        horizontals.append((reach_bottom, left, right))
    return (horizontals, verticals), open_top


def _regions(cells):
    """Merged cell id → (grid cells it covers, its bounding rows and columns)."""
    regions = {}
    for r, row in enumerate(cells):
        for c, cell in enumerate(row):
            members, box = regions.setdefault(cell, ([], [r, c, r, c]))
            members.append((r, c))
            box[0], box[1], box[2], box[3] = min(box[0], r), min(box[1], c), max(box[2], r), max(box[3], c)
    return regions


def _holes(cells, frame):
    """The grid cells a frame (a merged cell that is not a rectangle: the frame of a page layout
    around a table) encloses, as connected groups."""
    members, (r0, c0, r1, c1) = frame
    own = set(members)
    inside = {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - own
    groups = []
    while inside:
        stack = [inside.pop()]
        group = set(stack)
        while stack:
            r, c = stack.pop()
            for neighbour in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                if neighbour in inside:
                    inside.discard(neighbour)
                    group.add(neighbour)
                    stack.append(neighbour)
        groups.append(group)
    return groups


def _within(segments, lo_at, hi_at, lo, hi):
    return [(at, max(start, lo), min(end, hi)) for at, start, end in segments
            if lo_at - RULE_TOLERANCE <= at <= hi_at + RULE_TOLERANCE and start < hi and end > lo]


def find_tables(horizontals, verticals, chars, taken, depth=0):
    """The tables the rules draw; the characters in their cells are added to `taken`. A frame
    drawn around a table (a page layout printed with borders) is looked through: the tables
    inside it are found on their own, its text is left to the lines."""
    tables = []
    for group in _clusters(horizontals, verticals):
        group, open_top = _close(*group)
        grid = _grid(*group)
        if grid is None:
            continue
        ys, xs, cells = grid
        regions = _regions(cells)
        frames = [region for region in regions.values()
                  if len(region[0]) < (region[1][2] - region[1][0] + 1) * (region[1][3] - region[1][1] + 1)]
        if frames:
            if depth < 3:
                for frame in frames:
                    for hole in _holes(cells, frame):
                        r0, r1 = min(r for r, _ in hole), max(r for r, _ in hole) + 1
                        c0, c1 = min(c for _, c in hole), max(c for _, c in hole) + 1
                        tables += find_tables(_within(group[0], ys[r0], ys[r1], xs[c0], xs[c1]),
                                              _within(group[1], xs[c0], xs[c1], ys[r0], ys[r1]),
                                              chars, taken, depth + 1)
            continue
        table = _table(group, ys, xs, cells, chars, taken)
        if table is not None:
            table.open_top = open_top
            tables.append(table)
    return tables


def _table(group, ys, xs, cells, chars, taken):
    horizontals, verticals = group
    inside = {}
    members = set()
    for index, char in enumerate(chars):
        if index in taken:
            continue
        cx, cy = (char.x0 + char.x1) / 2, char.middle
        if xs[0] < cx < xs[-1] and ys[0] < cy < ys[-1]:
            r = bisect.bisect_right(ys, cy) - 1
            c = bisect.bisect_right(xs, cx) - 1
            inside.setdefault(cells[r][c], []).append(char)
            members.add(index)
    texts = {cell: _cell_text(chars_in) for cell, chars_in in inside.items()}
    if not any(texts.values()) or max(map(len, texts.values())) > MAX_CELL_TEXT:
        return None        # an empty grid, or a box drawn around paragraphs: not a table
    taken.update(members)
    return Table(top=ys[0], bottom=ys[-1], xs=xs, rows=[], cells=cells, texts=texts, chars=inside)


def expand(cells, texts):
    """Rows of cell ids → rows of texts, merged cells written as the HTML reader writes them."""
    rows = []
    for r, row in enumerate(cells):
        out = []
        for c, cell in enumerate(row):
            if c > 0 and row[c - 1] == cell:
                out.append("")                     # a column-spanning cell: written once
            else:
                out.append(texts.get(cell, ""))    # a row-spanning cell repeats on each row
        rows.append(out)
    return rows


# ----------------------------------------------------------------------------------------------
# pages


def page_blocks(page: Page):
    """The tables and text lines of one page, top to bottom: a list of Table and Line."""
    horizontals = _merge_segments(page.horizontals)
    verticals = _merge_segments(page.verticals)
    taken = set()
    tables = find_tables(horizontals, verticals, page.chars, taken)
    free = [char for index, char in enumerate(page.chars) if index not in taken]
    borderless, taken_free = find_borderless_tables(free, page.width)
    tables += borderless
    free = [char for char in free if id(char) not in taken_free]
    lines = []
    for chars in group_lines(free):
        text = line_text(chars).rstrip()
        if text.strip():
            lines.append(Line(top=min(c.top for c in chars), bottom=max(c.bottom for c in chars), text=text,
                              size=max(c.size for c in chars)))
    return sorted([*tables, *lines], key=lambda block: block.top)


PAGE_NUMBER_RE = re.compile(r"^[\s\-—–－_·.()（）第页共/|Pp]*\d+[\s\-—–－_·.()（）第页共/|Pp\d]*$")


def _margin_lines(blocks, height):
    """The page's first and last lines when they lie in the outer band of the page and are short:
    where running headers, footers and page numbers sit."""
    band = height * MARGIN_BAND
    found = []
    for position in (0, -1):
        if not blocks:
            break
        block = blocks[position]
        if not isinstance(block, Line) or len(block.text.strip()) > MAX_MARGIN_CHARS or block in found:
            continue
        if (position == 0 and block.bottom <= band) or (position == -1 and block.top >= height - band):
            found.append(block)
    return found


def _drop_margins(pages_blocks, heights):
    """Drop running headers, footers and page numbers: lines in a page's margin band (their
    position) that are a page number or recur in the margin of other pages (digits aside)."""
    candidates = [_margin_lines(blocks, height) for blocks, height in zip(pages_blocks, heights)]
    shapes = {}
    for lines in candidates:
        for line in set(re.sub(r"\d+", "#", line.text.strip()) for line in lines):
            shapes[line] = shapes.get(line, 0) + 1
    kept = []
    for blocks, lines in zip(pages_blocks, candidates):
        drop = [line for line in lines if PAGE_NUMBER_RE.match(line.text.strip())
                or shapes[re.sub(r"\d+", "#", line.text.strip())] >= 2]
        kept.append([block for block in blocks if not any(block is line for line in drop)])
    return kept


def _same(a, b):
    return abs(a - b) <= 3 * RULE_TOLERANCE


def _continues(previous: Table, table: Table) -> bool:
    """The first table of a page goes on from the last one of the page before: every column rule
    of the new part is one of the old part's (WPS may leave out the rules between figures on the
    new page; Chromium draws no rules for a row-spanning cell that goes on from the page before).
    A table without rules goes on from one whose columns of figures stand where its own stand."""
    if previous.figure_columns is not None or table.figure_columns is not None:
        return _same_figure_columns(previous.figure_columns, table.figure_columns)
    return len(table.xs) <= len(previous.xs) and all(any(_same(x, old) for old in previous.xs) for x in table.xs)


def _regrid(table: Table, previous: Table):
    """The table's cells on the column rules of the part before it. A column the new part does
    not reach goes on with the cell above it (a row-spanning label). A merged cell that now
    spans several columns and holds figures side by side (rules that were not drawn) is split
    by the columns its figures stand in."""
    xs = previous.xs
    middles = [(a + b) / 2 for a, b in zip(xs, xs[1:])]
    old_columns = [bisect.bisect_right(table.xs, m) - 1 if table.xs[0] < m < table.xs[-1] else None
                   for m in middles]
    cells = [[row[c] if c is not None else ("above", k) for k, c in enumerate(old_columns)] for row in table.cells]
    next_id = max([*table.texts, *(c for row in cells for c in row if isinstance(c, int)), -1]) + 1
    for cell, members in list(table.chars.items()):
        lines = group_lines(members)
        words = line_text(lines[0]).split() if len(lines) == 1 else []
        if len(words) < 2 or not all(FIGURE_RE.match(word) for word in words):
            continue
        positions = [(r, c) for r, row in enumerate(cells) for c, value in enumerate(row) if value == cell]
        columns = sorted({c for _, c in positions})
        if len(columns) < 2:
            continue
        by_column = {}
        for char in members:
            column = min(max(bisect.bisect_right(xs, (char.x0 + char.x1) / 2) - 1, 0), len(xs) - 2)
            by_column.setdefault(column, []).append(char)
        if len(by_column) < 2:
            continue
        ids = {column: next_id + k for k, column in enumerate(sorted(by_column))}
        blank = next_id + len(ids)           # the columns it covers that hold none of its figures
        next_id = blank + 1
        for r, c in positions:
            cells[r][c] = ids.get(c, cell if c == columns[0] else blank)
        for column, chars in by_column.items():
            table.chars[ids[column]] = chars
            table.texts[ids[column]] = _cell_text(chars)
        del table.chars[cell]
        table.texts.pop(cell, None)
    table.cells = cells
    table.xs = list(xs)


def _same_figure_columns(old, new) -> bool:
    """Two tables without rules are one when they have as many columns of figures and each new
    column stands between the old column's neighbours (figures move inside their cells: a
    wider figure, a cell's own padding)."""
    if old is None or new is None or len(old) != len(new):
        return False
    bounds = [float("-inf"), *((a[1] + b[0]) / 2 for a, b in zip(old, old[1:])), float("inf")]
    return all(bounds[k] < (x0 + x1) / 2 < bounds[k + 1] for k, (x0, x1) in enumerate(new))


def _join_tables(previous: Table, table: Table):
    """Append `table`'s rows to `previous`. A cut row (open top rule on the new page, or a first
    row with no figure whose cells continue the last row's) is joined into the last row."""
    if len(table.xs) < len(previous.xs):
        _regrid(table, previous)
    offset = max([*previous.texts, *(c for row in previous.cells for c in row), -1]) + 1
    above = previous.cells[-1]
    cells = [[cell + offset if isinstance(cell, int) else above[cell[1]] for cell in row] for row in table.cells]
    texts = {cell + offset: text for cell, text in table.texts.items()}
    last, first = previous.cells[-1], cells[0]
    lasts, firsts = [previous.texts.get(c, "") for c in last], [texts.get(c, "") for c in first]
    both = any(FIGURE_RE.match(a) and FIGURE_RE.match(b) for a, b in zip(lasts, firsts) if a and b)
    if (table.open_top and not both) or _cut_row(lasts, firsts):
        renamed = {}
        for c, cell in enumerate(first):
            if cell in renamed:
                continue
            renamed[cell] = last[c]
            previous.texts[last[c]] = _join(previous.texts.get(last[c], ""), texts.pop(cell, ""))
        cells = [[renamed.get(cell, cell) for cell in row] for row in cells]
        texts = {cell: text for cell, text in texts.items() if cell not in renamed}
    else:
        # an empty cell at the top of the new part under a label: the label's row-spanning cell
        # goes on from the page before
        renamed = {cell: last[c] for c, cell in enumerate(first)
                   if not texts.get(cell) and lasts[c] and not FIGURE_RE.match(lasts[c]) and cell != last[c]}
        cells = [[renamed.get(cell, cell) for cell in row] for row in cells]
    previous.cells.extend(cells)
    previous.texts.update(texts)
    previous.bottom = table.bottom


FIGURE_RE = re.compile(r"^[\d.,\s-]+$")
NUMBERED_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+\s*[.．、])")


def _cut_row(last, first) -> bool:
    """The first row on the new page is the rest of the last row on the page before: it gives no
    figure, it has text, and none of its texts opens with a numbering of its own (一、 （四） 2.),
    which a new row would."""
    labels = [text for text in first if text and not FIGURE_RE.match(text)]
    if not labels or any(NUMBERED_RE.match(text) for text in labels):
        return False
    return not any(text and FIGURE_RE.match(text) for text in first)


def pages_text(pages):
    """The text of the pages, and the first line number of each page (1-based)."""
    blocks_by_page = _drop_margins([page_blocks(page) for page in pages], [page.height for page in pages])
    out_lines = []
    page_first_lines = []
    open_table = None
    for blocks in blocks_by_page:
        page_first_lines.append(len(out_lines) + 1)
        for index, block in enumerate(blocks):
            if isinstance(block, Table):
                if index == 0 and open_table is not None and _continues(open_table[0], block):
                    table, at = open_table
                    _join_tables(table, block)
                    del out_lines[at:]
                    out_lines.extend(_table_lines(table))
                else:
                    open_table = (block, len(out_lines))
                    out_lines.extend(_table_lines(block))
            else:
                out_lines.append(block.text)
                open_table = None
        if blocks and not isinstance(blocks[-1], Table):
            open_table = None
    return "\n".join(out_lines) + "\n", page_first_lines


def _fold_rows(cells, rows, texts):
    """Grid rows that every figure of a row spans together (a Word table whose labels wrap at
    rules drawn for other columns) are one row: their labels are joined."""
    out_cells, out_rows = [], []
    r = 0
    while r < len(rows):
        figures = [c for c, text in enumerate(rows[r]) if text and FIGURE_RE.match(text)]
        end = r + 1
        while (figures and end < len(rows) and all(cells[end][c] == cells[r][c] for c in figures)
               and not any(text and FIGURE_RE.match(text) and c not in figures for c, text in enumerate(rows[end]))):
            end += 1
        row = list(rows[r])
        for c in range(len(row)):
            seen = [cells[r][c]]
            for k in range(r + 1, end):
                if cells[k][c] not in seen:
                    seen.append(cells[k][c])
                    row[c] = _join(row[c], texts.get(cells[k][c], ""))
        out_cells.append(cells[r])
        out_rows.append(row)
        r = end
    return out_cells, out_rows


def _table_lines(table):
    """Pipe rows, without the rows and columns that hold nothing. A grid column that every row
    of figures spans together with its left neighbour (a header rule that does not line up
    with the rules below it, as Word tables are drawn) is folded into that neighbour."""
    cells, rows = _fold_rows(table.cells, expand(table.cells, table.texts), table.texts)
    figure_rows = [r for r, row in enumerate(rows) if any(text and FIGURE_RE.match(text) for text in row)]
    columns = len(rows[0]) if rows else 0
    kept = []
    for c in range(columns):
        folds = (kept and figure_rows and all(cells[r][c] == cells[r][c - 1] for r in figure_rows)
                 and all(not row[c] or not row[kept[-1]] for row in rows))
        if folds:
            for row in rows:
                if row[c]:
                    row[kept[-1]] = row[c]
        else:
            kept.append(c)
    rows = [[row[c] for c in kept] for row in rows if any(row)]
    keep = [c for c in range(len(kept)) if any(row[c] for row in rows)]
    return ["| " + " | ".join(row[c] for c in keep) + " |" for row in rows]


# ----------------------------------------------------------------------------------------------
# tables without ruling lines


PIECE_GAP = 0.8           # a gap of this many font sizes inside a line separates two pieces (cells)
STRONG_GAP = 2.0          # … and one this wide sets a lone figure apart from its label
MAX_LABEL_CHARS = 30      # a piece of a table row's label is short; a longer one is prose
MAX_BETWEEN = 12          # label lines between two rows of figures
MAX_HEADER_LINES = 14     # header lines above a table's first row of figures
PROSE_SHARE = 0.6         # a line without figures wider than this share of the page's text …
PROSE_FILL = 0.8          # … that its characters fill to this share is prose
FIGURE_PIECE_RE = re.compile(r"^(?:-?\d[\d,]*(?:\.\d+)?(?:万元|元)?|[/／\-—－–]{1,3})$")
HEADING_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])")


@dataclass
class Piece:
    """Characters of one line between two wide gaps: a cell's text on that line."""
    chars: list
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float

    @property
    def figure(self):
        return bool(FIGURE_PIECE_RE.match(self.text))

    @property
    def numeric(self):
        return self.figure and any(ch.isdigit() for ch in self.text)

    @property
    def middle(self):
        return (self.top + self.bottom) / 2


def _piece(chars, size):
    return Piece(chars, _cell_text(chars), min(c.x0 for c in chars), max(c.x1 for c in chars),
                 min(c.top for c in chars), max(c.bottom for c in chars), size)


def line_pieces(chars):
    """One line's characters → pieces, split at gaps of PIECE_GAP font sizes. A figure glued to
    the Chinese label before it ("不计其5", "行政事业性收费5949.088667": a label cell that fills its
    column) is split off: digits that end the line or a piece and follow a Chinese character."""
    visible = [c for c in chars if not c.text.isspace()]
    if not visible:
        return []
    sizes = sorted(c.size for c in visible)
    size = max(sizes[len(sizes) // 2], 1.0)
    groups = [[visible[0]]]
    for char in visible[1:]:
        if char.x0 - groups[-1][-1].x1 >= PIECE_GAP * size:
            groups.append([char])
        else:
            groups[-1].append(char)
    pieces = []
    for group in groups:
        cut = len(group)
        while cut > 0 and (group[cut - 1].text.isdigit() or group[cut - 1].text in ".,"):
            cut -= 1
        if 0 < cut < len(group) and group[cut].text.isdigit() and _is_cjk(group[cut - 1].text) \
                and FIGURE_PIECE_RE.match("".join(c.text for c in group[cut:])):
            pieces += [_piece(group[:cut], size), _piece(group[cut:], size)]
        else:
            pieces.append(_piece(group, size))
    return pieces


@dataclass
class _Row:
    """A line of a page with its pieces, and whether it is a row of figures (strong: several
    figures, or one set well apart from its label; weak: one figure glued to its label)."""
    pieces: list
    top: float
    bottom: float
    figures: list
    strong: bool

    @property
    def middle(self):
        return (self.top + self.bottom) / 2

    @property
    def labels(self):
        return [piece for piece in self.pieces if not piece.figure]


def _row(chars):
    pieces = line_pieces(chars)
    figures = []
    for piece in reversed(pieces):          # figures stand right of the labels
        if not piece.figure:
            break
        figures.insert(0, piece)
    labels = pieces[:len(pieces) - len(figures)]
    numeric = [piece for piece in figures if piece.numeric]
    strong = weak = False
    if numeric and not any(piece.figure for piece in labels) \
            and all(len(piece.text) <= MAX_LABEL_CHARS for piece in labels):
        if len(numeric) >= 2:
            strong = True
        elif labels:
            gap = figures[0].x0 - labels[-1].x1
            strong = gap >= STRONG_GAP * figures[0].size
            weak = not strong
    return _Row(pieces, min(c.top for c in chars), max(c.bottom for c in chars),
                figures if strong or weak else [], strong)


def _is_prose(row, text_width):
    """A line of running text: no figures, wide, and its pieces fill it (justified text may
    leave a gap or two, a table's header line leaves wide ones)."""
    if row.figures:
        return False
    extent = row.pieces[-1].x1 - row.pieces[0].x0
    filled = sum(piece.x1 - piece.x0 for piece in row.pieces)
    return extent > PROSE_SHARE * text_width and filled >= PROSE_FILL * extent


def _bodies(rows, text_width):
    """Runs of rows of figures with the label lines between them (lines whose text stays left
    of the figures). A line reaching over the figures (a header inside the table, a heading,
    prose) ends the run. Runs without a strong row of figures are left to the text."""
    bodies = []
    body, pending, left = None, [], None
    for index, row in enumerate(rows):
        if row.figures:
            if body is not None and len(pending) <= MAX_BETWEEN:
                body += pending
                body.append(index)
            else:
                if body is not None:
                    bodies.append((body, pending))
                body = [index]
            pending = []
            left = min(left if left is not None and len(body) > 1 else float("inf"), row.figures[0].x0)
            continue
        if body is not None and not _is_prose(row, text_width) \
                and all(piece.x1 <= left + 0.5 * piece.size for piece in row.pieces):
            pending.append(index)
            continue
        if body is not None:
            # label lines right above a header of the next table are its header (第二十条第（五）项)
            heads = not _is_prose(row, text_width) and not HEADING_RE.match(row.pieces[0].text)
            bodies.append((body, [] if heads else pending))
        body, pending = None, []
    if body is not None:
        bodies.append((body, pending))
    out = []
    for body, trailing in bodies:
        if any(rows[i].strong for i in body):
            # label lines after the last figures: the last row's label going on (at most as many
            # lines as the table's longest label has above its figures, and no new numbering)
            tail = []
            for i in trailing:
                if HEADING_RE.match(rows[i].pieces[0].text) or len(tail) >= 6:
                    break
                tail.append(i)
            out.append(body + tail)
    return out


def _header_lines(rows, body, claimed, text_width):
    """The lines above a body that head it: walking up, lines without figures that are not prose,
    close below each other; above the first line reaching over the figures (the header proper),
    a numbered line is the heading before the table and ends it."""
    left = min(rows[i].figures[0].x0 for i in body if rows[i].figures)
    out, over_figures = [], False
    below = rows[body[0]]
    i = body[0] - 1
    while i >= 0 and i not in claimed and len(out) < MAX_HEADER_LINES:
        row = rows[i]
        if row.figures or _is_prose(row, text_width):
            break
        size = max(piece.size for piece in row.pieces)
        reaches = any(piece.x1 > left + 0.5 * piece.size for piece in row.pieces)
        if HEADING_RE.match(row.pieces[0].text) and (over_figures or reaches):
            break
        if below.top - row.bottom > 2.5 * size:
            break
        over_figures |= reaches
        out.append(i)
        below = row
        i -= 1
    return out[::-1]


def _figure_columns(figure_rows):
    """Clusters of the figures' x-ranges: [x0, x1, rows that have a figure there]."""
    clusters = []
    for row_index, piece in sorted(((r, p) for r, row in enumerate(figure_rows) for p in row.figures),
                                   key=lambda item: item[1].x0):
        if clusters and piece.x0 <= clusters[-1][1] + 0.2 * piece.size:
            clusters[-1][1] = max(clusters[-1][1], piece.x1)
            clusters[-1][2].add(row_index)
        else:
            clusters.append([piece.x0, piece.x1, {row_index}])
    return clusters


def _place_figures(figures, columns):
    """Column of each figure, or None when the geometry does not say it for certain: a row with
    a figure for every column is read in order; a shorter row needs each figure inside exactly
    one column, left to right."""
    if len(figures) == len(columns):
        return list(range(len(columns)))
    if len(figures) > len(columns):
        return None
    placed = []
    for piece in figures:
        tolerance = 0.3 * piece.size
        hits = [k for k, (x0, x1, _) in enumerate(columns) if piece.x0 < x1 + tolerance and piece.x1 > x0 - tolerance]
        if len(hits) != 1 or (placed and hits[0] <= placed[-1]):
            return None
        placed.append(hits[0])
    return placed


def _split_at_columns(piece, columns):
    """A header piece that runs over several columns of left-aligned figures, its cells set close
    together ("本年制发件数本年废止件数"), is cut where a character starts a column."""
    starts = [x0 for x0, _, _ in columns]
    cuts = [0]
    for k in range(1, len(piece.chars)):
        before, char = piece.chars[k - 1], piece.chars[k]
        if char.x0 - before.x1 >= 0.6 * piece.size and any(abs(char.x0 - x0) <= 0.3 * piece.size for x0 in starts):
            cuts.append(k)
    if len(cuts) == 1:
        return [piece]
    return [_piece(piece.chars[a:b], piece.size) for a, b in zip(cuts, [*cuts[1:], len(piece.chars)])]


def _label_blocks(pieces):
    """Label pieces (each with the index of its line and whether that line holds figures) →
    blocks of one cell's text: a numbered piece (一、 （三） 2.) opens a block; any other piece
    goes on the block whose last piece lies right above it, overlapping it; a block holds the
    label of one row of figures at most."""
    blocks, recent = [], []
    for piece, line, figure_line in sorted(pieces, key=lambda item: (item[0].top, item[0].x0)):
        target, best = None, 0.0
        recent = [block for block in recent if piece.top - block["pieces"][-1].bottom < 1.2 * piece.size]
        if not NUMBERED_RE.match(piece.text):
            for block in recent:
                last = block["pieces"][-1]
                overlap = min(last.x1, piece.x1) - max(last.x0, piece.x0)
                if overlap > best and piece.top - last.bottom < 1.2 * piece.size and last.top < piece.top \
                        and not (figure_line and block["figure_line"] is not None and block["figure_line"] != line):
                    target, best = block, overlap
        if target is None:
            target = {"pieces": [], "figure_line": None}
            blocks.append(target)
            recent.append(target)
        target["pieces"].append(piece)
        if figure_line:
            target["figure_line"] = line
    return blocks


def _header_blocks(pieces):
    """Header pieces over the figures → blocks of one header cell: a piece goes on the block right
    above it when they are aligned (centres or left edges together), as a wrapped or vertical
    header is set."""
    blocks = []
    for piece in sorted(pieces, key=lambda p: (p.top, p.x0)):
        target = None
        for block in blocks:
            last = block[-1]
            aligned = abs((last.x0 + last.x1) / 2 - (piece.x0 + piece.x1) / 2) <= 0.6 * piece.size \
                or abs(last.x0 - piece.x0) <= 0.25 * piece.size
            if aligned and last.top < piece.top and piece.top - last.bottom < 1.6 * piece.size:
                target = block
        if target is None:
            blocks.append([piece])
        else:
            target.append(piece)
    return blocks


def _block_text(pieces):
    text = ""
    for piece in sorted(pieces, key=lambda p: (p.top, p.x0)):
        text = _join(text, piece.text)
    return text


def _borderless_table(rows, header, body):
    """A Table from header lines and a body: one label column and a column per figure column;
    one row per header level, per row of figures (its label gathered from the lines around it)
    and per label above the first figures that belongs to none (a row cut by the page break)."""
    figure_rows = [rows[i] for i in body if rows[i].figures]
    clusters = _figure_columns(figure_rows)
    count = max(len(row.figures) for row in figure_rows)
    if len(clusters) < count:
        return None
    main = sorted(sorted(clusters, key=lambda c: -len(c[2]))[:count], key=lambda c: c[0])
    left = main[0][0]
    label_pieces, header_pieces = [], []
    in_header = set(header)
    for i in header + body:
        for piece in rows[i].pieces:
            if any(piece is figure for figure in rows[i].figures):
                continue
            if piece.x1 <= left + 0.5 * piece.size:
                label_pieces.append((piece, i, bool(rows[i].figures)))
            elif i in in_header:
                header_pieces += _split_at_columns(piece, main)
    # rows of figures, each with its figures in columns
    table_rows = []          # (y, label blocks, {column: text})
    for i in body:
        row = rows[i]
        if not row.figures:
            continue
        columns = _place_figures(row.figures, main)
        figures = {} if columns is None else {c: piece.text for c, piece in zip(columns, row.figures)}
        table_rows.append([row.middle, [], figures, i])
    first_top = min(rows[i].top for i in body if rows[i].figures)
    by_line = {r[3]: r for r in table_rows}
    middles = [r[0] for r in table_rows]
    loose = []
    for block in _label_blocks(label_pieces):
        pieces = block["pieces"]
        top, bottom = min(p.top for p in pieces), max(p.bottom for p in pieces)
        if block["figure_line"] is not None:
            target = by_line[block["figure_line"]]
        else:
            inside = table_rows[bisect.bisect_left(middles, top - 2):bisect.bisect_right(middles, bottom + 2)]
            if not inside and bottom < first_top:
                loose.append((top, pieces))
                continue
            middle = (top + bottom) / 2
            at = bisect.bisect_left(middles, middle)
            candidates = inside or table_rows[max(at - 1, 0):at + 1]
            target = min(candidates, key=lambda r: abs(r[0] - middle))
        target[1].append(pieces)
    # header rows: header cells whose heights overlap are one row (a vertical or wrapped header
    # beside one-line ones); a label above the first figures that belongs to no row of figures
    # goes in the label column of the header row beside it, or is a row of its own
    bounds = [(a[1] + b[0]) / 2 for a, b in zip(main, main[1:])]
    cells_above = [(min(p.top for p in block), max(p.bottom for p in block),
                    bisect.bisect_right(bounds, (min(p.x0 for p in block) + max(p.x1 for p in block)) / 2) + 1,
                    _block_text(block)) for block in _header_blocks(header_pieces)]
    cells_above += [(min(p.top for p in pieces), max(p.bottom for p in pieces), 0, _block_text(pieces))
                    for _, pieces in loose]
    out = []
    for band in _bands(cells_above):
        row = [""] * (len(main) + 1)
        for _, _, column, text in sorted(band):
            row[column] = _join(row[column], text)
        out.append(row)
    for _, blocks_of_row, figures, _ in table_rows:
        label = "".join(_block_text(pieces) for pieces in sorted(blocks_of_row, key=lambda ps: ps[0].x0))
        out.append([label, *(figures.get(c, "") for c in range(len(main)))])
    width = len(main) + 1
    cells = [[r * width + c for c in range(width)] for r in range(len(out))]
    texts = {r * width + c: text for r, row in enumerate(out) for c, text in enumerate(row) if text}
    lines = [rows[i] for i in header + body]
    xs = [min(min(p.x0 for p in row.pieces) for row in lines) - 1, left - 0.5, *bounds, main[-1][1] + 1]
    return Table(top=min(row.top for row in lines), bottom=max(row.bottom for row in lines), xs=xs, rows=[],
                 cells=cells, texts=texts, figure_columns=[(c[0], c[1]) for c in main])


def _bands(cells):
    """(top, bottom, …) cells → groups whose vertical extents overlap, top to bottom."""
    bands = []
    for cell in sorted(cells):
        if bands and cell[0] < max(other[1] for other in bands[-1]):
            bands[-1].append(cell)
        else:
            bands.append([cell])
    return bands


def find_borderless_tables(chars, width):
    """Tables without ruling lines, from the positions of the characters (the ones outside ruled
    tables): rows of figures whose figures stand in columns, the label lines around them and the
    header lines above. Returns the tables and the characters they took."""
    lines = group_lines(chars)
    rows = [_row(line) for line in lines]
    rows = [row for row in rows if row.pieces]
    text_width = max((max(p.x1 for p in row.pieces) - min(p.x0 for p in row.pieces) for row in rows), default=width)
    tables, used = [], set()
    for body in _bodies(rows, text_width):
        header = _header_lines(rows, body, used, text_width)
        table = _borderless_table(rows, header, body)
        if table is None:
            continue
        tables.append(table)
        used.update(header + body)
    taken = {id(char) for i in used for piece in rows[i].pieces for char in piece.chars}
    return tables, taken
