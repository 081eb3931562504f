"""Figures the narrative states about quantities that are also table cells, found in the text
outside the tables (the rules are data: service/rules/prose.py).

    figures(doc, regions, year) -> (figures, line_at)

Shared by the prose check (service/checks/prose.py), which compares each figure with the table,
and the recovery stage (service/parsing/narrative_recovery.py), which uses a figure to choose
among readings of a damaged table that its arithmetic cannot tell apart. A figure is found only
where the clause's wording makes it the year's figure of that quantity (no other period, no
blocked word before it, no other year named).
"""

import bisect
import re
from itertools import accumulate
from typing import NamedTuple

from service.rules import prose as rules

FIGURE_RES = [(entry, re.compile(entry["pattern"]), re.compile(entry["blocked"]) if entry.get("blocked") else None)
              for entry in rules.PROSE_FIGURES]
# any entry's cue word: a clause without one is skipped in one search instead of one per entry
ANY_CUE_RE = re.compile("|".join(re.escape(cue) for entry in rules.PROSE_FIGURES for cue in entry["cues"]))
# every cue word, in the order of the entries (a clause's cues, looked for with str methods, are
# the key of the entries to try: ENTRIES_BY_CUES)
CUES = tuple(dict.fromkeys(cue for entry in rules.PROSE_FIGURES for cue in entry["cues"]))
ENTRY_CUES = [frozenset(entry["cues"]) for entry in rules.PROSE_FIGURES]
ENTRIES_BY_CUES = {}              # the cue words a clause holds -> [(entry, pattern, blocked)] to try
MAX_CUE_KEYS = 4096               # (a bound on it whatever the texts; real clauses make a few dozen)
OTHER_PERIOD_RE = re.compile(rules.OTHER_PERIOD)
CLAUSE_END_RE = re.compile("[，,。;；!?！？]")
# a figure with its unit (r"\d" + UNIT) ends a clause worth reading: one search per unit
# character, which the search scans for as a literal, and the digit before it by a look-behind
# (a class of the six characters, or \d tried first, cost the search many more instructions
# per character of the text)
UNITS = tuple(rules.UNIT[3:-1].split("|"))
assert rules.UNIT == "(?:" + "|".join(UNITS) + ")" and all(len(unit) == 1 for unit in UNITS)
UNIT_RES = [re.compile(re.escape(unit) + r"(?<=\d.)") for unit in UNITS]
YEAR_RE = re.compile(r"((?:19|20)\d\d)年")
SPACE_RE = re.compile(r"\s+")
# between two alphanumerics: one space (a plain replacement, no template to expand per match;
# the pattern begins with the white space character, which the search scans for in C, and looks
# behind for the alphanumeric: half the cost of a look-behind tried at every character)
KEPT_SPACE_RE = re.compile(r"\s(?<=[0-9A-Za-z]\s)\s*(?=[0-9A-Za-z])")
KEPT = "\x00"
# the same, once every run of white space is one KEPT character
KEPT_MARK_RE = re.compile(KEPT + "(?<=[0-9A-Za-z]" + KEPT + ")(?=[0-9A-Za-z])")
ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
MAX_FIGURES = 40                 # figures found at most (the prose check reports one per figure)
# Work per document is bounded whatever the text: a figure is judged by at most WINDOW
# characters of its clause on either side (real clauses are under 100 characters; a clause of
# 40 000 figures would otherwise be searched again for each of them), and at most MAX_EXAMINED
# pattern matches are looked at, those skipped (another period, a blocked word) included.
WINDOW = 200
MAX_EXAMINED = 400


