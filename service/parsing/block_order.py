"""Table 2 blocks whose labels and values did not pair: read from the order the converter printed.

    recover_blocks(reading, template)     # fills null cells of table 2, adds provenance

Table 2 has no arithmetic, so the reader leaves a row null when its label and its values do not
pair one to one (service/parsing/tables.py). Plain `pdftotext` prints such blocks in a few
orders: `0 0 0 规章 132 470 行政规范性文件 77` (the value beside the label printed after the
others), `规章 行政规范性文件 0 3 | 0 15 | 0 9` (the block column by column). A block is read here
only when its printed text allows one reading; the evidence is the converter's layout, never a
guess:

1. the block's rows are those of its 第二十条 item (service/rules/recovery.py ITEM_ROWS), every
   one named by a label printed in the block, no other row's label before its last value, all
   rows with the same columns;
2. the block prints exactly rows × columns values;
3. the orders are table_order's (rows, columns, the first columns down, bands, a lone value
   moved to the row's other end);
4. values printed together (consecutive lines with nothing else, table_order.groups) are a
   rectangle of neighbouring cells read line by line: one row's, one column's, or a band's. An
   order that puts the last cell of a row and the first of the next in one group is not the
   printed one;
5. values on one line are neighbouring cells of one row, left to right (a table printed turned,
   its rows as columns, fits no order and is left alone);
6. values on a label's line belong to that label's row, and when they follow the label they are
   its first columns (the label column is the table's leftmost: the value beside it is the
   first).

A cell is filled when every order left gives it the same value, and only when no cell the
reader read in the block disagrees; otherwise the block stays as read (with the candidates in a
warning when several orders are left). Blocks whose rows were all read are never looked at.

A column printed apart. pdftotext may print each block's last column after the last block, its
header first, then its values down the column: `… 行政事业性收费 35 0 | 对外公开总数量 0 89 |
处理决定数量 181 153 | 处理决定数量 430 25` (pingtan-2019, Chromium). Such a *column run* is a
line naming one column that is not a column of the block it stands in, then the values printed
together after it. The runs are given, in printed order, to the earlier blocks that lack exactly
that column (the block's values are rows × (columns − 1), no header of its own names it), one run
per block in block order, and only when every run finds its block and has one value per row of
it; otherwise nothing is moved. A run's values are its block's column, in row order; the block's
other values are read as above without that column.

Labels printed first. pdftotext may print the label column of the whole table before the first
第二十条 line (`规章 行政规范性文件 行政许可 行政处罚 行政强制 行政事业性收费 | 第二十条第（一）项 …
0 0 0 69 3 665 | 第二十条第（五）项 … 2293`, pingtan-2021, Chromium). When those labels are
exactly the blocks' rows in order and no block names a row, rule 1 holds for every block (its
rows are its item's), with no value pinned to a label.

Labels printed ahead. pdftotext may print the label column of several blocks inside the first of
them, before that block's values (`行政许可 信息内容 行政处罚 行政强制 | 81 | 第二十条第（六）项 …
9 0`, putian-cg-2022, Chromium). When a block names its own rows and then exactly the rows of the
next blocks, in order, and those blocks name none of their own, the first block is read with
those labels allowed and each later block by its item's rows (no value pinned to a label).

Years that are not cells. A year alone on the line before a page break, in a text where a page
begins with 年, is the year plain pdftotext moved from that page's first line (`2022` at a page's
end, `年，我局…` opening another): it is not a cell. A block that has a line beginning with 年 (a
header `2019年项目数量` printed as `年项目数量 | 2019`) and a year-like value is not read.
"""

import re
from itertools import chain

from service import contract
from service.parsing import labels, table_order
from service.parsing.cells import parse_line
from service.parsing.codes import WarningCode, make_warning
from service.parsing.identities import cell_path
from service.parsing.normalize import compact
from service.parsing.numbers import BLANK, GARBLED, NUMBER, TEXT, to_output
from service.parsing.tables import region_lines
from service.rules import recovery as rules

TABLE = "active_disclosure"
ITEM_RE = re.compile(rules.ITEM_PATTERN)
# A character every match of ITEM_PATTERN holds ("" when it cannot be read off the pattern):
# compact() only drops characters, so a line without it is not searched.
ITEM_CHAR = max(labels.required_chars(rules.ITEM_PATTERN), default="")
AMOUNT_COLUMNS = frozenset({"amount"})
METHOD = "printed_layout"
YEAR_RE = re.compile(rules.YEAR_PATTERN)
PAGE_YEAR_RE = re.compile(r"\f[ \t]*年")


