"""The vendored response contract (a copy of shared/contract/fields.json), loaded once."""

import json
from pathlib import Path

FIELDS_PATH = Path(__file__).with_name("fields.json")
FIELDS = json.loads(FIELDS_PATH.read_text(encoding="utf-8"))

TABLE_KEYS = tuple(FIELDS["tables"])
SECTION_KINDS = tuple(FIELDS["section_kinds"])
TEMPLATES = tuple(FIELDS["templates"])


def active_disclosure_columns(template: str) -> dict:
    """{row: [columns]} of table 2 for a template, in the contract's order."""
    rows = FIELDS["tables"]["active_disclosure"]["rows"]
    return {row: spec["columns"][template] for row, spec in rows.items() if template in spec["columns"]}


def active_disclosure_all_columns(row: str) -> list:
    """Every column a table-2 row can have in either template."""
    columns = []
    for template_columns in FIELDS["tables"]["active_disclosure"]["rows"][row]["columns"].values():
        columns += [c for c in template_columns if c not in columns]
    return columns
