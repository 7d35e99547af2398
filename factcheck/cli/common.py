"""What ``check``, ``diff`` and ``review`` share: configuration, settings, sources and the report."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .. import config as config_mod
from ..core.findings import POLICIES, Policy, Severity
from ..core.matching import Settings
from ..engine import Catalogue, Checked, check_text, load_sources, read_document
from ..errors import EXIT_ERROR, UsageError, reading
from ..report.safe import printable


class Parser(argparse.ArgumentParser):
    """argparse with factcheck's exit code for usage errors (2) and its message prefix."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"factcheck: error: {printable(message)}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date in the form YYYY-MM-DD") from None


def add_checking_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sources", action="append", type=Path, default=[], metavar="PATH",
                        help="a folder of Data Package folders, or one datapackage.json (repeatable; adds to the configured sources)")
    parser.add_argument("--doc-date", type=parse_date, metavar="YYYY-MM-DD", help="the documents' date, for dates without a year")
    parser.add_argument("--tolerance", type=float, metavar="FRACTION", help="relative width of 'approximately' (default 0.05)")
    parser.add_argument("--spread", type=float, metavar="FRACTION",
                        help="a record that misses a figure by less than this (relative) is 'close_to_record', not a contradiction: "
                             "official sources differ by about this much (default 0.01; 0: every miss contradicts)")
    parser.add_argument("--vintage-years", type=int, metavar="N",
                        help="a figure without a year that fits a record up to N years older than the latest is 'other_vintage', "
                             "not contradicted (default 5)")
    parser.add_argument("--min-score", type=float, metavar="0-100", help="minimum measure match score to decide (default 80)")
    parser.add_argument("--no-config", action="store_true", help="ignore factcheck.toml and [tool.factcheck]")
    parser.add_argument("--no-builtin-sources", action="store_true",
                        help="leave out the sources built into factcheck (World Bank population and GDP, the curated figures)")
    network = parser.add_mutually_exclusive_group()
    network.add_argument("--live", action="store_true",
                         help="first pull connector sources that have no snapshot or an old one (the default never touches the network)")
    network.add_argument("--offline", action="store_true", help="never touch the network (the default for check)")
    parser.add_argument("--cache-dir", type=Path, metavar="DIR",
                        help="HTTP cache and source indexes (default: $FACTCHECK_CACHE_DIR, else the platform's cache directory)")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="progress bars on stderr (default: when it is a terminal and CI is not set)")
    add_download_option(parser)


def add_download_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--max-download-mb", type=float, metavar="MB",
                        help="refuse a pulled response larger than this, unpacked (default 256; config max-download-mb)")


def download_limit(args: argparse.Namespace, loaded: config_mod.LoadedConfig) -> int:
    """The largest response a pull accepts, in bytes: the option, else the configuration, else 256 MB."""
    mb = getattr(args, "max_download_mb", None)
    mb = mb if mb is not None else loaded.config.max_download_mb
    if not 0 < mb <= 1024 * 1024:
        raise UsageError(f"--max-download-mb {mb:g}: must be above 0 (and at most a terabyte)")
    return int(mb * 1024 * 1024)


def add_policy_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fail-on", choices=POLICIES, metavar="LEVEL",
                        help="exit 1 on contradicted claims (default), on unverifiable ones too, or on any finding")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even with failing findings (never hides exit 2)")


@dataclass
class Run:
    """A configured run: settings, the sources' catalogue and each document's date."""

    loaded: config_mod.LoadedConfig
    settings: Settings
    catalogue: Catalogue
    tolerance: float
    doc_date: date | None

    @property
    def fail_on(self) -> Policy:
        return self.loaded.config.fail_on

    @property
    def min_severity(self) -> Severity:
        return self.loaded.config.min_severity

    def settings_for(self, document: Path) -> Settings:
        when = self.doc_date or self.loaded.document_date(document)
        return self.settings.on(when)

    def check(self, document: Path, text: str | None = None, label: str | None = None) -> Checked:
        """One document (its text read here unless given) with its verdicts."""
        with reading(document):
            body = read_document(document) if text is None else text
            return check_text(body, label or document.as_posix(), self.catalogue, self.settings_for(document))


