"""Which countries make up a region or bloc in a year: membership for shares of and ranks within groups (issue 17).

A share of "Africa's population" or a rank "among EU members" needs the group's members, and
membership changes (the EU had 28 members in 2019, 27 from 2020). The lists are data,
``factcheck/data/groups.json``, written from the cited publishers' lists (UN M49 for continents and
regions; the EU, the OECD, the G7, the G20 and ASEAN for blocs), each member of a bloc dated. This
module only answers questions about them, pure and loaded on first use (start-up time matters).

A country is a member in a year when it was one for all but at most a month of it; a year in which a
membership began or ended with more than a month on each side (Croatia joined the EU on 1 July
2013) has no member list: the answer is None, and a share or rank for it is not judged. So is a year
before a list's first or after the last day it is known to hold.

A name can mean more than one list: "Europe" with or without the transcontinental countries, "North
America" with or without Central America. :func:`readings` gives every list a name admits; a judge
decides only where they agree.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "groups.json"
_MONTH = 31  # days: a membership that began or ended within a month of a year's edge does not make the year ambiguous


@dataclass(frozen=True, slots=True)
class Reading:
    """One list a group's name may mean in a year."""

    label: str  # "Europe (UN M49)", "Europe (UN M49) with Turkey, Cyprus, ..."
    members: frozenset[str]
    groups: tuple[str, ...]  # the cited lists it is made of


@dataclass(frozen=True, slots=True)
class Name:
    """A group's name as prose writes it, and the lists it may mean."""

    key: str  # the canonical name: "Europe", "the European Union"
    readings: tuple[tuple[str, ...], ...]  # each: group ids and +CODE / -CODE terms
    why: str | None  # why a name has more than one reading
    shares: bool  # False: a share of this group's total is not judged (members the sources lack weigh too much)
    ranks: tuple[tuple[str, ...], ...] | None = None  # the readings a rank among its countries admits, when fewer (the G20's 19)


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    with DATA_FILE.open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


@lru_cache(maxsize=1)
def _names() -> dict[str, Name]:
    out: dict[str, Name] = {}
    for entry in _data()["names"]:
        ranks = tuple(tuple(r) for r in entry["ranks"]) if "ranks" in entry else None
        name = Name(entry["names"][0], tuple(tuple(r) for r in entry["readings"]), entry.get("why"), entry.get("shares", True), ranks)
        for n in entry["names"]:
            out[_normal(n)] = name
    return out


def _normal(text: str) -> str:
    t = " ".join(text.replace("\u2019", "'").split()).lower()
    t = re.sub(r"'s?$", "", t)
    return t[4:] if t.startswith("the ") else t


def group_ids() -> list[str]:
    """Every cited list's id ("m49:002", "eu", "oecd", ...)."""
    return list(_data()["groups"])


def group(group_id: str) -> dict[str, Any]:
    """A cited list as the data file gives it (name, source, members or parts, note)."""
    found: dict[str, Any] = _data()["groups"][group_id]
    return found


def source(group_id: str) -> dict[str, Any]:
    """The citation of a list: title, publisher, URL, licence, the date it was written from the publisher's page."""
    found: dict[str, Any] = _data()["sources"][group(group_id)["source"]]
    return found


def members(group_id: str, year: int) -> frozenset[str] | None:
    """The ISO 3166 alpha-3 codes of a group's members in ``year``; None if the group is unknown, the year outside the
    list's validity, or a membership changed in the middle of it."""
    if group_id not in _data()["groups"]:
        return None
    return _members(group_id, year)


