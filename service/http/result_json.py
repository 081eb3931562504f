"""The JSON bytes of a parse result, as POST /parse answers them: ParseResultSchema's dump
(compiled to source: service/http/result_dump.py, written by service/http/schema_dump.py)
serialised by orjson the way the app's JSON provider does. Run in the parsing slot, so that the serving thread only sends ready bytes.

    result_json(result) -> bytes              # the hot path
    validated_result_json(result) -> bytes    # VALIDATE_RESPONSES: the same bytes, proven

With the setting VALIDATE_RESPONSES (on in the test suite), every answer is also dumped by
marshmallow itself and compared byte for byte, and the bytes are loaded back through the schema
(every field validated: types, enumerations, ranges, the checks' own rules); a difference is a
ResponseValidationError, which the service answers as a 500 internal-error and logs.
"""

from datetime import date
from decimal import Decimal

import orjson

from pathlib import Path

from service.http.result_dump import dump as dump_result
from service.http.schema_dump import dump_source
from service.http.schemas import JsonNumber, ParseResultSchema

RESULT_SCHEMA = ParseResultSchema()
RESULT_DUMP_FILE = Path(__file__).with_name("result_dump.py")


def result_dump_source() -> str:
    """What service/http/result_dump.py must hold: ParseResultSchema's dump compiled to source."""
    return dump_source(RESULT_SCHEMA, passthrough=(JsonNumber,), title="The dump of POST /parse's answer")


def json_default(value):
    """orjson's fallback, the app's JSON provider's too: amounts as numbers, dates as text."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


class ResponseValidationError(Exception):
    """A result that is not what ParseResultSchema describes (a bug; never the user's fault)."""


def result_json(result: dict) -> bytes:
    return orjson.dumps(dump_result(result), default=json_default)


def validated_result_json(result: dict) -> bytes:
    body = result_json(result)
    if body != orjson.dumps(RESULT_SCHEMA.dump(result), default=json_default):
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
