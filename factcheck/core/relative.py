"""Figures stated relative to others: a rank among countries by a measure, and a multiplier over time.

Two readings the figure reader (:mod:`factcheck.core.quantities`) left out on purpose, since most
ordinals and "times" are not figures (issue 17):

- **Ranks**: an ordinal is a figure only when a superlative naming a measure follows it ("the 21st
  most populous country", "the world's 27th-largest economy", "ranked 41st by population", "the
  second most populous country"). Every other ordinal ("the 21st century", "2nd edition", "the
  second largest city") stays context: no measure, no claim.
- **Multipliers**: a verb or a "-fold" that states a ratio between two levels ("doubled", "nearly
  tripled", "halved", "grew four-fold", "a 2.5-fold increase", "grew by a factor of 3"). The figure is the ratio later /
  earlier; its tolerance is :data:`MULTIPLIER_PRECISION` of the ratio either way, widened further by
  "about"/"nearly" and made a bound by "more than". A whole multiple said in words ("doubled", "tripled",
  "grew four-fold") is rounder: :data:`WORD_MULTIPLE_PRECISION` (writers say "doubled" of ×2.3, not of ×1.6).

Pure text in, spans out; :mod:`quantities` makes them into mentions.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .lazy import lazy

MULTIPLIER_PRECISION = 0.1  # "2.5-fold" is ×2.5 within ±10%; "halved" ×0.5 within ±10% (0.45 to 0.55)
WORD_MULTIPLE_PRECISION = 0.15  # "doubled" is ×2 within ±15% (1.7 to 2.3), "tripled" 2.55 to 3.45

_ORDINAL_WORDS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth "
    "sixteenth seventeenth eighteenth nineteenth twentieth".split())}
_GAP = r"[ \t\u00a0]+"
# What follows an ordinal to make it a rank by a measure; the group names the measure's word.
_RANKED = lazy(
    rf"(?:{_GAP}|[ \t]*-[ \t]*)(?:"
    rf"(?:most|least){_GAP}populous\b(?P<pop>)"
    rf"|(?:largest|biggest|smallest){_GAP}(?:national{_GAP})?econom(?:y|ies)\b(?P<gdp>)"
    rf"|(?:(?:largest|biggest|smallest|most{_GAP}populous){_GAP}(?:country{_GAP}|nation{_GAP}|economy{_GAP})?|in{_GAP}the{_GAP}world{_GAP})?"
    rf"(?:by|in{_GAP}terms{_GAP}of){_GAP}(?:(?P<by_pop>population)|(?:nominal{_GAP})?(?P<by_gdp>GDP|gross{_GAP}domestic{_GAP}product)\b(?![ \t]*(?:per\b|\(?PPP|at[ \t]+(?:PPP|purchasing)|\(?purchasing)))"
    r")",
    re.I,
)
_DIGIT_ORDINAL = lazy(r"(?<![\w.,])([1-9]\d{0,2})(?:st|nd|rd|th)\b")
_WORD_ORDINAL = lazy(rf"\b(?:{'|'.join(_ORDINAL_WORDS)})\b", re.I)


class Found(NamedTuple):
    """A relative figure: its span in the sentence, its value, and what it is relative to."""

    start: int
    end: int  # the figure's own text: the ordinal, or the multiplier's words
    value: float
    measure: str | None  # ranks: the measure's word ("population", "gdp"); multipliers: None


def ranked_measure(text: str, end: int) -> tuple[str, int] | None:
    """The measure the superlative right after an ordinal names ('population', 'gdp') and where the superlative ends;
    None when no superlative of a measure follows (no rank by a measure)."""
    m = _RANKED.match(text, end)
    if m is None:
        return None
    return ("population" if m.group("pop") is not None or m.group("by_pop") else "gdp"), m.end()


def ranks(text: str) -> list[Found]:
    """Ordinals followed by a superlative of a measure: 'the 21st most populous', 'the second-largest economy'."""
    if "populous" not in text and "econom" not in text and "by " not in text and "terms of" not in text:
        return []
    out: list[Found] = []
    for m in _DIGIT_ORDINAL.finditer(text):
        what = ranked_measure(text, m.end())
        if what is not None:
            out.append(Found(m.start(), m.end(), float(m.group(1)), what[0]))
    for m in _WORD_ORDINAL.finditer(text):
        what = ranked_measure(text, m.end())
        if what is not None:
            out.append(Found(m.start(), m.end(), float(_ORDINAL_WORDS[m.group().lower()]), what[0]))
    return out


_VERB_MULTIPLES = {"doubled": 2.0, "doubling": 2.0, "tripled": 3.0, "trebled": 3.0, "tripling": 3.0, "quadrupled": 4.0,
                   "quadrupling": 4.0, "halved": 0.5, "halving": 0.5}
_FOLD_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twenty": 20}
_MULTIPLE = lazy(
    r"\b(?P<verb>doubled|trebled|tripled|quadrupled|halved)\b"
    rf"|\b(?P<n>\d{{1,3}}(?:\.\d{{1,2}})?|{'|'.join(_FOLD_WORDS)})[ \t]*-?[ \t]*fold\b",
    re.I,
)
# The words that make a multiplier a change of the subject's level: a verb of change before an "N-fold", or "increase" after it.
_FOLD_CHANGE = lazy(rf"(?:\b(?:rose|risen|grew|grown|increased|expanded|multiplied|jumped|climbed|surged|soared|fell|"
                          rf"fallen|declined|decreased|dropped|shrank|shrunk)(?:{_GAP}by)?{_GAP}(?:(?:about|around|roughly|nearly|almost|"
                          rf"more{_GAP}than|over|some|an?){_GAP})?$)", re.I)
_FOLD_NOUN = lazy(rf"{_GAP}(?:increase|rise|growth|expansion|jump|decrease|decline|drop|fall|reduction)\b", re.I)
_FOLD_DOWN = lazy(r"\b(?:fell|fallen|declined|decreased|dropped|shrank|shrunk)\b|^[ \t]*(?:decrease|decline|drop|fall|reduction)", re.I)


# A change stated as a factor: "grew by a factor of 3", "fell by a factor of two" (not "larger than Spain's by a factor of 3",
# a comparison between subjects: core.comparative).
_FACTOR = re.compile(rf"\b(?P<verb>rose|risen|grew|grown|increased|expanded|multiplied|jumped|climbed|surged|soared|fell|fallen|"
                     rf"declined|decreased|dropped|shrank|shrunk){_GAP}(?P<fig>by{_GAP}a{_GAP}factor{_GAP}of{_GAP}"
                     rf"(?P<n>\d{{1,3}}(?:\.\d{{1,2}})?|{'|'.join(_FOLD_WORDS)}))\b", re.I)


def multipliers(text: str, low: str | None = None) -> list[Found]:
    """'doubled', 'nearly tripled', 'halved', 'grew four-fold', 'a 2.5-fold increase', 'grew by a factor of 3': the ratio
    later / earlier."""
    low = text.lower() if low is None else low
    if not ("fold" in low or "doubl" in low or "tripl" in low or "halv" in low or "factor" in low or "trebl" in low
            or "quadrupl" in low):  # a chain, not any() over a generator: every sentence passes here
        return []
    out: list[Found] = []
    for m in _FACTOR.finditer(text) if "factor" in low else ():
        raw = m.group("n").lower()
        n = float(_FOLD_WORDS[raw]) if raw in _FOLD_WORDS else float(raw)
        if n > 1:
            down = _FOLD_DOWN.search(m.group("verb")) is not None
            out.append(Found(m.start("fig"), m.end("fig"), 1 / n if down else n, None))
    for m in _MULTIPLE.finditer(text):
        if m.group("verb"):
            out.append(Found(m.start(), m.end(), _VERB_MULTIPLES[m.group("verb").lower()], None))
            continue
        raw = m.group("n").lower()
        n = float(_FOLD_WORDS[raw]) if raw in _FOLD_WORDS else float(raw)
        before = text[max(0, m.start() - 40):m.start()]
        after = text[m.end():m.end() + 20]
        changed = _FOLD_CHANGE.search(before)
        noun = _FOLD_NOUN.match(after)
        if n <= 1 or not (changed or noun):
            continue  # "a two-fold aim", "a threefold risk": a multiplier of nothing the sources measure
        down = bool(_FOLD_DOWN.search(changed.group() if changed else "") or _FOLD_DOWN.search(after[:noun.end()] if noun else ""))
        out.append(Found(m.start(), m.end(), 1 / n if down else n, None))
    return out


__all__ = ["MULTIPLIER_PRECISION", "WORD_MULTIPLE_PRECISION", "Found", "multipliers", "ranked_measure", "ranks"]
