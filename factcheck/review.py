"""Interactive review without the terminal: which claims to show, in what order, and recording decisions.

The session loop (keys, screen) lives in :mod:`factcheck.cli.review`; this
module is plain data in and out so it can be tested without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .core.findings import code_for

if TYPE_CHECKING:  # the baseline's pydantic models are built when a decision is recorded, not on import
    from .baseline import BaselineFile

Decision = Literal["accepted", "disputed", "ignored"]  # as factcheck.baseline.Decision

_ORDER = {"contradicted": 0, "not_enough_info": 1, "supported": 2}
KEYS: dict[str, Decision] = {"a": "accepted", "d": "disputed", "i": "ignored"}


@dataclass(frozen=True, slots=True)
class Item:
    path: str
    claim: dict[str, Any]
    sentence: str = ""  # the claim's sentence: the report keeps it once, in the document's sentences


def queue(report: dict[str, Any], everything: bool = False) -> list[Item]:
    """Claims worst verdict first (then in document order); decided ones only when ``everything``."""
    from .report.claimreview import sentence_of

    items = [
        Item(doc["path"], c, sentence_of(doc, c))
        for doc in report["documents"]
        for c in doc["claims"]
        if everything or c["review"] is None
    ]
    return sorted(items, key=lambda item: _ORDER[item.claim["verdict"]])


def decide(data: BaselineFile, file: Path, item: Item, decision: Decision, note: str, today: date) -> BaselineFile:
    """The review file with ``item``'s decision recorded (replacing an earlier one for the same claim)."""
    from .baseline import BaselineFile, Entry, key_path

    where = key_path(item.path, file.parent)
    claim = item.claim
    code = code_for(claim["reason"])  # the verdict's own code, even under a dispute (FC104)
    entry = Entry(path=where, id=claim["id"], code=code, text=claim["text"], reason=note if decision != "disputed" else "",
                  decision=decision, note=note, decided=today)
    kept = [e for e in data.entries if (e.path, e.id) != (where, claim["id"])]
    return BaselineFile(entries=[*kept, entry])

