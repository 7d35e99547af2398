"""Many documents on one machine and on Dask: documents/s, MB/s, peak memory, scaling (issue 12).

    python bench/scale.py [N]      # default 10,000 documents (about 30 MB); prints a table for BENCHMARKS.md

Generates N documents (a quarter seed variants, the rest report-style paragraphs of bench/run.py about
countries with population and GDP figures) in a temporary folder, then checks the folder as whole
processes: ``--jobs 1``, ``--jobs 2``, ``--scheduler local:2``, ``--format jsonl`` into a file,
interleaved, medians of 3. Peak memory is the largest resident set of any process of the run (the
command, its worker processes and Dask's). Also measured: the folder listing alone, and Dask's cost
per task (documents of one line), for the paper estimate of a cluster for 10 million documents an hour.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import report_text  # noqa: E402


def make_corpus(folder: Path, n: int) -> int:
    seed = (ROOT / "seeds" / "fighting-covid19-white-paper-excerpt.txt").read_text(encoding="utf-8")
    rng = random.Random(12)
    total = 0
    for i in range(n):
        if i % 4 == 0:
            text = seed.replace("96,700", f"{rng.randint(50, 150)},{rng.randint(100, 999)}")
            name = f"d{i:05d}.txt"
        else:
            text = report_text(2400 + rng.randint(0, 1200), seed=i)
            name = f"d{i:05d}.md"
        (folder / name).write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def whole(args: list[str], cwd: Path) -> tuple[float, float]:
    """Seconds and peak resident MB (the largest of the process and all it started) of one run."""
    script = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", script, sys.executable, "-m", "factcheck", *args],
                         cwd=cwd, capture_output=True, text=True, check=True)
    seconds, peak = out.stdout.split()
    return float(seconds), float(peak)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        size = make_corpus(folder, n)
        common = ["check", str(folder), "--no-config", "--doc-date", "2020-06-07", "--output", f"jsonl:{tmp}/out.jsonl", "--no-progress", "--exit-zero"]
        configs = {"--jobs 1": ["--jobs", "1"], "--jobs 2": ["--jobs", "2"], "Dask local:2": ["--scheduler", "local:2"]}
        runs: dict[str, list[tuple[float, float]]] = {k: [] for k in configs}
        for _ in range(3):
            for name, extra in configs.items():
                runs[name].append(whole(common + extra, ROOT))
        tiny = Path(tmp) / "tiny"
        tiny.mkdir()
        for i in range(2000):
            (tiny / f"t{i:05d}.md").write_text("China sent 29 teams in 2020.\n", encoding="utf-8")
        tiny_runs = {name: statistics.median(whole(["check", str(tiny), "--no-config", "--output", f"jsonl:{tmp}/t.jsonl", "--exit-zero",
                                                     "--no-progress", *extra], ROOT)[0] for _ in range(3))
                     for name, extra in (("jobs1", ["--jobs", "1"]), ("dask", ["--scheduler", "local:2"]))}
        t0 = time.perf_counter()
        from factcheck.engine import expand_documents

        expand_documents([folder])
        listing = time.perf_counter() - t0
    print(f"{n:,} documents, {size / 1e6:.1f} MB; medians of 3 whole processes, interleaved\n")
    print("| run | seconds | documents/s | MB/s | peak memory of a process | speed-up |\n|---|---|---|---|---|---|")
    base = statistics.median(s for s, _ in runs["--jobs 1"])
    for name, values in runs.items():
        seconds = statistics.median(s for s, _ in values)
        peak = max(p for _, p in values)
        print(f"| {name} | {seconds:.1f} | {n / seconds:,.0f} | {size / 1e6 / seconds:.2f} | {peak:.0f} MB | {base / seconds:.2f}x |")
    per_doc = base / n
    per_task = max(0.0, (tiny_runs["dask"] - tiny_runs["jobs1"]) / 2000)
    print(f"\nfolder listing of {n:,} documents: {listing:.2f} s")
    print(f"one core: {per_doc * 1000:.2f} ms a document (whole process, start-up included)")
    print(f"Dask over 2,000 one-line documents: {tiny_runs['dask']:.1f} s against {tiny_runs['jobs1']:.1f} s in one process "
          f"(cluster start-up and about {per_task * 1000:.2f} ms of overhead a task)")
    cores = 10_000_000 * per_doc / 3600
    print(f"10 million documents in one hour: {10_000_000 / 3600:,.0f} documents/s, {cores:,.0f} cores at {per_doc * 1000:.2f} ms each")


if __name__ == "__main__":
    main()
