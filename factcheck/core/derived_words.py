"""Which derived figure a sentence states: the words around a figure that make it a change, a growth rate, a
per-capita figure, a share of the world's total or a rank, and those that keep the records from answering it.

The judge's own small reading (issue 17), from the claim's sentence text and offsets only: the claim
stage names a figure's role (core.roles) without saying between which years a change runs, of which
total a share is, or whether a growth rate is real. Every test here errs towards not deciding: a
figure these words do not plainly describe is left as the reading named it.
"""

from __future__ import annotations

import re
from datetime import date

from .annotated import Reading
from .entities import is_country
from .model import Claim

TIMES = "\u00d7"  # the unit of a multiplier ("doubled" is ×2), core.relative
PER_CAPITA_BEFORE = re.compile(r"\b(?:GDP[ \t]+per[ \t]+(?:capita|head|person|inhabitant)|per[ \t-]+capita[ \t]+GDP)\b"
                                r"(?:[ \t]+\([^)]{0,20}\))?(?:[^.;:]{0,40}|[^.;:]{0,20}:[ \t]*)$",
                                re.I)  # (a colon only right before the figure: a key fact's label, "GDP per capita (2019): $1,800")
PER_CAPITA_AFTER = re.compile(r"^[ \t]*(?:per|a)[ \t]+(?:capita|head|person|inhabitant)\b", re.I)
_GDP = re.compile(r"\bGDP\b|\bgross[ \t]+domestic[ \t]+product\b", re.I)
NOT_CURRENT = re.compile(r"\b(?:PPP|purchasing[ \t]+power|international[ \t]+dollars?|Int\$|real|constant|inflation[ \t-]+adjusted|"
                          r"(?:19|20)\d\d[ \t]+(?:US[ \t]+)?(?:dollars|prices|US\$)|adjusted)\b", re.I)
NOMINAL = re.compile(r"\b(?:nominal|in[ \t]+current[ \t]+(?:US[ \t]+)?(?:dollars|prices|US\$)|in[ \t]+(?:US[ \t]+)?dollar[ \t]+terms)\b", re.I)
WORLD_SHARE = re.compile(r"^[ \t]*(?:percent|per[ \t]+cent)?[ \t]*(?:of|in)[ \t]+(?:the[ \t]+)?(?:world'?s|world|global|worldwide|"
                          r"total[ \t]+world|planet'?s)[ \t]+(?:total[ \t]+)?(?P<what>population|inhabitants|people|GDP|gross[ \t]+domestic[ \t]+product|"
                          r"economy|economic[ \t]+output|output)\b", re.I)
_GROUPS = (r"Africa|Europe|Asia|Latin[ \t]+America|South[ \t]+America|North[ \t]+America|the[ \t]+Caribbean|Oceania|the[ \t]+Middle[ \t]+East|"
           r"(?:the[ \t]+)?(?:EU|European[ \t]+Union|euro[ \t]+area|eurozone|OECD|G7|G20)|ASEAN|"
           r"the[ \t]+Arab[ \t]+world|Sub-Saharan[ \t]+Africa|the[ \t]+region|the[ \t]+continent|[A-Z][a-z]+[ \t]+Africa|[A-Z][a-z]+[ \t]+Europe|"
           r"[A-Z][a-z]+[ \t]+Asia|Central[ \t]+America")
GROUP_SHARE = re.compile(rf"^[ \t]*(?:percent|per[ \t]+cent)?[ \t]*of[ \t]+(?:{_GROUPS})(?:'s)?[ \t]+(?:total[ \t]+)?"
                          r"(?:population|inhabitants|people|GDP|economy|output)\b", re.I)
