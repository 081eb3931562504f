"""POST /parse's answer held to ParseResultSchema: the source of its compiled dump, and the
run-time proof of every answer.

    result_dump_source() -> str               # what service/http/result_dump.py must hold
    validated_result_json(result) -> bytes    # VALIDATE_RESPONSES: result_json's bytes, proven

With the setting VALIDATE_RESPONSES (on in the test suite), every answer is also dumped by
marshmallow itself and compared byte for byte, and the bytes are loaded back through the schema
(every field validated: types, enumerations, ranges, the checks' own rules); a difference is a
ResponseValidationError, which the service answers as a 500 internal-error and logs.
"""

from pathlib import Path

import orjson

from service.http import result_json as hot_path
from service.http.schema_dump import dump_source
from service.http.schemas import JsonNumber, ParseResultSchema

RESULT_SCHEMA = ParseResultSchema()
RESULT_DUMP_FILE = Path(__file__).with_name("result_dump.py")


def result_dump_source() -> str:
    """What service/http/result_dump.py must hold: ParseResultSchema's dump compiled to source."""
    return dump_source(RESULT_SCHEMA, passthrough=(JsonNumber,), title="The dump of POST /parse's answer")


class ResponseValidationError(Exception):
    """A result that is not what ParseResultSchema describes (a bug; never the user's fault)."""


def validated_result_json(result: dict) -> bytes:
    body = hot_path.result_json(result)
    if body != orjson.dumps(RESULT_SCHEMA.dump(result), default=hot_path.json_default):
        raise ResponseValidationError("the compiled dump differs from ParseResultSchema.dump")
    errors = RESULT_SCHEMA.validate(orjson.loads(body))
    if errors:   # the field paths only: a message could quote a value of the report
        raise ResponseValidationError(f"the answer does not load through ParseResultSchema: {sorted(_paths(errors))}")
    return body


def _paths(errors, prefix=""):
    for key, value in errors.items():
        path = f"{prefix}/{key}"
        if isinstance(value, dict):
            yield from _paths(value, path)
        else:
            yield path
