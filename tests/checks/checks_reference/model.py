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


def check(rule, status, en, zh, paths, values, expected, actual, lines, excerpts=None) -> dict:
    """A check built directly from what make_check would be given already in its final form:
    `paths` a fresh list, `values` a fresh dict, `lines` sorted and unique (lines_of)."""
    return {"rule": rule, "status": status, "severity": RULES[rule][0] if status == "fail" else None,
            "message": {"zh": zh, "en": en}, "paths": paths, "values": values, "expected": expected,
            "actual": actual, "lines": lines, "excerpts": [] if excerpts is None else excerpts}


def lines_of(lines: dict, cells) -> list:
    """The input lines of these cells, sorted and unique (as make_check keeps them)."""
    found = set(map(lines.get, cells))
    found.discard(None)
    found.discard(0)
    return sorted(found)


def condensed(rule: str, found: list) -> list:
    """What condense gives for one rule, from its findings in order, each check built once. A
    finding: (status, en, zh, paths, values, expected, actual, lines, excerpts) as a check holds
    them (fresh lists and dict, `lines` sorted and unique)."""
    if len(found) == 1:
        return [check(rule, *found[0])]
    by_status = {status: [] for status in KEPT_STATUSES}
    for one in found:
        by_status[one[0]].append(one)
    checks = [check(rule, *one) for one in by_status["fail"]]
    for status in ("pass", "not_assessable"):
        same = by_status[status]
        if len(same) == 1:
            checks.append(check(rule, *same[0]))
        elif same:
            paths, values, lines, excerpts = [], {}, set(), []
            for one in same:
                paths += [path for path in one[3] if path not in values]
                values.update(one[4])
                lines.update(one[7])
                excerpts += one[8]
            en, zh = merged_message(status, len(same), [one[1] for one in same[:3]], [one[2] for one in same[:3]])
            checks.append(check(rule, status, en, zh, paths, values, None, None, sorted(lines), excerpts))
    return checks


def condense(checks: list) -> list:
    """One check per rule and status for what passed or could not be assessed; every failure
    stays a check of its own. Order: by rule as first seen, failures first within a rule."""
    by_rule = {}
    for check in checks:
        by_rule.setdefault(check["rule"], []).append(check)
    condensed = []
    for rule, group in by_rule.items():
        if len(group) == 1 and group[0]["status"] in KEPT_STATUSES:    # (most rules: nothing to merge)
            condensed.append(group[0])
            continue
        by_status = {status: [] for status in KEPT_STATUSES}         # one pass over the group
        for check in group:
            if check["status"] in by_status:
                by_status[check["status"]].append(check)
        condensed += by_status["fail"]
        for status in ("pass", "not_assessable"):
            same = by_status[status]
            if len(same) == 1:
                condensed.append(same[0])
            elif same:
                condensed.append(_merge(rule, status, same))
    return condensed


KEPT_STATUSES = ("fail", "pass", "not_assessable")


def _merge(rule, status, checks):
    paths, values, lines, excerpts = [], {}, [], []
    for check in checks:
        paths += [path for path in check["paths"] if path not in values]
        values.update(check["values"])
        lines += check["lines"]
        excerpts += check["excerpts"]
    return merged_check(rule, status, len(checks), [check["message"]["en"] for check in checks[:3]],
                        [check["message"]["zh"] for check in checks[:3]],
                        paths=paths, values=values, lines=lines, excerpts=excerpts)


def merged_check(rule, status, count, en_first, zh_first, **fields) -> dict:
    """One check standing for `count` instances of a rule with the same status; its message
    names the first three instances."""
    en, zh = merged_message(status, count, en_first, zh_first)
    return make_check(rule, status, **fields, en=en, zh=zh)


def merged_message(status, count, en_first, zh_first) -> tuple:
    """(en, zh) of a check standing for `count` instances, naming the first three."""
    word = MERGED_WORDS[status]
    return (f"{count} instances {word[0]}: " + "; ".join(en_first[:3]) + ("; …" if count > 3 else ""),
            f"{count}项{word[1]}：" + "；".join(zh_first[:3]) + ("；……" if count > 3 else ""))


MERGED_WORDS = {"pass": ("hold", "均成立"), "not_assessable": ("could not be assessed", "均无法核对")}
