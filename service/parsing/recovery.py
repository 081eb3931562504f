"""Recovery: table cells the reader could not read, decided by the templates' arithmetic.

    recover(reading) -> reading        # reading: report.Reading; fills cells, adds provenance

Two kinds of damage, one rule: a cell is filled (or kept) only when every reading of the
printed text that agrees with the template identities (service/rules/identities.py) gives it
the same value; otherwise it is null with a warning that lists the candidates.

1. Run-together digits ("640020470" is 64 | 0 | 0 | 2 | 0 | 4 | 70). Every row the reader left
   empty whose label is followed by digits becomes a *run*; its readings are the splits of its
   digits into the row's cells (no leading zeros, decimals kept with their integer part). The
   runs of a table are searched together, depth first, cheapest first, pruned as soon as an
   identity can no longer hold (bounds over the runs not yet read), within a step budget.
   Recovered cells are listed in the result's `provenance` with the printed text and the
   identities used.
2. Rows read by position alone (their label was not on the line of their values, or the count
   of values did not match): when an identity over them fails, their cells in it are set to
   null with a warning. A number that may belong to another row is worse than none.

Cells read cleanly are never changed.
"""

import re
from dataclasses import dataclass, field
from operator import itemgetter, mul
from decimal import Decimal
from itertools import chain

from service import contract
from service.parsing import labels
from service.parsing.codes import WarningCode, make_warning
from service.parsing.identities import (IDENTITY_TABLES, cell_path, gaps as identity_gaps, indexed_instances, instances,
                                        rules_over)
from service.parsing.normalize import compact
from service.parsing.numbers import to_output
from service.parsing import block_order, narrative_recovery, segment_recovery, stretch_order, table_order
from service.parsing.tables import LABEL_BETWEEN_VALUES, VALUES_OVER, region_lines
from service.rules import labels as label_rules
from service.rules import recovery as rules

CHUNK_RE = re.compile(rules.CHUNK_PATTERN)
LABEL_NUMBER_RE = re.compile(rules.LABEL_NUMBER_AFTER)
NOT_A_VALUE_RE = re.compile(rules.NOT_A_VALUE_AFTER)
AMOUNT_COLUMNS = frozenset({"amount"})
RECOVERED_TABLES = ("active_disclosure", "applications", "reviews_and_lawsuits")
LAYOUT_DOUBTS = frozenset({WarningCode.UNASSIGNED_VALUES.value, WarningCode.ROW_VALUE_COUNT.value,
                           WarningCode.UNKNOWN_LABEL.value})
ORDER_STALE_CODES = frozenset({WarningCode.UNASSIGNED_VALUES.value, WarningCode.CELL_NOT_FOUND.value, WarningCode.UNREADABLE_TABLE.value,
                               WarningCode.AMBIGUOUS_LAYOUT.value})
LABEL_DOUBTS = frozenset({LABEL_BETWEEN_VALUES, VALUES_OVER})
STALE_CODES = frozenset({WarningCode.UNREADABLE_TABLE.value, WarningCode.UNREADABLE_CELL.value,
                         WarningCode.UNASSIGNED_VALUES.value})


@dataclass
class Run:
    """Digits printed for `cells` (paths, in order) with their separators lost."""

    table: str
    rows: list
    cells: list                       # cell paths
    chunks: list                      # the printed values, split where white space separated them
    line: int
    readings: list = field(default_factory=list)    # tuples of values, one per cell
    given_by_digits: bool = False     # only one split exists: no identity was needed
    where: list = field(default_factory=list)       # (table, row, column) of each cell, when known

    def places(self) -> list:
        """(table, row, column) of each cell."""
        return self.where or [(parts[1], parts[3], parts[4]) for parts in (cell.split(".") for cell in self.cells)]

    @property
    def printed(self) -> str:
        return " ".join(self.chunks)


class Budget:
    def __init__(self, steps):
        self.left = steps

    def spend(self) -> bool:
        self.left -= 1
        return self.left >= 0


# --- runs ------------------------------------------------------------------------------------

def _value_runs(text: str) -> list:
    """(label before, [chunks], offset) of every run of values in a damaged region's text."""
    runs = []                          # [label, chunks, start, end, open]
    label_from = 0
    for match in CHUNK_RE.finditer(text):
        chunk, start, end = match.group(), match.start(), match.end()
        if start and text[start - 1].isascii() and text[start - 1].isalpha():
            continue                   # part of a word ("A3")
        if NOT_A_VALUE_RE.match(text, end, end + 1):      # (bounded: the patterns read 1 or 2 characters)
            continue                   # a year or a date, part of the label text
        numbered = bool(LABEL_NUMBER_RE.match(text, end, end + 2)) and "." not in chunk and not chunk.endswith("元")
        if numbered:                   # the next label's own number glued to this row's digits
            chunk, end = chunk[:-rules.LABEL_NUMBER_DIGITS], end - rules.LABEL_NUMBER_DIGITS
        if chunk:
            if runs and runs[-1][4] and not text[runs[-1][3]:start].strip():
                runs[-1][1].append(chunk)
                runs[-1][3] = end
            else:
                runs.append([text[label_from:start], [chunk], start, end, True])
            label_from = end
        if numbered:
            if runs:
                runs[-1][4] = False
            label_from = end
    return [(label, chunks, start) for label, chunks, start, _, _ in runs]


def _columns(table, row, template):
    if table == "applications":
        return label_rules.APPLICATION_COLUMNS
    if table == "reviews_and_lawsuits":
        return label_rules.REVIEW_COLUMNS
    return _disclosure_columns(template).get(row, [])


_DISCLOSURE_COLUMNS = {}


def _disclosure_columns(template) -> dict:
    """contract.active_disclosure_columns(template), made once per template (the same lists; the
    dict is not handed out)."""
    found = _DISCLOSURE_COLUMNS.get(template)
    if found is None:
        found = _DISCLOSURE_COLUMNS[template] = contract.active_disclosure_columns(template)
    return found