def prepare(args: argparse.Namespace) -> Run:
    loaded = config_mod.defaults(Path.cwd()) if args.no_config else config_mod.find(Path.cwd())
    cfg = loaded.config
    tolerance = args.tolerance if args.tolerance is not None else cfg.tolerance
    min_score = args.min_score if args.min_score is not None else cfg.min_match_score
    if not 0 <= tolerance <= 1:
        raise UsageError(f"--tolerance {tolerance}: must be between 0 and 1")
    if not 0 <= min_score <= 100:
        raise UsageError(f"--min-score {min_score}: must be between 0 and 100")
    spread = args.spread if getattr(args, "spread", None) is not None else cfg.spread
    if not 0 <= spread <= 1:
        raise UsageError(f"--spread {spread}: must be between 0 and 1")
    vintage = args.vintage_years if getattr(args, "vintage_years", None) is not None else cfg.vintage_years
    if not 0 <= vintage <= 100:
        raise UsageError(f"--vintage-years {vintage}: must be between 0 and 100")
    if getattr(args, "fail_on", None):
        cfg.fail_on = args.fail_on
    if getattr(args, "min_severity", None):
        cfg.min_severity = args.min_severity
    configured = loaded.configured_sources()
    _refuse_empty(args.sources)
    paths = configured + list(args.sources)
    limit = download_limit(args, loaded)
    if args.live:
        _pull_stale(paths, args, limit)
    catalogue = _load(paths, args, cfg.builtin_sources and not getattr(args, "no_builtin_sources", False))
    for warning in catalogue.warnings:
        print(f"factcheck: warning: {printable(warning)}", file=sys.stderr)
    if not catalogue.sources:
        print("factcheck: warning: no reference sources configured; every claim will lack evidence", file=sys.stderr)
    return Run(loaded, Settings(min_score, tolerance, args.doc_date, vintage, spread), catalogue, tolerance, args.doc_date)


def _refuse_empty(paths: list[Path]) -> None:
    """A --sources PATH holding no Data Package is a mistake to say, not an empty catalogue to check against."""
    from ..sources.datapackage import find_descriptors

    for path in paths:
        if not find_descriptors(path):
            raise UsageError(f"--sources {path}: no datapackage.json in it or in the folders directly below it")


def _load(paths: list[Path], args: argparse.Namespace, builtin: bool = True) -> Catalogue:
    """The catalogue, with a progress bar for each index a large source needs built first."""
    from contextlib import ExitStack

    from ..cachedir import cache_dir
    from .progress import Bar, wanted

    show = wanted(args.progress)
    with ExitStack() as stack:
        def building(name: str) -> Callable[[int], None]:
            return stack.enter_context(Bar(f"indexing {name}", None, show))

        return load_sources(paths, cache_dir(args.cache_dir) / "index", building, builtin=builtin)


def _pull_stale(paths: list[Path], args: argparse.Namespace, limit: int) -> None:
    """--live: pull the connector sources among ``paths`` that have no snapshot or an out-of-date one."""
    from datetime import UTC, datetime

    from ..cachedir import cache_dir
    from ..connectors.http import HttpClient
    from ..connectors.snapshot import connector_source, pull
    from ..sources.datapackage import find_descriptors

    client = HttpClient(cache=cache_dir(args.cache_dir) / "http", max_bytes=limit)
    for path in paths:
        for descriptor in find_descriptors(path):
            source = connector_source(descriptor)
            if source is None:
                continue
            snapshot = source.block.snapshot or {}
            retrieved = str(snapshot.get("retrieved") or "")[:10]
            limit = source.block.max_age_days
            if retrieved and (limit is None or (datetime.now(UTC).date() - date.fromisoformat(retrieved)).days <= limit):
                continue
            pull(source, client)
            for note in client.notes:
                print(f"factcheck: warning: {printable(note)}", file=sys.stderr)
            client.notes.clear()
            print(printable(f"factcheck: pulled {source.name} ({source.connector.describe()})"), file=sys.stderr)


def build(run: Run, results: list[Checked]) -> dict[str, Any]:
    from ..report.build import build_report

    return build_report(results, run.tolerance)
