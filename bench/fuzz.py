"""Fuzz the whole path, text to every output format, over many inputs; report crashes, time and memory.

    python bench/fuzz.py [N]        # default 200,000 inputs, on every core; about 15 minutes here

The same properties as tests/test_fuzz.py (no exception, offsets inside the text, valid JSON and
SARIF in every format), over seeded random inputs: the seed mutated, runs of Markdown and
suppression syntax mixed with figures, random Unicode, and long adversarial runs. Prints a
Markdown table for BENCHMARKS.md; crashing inputs are written to bench/fuzz-crashes/.

    python bench/fuzz.py --family links|devices [N]   # the file-system families (bench/fuzz_fs.py)
"""

from __future__ import annotations

import io
import json
import multiprocessing
import random
import resource
import sys
import time
import traceback
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PIECES = [
    "**", "__", "*", "`", "```\n", "[", "](", ")", "<!--", "-->", "<!-- factcheck: ignore[FC201] why -->",
    "<!-- factcheck: disable[FC203] x -->", "<!-- factcheck: enable -->", "# ", "\n\n", "- ", "> ", "|", "[x]: http://a \"t 5\"",
    "96,700", "−3.5%", "4 440 000", "706亿", "½", "US$50 million", "more than 70.6 billion masks", "2020", "As of May 31,",
    "China", "France's population", "the WHO", "Atlantis", "\x1b[0m", "\u202e", "\ufeff", "\r\n", "\t", "\x00", "...", "?!",
    "[/r/science]", "[red]", "<script>alert(1)</script>", "&amp;", "\\*", "1.", "2)", "***", "~~~", "<b>", "</b>",
]
_state: dict = {}


def _init() -> None:
    from factcheck.engine import load_sources

    _state["catalogue"] = load_sources([ROOT / "sources"])
    _state["seed"] = (ROOT / "seeds" / "fighting-covid19-white-paper-excerpt.txt").read_text(encoding="utf-8")


def make(rng: random.Random) -> str:
    seed = _state["seed"]
    kind = rng.random()
    if kind < 0.45:
        a = rng.randrange(len(seed))
        text = seed[a:a + rng.randrange(1, 3000)]
        for _ in range(rng.randrange(0, 10)):
            at = rng.randrange(len(text) + 1)
            piece = rng.choice(PIECES) if rng.random() < 0.7 else "".join(chr(rng.randrange(0, 0x3000)) for _ in range(rng.randrange(1, 4)))
            text = text[:at] + piece + text[at + rng.randrange(0, 4):]
        return text
    if kind < 0.8:
        return "".join(rng.choice(PIECES) if rng.random() < 0.8 else str(rng.randrange(10**6)) for _ in range(rng.randrange(1, 80)))
    if kind < 0.97:
        return "".join(chr(rng.choice([rng.randrange(0, 0x80), rng.randrange(0, 0x3000), rng.randrange(0x1F000, 0x1F700)]))
                       for _ in range(rng.randrange(0, 500)))
    return rng.choice(PIECES) * rng.randrange(1000, 20000)  # a long adversarial run


def check_one(i: int) -> tuple[int, float, int, str | None]:
    from factcheck.core.matching import Settings
    from factcheck.engine import check_text
    from factcheck.report import claimreview, concise, github, jsonl, markdown, sarif, table
    from factcheck.report.build import build_report
    from factcheck.report.json_format import render as render_json

    rng = random.Random(i)
    text = make(rng)
    path = "doc.md" if i % 2 else "doc.txt"
    t0 = time.perf_counter()
    try:
        checked = check_text(text, path, _state["catalogue"], Settings(doc_date=date(2020, 6, 7)))
        for claim, _ in checked.claims:
            assert 0 <= claim.span.start <= claim.span.end <= len(text), "claim outside the text"
        report = build_report([checked], 0.05)
        strict = {"parse_constant": _no_constants}
        json.loads(render_json(report), **strict)
        for line in filter(None, jsonl.render(report).split("\n")):
            json.loads(line, **strict)
        assert json.loads(sarif.render(report, ROOT, "note"), **strict)["version"] == "2.1.0"
        json.loads(claimreview.render(report, "https://example.org"), **strict)
        concise.render(report)
        github.render(report, ROOT, "note")
        markdown.render(report)
        table.render(report, io.StringIO(), color=False, width=100)
    except Exception:  # noqa: BLE001 - every crash is recorded with its input
        return i, time.perf_counter() - t0, len(text.encode("utf-8")), traceback.format_exc()
    return i, time.perf_counter() - t0, len(text.encode("utf-8")), None


def _no_constants(name: str) -> float:
    raise AssertionError(f"{name} in JSON output")


def main() -> None:
    if sys.argv[1:2] == ["--family"] and sys.argv[2:3] and sys.argv[2] in ("links", "devices"):
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from fuzz_fs import main as file_system_family

        return file_system_family(sys.argv[2:])
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    t0 = time.perf_counter()
    crashes: list[tuple[int, str]] = []
    worst = (0.0, 0, 0)  # seconds per KB, input, bytes
    total_bytes = 0
    with multiprocessing.Pool(initializer=_init) as pool:
        for i, seconds, size, error in pool.imap_unordered(check_one, range(n), chunksize=200):
            total_bytes += size
            if error is not None:
                crashes.append((i, error))
            per_kb = seconds / max(size / 1024, 1.0)  # below 1 KB the fixed cost per document dominates
            if per_kb > worst[0]:
                worst = (per_kb, i, size)
    elapsed = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    folder = ROOT / "bench" / "fuzz-crashes"
    if crashes:
        folder.mkdir(exist_ok=True)
        _init()
        for i, error in crashes[:50]:
            (folder / f"{i}.txt").write_text(make(random.Random(i)), encoding="utf-8", errors="surrogatepass")
            (folder / f"{i}.error").write_text(error, encoding="utf-8")
    print("| measurement | result |\n|---|---|")
    print(f"| inputs | {n:,} ({total_bytes / 1e6:.1f} MB) in {elapsed:.0f} s on {multiprocessing.cpu_count()} cores |")
    print(f"| crashes | {len(crashes)} |")
    print(f"| worst time per KB (inputs of 1 KB or more) | {worst[0] * 1000:.1f} ms/KB (input #{worst[1]}, {worst[2]:,} bytes) |")
    print(f"| peak memory of a worker process | {peak:.0f} MB |")
    for i, error in crashes[:5]:
        print(f"\ncrash on input #{i}:\n{error}")


if __name__ == "__main__":
    main()
