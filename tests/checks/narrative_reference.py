"""THE REFERENCE, not used by the service: service/parsing/narrative.py as it was before its
figure search was made cheaper (issue 12, eighth part), kept verbatim below this note so that
tests/checks/test_narrative_figures.py can compare the new search with it.

Figures the narrative states about quantities that are also table cells, found in the text
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
from dataclasses import dataclass
from itertools import accumulate

from service.rules import prose as rules

FIGURE_RES = [(entry, re.compile(entry["pattern"]), re.compile(entry["blocked"]) if entry.get("blocked") else None)
              for entry in rules.PROSE_FIGURES]
# per entry, one search for any of its cue words (a clause holds one when the pattern finds it)
CUE_RES = [re.compile("|".join(re.escape(cue) for cue in entry["cues"])) for entry in rules.PROSE_FIGURES]
# any entry's cue word: a clause without one is skipped in one search instead of one per entry
ANY_CUE_RE = re.compile("|".join(re.escape(cue) for entry in rules.PROSE_FIGURES for cue in entry["cues"]))
OTHER_PERIOD_RE = re.compile(rules.OTHER_PERIOD)
CLAUSE_END_RE = re.compile("[，,。;；!?！？]")
FIGURE_RE = re.compile(r"\d" + rules.UNIT)          # a figure with its unit ends a clause worth reading
YEAR_RE = re.compile(r"((?:19|20)\d\d)年")
SPACE_RE = re.compile(r"\s+")
SPACE_SPLIT_RE = re.compile(r"(\s+)")
# between two alphanumerics: one space (a look-behind and a plain replacement: no template to
# expand per match, seven times faster on a text of many short words)
KEPT_SPACE_RE = re.compile(r"(?<=[0-9A-Za-z])\s+(?=[0-9A-Za-z])")
KEPT = "\x00"
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
    pieces, segments = [], []          # segments: (flat start, original start, original text, flat text)
    offset, position = 0, 0
    for start, end in [*excluded, (len(doc.norm), len(doc.norm))]:
        if start > position:
            original = doc.norm[position:start]
            flat = "".join(KEPT_SPACE_RE.sub(KEPT, original).split()).replace(KEPT, " ")
            segments.append((offset, position, original, flat))
            pieces.append(flat)
            offset += len(flat)
        pieces.append("。")
        offset += 1
        position = max(position, end)
    starts = [segment[0] for segment in segments]
    removed = {}                       # per segment: flat offsets of the removed runs, their ends
    counted = {}                       # per segment: the non-space characters, where its parts start

    def segment_at(index, at):
        """(offset within the segment, where it starts in the text, its text, its flattened text)."""
        flat_start, original_start, original, flat = segments[index]
        return at - flat_start, original_start, original, flat

    def line_of_figure(at):
        """line_at for the offset of a non-space character (a figure's first digit) of a text
        whose only spaces after flattening are the kept ones (no KEPT character in the input):
        the character is the k-th non-space one of its segment, k = its flat offset less the
        kept spaces before it; its pieces between white space are split and counted in C."""
        index = bisect.bisect_right(starts, at) - 1
        if index < 0:
            return 1
        within, original_start, original, flat = segment_at(index, at)
        if index not in counted:
            parts = SPACE_SPLIT_RE.split(original)        # piece, white space, piece, …, piece
            counted[index] = (list(accumulate(map(len, parts[::2]))), [0, *accumulate(map(len, parts))])
        nonspace, part_starts = counted[index]
        k = within - flat.count(" ", 0, within)
        piece = bisect.bisect_right(nonspace, k)
        if piece == len(nonspace):                # past the segment (the 。 put for a table): as by runs
            return doc.line_no(original_start + within + len(original) - len(flat))
        return doc.line_no(original_start + part_starts[2 * piece] + k - (nonspace[piece - 1] if piece else 0))

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

    return "".join(pieces), line_at if by_runs or KEPT in doc.norm else line_of_figure


def _clause(ends, size, start, end):
    """(left, right) of the clause around text[start:end]; `ends` are the clause-end offsets."""
    before = bisect.bisect_left(ends, start) - 1
    after = bisect.bisect_left(ends, end)
    return (ends[before] + 1 if before >= 0 else 0), (ends[after] if after < len(ends) else size)


@dataclass(frozen=True)
class Figure:
    """One figure of the narrative: its rule entry, value, offset in the flattened text, the
    clause text before it (within WINDOW) and the excerpt quoted for it."""

    entry: dict
    value: int
    at: int
    before: str
    excerpt: str


def figures(doc, regions, year, limit=MAX_FIGURES):
    """([Figure], line_at) of the figures the narrative states, in text order, at most `limit`;
    line_at maps a Figure.at to its input line."""
    text, line_at = narrative(doc, regions)
    used = set()
    found = []
    examined = 0
    ends = [match.start() for match in CLAUSE_END_RE.finditer(text)]
    clauses = []                      # (left, right) of every clause holding a figure with its unit
    for figure in FIGURE_RE.finditer(text):
        left, right = _clause(ends, len(text), figure.start(), figure.end())
        if not clauses or clauses[-1][0] != left:
            clauses.append((left, right))
    for left, right in clauses:
        clause = text[left:right]
        if not ANY_CUE_RE.search(clause):
            continue
        for (entry, pattern, blocked), cues in zip(FIGURE_RES, CUE_RES):
            if not cues.search(clause):
                continue
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
                allowed = {year, year + 1} if year and entry.get("next_year") else {year}
                if any(int(y) not in allowed for y in YEAR_RE.findall(text, start, left + match.end())):
                    continue
                used.add(figure_at)
                found.append(Figure(entry, int(match.group("n")), figure_at, before,
                                    text[start:min(right, figure_at + WINDOW)]))
                if len(found) >= limit:
                    return found, line_at
    return found, line_at
