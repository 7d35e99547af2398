"""Measure how factcheck reads statistical sentences; write the statistics section of EVALUATION.md.

    python bench/eval/statistics/run.py            # rewrites the section between its markers
    python bench/eval/statistics/run.py --misses   # also prints every sentence read wrong

Sources: World Bank population and GDP as published in ../shared/refdata (a factcheck block is
added in a temporary copy; nothing is copied into the project), and the two small packages in
./sources (consumer-price inflation, life expectancy). Sentences: ./sentences.tsv (devset.py).
Also runs every sentence of ../shared/eval (debate transcripts and ClaimBuster, text nobody wrote
for the tool) through the same sources and lists each contradiction, to count false ones.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from factcheck.core.matching import Settings  # noqa: E402
from factcheck.engine import Catalogue, check_text, load_sources  # noqa: E402

MEASURES = {
    "population": "population/population",
    "gdp": "gdp/gdp",
    "inflation": "wb-inflation-consumer-prices-subset/inflation",
    "life expectancy": "gapminder-life-expectancy/life expectancy",
}
BLOCKS = {
    "population": {"entity": "Country Code", "entity_name": "Country Name", "period": "Year", "value": "Value",
                   "measure": "population", "measure_aliases": ["inhabitants", "residents", "people"]},
    "gdp": {"entity": "Country Code", "entity_name": "Country Name", "period": "Year", "value": "Value",
            "measure": "gdp", "measure_aliases": ["gross domestic product", "GDP (current US$)"], "currency": "USD"},
}
START, END = "<!-- statistics:start -->", "<!-- statistics:end -->"


def catalogue(folder: Path) -> Catalogue:
    for name, block in BLOCKS.items():
        target = folder / name
        (target / "data").mkdir(parents=True)
        shutil.copy(SHARED / "refdata" / name / "data" / f"{name}.csv", target / "data" / f"{name}.csv")
        descriptor = json.loads((SHARED / "refdata" / name / "datapackage.json").read_text(encoding="utf-8"))
        descriptor["resources"] = [r for r in descriptor["resources"] if r.get("path") == f"data/{name}.csv"]  # others were not brought along
        descriptor["resources"][0]["factcheck"] = block
        (target / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return load_sources([folder / "population", folder / "gdp", HERE / "sources"])


def labelled() -> list[dict[str, str]]:
    with open(HERE / "sentences.tsv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def parse_claims(field: str) -> list[tuple[str, str, float, int | None]]:
    out = []
    for part in filter(None, field.split(";")):
        subject, measure, value, year = part.split("|")
        out.append((subject, MEASURES[measure], float(value), int(year) if year else None))
    return out


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def resolved(claim, verdict) -> bool:
    """The tool named a subject and a measure for the figure and went on to judge it."""
    return (claim.quantity is not None and claim.subject is not None and verdict.measure is not None
            and verdict.reason not in ("weak_match", "ambiguous"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if not (SHARED / "refdata").is_dir():
        raise SystemExit("../shared/refdata is not present; nothing to measure")
    with tempfile.TemporaryDirectory() as tmp:
        cat = catalogue(Path(tmp))
        rows = labelled()
        t0 = time.perf_counter()
        stats = Counter()
        verdicts = Counter()
        families: dict[str, Counter] = defaultdict(Counter)
        contradictions: list[tuple[str, str, bool]] = []
        misses: list[str] = []
        for row in rows:
            labels = parse_claims(row["claims"])
            doc_date = date.fromisoformat(row["doc_date"]) if row["doc_date"] else None
            checked = check_text(row["text"], "sentence.txt", cat, Settings(doc_date=doc_date))
            figures = [(c, v) for c, v in checked.claims if c.quantity is not None]
            family = row["family"].split("/")[0]
            stats["labelled"] += len(labels)
            families[family]["labelled"] += len(labels)
            found = []
            for subject, measure, value, year in labels:
                hit = next((c for c, v in figures if same_value(c.quantity.value, value) and c.subject and c.subject.id == subject
                            and v.measure == measure), None)
                number = any(same_value(c.quantity.value, value) for c, _ in figures)
                stats["number_found"] += number
                if hit is not None:
                    stats["identified"] += 1
                    families[family]["identified"] += 1
                    period_ok = year is None or (hit.period is not None and hit.period.end is not None and hit.period.end.year == year)
                    stats["period_right"] += period_ok
                    found.append(hit)
            for c, v in figures:
                verdicts[v.label] += 1
                right = any(c is f for f in found)
                if resolved(c, v):
                    stats["resolved"] += 1
                    stats["resolved_right"] += right
                if v.label == "contradicted":
                    contradictions.append((row["id"], f"{c.text} [{c.subject.id if c.subject else '-'} / {v.measure}]: {v.explanation}", not right))
            if row["expect"] == "contradicted":
                stats["planted"] += 1
                stats["planted_caught"] += any(v.label == "contradicted" for _, v in figures)
            if row["expect"] == "not_contradicted" and any(v.label == "contradicted" for _, v in figures):
                stats["trap_contradicted"] += 1
            if len(found) < len(labels) or any(resolved(c, v) and not any(c is f for f in found) for c, v in figures):
                shown = "; ".join(f"{c.text!r} subj={c.subject.id if c.subject else None} measure={v.measure} {v.label}/{v.reason}" for c, v in figures)
                misses.append(f"{row['id']} {row['family']}: {row['text']}\n    want {row['claims']}\n    got  {shown or 'no figure'}")
        seconds = time.perf_counter() - t0
        real = real_text(cat)
    if args.misses:
        print("\n".join(misses))
    report = render(rows, stats, verdicts, families, contradictions, real, seconds)
    print(report)
    if not args.no_write:
        path = ROOT / "EVALUATION.md"
        text = path.read_text(encoding="utf-8")
        block = f"{START}\n{report}{END}"
        text = text[:text.index(START)] + block + text[text.index(END) + len(END):] if START in text else text.rstrip() + "\n\n" + block + "\n"
        path.write_text(text, encoding="utf-8")


def real_text(cat: Catalogue) -> dict[str, object]:
    """Every sentence of ../shared/eval through the same sources: how many figures are judged, and every contradiction."""
    eval_dir = SHARED / "eval"
    if not eval_dir.is_dir():
        return {}
    sys.path.insert(0, str(ROOT / "bench" / "eval"))
    from data import claimbuster, clef_documents  # type: ignore[import-not-found]

    # each transcript on its own date (its file name), ClaimBuster's debates on the day of the last one they include
    sentences = [(line.text, date(int(name[:4]), int(name[4:6]) if int(name[4:6]) <= 12 else int(name[6:8]), 1))
                 for name, doc in clef_documents().items() for line in doc]
    sentences += [(t, date(2016, 10, 19)) for t, _ in claimbuster()]
    counts = Counter()
    contradicted = []
    for text, when in sentences:
        checked = check_text(text, "real.txt", cat, Settings(doc_date=when))
        for c, v in checked.claims:
            if c.quantity is None:
                continue
            counts["figures"] += 1
            counts[v.label] += 1
            if resolved(c, v):
                counts["resolved"] += 1
            if v.label == "contradicted":
                contradicted.append(f"{text.strip()[:160]} → {c.text} [{c.subject.id if c.subject else '-'} / {v.measure}]: {v.explanation[:140]}")
    return {"sentences": len(sentences), "counts": counts, "contradicted": contradicted}


def render(rows, stats, verdicts, families, contradictions, real, seconds) -> str:
    pct = lambda a, b: f"{a / b:.1%}" if b else "n/a"  # noqa: E731
    misread = sum(1 for _, _, bad in contradictions if bad)
    lines = [
        "## Statistical sentences: subject, measure, figure (issue 9)",
        "",
        f"Generated by `python bench/eval/statistics/run.py` on {date.today().isoformat()}; do not edit by hand.",
        f"{len(rows)} sentences of the development set `bench/eval/statistics/sentences.tsv` (made by `devset.py`:",
        "phrasings modelled on statistics portals, encyclopaedias, news and statistical releases, written anew;",
        "values from the data, rounded and grouped the ways writers do; one in eight wrong on purpose; traps that",
        "must not be contradicted), checked against World Bank population and GDP (../shared/refdata),",
        "consumer-price inflation (World Bank, an excerpt) and life expectancy (Gapminder) in `bench/eval/statistics/sources`.",
        "",
        "| measurement | result | target |",
        "|---|---|---|",
        f"| claims identified (number + subject + measure right) / labelled claims | {stats['identified']} / {stats['labelled']} = **{pct(stats['identified'], stats['labelled'])}** | >= 85% |",
        f"| number found at all | {pct(stats['number_found'], stats['labelled'])} | |",
        f"| precision of identified claims (subject and measure named, right) | {stats['resolved_right']} / {stats['resolved']} = **{pct(stats['resolved_right'], stats['resolved'])}** | >= 98% |",
        f"| period right, of identified claims | {pct(stats['period_right'], stats['identified'])} | |",
        f"| contradictions caused by misreadings | {misread} / {len(contradictions)} = **{pct(misread, len(contradictions))}** | <= 2% |",
        f"| planted wrong figures contradicted | {stats['planted_caught']} / {stats['planted']} | |",
        f"| traps and year-less figures contradicted | {stats['trap_contradicted']} | 0 |",
        f"| verdicts on every figure | {verdicts['supported']} supported, {verdicts['contradicted']} contradicted, {verdicts['not_enough_info']} not enough info | |",
        f"| time | {seconds:.1f} s for {len(rows)} sentences | |",
        "",
        "| family | identified |",
        "|---|---|",
    ]
    lines += [f"| {f} | {c['identified']} / {c['labelled']} |" for f, c in sorted(families.items()) if c["labelled"]]
    if real:
        counts = real["counts"]
        lines += [
            "",
            f"Text nobody wrote for the tool: the {real['sentences']:,} sentences of ../shared/eval (CLEF 2019 debate transcripts, each",
            f"dated by its file name, and ClaimBuster, dated 2016-10-19) through the same sources: {counts['figures']:,} figures, {counts['resolved']:,} given a subject and a measure,",
            f"{counts['supported']} supported, {counts['contradicted']} contradicted, {counts['not_enough_info']:,} not enough info.",
        ]
        if real["contradicted"]:
            lines += ["Every contradiction, to be read by a person:", ""] + [f"- {c}" for c in real["contradicted"]]
    if contradictions:
        lines += ["", "Contradictions in the development set that were misreadings:", ""]
        lines += [f"- {i}: {t}" for i, t, bad in contradictions if bad] or ["- none"]
    lines += ["", *NOTES]
    return "\n".join(lines) + "\n"


NOTES = """### Reading these figures

