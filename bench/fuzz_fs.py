"""The file-system families of bench/fuzz.py (issue 21): planted links and device outputs.

    python bench/fuzz.py --family links [N]      # default 1,000 cases
    python bench/fuzz.py --family devices [N]

Each case is a fresh sandbox built from a seeded random choice, so a failing case is re-run by its number.

- **links**: a pulled source whose folder, cache and staging names carry random symbolic links into a
  ``victim/`` folder beside it (``data/``, the staging descriptor, the new and the old data file, a
  stale temporary name, the cache's ``index/`` folder); then a pull (a new
  snapshot written) and a ``check`` that builds the index. Passes when nothing in ``victim/`` changed
  and every error is factcheck's own (exit 2 with a message), never an exception.
- **devices**: one to three outputs of random formats onto a copy of /dev/null or /dev/full (``mknod``,
  where allowed), a FIFO with a reader, a regular file, a link to one, a folder, a missing folder. Passes
  when each device and FIFO is still one afterwards, /dev/full means exit 2 "no space left", a regular
  file holds the whole report, and no run ends in "a bug in factcheck".
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import stat
import sys
import tempfile
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FORMATS = ("json", "jsonl", "sarif", "concise", "markdown", "claimreview", "table", "github")
DOC = "In 2014, France had 66 million inhabitants. Germany had 81 million inhabitants in 2014.\n"


def _snapshot(folder: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every entry below ``folder``, not following links: (mode, bytes of a regular file)."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            st = os.lstat(p)
            found[str(p.relative_to(folder))] = (stat.S_IFMT(st.st_mode), p.read_bytes() if stat.S_ISREG(st.st_mode) else None)
    return found


def _table(rng: random.Random):  # type: ignore[no-untyped-def]
    from factcheck.connectors.base import Table

    rows = [[code, str(year), str(rng.randrange(10**6, 10**8))] for code in ("FRA", "DEU") for year in range(2010, 2010 + rng.randrange(1, 6))]
    return Table(columns=["code", "year", "value"], rows=rows,
                 mapping={"entity": "code", "period": "year", "value": "value", "measure": "population",
                          "measure_aliases": ["inhabitants"]},
                 title="Population", licence={"name": "CC0-1.0"}, publisher="Example", homepage="https://example.org")


def _run(args: list[str]) -> tuple[int, str]:
    from factcheck.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, err.getvalue()


def links_case(i: int, sandbox: Path) -> str | None:
    """One planted-links case; the problem found, or None."""
    from factcheck.connectors.snapshot import connector_source, write
    from factcheck.sources.base import SourceError

    rng = random.Random(i)
    victim = sandbox / "victim"
    victim.mkdir()
    (victim / "precious.txt").write_text("keep me", encoding="utf-8")
    folder = sandbox / "project" / "sources" / "pop"
    folder.mkdir(parents=True)
    (folder / "datapackage.json").write_text(json.dumps({
        "name": "pop", "resources": [],
        "factcheck": {"connector": "worldbank", "params": {"indicator": "SP.POP.TOTL"}}}), encoding="utf-8")
    descriptor = folder / "datapackage.json"
    now = datetime(2026, 1, 1, tzinfo=UTC)
    write(connector_source(descriptor), _table(rng), now)
    old = next((folder / "data").iterdir())
    (victim / old.name).write_bytes(old.read_bytes())
    new_table = _table(rng)
    cache = sandbox / "project" / "cache"
    (cache / "index").mkdir(parents=True)
    plants = {
        "data folder": lambda: (os.rename(folder / "data", victim / "data"), (folder / "data").symlink_to(victim / "data")),
        "staging": lambda: (folder / ".datapackage.json.pull").symlink_to(victim / "precious.txt"),
        "old data file": lambda: (old.unlink(), old.symlink_to(victim / old.name)),
        "new data file": lambda: (folder / "data" / "0123456789abcdef.csv").symlink_to(victim / "precious.txt"),
        "stale temporary": lambda: (folder / ".datapackage.json.x.factcheck-tmp").symlink_to(victim / "precious.txt"),
        "index folder": lambda: ((cache / "index").rmdir(), (cache / "index").symlink_to(victim)),
    }
    chosen = rng.sample(sorted(plants), rng.randrange(1, len(plants) + 1))
    for name in chosen:
        if name == "old data file" and "data folder" in chosen:
            continue  # the folder's link already leads there
        plants[name]()
    before = _snapshot(victim)
    try:
        write(connector_source(descriptor), new_table, now)
    except SourceError:
        pass  # refused, with a message: what factcheck should do with a planted link
    (sandbox / "project" / "doc.md").write_text(DOC, encoding="utf-8")
    os.environ["FACTCHECK_CACHE_DIR"] = str(cache)
    cwd = os.getcwd()
    os.chdir(sandbox / "project")
    try:
        code, err = _run(["check", "doc.md", "--no-config", "--no-builtin-sources", "--sources", "sources", "--output", "json:out.json"])
    finally:
        os.chdir(cwd)
    if code not in (0, 1, 2) or "bug in factcheck" in err:
        return f"links {chosen}: check exited {code}: {err.strip()[:300]}"
    after = _snapshot(victim)
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    if changed:
        return f"links {chosen}: wrote or deleted outside the source folder: {changed}"
    return None


def devices_case(i: int, sandbox: Path) -> str | None:
    """One device-outputs case; the problem found, or None."""
    rng = random.Random(i)
    (sandbox / "doc.md").write_text(DOC, encoding="utf-8")
    kinds = ["null", "full", "fifo", "regular", "link", "folder", "missing"]
    chosen = rng.sample(kinds, rng.randrange(1, 4))
    targets: dict[str, Path] = {}
    readers: list[int] = []
    for kind in chosen:
        path = sandbox / f"out-{kind}"
        if kind in ("null", "full"):
            try:
                os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3 if kind == "null" else 7))
            except OSError:
                continue  # mknod not allowed here: the other kinds still run
        elif kind == "fifo":
            os.mkfifo(path)
            readers.append(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
        elif kind == "link":
            (sandbox / "real.out").write_text("old", encoding="utf-8")
            path.symlink_to(sandbox / "real.out")
        elif kind == "folder":
            path.mkdir()
        elif kind == "missing":
            path = sandbox / "no-such-folder" / "out"
        targets[kind] = path
    if not targets:
        return None
    args = ["check", "doc.md", "--no-config", "--no-builtin-sources"]
    for kind, path in targets.items():
        # jsonl of a document without listed claims is empty, and writing nothing to /dev/full succeeds
        fmt = rng.choice([f for f in FORMATS if not (kind == "full" and f == "jsonl")])
        args += ["--output", f"{fmt}:{path}"]
    cwd = os.getcwd()
    os.chdir(sandbox)
    try:
        code, err = _run(args)
    finally:
        os.chdir(cwd)
        for fd in readers:
            os.close(fd)
    if code not in (0, 1, 2) or "bug in factcheck" in err:
        return f"devices {chosen}: exited {code}: {err.strip()[:300]}"
    for kind, path in targets.items():
        mode = os.lstat(path).st_mode if os.path.lexists(path) else 0
        if kind in ("null", "full") and not stat.S_ISCHR(mode):
            return f"devices {chosen}: {kind} device replaced"
        if kind == "fifo" and not stat.S_ISFIFO(mode):
            return f"devices {chosen}: FIFO replaced"
        if kind == "link" and not stat.S_ISLNK(mode):
            return f"devices {chosen}: the link was replaced instead of written through"
    blocked = {"full", "folder", "missing"} & set(targets)
    if blocked and (code != 2 or ("full" in targets and "no space left" not in err and not {"folder", "missing"} & set(targets))):
        return f"devices {chosen}: exit {code} though an output could not be written: {err.strip()[:300]}"
    if not blocked and code == 2:
        return f"devices {chosen}: exit 2 with every output writable: {err.strip()[:300]}"
    return None


FAMILIES = {"links": links_case, "devices": devices_case}


def run(family: str, n: int) -> tuple[list[tuple[int, str]], float]:
    """Cases 0..n-1 of a family: the failures (case, problem) and the seconds they took."""
    from factcheck.sources import datapackage

    case = FAMILIES[family]
    failures: list[tuple[int, str]] = []
    saved = os.environ.get("FACTCHECK_CACHE_DIR")
    index_bytes = datapackage.INDEX_BYTES
    datapackage.INDEX_BYTES = 0  # every source indexed, so the cache's index folder is written too
    t0 = time.perf_counter()
    try:
        for i in range(n):
            with tempfile.TemporaryDirectory(prefix=f"fuzz-{family}-") as tmp:
                try:
                    problem = case(i, Path(tmp))
                except Exception:  # noqa: BLE001 - an exception is a crash, recorded with its case
                    problem = traceback.format_exc()
                if problem is not None:
                    failures.append((i, problem))
    finally:
        datapackage.INDEX_BYTES = index_bytes
        if saved is None:
            os.environ.pop("FACTCHECK_CACHE_DIR", None)
        else:
            os.environ["FACTCHECK_CACHE_DIR"] = saved
    return failures, time.perf_counter() - t0


def main(argv: list[str]) -> None:
    family = argv[0]
    n = int(argv[1]) if len(argv) > 1 else 1000
    if family not in FAMILIES:
        raise SystemExit(f"unknown family '{family}' (choose from {', '.join(FAMILIES)})")
    failures, elapsed = run(family, n)
    print("| measurement | result |\n|---|---|")
    print(f"| family | {family}: {n:,} cases in {elapsed:.0f} s |")
    print(f"| failures (a write or delete outside, a replaced device, an exception) | {len(failures)} |")
    for i, problem in failures[:5]:
        print(f"\ncase #{i}:\n{problem[-1500:]}")