class _Abstain(Exception):
    """The block's text does not allow a reading under the rules above."""


def _blocks(lines) -> list:
    """[(item, [(line_no, text)])]: the region cut at each 第二十条 line (item None before it)."""
    blocks = [[None, []]]
    for line_no, text in lines:
        match = ITEM_RE.search(compact(text)) if ITEM_CHAR in text else None
        if match:
            blocks.append([match.group("item"), []])
            text = compact(text)[match.end():]
        blocks[-1][1].append((line_no, text))
    return [(item, block_lines) for item, block_lines in blocks]


def _stream(block_lines, rows, ahead=frozenset(), page_years=False):
    """(values, group sizes, pinned, named): the block's values in printed order as
    (kind, text, value, unit, line), the sizes of the groups printed together, {index: (row
    index, column index or None)} for values on a label's line, and the rows named. `ahead`:
    later blocks' rows whose labels this block may print (their label column printed here);
    `page_years`: a year alone before a page break is the text's, not a cell (see _page_year)."""
    values, sizes, pinned, named = [], [], {}, set()
    foreign = False                   # another item's label seen: no value may follow it
    open_group = False
    cut_year = any(text.strip().startswith("年") for _, text in block_lines)
    for index, (line_no, text) in enumerate(block_lines):
        parsed = parse_line(text) if text.strip() else ()
        if any(cell[0] == GARBLED for cell in parsed):
            raise _Abstain
        cells = [cell for cell in parsed if cell[0] in (NUMBER, BLANK)]
        label = compact("".join(cell[1] for cell in parsed if cell[0] == TEXT))
        found = labels.find_rows(label, TABLE) if label else []
        own = [row for row in found if row in rows]
        foreign = foreign or any(row not in rows and row not in ahead for row in found)
        named.update(own)
        if cells and (foreign or len(own) < len(found)):
            raise _Abstain
        if cells and not label and any(_year_like(cell) for cell in cells):
            if cut_year:
                raise _Abstain        # "年项目数量 | 2019": the year of a label printed apart
            if page_years and len(cells) == 1 and _page_end(block_lines, index):
                continue              # a year moved from a page's first line (see _page_year)
        if not cells or label:
            open_group = False
        if not cells:
            continue
        if label:
            if len(own) > 1:
                raise _Abstain
            first_text = next(index for index, cell in enumerate(parsed) if cell[0] == TEXT)
            column = 0
            for index, cell in enumerate(parsed):
                if cell[0] not in (NUMBER, BLANK):
                    continue
                if own:
                    after = index > first_text
                    pinned[len(values)] = (rows.index(own[0]), column if after else None)
                    column += after
                values.append((cell[0], cell[1], cell[2], cell[3], line_no))
            sizes.append(len(cells))
            continue
        for cell in cells:
            values.append((cell[0], cell[1], cell[2], cell[3], line_no))
        if open_group:
            sizes[-1] += len(cells)
        else:
            sizes.append(len(cells))
            open_group = True
    return values, sizes, pinned, named


def _year_like(cell) -> bool:
    return cell[0] == NUMBER and YEAR_RE.fullmatch(cell[1]) is not None


def _page_end(block_lines, index) -> bool:
    """The line after `index` that is not blank begins a page (a form feed)."""
    for _, text in block_lines[index + 1:]:
        if text.strip(" \t"):
            return text.lstrip(" \t").startswith("\f")
    return False


def _page_year(doc) -> bool:
    """A page of the text begins with 年: plain pdftotext printed the digits of that year apart
    (`年，我局…` opens the page, `2022` stands alone at the end of another, inside table 2), so a
    year alone on the line before a page break is that text's, not a cell."""
    return PAGE_YEAR_RE.search(doc.norm) is not None


def _rectangles(order, sizes) -> bool:
    """Every group of values printed together covers a rectangle of cells, read row by row."""
    at = 0
    for size in sizes:
        cells = order[at:at + size]
        at += size
        rows = sorted({row for row, _ in cells})
        columns = sorted({column for _, column in cells})
        if rows != list(range(rows[0], rows[-1] + 1)) or columns != list(range(columns[0], columns[-1] + 1)):
            return False
        if cells != [(row, column) for row in rows for column in columns]:
            return False
    return True


def _one_row_per_line(order, values) -> bool:
    """Values printed on one line are neighbouring cells of one row, left to right (a line that
    would cross from one row into the next is a table printed turned, rows as columns)."""
    by_line = {}
    for index, raw in enumerate(values):
        by_line.setdefault(raw[4], []).append(order[index])
    for cells in by_line.values():
        if len({row for row, _ in cells}) > 1 or [column for _, column in cells] != list(
                range(cells[0][1], cells[0][1] + len(cells))):
            return False
    return True


