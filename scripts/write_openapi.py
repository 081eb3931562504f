"""Write openapi.yaml at the repo root from the code: `python scripts/write_openapi.py`.

(`flask --app service.app openapi write --format=yaml openapi.yaml` writes the same document,
with sorted keys and escaped Chinese.) Commit the file with the change that altered the spec.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.app import create_app  # noqa: E402
from service.http.openapi_export import openapi_yaml  # noqa: E402

OPENAPI_FILE = ROOT / "openapi.yaml"


def main():
    OPENAPI_FILE.write_text(openapi_yaml(create_app({"TESTING": True})), encoding="utf-8")
    print(f"wrote {OPENAPI_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
