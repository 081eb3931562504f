"""The table-line reading as it was before the speed work of issue 12 (tables stage), kept
verbatim as the reference the property tests compare the current code with."""

from decimal import Decimal, InvalidOperation

from service.parsing.cells import CJK_RE, PAGE_NUMBER_RE, RULE_CHARS, SEPARATOR_RE, UNIT_TOKENS, _is_rule
from service.parsing.labels import find_rows
from service.parsing.normalize import compact
from service.parsing.numbers import BLANK, GARBLED, MAX_DIGITS, NUMBER, NUMBER_RE, TEXT
from service.rules import markers


def old_classify(cell: str):
    if cell.isdigit() and cell.isascii():
        return _plain_digits(cell)
    text = "".join(cell.split())
    if text.isdigit() and text.isascii():
        return _plain_digits(text)
    if text in markers.NULL_MARKERS:
        return BLANK, None, None
    if text in markers.ZERO_WORDS:
        return NUMBER, 0, None
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
        except InvalidOperation:  # pragma: no cover
            return TEXT, None, None
    else:
        value = int(digits) * sign
    return NUMBER, value, unit


def _plain_digits(digits: str):
    if len(digits) > 1 and digits.startswith("0") or len(digits) > MAX_DIGITS:
        return GARBLED, None, None
    return NUMBER, int(digits), None


classify = old_classify


def _is_prose(line: str, kinds: list) -> bool:
    if kinds.count(NUMBER) >= 2:
        return False
    if "。" in line or ";" in line:
        return True
    return "," in line and len(CJK_RE.findall(line)) >= 20 and not find_rows(compact(line), "applications")


def old_space_cells_classified(line: str) -> list:
    tokens = line.split()
    classified = [classify(token) for token in tokens]
    kinds = [kind for kind, _, _ in classified]
    if not tokens or _is_prose(line, kinds):
        return []
    merged = []
    for token, kind, reading in zip(tokens, kinds, classified):
        if merged and token in UNIT_TOKENS and merged[-1][0] == NUMBER:
            merged[-1][1].append(token)
        elif merged and kind == TEXT and merged[-1][0] == TEXT:
            merged[-1][1].append(token)
        else:
            merged.append((kind, [token], reading))
    return [(parts[0], reading) if len(parts) == 1 else (text := "".join(parts), classify(text))
            for _, parts, reading in merged]


def old_split_line(line: str, classified: bool):
    if not line.strip() and "\t" not in line:
        return []
    if PAGE_NUMBER_RE.match(line):
        return []
    parts = SEPARATOR_RE.split(line)
    if len(parts) > 1:
        parts = [p for p in parts if p.lstrip()[:1] not in RULE_CHARS or not _is_rule(p)]
        if parts and not parts[0].strip():
            parts = parts[1:]
        if parts and not parts[-1].strip():
            parts = parts[:-1]
        return parts
    if "\t" in line:
        parts = line.split("\t")
        if not parts[0].strip():
            parts = parts[1:]
        return parts
    if line.lstrip()[:1] in RULE_CHARS and _is_rule(line):
        return []
    return old_space_cells_classified(line) if classified else [part for part, _ in old_space_cells_classified(line)]


def old_parse_line(line: str) -> tuple:
    parts = old_split_line(line, True)
    if not parts:
        return ()
    if len(parts) == 1 and type(parts[0]) is str:
        kind, value, unit = classify(parts[0])
        return ((kind, parts[0].strip(), value, unit),)
    if type(parts[0]) is tuple:
        cells = [(kind, part, value, unit) for part, (kind, value, unit) in parts]
    else:
        cells = [(kind, part.strip(), value, unit) for part in parts for kind, value, unit in [classify(part)]]
    kinds = [cell[0] for cell in cells]
    if TEXT in kinds:
        first_text = kinds.index(TEXT)
        cells = [c for i, c in enumerate(cells) if i >= first_text or c[0] != BLANK]
        if NUMBER not in kinds:
            cells = [cell for cell in cells if cell[0] != BLANK]
    return tuple(cells)