def _readings(values, sizes, pinned, height, width) -> list:
    """(name, order) of the layouts the printed text allows."""
    kept = []
    for name, order in table_order.layouts(height, width, sizes):
        if not _rectangles(order, sizes) or not _one_row_per_line(order, values):
            continue
        if any(order[index][0] != row or column is not None and order[index][1] != column
               for index, (row, column) in pinned.items()):
            continue
        kept.append((name, order))
    return kept


def _keeps_read_cells(order, values, rows, columns, read) -> bool:
    """The order gives every cell the reader read in the block the value it read."""
    return all(read[rows[r]][columns[c]] is None or _value(values[index], columns[c]) == read[rows[r]][columns[c]]
               for index, (r, c) in enumerate(order))


def _value(raw, column):
    kind, _, value, unit, _ = raw
    return to_output(value, unit, amount=column in AMOUNT_COLUMNS) if kind == NUMBER else None


def _item_rows(item, template):
    defaults = contract.active_disclosure_columns(template)
    rows = [row for row in rules.ITEM_ROWS.get(item, ()) if row in defaults]
    return rows, (defaults[rows[0]] if rows and all(defaults[row] == defaults[rows[0]] for row in rows) else None)


def _column_runs(block_lines, own_columns):
    """[(column, [raw value], {line_no})] of the runs in a block headed by a line naming one
    column that is not the block's own, and the block's other lines; None when a run is cut
    (a header with no values after it, text inside the values)."""
    runs, rest, current = [], [], None
    for line_no, text in block_lines:
        parsed = parse_line(text) if text.strip() else ()
        if not parsed:
            if current is None:
                rest.append((line_no, text))
            continue
        cells = [cell for cell in parsed if cell[0] in (NUMBER, BLANK)]
        label = compact("".join(cell[1] for cell in parsed if cell[0] == TEXT))
        named = labels.find_active_disclosure_columns(label) if label else []
        if label and not cells and len(named) == 1 and named[0] not in own_columns \
                and not labels.find_rows(label, TABLE):
            if current is not None and not current[1]:
                return None
            current = (named[0], [], set())
            runs.append(current)
            continue
        if current is not None and cells and not label:
            current[1].extend((cell[0], cell[1], cell[2], cell[3], line_no) for cell in cells)
            current[2].add(line_no)
            continue
        if current is not None and not current[1]:
            return None
        current = None
        rest.append((line_no, text))
    if current is not None and not current[1]:
        return None
    return runs, rest


def _columns_apart(blocks, template):
    """{block index: (column, [raw value], {line_no})} and the holding blocks' lines without the
    runs ({block index: lines}), when every column run finds its block (see the module's text);
    ({}, {}) otherwise."""
    apart, trimmed = {}, {}
    for index, (item, block_lines) in enumerate(blocks):
        rows, columns = _item_rows(item, template)
        if columns is None:
            continue
        found = _column_runs(block_lines, columns)
        if found is None:
            return {}, {}
        runs, rest = found
        if not runs:
            continue
        targets = []
        for earlier, (other, other_lines) in enumerate(blocks[:index]):
            other_rows, other_columns = _item_rows(other, template)
            if other_columns is None or earlier in apart:
                continue
            try:
                values, _, _, _ = _stream(other_lines, other_rows)
            except _Abstain:
                continue
            header = labels.find_active_disclosure_columns(compact("".join(text for _, text in other_lines)))
            missing = [column for column in other_columns if column not in header]
            if len(missing) == 1 and len(values) == len(other_rows) * (len(other_columns) - 1):
                targets.append((earlier, missing[0], len(other_rows)))
        if [(column, len(values)) for column, values, _ in runs] != [(column, count) for _, column, count in targets]:
            return {}, {}
        for (earlier, _, _), run in zip(targets, runs):
            apart[earlier] = run
        trimmed[index] = rest
    return apart, trimmed


