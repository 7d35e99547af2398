"""``factcheck check``: documents in, reports out, the exit policy applied."""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from .. import baseline as baseline_mod
from .. import batch
from ..core.findings import SEVERITIES
from ..engine import claims_of, expand_documents
from ..errors import EXIT_CONTRADICTED, EXIT_OK, UsageError
from ..report.safe import printable
from ..outcome import exit_code
from ..report.build import assemble, keep_checkworthy, keep_listed, summarize
from . import outputs
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
    documents = _documents([*args.paths, *(listed or [])], session, listed is not None)
    outputs.refuse_clashes(specs, documents)  # no output onto a document being checked
    parts = _check_all(documents, session, args)
    report = assemble([part for part, _ in parts])
    if not (args.all_findings or args.verbose):
        keep_listed(report)
    # Tens of thousands of report dicts live until exit: move them out of the
    # collector's sight, or every format pays for rescanning them (~2x on 1 MB).
    gc.freeze()
    if args.write_baseline:
        previous = baseline_mod.read(args.write_baseline) if args.write_baseline.exists() else None
        data = baseline_mod.from_report(report, args.write_baseline, previous)
        baseline_mod.write(args.write_baseline, data)
        print(printable(f"factcheck: wrote {len(data.entries)} finding(s) to {args.write_baseline}; fill in each 'reason'"),
              file=sys.stderr)
        return EXIT_OK
    baseline_file = None if args.no_baseline else (args.baseline or session.loaded.baseline_path())
    if baseline_file is not None:
        baseline_mod.apply(report, baseline_mod.read(baseline_file), baseline_file)
        _warn_stale(report)
    keep_checkworthy(report, minimum)
    if args.diff_base:
        _keep_changed(report, session, documents, [text or "" for _, text in parts], args.diff_base)
    report["summary"] = summarize(report)
    outputs.emit(report, specs, session.min_severity, args.verbose, _publication(specs, documents, session, args))
    if report["summary"]["unmatched"] and not any(o.format == "table" and o.file is None for o in specs):
        from ..report.table import unmatched_text

        print(f"factcheck: warning: {unmatched_text(report['summary']['unmatched'])}", file=sys.stderr)  # its paths made printable there
    code = exit_code(report, session.fail_on, args.exit_zero)
    if code == EXIT_CONTRADICTED:
        _say_why_hidden(report, session)
    return code


def _publication(specs: list[outputs.Output], documents: list[Path], session: Run, args: argparse.Namespace) -> outputs.Publication:
    """ClaimReview's url base, each document's front matter and configured author, and the reviewer; read only
    when a claimreview output is asked for."""
    url_base = args.url_base or session.loaded.config.url_base
    if not any(o.format == "claimreview" for o in specs):
        return outputs.Publication(url_base)
    from ..publication import published, reviewer

    documents_published = published(documents, session.loaded, lambda d: session.settings_for(d).doc_date)
    return outputs.Publication(url_base, documents_published, reviewer(session.loaded))


def _say_why_hidden(report: dict, session: Run) -> None:
    """Exit 1 with no finding shown: the failing ones are below --min-severity (issue 18, point 6). Say so."""
    from ..outcome import failing, findings

    shown = {(f.path, f.line, f.column, f.code) for f in findings(report, session.min_severity)}
    hidden = [f for f in failing(report, session.fail_on) if (f.path, f.line, f.column, f.code) not in shown]
    if hidden:
        codes = ", ".join(sorted({f.code for f in hidden}))
        print(f"factcheck: {len(hidden)} finding{'s' if len(hidden) != 1 else ''} ({codes}) fail the run under --fail-on "
              f"{session.fail_on} but {'are' if len(hidden) != 1 else 'is'} below --min-severity {session.min_severity}, "
              "so not shown: lower --min-severity to see them", file=sys.stderr)


def _check_all(documents: list[Path], session: Run, args: argparse.Namespace) -> list[batch.Part]:
    """Every document's part of the report, in order: here, on every core, or on a Dask cluster."""
    jobs = args.jobs if args.jobs is not None else batch.default_jobs()
    if jobs < 1:
        raise UsageError(f"--jobs {jobs}: must be 1 or more")
    dates = {str(d): session.settings_for(d).doc_date for d in documents}
    job = batch.Job(session.tolerance, session.settings, dates, keep_text=bool(args.diff_base))
    paths = [str(d) for d in documents]
    with Bar("checking", len(documents), len(documents) > 1 and wanted(args.progress)) as advance:
        if args.scheduler:
            timeout = args.scheduler_timeout if args.scheduler_timeout is not None else session.loaded.config.scheduler_timeout
            if not 0 < timeout <= 3600:
                raise UsageError(f"--scheduler-timeout {timeout:g}: must be above 0 and at most 3600 seconds")
            client = batch.dask_client(args.scheduler, timeout)
            try:
                return list(batch.on_dask(paths, session.catalogue, job, client, advance))
            finally:
                client.close()
        return list(batch.on_cores(paths, session.catalogue, job, jobs, advance))


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


def _keep_changed(report: dict, session: Run, documents: list[Path], texts: list[str], base: str) -> None:
    from ..revisions import changed_only, read_at

    old_ids: dict[str, set[str]] = {}
    pairs: dict[str, tuple[str | None, str]] = {}
    for doc, new_text in zip(documents, texts):
        old = read_at(base, doc)
        label = doc.as_posix()
        pairs[label] = (old, new_text)
        if old is not None:
            old_ids[label] = {c.id for c in claims_of(old, label, session.settings_for(doc).doc_date, session.catalogue.lexicon)}
    changed_only(report, old_ids, pairs, base)


def _warn_stale(report: dict) -> None:
    stale = report["baseline"]["stale"]
    if stale:
        print(printable(f"factcheck: {len(stale)} baseline entr{'y' if len(stale) == 1 else 'ies'} no longer found "
                        f"in {report['baseline']['file']}; prune them:"), file=sys.stderr)
        for e in stale[:20]:  # each entry one line, whatever its path or text holds
            print(printable(f"  {e['path']} {e['id']} {e['code'] or '-'} {e['text']}"), file=sys.stderr)

