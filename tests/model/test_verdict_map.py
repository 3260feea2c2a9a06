import numpy as np
import pytest

from hypescore.model.verdict_map import VerdictMap


def test_deciles_of_the_reference_spread_it_over_the_whole_scale():
    rng = np.random.default_rng(0)
    reference = rng.normal(0.5, 0.04, size=2_000)  # the narrow band real news falls in
    vmap = VerdictMap.fit(reference)
    verdicts = vmap.verdicts(reference)
    counts = np.bincount(verdicts, minlength=11)[1:]
    assert set(verdicts) == set(range(1, 11))
    assert counts.max() / len(reference) <= 0.11


def test_monotone_and_bounded():
    vmap = VerdictMap.fit(np.linspace(0.3, 0.7, 101))
    grid = np.linspace(-1.0, 2.0, 301)
    verdicts = vmap.verdicts(grid)
    assert verdicts.min() == 1 and verdicts.max() == 10
    assert np.all(np.diff(verdicts) >= 0)
    assert [vmap.verdict(s) for s in grid] == verdicts.tolist()


def test_too_few_reference_articles_is_an_error():
    with pytest.raises(ValueError, match="at least 10"):
        VerdictMap.fit(np.array([0.5, np.nan] * 5))
