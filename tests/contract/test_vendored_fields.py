"""service/contract/fields.json is an exact copy of ../shared/contract/fields.json."""

import json

import pytest

from conftest import SHARED_DIR
from service.http.contract import FIELDS_PATH

SHARED_FIELDS = SHARED_DIR / "contract" / "fields.json"


@pytest.mark.skipif(not SHARED_FIELDS.is_file(), reason=f"no {SHARED_FIELDS}")
def test_vendored_fields_equal_the_shared_contract():
    vendored = json.loads(FIELDS_PATH.read_text(encoding="utf-8"))
    shared = json.loads(SHARED_FIELDS.read_text(encoding="utf-8"))
    assert vendored == shared, f"copy {SHARED_FIELDS} to {FIELDS_PATH}"
