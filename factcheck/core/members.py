"""Checkable statements without a figure: enumerations of named places or bodies, and statements of participation.

"The WHO-China Joint Mission on Covid-19 made site visits to Beijing, Chengdu,
Guangzhou, Shenzhen, and Wuhan" holds five checkable statements: one per named
item, each checked against a reference *set* (the places the mission visited).
"It has also participated in the WHO's ACT Accelerator initiative" is a
statement of participation: check-worthy, and reported even when no source
records such events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = r"(?:[A-Z][\w'’.-]*(?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\w'’.-]*){0,3})"
# three or more capitalised names: "A, B, C, and D" / "A, B and C"
_LIST = re.compile(rf"(?P<items>{_NAME}(?:\s*,\s*{_NAME}){{1,}}\s*,?\s+and\s+{_NAME})")
# what leads into the list: a verb phrase ending in a preposition, e.g. "made site visits to", "visited"
_LEAD = re.compile(
    r"(?P<lead>\b(?:[a-z][\w-]*\s+){0,4}?(?:to|in|at|including|such as|visited|visiting|toured|covering|across|among))\s+$"
)
_EVENT = re.compile(
    r"\b(?P<verb>participated in|took part in|joined|signed|ratified|hosted|attended|launched|co-sponsored|"
    r"co-hosted|initiated|withdrew from|was elected to|won)\s+(?P<object>[^,;.]{3,120})"
)
_NOT_NAMES = frozenset("The A An And But In On At To Of For With By From It This That These Those".split())


@dataclass(frozen=True, slots=True)
class MemberList:
    relation: str  # the phrase leading into the list: "made site visits to"
    verb: str | None
    items: tuple[tuple[int, int, str], ...]  # (start, end, name) in the sentence


@dataclass(frozen=True, slots=True)
class Statement:
    verb: str
    object: str
    start: int
    end: int


def find_member_lists(text: str) -> list[MemberList]:
    """Enumerations of three or more named items introduced by a relation ("visited", "made visits to")."""
    out = []
    for m in _LIST.finditer(text):
        lead = _LEAD.search(text[: m.start()])
        if lead is None:
            continue
        items = []
        for part in re.finditer(_NAME, m.group("items")):
            name = part.group().strip().rstrip(".")
            if name in _NOT_NAMES or any(ch.isdigit() for ch in name):
                continue
            items.append((m.start() + part.start(), m.start() + part.start() + len(name), name))
        if len(items) < 3:
            continue
        relation = lead.group("lead").strip()
        words = relation.split()
        verb = next((w for w in words if w.endswith("ed") or w in ("made", "paid", "went", "toured")), None)
        out.append(MemberList(relation, verb, tuple(items)))
    return out


def find_statements(text: str) -> list[Statement]:
    """Statements of participation or event: "participated in X", "signed X", "hosted X".

    Only of something named ("signed the Paris Agreement", "joined the WHO", "won Iowa"): in real speech
    "won the big one", "signed that bill" and "joined those who did" say nothing a record could hold
    (read on the CLEF debate transcripts, where every such event was a note). A question asks, it does
    not state ("Who signed the treaty?").
    """
    if text.rstrip(" \t\"'”’)").endswith("?"):
        return []
    out = []
    for m in _EVENT.finditer(text):
        raw = re.split(r"\s+(?:aiming|which|that|to help|in order|so as|as part)\b", m.group("object"))[0].rstrip(" ,")
        obj = raw.strip(" \"'“”")
        if _NAMED.search(obj):
            out.append(Statement(m.group("verb"), obj, m.start(), m.start("object") + len(raw)))
    return out


# A name in the object: a capitalised word of two letters or more ("Iowa", "WHO", "McCain"), not "I".
_NAMED = re.compile(r"(?<![\w'’])[A-Z][\w'’.-]*[\w]")