def _runs_of(reading, table, template) -> list:
    """The runs of a table's region whose rows the reader left without any value."""
    region = reading.regions.get(table)
    if not region:
        return []
    doc = reading.doc
    content = reading.result["tables"].get(table)
    rows_read = (content or {}).get("rows") or {}
    if content is not None and (all(rows_read.values()) and not _has_blank(rows_read)
                                or all(any(value is not None for value in columns.values())
                                       for columns in rows_read.values())):
        return []                     # (the usual case) a value in every row read: a run would name a row
        #                               read already or one the table does not have (_recover_runs drops it).
        #                               (First, without a step per row: no row empty and no blank anywhere.)
    order = _row_order(table, template)
    runs, taken = [], set()
    # rows the reader found printed but could not pair with their values: their label does not
    # tell which digits are theirs (table 2: no identity would check a split either)
    declined = {w["row"] for w in reading.result["warnings"]
                if w["table"] == table == "active_disclosure" and w["code"] == WarningCode.AMBIGUOUS_LAYOUT.value}
    declined |= {row for row, why in reading.positional.get(table, {}).items() if why in LABEL_DOUBTS}
    in_order = set(order)
    for label, chunks, offset in _value_runs(doc.norm[region[0]:region[1]]):
        named = [row for row in labels.find_rows(compact(label), table) if row in in_order]
        if not named:
            continue
        rows = [named[-1]]
        if len(named) > 1 and table == "reviews_and_lawsuits":
            spanned = sorted(named, key=order.index)
            if sum(map(len, chunks)) >= sum(len(_columns(table, row, template)) for row in spanned):
                rows = spanned        # (the digits are enough for every row the label names)
        if any(row in taken or row in declined for row in rows):
            continue
        if any(value is not None for row in rows for value in (rows_read.get(row) or {}).values()):
            continue
        where = [(table, row, column) for row in rows for column in _columns(table, row, template)]
        if not where:
            continue
        taken.update(rows)
        runs.append(Run(table, rows, [cell_path(*place) for place in where], chunks, doc.line_no(region[0] + offset),
                        where=where))
    return runs


def _has_blank(rows) -> bool:
    """A None among the values of {row: {column: value}}."""
    values = chain.from_iterable(map(dict.values, rows.values()))
    try:
        sum(values)                   # (a third cheaper than `None in`, which compares every value
        return False                  #  with None: nothing adds to None, so no TypeError, no None)
    except TypeError:                 # a None, or a float with a Decimal: looked for
        return None in chain.from_iterable(map(dict.values, rows.values()))


def _row_order(table, template):
    if table == "applications":
        order = label_rules.APPLICATION_ROW_ORDER["2019"][:]
        at = order.index("total_handled")
        order[at:at] = label_rules.OTHER_HANDLING_ROWS["2021"]
        return order
    if table == "reviews_and_lawsuits":
        return label_rules.REVIEW_ROW_ORDER
    return list(_disclosure_columns(template))


# --- readings of one run ---------------------------------------------------------------------

def _part_value(text, unit, amount):
    """The cell value of a part of a chunk, or None when it cannot be one cell."""
    whole = text.split(".")[0]
    if len(whole) > 1 and whole[0] == "0" or len(whole) > (rules.MAX_AMOUNT_DIGITS if amount else rules.MAX_CELL_DIGITS):
        return None
    if "." in text:
        return to_output(Decimal(text), unit, amount=True) if amount else None
    if unit and not amount:
        return None
    return to_output(int(text), unit, amount=True) if amount else int(text)


SPLITS_KEPT = 1024                    # digit runs whose readings are kept (template rows recur) …
SPLITS_KEPT_READINGS = 64             # … when they have at most this many readings (memory)
_splits_kept = {}


def clear_splits():
    """Forget the readings kept by `splits` (benchmarks of a report not seen before)."""
    _splits_kept.clear()


def splits(chunks, columns, limit) -> list:
    """Every reading of the chunks as len(columns) cells (each chunk one or more whole cells),
    or None when there are more than `limit` (a new list each call; the readings of runs seen
    before are kept: "0000000" or "1000001" recur in every report of a template)."""
    key = (tuple(chunks), tuple(columns), limit)
    kept = _splits_kept.get(key, key)
    if kept is not key:
        return None if kept is None else list(kept)
    found = _splits(chunks, columns, limit)
    if found is None or len(found) <= SPLITS_KEPT_READINGS:
        if len(_splits_kept) >= SPLITS_KEPT:
            _splits_kept.clear()
        _splits_kept[key] = None if found is None else tuple(found)
    return found


