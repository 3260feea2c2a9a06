"""Labelled views as feature matrices: read raw JSONL, featurize, optionally cache.

The cache (off by default) is keyed by the data file's hash, the featurizer's source
code and data, and the row limit, so a cached matrix is always exactly what featurizing
the raw file would give today.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from hypescore.features import featurize
from hypescore.training.views import ARTICLE, ViewSpec, headline_article

# ``../shared/data`` beside a source checkout; ``HYPESCORE_DATA`` points elsewhere.
DEFAULT_DATA_DIR = Path(
    os.environ.get("HYPESCORE_DATA", Path(__file__).resolve().parents[2].parent / "shared" / "data")
)


@dataclass(frozen=True)
class ViewData:
    """Featurized rows of one view; rows that failed featurization are dropped."""

    spec: ViewSpec
    X: np.ndarray
    y: np.ndarray
    y_class: np.ndarray
    headline_X: np.ndarray | None  # article views: features of each article's headline
    publisher_quality: np.ndarray | None
    data_sha256: str
    dropped: int


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@cache
def featurizer_fingerprint() -> str:
    """Hash of the featurizer's code and lexicons: cached features expire when they change."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    files = [p for p in root.glob("*.py") if p.name != "__init__.py"]
    for package in ("extractors", "_engine"):
        files += list((root / package).glob("*.py"))
    files += list((root / "data").glob("*"))
    for path in sorted(files):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def load_view(
    spec: ViewSpec,
    data_dir: str | Path | None = None,
    *,
    limit: int | None = None,
    n_jobs: int | None = 1,
    cache_dir: str | Path | None = None,
) -> ViewData:
    """Featurize one labelled JSONL file (its headlines too, for article views)."""
    data_dir = Path(data_dir) if data_dir is not None else DEFAULT_DATA_DIR
    path = data_dir / spec.path
    if not path.is_file():
        raise FileNotFoundError(f"labelled data for view {spec.name!r} not found at {path}")
    sha = file_sha256(path)
    cached = _cache_path(cache_dir, spec, sha, limit)
    if cached is not None and cached.is_file():
        with np.load(cached, allow_pickle=False) as stored:
            arrays = {key: stored[key] for key in stored.files}
    else:
        arrays = _featurize_view(spec, data_dir, limit, n_jobs)
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            np.savez_compressed(cached, **arrays)
    ok = arrays["ok"]
    return ViewData(
        spec=spec,
        X=arrays["X"][ok],
        y=arrays["y"][ok],
        y_class=arrays["c"][ok],
        headline_X=arrays["H"][ok] if "H" in arrays else None,
        publisher_quality=arrays["Q"][ok] if "Q" in arrays else None,
        data_sha256=sha,
        dropped=int((~ok).sum()),
    )


def _featurize_view(
    spec: ViewSpec, data_dir: Path, limit: int | None, n_jobs: int | None
) -> dict[str, np.ndarray]:
    from hypescore.outlets import domain_quality

    records = list(spec.records(data_dir, limit))
    articles = [spec.article(record) for record in records]
    matrix = featurize(articles, n_jobs=n_jobs)
    arrays = {
        "X": matrix.values,
        "y": np.array([spec.target(r) for r in records]),
        "c": np.array([spec.target_class(r) for r in records]),
    }
    ok = matrix.ok
    if spec.scope == ARTICLE:
        headlines = featurize([headline_article(a) for a in articles], n_jobs=n_jobs)
        arrays["H"] = headlines.values
        ok = ok & headlines.ok
        quality = [domain_quality(a.url) if a.url else None for a in articles]
        arrays["Q"] = np.array([np.nan if q is None else q for q in quality])
    arrays["ok"] = ok
    return arrays


def _cache_path(
    cache_dir: str | Path | None, spec: ViewSpec, sha: str, limit: int | None
) -> Path | None:
    if cache_dir is None:
        return None
    key = hashlib.sha256(f"{spec!r}|{sha}|{limit}|{featurizer_fingerprint()}".encode()).hexdigest()[
        :20
    ]
    return Path(cache_dir) / f"{spec.name}-{key}.npz"
