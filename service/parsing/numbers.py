"""Cell text → value: an int count, a float amount in 万元, or None for a blank cell."""

import re
from decimal import Decimal, InvalidOperation

from service.rules import markers

_UNITS = "|".join(sorted([*markers.COUNT_UNITS, *markers.MONEY_UNITS], key=len, reverse=True))
NUMBER_RE = re.compile(
    r"^(?P<sign>[+-]?)\s*(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?\s*(?P<unit>" + _UNITS + r")?$"
)

NUMBER_STARTS = frozenset("+-")     # a number begins with its sign or a digit (NUMBER_RE)
MAX_DIGITS = 15          # more integer digits than any count or amount: cells that ran together
BLANK = "blank"
NUMBER = "number"
TEXT = "text"
GARBLED = "garbled"       # digits that cannot be one cell ("00", "023"): neighbouring cells ran together
# The counts below 1000 by their text, made once at import: int() of a digit string costs about
# 1 700 instructions in CPython 3.11 (the text is converted first), a dict lookup about 100
# (callgrind). Most cells of a table are such counts ("0" alone is half of them).
SMALL_COUNTS = {str(count): count for count in range(1000)}


def classify(cell: str):
    """Return (kind, value, unit) for a cell's normalised text.

    kind is BLANK (value None), NUMBER (value int or Decimal), TEXT (value None) or
    GARBLED (value None: a number with a leading zero, the mark of run-together cells).
    """
    if cell.isdigit() and cell.isascii():     # plain digits, the commonest cell: what the pattern gives them
        if len(cell) > 1 and cell[0] == "0" or len(cell) > MAX_DIGITS:
            return GARBLED, None, None
        value = SMALL_COUNTS.get(cell)
        return NUMBER, int(cell) if value is None else value, None
    text = "".join(cell.split())      # white space removed (str.split's is \s)
    if text.isdigit() and text.isascii():     # (" 0 ": as the pattern reads it too)
        return classify(text)
    if text in markers.NULL_MARKERS:
        return BLANK, None, None
    if text in markers.ZERO_WORDS:
        return NUMBER, 0, None
    if text[:1] not in NUMBER_STARTS and not text[:1].isdecimal():    # (what NUMBER_RE needs first)
        return TEXT, None, None
    match = NUMBER_RE.match(text)
    if not match:
        return TEXT, None, None
    digits = match.group("digits").replace(",", "")
    if len(digits) > 1 and digits.startswith("0") or len(digits) > MAX_DIGITS:
        return GARBLED, None, None
    sign = -1 if match.group("sign") == "-" else 1
    unit = match.group("unit")
    if match.group("frac"):
        try:
            value = Decimal(digits + match.group("frac")) * sign
        except InvalidOperation:  # pragma: no cover - the pattern admits only digits
            return TEXT, None, None
    else:
        value = int(digits) * sign
    return NUMBER, value, unit


def read_cell(text: str) -> tuple:
    """(kind, text, value, unit) of a cell's stripped text, as classify reads it (the
    commonest cells' readings made once, at import: one lookup for most cells of a table)."""
    reading = COMMON_READINGS.get(text)
    if reading is None:
        kind, value, unit = classify(text)
        reading = kind, text, value, unit
    return reading


COMMON_READINGS = {text: (kind, text, value, unit) for text in [*SMALL_COUNTS, *markers.NULL_MARKERS]
                   for kind, value, unit in [classify(text)]}


def to_output(value, unit, *, amount: bool):
    """The JSON value of a cell: counts as int, amounts as float 万元 (元 divided by 10 000)."""
    if value is None:
        return None
    if amount:
        divisor = markers.MONEY_UNITS.get(unit or "万元", 1)
        result = Decimal(value) / divisor if divisor != 1 else Decimal(value)
        as_int = int(result)
        return as_int if result == as_int else float(result)
    if isinstance(value, Decimal):
        as_int = int(value)
        return as_int if value == as_int else float(value)
    return value
