"""``factcheck sources list | show ID | pull [ID...] | verify``: the configured reference datasets."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from .. import config as config_mod
from ..errors import EXIT_ERROR, EXIT_OK, UsageError
from ..report.safe import printable
from ..sources.base import SourceError
from .common import Parser, add_download_option, download_limit
from .progress import Bar, wanted


def add_parser(sub: argparse._SubParsersAction) -> None:
    sources = sub.add_parser("sources", help="list, show, pull and verify the reference datasets")
    actions = sources.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=Parser)
    for name, text in (("list", "id, kind (built-in, local or a connector), licence, snapshot date, rows"),
                       ("show", "one source in detail: descriptor, provenance, measures"),
                       ("pull", "fetch connector sources and write their snapshots (atomically)"),
                       ("verify", "re-hash every snapshot and check every descriptor; exit 2 on any mismatch")):
        action = actions.add_parser(name, help=text)
        if name == "show":
            action.add_argument("id", metavar="ID")
        if name == "pull":
            action.add_argument("ids", nargs="*", metavar="ID", help="sources to pull (default: every connector source)")
            add_download_option(action)
        action.add_argument("--cache-dir", type=Path, metavar="DIR",
                            help="HTTP cache and source indexes (default: $FACTCHECK_CACHE_DIR, else the platform's cache directory)")
        action.add_argument("--sources", action="append", type=Path, default=[], metavar="PATH",
                            help="a source folder or datapackage.json (repeatable; adds to the configured sources)")
        action.add_argument("--offline", action="store_true", help="never touch the network")
        action.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                            help="progress bars on stderr (default: when it is a terminal and CI is not set)")
        action.add_argument("--no-config", action="store_true", help="ignore factcheck.toml and [tool.factcheck]")
        action.add_argument("--no-builtin-sources", action="store_true", help="leave out the sources built into factcheck")


def run(args: argparse.Namespace) -> int:
    found = _descriptors(args)
    named = {name: d for name, (d, _) in found.items()}
    if not named:
        raise UsageError("no reference sources configured: add 'sources' to the configuration or pass --sources PATH")
    if args.action == "list":
        return _list([d for d, _ in found.values()], {d for d, builtin in found.values() if builtin})
    if args.action == "show":
        return _show(_chosen(named, [args.id])[0], args)
    if args.action == "pull":
        return _pull(_chosen(named, args.ids) if args.ids else list(named.values()), args)
    return _verify(list(named.values()), args)


def _descriptors(args: argparse.Namespace) -> dict[str, tuple[Path, bool]]:
    """The sources' descriptors (and whether each is built in) by source id, chosen exactly as ``check`` chooses them."""
    from ..connectors.snapshot import read_descriptor
    from ..data import builtin_sources
    from ..sources.datapackage import select_descriptors

    loaded = config_mod.defaults(Path.cwd()) if args.no_config else config_mod.find(Path.cwd())
    paths = loaded.configured_sources() + list(args.sources)
    builtin = builtin_sources() if loaded.config.builtin_sources and not args.no_builtin_sources else None
    return {_id(d, read_descriptor(d)): (d, is_builtin) for d, is_builtin in select_descriptors(paths, builtin)}


def _id(descriptor: Path, package: dict[str, Any]) -> str:
    return str(package.get("name") or descriptor.parent.name)


def _chosen(named: dict[str, Path], ids: list[str]) -> list[Path]:
    missing = [i for i in ids if i not in named]
    if missing:
        raise UsageError(f"no source {', '.join(missing)} among the configured sources ({', '.join(named) or 'none'})")
    return [named[i] for i in ids]


def _list(descriptors: list[Path], builtin: set[Path]) -> int:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ..connectors.snapshot import read_descriptor

    from rich import box

    # one line a source: the title gives way to the width (whole in `sources show ID`), never the id or the licence
    rows: list[tuple[str, ...]] = []
    for d in descriptors:
        package = read_descriptor(d)
        raw_block = package.get("factcheck")
        block: dict[str, Any] = raw_block if isinstance(raw_block, dict) else {}
        retrieved = _retrieved(package)
        stale = bool(block.get("max_age_days") and retrieved and (datetime.now(UTC).date() - retrieved).days > block["max_age_days"])
        licences = package.get("licenses") or [{}]
        licence = licences[0].get("name", "") if isinstance(licences[0], dict) else str(licences[0])
        kind = "built-in" if d in builtin else (block.get("connector") or "local")
        age = f"{(datetime.now(UTC).date() - retrieved).days} d" if retrieved else "—"
        rows.append((_id(d, package), kind, str(package.get("title") or "—"), licence or "—",
                     str(retrieved or ("not pulled" if block.get("connector") else "—")) + (" stale" if stale else ""), age,
                     _rows(d, package)))
    import os
    import sys as _sys

    # piped, the whole title (no terminal width to fit, unless COLUMNS says one): issue 18, point 8
    wide = not _sys.stdout.isatty() and not os.environ.get("COLUMNS")
    console = Console(highlight=False, width=240 if wide else None)
    columns = ("id", "kind", "title", "licence", "snapshot", "age", "rows")
    widths = [max([len(column)] + [len(r[n]) for r in rows]) for n, column in enumerate(columns)]
    title_room = max(8, console.width - (sum(widths) - widths[2]) - 2 * len(columns))  # what the other columns and gaps leave
    table = Table(title="Reference sources", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1, 0, 0))
    for n, column in enumerate(columns):
        table.add_column(column, justify="right" if column in ("rows", "age") else "left", no_wrap=True,
                         min_width=None if column == "title" else widths[n],
                         max_width=title_room if column == "title" else None, overflow="ellipsis")
    for cells in rows:
        table.add_row(*(Text(printable(c)) for c in cells))
    console.print(table)
    return EXIT_OK


