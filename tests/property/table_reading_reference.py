"""The table-line reading as it was before the speed work of issue 12 (tables stage), kept
verbatim as the reference the property tests compare the current code with."""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from service.parsing.cells import MAX_CELLS, Cell, CJK_RE, PAGE_NUMBER_RE, RULE_CHARS, SEPARATOR_RE, UNIT_TOKENS, _is_rule
from service.parsing.labels import find_rows
from service.parsing.normalize import compact
from service.parsing.numbers import BLANK, GARBLED, MAX_DIGITS, NUMBER, NUMBER_RE, TEXT
from service.rules import markers


def old_classify(cell: str):
    if cell.isdigit() and cell.isascii():
        return _plain_digits(cell)
    text = "".join(cell.split())
    if text.isdigit() and text.isascii():
        return _plain_digits(text)
    if text in markers.NULL_MARKERS:
        return BLANK, None, None
    if text in markers.ZERO_WORDS:
        return NUMBER, 0, None
    match = NUMBER_RE.match(text)
    if not match:
        return TEXT, None, None
    digits = match.group("digits").replace(",", "")
    if len(digits) > 1 and digits.startswith("0") or len(digits) > MAX_DIGITS:
        return GARBLED, None, None
    sign = -1 if match.group("sign") == "-" else 1
    unit = match.group("unit")
    if match.group("frac"):
        try:
            value = Decimal(digits + match.group("frac")) * sign
        except InvalidOperation:  # pragma: no cover
            return TEXT, None, None
    else:
        value = int(digits) * sign
    return NUMBER, value, unit


def _plain_digits(digits: str):
    if len(digits) > 1 and digits.startswith("0") or len(digits) > MAX_DIGITS:
        return GARBLED, None, None
    return NUMBER, int(digits), None


classify = old_classify


def _is_prose(line: str, kinds: list) -> bool:
    if kinds.count(NUMBER) >= 2:
        return False
    if "。" in line or ";" in line:
        return True
    return "," in line and len(CJK_RE.findall(line)) >= 20 and not find_rows(compact(line), "applications")


def old_space_cells_classified(line: str) -> list:
    tokens = line.split()
    classified = [classify(token) for token in tokens]
    kinds = [kind for kind, _, _ in classified]
    if not tokens or _is_prose(line, kinds):
        return []
    merged = []
    for token, kind, reading in zip(tokens, kinds, classified):
        if merged and token in UNIT_TOKENS and merged[-1][0] == NUMBER:
            merged[-1][1].append(token)
        elif merged and kind == TEXT and merged[-1][0] == TEXT:
            merged[-1][1].append(token)
        else:
            merged.append((kind, [token], reading))
    return [(parts[0], reading) if len(parts) == 1 else (text := "".join(parts), classify(text))
            for _, parts, reading in merged]


def old_split_line(line: str, classified: bool):
    if not line.strip() and "\t" not in line:
        return []
    if PAGE_NUMBER_RE.match(line):
        return []
    parts = SEPARATOR_RE.split(line)
    if len(parts) > 1:
        parts = [p for p in parts if p.lstrip()[:1] not in RULE_CHARS or not _is_rule(p)]
        if parts and not parts[0].strip():
            parts = parts[1:]
        if parts and not parts[-1].strip():
            parts = parts[:-1]
        return parts
    if "\t" in line:
        parts = line.split("\t")
        if not parts[0].strip():
            parts = parts[1:]
        return parts
    if line.lstrip()[:1] in RULE_CHARS and _is_rule(line):
        return []
    return old_space_cells_classified(line) if classified else [part for part, _ in old_space_cells_classified(line)]


def old_parse_line(line: str) -> tuple:
    parts = old_split_line(line, True)
    if not parts:
        return ()
    if len(parts) == 1 and type(parts[0]) is str:
        kind, value, unit = classify(parts[0])
        return ((kind, parts[0].strip(), value, unit),)
    if type(parts[0]) is tuple:
        cells = [(kind, part, value, unit) for part, (kind, value, unit) in parts]
    else:
        cells = [(kind, part.strip(), value, unit) for part in parts for kind, value, unit in [classify(part)]]
    kinds = [cell[0] for cell in cells]
    if TEXT in kinds:
        first_text = kinds.index(TEXT)
        cells = [c for i, c in enumerate(cells) if i >= first_text or c[0] != BLANK]
        if NUMBER not in kinds:
            cells = [cell for cell in cells if cell[0] != BLANK]
    return tuple(cells)


