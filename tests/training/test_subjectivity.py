import dataclasses
import json

import numpy as np
import pytest

from hypescore.model.body_language import sentence_logits
from hypescore.training import subjectivity

# Our own sentences: a judgement and its sober twin, and plain reporting.
SENTENCES = [
    "The committee's decision to close the library was outrageous.",
    "The committee's decision to close the library was announced.",
    "Residents said the new bridge is a wonderful addition to the town.",
    "The council approved the transport budget on Tuesday by a vote of seven to two.",
]


def test_the_stack_folds_into_one_model(subjectivity_lexical):
    """logit = lexical_weight x lexical logit + mean piece value + intercept, as stored."""
    lexical = subjectivity_lexical
    stacked = subjectivity.with_pieces(lexical)
    with np.load(subjectivity.PIECES_PATH) as stored:
        weight, shift = float(stored["lexical_weight"]), float(stored["intercept"])
    assert weight > 0
    expected = weight * sentence_logits(lexical, SENTENCES) + shift
    expected += stacked.pieces.means(SENTENCES)
    np.testing.assert_allclose(sentence_logits(stacked, SENTENCES), expected, rtol=1e-9)
    judged, sober = sentence_logits(stacked, SENTENCES[:2])
    assert judged > sober
    assert stacked.info["pieces"]["source"].startswith("sentence-transformers/all-MiniLM-L6-v2")


def test_a_table_stacked_on_another_lexical_config_is_refused(subjectivity_lexical, tmp_path):
    lexical = subjectivity_lexical
    with np.load(subjectivity.PIECES_PATH) as stored:
        arrays = {k: stored[k] for k in stored.files}
    other = json.loads(str(arrays["lexical_config"]))
    other["C"] = 10.0
    arrays["lexical_config"] = np.array(json.dumps(other))
    path = tmp_path / "pieces.npz"
    np.savez(path, **arrays)
    with pytest.raises(ValueError, match="refold"):
        subjectivity.with_pieces(lexical, path)
    assert subjectivity.with_pieces(lexical).pieces is not None
    refit = dataclasses.replace(lexical, info={**lexical.info, "config": {**other}})
    assert subjectivity.with_pieces(refit, path).pieces is not None