# What a country does with its share, just before the figure: "accounts for 0.9% of the world's population" (not "a market
# controlling 77% of the world's GDP", "or 25% of global output" of diamonds).
HOLDS = re.compile(r"\b(?:accounts?[ \t]+for|accounted[ \t]+for|(?:is|was|are|were)[ \t]+home[ \t]+to|home[ \t]+to|makes?[ \t]+up|"
                    r"made[ \t]+up|represents?|represented|has|had|holds|held|produces|produced|generates|generated|contributes|"
                    r"contributed|constitutes|constituted)[ \t]+(?:about|around|roughly|some|nearly|almost|over|just[ \t]+over|"
                    r"more[ \t]+than|less[ \t]+than|under|approximately|an[ \t]+estimated)?[ \t]*$", re.I)
ANNUAL_AFTER = re.compile(r"^[ \t]*(?:%|percent|per[ \t]+cent)?[ \t,]*(?:(?:a|per|each|every)[ \t]+year|annually|per[ \t]+annum|"
                           r"yearly|a[ \t]+year[ \t]+on[ \t]+average|on[ \t]+average[ \t]+(?:a|per|each)[ \t]+year)\b", re.I)
ANNUAL_BEFORE = re.compile(r"\b(?:annual|annually|yearly|per[ \t]+annum|a[ \t]+year)\b[^.;]{0,40}$", re.I)
_OTHER_BASE = re.compile(r"\b(?:since|compared[ \t]+(?:with|to)|over[ \t]+the[ \t]+(?:past|last|previous)|in[ \t]+the[ \t]+(?:past|last)|"
                         r"decades?|centur(?:y|ies)|from|between|years?[ \t]+(?:ago|earlier|before))\b", re.I)
WORLD_SCOPE = re.compile(r"\b(?:world(?![ \t]+(?:Bank|Health|Trade|War|Cup|Heritage|Economic|Food|Factbook))|worldwide|global|globally|planet|of[ \t]+all[ \t]+countries|among[ \t]+(?:all[ \t]+)?(?:the[ \t]+)?"
                          r"(?:world'?s[ \t]+)?(?:countries|economies|nations))\b", re.I)
GROUP_SCOPE = re.compile(rf"\b(?:in|within|among|of)[ \t]+(?:{_GROUPS})\b|\b(?:African|European|Asian|Latin[ \t]+American|Caribbean|"
                          r"Arab|Middle[ \t]+Eastern|EU|OECD|regional|continental)[ \t]+(?:countries|economies|nations|states|members)\b", re.I)
PART_BEFORE = re.compile(r"\b(?:each|every|both|these|those|(?<!United[ \t])states|provinces|regions|cities|districts|municipalities|counties|"
                          r"departments|prefectures|towns|villages|urban|rural|capital|metropolitan|islands?|ethnic|religious|ages?|aged|children|"
                          r"youth|women|men|adults|elderly|workers|labou?r[ \t]+force|immigrants|migrants|refugees|households)\b", re.I)
# A superlative over countries right after a rank: with no scope of its own ("in Africa", "among EU members") it ranks the
# world's countries ("the 21st most populous country", "the second-largest economy after China").
_OF_COUNTRIES = re.compile(r"(?:[ \t]+|[ \t]*-[ \t]*)(?:(?:most|least)[ \t]+populous[ \t]+(?:country|countries|nation|nations)|"
                           r"(?:largest|biggest|smallest)[ \t]+(?:national[ \t]+)?econom(?:y|ies))\b", re.I)
_SCOPED = re.compile(r"[ \t,]*(?:in|on|among|amongst|within|of|outside)\b(?![ \t]+(?:the[ \t]+world\b|(?:19|20)\d\d\b))", re.I)


def scoped_here(text: str, end: int) -> bool:
    """Whether the superlative right after the rank ending at ``end`` has a scope other than the world ('the 8th most
    populous country in the Balkans' when the sentence names the world for another rank)."""
    m = _OF_COUNTRIES.match(text, end) or _SUPERLATIVE.match(text, end)
    return m is not None and _SCOPED.match(text, m.end()) is not None