@dataclass
class OldRun:
    cells: list = field(default_factory=list)
    strong: str = ""
    weak: str = ""
    line: int = 0
    end_line: int = 0


def old_read_runs(lines) -> tuple:
    """Group the cells of (line_no, text) pairs into runs; also return label-only texts.

    Returns (runs, trailing_text) where trailing_text is the label text after the last run.
    """
    runs = []
    weak = []
    current = None
    values = 0
    new_cell = tuple.__new__
    for line_no, text in lines:
        if values > MAX_CELLS:
            break
        if not text or "\t" not in text and text.isspace():      # (a blank line: as `not text.strip()`)
            continue
        segments, row_line, single = old_line_reading(text)
        if single is not None and current is not None:     # one value alone on its line, in a run
            current.cells.append(new_cell(Cell, (*single, line_no)))
            current.end_line = line_no
            values += 1
            continue
        if not segments:
            continue
        if row_line and current is not None:
            runs.append(current)
            current = None
        line_text = []
        for texts, cells in segments:
            if texts:
                if current is not None:
                    runs.append(current)
                    current = None
                line_text.extend(texts)
            if not cells:
                continue
            if current is None:
                current = OldRun(strong=compact("".join(line_text)) if line_text else "",
                              weak=compact("".join(weak)) if weak else "", line=line_no)
                weak = []
                line_text = []
            if len(cells) == 1:       # (one value per line: no list built for it)
                current.cells.append(new_cell(Cell, (*cells[0], line_no)))
            else:
                current.cells.extend([new_cell(Cell, (*cell, line_no)) for cell in cells])
            current.end_line = line_no
            values += len(cells)
        weak.extend(line_text)
        if row_line and current is not None:
            runs.append(current)
            current = None
    if current is not None:
        runs.append(current)
    return runs, compact("".join(weak))


def old_line_reading(text: str) -> tuple:
    """The cells of a line as segments ((label texts), ((kind, text, value, unit) of the values
    after them)), in order, whether it holds two values or more (a printed row), and its one
    cell when it holds a single value and no label (else None: the commonest line of
    one-cell-per-line layouts, which read_runs adds to its run in one step). Reading a line by
    segments gives read_runs one step per stretch of values instead of one per cell."""
    parsed = old_parse_line(text)
    if len(parsed) == 1:              # one cell, the commonest line: a label, or a value alone
        cell = parsed[0]
        if cell[0] == TEXT:
            return (((cell[1],), ()),), False, None
        return (((), (cell,)),), False, cell
    segments, texts, cells = [], [], []
    for cell in parsed:
        if cell[0] == TEXT:
            if cells:
                segments.append((tuple(texts), tuple(cells)))
                texts, cells = [], []
            texts.append(cell[1])
        else:
            cells.append(cell)
    if texts or cells:
        segments.append((tuple(texts), tuple(cells)))
    single = cells[0] if len(segments) == 1 and not texts and len(cells) == 1 else None
    return tuple(segments), sum(1 for cell in parsed if cell[0] != TEXT) >= 2, single



# --- tables.py ---------------------------------------------------------------------------

from itertools import zip_longest  # noqa: E402

from service.parsing.codes import WarningCode, make_warning  # noqa: E402
from service.parsing.numbers import to_output  # noqa: E402
from service.parsing.tables import AMOUNT_COLUMNS  # noqa: E402


def old_fill_row(table, row, columns, cells, warnings, cell_lines):
    values = {}
    prefix = f"tables.{table}.rows.{row}."
    for column, cell in zip_longest(columns, cells[:len(columns)]):
        if cell is None or cell.kind != NUMBER:
            values[column] = None
            continue
        amount = column in AMOUNT_COLUMNS
        value = cell.value
        values[column] = value if type(value) is int and not amount else to_output(value, cell.unit, amount=amount)
        cell_lines[prefix + column] = cell.line
        if amount and cell.unit == "元":
            warnings.append(make_warning(
                WarningCode.AMOUNT_CONVERTED, f"{cell.text} converted to {values[column]} 万元",
                table=table, row=row, column=column, line=cell.line))
    if len(cells) != len(columns) and cells:
        warnings.append(make_warning(
            WarningCode.ROW_VALUE_COUNT,
            f"row has {len(cells)} values for {len(columns)} columns; read from the left",
            table=table, row=row, line=cells[0].line))
    return values
