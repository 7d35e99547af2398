"""Figures stated against another subject, or as an extreme: comparisons and superlatives without an ordinal (issue 17).

Three readings :mod:`factcheck.core.relative` leaves out, each narrow on purpose (precision before reach):

- **Comparisons between subjects**: a ratio or an order between the subject's level and a named other's ("twice as many
  people as Portugal", "ten times the size of Malta's", "one tenth of Nigeria's population", "larger than Germany's",
  "exceeds Spain's by a factor of 3"). Only where a capitalised name follows the comparison: "ten times more likely",
  "twice a year", "three times the national average" are no comparison of subjects. The claims reader keeps the
  mention only when that name is an entity the sources know (the other subject; core.claims).
- **Extremes among countries**: "the most populous country", "the world's largest economy", "the smallest population
  in the world": rank 1 by a measure, the ordinal left unsaid.
- **Extremes of a series**: "its highest level since 1990", "the lowest in 20 years": the subject's own level in the
  stated year is the largest (or smallest) of the window.

Pure text in, spans out; :mod:`quantities` makes them into mentions.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_G = r"[ \t\u00a0]+"
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
                 "hundred": 100, "a hundred": 100, "one hundred": 100}
_FRACTIONS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
              "ninth": 9, "tenth": 10, "twentieth": 20, "hundredth": 100}
_FRACTION_CUES = tuple(_FRACTIONS)


def _fraction_cue(low: str) -> bool:
    """Whether a fraction word may be in the sentence: a chain of substring tests (twice as fast as any() over the
    cues, and every sentence passes here); the rarer "-th" words only where "th" is."""
    return "half" in low or "third" in low or "quarter" in low or ("th" in low and any(w in low for w in _TH_CUES))


_TH_CUES = tuple(w for w in _FRACTION_CUES if w not in ("half", "third", "quarter"))
_N = rf"(?:\d{{1,4}}(?:\.\d{{1,2}})?|{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))})"
_TIMES = rf"(?:(?P<twice>twice)|(?P<n>{_N}){_G}times)"
_FRACTION = rf"(?:(?:(?:one|a){_G}|(?P<fmany>two|three|four){_G})(?P<frac>{'|'.join(_FRACTIONS)})s?|(?P<bare>half))\b"
# A capitalised name right after the comparison: the other subject ("Portugal", "the United Kingdom", "Germany's").
_OTHER = rf"(?P<other>(?:[Tt]he{_G})?(?-i:[A-Z][\w-]*(?:{_G}(?:of{_G}|and{_G}|the{_G})?[A-Z][\w-]*){{0,4}}))"
_MEASURE_WORD = rf"(?P<mw>people|inhabitants|residents|population|populous|economy|GDP|gross{_G}domestic{_G}product)"
_ORDER = (r"(?P<up>larger|bigger|greater|higher|more(?=[ \t\u00a0]+(?:populous|people|inhabitants|residents)\b))"
          r"|(?P<down>smaller|lower|less(?=[ \t\u00a0]+populous)|fewer(?=[ \t\u00a0]+(?:people|inhabitants|residents)\b))")

_AS_MANY = re.compile(
    rf"\b(?:{_TIMES}|(?P<half>half)){_G}as{_G}(?:many|much|large|big|populous)(?:{_G}{_MEASURE_WORD})?{_G}as{_G}"
    rf"(?:(?:that|those){_G}of{_G})?{_OTHER}", re.I)
_TIMES_THE = re.compile(
    rf"\b{_TIMES}{_G}(?:(?P<size>the{_G}size{_G}of|that{_G}of|those{_G}of|the{_G}{_MEASURE_WORD}{_G}of)"
    rf"|(?P<more>(?:larger|bigger|greater|more(?={_G}populous))(?:{_G}(?P<mpop>populous))?(?:{_G}(?P<mm>economy|population))?{_G}than))"
    rf"{_G}(?:(?:that|those){_G}of{_G})?{_OTHER}", re.I)
# "one tenth of Nigeria's population", "half the population of Spain": only after a verb of having or being (a part of
# the subject's own total, "half of Kenya's population is under 18", is no comparison).
_FRACTION_OF = re.compile(
    rf"\b(?:has|had|have|is|was|are|were){_G}(?:(?:about|around|roughly|nearly|almost|only|just|some|approximately){_G})?"
    rf"(?P<fig>{_FRACTION}){_G}(?:of{_G}(?:(?:that|those){_G}of{_G})?|(?:that|those){_G}of{_G}|the{_G}(?:{_MEASURE_WORD}|size){_G}of{_G})"
    rf"{_OTHER}", re.I)
_ORDER_THAN = re.compile(
    rf"\b(?P<fig>{_ORDER})(?:{_G}(?P<opop>populous))?(?:{_G}(?P<om>economy|population|people|inhabitants|residents))?{_G}than{_G}"
    rf"(?:(?:that|those){_G}of{_G})?{_OTHER}", re.I)
_EXCEEDS = re.compile(rf"\b(?P<fig>exceeds|exceeded|outnumbers|outnumbered){_G}(?:(?:that|those){_G}of{_G})?{_OTHER}", re.I)
# After the other's name: the factor of an order ("larger than Spain's by a factor of 3"), or the measure of a fraction
# ("one tenth of Nigeria's population").
_FACTOR_AFTER = re.compile(rf"(?:['\u2019]s)?(?:{_G}(?:population|economy|GDP))?{_G}by{_G}a{_G}factor{_G}of{_G}(?P<n>{_N})\b", re.I)
_MEASURE_AFTER = re.compile(rf"(?:['\u2019]s)?{_G}{_MEASURE_WORD}\b", re.I)


_AMOUNT_BEFORE = re.compile(rf"(?:\d|%|\b(?:percent|cent|thousand|million|billion|trillion|bn|m|times|twice|fold|points?|"
                            rf"{'|'.join(_NUMBER_WORDS)}|one|half|third|quarter|dozen))[ \t\u00a0-]*$", re.I)


class Compared(NamedTuple):
    """A comparison with another subject: the figure's span and value, and where the other subject is named."""

    start: int
    end: int
    value: float
    high: float | None  # "ten times larger than": 10 or 11, as writers mean either
    bound: int  # 0 a ratio; 1 "larger than" (the ratio is above 1); -1 "smaller than" (below 1)
    measure: str | None  # "population" or "gdp" when the comparison's own words name it
    other: tuple[int, int]  # where the other subject's name is written


