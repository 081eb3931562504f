"""Every corpus file's /parse answer is byte for byte the one committed under
tests/golden/expected/ (written once by tests/golden/expected_outputs.py from the code before the
speed work of issue 12). A deliberate change of an output regenerates them and shows in the diff.
"""

import orjson
import pytest

from golden.expected_outputs import CORPUS_DIR, EXPECTED_DIR, answer, corpus_files, expected_file

FILES = corpus_files()


def test_every_corpus_file_has_its_expected_output_and_no_other():
    if not FILES:
        pytest.skip(f"no corpus at {CORPUS_DIR}")
    wanted = {expected_file(doc_id, path) for doc_id, path in FILES}
    assert wanted == set(EXPECTED_DIR.glob("*/*.json"))


@pytest.mark.parametrize("doc_id, path", FILES, ids=[f"{doc_id}/{path.name}" for doc_id, path in FILES])
def test_answer_is_the_expected_bytes(client, doc_id, path):
    status, body = answer(client, path)
    assert status == 200
    expected = orjson.dumps(orjson.loads(expected_file(doc_id, path).read_bytes()))
    if body != expected:   # a readable difference first, then the bytes
        assert orjson.loads(body) == orjson.loads(expected)
    assert body == expected


@pytest.mark.parametrize("doc_id, path", [f for f in FILES if f[1].suffix in (".txt", ".html")],
                         ids=lambda value: getattr(value, "name", value))
def test_only_failures_keeps_exactly_the_failed_checks(client, doc_id, path):
    expected = orjson.loads(expected_file(doc_id, path).read_bytes())
    expected["checks"] = [check for check in expected["checks"] if check["status"] == "fail"]
    response = client.post("/parse?only_failures=true", data=path.read_bytes(),
                           headers={"Content-Type": "text/html" if path.suffix == ".html" else "text/plain; charset=utf-8"})
    assert response.status_code == 200
    assert response.get_data() == orjson.dumps(expected)
