"""``factcheck diff OLD NEW``: the claims a revision added, removed and changed, with verdicts before and after.

OLD and NEW are files or ``REF:PATH`` (a git revision). The exit policy counts
only what the revision introduced: the added claims and the new side of the
changed ones.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .. import SCHEMA_VERSION, __version__
from ..engine import read_document
from ..errors import UsageError
from ..outcome import exit_code
from ..report.atomic import write_atomic
from ..report.build import summarize
from ..revisions import changed_only, pair, parse_spec, read_at
from .common import add_checking_options, add_policy_options, build, prepare

FORMATS = ("table", "json", "markdown")


def add_parser(sub: argparse._SubParsersAction) -> None:
    diff = sub.add_parser("diff", help="compare the claims of two versions of a document")
    diff.add_argument("old", metavar="OLD", help="the old version: a file, or REF:PATH for a git revision")
    diff.add_argument("new", metavar="NEW", help="the new version: a file, or REF:PATH")
    add_checking_options(diff)
    diff.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    diff.add_argument("--output", type=Path, metavar="FILE", help="write to FILE (atomically) instead of stdout")
    add_policy_options(diff)


def _version(spec: str) -> tuple[str, Path, str]:
    """(label, path, text) of one side."""
    ref, path = parse_spec(spec)
    if ref is None:
        if not path.is_file():
            raise UsageError(f"{path}: no such file (for a git revision write REF:PATH)")
        return path.as_posix(), path, read_document(path)
    text = read_at(ref, path)
    if text is None:
        raise UsageError(f"{spec}: '{path}' does not exist at revision '{ref}'")
    return spec, path, text


def run(args: argparse.Namespace) -> int:
    old_label, old_path, old_text = _version(args.old)
    new_label, new_path, new_text = _version(args.new)
    session = prepare(args)
    old = build(session, [session.check(old_path, old_text, old_label)])
    new = build(session, [session.check(new_path, new_text, new_label)])
    old_claims, new_claims = old["documents"][0]["claims"], new["documents"][0]["claims"]
    paired = pair(old_claims, new_claims)
    diff = _diff(old_label, new_label, paired, old["documents"][0], new["documents"][0])
    text = _render(diff, args.format, args.output)
    if args.output is not None:
        write_atomic(args.output, text)
    elif text:
        sys.stdout.write(text)
    # the policy counts what the revision introduced, and suppression comments it added
    changed_only(new, {new_label: {c["id"] for c in old_claims}}, {new_label: (old_text, new_text)}, old_label)
    new["summary"] = summarize(new)
    return exit_code(new, session.fail_on, args.exit_zero)


def _diff(old: str, new: str, paired: dict[str, Any], old_doc: dict[str, Any], new_doc: dict[str, Any]) -> dict[str, Any]:
    old_claims = paired["removed"] + [p["old"] for p in paired["changed"]]
    new_claims = paired["added"] + [p["new"] for p in paired["changed"]]
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "factcheck", "version": __version__},
        "old": old,
        "new": new,
        "added": paired["added"],
        "removed": paired["removed"],
        "changed": paired["changed"],
        "old_sentences": _sentences(old_doc, old_claims),
        "new_sentences": _sentences(new_doc, new_claims),
        "summary": {k: len(paired[k]) for k in ("added", "removed", "changed")} | {"unchanged": paired["unchanged"]},
    }


def _sentences(doc: dict[str, Any], claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The sentences (each with its index) that the diff's claims of one version point at, in order."""
    wanted = {c["sentence"] for c in claims}
    return [s for s in doc["sentences"] if s["index"] in wanted]


def _render(diff: dict[str, Any], fmt: str, output: Path | None) -> str:
    from ..report import diff_format

    if fmt == "json":
        return diff_format.render_json(diff)
    if fmt == "markdown":
        return diff_format.render_markdown(diff)
    if output is None:
        diff_format.render_table(diff, sys.stdout)
        return ""
    import io

    buffer = io.StringIO()
    diff_format.render_table(diff, buffer, color=False)
    return buffer.getvalue()
