"""Consistency checks: what in a report (or between two reports) does not add up.

A plain library like service.parsing: no Flask, no I/O. Checks never change a cell.

    run_checks(result, context) -> [check]          # called by parse_report
    compare_results(previous, current) -> [check]   # two parse results of one body

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

from service.checks.registry import RULE_IDS, RULES, SEVERITIES, STATUSES  # noqa: F401


def run_checks(result: dict, context=None) -> list:
    return []


def compare_results(previous: dict, current: dict) -> list:
    return []
