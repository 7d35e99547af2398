"""``factcheck check``: documents in, reports out, the exit policy applied."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import SCHEMA_VERSION, __version__
from .. import batch
from ..core.findings import SEVERITIES
from ..engine import expand_documents
from ..errors import EXIT_CONTRADICTED, EXIT_OK, UsageError
from ..parts import Plan, Rendered
from ..report.safe import printable
from ..report.table import use_color
from . import outputs, sinks
from .common import Run, add_checking_options, add_policy_options, prepare
from .progress import Bar, wanted


def add_parser(sub: argparse._SubParsersAction) -> None:
    check = sub.add_parser("check", help="check documents' figures and report verdicts")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                       help="Markdown or text files, or folders of them (default: the configured include patterns)")
    check.add_argument("--files-from", metavar="FILE",
                       help="also check the files listed in FILE ('-' for stdin): NUL-separated (git diff -z) or one a line; "
                            "an empty list checks nothing and exits 0")
    add_checking_options(check)
    check.add_argument("--output", action="append", default=[], metavar="FORMAT[:FILE]",
                       help=f"a format and where to write it (repeatable; stdout without FILE): {', '.join(outputs.FORMATS)}")
    check.add_argument("--format", choices=outputs.FORMATS, help="shorthand for one --output FORMAT (default: table)")
    check.add_argument("--url-base", metavar="URL",
                       help="where the documents are published: ClaimReview's url is URL/PATH#claim-ID (config url-base)")
    check.add_argument("-v", "--verbose", action="store_true",
                       help="the table with every column: what was claimed, the reference, the whole explanation and its record; "
                            "implies --all-findings")
    check.add_argument("--all-findings", action="store_true",
                       help="also list the figures no source covers and those not compared (rates, parts, ranks, changes, "
                            "vague periods); by default they are only counted in the summary")
    add_policy_options(check)
    check.add_argument("--min-severity", choices=SEVERITIES, metavar="LEVEL",
                       help="the least severe finding concise, sarif and github show: note (default), warning, error")
    check.add_argument("--min-checkworthiness", type=float, metavar="0-1",
                       help="report only claims in sentences at least this check-worthy (default 0: every claim)")
    check.add_argument("--diff-base", metavar="REF", help="report only claims new or changed since git revision REF")
    check.add_argument("--baseline", type=Path, metavar="FILE", help="a baseline or review file: its findings do not fail")
    check.add_argument("--no-baseline", action="store_true", help="ignore the configured baseline")
    check.add_argument("-j", "--jobs", type=int, metavar="N",
                       help="check documents in N processes (default: every core; 1 checks them here, one by one)")
    check.add_argument("--scheduler", metavar="ADDRESS|local[:N]",
                       help="check documents on a Dask cluster (tcp://host:8786) or a local one of N workers; "
                            "needs pip install 'factcheck-figures[dask]'")
    check.add_argument("--scheduler-timeout", type=float, metavar="SECONDS",
                       help="how long to wait for the scheduler to accept the connection and answer (default 30; "
                            "config scheduler-timeout)")
    check.add_argument("--write-baseline", type=Path, metavar="FILE",
                       help="record the current findings in FILE (reasons already written are kept) and exit 0")


def run(args: argparse.Namespace) -> int:
    specs = outputs.parse(args.output, args.format)
    listed = files_from(args.files_from) if args.files_from is not None else None
    if args.scheduler:
        batch.scheduler_address(args.scheduler)  # a bad address fails before any source is loaded
    session = prepare(args)
    minimum = args.min_checkworthiness if args.min_checkworthiness is not None else session.loaded.config.min_checkworthiness
    if not 0 <= minimum <= 1:
        raise UsageError(f"--min-checkworthiness {minimum}: must be between 0 and 1")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs {args.jobs}: must be 1 or more")
    documents = _documents([*args.paths, *(listed or [])], session, listed is not None)
    outputs.refuse_clashes(specs, documents)  # no output onto a document being checked
    baseline_file = None if args.no_baseline or args.write_baseline else (args.baseline or session.loaded.baseline_path())
    if baseline_file is not None or args.write_baseline:
        from .. import baseline as baseline_mod  # its pydantic models: built only for a run that reads or writes one
    data = baseline_mod.read(baseline_file) if baseline_file is not None else None
    meta = {"schema_version": SCHEMA_VERSION, "tool": {"name": "factcheck", "version": __version__}}
    if args.write_baseline:
        plan = _plan(args, session, (), minimum, data, baseline_file)
        entries = [e for r in _check_all(documents, session, args, plan) for e in r.entries]
        written = baseline_mod.BaselineFile(entries=entries)
        baseline_mod.write(args.write_baseline, written)
        print(printable(f"factcheck: wrote {len(written.entries)} finding(s) to {args.write_baseline}; fill in each 'reason'"),
              file=sys.stderr)
        return EXIT_OK
    publication = _publication(specs, documents, session, args)
    root = outputs._root() if any(o.format in ("sarif", "github") for o in specs) else Path(".")
    color = use_color(sys.stdout)
    out, formats = sinks.open_run(specs, meta, args.verbose, color, root)
    try:
        plan = _plan(args, session, formats, minimum, data, baseline_file, root=root, color=color, publication=publication)
        for rendered in _check_all(documents, session, args, plan):
            out.add(rendered)
        summary = out.totals.summary()
        baseline = (baseline_mod.outcome(data, baseline_file, out.baseline_used, out.baseline_paths, out.baseline_suppressed)
                    if data is not None and baseline_file is not None else None)
        revision = {"base": args.diff_base, "unchanged": out.unchanged} if args.diff_base else None
        out.end(sinks.End(summary, meta, revision, baseline))
    except BaseException:
        out.discard()
        raise
    if baseline is not None:
        _warn_stale(baseline)
    if summary["unmatched"] and not any(o.format == "table" and o.file is None for o in specs):
        from ..report.table import unmatched_text

        print(f"factcheck: warning: {unmatched_text(summary['unmatched'])}", file=sys.stderr)  # its paths made printable there
    if args.exit_zero or not out.failing:
        return EXIT_OK
    _say_why_hidden(out.hidden, session)
    return EXIT_CONTRADICTED


def _plan(args: argparse.Namespace, session: Run, formats: tuple[str, ...], minimum: float, data: Any, baseline_file: Path | None,
          root: Path = Path("."), color: bool = False, publication: outputs.Publication | None = None) -> Plan:
    """The run's settings a worker needs to finish each document as this process would."""
    from ..report.claimreview import published

    kept = {}
    if args.write_baseline and args.write_baseline.exists():
        from .. import baseline as baseline_mod

        kept = baseline_mod.kept_entries(baseline_mod.read(args.write_baseline))
    return Plan(
        formats=formats, minimum=session.min_severity, policy=session.fail_on, all_findings=bool(args.all_findings or args.verbose),
        min_checkworthiness=minimum, root=str(root), url_base=args.url_base or session.loaded.config.url_base,
        documents=dict(publication.documents) if publication else {}, reviewer=publication.reviewer if publication else None,
        published=published() if "claimreview" in formats else "", line_color=color, schema_version=SCHEMA_VERSION,
        baseline=data, baseline_file=None if baseline_file is None else str(baseline_file),
        write_baseline=None if not args.write_baseline else str(args.write_baseline), kept=kept, diff_base=args.diff_base,
    )


