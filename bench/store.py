"""Benchmark the SQLite index of large sources (issue 4): 1 million and 10 million observations.

    python bench/store.py            # both sizes; prints a Markdown table for BENCHMARKS.md
    python bench/store.py 1000000    # one size

Generated World Development Indicators-shaped data: indicators x economies x
years, one CSV with a factcheck mapping. For each size: the build time and
file size; a cold open plus first answer (a fresh process: open, read the
measures, build the token index, first query; interpreter start excluded);
lookups per second (random series by measure and entity, and random point
lookups by measure, entity and year); and the peak memory of a whole
`factcheck check` of the seed against the store and the curated source.
"""

from __future__ import annotations

import hashlib
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pycountry  # noqa: E402

from bench.run import print_table  # noqa: E402

SEED = ROOT / "seeds" / "fighting-covid19-white-paper-excerpt.txt"
WORDS = ("population gross domestic product exports imports emissions electricity access literacy mortality "
         "enrolment unemployment inflation debt reserves tariff rainfall forest area arable land internet users "
         "mobile subscriptions life expectancy fertility births deaths migration remittances aid tourism").split()


def shape(n: int) -> tuple[int, int, int]:
    """indicators, economies, years for about n observations (years fixed at 25, economies up to 250)."""
    economies = 250 if n >= 5_000_000 else 200
    indicators = max(1, round(n / (economies * 25)))
    return indicators, economies, 25


def generate(folder: Path, n: int) -> int:
    indicators, economies, years = shape(n)
    codes = [c.alpha_3 for c in pycountry.countries][:economies]
    rng = random.Random(1)
    data = folder / "data.csv"
    sha = hashlib.sha256()
    rows = 0
    with open(data, "wb") as fh:
        header = b"code,year,indicator,value\n"
        fh.write(header)
        sha.update(header)
        for i in range(indicators):
            chunk = []
            for code in codes:
                base = rng.randint(1_000, 9_999_999)
                for year in range(2000, 2000 + years):
                    chunk.append(f"{code},{year},IND.{i:04d},{base + year}\n")
            blob = "".join(chunk).encode()
            fh.write(blob)
            sha.update(blob)
            rows += len(chunk)
    aliases = {f"IND.{i:04d}": [f"{WORDS[i % len(WORDS)]} {WORDS[(i * 7 + 3) % len(WORDS)]} indicator {i}"] for i in range(indicators)}
    descriptor = {
        "name": f"generated-{n}", "title": "Generated WDI-shaped data", "licenses": [{"name": "CC0-1.0"}],
        "retrieved": "2026-11-28", "factcheck": {"index": True},
        "resources": [{"name": "data", "path": "data.csv", "hash": f"sha256:{sha.hexdigest()}",
                       "factcheck": {"entity": "code", "period": "year", "value": "value", "measure_column": "indicator",
                                     "measure_aliases": aliases}}],
    }
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return rows


COLD = """
import sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from factcheck.sources.store import StoreSource
from factcheck.core.measures import MeasureIndex
t0 = time.perf_counter()
s = StoreSource(Path({path!r}))
index = MeasureIndex(s.measures())
records = s.observations("IND.0007", "FRA")
t1 = time.perf_counter()
assert records, "no answer"
print(f"{{(t1 - t0) * 1000:.1f}}")
"""


CHECK = """
import contextlib, io, resource, sys
from factcheck.cli import main
seed, curated, store = sys.argv[1:]
with contextlib.redirect_stdout(io.StringIO()):
    main(["check", seed, "--no-config", "--sources", curated, "--sources", store, "--doc-date", "2020-06-07", "--format", "json"])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1_000_000, 10_000_000]
    from factcheck.sources.datapackage import load
    from factcheck.sources.store import StoreSource

    rows_out: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            folder = Path(tmp) / f"gen-{n}"
            folder.mkdir()
            t0 = time.perf_counter()
            rows = generate(folder, n)
            t_gen = time.perf_counter() - t0
            index_dir = Path(tmp) / "index"
            t0 = time.perf_counter()
            source = load(folder / "datapackage.json", index_dir)
            t_build = time.perf_counter() - t0
            assert isinstance(source, StoreSource)
            (store_file,) = [p for p in index_dir.glob(f"generated-{n}-*.sqlite")]
            csv_mb = (folder / "data.csv").stat().st_size / 1e6
            rows_out.append((f"{rows:,} observations: generate CSV ({csv_mb:.0f} MB)", f"{t_gen:.1f} s"))
            rows_out.append((f"{rows:,}: build the index (stream, hash, parse, insert)", f"{t_build:.1f} s ({rows / t_build:,.0f} rows/s)"))
            rows_out.append((f"{rows:,}: index file size", f"{store_file.stat().st_size / 1e6:.0f} MB"))
            colds = []
            for _ in range(5):
                out = subprocess.run([sys.executable, "-c", COLD.format(root=str(ROOT), path=str(store_file))],
                                     capture_output=True, text=True, check=True)
                colds.append(float(out.stdout.strip()))
            rows_out.append((f"{rows:,}: cold open + measures + token index + first answer (target < 50 ms)",
                             f"{sorted(colds)[2]:.1f} ms (median of 5 fresh processes)"))
            # the check runs before this process touches the store, and reports its own peak
            # (a child's ru_maxrss seen from here would include this process's pages, copied at fork)
            t0 = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", CHECK, str(SEED), str(ROOT / "sources"), str(folder)],
                                 env={"FACTCHECK_CACHE_DIR": str(Path(tmp))}, capture_output=True, text=True, check=True)
            t_check = time.perf_counter() - t0
            rows_out.append((f"{rows:,}: whole `check` of the seed against the store (target < 400 MB)",
                             f"{t_check:.2f} s, peak {float(out.stderr.strip().splitlines()[-1]) / 1024:.0f} MB"))
            indicators, _, _ = shape(n)
            codes = [c.alpha_3 for c in pycountry.countries][:250]
            rng = random.Random(2)
            keys = [(f"IND.{rng.randrange(indicators):04d}", rng.choice(codes[:200])) for _ in range(20_000)]
            t0 = time.perf_counter()
            got = sum(len(source.observations(m, e)) for m, e in keys)
            t_series = time.perf_counter() - t0
            rows_out.append((f"{rows:,}: series lookups (measure, entity; 25 records as Observations each)",
                             f"{len(keys) / t_series:,.0f}/s ({got / len(keys):.0f} records each)"))
            from datetime import date

            points = [(m, e, date(rng.randrange(2000, 2025), 12, 31)) for m, e in keys]
            t0 = time.perf_counter()
            hits = sum(len(source.lookup(m, e, d)) for m, e, d in points)
            t_point = time.perf_counter() - t0
            rows_out.append((f"{rows:,}: point lookups (measure, entity, period; target >= 50,000/s)",
                             f"{len(points) / t_point:,.0f}/s ({hits:,} hits of {len(points):,})"))
            source.db.close()
            (folder / "data.csv").unlink()
            store_file.unlink()
    print_table(rows_out)


if __name__ == "__main__":
    main()
