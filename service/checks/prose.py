"""Prose against tables: a figure the narrative states must equal the table's figure."""

import bisect
import re
from itertools import accumulate

from service.checks.cells import MISSING, number_text, path, rows_of, same, value
from service.checks.model import make_check
from service.contract import FIELDS
from service.parsing import labels
from service.rules import prose as rules

FIGURE_RES = [(entry, re.compile(entry["pattern"]), re.compile(entry["blocked"]) if entry.get("blocked") else None)
              for entry in rules.PROSE_FIGURES]
# per entry, one search for any of its cue words (a clause holds one when the pattern finds it)
CUE_RES = [re.compile("|".join(re.escape(cue) for cue in entry["cues"])) for entry in rules.PROSE_FIGURES]
# any entry's cue word: a clause without one is skipped in one search instead of one per entry
ANY_CUE_RE = re.compile("|".join(re.escape(cue) for entry in rules.PROSE_FIGURES for cue in entry["cues"]))
OTHER_PERIOD_RE = re.compile(rules.OTHER_PERIOD)
CLAUSE_END_RE = re.compile("[，,。;；!?！？]")
FIGURE_RE = re.compile(r"\d" + rules.UNIT)          # a figure with its unit ends a clause worth reading
YEAR_RE = re.compile(r"((?:19|20)\d\d)年")
SPACE_RE = re.compile(r"\s+")
SPACE_SPLIT_RE = re.compile(r"(\s+)")
# between two alphanumerics: one space (a look-behind and a plain replacement: no template to
# expand per match, seven times faster on a text of many short words)
KEPT_SPACE_RE = re.compile(r"(?<=[0-9A-Za-z])\s+(?=[0-9A-Za-z])")
KEPT = "\x00"
ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
MAX_CHECKS = 40
# Work per document is bounded whatever the text: a figure is judged by at most WINDOW
# characters of its clause on either side (real clauses are under 100 characters; a clause of
# 40 000 figures would otherwise be searched again for each of them), and at most MAX_EXAMINED
# pattern matches are looked at, those skipped (another period, a blocked word) included.
WINDOW = 200
MAX_EXAMINED = 400
MAX_TABLE_EXCERPTS = 3
CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def narrative(doc, regions, by_runs=False):
    """The text outside the tables with white space removed (kept between two alphanumerics),
    and a function from an offset in it to an input line number (worked out only for the few
    offsets asked for): for a figure's offset, by counting; `by_runs` (or a text holding the KEPT
    character) gives the general mapping, for any offset, by walking the white space runs."""
    excluded = sorted(region for region in regions.values() if region)
    pieces, segments = [], []          # segments: (flat start, original start, original text, flat text)
    offset, position = 0, 0
    for start, end in [*excluded, (len(doc.norm), len(doc.norm))]:
        if start > position:
            original = doc.norm[position:start]
            flat = "".join(KEPT_SPACE_RE.sub(KEPT, original).split()).replace(KEPT, " ")
            segments.append((offset, position, original, flat))
            pieces.append(flat)
            offset += len(flat)
        pieces.append("。")
        offset += 1
        position = max(position, end)
    starts = [segment[0] for segment in segments]
    removed = {}                       # per segment: flat offsets of the removed runs, their ends
    counted = {}                       # per segment: the non-space characters, where its parts start

    def segment_at(index, at):
        """(offset within the segment, where it starts in the text, its text, its flattened text)."""
        flat_start, original_start, original, flat = segments[index]
        return at - flat_start, original_start, original, flat

    def line_of_figure(at):
        """line_at for the offset of a non-space character (a figure's first digit) of a text
        whose only spaces after flattening are the kept ones (no KEPT character in the input):
        the character is the k-th non-space one of its segment, k = its flat offset less the
        kept spaces before it; its pieces between white space are split and counted in C."""
        index = bisect.bisect_right(starts, at) - 1
        if index < 0:
            return 1
        within, original_start, original, flat = segment_at(index, at)
        if index not in counted:
            parts = SPACE_SPLIT_RE.split(original)        # piece, white space, piece, …, piece
            counted[index] = (list(accumulate(map(len, parts[::2]))), [0, *accumulate(map(len, parts))])
        nonspace, part_starts = counted[index]
        k = within - flat.count(" ", 0, within)
        piece = bisect.bisect_right(nonspace, k)
        if piece == len(nonspace):                # past the segment (the 。 put for a table): as by runs
            return doc.line_no(original_start + within + len(original) - len(flat))
        return doc.line_no(original_start + part_starts[2 * piece] + k - (nonspace[piece - 1] if piece else 0))

    def line_at(at):
        index = bisect.bisect_right(starts, at) - 1
        if index < 0:
            return 1
        within, original_start, original, _ = segment_at(index, at)
        if index not in removed:
            removed[index] = ([], [], SPACE_RE.finditer(original), [0])
        flat_at, ends, runs, gone = removed[index]
        # the runs are read only as far as the first one past `within` (flat offsets increase:
        # the bisection below counts the same runs as over all of them)
        while not flat_at or flat_at[-1] <= within:
            run = next(runs, None)
            if run is None:
                break
            kept = 0 < run.start() and run.end() < len(original) and ALNUM.issuperset(
                original[run.start() - 1] + original[run.end()])
            flat_at.append(run.start() - gone[0] + kept)
            gone[0] += run.end() - run.start() - kept
            ends.append(gone[0])
        before = bisect.bisect_right(flat_at, within) - 1
        return doc.line_no(original_start + within + (ends[before] if before >= 0 else 0))

    return "".join(pieces), line_at if by_runs or KEPT in doc.norm else line_of_figure