def _retrieved(package: dict[str, Any]) -> date | None:
    for key in ("retrieved", "created", "last_updated"):
        value = package.get(key)
        if isinstance(value, str) and len(value) >= 10:
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def _rows(descriptor: Path, package: dict[str, Any]) -> str:
    block = package.get("factcheck")
    snapshot = block.get("snapshot") if isinstance(block, dict) else None
    if isinstance(snapshot, dict) and isinstance(snapshot.get("rows"), int):
        return f"{snapshot['rows']:,}"
    from ..sources.datapackage import resource_file

    total = 0
    for r in package.get("resources") or []:
        path = resource_file(descriptor, r)  # never a file outside the source folder
        if path is None:
            continue
        with open(path, "rb") as fh:
            total += max(0, sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b"")) - 1)
    return f"{total:,}" if total else "—"


def _line(text: str = "") -> None:
    """One line of ``sources show``: titles, URLs and labels come from the descriptor, so a newline or an
    escape sequence in them stays inside the line, made visible."""
    sys.stdout.write(printable(text) + "\n")


def _show(descriptor: Path, args: argparse.Namespace) -> int:
    from ..cachedir import cache_dir
    from ..connectors.snapshot import connector_source, read_descriptor
    from ..sources.datapackage import NotPulled, load

    package = read_descriptor(descriptor)
    _line(f"id:        {_id(descriptor, package)}")
    _line(f"descriptor: {descriptor}")
    _line(f"title:     {package.get('title', '')}")
    source = connector_source(descriptor)
    if source is not None:
        _line(f"connector: {source.block.connector}: {source.connector.describe()}")
        _line(f"params:    {json.dumps(source.block.params)}")
        _line(f"answers:   {', '.join(source.connector.measures())}"
              + (f" (labels: {', '.join(source.block.aliases) if isinstance(source.block.aliases, list) else source.block.aliases})"
                 if source.block.aliases else ""))
        snapshot = source.block.snapshot or {}
        for key in ("retrieved", "upstream_version", "last_modified", "rows"):
            if snapshot.get(key) is not None:
                _line(f"{key + ':':10s} {snapshot[key]}")
        for url in snapshot.get("requests") or []:
            _line(f"request:   {url}")
    for licence in package.get("licenses") or []:
        _line(f"licence:   {licence.get('name') if isinstance(licence, dict) else licence}")
    for r in package.get("resources") or []:
        if isinstance(r, dict):
            _line(f"resource:  {r.get('path')} ({r.get('bytes', '?')} bytes, {r.get('hash', 'no hash')})")
    try:
        loaded = load(descriptor, cache_dir(args.cache_dir) / "index")
    except NotPulled as exc:
        _line(f"snapshot:  none yet ({exc.problem})")
        return EXIT_OK
    for m in loaded.measures():
        _line(f"measure:   {m.id}: {', '.join(m.labels)}")
    return EXIT_OK


def _pull(descriptors: list[Path], args: argparse.Namespace) -> int:
    from ..cachedir import cache_dir
    from ..connectors.http import HttpClient
    from ..connectors.snapshot import connector_source, pull

    if args.offline:
        raise UsageError("sources pull fetches from the network, which --offline forbids")
    sources = [s for s in (connector_source(d) for d in descriptors) if s is not None]
    if not sources:
        raise UsageError("no connector sources to pull (local Data Packages have no connector)")
    loaded = config_mod.defaults(Path.cwd()) if args.no_config else config_mod.find(Path.cwd())
    client = HttpClient(cache=cache_dir(args.cache_dir) / "http", max_bytes=download_limit(args, loaded))
    failed = 0
    with Bar("pulling", len(sources), wanted(args.progress)) as advance:
        for source in sources:
            had_snapshot = bool(source.package.get("resources"))
            try:
                package = pull(source, client)
            except SourceError as exc:
                failed += 1
                kept = "previous snapshot kept" if had_snapshot else "no snapshot written (it has none yet)"
                print(printable(f"factcheck: error: {source.name}: pull failed, {kept}: {exc}"), file=sys.stderr)
                for note in client.notes:
                    print(f"factcheck: warning: {printable(note)}", file=sys.stderr)
            else:
                for note in client.notes:
                    print(f"factcheck: warning: {printable(note)}", file=sys.stderr)
                snap = package["factcheck"]["snapshot"]
                print(printable(f"{source.name}: {snap['rows']:,} rows from {len(snap['requests'])} request(s), "
                                f"upstream version {snap['upstream_version'] or 'unknown'}"), file=sys.stderr)
            client.notes.clear()
            advance(1)
    return EXIT_ERROR if failed else EXIT_OK


def _verify(descriptors: list[Path], args: argparse.Namespace) -> int:
    """Every source, its index in the cache, and the cache's HTTP responses: each checked against its recorded hash."""
    from ..cachedir import cache_dir
    from ..connectors.http import cache_problems
    from ..sources.verify import verify

    cache = cache_dir(args.cache_dir)
    problems = 0
    for d in descriptors:
        found = verify(d, cache / "index")
        for problem in found:
            print(f"factcheck: error: {printable(problem)}", file=sys.stderr)
        problems += len(found)
        if not found:
            print(f"ok: {printable(str(d))}")
    for problem in cache_problems(cache / "http"):
        print(f"factcheck: error: {printable(problem)}", file=sys.stderr)
        problems += 1
    return EXIT_ERROR if problems else EXIT_OK