def _number(raw: str) -> float:
    low = raw.lower()
    return float(_NUMBER_WORDS[low]) if low in _NUMBER_WORDS else float(raw)


def _measure_of(word: str | None) -> str | None:
    if not word:
        return None
    w = word.lower()
    return "population" if w in ("people", "inhabitants", "residents", "population", "populous") else "gdp"


def _fraction(m: re.Match[str]) -> float:
    if m.group("bare"):
        return 0.5
    denominator = _FRACTIONS[m.group("frac").lower()]
    many = m.group("fmany")
    return (_NUMBER_WORDS[many.lower()] if many else 1) / denominator


def _times(m: re.Match[str]) -> float:
    return 2.0 if m.group("twice") else _number(m.group("n"))


def _other_span(m: re.Match[str]) -> tuple[int, int]:
    start, end = m.span("other")
    if m.group("other").lower().startswith("the "):
        start = end - len(m.group("other")[4:].lstrip())
    return start, end


def comparisons(text: str, low: str | None = None) -> list[Compared]:
    """Ratios and orders between the subject and a named other: 'twice as many people as Portugal', 'larger than Spain'."""
    low = text.lower() if low is None else low  # made once a sentence by the figure reader
    than, times, exceed = " than " in low, "times" in low or "twice" in low, "exceed" in low or "outnumber" in low
    as_many, fraction = " as " in low and (times or "half" in low), _fraction_cue(low)
    if not (than or times or exceed or as_many or fraction):
        return []
    out: list[Compared] = []
    for m in _AS_MANY.finditer(text) if as_many else ():
        value = 0.5 if m.group("half") else _times(m)
        out.append(Compared(m.start(), m.start("other"), value, None, 0, _measure_of(m.group("mw")), _other_span(m)))
    for m in _TIMES_THE.finditer(text) if times else ():
        n = _times(m)
        more = m.group("more") is not None  # "ten times larger than": ×10 to most writers, ×11 to a pedant
        word = m.group("mw") or m.group("mpop") or m.group("mm")
        out.append(Compared(m.start(), m.start("other"), n, n + 1 if more else None, 0, _measure_of(word), _other_span(m)))
    for m in _FRACTION_OF.finditer(text) if fraction else ():
        other = _other_span(m)
        after = _MEASURE_AFTER.match(text, other[1])
        word = m.group("mw") or (after.group("mw") if after else None)
        out.append(Compared(m.start("fig"), m.start("other"), _fraction(m), None, 0, _measure_of(word), other))
    for m in _ORDER_THAN.finditer(text) if than else ():
        if _AMOUNT_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            continue  # "7 million fewer inhabitants than", "5% larger than": a difference, not an order
        other = _other_span(m)
        factor = _FACTOR_AFTER.match(text, other[1])
        word = m.group("opop") or m.group("om")
        if factor is not None:  # the figure runs to the factor: "larger than Spain's by a factor of 3"
            n = _number(factor.group("n"))
            out.append(Compared(m.start("fig"), factor.end(), n if m.group("up") else 1 / n, None, 0, _measure_of(word), other))
        else:
            out.append(Compared(m.start("fig"), m.start("other"), 1.0, None, 1 if m.group("up") else -1, _measure_of(word), other))
    for m in _EXCEEDS.finditer(text) if exceed else ():
        other = _other_span(m)
        factor = _FACTOR_AFTER.match(text, other[1])
        n = _number(factor.group("n")) if factor is not None else 1.0
        out.append(Compared(m.start("fig"), factor.end() if factor is not None else m.start("other"), n, None,
                            0 if factor is not None else 1, None, other))
    out.sort(key=lambda c: (c.start, -c.end))
    kept: list[Compared] = []
    for c in out:  # "three times larger than" is one comparison, not also "larger than"
        if not any(k.start <= c.start < k.end or c.start <= k.start < c.end or k.other == c.other for k in kept):
            kept.append(c)
    return [_trim(text, c) for c in kept]