def _publication(specs: list[outputs.Output], documents: list[Path], session: Run, args: argparse.Namespace) -> outputs.Publication:
    """ClaimReview's url base, each document's front matter and configured author, and the reviewer; read only
    when a claimreview output is asked for."""
    url_base = args.url_base or session.loaded.config.url_base
    if not any(o.format == "claimreview" for o in specs):
        return outputs.Publication(url_base)
    from ..publication import published, reviewer

    from ..report.claimreview import page

    documents_published = published(documents, session.loaded, lambda d: session.settings_for(d).doc_date)
    for d in documents:  # a document without a published page is refused before any is checked
        page(d.as_posix(), url_base, documents_published.get(d.as_posix()))
    return outputs.Publication(url_base, documents_published, reviewer(session.loaded))


def _say_why_hidden(hidden: dict[str, int], session: Run) -> None:
    """Exit 1 with no finding shown: the failing ones are below --min-severity (issue 18, point 6). Say so."""
    n = sum(hidden.values())
    if n:
        codes = ", ".join(sorted(hidden))
        print(f"factcheck: {n} finding{'s' if n != 1 else ''} ({codes}) fail the run under --fail-on "
              f"{session.fail_on} but {'are' if n != 1 else 'is'} below --min-severity {session.min_severity}, "
              "so not shown: lower --min-severity to see them", file=sys.stderr)


