"""The /parse answer of every corpus file, committed under tests/golden/expected/, so that work on
speed (issue 12) can prove that no output changed by a byte.

    python tests/golden/expected_outputs.py          # (re)write the files: only for a deliberate change

Each corpus file the service reads (input.txt, source.html, source.lo.docx and the PDFs) is sent
to POST /parse of an app with the default configuration (parsing slots included) and the answer's
JSON is stored as <id>/<file name>.json, indented for review. The answer's own bytes are compact:
tests/golden/test_expected_outputs.py compares them with orjson.dumps(orjson.loads(file)), which
is the same byte string (orjson keeps key order and prints every float the shortest exact way).
"""

import sys
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent.parent
EXPECTED_DIR = Path(__file__).resolve().parent / "expected"
CORPUS_DIR = ROOT.parent / "shared" / "corpus"

MEDIA_TYPES = {
    ".txt": "text/plain; charset=utf-8",
    ".html": "text/html",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
}


def corpus_files(corpus_dir=CORPUS_DIR):
    """(document id, file) for every file of the corpus the service reads, in name order."""
    return [(path.parent.name, path) for path in sorted(corpus_dir.glob("*/*"))
            if path.suffix in MEDIA_TYPES and (path.parent / "gold.json").is_file()]


def expected_file(doc_id: str, path: Path) -> Path:
    return EXPECTED_DIR / doc_id / (path.name + ".json")


def answer(client, path: Path):
    """(status, body bytes) of POST /parse for one corpus file."""
    response = client.post("/parse", data=path.read_bytes(), headers={"Content-Type": MEDIA_TYPES[path.suffix]})
    return response.status_code, response.get_data()


def main():
    sys.path.insert(0, str(ROOT))
    from service.app import create_app

    client = create_app({"TESTING": True}).test_client()
    for doc_id, path in corpus_files():
        status, body = answer(client, path)
        if status != 200:
            sys.exit(f"{doc_id}/{path.name}: {status} {body[:300]!r}")
        target = expected_file(doc_id, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(orjson.dumps(orjson.loads(body), option=orjson.OPT_INDENT_2) + b"\n")
        print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