def _splits(chunks, columns, limit) -> list:
    """splits, worked out.

    The readings are those of a depth-first walk over the parts of the chunks, cell by cell,
    shortest part first. A point of the walk (chunk, character, cell) is reached by many paths:
    its count of readings (capped above `limit`) and the parts that lead to one are found once,
    then only those parts are walked to list the readings in the same order."""
    parsed = []
    for chunk in chunks:
        unit = "万元" if chunk.endswith("万元") else "元" if chunk.endswith("元") else None
        digits = chunk[:-len(unit)] if unit else chunk
        parsed.append((digits, unit))
    # characters of the chunks after each one: every cell takes at least one character, so a
    # branch with fewer characters left than cells left yields nothing and is not walked
    after = [0] * len(parsed)
    for index in range(len(parsed) - 2, -1, -1):
        after[index] = after[index + 1] + len(parsed[index + 1][0])
    cells, chunks_count = len(columns), len(parsed)
    amounts = [column in AMOUNT_COLUMNS for column in columns]
    if sum(len(digits) for digits, _ in parsed) == cells and limit >= 1 and \
            all(unit is None and digits.isascii() and digits.isdigit() for digits, unit in parsed):
        # one digit per cell ("0000000" for seven cells, the usual run of a template's zeros):
        # the only reading, each digit its cell
        return [tuple(_part_value(digit, None, amount) for digit, amount in zip("".join(chunks), amounts))]
    counts = {}                       # (chunk, character, cell) -> readings from there (≤ limit + 1)
    ways = {}                         # (chunk, character, cell) -> [(value, next point)] with a reading

    def count(point):
        known = counts.get(point)
        if known is not None:
            return known
        chunk_index, at, cell = point
        if chunk_index == chunks_count:
            counts[point] = found = 1 if cell == cells else 0
            return found
        digits, unit = parsed[chunk_index]
        cells_left = cells - cell
        found, taken = 0, []
        if not (cells_left < chunks_count - chunk_index or len(digits) - at + after[chunk_index] < cells_left):
            dot = digits.find(".", at)
            # a part ending at `end` leaves len(digits) - end + after[chunk_index] characters for
            # the cells_left - 1 cells after it: a longer part yields nothing and is not tried
            for end in range(at + 1, min(len(digits), len(digits) + after[chunk_index] - cells_left + 1) + 1):
                if dot >= 0 and dot <= end < len(digits):
                    continue          # a decimal part belongs whole to the cell that ends the chunk
                last = end == len(digits)
                part = digits[at:end]
                if part.isdecimal() and not amounts[cell] and (unit is None or not last):
                    # (a count: _part_value's reading of plain digits, without its calls)
                    value = None if len(part) > 1 and part[0] == "0" or len(part) > rules.MAX_CELL_DIGITS \
                        else int(part)
                else:
                    value = _part_value(part, unit if last else None, amounts[cell])
                if value is None:
                    if len(part.split(".")[0]) > rules.MAX_AMOUNT_DIGITS:
                        break
                    continue
                if last:
                    following = (chunk_index + 1, 0, cell + 1)
                elif cell + 1 < cells:
                    following = (chunk_index, end, cell + 1)
                else:
                    continue
                more = count(following)
                if more:
                    found += more
                    taken.append((value, following))
        counts[point] = found = min(found, limit + 1)
        ways[point] = taken
        return found

    if count((0, 0, 0)) > limit:
        return None
    built = {}                        # point -> the readings of the cells from there, in walk order

    def readings_from(point):
        # the depth-first walk's order: each way from the point in turn, each reading after it
        # in turn; a point's readings are built once however many paths reach it
        found = built.get(point)
        if found is None:
            if point[0] == chunks_count:
                found = [()]
            else:
                found = [(value, *rest) for value, following in ways[point] for rest in readings_from(following)]
            built[point] = found
        return found

    return readings_from((0, 0, 0))


# --- the search ------------------------------------------------------------------------------

def _usable(equations, cells, run_of):
    """The identity instances that can decide: every cell is known or belongs to a run."""
    known = {cell for cell, value in cells.items() if value is not None}
    known.update(run_of)
    in_runs = run_of.keys()
    return [eq for eq in equations if known.issuperset(eq.cells) and not in_runs.isdisjoint(eq.cells)]


_signs_seen = {}                      # id(instance) -> (instance, its signs)


def _signs(eq) -> tuple:
    """((cell, coefficient), ...) of an instance as sum(parts) - sum(totals): +1 per part, -1 per
    total (a cell in both gets their sum), in order of first appearance. Kept per instance (the
    instances are built once per table shape and shared between reports)."""
    seen = _signs_seen.get(id(eq))
    if seen is not None and seen[0] is eq:
        return seen[1]
    signs = {}
    for cell in eq.parts:
        signs[cell] = signs.get(cell, 0) + 1
    for cell in eq.totals:
        signs[cell] = signs.get(cell, 0) - 1
    if len(_signs_seen) >= 4096:
        _signs_seen.clear()
    _signs_seen[id(eq)] = (eq, tuple(signs.items()))
    return _signs_seen[id(eq)][1]


def solve(runs, cells, equations, budget) -> list:
    """Every assignment of one reading per run that satisfies the equations ([] when none),
    or None when the budget ran out. `cells` holds the values read as printed."""
    run_of = {cell: index for index, run in enumerate(runs) for cell in run.cells}
    return _search(runs, cells, _usable(equations, cells, run_of), run_of, budget)[0]


def _search(runs, cells, usable, run_of, budget) -> tuple:
    """(solve's answer, per run the indexes of the usable instances over its cells) over the
    usable instances (those `_usable` keeps for these runs)."""
    # an equation is sum(coefficient * value) == 0: constant part from printed cells, and per
    # run and reading the run's contribution
    position = {}                            # cell -> its place in its run (run_of's run, first place)
    for index, run in enumerate(runs):
        here = {}
        for place, cell in enumerate(run.cells):
            here.setdefault(cell, place)
        position.update(here)
    constant, share = [], []
    involved = [[] for _ in runs]            # per run, the equations over its cells (ascending)
    printed = []                             # the printed values the equations take
    for e, eq in enumerate(usable):
        known, per_run = [], {}
        for cell, sign in _signs(eq):
            r = run_of.get(cell)
            if r is None:
                value = cells[cell]
                printed.append(value)
                known.append(sign * value)
            else:
                per_run.setdefault(r, []).append((position[cell], sign))
        constant.append(sum(known))
        share.append(per_run)
        for r in per_run:
            involved[r].append(e)
    if all(run.readings for run in runs) and \
            {*map(type, printed), *map(type, chain.from_iterable(chain.from_iterable(run.readings for run in runs)))} <= {int}:
        return _search_ints(runs, usable, budget, constant, share, involved), involved
    return _walk_all(runs, usable, budget, constant, share, involved), involved


