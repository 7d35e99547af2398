"""Benchmark several outputs in one run against json alone (issue 3's 1.2x target).

    python bench/outputs.py        # prints a Markdown table for BENCHMARKS.md

Whole processes on a generated 1 MB report, interleaved so machine noise hits
both alike; medians of several runs and their ratio.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import report_text  # noqa: E402

REPEAT = 5


def _time(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr.decode())
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "report-1mb.md").write_text(report_text(1_000_000, prose=0.6), encoding="utf-8")
        base = ["check", "report-1mb.md", "--no-config", "--sources", str(ROOT / "sources"), "--doc-date", "2020-12-31"]
        json_only = [*base, "--format", "json"]
        several = [*base, "--output", "sarif:out.sarif", "--output", "github", "--output", "markdown:report.md"]
        every = [*base, *(f"--output={f}:out.{f}" for f in ("json", "jsonl", "concise", "sarif", "markdown", "claimreview")),
                 "--output", "github", "--url-base", "https://example.org/reports"]
        times: dict[str, list[float]] = {"json": [], "several": [], "every": []}
        for _ in range(REPEAT):
            times["json"].append(_time(json_only, folder))
            times["several"].append(_time(several, folder))
            times["every"].append(_time(every, folder))
        findings = (folder / "out.sarif").read_text(encoding="utf-8").count('"ruleId"')
    med = {k: statistics.median(v) for k, v in times.items()}
    print("| measurement (1 MB report, whole process, median of %d) | result |" % REPEAT)
    print("|---|---|")
    print(f"| findings in the SARIF log | {findings:,} |")
    print(f"| `--format json` | {med['json']:.2f} s |")
    print(f"| `--output sarif:… --output github --output markdown:…` | {med['several']:.2f} s |")
    print(f"| ratio (target <= 1.2) | {med['several'] / med['json']:.2f} |")
    print(f"| every format at once (json, jsonl, concise, sarif, markdown, claimreview, github) | {med['every']:.2f} s "
          f"({med['every'] / med['json']:.2f}x) |")


if __name__ == "__main__":
    main()