def _trim(text: str, c: Compared) -> Compared:
    """The figure's text ends before the other's name, without trailing spaces or 'that of'."""
    end = c.end
    while end > c.start and text[end - 1] in " \t\u00a0":
        end -= 1
    return c._replace(end=end)


class Extreme(NamedTuple):
    """A superlative without an ordinal: rank 1 among countries, or the extreme of the subject's own series."""

    start: int
    end: int
    measure: str | None  # "population" or "gdp" among countries; None for a series (the sentence names its measure)
    smallest: bool
    said: tuple[int, int] | None = None  # where the measure is named, when not in the superlative ("population is the largest")


_EXTREME = re.compile(
    rf"\b(?:the|world['\u2019]s)(?:{_G}world['\u2019]s)?{_G}(?P<sup>"
    rf"(?P<pop>(?P<p1>most|least){_G}populous|(?P<p2>largest|biggest|smallest|highest|lowest){_G}population)"
    rf"|(?P<gdp>(?P<g1>largest|biggest|smallest){_G}(?:national{_G})?economy))"
    rf"(?P<noun>{_G}(?:country|nation|sovereign{_G}state))?"
    rf"(?=[ \t\u00a0]*(?:[,.;:)\u2013\u2014]|$)|{_G}(?:in|on|of{_G}(?:all|any)|among|amongst|within|by|at|with|and|as|since|for|"
    rf"measured|both|today|now|was|is|after|behind|outside|excluding)\b)", re.I)
# The measure said first: "Germany's population is the largest in the world", "its economy was the smallest" (the whole
# subject's: a possessive, "its", "the" right before it, never "its Muslim population").
_EXTREME_AFTER = re.compile(
    rf"(?:['\u2019]s|\b(?:its|their|the)){_G}(?P<what>population|economy){_G}(?:is|was|remains|remained|became|is{_G}now){_G}the{_G}"
    rf"(?P<sup>largest|biggest|smallest|highest|lowest)\b"
    rf"(?=[ \t\u00a0]*(?:[,.;:)\u2013\u2014]|$)|{_G}(?:in|on|of{_G}(?:all|any)|among|amongst|within|by|at|and|as|since|for|"
    rf"measured|today|now|after|behind|outside|excluding)\b)", re.I)