- The development set was written by the engineer who wrote the reading rules, from phrasings seen on
  real pages: it measures the rules on the phrasings they were written for, so its identification rate
  is an upper bound. Held-out sentences written by others will score lower; the rules are general
  (sentence structure, the sources' own labels and entities), none names a sentence of the set.
- What is not read, on purpose or not yet: "X's economy was worth $N" (the GDP source configured here
  has no alias "economy"; factcheck's built-in wb-gdp has it), "a child born in X could expect to live N years" (no label is
  named), a figure whose counted noun ("47 million people living in poverty", "2.3 million people
  visited") says what was counted rather than how many live there, and a second figure that leaves
  its measure out ("Norway had 5.2 million inhabitants, while Sweden had 9.8 million").
- Precision counts as wrong every figure given a subject and a measure that is not a labelled claim,
  even when its verdict is "not enough info" (a growth rate of a population is a unit mismatch, a 2050
  projection a period mismatch): no such figure was contradicted.
- Real text: across the debate transcripts and ClaimBuster, almost no sentence states a configured
  statistic of a named country in a checkable form; the figure that matters is that none of the figures
  about people, money and shares in them is contradicted (a draft of these rules contradicted seven:
  each became a rule and a row of tests/core/test_reading.py).""".splitlines()


if __name__ == "__main__":
    main()