def _read_block(reading, template, item, block_lines, apart=None, labels_first=frozenset(), ahead=frozenset(),
                page_years=False):
    """Fill the block's null cells when its printed order allows one reading. `apart`: (column,
    [raw value], lines) of its column printed apart (one value per row, in row order);
    `labels_first`: rows whose labels were printed elsewhere; `ahead`: later blocks' rows whose
    labels this block prints."""
    result = reading.result
    content = result["tables"].get(TABLE)
    rows, columns = _item_rows(item, template)
    if not content or not rows or columns is None:
        return
    doubted = {w["row"] for w in result["warnings"]
               if w["table"] == TABLE and w["code"] in (WarningCode.AMBIGUOUS_LAYOUT.value, WarningCode.CELL_NOT_FOUND.value)}
    read = content["rows"]
    if apart is None and not any((row in doubted or row in labels_first) and all(value is None for value in read[row].values())
                                 for row in rows):
        return
    if apart is not None and not any(read[row][apart[0]] is None for row in rows):
        return
    all_columns = columns
    columns = [column for column in columns if apart is None or column != apart[0]]
    try:
        values, sizes, pinned, named = _stream(block_lines, rows, ahead, page_years)
    except _Abstain:
        return
    if named != set(rows) and not (not named and set(rows) <= labels_first):
        return
    if len(values) != len(rows) * len(columns):
        return
    readings = [(name, order) for name, order in _readings(values, sizes, pinned, len(rows), len(columns))
                if _keeps_read_cells(order, values, rows, columns, read)]
    if not readings:
        return
    agreed, differing = {}, []
    for r, row in enumerate(rows):
        for c, column in enumerate(columns):
            seen = {index for _, order in readings for index in (order.index((r, c)),)}
            taken = {_value(values[index], column) for index in seen}
            if len(taken) == 1:
                agreed[(row, column)] = values[seen.pop()]
            else:
                differing.append(f"{row}.{column}")
        if apart is not None:
            agreed[(row, apart[0])] = apart[1][r]
    columns = all_columns
    if any(read[row][column] is not None and (cell not in agreed or _value(agreed[cell], column) != read[row][column])
           for row in rows for column in columns for cell in ((row, column),)):
        return                        # a reading that contradicts a row read with its label: not used
    shown = " ".join(raw[1] for raw in values + (apart[1] if apart else []))
    filled_rows = set()
    for (row, column), raw in agreed.items():
        if read[row][column] is not None:
            continue
        path = cell_path(TABLE, row, column)
        read[row][column] = _value(raw, column)
        reading.cell_lines[path] = raw[4]
        result["provenance"][path] = {"method": METHOD, "printed": shown, "line": raw[4],
                                      "readings": len(readings), "identities": []}
        filled_rows.add(row)
    complete = {row for row in filled_rows if all(value is not None or (row, column) in agreed
                                                  for column, value in read[row].items())}
    lines = {line_no for line_no, _ in block_lines} | (apart[2] if apart else set())
    result["warnings"] = [w for w in result["warnings"] if not (
        w["table"] == TABLE and (w["code"] == WarningCode.AMBIGUOUS_LAYOUT.value and w["row"] in complete
                                 or w["code"] == WarningCode.UNASSIGNED_VALUES.value and w["line"] in lines
                                 and not differing
                                 or w["code"] == WarningCode.UNASSIGNED_VALUES.value and apart and w["line"] in apart[2]
                                 or w["code"] == WarningCode.CELL_NOT_FOUND.value and read.get(w["row"], {}).get(w["column"]) is not None))]
    if differing:
        names = "; ".join(sorted({name for name, _ in readings}))
        result["warnings"].append(make_warning(
            WarningCode.AMBIGUOUS_LAYOUT, f"values of the block printed as {shown}: {len(readings)} orders fit "
            f"the printed layout ({names}) and differ in {', '.join(differing[:8])}; left null",
            table=TABLE, row=rows[0], line=block_lines[0][0]))


def recover_blocks(reading, template):
    """Read the table-2 blocks that have a row left null for an uncertain layout."""
    region = reading.regions.get(TABLE)
    tables = reading.result["tables"]
    if not region or not tables.get(TABLE) and template is None:
        return
    if tables.get(TABLE) and _read_whole(reading, tables[TABLE], template):
        return                          # (the usual case) nothing below could change the reading
    every = _blocks(region_lines(reading.doc, region))
    blocks = [(item, block_lines) for item, block_lines in every if item is not None]
    named = _named_rows(blocks)
    labels_first = _labels_first(_heading_lines(reading, region) + every, blocks, named, template)
    made = not tables.get(TABLE)
    if made:
        if not labels_first:
            return
        tables[TABLE] = {"line": reading.doc.line_no(region[0]),
                         "end_line": reading.doc.line_no(max(region[0], region[1] - 1)),
                         "rows": {row: dict.fromkeys(columns) for row, columns
                                  in contract.active_disclosure_columns(template).items()}}
    elif not labels_first and not any(w["table"] == TABLE and w["code"] == WarningCode.AMBIGUOUS_LAYOUT.value
                                      for w in reading.result["warnings"]):
        return
    apart, trimmed = _columns_apart(blocks, template)
    ahead, elsewhere = _labels_ahead(blocks, named, template)
    page_years = _page_year(reading.doc)
    for index, (item, block_lines) in enumerate(blocks):
        _read_block(reading, template, item, trimmed.get(index, block_lines), apart.get(index),
                    labels_first | elsewhere, ahead.get(index, frozenset()), page_years)
    if made and all(value is None for columns in tables[TABLE]["rows"].values() for value in columns.values()):
        tables[TABLE] = None            # nothing read: the table stays as the reader left it
    elif labels_first:
        reading.result["warnings"] = [w for w in reading.result["warnings"] if not (
            w["table"] == TABLE and w["code"] == WarningCode.UNREADABLE_TABLE.value)]