_SUPERLATIVE = re.compile(r"(?:[ \t]+|[ \t]*-[ \t]*)(?:most|least|largest|biggest|smallest)(?:[ \t]+populous)?\b", re.I)


def world_by_default(text: str, end: int) -> bool:
    """Whether the rank ending at ``end`` is among the world's countries though the sentence does not say 'world'."""
    m = _OF_COUNTRIES.match(text, end)
    return m is not None and _SCOPED.match(text, m.end()) is None


# A span of time a multiplier runs over that is not its two stated years: "doubled over the past 30 years, ... during 2005-2010".
VAGUE_SPAN = re.compile(r"\b(?:since|over[ \t]+the[ \t]+(?:past|last|previous|next)|in[ \t]+the[ \t]+(?:past|last)|within|ago|earlier)\b",
                        re.I)
# A rank or multiple the sentence does not assert: "to avoid becoming the third most populous", "is expected to double".
NOT_ASSERTED = re.compile(r"\b(?:becom\w*|became|will|would|could|might|may|projected|expected|forecasts?|set[ \t]+to|overtak\w*|"
                          r"surpass\w*|avoid\w*|if|unless|once|until)\b", re.I)
# A rank, a multiple or a comparison the sentence denies, just before it: "is not the most populous", "isn't larger than".
NEGATED = re.compile(r"(?:\b(?:not|never|no[ \t]+longer|nor)|n['\u2019]t)\b[^.;:,]{0,30}$", re.I)


SMALLEST = re.compile(r"\b(?:smallest|least|lowest|poorest|fewest)\b", re.I)


def candidate(claim: Claim) -> bool:
    """Whether the claim could state a derived figure: a cheap test made for every figure a source could compare or not."""
    q = claim.quantity
    if q is None:
        return False
    if q.change is not None or claim.role in ("change", "rank", "comparison") or q.unit == TIMES:
        return True
    text = claim.sentence.text
    if q.currency is not None and q.unit is None:
        return says_per_capita(text)
    return q.unit == "%" and ("world" in text or "global" in text or "planet" in text or _may_name_group(text))


def per_capita_amount(claim: Claim) -> bool:
    """Whether the claim is an amount of money in a sentence that says "per capita" (or per head, person, inhabitant):
    a figure the algebra of derived figures may answer from two measures no source states together."""
    q = claim.quantity
    return q is not None and q.currency is not None and q.unit is None and says_per_capita(claim.sentence.text)


def says_per_capita(text: str) -> bool:
    return "capita" in text or "per head" in text or "per person" in text or "per inhabitant" in text


def gdp_owns(before: str) -> bool:
    """'GDP reached $41,500 per capita', 'GDP was $5.85 billion in 2007, or $91,477 per capita': GDP is what is per capita,
    not healthcare spending or insurance named after a share of GDP."""
    found = list(_GDP.finditer(before))
    return bool(found) and not _OTHER_MONEY.search(before, found[-1].end())


_OTHER_MONEY = re.compile(r"\b(?:spend\w*|spent|expenditure\w*|income|health\w*|education|debt|budget|revenue\w*|tax\w*|insurance|"
                          r"density|cost\w*|wages?|salar\w+|aid|exports?|imports?|investment|of[ \t]+GDP|penetration)\b", re.I)


def _may_name_group(text: str) -> bool:
    return any(w in text for w in ("Africa", "Europe", "Asia", "America", "EU", "OECD", "region", "continent", "Caribbean", "euro",
                                   "G7", "G20", "ASEAN", "Oceania"))


def countries_named(claim: Claim) -> frozenset[str]:
    """The countries the claim's sentence names (not as adjectives), read from what attachment kept; call before read_role."""
    reading = claim.later
    if not isinstance(reading, Reading):
        return frozenset()
    return frozenset(e.entity.id for e in reading[0].entities if not e.demonym and is_country(e.entity))



