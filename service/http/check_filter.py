"""The `only_failures` query option shared by POST /parse and POST /compare."""


def select_checks(checks: list, only_failures: bool) -> list:
    """All the checks, or only those whose status is "fail" (order kept)."""
    if not only_failures:
        return checks
    return [check for check in checks if check["status"] == "fail"]