def _placed(runs, which, share, involved):
    """(per run in `which`: per reading its (equation, share) pairs in the order of involved[r];
    per run: (equation, lowest share, highest share) over its readings)."""
    # (equation, position, sign) of a one-cell term, (equation, getter of the positions,
    # signs) of a longer one: sum(map(mul, …)) adds the same products in the same order.
    # A share is the sum as sum() forms it (0 + first + …); its lowest and highest over the
    # run's readings are kept as min() and max() find them (first of equals)
    placed, bounds = {}, {}
    for r in which:
        run = runs[r]
        terms = [(e, *share[e][r][0]) if len(share[e][r]) == 1 else
                 (e, itemgetter(*(pos for pos, _ in share[e][r])), tuple(sign for _, sign in share[e][r]))
                 for e in involved[r]]
        low, high, readings = None, None, []
        for reading in run.readings:
            pairs = []
            for e, pos, sign in terms:
                if sign.__class__ is int:
                    pairs.append((e, 0 + sign * reading[pos]))
                else:
                    pairs.append((e, sum(map(mul, sign, pos(reading)))))
            readings.append(pairs)
            if low is None:
                low, high = [part for _, part in pairs], [part for _, part in pairs]
                continue
            for k, (_, part) in enumerate(pairs):
                if part < low[k]:
                    low[k] = part
                if part > high[k]:
                    high[k] = part
        placed[r] = list(enumerate(readings))
        if low is None:
            low = high = [0] * len(terms)
        bounds[r] = list(zip(involved[r], low, high))
    return placed, bounds


def _walk_all(runs, usable, budget, constant, share, involved):
    """The search over every run, depth first, runs with fewer readings first: the answer of
    solve (None when the budget ran out)."""
    placed, bounds = _placed(runs, range(len(runs)), share, involved)
    order = sorted(range(len(runs)), key=lambda r: len(runs[r].readings))
    return _walk(runs, order, placed, bounds, list(constant), len(usable), [None] * len(runs), involved, budget)


def _search_ints(runs, usable, budget, constant, share, involved):
    """_walk_all's answer, with the same steps spent, when every run has a reading and every
    value is an int (then every sum below is exact, whatever order it is formed in):

    - The runs of one reading are not walked; their share is added to the constants. The walk
      takes runs with fewer readings first, so they are its first levels, in index order, one
      step each. A run of one reading has lowest share = highest share = its share, so at each of
      those levels the test of an equation (total + the lowest of the runs left <= 1e-9, total +
      the highest >= -1e-9) adds up the same ints whichever of them are placed already: the
      constant, every one-reading share and the lowest (highest) shares of the other runs. The
      walk stops at the first one-reading run with an equation over it failing that test (no
      solution, its level and those before it spent), or else goes on, all of them placed, into
      the same walk over the other runs from totals that hold the one-reading shares.
    - A reading of a walked run that fails an equation over no other walked run is not listed:
      at that run's level such an equation's total is its constant plus the reading's share and
      the runs left add nothing to it, so the walk's test rejects the reading whatever was chosen
      before, and a rejected reading is no step (the bounds are still those of every reading)."""
    single = [len(run.readings) == 1 for run in runs]
    folded = list(constant)
    for r, alone in enumerate(single):
        if alone:
            reading = runs[r].readings[0]
            for e in involved[r]:
                terms = share[e][r]
                if len(terms) == 1:
                    folded[e] += terms[0][1] * reading[terms[0][0]]
                else:
                    folded[e] += sum(sign * reading[pos] for pos, sign in terms)
    others = [r for r, alone in enumerate(single) if not alone]
    walked_over = [0] * len(usable)          # per equation, how many walked runs it is over
    for r in others:
        for e in involved[r]:
            walked_over[e] += 1
    placed, bounds = {}, {}
    rest_low, rest_high = list(folded), list(folded)
    for r in others:
        readings = runs[r].readings
        columns = []                         # per equation over the run, its share per reading
        bounds[r] = []
        for e in involved[r]:
            terms = share[e][r]
            if len(terms) == 1:
                pos, sign = terms[0]
                column = [sign * reading[pos] for reading in readings]
            else:
                getter = itemgetter(*(pos for pos, _ in terms))
                signs = tuple(sign for _, sign in terms)
                column = [sum(map(mul, signs, getter(reading))) for reading in readings]
            columns.append(column)
            low, high = min(column), max(column)
            rest_low[e] += low
            rest_high[e] += high
            bounds[r].append((e, low, high))
        kept = range(len(readings))   # (each such equation in turn rules out the readings failing it)
        for e, column in zip(involved[r], columns):
            if walked_over[e] == 1:
                base = folded[e]
                kept = [index for index in kept if -1e-9 <= base + column[index] <= 1e-9]
        placed[r] = [(index, [(e, column[index]) for e, column in zip(involved[r], columns)]) for index in kept]
    failing = {e for e in range(len(usable)) if not (rest_low[e] <= 1e-9 and rest_high[e] >= -1e-9)}
    for level, r in enumerate(r for r, alone in enumerate(single) if alone and failing):
        if not failing.isdisjoint(involved[r]):
            budget.left -= level + 1
            return None if budget.left < 0 else []
    budget.left -= len(runs) - len(others)
    if budget.left < 0:
        return None
    order = sorted(others, key=lambda r: len(runs[r].readings))
    return _walk(runs, order, placed, bounds, folded, len(usable), [0 if alone else None for alone in single],
                 involved, budget)


def _walk(runs, order, placed, bounds, total, equations, chosen, involved, budget):
    """Every choice of one reading per run of `order` (in that order) with which each equation
    can still hold after each level (the totals of the runs placed and the bounds of those left):
    the tuples of `chosen` (a reading index per run), None when the budget ran out."""
    rest_low = [0] * equations
    rest_high = [0] * equations
    for r in sorted(order):           # (in run order, as the sums were always formed)
        for e, low, high in bounds[r]:
            rest_low[e] += low
            rest_high[e] += high
    solutions = []

    def walk(depth):
        if not budget.spend():
            raise TimeoutError
        if depth == len(order):
            solutions.append(tuple(chosen))
            if len(solutions) > rules.MAX_SOLUTIONS:
                raise TimeoutError
            return
        r = order[depth]
        over = involved[r]
        for e, low, high in bounds[r]:
            rest_low[e] -= low
            rest_high[e] -= high
        for index, pairs in placed[r]:
            for e, shares in pairs:
                total[e] += shares
            chosen[r] = index
            for e in over:            # feasible: every equation over the run can still hold
                if not (total[e] + rest_low[e] <= 1e-9 and total[e] + rest_high[e] >= -1e-9):
                    break
            else:
                walk(depth + 1)
            for e, shares in pairs:
                total[e] -= shares
        for e, low, high in bounds[r]:
            rest_low[e] += low
            rest_high[e] += high

    try:
        walk(0)
    except TimeoutError:
        return None
    return solutions


