"""THE REFERENCE, not used by the service: service/parsing/recovery.py's `_search` as it was before
runs of one reading were folded into the constants and readings failing an equation over no other
walked run were left out (issue 12, recovery), kept verbatim below so that
tests/recovery/test_search_reference.py can compare the new search with it (solutions, instances
per run, and the steps spent)."""

from operator import itemgetter, mul

from service.parsing.recovery import _signs
from service.rules import recovery as rules


def _search(runs, cells, usable, run_of, budget) -> tuple:
    """(solve's answer, per run the indexes of the usable instances over its cells) over the
    usable instances (those `_usable` keeps for these runs)."""
    # an equation is sum(coefficient * value) == 0: constant part from printed cells, and per
    # run and reading the run's contribution
    constant, share = [], []
    involved = [[] for _ in runs]            # per run, the equations over its cells (ascending)
    for e, eq in enumerate(usable):
        signs = _signs(eq)
        constant.append(sum(sign * cells[cell] for cell, sign in signs if cell not in run_of))
        per_run = {}
        for cell, sign in signs:
            if cell in run_of:
                per_run.setdefault(run_of[cell], []).append((runs[run_of[cell]].cells.index(cell), sign))
        share.append(per_run)
        for r in per_run:
            involved[r].append(e)
    # per run and reading, its contribution to each equation over it: (equation, share) pairs in
    # the order of involved[r]; an equation a run is not in gets nothing from it (0 in every sum
    # below, left out). A share is the sum as sum() forms it (0 + first + …); its lowest and
    # highest over the run's readings are kept as min() and max() find them (first of equals)
    placed, bounds = [], []
    for r, run in enumerate(runs):
        # (equation, position, sign) of a one-cell term, (equation, getter of the positions,
        # signs) of a longer one: sum(map(mul, …)) adds the same products in the same order
        terms = [(e, *share[e][r][0]) if len(share[e][r]) == 1 else
                 (e, itemgetter(*(pos for pos, _ in share[e][r])), tuple(sign for _, sign in share[e][r]))
                 for e in involved[r]]
        low, high, readings = None, None, []
        for reading in run.readings:
            pairs = []
            for e, pos, sign in terms:
                if sign.__class__ is int:
                    pairs.append((e, 0 + sign * reading[pos]))
                else:
                    pairs.append((e, sum(map(mul, sign, pos(reading)))))
            readings.append(pairs)
            if low is None:
                low, high = [part for _, part in pairs], [part for _, part in pairs]
                continue
            for k, (_, part) in enumerate(pairs):
                if part < low[k]:
                    low[k] = part
                if part > high[k]:
                    high[k] = part
        placed.append(readings)
        if low is None:
            low = high = [0] * len(terms)
        bounds.append(list(zip(involved[r], low, high)))
    order = sorted(range(len(runs)), key=lambda r: len(runs[r].readings))
    total = list(constant)
    rest_low = [0] * len(usable)
    rest_high = [0] * len(usable)
    for r in range(len(runs)):
        for e, low, high in bounds[r]:
            rest_low[e] += low
            rest_high[e] += high
    chosen = [None] * len(runs)
    solutions = []

    def walk(depth):
        if not budget.spend():
            raise TimeoutError
        if depth == len(order):
            solutions.append(tuple(chosen))
            if len(solutions) > rules.MAX_SOLUTIONS:
                raise TimeoutError
            return
        r = order[depth]
        over = involved[r]
        for e, low, high in bounds[r]:
            rest_low[e] -= low
            rest_high[e] -= high
        for index, pairs in enumerate(placed[r]):
            for e, shares in pairs:
                total[e] += shares
            chosen[r] = index
            for e in over:            # feasible: every equation over the run can still hold
                if not (total[e] + rest_low[e] <= 1e-9 and total[e] + rest_high[e] >= -1e-9):
                    break
            else:
                walk(depth + 1)
            for e, shares in pairs:
                total[e] -= shares
        for e, low, high in bounds[r]:
            rest_low[e] += low
            rest_high[e] += high

    try:
        walk(0)
    except TimeoutError:
        return None, involved
    return solutions, involved
