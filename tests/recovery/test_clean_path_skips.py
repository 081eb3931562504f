"""The recovery stage's shortcuts on cleanly read tables change nothing: every output equals the
one of the full work, over the corpus texts and texts mutated from them (lines doubled, dropped,
swapped, digits joined)."""

import random
import re
from pathlib import Path

from service.documents import parse_report
from service.parsing import block_order, recovery, table_order
from service.parsing.recovery import REVIEW_CELLS, ORDERED_TABLES, _flat
from service.parsing.report import read_report
from service.parsing.tables import region_lines

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus")
TEXTS = [p.read_text("utf-8") for p in sorted(CORPUS.glob("*/input.txt"))]


def _mutations(text, count, seed):
    rnd = random.Random(seed)
    found = []
    for _ in range(count):
        lines = text.split("\n")
        digits = [index for index, line in enumerate(lines) if re.search(r"\d", line)] or [0]
        at = rnd.choice(digits)
        kind = rnd.randrange(4)
        if kind == 0:
            lines.insert(at, lines[at])
        elif kind == 1:
            del lines[at]
        elif kind == 2 and at + 1 < len(lines):
            lines[at], lines[at + 1] = lines[at + 1], lines[at]
        else:
            lines[at] = re.sub(r"(\d)\s+(\d)", r"\1\2", lines[at], count=1)
        found.append("\n".join(lines))
    return found


SAMPLES = TEXTS + [mutated for index, text in enumerate(TEXTS) for mutated in _mutations(text, 5, index)]


def _streams_in_full(reading, doubted=ORDERED_TABLES):
    """recovery._streams as it was before the applications' stream was replaced by an empty one."""
    doc, found = reading.doc, {}
    for table in reversed(ORDERED_TABLES):
        region = reading.regions.get(table)
        if not region:
            continue
        if table == "applications" and table not in doubted and (
                found.get("reviews_and_lawsuits") is None
                or len(_flat(found["reviews_and_lawsuits"])) == REVIEW_CELLS):
            continue
        found[table] = table_order.groups(region_lines(doc, region))
    return {table: found[table] for table in ORDERED_TABLES if found.get(table) is not None}


def test_table_2_read_whole_skips_block_reading_without_a_change(monkeypatch):
    shortcut = [parse_report(text) for text in SAMPLES]
    skipped = sum(1 for text in TEXTS if _table_2_read_whole(text))
    monkeypatch.setattr(block_order, "_read_whole", lambda reading, content, template: False)
    assert [parse_report(text) for text in SAMPLES] == shortcut
    assert skipped >= 5               # the usual case of the corpus: the shortcut is taken


def _table_2_read_whole(text):
    reading = read_report(text)
    content = reading.result["tables"].get(block_order.TABLE)
    template = reading.result["report"]["template"]
    return bool(template and content and block_order._read_whole(reading, content, template))


def test_applications_stream_not_built_when_only_its_presence_counts(monkeypatch):
    shortcut = [parse_report(text) for text in SAMPLES]
    taken = []
    real = recovery._streams
    monkeypatch.setattr(recovery, "_streams", lambda reading, doubted=ORDERED_TABLES: taken.append(
        real(reading, doubted).get("applications") == []) or real(reading, doubted))
    [parse_report(text) for text in SAMPLES]
    assert sum(taken) >= 1            # seed-001's review stream holds more than its 15 cells
    monkeypatch.setattr(recovery, "_streams", _streams_in_full)
    assert [parse_report(text) for text in SAMPLES] == shortcut


def test_garbled_is_groups_none():
    answers = []
    for text in TEXTS:
        reading = read_report(text)
        for region in reading.regions.values():
            if region:
                lines = list(region_lines(reading.doc, region))
                answers.append(table_order.garbled(lines))
                assert answers[-1] == (table_order.groups(lines) is None)
    assert True in answers and False in answers


def test_tables_found_holding_are_not_assessed_again_without_a_change(monkeypatch):
    shortcut = [parse_report(text) for text in SAMPLES]
    helds = []
    real_order, real_distrust = recovery._recover_order, recovery._distrust_positional

    def order(reading, template, held=None):
        real_order(reading, template, held)
        helds.append(set(held or ()))

    monkeypatch.setattr(recovery, "_recover_order", order)
    monkeypatch.setattr(recovery, "_distrust_positional", lambda reading, held=frozenset(): real_distrust(reading))
    assert [parse_report(text) for text in SAMPLES] == shortcut
    assert sum(1 for held in helds if "applications" in held) >= 5    # the usual case of the corpus
