"""The recovery search (`recovery._search`) gives the answer of the search it replaced
(tests/recovery/search_reference.py): the same solutions, the same usable instances per run, and
the same steps spent from the budget when it does not run out (an answer, or no answer because
the solutions passed MAX_SOLUTIONS: a rare draw); a run-out budget in both."""

from hypothesis import given, settings, strategies as st

from service.parsing.identities import Instance
from service.parsing.recovery import Budget, Run, _search
from tests.recovery.search_reference import _search as reference_search

POOL = [f"tables.t.rows.r{row}.c{column}" for row in range(4) for column in range(3)]


@st.composite
def searches(draw):
    """Runs over disjoint cells of POOL (readings of small values, often one, sometimes none,
    sometimes a float), printed values for some other cells, and equations over run cells and
    printed cells (each over one run at least)."""
    cells = draw(st.permutations(POOL))
    runs, at = [], 0
    for _ in range(draw(st.integers(1, 4))):
        width = draw(st.integers(1, 3))
        if at + width > len(cells) - 1:
            break
        run_cells = cells[at:at + width]
        at += width
        count = draw(st.sampled_from([0, 1, 1, 1, 2, 3, 5]))
        value = st.one_of(st.integers(0, 3), st.just(1.5)) if draw(st.integers(0, 9)) == 0 else st.integers(0, 3)
        readings = draw(st.lists(st.tuples(*[value] * width), min_size=count, max_size=count))
        run = Run("t", ["r"], list(run_cells), ["0"], 1)
        run.readings = readings
        runs.append(run)
    in_runs = [cell for run in runs for cell in run.cells]
    printed = {cell: draw(st.integers(0, 6)) for cell in cells[at:]}
    if printed and draw(st.integers(0, 9)) == 0:
        printed[next(iter(printed))] = 2.0
    known = in_runs + list(printed)
    equations = []
    for _ in range(draw(st.integers(0, 6))):
        parts = draw(st.lists(st.sampled_from(known), min_size=1, max_size=4))
        totals = draw(st.lists(st.sampled_from(known), min_size=0, max_size=2))
        if not set(parts + totals) & set(in_runs):
            parts.append(draw(st.sampled_from(in_runs)))
        equations.append(Instance(f"rule{len(equations)}", tuple(parts), tuple(totals), "", ""))
    steps = draw(st.sampled_from([1, 2, 3, 5, 8, 20, 10_000]))
    return runs, printed, equations, steps


@settings(max_examples=1500, deadline=None)
@given(searches())
def test_the_search_gives_the_reference_answer_and_spends_the_same_steps(case):
    runs, printed, equations, steps = case
    run_of = {cell: index for index, run in enumerate(runs) for cell in run.cells}
    new_budget, old_budget = Budget(steps), Budget(steps)
    new = _search(runs, printed, equations, run_of, new_budget)
    old = reference_search(runs, printed, equations, run_of, old_budget)
    assert new == old
    if old_budget.left < 0:           # the budget ran out: in both (the new walk may prune first)
        assert new_budget.left < 0
    else:                             # an answer, or more solutions than MAX_SOLUTIONS: the same steps
        assert new_budget.left == old_budget.left


def test_the_corpus_shape_of_search_one_reading_runs_and_a_failing_one():
    # a row total over two runs of one reading, and a run of two readings tied to them by a
    # column: the walked run keeps only the reading that adds up; a contradiction among runs of
    # one reading shows at the first level over it (the bounds of the runs left are exact)
    a, b, t, x = "tables.t.rows.r.a", "tables.t.rows.r.b", "tables.t.rows.r.total", "tables.t.rows.s.a"
    runs = [Run("t", ["r"], [a], ["1"], 1), Run("t", ["r"], [b], ["2"], 1), Run("t", ["r"], [t], ["3"], 1),
            Run("t", ["s"], [x], ["12"], 1)]
    for run, readings in zip(runs, ([(1,)], [(2,)], [(3,)], [(1,), (2,), (3,)])):
        run.readings = readings
    row = Instance("row", (a, b), (t,), "", "")
    column = Instance("column", (x,), (b,), "", "")
    run_of = {run.cells[0]: index for index, run in enumerate(runs)}
    for equations in ([row, column], [Instance("row", (a, b), (x,), "", ""), column]):
        new_budget, old_budget = Budget(100), Budget(100)
        assert _search(runs, {}, equations, run_of, new_budget) == \
            reference_search(runs, {}, equations, run_of, old_budget)
        assert new_budget.left == old_budget.left
    runs[2].readings = [(4,)]                    # 1 + 2 = 4 fails at the first level
    new_budget, old_budget = Budget(100), Budget(100)
    assert _search(runs, {}, [row, column], run_of, new_budget) == ([], [[0], [0, 1], [0], [1]])
    reference_search(runs, {}, [row, column], run_of, old_budget)
    assert new_budget.left == old_budget.left == 99


def reference_usable(equations, cells, run_of):
    """THE REFERENCE: recovery._usable before its tests were made with sets (main at 1499bde)."""
    return [eq for eq in equations
            if all(cell in run_of or cells.get(cell) is not None for cell in eq.cells) and
            any(cell in run_of for cell in eq.cells)]


def reference_components(runs, usable, run_of) -> list:
    """THE REFERENCE: recovery._components before it took the runs of each instance (1499bde)."""
    parent = list(range(len(runs)))

    def root(index):
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for eq in usable:
        linked = sorted({run_of[cell] for cell in eq.cells if cell in run_of})
        for other in linked[1:]:
            parent[root(other)] = root(linked[0])
    groups = {}
    for index in range(len(runs)):
        groups.setdefault(root(index), []).append(index)
    return list(groups.values())


@settings(max_examples=800, deadline=None)
@given(searches(), st.lists(st.sampled_from(POOL), max_size=4))
def test_usable_instances_and_groups_of_runs_are_the_references(case, blanks):
    from service.parsing.recovery import _components, _usable
    runs, printed, equations, _ = case
    for cell in blanks:                      # cells read blank, or not in the table at all
        if cell in printed:
            printed[cell] = None
    run_of = {cell: index for index, run in enumerate(runs) for cell in run.cells}
    usable = _usable(equations, printed, run_of)
    assert usable == reference_usable(equations, printed, run_of)
    over = [{run_of[cell] for cell in eq.cells if cell in run_of} for eq in usable]
    assert _components(len(runs), over) == reference_components(runs, usable, run_of)
