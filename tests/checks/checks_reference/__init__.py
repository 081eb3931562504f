"""The checks stage as it was before it was made cheaper (service/checks at 1499bde: arithmetic,
prose and structure kept verbatim but for their imports; the modules the change did not touch,
service.checks.cells and .model, are imported), the reference the rewritten stage is compared
with (tests/checks/test_checks_reference.py)."""

from tests.checks.checks_reference import arithmetic, prose, structure
from service.checks.model import condense


def run_checks(result, context) -> list:
    checks = [*arithmetic.identity_checks(result, context.cell_lines),
              *arithmetic.active_disclosure_checks(result, context.cell_lines, result["report"]["template"]),
              *structure.run(result, context.warnings or result["warnings"])]
    if context.doc is not None:
        checks += condense(prose.run(result, context.doc, context.regions, context.cell_lines))
    return checks
