"""Table text → cells → runs.

Whatever the layout (one cell per tab-indented line, pipe or box-drawing rows, tab rows,
white-space aligned PDF columns), a table region is read as a stream of cells. Text cells
are labels; number and blank cells are values. Consecutive values form a *run*: the values
of one printed row (or, in one-cell-per-line layouts, of several rows, split later). Each
run remembers the label text before it: `strong` when on the same line, `weak` when on
earlier lines. Rows are assigned to runs afterwards (tables.py).
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from service.parsing.labels import names_a_row
from service.parsing.normalize import compact
from service.parsing.numbers import BLANK, COMMON_READINGS, GARBLED, NUMBER, TEXT, classify, read_cell
from service.rules import markers

PAGE_NUMBER_RE = re.compile("|".join(f"(?:{p})" for p in markers.PAGE_NUMBER_PATTERNS))
SEPARATOR_RE = re.compile("[" + re.escape(markers.CELL_SEPARATORS) + "]")
RULE_CHARS = frozenset(markers.TABLE_RULE_CHARS + " ")
CJK_RE = re.compile(r"[\u4e00-\u9fff]")
PAGE_NUMBER_STARTS = frozenset(markers.PAGE_NUMBER_STARTS)
UNIT_TOKENS = frozenset([*markers.COUNT_UNITS, *markers.MONEY_UNITS])
CACHED_LINE_CHARS = 256
MAX_CELLS = 20000         # value cells read from one table region (a real table has about 300)


class Cell(NamedTuple):   # a tuple: one is built for every value of a table
    kind: str            # numbers.BLANK, NUMBER or TEXT
    text: str
    value: object = None
    unit: str = None
    line: int = 0


@dataclass
class Run:
    cells: list = field(default_factory=list)
    strong: str = ""     # label text on the line of the first value
    weak: str = ""       # label text on the lines before, since the previous run
    line: int = 0

    @property
    def end_line(self) -> int:
        """The line of the last value."""
        return self.cells[-1].line if self.cells else 0

    @property
    def all_blank(self) -> bool:
        return all(cell.kind == BLANK for cell in self.cells)

    @property
    def garbled(self) -> bool:
        return any(cell.kind == GARBLED for cell in self.cells)


def _is_rule(part: str) -> bool:
    stripped = part.strip()
    if not stripped or stripped[0] not in RULE_CHARS:
        return False
    return len(stripped) >= 3 and set(stripped) <= RULE_CHARS or (
        stripped != "" and set(stripped) <= RULE_CHARS and any(c not in "-:=+ " for c in stripped)
    )


def _is_prose(line: str, kinds: list) -> bool:
    """A sentence of the narrative, not a table line: it ends clauses and names no table row
    ("(二)部分公开(区分处理的,只计这一情形,不计其他情形)" has commas but is a row label).
    `kinds`: the kind of each of the line's tokens."""
    if kinds.count(NUMBER) >= 2:
        return False
    if "。" in line or ";" in line:
        return True
    return "," in line and len(CJK_RE.findall(line)) >= 20 and not names_a_row(compact(line), "applications")


def parse_line(line: str) -> tuple:
    """The cells of one normalised line as (kind, text, value, unit) tuples (cached when short:
    table lines such as "0 |" repeat; a long line would stay in memory after its request)."""
    return _line_record_cached(line)[0] if len(line) <= CACHED_LINE_CHARS else _parse_line(line)


def _parse_line(line: str) -> tuple:
    """parse_line uncached: a line's cells split by its layout (separators, tabs, or white space
    between aligned cells) and classified, in one function, with the page-number pattern run only
    on a line that can be one (tests/property/test_table_reading.py compares with the layered
    reading it replaced, kept in tests/property/table_reading_reference.py)."""
    start = line.lstrip()[:1]
    if not start:
        if "\t" not in line:
            return ()
    elif (start in PAGE_NUMBER_STARTS or start.isdecimal()) and PAGE_NUMBER_RE.match(line):
        return ()
    parts = _separator_parts(line)
    if parts is not None:
        # (a rule begins with a rule character: only those parts are tested)
        texts = [text for text in map(str.strip, parts) if text[:1] not in RULE_CHARS or not _is_rule(text)]
        if texts and not texts[0]:
            texts = texts[1:]
        if texts and not texts[-1]:
            texts = texts[:-1]
        if not texts:
            return ()
    elif "\t" in line:
        texts = [part.strip() for part in line.split("\t")]
        if not texts[0]:
            del texts[0]
    elif start in RULE_CHARS and _is_rule(line):    # (a rule begins with a rule character)
        return ()
    else:
        return _space_cells(line)
    if len(texts) == 1:               # one cell (one-cell-per-line layouts): nothing to drop
        return (read_cell(texts[0]),)
    return _drop_blanks(_read_texts(texts))


def _read_texts(texts: list) -> list:
    """The cells of a line's stripped texts. Most cells of a table row are counts or blanks whose
    readings numbers.COMMON_READINGS holds: looked up here without a call (callgrind, a row of 16
    counts: 41 000 → 35 000 instructions); the others are read by read_cell."""
    common = COMMON_READINGS.get
    return [common(text) or read_cell(text) for text in texts]


def _separator_parts(line: str):
    """The parts of a line between cell separators, or None when it holds none. By str.split when
    one kind of separator is in the line (the pattern's split costs about 1 µs more on a table
    row, measured), else by the pattern."""
    found = None
    for separator in markers.CELL_SEPARATORS:
        if separator in line:
            if found is not None:
                return SEPARATOR_RE.split(line)
            found = separator
    return None if found is None else line.split(found)