def _rules_for(run, usable):
    """The rules of the usable identity instances over a run's cells."""
    cells = set(run.cells)
    return sorted({eq.rule for eq in usable if not cells.isdisjoint(eq.cells)})


# --- the stage -------------------------------------------------------------------------------

def _skeleton(reading, table, template, runs):
    """A table the reader found no value in: its rows, all null, to be filled by recovery."""
    region = reading.regions[table]
    doc = reading.doc
    if table == "applications":
        order = list(label_rules.APPLICATION_ROW_ORDER[template])
        own = label_rules.OTHER_HANDLING_ROWS[template]
        other = label_rules.OTHER_HANDLING_ROWS["2021" if template == "2019" else "2019"]
        named = {row for run in runs for row in run.rows}
        if named & set(other) and not named & set(own):
            at = order.index(own[0])
            order[at:at + len(own)] = other
    else:
        order = _row_order(table, template)
    rows = {row: {column: None for column in _columns(table, row, template)} for row in order}
    return {"line": doc.line_no(region[0]), "end_line": doc.line_no(max(region[0], region[1] - 1)), "rows": rows}


def _shown(readings):
    texts = ["|".join(str(v) for v in reading) for reading in readings[:rules.MAX_SHOWN_READINGS]]
    return "; ".join(texts) + ("; …" if len(readings) > rules.MAX_SHOWN_READINGS else "")


def _recover_runs(reading, template):
    result = reading.result
    warnings = result["warnings"]
    runs = []
    for table in RECOVERED_TABLES:
        found = _runs_of(reading, table, template)
        if found and result["tables"].get(table) is None:
            result["tables"][table] = _skeleton(reading, table, template, found)
        runs += [run for run in found if run.where[0][1] in result["tables"][table]["rows"]]
    if not runs:
        return
    usable_runs = []
    for run in runs:
        columns = [column for _, _, column in run.where]
        run.readings = splits(run.chunks, columns, rules.MAX_READINGS_PER_RUN)
        if not run.readings:
            why = "too many ways to split them" if run.readings is None else "no split fits the row's cells"
            warnings.append(make_warning(
                WarningCode.AMBIGUOUS_READING, f"digits of adjacent cells run together, not read ({why}): "
                f"{run.printed[:60]}", table=run.table, row=run.rows[0], line=run.line))
            continue
        run.given_by_digits = len(run.readings) == 1
        usable_runs.append(run)
    runs = usable_runs
    # (the cells of the tables an identity is over: no instance names another table's)
    cells = {cell_path(table, row, column): value for table, content in result["tables"].items()
             if content and table in IDENTITY_TABLES
             for row, columns in content["rows"].items() for column, value in columns.items()}
    equations = instances(result["tables"])
    run_of = {cell: index for index, run in enumerate(runs) for cell in run.cells}
    usable = _usable(equations, cells, run_of)
    over = [{run_of[cell] for cell in eq.cells if cell in run_of} for eq in usable]
    budget = Budget(rules.MAX_SEARCH_STEPS)
    for group in _components(len(runs), over):
        # the instances usable for the group alone are those usable for all the runs that are
        # over one of its runs: such an instance's runs are linked by it, so all in the group
        members = set(group)
        _decide([runs[index] for index in group], cells,
                [eq for eq, indexes in zip(usable, over) if not indexes.isdisjoint(members)], budget, reading)
    recovered_rows = {(run.table, row) for run in runs for row in run.rows}
    recovered_tables = {run.table for run in runs if any(cell in result["provenance"] for cell in run.cells)}
    result["warnings"] = [
        w for w in result["warnings"]
        if not (w["code"] in STALE_CODES and w["table"] in recovered_tables)
        and not (w["code"] == WarningCode.CELL_NOT_FOUND.value and (w["table"], w["row"]) in recovered_rows)]


def _components(count, over) -> list:
    """Groups of the indexes of `count` runs that share an identity (searched together); the
    others alone. `over`: per usable instance, the set of the runs over its cells."""
    parent = list(range(count))

    def root(index):
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for runs in over:
        if len(runs) > 1:             # (the groups do not depend on which root stands for one)
            linked = sorted(runs)
            first = root(linked[0])
            for other in linked[1:]:
                parent[root(other)] = first
    groups = {}
    for index in range(count):
        groups.setdefault(root(index), []).append(index)
    return list(groups.values())


def _decide(runs, cells, usable, budget, reading):
    """Search one group of runs over the instances usable for it (`_usable` of the group's
    runs); fill the cells every consistent reading agrees on."""
    result = reading.result
    warnings = result["warnings"]
    run_of = {cell: index for index, run in enumerate(runs) for cell in run.cells}
    solutions, involved = _search(runs, cells, usable, run_of, budget)
    # (each cell is in one run: the instances over a run's cells are those the search found)
    unique = len(run_of) == sum(len(run.cells) for run in runs)
    for index, run in enumerate(runs):
        if solutions is None:
            why = "the search for a reading that adds up took too long"
        elif not solutions:
            why = "no reading agrees with the table's arithmetic"
        else:
            why = None
        chosen = sorted({solution[index] for solution in solutions or ()})
        readings = [run.readings[i] for i in chosen]
        places = run.places()
        if why is None and len(readings) == 1:      # (the usual answer) every cell is decided
            filled = list(zip(run.cells, places, readings[0]))
        else:
            filled = []
            for position, cell in enumerate(run.cells):
                values = {reading_[position] for reading_ in readings}
                if why is None and len(values) == 1:
                    filled.append((cell, places[position], values.pop()))
        if run.given_by_digits or not filled:
            identities = []
        elif unique:
            identities = sorted({usable[e].rule for e in involved[index]})
        else:
            identities = _rules_for(run, usable)
        printed = run.printed
        for cell, (table, row, column), value in filled:
            result["tables"][table]["rows"][row][column] = value
            reading.cell_lines[cell] = run.line
            result["provenance"][cell] = {
                "method": "digit_split", "printed": printed, "line": run.line,
                "readings": len(readings),
                "identities": list(identities)}
        if len(filled) < len(run.cells):
            if why is None:
                why = f"{len(readings)} readings add up"
            shown = _shown(readings or run.readings)
            warnings.append(make_warning(
                WarningCode.AMBIGUOUS_READING,
                f"digits of adjacent cells run together: {run.printed[:60]}; {why} ({shown}); "
                f"{len(run.cells) - len(filled)} cells left null", table=run.table, row=run.rows[0], line=run.line))


