"""Baseline and review files: known findings by claim id, and reviewers' decisions.

One format serves both. A baseline entry is an accepted finding with a reason
to fill in; ``factcheck review`` writes entries with a decision:

- ``accepted``: the finding is known and does not count (this is what a baseline entry is);
- ``ignored``: not worth checking; the finding does not count either;
- ``disputed``: the reviewer says the claim is wrong; it is reported as FC104
  (an error) with the reviewer's note until the sentence is revised.

Entries match a claim by document path (relative to the file's folder) and
claim id; accepted and ignored ones also by finding code, so a claim whose
verdict later changes (say, a new record contradicts it) is reported again.
Entries that match nothing in the documents checked are *stale* and listed
for pruning.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import __version__
from .errors import UsageError
from .report.atomic import write_atomic
from .report.build import finding_dict
from .report.locations import relative

FORMAT_VERSION = 1
Decision = Literal["accepted", "disputed", "ignored"]


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str = Field(description="the document, relative to this file's folder")
    id: str = Field(description="the claim id")
    code: str | None = Field(description="the finding code accepted; null for a claim without finding")
    text: str = Field(description="the claim, for the reader of this file")
    reason: str = Field("", description="why the finding is accepted: fill it in")
    decision: Decision = "accepted"
    note: str = Field("", description="the reviewer's note (required for a dispute)")
    decided: date | None = None


class BaselineFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int = FORMAT_VERSION
    tool: str = f"factcheck {__version__}"
    entries: list[Entry] = Field(default_factory=list)


def read(path: Path) -> BaselineFile:
    from .engine import not_regular

    problem = not_regular(path)
    if problem:
        raise UsageError(f"{path}: cannot read baseline: {problem}")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"{path}: baseline file not found (create it with --write-baseline {path})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read baseline: {exc}") from exc
    try:
        data = BaselineFile.model_validate_json(text)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "file"
        raise UsageError(f"{path}: not a factcheck baseline ({where}: {first['msg']})") from exc
    if data.version != FORMAT_VERSION:
        raise UsageError(f"{path}: baseline format version {data.version}; this factcheck reads version {FORMAT_VERSION}")
    return data


def write(path: Path, data: BaselineFile) -> None:
    text = json.dumps(data.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    write_atomic(path, text)


def key_path(document: str, folder: Path) -> str:
    return relative(document, folder.resolve()) or Path(document).resolve().as_posix()


def from_report(report: dict[str, Any], path: Path, previous: BaselineFile | None = None) -> BaselineFile:
    """A baseline of the report's current, unsuppressed claim findings; reasons already written are kept."""
    kept = kept_entries(previous)
    return BaselineFile(entries=[e for doc in report["documents"] for e in entries_of(doc, path.parent, kept)])


Kept = dict[tuple[str, str, str | None], Entry]


def kept_entries(previous: BaselineFile | None) -> Kept:
    return {(e.path, e.id, e.code): e for e in previous.entries} if previous else {}


def entries_of(doc: dict[str, Any], folder: Path, kept: Kept) -> list[Entry]:
    """One document's entries for a new baseline (a document at a time, as a streamed run sees them)."""
    where = key_path(doc["path"], folder)
    entries = []
    for c in doc["claims"]:
        f = c["finding"]
        if f is None or (c["suppressed"] and c["suppressed"]["by"] == "inline"):
            continue
        old = kept.get((where, c["id"], f["code"]))
        entries.append(old or Entry(path=where, id=c["id"], code=f["code"], text=c["text"], reason="", note=""))
    return entries


ByClaim = dict[tuple[str, str], list[tuple[int, Entry]]]


def by_claim(data: BaselineFile) -> ByClaim:
    """The file's entries by (path, claim id), each with its position (positions, not objects, cross processes)."""
    found: ByClaim = {}
    for n, e in enumerate(data.entries):
        found.setdefault((e.path, e.id), []).append((n, e))
    return found


def apply(report: dict[str, Any], data: BaselineFile, path: Path) -> None:
    """Mark what the file suppresses or disputes in ``report``, and record its stale entries."""
    entries = by_claim(data)
    used: set[int] = set()
    checked_paths = set()
    suppressed = 0
    for doc in report["documents"]:
        where, found, n = apply_document(doc, entries, path.parent)
        checked_paths.add(where)
        used.update(found)
        suppressed += n
    report["baseline"] = outcome(data, path, used, checked_paths, suppressed)


def apply_document(doc: dict[str, Any], entries: ByClaim, folder: Path) -> tuple[str, list[int], int]:
    """Apply the entries of one document: its key path, the positions of the entries used, the claims suppressed."""
    where = key_path(doc["path"], folder)
    used = []
    suppressed = 0
    for c in doc["claims"]:
        for n, e in entries.get((where, c["id"]), ()):
            if _apply_entry(c, e):
                used.append(n)
        suppressed += c["suppressed"] is not None and c["suppressed"]["by"] != "inline"
    return where, used, suppressed


def outcome(data: BaselineFile, path: Path, used: set[int], checked_paths: set[str], suppressed: int) -> dict[str, Any]:
    """The report's ``baseline``: entries no document used are stale (in the documents checked)."""
    stale = [
        {"path": e.path, "id": e.id, "code": e.code, "text": e.text}
        for n, e in enumerate(data.entries)
        if n not in used and e.path in checked_paths
    ]
    return {"file": path.as_posix(), "suppressed": suppressed, "stale": stale}


def _apply_entry(claim: dict[str, Any], e: Entry) -> bool:
    """Apply one matching entry to its claim; False when it no longer fits (stale)."""
    finding = claim["finding"]
    if e.decision == "disputed":
        claim["review"] = {"decision": "disputed", "note": e.note}
        claim["finding"] = finding_dict("FC104")
        claim["suppressed"] = None
        return True
    current = finding["code"] if finding else None
    if current != e.code:
        return False
    label = "review" if e.decided else "baseline"
    if label == "review":
        claim["review"] = {"decision": e.decision, "note": e.note}
    if finding is not None and claim["suppressed"] is None:
        claim["suppressed"] = {"by": label, "reason": e.reason or e.note or f"{e.decision} in {label}", "line": None}
    return True