_ONE_OF = re.compile(r"\b(?:one|some|two|three|several|many|among|amongst|of)[ \t]+$", re.I)
_NOT_FIRST = re.compile(r"[^.;:,]{0,60}?\b(?:after|behind|outside|apart[ \t]+from|except|excluding|other[ \t]+than|bar|besides|"
                        r"second[ \t]+only|next[ \t]+to|trailing)\b", re.I)
_SERIES = re.compile(
    rf"\b(?:its|the|their|a){_G}(?:(?:new|record|all-time){_G})?(?P<sup>(?P<dir>highest|lowest)(?:{_G}(?:level|point|figure|value|total))?"
    rf"{_G}(?:since{_G}(?P<since>(?:18|19|20)\d\d)\b(?![ \t]*[-\u2013/]\d)|in{_G}(?:(?:more{_G}than|over){_G})?"
    rf"(?:(?P<years>\d{{1,3}}|{_N}){_G}years|(?:a|one){_G}(?P<decade>decade)|(?P<decades>two|three|four|five){_G}decades)))\b", re.I)


_SUPERLATIVE_CUE = re.compile(r"largest|biggest|smallest|highest|lowest")


def extremes(text: str, low: str | None = None) -> list[Extreme]:
    """'the most populous country', 'the world's largest economy', 'the smallest population in the world': rank 1."""
    low = text.lower() if low is None else low  # made once a sentence by the figure reader
    if "populous" not in low and not (("econom" in low or "population" in low) and _SUPERLATIVE_CUE.search(low)):
        return []  # every extreme says "populous", or a superlative with "economy" or "population"
    out: list[Extreme] = []
    for m in _EXTREME.finditer(text):
        if _ONE_OF.search(text, max(0, m.start() - 12), m.start()) or _NOT_FIRST.match(text, m.end("sup")):
            continue  # "one of the most populous", "the largest economy after China": not first
        smallest = (m.group("p1") or m.group("p2") or m.group("g1") or "").lower() in ("least", "smallest", "lowest")
        out.append(Extreme(m.start("sup"), m.end("sup"), "population" if m.group("pop") else "gdp", smallest))
    for m in _EXTREME_AFTER.finditer(text):
        if _NOT_FIRST.match(text, m.end("sup")):
            continue
        out.append(Extreme(m.start("sup"), m.end("sup"), "population" if m.group("what").lower() == "population" else "gdp",
                           m.group("sup").lower() in ("smallest", "lowest"), m.span("what")))
    return out


def series_extremes(text: str, low: str | None = None) -> list[Extreme]:
    """'its highest level since 1990', 'the lowest in 20 years': the stated year's level is the extreme of the window."""
    low = text.lower() if low is None else low  # made once a sentence by the figure reader
    if "highest" not in low and "lowest" not in low:
        return []
    return [Extreme(m.start("sup"), m.end("sup"), None, m.group("dir").lower() == "lowest") for m in _SERIES.finditer(text)]


def series_window(said: str) -> tuple[str, int] | None:
    """What a series extreme's own words say of its window: ('since', 1990) or ('years', 20); None if not one of them."""
    m = re.match(rf"(?P<sup>(?P<dir>highest|lowest)(?:{_G}(?:level|point|figure|value|total))?"
                 rf"{_G}(?:since{_G}(?P<since>(?:18|19|20)\d\d)|in{_G}(?:(?:more{_G}than|over){_G})?"
                 rf"(?:(?P<years>\d{{1,3}}|{_N}){_G}years|(?:a|one){_G}(?P<decade>decade)|(?P<decades>two|three|four|five){_G}decades)))$",
                 said, re.I)
    if m is None:
        return None
    if m.group("since"):
        return "since", int(m.group("since"))
    if m.group("years"):
        return "years", int(_number(m.group("years")))
    if m.group("decade"):
        return "years", 10
    return "years", 10 * _NUMBER_WORDS[m.group("decades").lower()]


SUPERLATIVE_TEXT = re.compile(r"^(?:most|least|largest|biggest|smallest|highest|lowest)\b", re.I)


__all__ = ["SUPERLATIVE_TEXT", "Compared", "Extreme", "comparisons", "extremes", "series_extremes", "series_window"]
