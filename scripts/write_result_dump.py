"""Write service/http/result_dump.py, the compiled dump of POST /parse's answer, from the
marshmallow schemas: `python scripts/write_result_dump.py`. Commit the file with the schema
change that altered it (tests/contract/test_schema_dump.py fails until then)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.http.result_validation import RESULT_DUMP_FILE, result_dump_source  # noqa: E402


def main():
    RESULT_DUMP_FILE.write_text(result_dump_source(), encoding="utf-8")
    print(f"wrote {RESULT_DUMP_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
