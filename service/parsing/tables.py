"""The three statistical tables: where they are, which template, and their cells.

Table 2 (主动公开) is read label by label: each run of values goes to the row its label
names, with the columns its block header names. Tables 3 and 4 are read by aligning the
runs, in order, with the template's rows, in order (a small dynamic programme): labels
on the same line weigh most, labels on the lines before weigh less, and runs whose
labels were detached from them by the converter still land on the right row because
the order of the printed rows is fixed.
"""

import bisect
import re
from operator import itemgetter

from service import contract
from service.parsing import labels
from service.parsing.cells import CACHED_LINE_CHARS, read_runs
from service.parsing.codes import WarningCode, make_warning
from service.parsing.numbers import BLANK, GARBLED, NUMBER, to_output
from service.rules import labels as rules

ANCHOR_RES = {table: re.compile("|".join(patterns)) for table, patterns in rules.TABLE_ANCHORS.items()}
AD_ANCHOR_RE = re.compile(r"第\s*二\s*十\s*条")
AMOUNT_COLUMNS = frozenset({"amount"})
UNASSIGNED_CODES = frozenset({WarningCode.UNASSIGNED_VALUES.value, WarningCode.UNREADABLE_CELL.value})
NEG_INF = float("-inf")
# table 2's columns, from the contract once: {template: {row: [columns]}}, {row: every column it can have}
AD_COLUMNS = {template: contract.active_disclosure_columns(template) for template in contract.TEMPLATES}
AD_ALL_COLUMNS = {row: frozenset(contract.active_disclosure_all_columns(row))
                  for row in contract.FIELDS["tables"]["active_disclosure"]["rows"]}
KIND = itemgetter(0)      # a cell's kind (cells.Cell is a tuple)
MAX_PIECES = 300          # value rows read per table; real tables have fewer than 60
MAX_UNASSIGNED_WARNINGS = 20
# Why a row placed by position was left null (tables 3 and 4): its label may be another run's or
# its run has values over (recovery must not place digits by that label either), or it has
# fewer values than columns (digits that ran together: recovery splits them).
LABEL_BETWEEN_VALUES = "its label is printed between two runs of values"
FEWER_VALUES = "it has fewer values than columns"
VALUES_OVER = "its run of values does not divide into rows"


# --- regions ---------------------------------------------------------------------------

def _section_at(sections, offset):
    index = bisect.bisect_right([section.heading.start for section in sections], offset) - 1
    if index >= 0 and offset < sections[index].end:
        return sections[index]
    return None


def _next_heading(sections, offset, limit):
    for section in sections:
        if offset < section.heading.start < limit:
            return section.heading.start
    return limit


def _first(pattern, norm, start, end, sections=(), kind=None):
    """First match of pattern in norm[start:end], preferring one inside a section of `kind`."""
    for section in sections:
        if section.heading.kind == kind and section.end > start and section.heading.start < end:
            match = pattern.search(norm, max(start, section.heading.start), min(end, section.end))
            if match:
                return match
    return pattern.search(norm, start, end)


def find_regions(norm: str, sections: list) -> dict:
    """{table: (start, end)} offsets of each table's text, or None when it has no anchor."""
    size = len(norm)
    regions = {"active_disclosure": None, "applications": None, "reviews_and_lawsuits": None}
    ad = _first(AD_ANCHOR_RE, norm, 0, size, sections, "active_disclosure")
    app = _first(ANCHOR_RES["applications"], norm, ad.start() if ad else 0, size, sections, "applications")
    after_app = app.start() if app else (ad.start() if ad else 0)
    review = None
    for section in sections:
        if section.heading.kind == "reviews_and_lawsuits" and section.heading.start >= after_app:
            review = section.heading.start
            break
    if review is None and app is not None:
        match = ANCHOR_RES["reviews_and_lawsuits"].search(norm, app.end())
        review = match.start() if match else None
    if ad is not None:
        limit = app.start() if app else (review if review is not None else size)
        regions["active_disclosure"] = (ad.start(), _next_heading(sections, ad.start(), limit))
    if app is not None:
        line_start = norm.rfind("\n", 0, app.start()) + 1
        section = _section_at(sections, app.start())
        start = max(line_start, section.heading.body if section else 0,
                    regions["active_disclosure"][1] if ad else 0)
        limit = review if review is not None and review > app.start() else size
        regions["applications"] = (start, _next_heading(sections, app.start(), limit))
    if review is not None:
        section = _section_at(sections, review)
        start = section.heading.body if section and section.heading.start == review else review
        regions["reviews_and_lawsuits"] = (start, _next_heading(sections, start, size))
    return regions


