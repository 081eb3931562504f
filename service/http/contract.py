"""The response contract as the HTTP layer uses it: lists built from service.contract."""

from service.contract import FIELDS, FIELDS_PATH  # noqa: F401

TEMPLATES = list(FIELDS["templates"])
TABLE_NAMES = list(FIELDS["tables"])
SECTION_KINDS = list(FIELDS["section_kinds"])