def _distrust_positional(reading, held=frozenset()):
    """Null the cells of rows read by position alone where an identity over them fails; in a
    table whose identities fail in more places than a report's own slips explain and whose
    layout the reader already doubted (rows placed by position, values left over or rows of
    the wrong width), every cell of a failing identity: the converter emitted the table in
    another order than its rows.

    `held`: tables whose identities were all found holding (no gap of 1e-6 or more) by
    _recover_order and not changed since. Only the tables with rows read by position or a layout
    doubt can have a doubtful cell (an instance's cells are all in its own table: a cell is
    doubtful only through its table's `scrambled` or as a positional cell), and a held table has
    no failing instance: the gaps are worked out over the other such tables alone, in the same
    order (instances are built table by table, in IDENTITIES order), so the same cells."""
    result = reading.result
    tables = result["tables"]
    relevant = (set(reading.positional) | {w["table"] for w in result["warnings"] if w["code"] in LAYOUT_DOUBTS}) - held
    if not relevant:
        return                        # (the usual case) no cell can be doubtful
    failing = {}
    for eq, gap in zip(*identity_gaps({table: content for table, content in tables.items() if table in relevant})):
        if gap is None or gap < 1e-6:
            continue
        failing.setdefault(eq.where[0][0], []).append(eq)
    if not failing:
        return                        # every identity holds or cannot be assessed (the usual case)
    positional = {cell_path(table, row, column)
                  for table, rows in reading.positional.items()
                  for row in rows
                  for column in ((tables.get(table) or {}).get("rows") or {}).get(row, {})}
    doubted = set(reading.positional) | {w["table"] for w in result["warnings"] if w["code"] in LAYOUT_DOUBTS}
    doubtful = {}
    for table, equations in failing.items():
        scrambled = len(equations) > rules.MAX_REPORT_SLIPS and table in doubted
        for eq in equations:
            for cell in eq.cells:
                if (scrambled or cell in positional) and cell not in result["provenance"]:
                    doubtful.setdefault(cell, set()).add(eq.rule)
    by_row = {}
    for cell, failed in doubtful.items():
        _, table, _, row, column = cell.split(".")
        result["tables"][table]["rows"][row][column] = None
        reading.cell_lines.pop(cell, None)
        entry = by_row.setdefault((table, row), [[], set()])
        entry[0].append(column)
        entry[1].update(failed)
    for (table, row), (columns, failed) in by_row.items():
        why = reading.positional.get(table, {}).get(row)
        how = f"by position alone ({why})" if why else "from a table whose arithmetic fails in many places"
        result["warnings"].append(make_warning(
            WarningCode.AMBIGUOUS_LAYOUT,
            f"values placed in this row {how} contradict {', '.join(sorted(failed))}; "
            f"left null: {', '.join(columns)}", table=table, row=row))


# --- the order of a table's values ---------------------------------------------------------

ORDERED_TABLES = ("applications", "reviews_and_lawsuits")
REVIEW_CELLS = len(label_rules.REVIEW_ROW_ORDER) * len(label_rules.REVIEW_COLUMNS)


def _row_variants(table, template):
    if table == "reviews_and_lawsuits":
        return [label_rules.REVIEW_ROW_ORDER]
    own = list(label_rules.APPLICATION_ROW_ORDER[template])
    other = label_rules.OTHER_HANDLING_ROWS["2021" if template == "2019" else "2019"]
    mine = label_rules.OTHER_HANDLING_ROWS[template]
    at = own.index(mine[0])
    return [own, own[:at] + other + own[at + len(mine):]]


def _identities_hold(table, rows, columns, cells) -> bool:
    """Every identity instance over the table holds (instances with a blank cell aside), and
    at least one could be assessed. `cells`: {(row index, column index): value}."""
    assessed = 0
    for parts, totals in indexed_instances(table, tuple(rows), tuple(columns)):
        part_values = [cells[cell] for cell in parts]
        total_values = [cells[cell] for cell in totals]
        if None in part_values or None in total_values:
            continue
        if abs(sum(part_values) - sum(total_values)) > 1e-6:
            return False
        assessed += 1
    return assessed > 0


def _clean_cells(reading, table):
    """{(row, column): value} of the cells the reader read with their label on the line and one
    value per column (not by position)."""
    content = reading.result["tables"].get(table) or {}
    positional = reading.positional.get(table, {})
    return {(row, column): value for row, columns in (content.get("rows") or {}).items() if row not in positional
            for column, value in columns.items() if value is not None}


def _doubted(reading, table, warned=None) -> bool:
    """`warned`: the tables with a layout-doubt warning, when known (else looked up)."""
    if warned is None:
        warned = {w["table"] for w in reading.result["warnings"] if w["code"] in LAYOUT_DOUBTS}
    return bool(reading.positional.get(table)) or table in warned or reading.result["tables"].get(table) is None


def _ordered_solutions(table, template, values, sizes):
    """[(rows, name, {(row index, column index): Value})] of every reading that adds up."""
    columns = _columns(table, None, template)
    found = []
    for rows in _row_variants(table, template):
        holds = lambda cells, rows=rows: _identities_hold(table, rows, columns, cells)  # noqa: E731
        names = rules.LAYOUTS if table == "applications" else rules.FEW_IDENTITY_LAYOUTS
        for name, cells in table_order.consistent(values, len(rows), len(columns), sizes, holds, names):
            found.append((rows, name, cells))
    return found