def _check_all(documents: list[Path], session: Run, args: argparse.Namespace, plan: Plan) -> Iterator[Rendered]:
    """Every document finished (filtered, counted, rendered), in order: here, on every core, or on a Dask cluster."""
    jobs = args.jobs if args.jobs is not None else batch.default_jobs()
    dates = {str(d): session.settings_for(d).doc_date for d in documents}
    job = batch.Job(session.tolerance, session.settings, dates, keep_text=bool(args.diff_base), plan=plan)
    paths = [str(d) for d in documents]
    with Bar("checking", len(documents), len(documents) > 1 and wanted(args.progress)) as advance:
        if args.scheduler:
            timeout = args.scheduler_timeout if args.scheduler_timeout is not None else session.loaded.config.scheduler_timeout
            if not 0 < timeout <= 3600:
                raise UsageError(f"--scheduler-timeout {timeout:g}: must be above 0 and at most 3600 seconds")
            client = batch.dask_client(args.scheduler, timeout)
            try:
                yield from batch.on_dask(paths, session.catalogue, job, client, advance, timeout)
            finally:
                client.close()
            return
        yield from batch.on_cores(paths, session.catalogue, job, jobs, advance)


FILE_LIST_LIMIT = 16 * 1024 * 1024  # a list of files is a few kilobytes; /dev/zero is not one


def files_from(name: str) -> list[Path]:
    """The paths a file (or stdin) lists: NUL-separated when it holds a NUL (``git diff --name-only -z``, safe for
    any file name), else one a line. Read whole (bounded), so a bad list fails before any source is loaded."""
    try:
        if name == "-":
            raw = sys.stdin.buffer.read(FILE_LIST_LIMIT + 1)
        else:
            with open(name, "rb") as fh:
                raw = fh.read(FILE_LIST_LIMIT + 1)
    except OSError as exc:
        raise UsageError(f"--files-from {name}: cannot read the list of files: {exc.strerror or exc}") from exc
    if len(raw) > FILE_LIST_LIMIT:
        raise UsageError(f"--files-from {name}: more than {FILE_LIST_LIMIT // (1024 * 1024)} MB; not a list of files")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"--files-from {name}: not UTF-8 (invalid byte at offset {exc.start})") from exc
    entries = text.split("\0") if "\0" in text else text.splitlines()
    return [Path(e) for e in entries if e.strip()]


def _documents(paths: list[Path], session: Run, listed: bool = False) -> list[Path]:
    loaded = session.loaded
    if not paths and listed:
        print("factcheck: --files-from lists no files; nothing to check", file=sys.stderr)
        return []
    if not paths:
        if not loaded.config.include:
            raise UsageError("no PATH given and no 'include' patterns configured ([tool.factcheck] or factcheck.toml)")
        found = loaded.included()
        if not found:
            raise UsageError(f"{loaded.file}: the 'include' patterns match no documents")
        return found
    documents = expand_documents(paths)
    excluded = [loaded.excluded(d) for d in documents] if loaded.config.exclude else [False] * len(documents)
    named = set(paths)  # sets, not lists: a folder of 10,000 documents was quadratic here
    for d, out in zip(documents, excluded):
        if out and d in named:
            print(f"factcheck: {printable(str(d))}: excluded by the configuration; not checked", file=sys.stderr)
    return [d for d, out in zip(documents, excluded) if not out]


def _warn_stale(baseline: dict[str, Any]) -> None:
    stale = baseline["stale"]
    if stale:
        print(printable(f"factcheck: {len(stale)} baseline entr{'y' if len(stale) == 1 else 'ies'} no longer found "
                        f"in {baseline['file']}; prune them:"), file=sys.stderr)
        for e in stale[:20]:  # each entry one line, whatever its path or text holds
            print(printable(f"  {e['path']} {e['id']} {e['code'] or '-'} {e['text']}"), file=sys.stderr)

