"""Getting articles in and results out: file/stdin readers, output writers, atomic files.

Kept apart from the scoring code so the CLI (and batch back-ends) share one way of turning
bytes into :class:`hypescore.Article` records and results into bytes.
"""