def region_lines(doc, region):
    """(line_no, text) of the normalised lines (or line parts) inside a region."""
    start, end = region
    text = doc.norm[start:end]
    return list(enumerate(text.split("\n"), doc.line_no(start)))


def _read_runs(doc, region) -> tuple:
    """read_runs(region_lines(doc, region)), the lines numbered as they are read."""
    start, end = region
    lines = doc.norm[start:end].split("\n")
    return read_runs(enumerate(lines, doc.line_no(start)), short=max(map(len, lines)) <= CACHED_LINE_CHARS)


def detect_template(doc, regions, year):
    """('2019' or '2021', decided): from the wording of the tables, else from the year, else
    the current template, undecided."""
    text = "".join(doc.norm[r[0]:r[1]] for r in regions.values() if r)
    votes = labels.template_votes("".join(text.split()))     # (white space removed, as \s+)
    if votes["2019"] != votes["2021"]:
        return max(votes, key=votes.get), True
    if year:
        return ("2021" if year >= 2021 else "2019"), True
    return "2021", False


# --- cells -----------------------------------------------------------------------------

def _fit(cells: list, width: int) -> list:
    """Drop surplus blank cells at the start, then at the end, of a run longer than its row."""
    start, end = 0, len(cells)
    while end - start > width and cells[start].kind == BLANK:
        start += 1
    while end - start > width and cells[end - 1].kind == BLANK:
        end -= 1
    return cells[start:end]


def _fill_row(table, row, columns, cells, warnings, cell_lines):
    values = dict.fromkeys(columns)   # (a column without a number stays None)
    prefix = f"tables.{table}.rows.{row}."
    for column, (kind, text, value, unit, line) in zip(columns, cells):
        if kind != NUMBER:
            continue
        amount = column in AMOUNT_COLUMNS
        values[column] = value if type(value) is int and not amount else to_output(value, unit, amount=amount)
        cell_lines[prefix + column] = line
        if amount and unit == "元":
            warnings.append(make_warning(
                WarningCode.AMOUNT_CONVERTED, f"{text} converted to {values[column]} 万元",
                table=table, row=row, column=column, line=line))
    if len(cells) != len(columns) and cells:
        warnings.append(make_warning(
            WarningCode.ROW_VALUE_COUNT,
            f"row has {len(cells)} values for {len(columns)} columns; read from the left",
            table=table, row=row, line=cells[0].line))
    return values


def _check_label(table, label, rows, line, warnings):
    """Report a label printed beside values that names no row of the table."""
    if label and not rows and not labels.is_known_non_row_label(label):
        warnings.append(make_warning(WarningCode.UNKNOWN_LABEL, f"unknown row label: {label[:40]}",
                                     table=table, line=line))


def _unassigned(table, run, warnings):
    if sum(1 for w in warnings if w["table"] == table and w["code"] in UNASSIGNED_CODES) >= MAX_UNASSIGNED_WARNINGS:
        return
    if any(cell.kind == GARBLED for cell in run.cells):
        shown = " ".join(cell.text for cell in run.cells[:12])
        warnings.append(make_warning(
            WarningCode.UNREADABLE_CELL, f"digits of adjacent cells run together, not read: {shown}",
            table=table, line=run.line))
    elif any(cell.kind == NUMBER for cell in run.cells):
        shown = " ".join(cell.text for cell in run.cells[:12])
        warnings.append(make_warning(
            WarningCode.UNASSIGNED_VALUES, f"values not attached to any row: {shown}",
            table=table, line=run.line))


#
# --- table 2 ---------------------------------------------------------------------------
#
# Table 2 is printed in blocks, one per 第二十条 item (its header names the columns). Within a
# block a converter prints a row's label before its values (the usual order) or after them
# (plain `pdftotext`: "0 0 0 规章"). The first values of a block tell which: a row label before
# them, or only after them. A row is read when its label and its values pair without doubt;
# where they do not (several labels before one run of values, a row with more or fewer values
# than columns, a label with values both before it and on its line, values left over in the
# block) the block's rows are left null with a warning: there is no arithmetic to check them.

