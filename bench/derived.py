"""Derived figures cost (issue 17): a document of 1,000 derived claims against the same of plain levels, in one run.

    python bench/derived.py [N]      # N claims a document (default 1,000)

Both documents have the same countries, years and number of sentences; the derived one states every
operation of issue 17 in turn (changes, percent changes, annual growth rates, GDP per capita, shares
of the world's population, multiples, world ranks, comparisons with another country, extremes, shares
of a group's total and ranks within a group), which need two records each or a whole year of every
country's, the plain one levels. Each is checked with the built-in sources (``engine.check_text``, the
whole claim stage and judging), the records fetched afresh for every run (the per-run cache
emptied), alternating, median of 5. Prints both times and their ratio (the target: under 2x).
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.core.matching import Settings  # noqa: E402
from factcheck.engine import check_text, load_sources  # noqa: E402

COUNTRIES = ("France", "Germany", "Kenya", "Brazil", "Japan", "Mexico", "Nigeria", "Canada", "Peru", "Spain", "Italy", "Chile",
             "Ghana", "Norway", "Sweden", "Poland", "Egypt", "Turkey", "Vietnam", "Thailand", "Argentina", "Colombia",
             "Morocco", "Portugal", "Greece", "Austria", "Hungary", "Finland", "Denmark", "Ireland", "Romania", "Uganda",
             "Senegal", "Bolivia", "Ecuador", "Nepal", "Mongolia", "Jordan", "Tunisia", "Zambia")
DERIVED = (
    "{c}'s population rose by 1.2 million between {a} and {b}.",
    "{c}'s population increased by 4.5% from {a} to {b}.",
    "The population of {c} grew by 1.1% a year between {a} and {b}.",
    "{c}'s GDP per capita was $9,800 in {b}.",
    "In {b} {c} accounted for 0.6% of the world's population.",
    "{c}'s population doubled between 1960 and {b}.",
    "In {b} {c} was the world's 30th most populous country.",
    "In {b} {c} had twice as many people as Portugal.",
    "In {b} {c} was the most populous country in the world.",
    "In {b} {c} accounted for 2.5% of the European Union's population.",
    "In {b} {c} was the fifth most populous country in Europe.",
)
LEVELS = (
    "{c}'s population was 41.2 million in {b}.",
    "The population of {c} reached 44.5 million in {b}.",
    "The population of {c} stood at 21.1 million in {b}.",
    "{c}'s GDP was $98 billion in {b}.",
    "In {b} {c} had a population of 10.6 million.",
    "{c} had 38.2 million inhabitants in {b}.",
    "In {b} the population of {c} was 12.9 million.",
    "{c}'s population was about 7.5 million in {b}.",
    "In {b}, {c}'s GDP reached $410 billion.",
    "{c} counted 64.1 million residents in {b}.",
    "The GDP of {c} was $52.4 billion in {b}.",
)


def document(templates: tuple[str, ...], n: int) -> str:
    lines = []
    for i in range(n):
        c = COUNTRIES[(i // len(templates)) % len(COUNTRIES)]
        b = 2005 + (i // (len(templates) * len(COUNTRIES))) % 13
        lines.append(templates[i % len(templates)].format(c=c, a=b - 5, b=b))
    return "\n\n".join(lines) + "\n"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    catalogue = load_sources([], builtin=True)
    settings = Settings(doc_date=date(2019, 7, 1))
    docs = {"derived": document(DERIVED, n), "levels": document(LEVELS, n)}
    judged = {}
    for name, text in docs.items():  # warm up (imports, the sources' indexes) and count what was judged
        claims = check_text(text, f"{name}.txt", catalogue, settings).claims
        judged[name] = (len(claims), sum(1 for _, v in claims if v.computation is not None), sum(1 for _, v in claims if v.label != "not_enough_info"))
    times: dict[str, list[float]] = {name: [] for name in docs}
    for _ in range(5):
        for name, text in docs.items():
            catalogue.fetched.clear()  # fetch the records afresh: part of what a derived claim costs
            t = time.perf_counter()
            check_text(text, f"{name}.txt", catalogue, settings)
            times[name].append(time.perf_counter() - t)
    median = {name: statistics.median(ts) for name, ts in times.items()}
    for name in docs:
        claims, computed, decided = judged[name]
        print(f"{name:8} {claims:5} claims, {computed:4} computed, {decided:4} decided: {median[name] * 1000:7.1f} ms (median of 5)")
    print(f"ratio derived / levels: {median['derived'] / median['levels']:.2f}x (target < 2x)")


if __name__ == "__main__":
    main()
