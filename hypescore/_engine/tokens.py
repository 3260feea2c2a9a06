"""Learning a document's new whitespace tokens once, for VADER and textstat alike.

Both models analyse each distinct token once and keep the result in a per-process cache.
A document typically brings a few dozen tokens never seen before; finding them means a
lookup per distinct token, so the two caches are filled and emptied together and one
set difference serves both.
"""

from __future__ import annotations

from itertools import islice

from hypescore._engine.index import TextIndex
from hypescore._engine.readability import counter
from hypescore._engine.vader import scorer

MAX_TOKENS = 100_000  # per cache: bounds memory on endless streams; small caches stay fast
# When full, the caches keep the tokens they learned first (mostly frequent words, met
# early) and forget the rest, so the next documents do not relearn "the" and "said".
KEEP_TOKENS = 20_000

# Generations of (VADER, readability) caches when last emptied together: if either was
# emptied on its own since, their contents may differ and both start afresh.
_synced = (0, 0)


def learn(index: TextIndex) -> None:
    """Make every token of the document known to both caches (once per document).

    Caches are only emptied here, before a document's tokens are learned, so they stay
    known while the document is scored; a later emptying changes the generation and the
    document's tokens are learned again if needed.
    """
    global _synced
    vader = scorer()
    readability = counter()
    if (vader.generation, readability.generation) != _synced:
        vader.reset()  # one was emptied on its own: start both afresh
        readability.reset()
        _synced = (vader.generation, readability.generation)
    elif vader.size > MAX_TOKENS or readability.size > MAX_TOKENS:
        keep = list(islice(readability.known, KEEP_TOKENS))
        vader.reset(keep)
        readability.reset(keep)
        _synced = (vader.generation, readability.generation)
    index.memo(("tokens-learned", vader.generation, readability.generation), _learn)


def _learn(index: TextIndex) -> bool:
    vader = scorer()
    readability = counter()
    # Readability only learns here, so its tokens are a subset of VADER's.
    compiled = index.compiled_tokens()
    if compiled is not None:
        new = compiled.new_tokens(readability.known)
    else:
        new = index.distinct_tokens.difference(readability.known)
    if new:
        readability.learn_new(new)
        vader.learn_new(new)
    return True