def _ad_items(runs, trailing) -> list:
    """The table's labels and value runs in printed order, cut into blocks at each 第二十条:
    [[("label", row, None) | ("values", run, rows named on the run's line)]]."""
    blocks = [[]]

    def labels_of(text):
        if not text:                  # (no label, no 第二十条)
            return
        for index, part in enumerate(AD_ANCHOR_RE.split(text)):
            if index:
                blocks.append([])
            blocks[-1].extend(("label", row, None) for row in labels.find_rows(part, "active_disclosure"))

    for run in runs:
        labels_of(run.weak)
        strong = AD_ANCHOR_RE.split(run.strong)
        if len(strong) > 1:
            labels_of("第二十条".join(strong[:-1]) + "第二十条")
        own = labels.find_rows(strong[-1], "active_disclosure")
        after_label = bool(blocks[-1]) and blocks[-1][-1][0] == "label"
        if own or not run.all_blank or after_label:   # empty cells of a header or a ruled line: no
            blocks[-1].append(("values", run, own))    # values; right after a label: its blank cells
    labels_of(trailing)
    return blocks


def _pair_block(items) -> tuple:
    """([(row, run or [runs])], [doubtful rows], [runs left over]) of one block."""
    first = next((i for i, item in enumerate(items) if item[0] == "values"), None)
    if first is None:
        return [], [], []
    labels_after = not items[first][2] and not any(item[0] == "label" for item in items[:first])
    paired, doubtful, left = [], [], []
    pending = []
    for kind, what, own in items:
        if labels_after:
            if kind == "values" and not own:
                pending.append(what)
            elif kind == "values":
                (doubtful if pending else paired).extend((row, [what]) for row in own[-1:])
                pending = []
            elif pending:
                paired.append((what, pending))
                pending = []
        else:
            if kind == "label":
                pending.append(what)
            elif own:
                paired.append((own[-1], [what]))
                pending = []
            elif len(pending) == 1:
                paired.append((pending[0], [what]))
                pending = []
            elif pending:
                doubtful.extend((row, [what]) for row in pending)
                pending = []
            else:
                left.append(what)
    left.extend(pending if labels_after else [])
    return paired, doubtful, left


def read_active_disclosure(doc, region, template, warnings, cell_lines):
    runs, trailing = _read_runs(doc, region)
    defaults = AD_COLUMNS[template]
    found = {}
    if len(runs) > MAX_PIECES:
        warnings.append(make_warning(
            WarningCode.UNASSIGNED_VALUES, f"only the first {MAX_PIECES} value rows of this table were read",
            table="active_disclosure", line=runs[MAX_PIECES].line))
        runs = runs[:MAX_PIECES]
    header, headers = None, {}
    for run in runs:
        named = labels.find_active_disclosure_columns(run.weak + run.strong)
        header = named or header
        headers[id(run)] = header
        _check_label("active_disclosure", run.strong, labels.find_rows(run.strong, "active_disclosure"),
                     run.line, warnings)
    for block in _ad_items(runs, trailing):
        paired, doubtful, left = _pair_block(block)
        for run in left:
            _unassigned("active_disclosure", run, warnings)
        if left:                       # values left over: no row of this block is sure
            named = [what for kind, what, _ in block if kind == "label"]
            named += [row for kind, _, own in block if kind == "values" for row in own]
            doubtful, paired = [(row, left) for row in dict.fromkeys(named)], []
        for row, parts in paired:
            cells = [cell for run in parts for cell in run.cells]
            if row not in defaults or row in found or any(run.garbled for run in parts):
                for run in parts:
                    _unassigned("active_disclosure", run, warnings)
                continue
            if all(cell.kind == BLANK for cell in cells) and not any(run.strong for run in parts):
                found[row] = {column: None for column in defaults[row]}   # printed with blank cells
                continue
            header = headers[id(parts[0])]
            choices = [defaults[row]]         # the header's columns first, when they fit the row
            if header and AD_ALL_COLUMNS[row].issuperset(header):
                choices.insert(0, header)
            columns = next((c for c in choices if len(_fit(cells, len(c))) == len(c)), None)
            one_line = len(parts) == 1 and row in labels.find_rows(parts[0].strong, "active_disclosure") \
                and len({cell.line for cell in cells}) == 1
            if columns is None and one_line and len(_fit(cells, len(choices[0]))) < len(choices[0]):
                columns = choices[0]           # a printed row short of values (a blank cell not printed)
            if columns is None:
                doubtful.append((row, parts))
                continue
            cells = _fit(cells, len(columns))
            values = _fill_row("active_disclosure", row, columns, cells, warnings, cell_lines)
            found[row] = {column: values.get(column) for column in defaults[row]}
            for column in defaults[row]:
                if column not in columns:
                    warnings.append(make_warning(
                        WarningCode.CELL_NOT_FOUND, "the table's header has no such column",
                        table="active_disclosure", row=row, column=column, line=parts[0].line))
        for row, parts in doubtful:
            if row not in defaults or row in found:
                continue
            found[row] = {column: None for column in defaults[row]}
            shown = " ".join(cell.text for run in parts for cell in run.cells[:12])
            warnings.append(make_warning(
                WarningCode.AMBIGUOUS_LAYOUT, f"values of this row uncertain in the printed layout "
                f"(labels and values do not pair one to one in this part of the table): {shown}; left null",
                table="active_disclosure", row=row, line=parts[0].line))
    if not found:
        return None
    result = {}
    for row, columns in defaults.items():
        if row in found:
            result[row] = found[row]
        else:
            result[row] = {column: None for column in columns}
            warnings.append(make_warning(WarningCode.CELL_NOT_FOUND, "row not found in the table",
                                         table="active_disclosure", row=row))
    return result


