"""How often each scorer picks the right measure label, and how fast.

A synthetic label set of the kind factcheck meets (what is counted x what was
done with it, plus "countries ... to" labels), queried with claim-style
measures: the noun phrase, its verb, sometimes linking words from the sentence.

    python bench/measure_scorers.py
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.core.measures import MeasureIndex  # noqa: E402
from factcheck.core.model import Measure  # noqa: E402

NOUNS = """masks protective suits goggles ventilators test kits infrared thermometers gloves face shields
doctors nurses hospital beds vaccine doses medical teams field hospitals ambulances oxygen cylinders
syringes disinfectant tonnes rice wheat maize solar panels wind turbines electric cars steel tonnes
coal tonnes crude oil barrels natural gas cubic metres students scholarships teachers schools
refugees visas tourists flights containers ships trucks patents smartphones laptops""".split("\n")
NOUNS = [n for line in NOUNS for n in [w.strip() for w in line.split("  ")] if n]
VERBS = ["exported", "imported", "produced", "donated", "sent", "received", "purchased", "distributed"]
NOISE = ["protective materials", "to the region", "abroad", "in total", "overseas", "medical supplies"]


def labels(rng: random.Random) -> list[str]:
    words = " ".join(NOUNS).split()
    nouns = [" ".join(words[i:i + rng.choice((1, 2))]) for i in range(0, len(words), 2)]
    nouns = nouns + [f"{a} {n}" for a in ("medical", "disposable", "imported-brand") for n in nouns[:30]]
    out = [f"{n} {v}" for n in nouns for v in VERBS]
    out += [f"countries {n} were {v} to" for n in nouns[:20] for v in VERBS[:4]]
    return list(dict.fromkeys(out))


def query(label: str, rng: random.Random) -> tuple[str, str, str]:
    words = label.split()
    verb = next(w for w in words if w in VERBS)
    noun_words = [w for w in words if w not in VERBS and w not in ("were", "to")]
    if len(noun_words) > 1 and rng.random() < 0.3 and noun_words[0] != "countries":
        noun_words = noun_words[1:]
    noun = " ".join(noun_words)
    extra = [rng.choice(NOISE)] if rng.random() < 0.5 else []
    if noun_words[0] == "countries":
        return " ".join(["countries", verb, *noun_words[1:], *extra]), "countries", verb
    return " ".join([noun, verb, *extra]), noun, verb


def main() -> None:
    rng = random.Random(11)
    label_set = labels(rng)
    queries = [(query(label, rng), label) for label in rng.choices(label_set, k=2000)]
    measures = [Measure(f"s/{i}", "s", str(i), (label,)) for i, label in enumerate(label_set)]
    index = MeasureIndex(measures)
    by_id = {str(i): label for i, label in enumerate(label_set)}

    def brute(scorer):  # type: ignore[no-untyped-def]
        return lambda q: process.extractOne(q[0], label_set, scorer=scorer)[0]

    def set_then_ratio(q):  # type: ignore[no-untyped-def]
        scored = [(fuzz.token_set_ratio(q[0], lab), fuzz.ratio(q[0], lab), lab) for lab in label_set]
        return max(scored)[2]

    def ours(q):  # type: ignore[no-untyped-def]
        found = index._search(*q)  # uncached: each query scored afresh
        return by_id[found[0].measure.id] if found else None

    rows = []
    for name, pick in [
        ("WRatio, brute force", brute(fuzz.WRatio)),
        ("token_set_ratio, brute force", brute(fuzz.token_set_ratio)),
        ("token_set_ratio + ratio tie-break, brute force", set_then_ratio),
        ("factcheck MeasureIndex (token index, head noun, verb)", ours),
    ]:
        t0 = time.perf_counter()
        hits = sum(pick(q) == label for q, label in queries)
        elapsed = time.perf_counter() - t0
        rows.append((name, hits / len(queries), len(queries) / elapsed))
    print(f"{len(label_set)} labels, {len(queries)} queries\n")
    print("| scorer | top-1 accuracy | queries/s |")
    print("|---|---|---|")
    for name, acc, qps in rows:
        print(f"| {name} | {acc:.2f} | {qps:,.0f} |")


if __name__ == "__main__":
    main()