def narrative(doc, regions, by_runs=False):
    """The text outside the tables with white space removed (kept between two alphanumerics),
    and a function from an offset in it to an input line number (worked out only for the few
    offsets asked for): for a figure's offset, by counting; `by_runs` (or a text holding the KEPT
    character) gives the general mapping, for any offset, by walking the white space runs."""
    excluded = sorted(region for region in regions.values() if region)
    kept_in_input = KEPT in doc.norm
    pieces, segments = [], []          # segments: (flat start, original start, original text, flat text)
    offset, position = 0, 0
    for start, end in [*excluded, (len(doc.norm), len(doc.norm))]:
        if start > position:
            original = doc.norm[position:start]
            flat = _flatten(original, kept_in_input)
            segments.append((offset, position, original, flat))
            pieces.append(flat)
            offset += len(flat)
        pieces.append("。")
        offset += 1
        position = max(position, end)
    starts = [segment[0] for segment in segments]
    removed = {}                       # per segment: flat offsets of the removed runs, their ends
    counted = {}                       # per segment: its first line, non-space characters up to each line's end

    def segment_at(index, at):
        """(offset within the segment, where it starts in the text, its text, its flattened text)."""
        flat_start, original_start, original, flat = segments[index]
        return at - flat_start, original_start, original, flat

    def line_of_figure(at):
        """line_at for the offset of a non-space character (a figure's first digit) of a text
        whose only spaces after flattening are the kept ones (no KEPT character in the input):
        the character is the k-th non-space one of its segment, k = its flat offset less the
        kept spaces before it, and lies on the segment's line whose non-space characters, added
        to those of the lines before it, first exceed k (each line's counted in C: its line
        breaks marked with KEPT, the white space removed, the text split at the marks)."""
        index = bisect.bisect_right(starts, at) - 1
        if index < 0:
            return 1
        within, original_start, original, flat = segment_at(index, at)
        if index not in counted:
            marked = "".join(original.replace("\n", KEPT).split())
            counted[index] = (doc.line_no(original_start), list(accumulate(map(len, marked.split(KEPT)))))
        first_line, nonspace = counted[index]
        k = within - flat.count(" ", 0, within)
        line = bisect.bisect_right(nonspace, k)
        if line == len(nonspace):                 # past the segment (the 。 put for a table): as by runs
            return doc.line_no(original_start + within + len(original) - len(flat))
        return first_line + line

    def line_at(at):
        index = bisect.bisect_right(starts, at) - 1
        if index < 0:
            return 1
        within, original_start, original, _ = segment_at(index, at)
        if index not in removed:
            removed[index] = ([], [], SPACE_RE.finditer(original), [0])
        flat_at, ends, runs, gone = removed[index]
        # the runs are read only as far as the first one past `within` (flat offsets increase:
        # the bisection below counts the same runs as over all of them)
        while not flat_at or flat_at[-1] <= within:
            run = next(runs, None)
            if run is None:
                break
            kept = 0 < run.start() and run.end() < len(original) and ALNUM.issuperset(
                original[run.start() - 1] + original[run.end()])
            flat_at.append(run.start() - gone[0] + kept)
            gone[0] += run.end() - run.start() - kept
            ends.append(gone[0])
        before = bisect.bisect_right(flat_at, within) - 1
        return doc.line_no(original_start + within + (ends[before] if before >= 0 else 0))

    return "".join(pieces), line_at if by_runs or kept_in_input else line_of_figure


def _flatten(original, kept_in_input=True):
    """The text with white space removed, one space kept between two alphanumerics. Its pieces
    between white space are joined with a KEPT character, which becomes the space where an
    alphanumeric stands on both sides of it and goes everywhere else (each run of white space
    is one KEPT: the same text as replacing the runs themselves, at half the cost). A KEPT
    character of the input was always a space: that rare text takes the general way."""
    if kept_in_input and KEPT in original:
        return "".join(KEPT_SPACE_RE.sub(KEPT, original).split()).replace(KEPT, " ")
    return KEPT_MARK_RE.sub(" ", KEPT.join(original.split())).replace(KEPT, "")


