"""The JSON bytes of a parse result, as POST /parse answers them: ParseResultSchema's dump
(compiled to source: service/http/result_dump.py, written by service/http/schema_dump.py)
serialised by orjson the way the app's JSON provider does. Run in the parsing slot, so that the
serving thread only sends ready bytes; the command line writes the same dump.

    result_json(result) -> bytes              # the hot path

Nothing here imports marshmallow (about 40 ms at every start of the command line and of the slots'
forkserver). The schemas' side, the proof that these bytes are what ParseResultSchema gives
(VALIDATE_RESPONSES) and the source of result_dump.py, is service/http/result_validation.py.
"""

from datetime import date
from decimal import Decimal

import orjson

from service.http.result_dump import dump as dump_result


def json_default(value):
    """orjson's fallback, the app's JSON provider's too: amounts as numbers, dates as text."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def result_json(result: dict) -> bytes:
    return orjson.dumps(dump_result(result), default=json_default)