# --- tables 3 and 4: alignment -------------------------------------------------------------

class _Piece:
    """A run, or one row-sized part of a run that spans several rows."""

    def __init__(self, cells, strong, weak, line, overflow=None, label="", whole_table=False, one_line=True):
        self.cells, self.strong, self.weak, self.line = cells, strong, weak, line
        self.one_line = one_line          # the whole run this piece is part of is printed on one line
        self.whole_table = whole_table    # one part of a run holding exactly every row of the table
        self.label = label                # the label text on the line of the values
        self.overflow = overflow          # (values printed, columns) when a long run does not divide
        self.divides = True               # False: part of a run whose values do not divide into rows
        kinds = set(map(KIND, cells))
        self.all_blank = kinds <= {BLANK}
        self.garbled = GARBLED in kinds


def _labels_follow_values(runs, trailing, table) -> bool:
    """True for a layout that prints each row's label after its values (pdftotext's default
    column order): the first values have no label before them, a row label follows the last."""
    # (the label after the last values first: most tables have none, and the first values' labels
    # joined are a text of their own, searched only then)
    return bool(runs) and bool(labels.find_rows(trailing, table)) \
        and not labels.find_rows(runs[0].strong + runs[0].weak, table)


def _pieces(runs, width, table, trailing="", table_rows=0):
    pieces = []
    after = _labels_follow_values(runs, trailing, table)
    for index, run in enumerate(runs):
        if len(pieces) >= MAX_PIECES:
            break
        strong = labels.find_rows(run.strong, table)
        if after:
            following = runs[index + 1].weak if index + 1 < len(runs) else trailing
            weak = labels.find_rows(following, table)
        else:
            weak = labels.find_rows(run.weak, table)
        cells = _fit(run.cells, width)
        count = len(cells) // width
        if count < 2:
            pieces.append(_Piece(cells, strong, weak, run.line, label=run.strong))
            continue
        overflow = (len(cells), count * width) if len(cells) % width else None
        one_line = cells[0].line == cells[-1].line
        for index in range(min(count, MAX_PIECES)):
            chunk = cells[index * width:(index + 1) * width]
            first = index == 0
            pieces.append(_Piece(chunk, strong if first else [], weak if first else [], chunk[0].line,
                                 overflow if index == count - 1 else None, run.strong if first else "",
                                 whole_table=count == table_rows and overflow is None, one_line=one_line))
            pieces[-1].divides = overflow is None or one_line   # (one printed line: the report's own slip)
    return pieces


