"""Outlet quality lookups from the derived tables in ``hypescore/data``.

Scores are Lin et al. (2023) domain-quality ratings (pc1, 0..1, 1 = highest); they rate
outlets, so they describe what an article cites or where it ran, never the article itself.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

MAX_HOST_CHARS = 253  # DNS: no resolvable host name is longer


def _read_table(name: str) -> list[dict[str, str]]:
    raw = resources.files("hypescore.data").joinpath(name).read_text("utf-8")
    rows = [line for line in raw.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(rows))


@cache
def domain_scores() -> dict[str, float]:
    """Domain to quality score."""
    return {row["domain"]: float(row["pc1"]) for row in _read_table("domain_quality.csv")}


@cache
def outlet_scores() -> dict[str, float]:
    """Outlet name as written in running text to quality score."""
    return {row["name"]: float(row["pc1"]) for row in _read_table("outlets.csv")}


@cache
def outlet_pattern() -> re.Pattern[str]:
    """Case-sensitive match of any known outlet name, longest names first."""
    names = sorted(outlet_scores(), key=len, reverse=True)
    body = "|".join(re.escape(name).replace(r"\ ", " ") for name in names)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


@cache
def _most_domain_labels() -> int:
    return max(domain.count(".") + 1 for domain in domain_scores())


def host_of(url: str) -> str | None:
    """Lower-case host of a URL or bare domain, without ``www.``; ``None`` if there is none."""
    candidate = url.strip()
    if "//" not in candidate:
        candidate = "//" + candidate
    try:
        host = urlsplit(candidate).hostname
    except ValueError:
        return None
    if not host or len(host) > MAX_HOST_CHARS:
        return None
    return host.removeprefix("www.")


def rated_domain(url: str) -> tuple[str, float] | None:
    """The rated domain behind a URL and its quality, trying parent domains
    (``uk.reuters.com`` is rated as ``reuters.com``)."""
    host = host_of(url)
    if host is None:
        return None
    scores = domain_scores()
    labels = host.split(".")
    longest = max(0, len(labels) - _most_domain_labels())  # no longer suffix is in the table
    for i in range(longest, len(labels) - 1):
        domain = ".".join(labels[i:])
        score = scores.get(domain)
        if score is not None:
            return domain, score
    return None


def domain_quality(url: str) -> float | None:
    """Quality of the domain behind a URL, trying parent domains (``uk.reuters.com``)."""
    rated = rated_domain(url)
    return None if rated is None else rated[1]


@cache
def _outlet_names() -> dict[str, str]:
    """Domain to the outlet's name as written in running text (the first listed)."""
    names: dict[str, str] = {}
    for row in _read_table("outlets.csv"):
        names.setdefault(row["domain"], row["name"])
    return names


def outlet_context(url: str | None) -> dict[str, object] | None:
    """Where an article ran, for display beside its verdict and never inside the score:
    the outlet's domain, its name when known and its domain-quality rating.

    ``None`` without a URL or for an unrated domain.
    """
    if not url:
        return None
    rated = rated_domain(url)
    if rated is None:
        return None
    domain, quality = rated
    return {
        "domain": domain,
        "name": _outlet_names().get(domain),
        "quality": quality,
        "rating": "domain quality pc1, 0..1 (Lin et al., PNAS Nexus 2023)",
    }
