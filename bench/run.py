"""Benchmark factcheck: the seed and a 1 MB report as whole processes, each stage,
the claim stage in sentences/s, and adversarial text for linearity.

    python bench/run.py            # prints a Markdown table for BENCHMARKS.md

Medians of several runs from one invocation; compare ratios, not absolute
figures, across machines (these are shared and noisy).
"""

from __future__ import annotations

import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.core.claims import extract_claims  # noqa: E402
from factcheck.core.document import sentences  # noqa: E402
from factcheck.core.matching import Settings  # noqa: E402
from factcheck.core.quantities import find_quantities  # noqa: E402
from factcheck.engine import Timings, check_text, load_sources  # noqa: E402

SEED = ROOT / "seeds" / "fighting-covid19-white-paper-excerpt.txt"
COUNTRIES = ["China", "France", "Germany", "India", "Brazil", "Japan", "Kenya", "Chile", "Italy", "Spain", "Canada", "Mexico"]
ITEMS = ["masks", "protective suits", "ventilators", "test kits", "medical teams", "doctors", "hospital beds", "vaccine doses"]
VERBS = ["exported", "sent", "delivered", "donated", "produced", "received"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
PROSE = [
    "The government has always placed the lives and health of its people first.",
    "It has worked with partners across the region to share experience and strengthen cooperation in every field.",
    "Experts have communicated with their counterparts around the world in a variety of ways.",
    "While ensuring domestic needs, the authorities have tried every possible means to support other countries.",
    "They smoothed the channels for supply and demand, organised logistics and accelerated customs clearance.",
    "Local governments, enterprises and individuals have donated materials through various channels.",
    "The ministry regulated export procedures and issued guidelines on foreign market access.",
    "Such cooperation is essential, and the lessons learned will shape the response to future emergencies.",
]


def _figure(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.3:
        return f"{rng.randint(2, 999)}.{rng.randint(1, 99)} million"
    if kind < 0.5:
        return f"{rng.randint(1, 999):,}"
    if kind < 0.6:
        return f"US${rng.randint(1, 90)} billion"
    if kind < 0.7:
        return f"{rng.randint(1, 60)}.{rng.randint(0, 9)}%"
    if kind < 0.8:
        return rng.choice(["two", "three", "twenty-nine", "forty"])
    return f"{rng.randint(1000, 999999):,}"


def report_text(size: int, seed: int = 7, prose: float = 0.25) -> str:
    """A report-style document of about ``size`` bytes: figures, countries, dates, prose.

    ``prose`` is the share of sentences without figures: 0.25 is figure-dense (1.5
    figures a sentence, denser than the seed's 0.6); 0.6 is closer to a real report.
    """
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        sents = []
        for _ in range(rng.randint(3, 6)):
            c, v, i = rng.choice(COUNTRIES), rng.choice(VERBS), rng.choice(ITEMS)
            m1, m2 = rng.sample(MONTHS, 2)
            template = rng.random()
            if rng.random() < prose:
                s = rng.choice(PROSE)
            elif template < 0.3:
                s = f"As of {m1} {rng.randint(1, 28)}, {c} had {v} {rng.choice(['more than ', 'about ', ''])}{_figure(rng)} {i} to {rng.randint(2, 190)} countries."
            elif template < 0.55:
                s = f"From {m1} 1 to {m2} 30, {c} {v} {_figure(rng)} {i}, {_figure(rng)} {rng.choice(ITEMS)}, and {_figure(rng)} {rng.choice(ITEMS)}."
            elif template < 0.75:
                s = f"In {rng.randint(2000, 2023)}, the population of {c} was {_figure(rng)} and its GDP reached {_figure(rng)}."
            else:
                s = rng.choice(PROSE)
            sents.append(s)
        para = " ".join(sents) + "\n\n"
        parts.append(para)
        total += len(para.encode())
    return "".join(parts)


def adversarial(size: int) -> dict[str, str]:
    unit = size
    return {
        "1 MB on one line": (report_text(unit).replace("\n", " ")),
        "digits, commas, dots, spaces": ("1,2.3 4,,5..6 123,456,7890.1.2 " * (unit // 32))[:unit],
        "long digit runs": ("9" * 5000 + " ") * (unit // 5001),
        "nested brackets": ("(" * 1000 + "12 million" + ")" * 1000 + " ") * (unit // 2011),
        "number words": ("one two three hundred and four thousand five million six " * (unit // 58))[:unit],
    }


def median_time(fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def process(args: list[str], repeat: int = 3) -> tuple[float, float]:
    """Median wall time and peak RSS (MB) of a whole `factcheck` process."""
    times, peaks = [], []
    exe = str(Path(sys.executable).parent / "factcheck")
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t0 = time.perf_counter()
        subprocess.run([exe, *args], cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t0)
        peaks.append(max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024)
    return statistics.median(times), max(peaks)


def main() -> None:
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "report-1mb.md"
        big.write_text(report_text(1_000_000, prose=0.6), encoding="utf-8")
        dense = Path(tmp) / "dense-1mb.md"
        dense.write_text(report_text(1_000_000, prose=0.0), encoding="utf-8")
        t, peak = process(["check", str(SEED.relative_to(ROOT))])
        rows.append(("seed, whole process, table (target < 1.5 s)", f"{t:.2f} s, peak {peak:.0f} MB"))
        t, peak = process(["check", str(SEED.relative_to(ROOT)), "--format", "json"])
        rows.append(("seed, whole process, json", f"{t:.2f} s"))
        t, peak = process(["check", str(big), "--format", "json", "--doc-date", "2020-12-31"])
        rows.append(("1 MB report, whole process, json (target < 4 s, < 400 MB)", f"{t:.2f} s, peak {peak:.0f} MB"))
        t, peak = process(["check", str(big), "--format", "markdown", "--doc-date", "2020-12-31"], repeat=1)
        rows.append(("1 MB report, whole process, markdown", f"{t:.2f} s, peak {peak:.0f} MB"))
        t, peak = process(["check", str(big), "--doc-date", "2020-12-31"], repeat=1)
        rows.append(("1 MB report, whole process, table", f"{t:.2f} s, peak {peak:.0f} MB"))
        t, peak = process(["check", str(dense), "--format", "json", "--doc-date", "2020-12-31"])
        rows.append(("1 MB figure-dense text (no prose), whole process, json", f"{t:.2f} s, peak {peak:.0f} MB"))

        text = big.read_text(encoding="utf-8")
        n_sent = len(sentences(text))
        catalogue = load_sources([ROOT / "sources"])
        timings = Timings()
        check_text(text, "report.md", catalogue, Settings(), timings)
        n_claims = len(extract_claims(text))
        rows.append(("1 MB report: sentences / claims", f"{n_sent:,} / {n_claims:,}"))
        rows.append(("1 MB stage: claims (segment, quantities, context)", f"{timings.claims:.2f} s"))
        rows.append(("1 MB stage: matching and verdicts", f"{timings.matching:.2f} s"))
        claim_time = median_time(lambda: extract_claims(text), 3)
        rows.append(("claim stage throughput, 1 MB report (target >= 20,000 sentences/s)", f"{n_sent / claim_time:,.0f} sentences/s"))
        seed_text = (SEED.read_text(encoding="utf-8") + "\n\n") * 100
        n_seed = len(sentences(seed_text))
        seed_time = median_time(lambda: extract_claims(seed_text), 3)
        rows.append(("claim stage throughput, the seed repeated", f"{n_seed / seed_time:,.0f} sentences/s"))
        sents = [s.text for s in sentences(text)]
        detect_time = median_time(lambda: [find_quantities(s) for s in sents], 3)
        rows.append(("quantity detection alone, 1 MB report", f"{n_sent / detect_time:,.0f} sentences/s"))

        quarter = report_text(250_000)
        t_q = median_time(lambda: extract_claims(quarter), 3)
        t_full = median_time(lambda: extract_claims(report_text(1_000_000)), 3)
        rows.append(("linearity: claim stage 1 MB / 0.25 MB (4.0 is linear)", f"{t_full / t_q:.2f}"))
        for name, body in adversarial(1_000_000).items():
            t_a = median_time(lambda body=body: extract_claims(body), 1)
            t_b = median_time(lambda body=body: extract_claims(body[: len(body) // 4]), 1)
            rows.append((f"adversarial, {name}: 1 MB claim stage (ratio to 0.25 MB)", f"{t_a:.2f} s ({t_a / max(t_b, 1e-9):.1f}x)"))

    print_table(rows)


def print_table(rows: list[tuple[str, str]]) -> None:
    """The measurements as the Markdown table BENCHMARKS.md takes."""
    print("| measurement | result |")
    print("|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
