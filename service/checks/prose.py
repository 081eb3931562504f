"""Prose against tables: a figure the narrative states must equal the table's figure."""

import bisect
import re

from service.checks.cells import MISSING, number_text, path, rows_of, same, value
from service.checks.model import condensed, lines_of
from service.contract import FIELDS
from service.parsing import labels
from service.parsing.narrative import MAX_FIGURES as MAX_CHECKS, figures
from service.rules import prose as rules

MAX_TABLE_EXCERPTS = 3
CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def _cells(result, spec, clause_prefix, narrow, values=None):
    """The cell paths a figure is compared with; `values` (when given) gets each one's value,
    None where the cell is blank or missing (read here, where the row and column are at hand,
    instead of splitting each path again to look it up)."""
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
        columns = rows.get(name) or {}
        for option in column.split("|"):
            if option in columns:
                break
        else:
            option = column.split("|")[0]
        cell = path(table, name, option)
        cells.append(cell)
        if values is not None:
            values[cell] = columns.get(option)
    return cells


def run(result, doc, regions, cell_lines) -> list:
    """One check per figure the narrative states, condensed (model.condensed)."""
    found, line_at = figures(doc, regions, result["report"]["year"], MAX_CHECKS)
    if not found:
        return []
    findings, texts, expanded, values = [], {}, {}, {}     # values: of every cell worked out, by path
    for figure in found:
        entry = figure.entry
        narrow = entry.get("narrow")
        cells = []
        for spec in entry["cells"]:
            # a spec's cells depend on the result's rows alone, but for a narrowed group
            # (labels.find_rows over the clause): worked out once per document
            if narrow and spec[1].endswith("*"):
                cells += _cells(result, spec, figure.before, narrow, values)
            else:
                known = expanded.get(spec)
                if known is None:
                    known = expanded[spec] = _cells(result, spec, "", None, values)
                cells += known
        findings.append(_check(entry, figure.value, cells, result, figure.excerpt, line_at(figure.at),
                               cell_lines, doc, texts, values))
    return condensed("prose.table_figure", findings)


def table_excerpts(cells, cell_lines, doc, texts=None) -> list:
    """The input lines holding the table cells, as written (a line holding only numbers, as in
    one-cell-per-line layouts, is prefixed with the row's label from the contract). `texts`
    keeps each line's text and whether it holds a Chinese character across the figures."""
    excerpts, seen = [], set()
    texts = {} if texts is None else texts
    for cell in cells:
        line = cell_lines.get(cell)
        if not line or line in seen:
            continue
        seen.add(line)
        known = texts.get(line)
        if known is None:
            start = doc.line_starts[line - 1]
            end = doc.original.find("\n", start)
            text = " ".join(doc.original[start:None if end < 0 else end].split())[:160]
            known = texts[line] = text, CJK_RE.search(text) is not None
        text, chinese = known
        if not chinese:
            _, table, _, row, column = cell.split(".")
            text = f"{row_label(table, row)}（{column_label(table, column)}）: {text}"
        excerpts.append({"text": text, "line": line})
        if len(excerpts) >= MAX_TABLE_EXCERPTS:
            break
    return excerpts


def row_label(table, row):
    label = ROW_LABELS[table].get(row)
    return _row_label(table, row) if label is None else label


def column_label(table, column):
    label = COLUMN_LABELS[table].get(column)
    return _column_label(table, column) if label is None else label


def _row_label(table, row):
    rows = FIELDS["tables"][table]["rows"]
    label = rows.get(row, row)
    return label if isinstance(label, str) else label.get("label", row)


def _column_label(table, column):
    spec = FIELDS["tables"][table]
    labels = spec.get("columns") if isinstance(spec.get("columns"), dict) else spec.get("column_labels", {})
    return str(labels.get(column, column)).split(",")[0].split(" / ")[0]


def _column_names(spec):
    return spec.get("columns") if isinstance(spec.get("columns"), dict) else spec.get("column_labels", {})


# the contract's labels of every row and column, worked out once at import (what _row_label and
# _column_label give; a name the contract does not have is worked out when asked)
ROW_LABELS = {table: {row: _row_label(table, row) for row in spec["rows"]} for table, spec in FIELDS["tables"].items()}
COLUMN_LABELS = {table: {column: _column_label(table, column) for column in _column_names(spec)}
                 for table, spec in FIELDS["tables"].items()}


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


def _check(entry, figure, cells, result, clause, line, cell_lines, doc, texts, known) -> tuple:
    """The finding (model.condensed) for one figure of the narrative and the cells it names
    (their values in `known`, by path, as _cells read them)."""
    quantity = entry["quantity"]
    zh_name, en_name = rules.QUANTITY_NAMES[quantity]
    values = {cell: known[cell] for cell in cells}
    involved = lines_of(cell_lines, cells)
    if line and line not in involved:
        bisect.insort(involved, line)
    excerpt = [{"text": clause, "line": line}, *table_excerpts(cells, cell_lines, doc, texts)]
    if not cells or None in values.values():
        return ("not_assessable", f"{en_name}: the narrative says {figure}; the table has no such figure",
                f"{zh_name}：正文为{figure}，表格无相应数据", list(values), values, None, figure, involved, excerpt)
    # (no provenance, no cell recovered: the common case asks nothing per cell)
    recovered = [cell for cell in cells if recovered_with_figure(result, cell, quantity, figure)] \
        if result.get("provenance") else ()
    if recovered:
        return ("not_assessable",
                f"{en_name}: the narrative says {figure}; not evidence, {len(recovered)} cell(s) were "
                f"recovered with this figure (see provenance)",
                f"{zh_name}：正文为{figure}；不作为依据，有{len(recovered)}个单元格系依据该数字恢复（见provenance）",
                list(values), values, None, figure, involved, excerpt)
    table_figure = sum(values.values())
    ok = same(table_figure, figure)
    tried = ""
    if not ok:                         # the other quantities the wording can mean, looked for only now
        name, fit = _aggregate_fit(figure, _aggregates(result, entry, cells), result)
        if name is not None:
            return ("pass", f"{en_name}: the narrative says {figure}, which is {name} in the table "
                            f"(the row alone is {number_text(table_figure)})",
                    f"{zh_name}：正文为{figure}，与表格{name}相符（该行为{number_text(table_figure)}）",
                    list(values), values, fit, figure, involved, excerpt)
        tried = f"; also tried {', '.join(fit)}" if fit else ""
    return ("pass" if ok else "fail",
            f"{en_name}: the narrative says {figure}, the table {number_text(table_figure)}{tried}",
            f"{zh_name}：正文为{figure}，表格为{number_text(table_figure)}{tried.replace('; also tried', '；另核对')}",
            list(values), values, table_figure, figure, involved, excerpt)


def recovered_with_figure(result, cell, quantity, figure) -> bool:
    """The cell was recovered with this narrative figure (its provenance names it)."""
    entry = (result.get("provenance") or {}).get(cell) or {}
    return any(used["quantity"] == quantity and same(used["figure"], figure) for used in entry.get("narrative", ()))