_UP = re.compile(r"\b(?:increase[sd]?|rise|rises|rose|risen|grow|grows|growth|grew|grown|gain(?:s|ed)?|jump(?:s|ed)?|surge[sd]?|"
                 r"expan(?:d|ds|ded|sion)|added|up)\b", re.I)
_DOWN = re.compile(r"\b(?:decrease[sd]?|decline[sd]?|drop(?:s|ped)?|fall|falls|fell|fallen|loss|lost|shr[ai]nk|shrunk|contract(?:ed|ion)?|"
                   r"reduc(?:ed|tion)|down)\b", re.I)


def direction(cue: str) -> str | None:
    """'increase' or 'decrease' from the words that show a change, when the reading gave the figure no sign."""
    up, down = _UP.search(cue), _DOWN.search(cue)
    if bool(up) == bool(down):
        return None
    return "increase" if up else "decrease"


def two_years(claim: Claim, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The earlier and later year a change is stated between: 'between 2010 and 2015', 'from 2010 to 2015', or 'in 2014' (the year before to it)."""
    p = claim.period
    if p is None or p.end is None or not p.year_known or p.inherited:
        return None
    if p.kind == "range" and p.start is not None and p.start.year < p.end.year and p.start == date(p.start.year, 1, 1) \
            and p.end == date(p.end.year, 12, 31):
        return p.start.year, p.end.year
    if p.kind == "year" and p.start is not None and p.start.year == p.end.year:
        if _OTHER_BASE.search(text):
            return None  # "since 2000", "compared with", "over the past decade": the base is another year than the one before
        return p.end.year - 1, p.end.year
    return None


# The measure a comparison compares, said just before it: "France's population is", "the economy of Italy is", "GDP exceeds"
# (the whole subject's: "the", "its", a possessive before it, never "the Muslim population" or "per capita GDP").
_COMPARED_BEFORE = re.compile(
    r"(?:\b(?:the|its|their|whose|total)|['\u2019]s)[ \t]+(?P<what>population|GDP|economy|gross[ \t]+domestic[ \t]+product)"
    r"(?![ \t]+per\b)(?:[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w\u2019'-]*"
    r"(?:[ \t]+[A-Z][\w\u2019'-]*){0,3})?(?:[ \t]+(?:is|was|are|were|remains|remained|stood|stands|has[ \t]+been|had[ \t]+been)"
    r"(?:[ \t]+(?:now|still|currently|roughly|about|around|nearly|almost|some|approximately|just|only|more[ \t]+than|less[ \t]+than|"
    r"over|under|slightly|much|far))*)?[ \t]*$", re.I)
_COMPARED_WORD = re.compile(r"\b(?:people|inhabitants|residents|population|populous)\b|\b(?P<money>economy|GDP|gross[ \t]+domestic)\b", re.I)
_VERB_FIGURE = re.compile(r"^(?:exceed|outnumber)", re.I)
_HAS_A_POPULATION = re.compile(r"\b(?:has|had|have|with)[ \t]+a[ \t]+(?:total[ \t]+)?(?P<what>population|economy|GDP)[ \t]+$", re.I)
# A comparison said of the subject: after a verb of being or having ("is twice", "has a larger population than", "was
# smaller than"), or the verb itself ("exceeds Spain's").
_PREDICATE = re.compile(r"\b(?:is|was|are|were|be|been|being|has|had|have|having|with|remains|remained|stands|stood|became|becomes)"
                        r"(?:[ \t]+(?:now|still|currently|roughly|about|around|nearly|almost|some|approximately|just|only|slightly|"
                        r"much|far|a|an|population|economy|GDP|more[ \t]+than|less[ \t]+than|over|under))*[ \t]*$", re.I)
WORLDS_BEFORE = re.compile(r"\bworld['\u2019]s[ \t]+$", re.I)


def predicated(text: str, start: int, said: str) -> bool:
    """Whether a comparison is said of the subject: 'France has twice as many people as', 'Spain's GDP is larger than',
    'France's population exceeds', not '44 times the population of Macau visited' nor 'tea exports, higher than Kenya's'."""
    return bool(_VERB_FIGURE.match(said) or _PREDICATE.search(text, max(0, start - 60), start))


def compared_measure(text: str, start: int, said: str, named: str | None = None) -> str | None:
    """'population' or 'gdp': what a comparison between subjects compares, by its own words ('twice as many people as',
    'more populous than', 'a larger economy than') or the measure said just before it ('France's population is larger
    than'); None when neither says it ('France is larger than Spain' may be its area)."""
    if named is not None:
        return named  # the comparison's own words name it: "one tenth of Nigeria's population"
    own = _COMPARED_WORD.search(said)
    if own is not None:
        return "gdp" if own.group("money") else "population"
    has = _HAS_A_POPULATION.search(text, max(0, start - 40), start)
    if has is not None:
        return "population" if has.group("what").lower() == "population" else "gdp"  # "has a population three times larger than"
    before = _COMPARED_BEFORE.search(text, max(0, start - 100), start)
    if before is None:
        return None
    if not _VERB_FIGURE.match(said) and not re.search(r"[ \t](?:is|was|are|were|remains|remained|stood|stands|been)\b", before.group(), re.I):
        return None  # "the population larger than": no verb between the measure and the comparison
    return "population" if before.group("what").lower() == "population" else "gdp"


# What may follow the other subject's name in a comparison: nothing more, or the same measure ("larger than Germany's",
# "half that of Spain in 2018", "than Germany's population"); never another measure ("Sweden's GDP per capita", "Kenya's 22%
# share") nor a sum ("Argentina and Chile combined").
_OTHER_TAIL = re.compile(
    r"(?:['\u2019]s)?(?:[ \t]+(?:total[ \t]+)?(?P<what>population|GDP|economy|gross[ \t]+domestic[ \t]+product|people|inhabitants))?"
    r"(?=[ \t]*(?:$|[,.;:)\u2013\u2014])|[ \t]+(?:in|by|as|and|at|for|during|while|but|which|whereas|although|though|according|"
    r"with|since|on|today|now|then|that|making|despite)\b)", re.I)
_SUMMED = re.compile(r"^[^.;:]{0,40}?\b(?:combined|together|put[ \t]+together|taken[ \t]+together)\b", re.I)


def other_said_plainly(text: str, other_end: int, what: str) -> bool:
    """Whether the other subject's name ends the comparison, or is followed by the same measure only (see _OTHER_TAIL)."""
    m = _OTHER_TAIL.match(text, other_end)
    if m is None or _SUMMED.match(text[other_end:]):
        return False
    said = (m.group("what") or "").lower()
    return not said or ("population" if said in ("population", "people", "inhabitants") else "gdp") == what


# Before a series' extreme: a rate or a change it could be the extreme of, rather than the level ("grew by 0.3%, the highest").
RATE_BEFORE = re.compile(r"%|\b(?:per[ \t]?cent|percent|growth|rate|increases?|decreases?|declines?|per|density|change|inflation)\b"
                         r"|\b(?:grew|grown|rose|risen|increased|decreased|declined|fell|fallen|dropped)[ \t]+by\b", re.I)


_YEAR = re.compile(r"(?<![\d,.])(?:18|19|20)\d\d(?!\d|[,.]\d)")


def stated_year(text: str, besides: int | None) -> int | None:
    """The one year a sentence states besides the window's own ('since 1990'): the year an extreme is said of."""
    years = {int(m.group()) for m in _YEAR.finditer(text)} - ({besides} if besides is not None else set())
    return years.pop() if len(years) == 1 else None


__all__ = ["candidate", "compared_measure", "other_said_plainly", "stated_year", "countries_named", "direction", "gdp_owns", "scoped_here", "two_years", "world_by_default"]
