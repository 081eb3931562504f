"""The shape of one check result."""

from service.checks.registry import RULES


def make_check(rule: str, status: str, *, en: str, zh: str, paths=(), values=None, expected=None,
               actual=None, lines=(), excerpts=()) -> dict:
    """A check as it appears in `checks`: severity only on failures, lines sorted and unique."""
    return {
        "rule": rule,
        "status": status,
        "severity": RULES[rule][0] if status == "fail" else None,
        "message": {"zh": zh, "en": en},
        "paths": list(paths),
        "values": dict(values or {}),
        "expected": expected,
        "actual": actual,
        "lines": sorted({line for line in lines if line}),
        "excerpts": list(excerpts),
    }
