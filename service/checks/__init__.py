"""Consistency checks: what in a report (or between two reports) does not add up.

A plain library like service.parsing: no Flask, no I/O. Checks never change a cell.

    run_checks(result, context) -> [check]          # called by service.documents.parse_report
    compare_results(previous, current) -> [check]   # two parse results of one body

Passing (and not assessable) instances of a rule are condensed into one check per rule;
every failure is a check of its own (model.condense). Each producer gives its rules' checks
condensed, each check built once (model.condensed; the identities rule by rule in arithmetic).

A check (see model.make_check):
    {"rule": id from registry.RULES, "status": "pass" | "fail" | "not_assessable",
     "severity": "error" | "warning" | "info" | None (None unless status is "fail"),
     "message": {"zh": str, "en": str},
     "paths": ["tables.applications.rows.new_received.total", ...],
     "values": {path: number | None},
     "expected": number | None, "actual": number | None,
     "lines": [int, ...],                               # input lines involved
     "excerpts": [{"text": str, "line": int}]}          # narrative quoted by prose checks
"""

from dataclasses import dataclass, field

from service.checks import arithmetic, continuity, prose, structure
from service.checks.cells import flat_cells
from service.checks.model import condense
from service.checks.registry import RULE_IDS, RULES, SEVERITIES, STATUSES  # noqa: F401


@dataclass
class CheckContext:
    """What the parser knows beyond its result: the text, the table regions, each cell's line."""
    doc: object = None
    regions: dict = field(default_factory=dict)
    cell_lines: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)


def run_checks(result: dict, context: CheckContext = None) -> list:
    context = context or CheckContext()
    # every rule's checks come from one producer, already condensed (model.condensed; condense
    # leaves them as they are): the same checks as condense over all of them
    checks = [*arithmetic.identity_checks(result, context.cell_lines),
              *arithmetic.active_disclosure_checks(result, context.cell_lines, result["report"]["template"]),
              *structure.run(result, context.warnings or result["warnings"])]
    if context.doc is not None:
        checks += prose.run(result, context.doc, context.regions, context.cell_lines)
    return checks


def compare_results(previous: dict, current: dict) -> list:
    return condense(continuity.run({**previous, "_cells": flat_cells(previous)},
                                   {**current, "_cells": flat_cells(current)}))


def select_checks(checks: list, only_failures: bool) -> list:
    """All the checks, or only those whose status is "fail" (order kept): the `only_failures`
    option of POST /parse, /parse/batch, /compare and the command line."""
    if not only_failures:
        return checks
    return [check for check in checks if check["status"] == "fail"]