def _read_whole(reading, content, template) -> bool:
    """Table 2 read with a value in every cell of every row and column of the template, and no
    unreadable-table warning on it: recover_blocks can change nothing then, and is not run.
    Why: everything it works out before its loop (blocks, labels first or ahead, columns apart,
    page years) only computes; in the loop, `_read_block` returns before reading its block
    whenever no row of the block has every cell null and no cell of a column printed apart is
    null, which a value in every cell rules out (and the rows and columns it looks up are the
    template's, all present); after the loop the table was not made here (it was read), so the
    only step left is dropping table 2's unreadable-table warnings, of which there is none."""
    rows = content.get("rows") or {}
    for row, columns in _template_cells(template):
        read = rows.get(row)
        if read is None or not read.keys() >= columns:
            return False
    if None in chain.from_iterable(map(dict.values, rows.values())):
        return False
    return not any(w["table"] == TABLE and w["code"] == WarningCode.UNREADABLE_TABLE.value
                   for w in reading.result["warnings"])


_TEMPLATE_CELLS = {}


def _template_cells(template) -> tuple:
    """((row, frozenset of its columns), ...) of table 2 in a template (made once per template)."""
    found = _TEMPLATE_CELLS.get(template)
    if found is None:
        found = _TEMPLATE_CELLS[template] = tuple(
            (row, frozenset(columns)) for row, columns in contract.active_disclosure_columns(template).items())
    return found


def _heading_lines(reading, region) -> list:
    """[(None, lines)]: the lines between table 2's section heading and its region (which starts
    at the first 第二十条), where a label column printed first stands."""
    first = reading.doc.line_no(region[0])
    heading = next((section["line"] for section in reading.result.get("sections") or ()
                    if section.get("kind") == TABLE and section.get("line") and section["line"] < first), None)
    if heading is None or first - heading > rules.MAX_LABEL_COLUMN_LINES:
        return []
    return [(None, [(line_no, text) for line_no, _, text in reading.doc.lines(heading + 1, first - 1)])]


def _named_rows(blocks) -> list:
    """Per block, the rows its lines name, in printed order."""
    return [[row for _, text in block_lines for row in labels.find_rows(compact(text), TABLE)]
            for _, block_lines in blocks]


def _labels_first(every, blocks, named, template) -> frozenset:
    """The rows whose labels were all printed before the first 第二十条 line, in the order of the
    blocks' rows (the label column printed first), when no block names a row (`named`: per
    block, the rows it names); else empty."""
    before = [text for item, block_lines in every if item is None for _, text in block_lines]
    order = [row for item, _ in blocks for row in _item_rows(item, template)[0]]
    found = []
    for text in before:
        found += labels.find_rows(compact(text), TABLE)
    if not order or found != order:
        return frozenset()
    if any(named):
        return frozenset()
    return frozenset(order)


def _labels_ahead(blocks, named, template):
    """({block index: rows}, rows): blocks that print, after their own rows' labels, the labels
    of the next blocks' rows (a label column spanning several blocks, printed in the first:
    `行政许可 信息内容 行政处罚 行政强制 | 81 | 第二十条第（六）项 … 9 0`, Chromium), and the rows
    of those later blocks, which name none of their own rows. Every named row in such a block must
    be its own rows then the later blocks' rows, in order; anything else gives nothing."""
    rows = [_item_rows(item, template)[0] for item, _ in blocks]
    ahead, elsewhere = {}, set()
    for index, found in enumerate(named):
        own = list(rows[index])
        if not own or found[:len(own)] != own or len(found) == len(own):
            continue
        rest, later = found[len(own):], index + 1
        covered = []
        while rest and later < len(blocks) and rows[later] and rest[:len(rows[later])] == list(rows[later]) \
                and not named[later]:
            covered += rows[later]
            rest = rest[len(rows[later]):]
            later += 1
        if rest:
            continue
        ahead[index] = frozenset(covered)
        elsewhere.update(covered)
    return ahead, frozenset(elsewhere)