@lru_cache(maxsize=512)
def _members(group_id: str, year: int) -> frozenset[str] | None:
    g = group(group_id)
    valid_to = date.fromisoformat(source(group_id)["valid_to"])
    if year > valid_to.year or (year == valid_to.year and valid_to < date(year, 12, 31) - timedelta(days=_MONTH)):
        return None  # a year the list is not known to hold for to its end
    if "parts" in g:
        out: set[str] = set()
        for part in g["parts"]:
            found = _members(part, year)
            if found is None:
                return None
            out |= found
        return frozenset(out)
    listed = g["members"]
    if isinstance(listed, list):  # an M49 area: geography, the same every year
        return frozenset(listed) | frozenset(g.get("also", {}))
    start = date.fromisoformat(g["from"])
    if date(year, 12, 31) - start < timedelta(days=365 - _MONTH):
        return None  # the group did not exist for (most of) the year
    kept: set[str] = set()
    for code, spans in listed.items():
        days = sum(_overlap(year, date.fromisoformat(a), date.fromisoformat(b) if b else None) for a, b in spans)
        length = (date(year, 12, 31) - date(year, 1, 1)).days + 1
        if days >= length - _MONTH:
            kept.add(code)
        elif days > _MONTH:
            return None  # joined or left in the middle of the year: neither list is the year's
    return frozenset(kept)


def _overlap(year: int, start: date, end: date | None) -> int:
    a, b = max(start, date(year, 1, 1)), min(end or date(year, 12, 31), date(year, 12, 31))
    return max(0, (b - a).days + 1)


@lru_cache(maxsize=1)
def not_states() -> frozenset[str]:
    """Members that not every list counts as a country (Puerto Rico, Hong Kong, Réunion, Palestine, Kosovo): a rank among a
    group's countries is computed with and without them."""
    return frozenset(_data()["not_states"]["codes"])


def group_of_name(text: str) -> str | None:
    """The canonical name of the group a phrase names ("the EU's" -> "the European Union"), or None."""
    found = _names().get(_normal(text))
    return found.key if found else None


def name(key: str) -> Name | None:
    """A group's name by its canonical form (what :func:`group_of_name` returns)."""
    return _names().get(_normal(key))


def readings(key: str, year: int, rank: bool = False) -> list[Reading] | None:
    """Every list a group's name admits in ``year`` (one for most), or None if any is not known for the year; with ``rank``,
    those a rank among its countries admits."""
    found = _readings(key, year, rank)
    return None if found is None else list(found)


@lru_cache(maxsize=1024)
def _readings(key: str, year: int, rank: bool) -> tuple[Reading, ...] | None:
    n = name(key)
    if n is None:
        return None
    out: list[Reading] = []
    for terms in (n.ranks or n.readings) if rank else n.readings:
        codes: set[str] = set()
        ids: list[str] = []
        plus: list[str] = []
        minus: list[str] = []
        for term in terms:
            if term[0] in "+-":
                (plus if term[0] == "+" else minus).append(term[1:])
                continue
            found = members(term, year)
            if found is None:
                return None
            codes |= found
            ids.append(term)
        codes = (codes | set(plus)) - set(minus)
        out.append(Reading(_label(ids, plus, minus), frozenset(codes), tuple(ids)))
    return tuple(out)


def _label(ids: list[str], plus: list[str], minus: list[str]) -> str:
    names = " and ".join(group(i)["name"] + (" (UN M49)" if i.startswith("m49:") else "") for i in ids)
    if plus:
        names += f" with {', '.join(plus)}"
    if minus:
        names += f" without {', '.join(minus)}"
    return names


@lru_cache(maxsize=1)
def name_pattern() -> str:
    """A regular expression (no groups of its own) matching every name of a group, longest first: acronyms in capitals
    only ("EU", "OECD"), other names in any case ("sub-Saharan Africa")."""
    alternatives = []
    for entry in _data()["names"]:
        for n in entry["names"]:
            core = n[4:] if n.lower().startswith("the ") else n
            body = r"[ \t]+".join(re.escape(w) for w in core.split())
            alternatives.append((len(core), body if core.isupper() or any(c.isdigit() for c in core) else f"(?i:{body})"))
    alternatives.sort(key=lambda a: -a[0])
    return r"(?:(?:[Tt]he[ \t]+)?(?:" + "|".join(a for _, a in dict.fromkeys(alternatives)) + r"))"


__all__ = ["Name", "Reading", "group", "group_ids", "group_of_name", "members", "name", "name_pattern", "not_states", "readings", "source"]