def _clause(ends, size, start, end):
    """(left, right) of the clause around text[start:end]; `ends` are the clause-end offsets."""
    before = bisect.bisect_left(ends, start) - 1
    after = bisect.bisect_left(ends, end)
    return (ends[before] + 1 if before >= 0 else 0), (ends[after] if after < len(ends) else size)


def _cells(result, spec, clause_prefix, narrow):
    """The cell paths a figure is compared with."""
    table, row, column = spec
    rows = rows_of(result, table)
    if row.endswith("*"):
        chosen = [name for name in rows if name.startswith(row[:-1])]
        if narrow:
            named = [name for name in labels.find_rows(clause_prefix, "applications") if name.startswith(narrow)]
            if len(named) == 1:
                chosen = named
    else:
        chosen = [row]
    cells = []
    for name in chosen:
        for option in column.split("|"):
            if option in (rows.get(name) or {}):
                cells.append(path(table, name, option))
                break
        else:
            cells.append(path(table, name, column.split("|")[0]))
    return cells


def run(result, doc, regions, cell_lines) -> list:
    text, line_at = narrative(doc, regions)
    year = result["report"]["year"]
    used = set()
    checks = []
    examined = 0
    ends = [match.start() for match in CLAUSE_END_RE.finditer(text)]
    clauses = []                      # (left, right) of every clause holding a figure with its unit
    for figure in FIGURE_RE.finditer(text):
        left, right = _clause(ends, len(text), figure.start(), figure.end())
        if not clauses or clauses[-1][0] != left:
            clauses.append((left, right))
    for left, right in clauses:
        clause = text[left:right]
        if not ANY_CUE_RE.search(clause):
            continue
        for (entry, pattern, blocked), cues in zip(FIGURE_RES, CUE_RES):
            if not cues.search(clause):
                continue
            for match in pattern.finditer(clause):
                examined += 1
                if examined > MAX_EXAMINED:
                    return checks
                figure_at = left + match.start("n")
                if figure_at in used or (figure_at > left and text[figure_at - 1] in "0123456789."):
                    continue
                start = max(left, figure_at - WINDOW)          # the figure's context in its clause
                before = text[start:figure_at]
                if blocked and blocked.search(before):
                    continue
                if OTHER_PERIOD_RE.search(text, start, max(start, left + match.start())):
                    continue
                allowed = {year, year + 1} if year and entry.get("next_year") else {year}
                if any(int(y) not in allowed for y in YEAR_RE.findall(text, start, left + match.end())):
                    continue
                used.add(figure_at)
                figure = int(match.group("n"))
                cells = []
                for spec in entry["cells"]:
                    cells += _cells(result, spec, before, entry.get("narrow"))
                excerpt = text[start:min(right, figure_at + WINDOW)]
                checks.append(_check(entry["quantity"], figure, cells, result, excerpt, line_at(figure_at),
                                     cell_lines, doc, _aggregates(result, entry, cells)))
                if len(checks) >= MAX_CHECKS:
                    return checks
    return checks


