"""The line of a figure the prose check quotes: counted (the fast way) equals walked (by runs)."""

from hypothesis import given, strategies as st

from service.parsing.narrative import narrative
from service.parsing.normalize import prepare

TEXT = st.text(alphabet="ab12。年 \t\n\u3000\u00a0", max_size=80)


@given(TEXT, st.lists(st.tuples(st.integers(0, 80), st.integers(0, 40)), max_size=3))
def test_line_of_a_figure_is_the_line_the_white_space_runs_give(text, spans):
    """For every non-space character of the narrative (a figure's first digit is one), the
    line found by counting non-space characters equals the one found by walking the white
    space runs, whatever the table regions cut out of the text."""
    doc = prepare(text)
    regions = {f"table{index}": (min(start, len(text)), min(start + size, len(text)))
               for index, (start, size) in enumerate(spans)}
    flat, counted = narrative(doc, regions)
    _, walked = narrative(doc, regions, by_runs=True)
    for at, char in enumerate(flat):
        if not char.isspace():
            assert counted(at) == walked(at)