def _streams(reading, doubted=ORDERED_TABLES):
    """{table: (values, group sizes)} for the tables whose values may be read from the stream,
    both alone and with the review table's values appended to the applications' (pdftotext puts
    the review heading before the last values of the application table). The applications'
    stream, when that table is not doubted, serves only that joined reading, which is tried only
    when the review stream does not hold one value per cell: it is not read otherwise."""
    doc, found = reading.doc, {}
    for table in reversed(ORDERED_TABLES):
        region = reading.regions.get(table)
        if not region:
            continue
        if table == "applications" and table not in doubted:
            review = found.get("reviews_and_lawsuits")
            if review is None or len(_flat(review)) == REVIEW_CELLS:
                continue
            if len(_flat(review)) > REVIEW_CELLS:
                # the joined reading then takes the review's own last REVIEW_CELLS values, cut
                # where its groups are: the applications' values count only by being there (a
                # stream, not None for a garbled value). An empty stream in their place gives
                # _recover_order the same values, sizes and tests, without building the values.
                if not table_order.garbled(region_lines(doc, region)):
                    found[table] = []
                continue
        found[table] = table_order.groups(region_lines(doc, region))
    return {table: found[table] for table in ORDERED_TABLES if found.get(table) is not None}


def _flat(groups):
    return [value for group in groups for value in group]


def _sizes(groups, start, count):
    """Group sizes of the values start..start+count (a group cut at either end is cut too)."""
    sizes, at = [], 0
    for group in groups:
        low, high = max(at, start), min(at + len(group), start + count)
        if high > low:
            sizes.append(high - low)
        at += len(group)
    return sizes


def _recover_order(reading, template, held=None):
    """Read the application and review tables from the order of their values when the reader
    placed rows by position: keep the readings of table_order that add up; fill the cells every
    reading agrees on, and only when no cleanly read cell disagrees. `held`: a set, given the
    tables found whole with no identity gap of 1e-6 or more (see _whole_and_consistent)."""
    warned = {w["table"] for w in reading.result["warnings"] if w["code"] in LAYOUT_DOUBTS}
    doubted = [table for table in ORDERED_TABLES if reading.regions.get(table) and _doubted(reading, table, warned)
               and not _whole_and_consistent(reading, table, held)]
    if not doubted:
        return
    streams = _streams(reading, doubted)
    options = {table: [] for table in ORDERED_TABLES}
    for table, groups in streams.items():
        if table in doubted:           # the readings of a table not doubted are never used
            values = _flat(groups)
            options[table] += _ordered_solutions(table, template, values, _sizes(groups, 0, len(values)))
    if "applications" in streams and "reviews_and_lawsuits" in streams:
        joined = streams["applications"] + streams["reviews_and_lawsuits"]
        values = _flat(joined)
        app_cells = len(values) - REVIEW_CELLS
        if app_cells != len(_flat(streams["applications"])) and app_cells > 0:
            if "applications" in doubted:
                options["applications"] += _ordered_solutions(
                    "applications", template, values[:app_cells], _sizes(joined, 0, app_cells))
            if "reviews_and_lawsuits" in doubted:
                options["reviews_and_lawsuits"] += _ordered_solutions(
                    "reviews_and_lawsuits", template, values[app_cells:], _sizes(joined, app_cells, REVIEW_CELLS))
    for table in doubted:
        solutions, method = options[table], "table_order"
        if not solutions and table in segment_recovery.TABLES:
            solutions, method = segment_recovery.solutions(
                reading, table, _row_variants(table, template), _columns(table, None, template),
                _clean_cells(reading, table)), "segment_order"
        figures = []
        if not solutions and table in narrative_recovery.TABLES:
            solutions, figures = narrative_recovery.solutions(
                reading, table, _row_variants(table, template)[0], _columns(table, None, template),
                _clean_cells(reading, table))
            method = "segment_order"
        if not solutions and table in rules.ROW_TOTALS_ONLY:
            rows = _row_variants(table, template)[0]
            columns = _columns(table, None, template)
            solutions, method = stretch_order.labelled_pieces(
                reading, table, rows, columns, lambda cells, rows=rows, columns=columns:
                _identities_hold(table, rows, columns, cells)), "table_order"
        if not _apply_order(reading, table, template, solutions, method, figures):
            _read_stretches(reading, table, template)
            failing = _failing(reading, table)
            _null_unconfirmed(reading, table, failing, everything=len(failing) > rules.MAX_REPORT_SLIPS)


def _read_stretches(reading, table, template):
    """Rows between rows read cleanly, read in printed order (service/parsing/stretch_order.py)."""
    content = reading.result["tables"].get(table)
    columns = _columns(table, None, template)
    rows = next((rows for rows in _row_variants(table, template) if content and list(content["rows"]) == rows), None)
    if rows is not None:
        stretch_order.read_stretches(reading, table, rows, columns,
                                     lambda cells: _identities_hold(table, rows, columns, cells))


def _whole_and_consistent(reading, table, held=None) -> bool:
    """The applications table read whole with every identity over it holding (row totals, and
    the columns' 一 + 二 = 三 + 四 and （七） sums tie every cell): no order of its values can tell
    more, and the order search is the costly part of recovery. (The review table's identities
    are only its row totals: a wrong placement can hold them, so it is always searched.)"""
    content = reading.result["tables"].get(table)
    if table != "applications" or not content or _has_blank(content["rows"]):
        return False
    found, gaps = identity_gaps({table: content})        # (as _failing, and one instance at least)
    if None in gaps:
        gaps = [gap for gap in gaps if gap is not None]
    largest = max(gaps, default=0)    # (any gap over a bound is the largest over it)
    whole = bool(found) and not largest > 1e-6
    if whole and held is not None and not largest >= 1e-6:
        held.add(table)               # (_distrust_positional's test: no instance fails there)
    return whole


