"""Streaming and --jobs on many documents: speed-up of two processes, and the parent's own memory (issue 19).

    python bench/stream.py [N ...] [--runs R] [--format json] [--code CHECKOUT]

For each N (default 1,000 and 10,000) generates N documents as ``bench/scale.py`` does (a quarter seed
variants, the rest report-style paragraphs about countries with population and GDP figures), then
checks the folder as whole processes, ``--jobs 1`` and ``--jobs 2`` in turn (interleaved, R runs
each, default 3), writing ``--format`` (default json) into a file. Each run is a child process that
calls ``factcheck`` in-process and reports its own peak resident memory (``RUSAGE_SELF``: the parent
alone, not its workers) and the largest of its workers' (``RUSAGE_CHILDREN``). ``--code`` runs another
checkout's ``factcheck`` (say the main branch's) with the same corpus, for a before/after.

Prints a Markdown table for BENCHMARKS.md: medians of the runs, the speed-up of --jobs 2 over --jobs 1
(median of the ratios of each interleaved pair), the parent's and the largest worker's peak, and
the parent's own CPU time under --jobs 2 (its serial share: reading results, writing, start-up and
loading the sources), and the output's size.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_CHILD = (
    "import resource, sys, time\n"
    "sys.argv = ['factcheck', *sys.argv[1:]]\n"
    "from factcheck.cli import main\n"
    "t = time.perf_counter()\n"
    "code = main(sys.argv[1:])\n"
    "wall = time.perf_counter() - t\n"
    "self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
    "workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
    "cpu = resource.getrusage(resource.RUSAGE_SELF)\n"
    "print(wall, self_peak, workers, cpu.ru_utime + cpu.ru_stime, code, file=sys.stderr)\n"
)


def one(args: list[str], code_root: Path) -> tuple[float, float, float, float]:
    """Seconds (wall, in the process), the parent's peak MB, the largest worker's peak MB, the parent's CPU seconds."""
    env = dict(os.environ, PYTHONPATH=str(code_root))
    out = subprocess.run([sys.executable, "-c", _CHILD, *args], cwd=code_root, env=env, capture_output=True, text=True, check=False)
    last = out.stderr.strip().splitlines()[-1].split()
    if len(last) != 5 or last[4] not in ("0", "1"):
        raise SystemExit(f"factcheck failed: {out.stderr[-2000:]}")
    return float(last[0]), float(last[1]), float(last[2]), float(last[3])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--format", default="json")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose factcheck is run (default: this one)")
    opts = parser.parse_args()
    from bench.scale import make_corpus

    print(f"code: {opts.code}; --format {opts.format} into a file; medians of {opts.runs} interleaved runs\n")
    print("| documents | MB in | --jobs 1 | --jobs 2 | speed-up | parent CPU, --jobs 2 | parent peak, --jobs 1 / 2 | largest worker | output / input |")
    print("|---|---|---|---|---|---|---|---|---|")
    for n in opts.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "docs"
            folder.mkdir()
            size = make_corpus(folder, n)
            out = Path(tmp) / f"out.{opts.format}"
            common = ["check", str(folder), "--no-config", "--doc-date", "2020-06-07", "--output", f"{opts.format}:{out}",
                      "--no-progress", "--exit-zero"]
            runs: dict[str, list[tuple[float, float, float, float]]] = {"1": [], "2": []}
            for _ in range(opts.runs):
                for jobs in ("1", "2"):
                    runs[jobs].append(one([*common, "--jobs", jobs], opts.code))
            written = out.stat().st_size
        ratios = [a[0] / b[0] for a, b in zip(runs["1"], runs["2"])]
        med = {j: statistics.median(r[0] for r in runs[j]) for j in runs}
        parent = {j: max(r[1] for r in runs[j]) for j in runs}
        worker = max(r[2] for r in runs["2"])
        print(f"| {n:,} | {size / 1e6:.1f} | {med['1']:.1f} s | {med['2']:.1f} s | {statistics.median(ratios):.2f}x "
              f"({min(ratios):.2f}-{max(ratios):.2f}) | {statistics.median(r[3] for r in runs['2']):.1f} s | {parent['1']:.0f} / {parent['2']:.0f} MB | {worker:.0f} MB | "
              f"{written / size:.1f}x |", flush=True)


if __name__ == "__main__":
    main()
