"""Revisions: a document as it was at a git revision, and what a revision changed.

git is called as a program (``git show REF:./path``), so factcheck needs no git
library; a missing git, a path outside a work tree or an unknown revision is a
clear usage error (exit 2).

Claims are compared by identity (:func:`factcheck.core.claims.claim_key`): an
unchanged claim in an edited or re-wrapped paragraph keeps its id and is not
reported again. For ``factcheck diff``, a removed and an added claim about the
same subject and measure are paired as one *changed* claim (old value to new).
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from .errors import UsageError


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """git's output as text: revisions, names and messages, which git writes in UTF-8 (replaced where not)."""
    done = _git_bytes(args, cwd)
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode("utf-8", "replace"),
                                       done.stderr.decode("utf-8", "replace"))


def _git_bytes(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], check=False, cwd=cwd, capture_output=True, timeout=60)
    except FileNotFoundError:
        raise UsageError("git is not installed; --diff-base and REF:PATH need git") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"git {' '.join(args)} took more than 60 s") from None


def verify_ref(ref: str, cwd: Path) -> None:
    """Refuse a revision git does not know, or a folder outside a work tree."""
    inside = _git(["rev-parse", "--is-inside-work-tree"], cwd)
    if inside.returncode != 0:
        raise UsageError(f"{cwd.resolve()}: not inside a git work tree; revisions need one")
    found = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    if found.returncode != 0:
        raise UsageError(f"'{ref}': unknown git revision")


def read_at(ref: str, path: Path) -> str | None:
    """The text of ``path`` at revision ``ref``; None when the file did not exist there."""
    folder = path.parent if str(path.parent) else Path(".")
    verify_ref(ref, folder)
    shown = _git_bytes(["show", f"{ref}:./{path.name}"], folder)
    if shown.returncode != 0:
        return None
    from .engine import decode_document

    # decoded as the current version is: UTF-16/32 with a BOM read, other non-UTF-8 text named (issue 18)
    return decode_document(shown.stdout, f"{ref}:{path.as_posix()}")


def changed_only(report: dict[str, Any], old_ids: dict[str, set[str]], texts: dict[str, tuple[str | None, str]], base: str) -> None:
    """Keep only claims new or changed since ``base``, and problems whose comment is new since it.

    ``old_ids`` and ``texts`` (old text or None, new text) are keyed by document
    path; a document absent at ``base`` keeps everything.
    """
    unchanged = 0
    for doc in report["documents"]:
        old_text, new_text = texts[doc["path"]]
        if old_text is not None:
            unchanged += changed_in(doc, old_ids[doc["path"]], old_text, new_text)
    report["revision"] = {"base": base, "unchanged": unchanged}


def changed_in(doc: dict[str, Any], old_ids: set[str], old_text: str, new_text: str) -> int:
    """Keep one document's claims and problems new since the old text; the number of claims left out."""
    kept = [c for c in doc["claims"] if c["id"] not in old_ids]
    unchanged = len(doc["claims"]) - len(kept)
    doc["claims"] = kept
    doc["problems"] = [p for p in doc["problems"] if new_text[p["location"]["start"]:p["location"]["end"]] not in old_text]
    return unchanged


def parse_spec(spec: str) -> tuple[str | None, Path]:
    """``REF:PATH`` to (ref, path); a plain path (even one with a colon, if it exists) to (None, path)."""
    if Path(spec).exists() or ":" not in spec:
        return None, Path(spec)
    ref, _, path = spec.partition(":")
    if not ref or not path:
        raise UsageError(f"'{spec}': expected a file or REF:PATH")
    return ref, Path(path)


def pair(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> dict[str, Any]:
    """Claims added, removed and changed between two versions, by identity, then by subject and measure."""
    old_ids = {c["id"] for c in old}
    new_ids = {c["id"] for c in new}
    removed = [c for c in old if c["id"] not in new_ids]
    added = [c for c in new if c["id"] not in old_ids]
    slots: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for c in removed:
        slots.setdefault(_slot(c), []).append(c)
    changed, still_added = [], []
    for c in added:
        candidates = slots.get(_slot(c))
        if candidates:
            before = candidates.pop(0)
            changed.append({"old": before, "new": c})
        else:
            still_added.append(c)
    paired = {id(pair["old"]) for pair in changed}
    return {
        "added": still_added,
        "removed": [c for c in removed if id(c) not in paired],
        "changed": changed,
        "unchanged": len(new) - len(added),
    }


def _slot(claim: dict[str, Any]) -> tuple[str, str]:
    subject = claim["subject"]["id"] if claim["subject"] else ""
    return subject, claim["measure"]
