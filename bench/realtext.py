"""Real text, as users give it: prose that the built-in sources can judge, and real articles (issue 19).

    python bench/realtext.py [--runs N] [--sizes 1,10]

The project's other benchmark text (bench/run.py) mostly matches no source, so it hides the cost of
judging. Here, per document, each in a fresh child process:

- **source prose**: sentences about the built-in sources' own countries and years ("In 2014, Kenya had
  a population of 46.0 million.", "Chile's GDP was US$260.5 billion in 2014."), their figures taken
  from the records (a sixth of them moved by 5-15%, to be contradicted), with sentences without
  figures between them: 1 MB and 10 MB ("figure-dense");
- **articles**: the Wikipedia development articles (../shared/eval/wikipedia-2019) joined into one
  document of 10 MB ("prose"); skipped where ../shared is absent.

For each: CPU seconds of the whole ``check --format json`` process, its peak resident memory, the
report's size over the input's, and the stage split in CPU seconds from an in-process run (claim
stage, check-worthiness score, judging; the rest of the whole process is start-up, loading the
sources and writing the report). Medians of N runs (default 3).

The package is byte-compiled first (``compileall``), as ``pip install`` leaves it: where
``PYTHONDONTWRITEBYTECODE=1`` is set (this environment sets it), every run would otherwise compile every
module from source, about 0.3 s of each whole process.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT.parent / "shared" / "eval" / "wikipedia-2019" / "articles"
DOC_DATE = "2019-07-20"

_FILLER = [
    "The statistics office publishes its estimates every year.",
    "Figures for earlier years were revised when the census results came out.",
    "The economy relies on services, agriculture and remittances.",
    "Most of the growth came from the capital region.",
    "Analysts expect the trend to continue over the next decade.",
]


def _records(name: str) -> dict[str, list[tuple[str, int, float]]]:
    """Per country code: (name, year, value) of a built-in source's CSV (aggregates left out)."""
    out: dict[str, list[tuple[str, int, float]]] = {}
    for path in sorted((ROOT / "sources" / name / "data").glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as stream:
            for row in csv.DictReader(stream):
                if row.get("value") and 2000 <= int(row["year"]) <= 2018:
                    out.setdefault(row["code"], []).append((row["name"], int(row["year"]), float(row["value"])))
    return out


def _money(value: float) -> str:
    return f"US${value / 1e12:.2f} trillion" if value >= 1e12 else f"US${value / 1e9:.1f} billion"


def _people(value: float) -> str:
    return f"{value / 1e6:.1f} million" if value >= 1e6 else f"{round(value, -2):,.0f}"


def source_prose(size: int, seed: int = 19) -> str:
    """About ``size`` characters of sentences the built-in population and GDP sources can judge."""
    import pycountry

    countries = {c.alpha_3 for c in pycountry.countries}
    population = {k: v for k, v in _records("wb-population").items() if k in countries}
    gdp = {k: v for k, v in _records("wb-gdp").items() if k in countries}
    codes = sorted(set(population) & set(gdp))
    rng = random.Random(seed)
    shapes = [
        lambda n, y, v: f"In {y}, {n} had a population of {_people(v)}.",
        lambda n, y, v: f"The population of {n} was about {_people(v)} in {y}.",
        lambda n, y, v: f"{n}'s population reached {_people(v)} in {y}, according to official estimates.",
    ]
    money = [
        lambda n, y, v: f"{n}'s GDP was {_money(v)} in {y}.",
        lambda n, y, v: f"In {y} the gross domestic product of {n} stood at {_money(v)}.",
    ]
    parts: list[str] = []
    length = 0
    while length < size:
        code = rng.choice(codes)
        paragraph = []
        for _ in range(3):
            table, forms = (population, shapes) if rng.random() < 0.6 else (gdp, money)
            name, year, value = rng.choice(table[code])
            if rng.random() < 1 / 6:
                value *= rng.choice((0.85, 0.9, 0.95, 1.05, 1.1, 1.15))
            paragraph.append(rng.choice(forms)(name, year, value))
            paragraph.append(rng.choice(_FILLER))
        text = " ".join(paragraph) + "\n\n"
        parts.append(text)
        length += len(text)
    return "".join(parts)


def articles(size: int) -> str | None:
    if not ARTICLES.is_dir():
        return None
    parts: list[str] = []
    length = 0
    files = sorted(ARTICLES.glob("*.md"))
    while length < size:
        for path in files:
            text = path.read_text(encoding="utf-8")
            parts.append(text + "\n\n")
            length += len(text) + 2
            if length >= size:
                break
    return "".join(parts)


def whole_process(path: Path) -> tuple[float, int, int]:
    """CPU seconds and peak resident memory (bytes) of ``check --format json``, and the report's size."""
    out = path.with_suffix(".json")
    code = ("import resource, sys; from factcheck.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "u = resource.getrusage(resource.RUSAGE_SELF)\n"
            "print(u.ru_utime + u.ru_stime, u.ru_maxrss, file=sys.stderr)")
    run = subprocess.run([sys.executable, "-c", code, "check", str(path), "--no-config", "--doc-date", DOC_DATE,
                          "--output", f"json:{out}"], capture_output=True, text=True, cwd=ROOT)
    cpu, rss = run.stderr.strip().splitlines()[-1].split()
    return float(cpu), int(rss) * 1024, out.stat().st_size


STAGES = r"""
import gc, json, sys, time
sys.path.insert(0, sys.argv[2])
from datetime import date
from pathlib import Path
from factcheck.core.checkworthiness import score
from factcheck.core.matching import Settings
from factcheck.engine import analysis_of, check_text, load_sources
text = Path(sys.argv[1]).read_text(encoding="utf-8")
catalogue = load_sources([Path(sys.argv[2]) / "sources"])
settings = Settings(doc_date=date(2019, 7, 20))
check_text(text[:20000], "warm.md", catalogue, settings)
gc.disable()  # as check_text runs the stages
t0 = time.process_time()
analysis = analysis_of(text, "doc.md", settings.doc_date, catalogue.lexicon)
t1 = time.process_time()
scored = [score(f.sentence.text, quantities=f.quantities, entities=f.entities) for f in analysis.sentences]
t2 = time.process_time()
judged = [catalogue.judge(c, settings) for c in analysis.claims]
t3 = time.process_time()
print(json.dumps({"claims": len(analysis.claims), "claim stage": t1 - t0, "score": t2 - t1, "judging": t3 - t2}))
"""


def stages(path: Path) -> dict[str, float]:
    run = subprocess.run([sys.executable, "-c", STAGES, str(path), str(ROOT)], capture_output=True, text=True, check=True)
    return json.loads(run.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="1,10", help="source prose sizes in MB, comma-separated")
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "factcheck")], check=True)
    documents: list[tuple[str, str]] = [(f"source prose, {mb} MB", source_prose(int(mb) * 1_000_000))
                                        for mb in args.sizes.split(",")]
    wiki = articles(10_000_000)
    if wiki is not None:
        documents.append(("Wikipedia articles, 10 MB", wiki))
    print("| document | claims | CPU s (whole process) | peak memory | report / input | claim stage | check-worthiness | judging |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for label, text in documents:
            path = Path(tmp) / "doc.md"
            path.write_text(text, encoding="utf-8")
            runs = [whole_process(path) for _ in range(args.runs)]
            split = [stages(path) for _ in range(args.runs)]
            cpu = statistics.median(r[0] for r in runs)
            rss = statistics.median(r[1] for r in runs)
            ratio = runs[0][2] / len(text.encode())
            stage = {k: statistics.median(s[k] for s in split) for k in ("claim stage", "score", "judging")}
            print(f"| {label} | {split[0]['claims']:,} | {cpu:.2f} | {rss / 2**20:,.0f} MiB | {ratio:.1f}x "
                  f"| {stage['claim stage']:.2f} s | {stage['score']:.2f} s | {stage['judging']:.2f} s |")
            os.remove(path.with_suffix(".json"))


if __name__ == "__main__":
    main()
