"""The command line: arguments in, reports out, user errors into exit code 2.

    factcheck check [PATH...]   check documents; --output FORMAT[:FILE] (repeatable)
    factcheck diff OLD NEW      claims added, removed and changed between two versions
    factcheck review [PATH...]  step through the claims and record decisions
    factcheck sources ACTION    list, show, pull and verify the reference datasets
    factcheck codes             the catalogue of finding codes
    factcheck reasons           the catalogue of verdict reasons
    factcheck schema            the JSON Schema of the json format

Exit codes: 0 nothing fails the --fail-on policy; 1 something does; 2 usage,
configuration, input or source error (never hidden by --exit-zero).
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys

from .. import __version__
from ..errors import EXIT_BROKEN_PIPE, EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK, FactcheckError, being_read, forget_failure
from . import check, diff, review, sources
from ..report.safe import printable
from .common import Parser as _Parser


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="factcheck", description="Check every figure in a document against public reference data.")
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    check.add_parser(sub)
    diff.add_parser(sub)
    review.add_parser(sub)
    sources.add_parser(sub)
    codes = sub.add_parser("codes", help="list the finding codes (severity, what fails, meaning)")
    codes.add_argument("--markdown", action="store_true", help="as the Markdown table the README shows")
    reasons = sub.add_parser("reasons", help="list the verdict reasons")
    reasons.add_argument("--markdown", action="store_true", help="as the Markdown table the README shows")
    sub.add_parser("schema", help="print the JSON Schema of the json format")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # the command's own usage, not the top level's ("factcheck check --bogus", issue 18, point 8)
        subcommands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        command = subcommands.choices.get(args.command) if args.command else None
        (command or parser).error(f"unrecognized arguments: {' '.join(extra)}")
    forget_failure()
    try:
        if args.command == "check":
            return check.run(args)
        if args.command == "diff":
            return diff.run(args)
        if args.command == "review":
            return review.run(args)
        if args.command == "sources":
            return sources.run(args)
        if args.command == "codes":
            return _codes(args.markdown)
        if args.command == "reasons":
            return _reasons(args.markdown)
        if args.command == "schema":
            from ..models import json_schema

            print(json.dumps(json_schema(), indent=2))
            return EXIT_OK
        _parser().print_help()
        return EXIT_ERROR
    except FactcheckError as exc:
        print(f"factcheck: error: {printable(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # "factcheck check doc.md | head": the reader has all it wanted
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - so the interpreter's flush at exit finds no broken pipe
        except OSError:
            pass
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:  # Ctrl-C: 128 + SIGINT, as shells report it; every file is written atomically, nothing half-written
        print("factcheck: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - anything unforeseen is exit 2 with one line, never a traceback or exit 1
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            # the machine's state, not a bug in factcheck (issue 18, point 8); every output is written atomically
            target = exc.filename or being_read() or "a file"
            print(f"factcheck: error: no space left on the device writing {printable(str(target))}; nothing was replaced", file=sys.stderr)
            return EXIT_ERROR
        where = being_read()
        detail = " ".join(str(exc).split())[:300] or "no message"
        print(printable(f"factcheck: error: {where + ': ' if where else ''}unexpected {type(exc).__name__}: {detail} "
                        f"(a bug in factcheck; set FACTCHECK_DEBUG=1 for the traceback)"), file=sys.stderr)
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        return EXIT_ERROR


def _codes(markdown: bool) -> int:
    from ..core.findings import FINDINGS, markdown_table

    lines = (f"{f.code}  {f.severity:7s}  {f.name:28s} {f.title}" for f in FINDINGS.values())
    return _catalogue(markdown_table() if markdown else "\n".join(lines) + "\n")


def _reasons(markdown: bool) -> int:
    from ..core.reasons import REASONS, markdown_table

    lines = (f"{r.code:22s} {r.verdict:16s} {r.summary}" for r in REASONS.values())
    return _catalogue(markdown_table() if markdown else "\n".join(lines) + "\n")


def _catalogue(text: str) -> int:
    print(text, end="")
    return EXIT_OK
