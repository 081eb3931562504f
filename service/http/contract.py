"""The vendored response contract (service/contract/fields.json), read once."""

import json
from pathlib import Path

FIELDS_PATH = Path(__file__).resolve().parent.parent / "contract" / "fields.json"
FIELDS = json.loads(FIELDS_PATH.read_text(encoding="utf-8"))

TEMPLATES = list(FIELDS["templates"])
TABLE_NAMES = list(FIELDS["tables"])
SECTION_KINDS = list(FIELDS["section_kinds"])