def _scores(piece, rows, width) -> list:
    """The score of assigning `piece` to each of `rows` (NEG_INF: not allowed)."""
    if piece.garbled:
        return [NEG_INF] * len(rows)
    count = len(piece.cells)
    fit = 1.0
    if count < width:
        fit -= 3.0 * (width - count) / width
    elif count > width:
        fit -= 0.25
    strong, weak = piece.strong, piece.weak
    base = fit - (3.0 if strong else 0.0) - (0.5 if weak and not strong else 0.0)
    scores = []
    for row in rows:
        if row in strong:
            score = fit + 5.0
        elif piece.all_blank:
            score = NEG_INF
            scores.append(score)
            continue
        else:
            score = base
        if row in weak:
            score += 2.5 if not strong else 2.0
        scores.append(score)
    return scores


def _labelled_in_order(pieces, rows):
    """{row: piece} when every piece names exactly one row and the rows come in table order (the
    usual case, which the alignment below would also find); else None."""
    order = {row: index for index, row in enumerate(rows)}
    assignment, last = {}, -1
    for piece in pieces:
        named = piece.strong or piece.weak
        if len(named) != 1 or named[0] not in order or order[named[0]] <= last:
            return None
        last = order[named[0]]
        assignment[named[0]] = piece
    return assignment


def align(pieces, rows, width, required):
    """Monotone assignment of pieces to rows maximising the label evidence: {row: piece}."""
    quick = _labelled_in_order(pieces, rows)
    if quick is not None:
        return quick
    n, m = len(rows), len(pieces)
    by_piece = [_scores(piece, rows, width) for piece in pieces]
    scores = [[by_piece[j][i] for j in range(m)] for i in range(n)]
    skip = [0.3 if row in required else 0.0 for row in rows]
    best = [[NEG_INF] * (m + 1) for _ in range(n + 1)]
    move = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        best_i, move_i = best[i], move[i]
        below = best[i + 1] if i < n else None
        move_below = move[i + 1] if i < n else None
        row_scores = scores[i] if i < n else None
        for j in range(m + 1):
            here = best_i[j]
            if here == NEG_INF:
                continue
            if below is not None:
                value = here - skip[i]
                if value > below[j]:
                    below[j], move_below[j] = value, 1
                if j < m:
                    score = row_scores[j]
                    if score != NEG_INF and here + score > below[j + 1]:
                        below[j + 1], move_below[j + 1] = here + score, 2
            if j < m and here > best_i[j + 1]:
                best_i[j + 1], move_i[j + 1] = here, 0
    assignment = {}
    i, j = n, m
    while i > 0 or j > 0:
        step = move[i][j]
        if step == 2:
            assignment[rows[i - 1]] = pieces[j - 1]
            i, j = i - 1, j - 1
        elif step == 1:
            i -= 1
        else:
            j -= 1
    return assignment


def _uncertain(piece, row, width):
    """Why a piece's values belong to `row` by position only, or None when its own label names the
    row on the line of its values and it has exactly one value per column."""
    if piece.whole_table:
        on_one_line = piece.one_line
        return None if row in piece.strong or on_one_line else "one run of values over many lines for the whole table"
    if row not in piece.strong:
        return "no label on the line of the values"
    if len(piece.cells) != width or piece.overflow:
        return f"{len(piece.cells)} values for {width} columns"
    return None


def _label_between_values(pieces, assignment, rows, width) -> dict:
    """Rows whose values may be another row's: their label is on the lines before their values
    only, and a whole row of values before that label belongs to no row (the label may be
    theirs: labels printed after their values), or a row printed with its label has more
    values than columns; or the lines before their values also name an earlier row that got no
    values (they may be that row's). Also rows with fewer values than columns (which columns
    are they?), and rows cut from a run whose values do not divide into rows. {row: why}. The doubt passes down the chain of such rows until a row whose label
    is on the line of its values."""
    row_of = {id(piece): row for row, piece in assignment.items()}
    order = {row: index for index, row in enumerate(rows)}
    skipped = set(rows) - set(assignment)
    unsure, chain = {}, False
    for piece in pieces:
        row = row_of.get(id(piece))
        if row is None:
            chain = chain or len(piece.cells) == width and not piece.all_blank
        elif len(piece.cells) < width:
            unsure[row] = FEWER_VALUES
        elif not piece.divides:
            unsure[row], chain = VALUES_OVER, True
        elif row in piece.strong:
            chain = len(piece.cells) > width or bool(piece.overflow)   # values over: unclaimed ones
        elif chain or any(other in skipped and order[other] < order[row] for other in piece.weak):
            unsure[row] = LABEL_BETWEEN_VALUES
    return unsure


