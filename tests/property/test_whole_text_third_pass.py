"""The whole-text stages and metadata as rewritten for speed a third time give what their previous
forms gave (or what the plain pattern gives): those are kept here as the reference."""

from hypothesis import HealthCheck, given, settings, strategies as st

from service.parsing.normalize import NOISE_RE, noise_spans

SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NOISY_PIECES = st.sampled_from([
    "*", "**", "***", "#", "##", "## ", "#\t", "####### ", "[bookmark:", "[bookmark: _GoBack]", "]", "[", "\n", " ",
    "\t", "\u3000", "x", "文字", "x" * 30, "[bookmark:" + "y" * 199, "[bookmark:" + "y" * 200 + "]",
])
NOISY_TEXTS = st.one_of(st.lists(NOISY_PIECES, max_size=60).map("".join), st.text(alphabet="*#[]\n bookmar:"))


@SETTINGS
@given(NOISY_TEXTS)
def test_noise_spans_are_the_pattern_matches(text):
    assert noise_spans(text) == [match.span() for match in NOISE_RE.finditer(text)]
