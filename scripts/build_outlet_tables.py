"""Derive the outlet tables shipped in ``hypescore/data`` from ../shared/data/domain-quality.

Run from the project root: ``python scripts/build_outlet_tables.py``. The outlet names
are ours; the quality scores are Lin et al. (2023), whose authors invite reuse.
"""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "data" / "domain-quality" / "domain_pc1.csv"
DATA = ROOT / "hypescore" / "data"

ATTRIBUTION = (
    '# derived from: Lin, Lasser, Lewandowsky, Cole, Gully, Rand & Pennycook, "High level of\n'
    '# correspondence across different news domain quality rating sets", PNAS Nexus 2023\n'
    "# (domain_pc1.csv; pc1 0..1, 1 = highest quality). Reuse invited by the authors.\n"
)

# How articles name outlets in running text, mapped to the outlet's domain.
OUTLET_NAMES: dict[str, str] = {
    "Reuters": "reuters.com",
    "Associated Press": "apnews.com",
    "AP": "apnews.com",
    "Bloomberg": "bloomberg.com",
    "The New York Times": "nytimes.com",
    "New York Times": "nytimes.com",
    "The Washington Post": "washingtonpost.com",
    "Washington Post": "washingtonpost.com",
    "The Wall Street Journal": "wsj.com",
    "Wall Street Journal": "wsj.com",
    "Financial Times": "ft.com",
    "The Economist": "economist.com",
    "The Guardian": "theguardian.com",
    "BBC": "bbc.com",
    "BBC News": "bbc.com",
    "NPR": "npr.org",
    "PBS": "pbs.org",
    "CNN": "cnn.com",
    "CNBC": "cnbc.com",
    "CBS News": "cbsnews.com",
    "NBC News": "nbcnews.com",
    "ABC News": "abcnews.go.com",
    "Fox News": "foxnews.com",
    "MSNBC": "msnbc.com",
    "USA Today": "usatoday.com",
    "Los Angeles Times": "latimes.com",
    "Chicago Tribune": "chicagotribune.com",
    "The Atlantic": "theatlantic.com",
    "The New Yorker": "newyorker.com",
    "Politico": "politico.com",
    "Axios": "axios.com",
    "The Hill": "thehill.com",
    "ProPublica": "propublica.org",
    "Forbes": "forbes.com",
    "Business Insider": "businessinsider.com",
    "Time": "time.com",
    "Newsweek": "newsweek.com",
    "Al Jazeera": "aljazeera.com",
    "The Independent": "independent.co.uk",
    "The Telegraph": "telegraph.co.uk",
    "Daily Mail": "dailymail.co.uk",
    "The Sun": "thesun.co.uk",
    "New York Post": "nypost.com",
    "Breitbart": "breitbart.com",
    "The Daily Caller": "dailycaller.com",
    "Daily Caller": "dailycaller.com",
    "The Blaze": "theblaze.com",
    "HuffPost": "huffpost.com",
    "Huffington Post": "huffpost.com",
    "BuzzFeed News": "buzzfeednews.com",
    "Vox": "vox.com",
    "Slate": "slate.com",
    "Salon": "salon.com",
    "Mother Jones": "motherjones.com",
    "The Intercept": "theintercept.com",
    "National Review": "nationalreview.com",
    "The Federalist": "thefederalist.com",
    "Infowars": "infowars.com",
    "RT": "rt.com",
    "Sputnik": "sputniknews.com",
    "Nature": "nature.com",
    "Science": "science.org",
    "Scientific American": "scientificamerican.com",
    "The Lancet": "thelancet.com",
    "Snopes": "snopes.com",
    "PolitiFact": "politifact.com",
}


def main() -> None:
    with SOURCE.open(newline="", encoding="utf-8") as handle:
        quality = {
            row["domain"].strip().lower(): float(row["pc1"]) for row in csv.DictReader(handle)
        }

    with (DATA / "domain_quality.csv").open("w", newline="", encoding="utf-8") as out:
        out.write(ATTRIBUTION)
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["domain", "pc1"])
        for domain in sorted(quality):
            writer.writerow([domain, f"{quality[domain]:.3f}"])

    with (DATA / "outlets.csv").open("w", newline="", encoding="utf-8") as out:
        out.write(ATTRIBUTION)
        out.write("# outlet names: written for hypescore (MIT); pc1 joined by domain.\n")
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["name", "domain", "pc1"])
        for name, domain in sorted(OUTLET_NAMES.items()):
            if domain not in quality:
                print(f"skipped {name}: {domain} not rated")
                continue
            writer.writerow([name, domain, f"{quality[domain]:.3f}"])


if __name__ == "__main__":
    main()