def _read_aligned(doc, region, table, rows, required, columns, warnings, cell_lines, positional):
    """Assign the region's runs to `rows`; return {row: {column: value}} or None (no values)."""
    runs, trailing = _read_runs(doc, region)
    width = len(columns)
    pieces = _pieces(runs, width, table, trailing, len(required))
    if len(pieces) >= MAX_PIECES:
        warnings.append(make_warning(
            WarningCode.UNASSIGNED_VALUES, f"only the first {MAX_PIECES} value rows of this table were read",
            table=table, line=pieces[-1].line))
        pieces = pieces[:MAX_PIECES]
    if not any(cell.kind == NUMBER for piece in pieces if not piece.garbled for cell in piece.cells):
        for piece in pieces:
            _unassigned(table, piece, warnings)
        return None
    for piece in pieces:
        _check_label(table, piece.label, piece.strong or piece.weak, piece.line, warnings)
    candidates = [piece for piece in pieces if not piece.garbled and (not piece.all_blank or piece.strong)]
    assignment = align(candidates, rows, width, required)
    assigned = {id(piece) for piece in assignment.values()}
    for piece in pieces:
        if id(piece) not in assigned and not piece.all_blank:
            _unassigned(table, piece, warnings)
    unsure = _label_between_values(pieces, assignment, rows, width)
    result = {}
    for row in rows:
        piece = assignment.get(row)
        if piece is None:
            continue
        if row in unsure:
            result[row] = {column: None for column in columns}
            why = unsure[row]
            if why != FEWER_VALUES:        # (fewer values: digits that ran together, for recovery)
                positional.setdefault(table, {})[row] = why
            warnings.append(make_warning(
                WarningCode.AMBIGUOUS_LAYOUT, f"values placed in this row by position alone, but {why}: "
                "they may be another row's; left null", table=table, row=row, line=piece.line))
            continue
        if piece.overflow:
            printed, expected = piece.overflow
            warnings.append(make_warning(
                WarningCode.ROW_VALUE_COUNT,
                f"the printed row has {printed} values for {expected} columns; read from the left",
                table=table, row=row, line=piece.line))
        result[row] = _fill_row(table, row, columns, piece.cells, warnings, cell_lines)
        why = _uncertain(piece, row, width)
        if why:
            positional.setdefault(table, {})[row] = why
    return result


def _complete(result, table, rows, columns, warnings):
    """Add the rows not found, with null cells and a warning each."""
    for row in rows:
        if row not in result:
            warnings.append(make_warning(WarningCode.CELL_NOT_FOUND, "row not found in the table",
                                         table=table, row=row))
    return {row: result.get(row) or {column: None for column in columns} for row in rows}


def read_applications(doc, region, template, warnings, cell_lines, positional):
    """Table 3. Both spellings of （六）其他处理 are read; the one printed is kept."""
    order = rules.APPLICATION_ROW_ORDER["2019"][:]
    at = order.index("total_handled")
    order[at:at] = rules.OTHER_HANDLING_ROWS["2021"]
    required = set(rules.APPLICATION_ROW_ORDER[template])
    result = _read_aligned(doc, region, "applications", order, required, rules.APPLICATION_COLUMNS, warnings,
                           cell_lines, positional)
    if result is None:
        return None
    expected = list(rules.APPLICATION_ROW_ORDER[template])
    own = rules.OTHER_HANDLING_ROWS[template]
    other = rules.OTHER_HANDLING_ROWS["2021" if template == "2019" else "2019"]
    if any(row in result for row in other) and not any(row in result for row in own):
        at = expected.index(own[0])
        expected[at:at + len(own)] = other
    result = {row: values for row, values in result.items() if row in expected}
    return _complete(result, "applications", expected, rules.APPLICATION_COLUMNS, warnings)


def read_reviews(doc, region, warnings, cell_lines, positional):
    result = _read_aligned(doc, region, "reviews_and_lawsuits", rules.REVIEW_ROW_ORDER,
                           set(rules.REVIEW_ROW_ORDER), rules.REVIEW_COLUMNS, warnings, cell_lines, positional)
    if result is None:
        return None
    return _complete(result, "reviews_and_lawsuits", rules.REVIEW_ROW_ORDER, rules.REVIEW_COLUMNS, warnings)