def _space_cells(line: str) -> tuple:
    """The cells of a white-space aligned line: its tokens, a unit joined to the number before it
    and neighbouring text tokens joined into one label (a cell of one token keeps the token's
    reading); () for a line of prose."""
    tokens = line.split()
    if len(tokens) == 1:              # one token: its own cell, unless the line is prose
        token = tokens[0]
        kind, value, unit = classify(token)
        if "。" in line or ";" in line or "," in line and _is_prose(line, [kind]):
            return ()
        return ((kind, token, value, unit),)
    classified = [classify(token) for token in tokens]      # each token classified once
    kinds = [kind for kind, _, _ in classified]
    if _is_prose(line, kinds):
        return ()
    merged = []                       # [kind, [tokens], classification]: joined once at the end
    for token, kind, reading in zip(tokens, kinds, classified):
        if merged and token in UNIT_TOKENS and merged[-1][0] == NUMBER:
            merged[-1][1].append(token)
        elif merged and kind == TEXT and merged[-1][0] == TEXT:
            merged[-1][1].append(token)
        else:
            merged.append((kind, [token], reading))
    return _drop_blanks([(reading[0], parts[0], reading[1], reading[2]) if len(parts) == 1
                         else read_cell("".join(parts)) for _, parts, reading in merged])


def _drop_blanks(cells: list) -> tuple:
    """The cells of a line of several, without the blank cells before its first label, and
    without any blank cell when it holds no number."""
    kinds = [cell[0] for cell in cells]
    if BLANK not in kinds or TEXT not in kinds:     # (the commonest lines: nothing to drop)
        return tuple(cells)
    first_text = kinds.index(TEXT)
    if BLANK in kinds[:first_text]:
        cells = [c for i, c in enumerate(cells) if i >= first_text or c[0] != BLANK]
    if NUMBER not in kinds:
        cells = [cell for cell in cells if cell[0] != BLANK]
    return tuple(cells)


def line_cells(line: str, line_no: int) -> list:
    return [Cell(kind, text, value, unit, line_no) for kind, text, value, unit in parse_line(line)]


def read_runs(lines, short: bool = False) -> tuple:
    """Group the cells of (line_no, text) pairs into runs; also return label-only texts.
    `short`: no line is longer than CACHED_LINE_CHARS (each is read from the cache untested).

    Returns (runs, trailing_text) where trailing_text is the label text after the last run.
    """
    runs = []
    weak = []
    current = None
    append = None             # current.cells.append
    values = 0
    new_cell, cell_type = tuple.__new__, Cell
    reading = _line_record_cached if short else _record
    for line_no, text in lines:
        if not text:
            continue
        # (a blank line reads as no segment, as any line without cells)
        _, segments, row_line, single = reading(text)
        if single is not None and current is not None:     # one value alone on its line, in a run
            append(new_cell(cell_type, single + (line_no,)))
            values += 1
            if values > MAX_CELLS:
                break
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
                line_text += texts
            if not cells:
                continue
            if current is None:
                current = Run(strong=compact("".join(line_text)) if line_text else "",
                              weak=compact("".join(weak)) if weak else "", line=line_no)
                append = current.cells.append
                weak = []
                line_text = []
            if len(cells) == 1:       # (one value per line: no list built for it)
                append(new_cell(cell_type, cells[0] + (line_no,)))
                values += 1
            else:
                current.cells += [new_cell(cell_type, cell + (line_no,)) for cell in cells]
                values += len(cells)
        if line_text:
            weak += line_text
        if row_line and current is not None:
            runs.append(current)
            current = None
        if values > MAX_CELLS:
            break
    if current is not None:
        runs.append(current)
    return runs, compact("".join(weak))


def _record(text: str) -> tuple:
    """_line_record, cached for short lines."""
    return _line_record_cached(text) if len(text) <= CACHED_LINE_CHARS else _line_record(text)


def _line_record(text: str) -> tuple:
    """A table line read once for every reader: (its cells, as parse_line gives them, and the
    segments, row flag and single value of _segments). One cache holds both: the reader and the
    order search of recovery read the same lines, a line not seen before is read in one step."""
    parsed = _parse_line(text)
    return (parsed, *_segments(parsed))


def _segments(parsed: tuple) -> tuple:
    """The cells of a line as segments ((label texts), ((kind, text, value, unit) of the values
    after them)), in order, whether it holds two values or more (a printed row), and its one
    cell when it holds a single value and no label (else None: the commonest line of
    one-cell-per-line layouts, which read_runs adds to its run in one step). Reading a line by
    segments gives read_runs one step per stretch of values instead of one per cell."""
    if len(parsed) == 1:              # one cell, the commonest line: a label, or a value alone
        cell = parsed[0]
        if cell[0] == TEXT:
            return (((cell[1],), ()),), False, None
        return (((), (cell,)),), False, cell
    segments, texts, cells = [], [], []
    values = 0                        # (the values of the line: counted as their segments close)
    for cell in parsed:
        if cell[0] == TEXT:
            if cells:
                segments.append((tuple(texts), tuple(cells)))
                values += len(cells)
                texts, cells = [], []
            texts.append(cell[1])
        else:
            cells.append(cell)
    if texts or cells:
        segments.append((tuple(texts), tuple(cells)))
        values += len(cells)
    single = cells[0] if len(segments) == 1 and not texts and len(cells) == 1 else None
    return tuple(segments), values >= 2, single


_line_record_cached = lru_cache(maxsize=8192)(_line_record)
