"""The command line: arguments in, report out, user errors into exit code 2.

    factcheck check PATH... [--sources PATH]... [--doc-date YYYY-MM-DD]
                            [--format table|json|markdown] [--output FILE]
    factcheck schema        the JSON Schema of the json format
    factcheck reasons       the catalogue of verdict reasons

Exit codes: 0 no claim contradicted; 1 at least one contradicted; 2 usage,
configuration, input or source error.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from . import __version__
from .errors import EXIT_CONTRADICTED, EXIT_ERROR, EXIT_OK, FactcheckError, UsageError

FORMATS = ("table", "json", "markdown")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"factcheck: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date in the form YYYY-MM-DD") from None


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="factcheck", description="Check every figure in a document against public reference data.")
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    check = sub.add_parser("check", help="check documents' figures and report verdicts")
    check.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="Markdown or text files, or folders of them")
    check.add_argument("--sources", action="append", type=Path, default=[], metavar="PATH",
                       help="a folder of Data Package folders, or one datapackage.json (repeatable; adds to the configured sources)")
    check.add_argument("--doc-date", type=_date, metavar="YYYY-MM-DD", help="the documents' date, for dates without a year")
    check.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    check.add_argument("--output", type=Path, metavar="FILE", help="write the report to FILE (atomically) instead of stdout")
    check.add_argument("--tolerance", type=float, metavar="FRACTION", help="relative width of 'approximately' (default 0.05)")
    check.add_argument("--min-score", type=float, metavar="0-100", help="minimum measure match score to decide (default 80)")
    check.add_argument("--no-config", action="store_true", help="ignore factcheck.toml and [tool.factcheck]")
    sub.add_parser("schema", help="print the JSON Schema of the json format")
    reasons = sub.add_parser("reasons", help="list the verdict reasons")
    reasons.add_argument("--markdown", action="store_true", help="as the Markdown table the README shows")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "schema":
            from .models import json_schema

            print(json.dumps(json_schema(), indent=2))
            return EXIT_OK
        if args.command == "reasons":
            from .core.reasons import REASONS, markdown_table

            if args.markdown:
                print(markdown_table(), end="")
                return EXIT_OK
            for r in REASONS.values():
                print(f"{r.code:22s} {r.verdict:16s} {r.summary}")
            return EXIT_OK
        _parser().print_help()
        return EXIT_ERROR
    except FactcheckError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return EXIT_ERROR


def _check(args: argparse.Namespace) -> int:
    from . import config as config_mod
    from .core.matching import Settings
    from .engine import check_paths, expand_documents, load_sources

    loaded = config_mod.LoadedConfig(config=config_mod.Config.model_validate({}), root=Path.cwd(), file=None) if args.no_config else config_mod.find(Path.cwd())
    cfg = loaded.config
    tolerance = args.tolerance if args.tolerance is not None else cfg.tolerance
    min_score = args.min_score if args.min_score is not None else cfg.min_match_score
    if not 0 <= tolerance <= 1:
        raise UsageError(f"--tolerance {tolerance}: must be between 0 and 1")
    if not 0 <= min_score <= 100:
        raise UsageError(f"--min-score {min_score}: must be between 0 and 100")
    documents = expand_documents(args.paths)
    configured = [p for p in loaded.source_paths() if p.exists() or loaded.file is not None]
    catalogue = load_sources(configured + list(args.sources))
    if not catalogue.sources:
        print("factcheck: warning: no reference sources configured; every claim will lack evidence", file=sys.stderr)
    dates = {doc: args.doc_date or loaded.document_date(doc) for doc in documents}
    results = check_paths(documents, catalogue, Settings(min_score, tolerance, args.doc_date), dates)
    from .models import build_report

    report = build_report(results, tolerance)
    _emit(report, args.format, args.output)
    return EXIT_CONTRADICTED if report["summary"]["contradicted"] else EXIT_OK


def _emit(report: dict, fmt: str, output: Path | None) -> None:
    if fmt == "table":
        from .report import table

        if output is None:
            table.render(report, sys.stdout)
            return
        import io

        buffer = io.StringIO()
        table.render(report, buffer, color=False, width=160)
        text = buffer.getvalue()
    elif fmt == "json":
        from .report.json_format import render

        text = render(report)
    else:
        from .report.markdown import render as render_md

        text = render_md(report)
    if output is None:
        sys.stdout.write(text)
    else:
        from .report.atomic import write_atomic

        write_atomic(output, text)