def _failing(reading, table) -> list:
    """The rules of the identity instances over the table as read that fail (one per instance)."""
    content = reading.result["tables"].get(table)
    return [eq.rule for eq, gap in zip(*identity_gaps({table: content} if content else {}))
            if gap is not None and gap > 1e-6]


def _null_unconfirmed(reading, table, failing, everything):
    """No order of the values adds up: in a table with values left over, rows placed by position
    with a wrong count of values are not trusted; in a table whose identities fail in more places
    than a report's own slips explain, no row placed by position is."""
    content = reading.result["tables"].get(table)
    positional = reading.positional.get(table, {})
    short = any(w["table"] == table and w["code"] == WarningCode.UNASSIGNED_VALUES.value
                for w in reading.result["warnings"])
    miscounted_rows = {w["row"] for w in reading.result["warnings"]
                       if w["table"] == table and w["code"] == WarningCode.ROW_VALUE_COUNT.value}
    for row in positional:
        miscounted = "values for" in positional[row] or row in miscounted_rows
        if not everything and not (short and miscounted):
            continue
        columns = (content or {}).get("rows", {}).get(row) or {}
        nulled = [column for column, value in columns.items()
                  if value is not None and cell_path(table, row, column) not in reading.result["provenance"]]
        for column in nulled:
            columns[column] = None
            reading.cell_lines.pop(cell_path(table, row, column), None)
        if nulled:
            reading.result["warnings"].append(make_warning(
                WarningCode.AMBIGUOUS_LAYOUT,
                f"values placed in this row by position alone ({positional[row]}), and no order of the "
                f"table's values adds up (failing: {', '.join(sorted(set(failing))) or 'none, values left over'}); "
                f"left null: {', '.join(nulled)}", table=table, row=row))


def _apply_order(reading, table, template, solutions, method="table_order", figures=()) -> bool:
    """Fill the table from the readings in printed order; False when none decides it. `figures`:
    the narrative's figures (narrative_recovery.Constraint) that chose among the readings."""
    if not solutions or len({tuple(rows) for rows, _, _ in solutions}) != 1:
        return False
    rows = solutions[0][0]
    columns = _columns(table, None, template)
    agreed = {}
    if len(solutions) == 1:           # (the usual answer) one reading: it agrees with itself on every cell
        cells = solutions[0][2]
        agreed = {(row, column): cells[(r, c)] for r, row in enumerate(rows) for c, column in enumerate(columns)}
    for r, row in enumerate(rows if len(solutions) > 1 else ()):
        for c, column in enumerate(columns):
            seen = {(value.value if value.value is None else float(value.value)) for _, _, cells in solutions
                    for value in (cells[(r, c)],)}
            if len(seen) == 1:
                agreed[(row, column)] = solutions[0][2][(r, c)]
    clean = _clean_cells(reading, table)
    unordered = table_order.unordered_parts(reading.doc, [row for row in rows if not any(cell[0] == row for cell in clean)],
                                            columns, agreed) if table in rules.ROW_TOTALS_ONLY else []
    if any((cell not in agreed or agreed[cell].value != value) for cell, value in clean.items()
           if cell[0] in rows):
        reading.result["warnings"].append(make_warning(
            WarningCode.AMBIGUOUS_LAYOUT, "a reading of the table's values in printed order adds up but "
            "contradicts a row read with its label; not used", table=table))
        return False
    result = reading.result
    if result["tables"].get(table) is None:
        region = reading.regions[table]
        result["tables"][table] = {"line": reading.doc.line_no(region[0]),
                                   "end_line": reading.doc.line_no(max(region[0], region[1] - 1)), "rows": {}}
    content = result["tables"][table]
    as_read = content.get("rows") or {}       # {row: {column: value}} as read
    content["rows"] = {row: {column: None for column in columns} for row in rows}
    used = rules_over(table)
    names = sorted({name for _, name, _ in solutions})
    for (row, column), value in agreed.items():
        path = cell_path(table, row, column)
        content["rows"][row][column] = value.value
        reading.cell_lines[path] = value.line
        if (row, column) in clean or (as_read.get(row) or {}).get(column) == value.value:
            continue                  # read as printed; the order only confirms it
        result["provenance"][path] = {
            "method": method, "printed": value.text, "line": value.line,
            "readings": len(solutions), "identities": used}
        if figures:
            result["provenance"][path]["narrative"] = [figure.provenance() for figure in figures]
    reading.positional.pop(table, None)
    left = [f"{row}.{column}" for row in rows for column in columns if (row, column) not in agreed
            and row not in unordered]
    filled_rows = {row for row in rows if None not in content["rows"][row].values()}
    result["warnings"] = [w for w in result["warnings"] if not (
        w["table"] == table and (w["code"] in ORDER_STALE_CODES or
                                 w["code"] == WarningCode.AMBIGUOUS_READING.value and w["row"] in filled_rows))]
    for row in unordered:
        result["warnings"].append(make_warning(
            WarningCode.AMBIGUOUS_LAYOUT, "the row's values are printed apart with text between them and its "
            "parts differ: the row total holds for any order of its parts, so they are left null (total kept)",
            table=table, row=row))
    if left:
        result["warnings"].append(make_warning(
            WarningCode.AMBIGUOUS_LAYOUT, f"values read in printed order ({'; '.join(names)}): "
            f"{len(solutions)} readings add up and differ in {len(left)} cells, left null: {', '.join(left[:8])}",
            table=table))
    return True


def recover(reading):
    """Fill what the arithmetic decides, null what it contradicts; returns the same reading."""
    template = reading.result["report"]["template"]
    if template is None:
        return reading
    _recover_runs(reading, template)
    held = set()                      # tables found whole and holding, which nothing below changes:
    _recover_order(reading, template, held)     # it changes only the tables it doubts, and
    block_order.recover_blocks(reading, template)   # this one only table 2 (no identity over it)
    _distrust_positional(reading, frozenset(held))
    return reading