def table_excerpts(cells, cell_lines, doc) -> list:
    """The input lines holding the table cells, as written (a line holding only numbers, as in
    one-cell-per-line layouts, is prefixed with the row's label from the contract)."""
    excerpts = []
    for cell in cells:
        line = cell_lines.get(cell)
        if not line or any(excerpt["line"] == line for excerpt in excerpts) or len(excerpts) >= MAX_TABLE_EXCERPTS:
            continue
        start = doc.line_starts[line - 1]
        end = doc.original.find("\n", start)
        text = " ".join(doc.original[start:None if end < 0 else end].split())[:160]
        if not CJK_RE.search(text):
            _, table, _, row, column = cell.split(".")
            text = f"{row_label(table, row)}（{column_label(table, column)}）: {text}"
        excerpts.append({"text": text, "line": line})
    return excerpts


def row_label(table, row):
    rows = FIELDS["tables"][table]["rows"]
    label = rows.get(row, row)
    return label if isinstance(label, str) else label.get("label", row)


def column_label(table, column):
    spec = FIELDS["tables"][table]
    labels = spec.get("columns") if isinstance(spec.get("columns"), dict) else spec.get("column_labels", {})
    return str(labels.get(column, column)).split(",")[0].split(" / ")[0]


def _aggregates(result, entry, cells):
    """(name, cells) of the other quantities the figure's wording can mean: the whole group when
    the clause narrowed it to a row, and the entry's `aggregates` (e.g. 一 + 二 for 收到申请)."""
    found = []
    if entry.get("narrow"):
        group = []
        for spec in entry["cells"]:
            group += _cells(result, spec, "", None)
        if group != cells:
            found.append((f"the whole {entry['narrow'].rstrip('_')} group", group))
    for name, specs in entry.get("aggregates", ()):
        found.append((name, [cell for spec in specs for cell in _cells(result, spec, "", None)]))
    return found


def _aggregate_fit(figure, aggregates, result):
    """(name, value) of the first aggregate whose cells are all known and sum to the figure;
    else (None, names tried)."""
    tried = []
    for name, cells in aggregates:
        values = [value(result, cell) for cell in cells]
        if any(v is MISSING or v is None for v in values):
            continue
        tried.append(f"{name} = {number_text(sum(values))}")
        if same(sum(values), figure):
            return name, sum(values)
    return None, tried


def _check(quantity, figure, cells, result, clause, line, cell_lines, doc, aggregates=()):
    zh_name, en_name = rules.QUANTITY_NAMES[quantity]
    values = {}
    for cell in cells:
        found = value(result, cell)
        values[cell] = None if found is MISSING else found
    involved = [line, *(cell_lines.get(cell) for cell in cells)]
    excerpt = [{"text": clause, "line": line}, *table_excerpts(cells, cell_lines, doc)]
    if not cells or any(v is None for v in values.values()):
        return make_check("prose.table_figure", "not_assessable", paths=values, values=values, actual=figure,
                          lines=involved, excerpts=excerpt,
                          en=f"{en_name}: the narrative says {figure}; the table has no such figure",
                          zh=f"{zh_name}：正文为{figure}，表格无相应数据")
    table_figure = sum(values.values())
    ok = same(table_figure, figure)
    tried = ""
    if not ok:
        name, fit = _aggregate_fit(figure, aggregates, result)
        if name is not None:
            return make_check(
                "prose.table_figure", "pass", paths=values, values=values, expected=fit, actual=figure,
                lines=involved, excerpts=excerpt,
                en=f"{en_name}: the narrative says {figure}, which is {name} in the table "
                   f"(the row alone is {number_text(table_figure)})",
                zh=f"{zh_name}：正文为{figure}，与表格{name}相符（该行为{number_text(table_figure)}）")
        tried = f"; also tried {', '.join(fit)}" if fit else ""
    return make_check(
        "prose.table_figure", "pass" if ok else "fail", paths=values, values=values, expected=table_figure,
        actual=figure, lines=involved, excerpts=excerpt,
        en=f"{en_name}: the narrative says {figure}, the table {number_text(table_figure)}{tried}",
        zh=f"{zh_name}：正文为{figure}，表格为{number_text(table_figure)}{tried.replace('; also tried', '；另核对')}")