def _clauses(text):
    """[(left, right)] of every clause of `text` holding a figure with its unit, in text order: a
    clause runs between clause ends (CLAUSE_END_RE) or the text's ends. The figures' ends are
    found by one search per unit; each clause's ends are searched from its first figure (the
    left one in the reversed text) and figures up to its right end are passed over: no pass
    over every clause end of the text."""
    size = len(text)
    reverse = text[::-1]
    clauses = []
    right = -1
    for after in sorted(match.end() for unit in UNIT_RES for match in unit.finditer(text)):
        if after <= right:                # a figure of the clause just taken
            continue
        end = CLAUSE_END_RE.search(text, after)
        right = end.start() if end is not None else size
        # the last clause end before the digit (offset after - 2) is the first one at or after
        # its mirror, size - 1 - (after - 2), in the reversed text
        end = CLAUSE_END_RE.search(reverse, size + 1 - after + 1)
        clauses.append(((size - end.start() if end is not None else 0), right))
    return clauses


def _entries(clause):
    """[(entry, pattern, blocked)] of the entries one of whose cue words the clause holds, in
    entry order (one C-level pass per cue word; the answer kept per set of cue words)."""
    held = tuple(filter(clause.__contains__, CUES))
    entries = ENTRIES_BY_CUES.get(held)
    if entries is None:
        if len(ENTRIES_BY_CUES) >= MAX_CUE_KEYS:
            ENTRIES_BY_CUES.clear()
        entries = ENTRIES_BY_CUES[held] = [compiled for compiled, cues in zip(FIGURE_RES, ENTRY_CUES)
                                           if not cues.isdisjoint(held)]
    return entries


class Figure(NamedTuple):
    """One figure of the narrative: its rule entry, value, offset in the flattened text, the
    clause text before it (within WINDOW) and the excerpt quoted for it (a named tuple: made
    in a third of the time of a frozen dataclass, and as unchangeable)."""

    entry: dict
    value: int
    at: int
    before: str
    excerpt: str


def figures(doc, regions, year, limit=MAX_FIGURES):
    """([Figure], line_at) of the figures the narrative states, in text order, at most `limit`;
    line_at maps a Figure.at to its input line. The answer is kept on the document for the
    same regions, year and limit: the recovery stage (narrative_recovery) and the prose check
    ask for it on the same document in turn (the doc passes down the pipeline from one to the
    other; neither imports the other)."""
    key = (sorted(regions.items()), year, limit)
    kept = doc.narrative_figures
    if kept is not None and kept[0] == key:
        return list(kept[1]), kept[2]
    found, line_at = _figures(doc, regions, year, limit)
    doc.narrative_figures = (key, tuple(found), line_at)
    return found, line_at


def _figures(doc, regions, year, limit):
    """figures(), worked out."""
    text, line_at = narrative(doc, regions)
    used = set()
    found = []
    examined = 0
    this_year = {year}
    this_or_next = {year, year + 1} if year else this_year
    for left, right in _clauses(text):
        clause = text[left:right]
        if not ANY_CUE_RE.search(clause):
            continue
        for entry, pattern, blocked in _entries(clause):
            for match in pattern.finditer(clause):
                examined += 1
                if examined > MAX_EXAMINED:
                    return found, line_at
                figure_at = left + match.start("n")
                if figure_at in used or (figure_at > left and text[figure_at - 1] in "0123456789."):
                    continue
                start = max(left, figure_at - WINDOW)          # the figure's context in its clause
                before = text[start:figure_at]
                if blocked and blocked.search(before):
                    continue
                if OTHER_PERIOD_RE.search(text, start, max(start, left + match.start())):
                    continue
                years = YEAR_RE.findall(text, start, left + match.end())
                if years:
                    allowed = this_or_next if entry.get("next_year") else this_year
                    if any(int(y) not in allowed for y in years):
                        continue
                used.add(figure_at)
                found.append(Figure(entry, int(match.group("n")), figure_at, before,
                                    text[start:min(right, figure_at + WINDOW)]))
                if len(found) >= limit:
                    return found, line_at
    return found, line_at
