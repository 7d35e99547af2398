"""How a figure stands in its sentence: its role, and whether its reading is certain enough to contradict.

Read on demand: attachment keeps a :class:`~factcheck.core.annotated.Reading` on every claim, and
the judge calls :func:`read_role` only for a figure some source could compare (most figures match no
measure, and these readers cost a third of the claim stage when run on all). The cues of a sentence
and its tense are made once, on its :class:`~factcheck.core.annotated.Annotated`, for all its figures.
"""

from __future__ import annotations

import re

from . import attach
from .annotated import Reading
from .entities import is_country
from .lazy import lazy
from .model import Claim
from .roles import role_of, sentence_cues


def read_role(claim: Claim) -> Claim:
    """Fill in the claim's role and weak cues (once): the judge asks only for figures a source could compare."""
    reading = claim.later
    if not isinstance(reading, Reading):
        return claim
    here, start, end, quantity, label = reading[:5]
    if here.cues is None:  # once a sentence, for all its figures
        here.cues = sentence_cues(here.text)
        here.names = tuple((e.start, e.end) for e in here.entities)
    role = role_of(here.text, start, end, quantity, label.label.lower() if label is not None else None,
                   label.end if label is not None and label.end <= start else None, here.names, here.cues)
    claim.role, claim.role_cue = (role.name, role.cue) if role else (None, None)
    claim.weak = _weak_cues(reading, here.cues)
    claim.later = None
    return claim


def _weak_cues(reading: Reading, cues: frozenset[str]) -> tuple[str, ...]:
    """What a figure's reading rests on that is too weak to contradict it (issue 16: precision before reach).

    Strong: a measure label the sentence names for the figure; a subject said of the measure
    ("population of X", "X's population"), owning the figure, or the only country the sentence
    names; a period stated in the sentence, or none with the present tense ("has a population of").
    """
    here, start, end, _, label, noun, said, subject, period = reading
    noun = noun.lower()
    text = here.text
    out: list[str] = []
    if label is None and (not noun or set(noun.split()) <= attach.UNIT_NOUNS):
        # "29 medical expert teams" names what it counts; "1,436 residents" could be anyone's
        out.append("the measure was matched by similarity, not named")
    if subject is not None:
        if said is None:
            # the document's own subject ("# Kenya", "Demographics of Kenya") in a sentence naming nothing else is certain
            if not (subject == here.title and here.unknown is None and all(e.entity.id.startswith("org:") for e in here.entities)):
                out.append(f"'{subject.name}' is carried from an earlier sentence, not named in this one")
        else:
            countries = {e.entity.id for e in here.entities if not e.demonym and is_country(e.entity)}
            structural = attach.said_or_owned(text, here.entities, label, said, start)
            if not structural and (len(countries | {subject.id}) > 1):
                out.append(f"'{subject.name}' is only the nearest of {len(countries | {subject.id})} names in the sentence")
            elif said.demonym and not attach.names_measure(text, said, label):
                out.append(f"'{subject.name}' is read from an adjective ('{text[said.start:said.end]}')")
    if period is None or period.inherited:
        if here.tense is None:
            here.tense = _tense(text, cues)
        past, present, vague = here.tense
    else:
        past = present = vague = False
    if period is None:
        if past and not present:
            out.append("the sentence is in the past tense and names no year")
        elif "ago" in cues and _AGO.search(text):
            out.append("the sentence speaks of a time before it was written ('years ago') and names no year")
        elif "census" in cues and CENSUS.search(text):
            # "The fourth census established that the population is 10.5 million": a count of a census held some years
            # before the page (a real page's 2012 count had been compared with the record of the page's own year)
            out.append("the figure is a census count, and the sentence names no year for the census")
    elif period.inherited:
        out.append(f"the period '{period.text}' is carried from an earlier sentence")
    elif "(" in text and _cited_only(text, period.text):
        out.append(f"the year {period.text} is a citation's (when a source was published), not plainly the figure's")
    elif ", " in text and _dated_outside_apposition(text, start, end, here.entities, period.text):
        out.append(f"the figure describes a name in passing (an apposition); '{period.text}' dates the sentence around it")
    if "have" in cues and _LATER.search(text, max(0, start - 40), start) or "since" in cues and _LATER.search(text, max(0, start - 40), start):
        out.append("the figure is what the subject came to later, at a time the sentence does not give")
    if not cues.isdisjoint(_COMPARED_CUES) and _COMPARED.search(text, max(0, start - 60), start):
        out.append("the figure is one the sentence compares the subject's with, not its own")
    elif "compared" in cues and _COMPARED_WITH.search(text, max(0, start - 30), start) \
            and (period is None or period.inherited or period.text not in text[end:end + 40]):
        # "down 12.8% as compared with 513.5 million in 28 Member States on 1 January 2019": another level, dated only if the
        # date follows it ("compared to 28.7 million in 1999" keeps its year)
        out.append("the figure is the one the sentence compares with, at a time it does not plainly give")
    if here.quantities and reading.quantity.currency is not None and not cues.isdisjoint(_PART_YEAR_CUES) and _PART_YEAR.search(text):
        out.append("the amount is for part of a year (a quarter, a half, some months), not a year's")  # "for the nine-month period"
    if here.ppp and reading.quantity.currency is not None and not _NOMINAL.search(text):
        # "... ranked by GDP per capita at purchasing power parity. In 2007, GDP per capita in Ireland was $40,805."
        out.append("the paragraph speaks of purchasing power parity before this amount, which may be at parity too")
    if "|" in text and _TABLE_CELL.search(text, 0, start) and _TABLE_CELL_AFTER.match(text, end):
        out.append("the figure is read from a table cell, whose row and column headings say what it is")
    if (period is None or period.inherited) and vague:
        out.append("vague period")  # a figure with a year of its own is dated by it, whatever else the sentence recalls
    return tuple(out)


_LATER = lazy(r"\b(?:to[ \t]+have|(?:has|have|had)[ \t]+since)[ \t]+(?:increased|grown|risen|fallen|decreased|declined|dropped|"
                    r"climbed|reached|doubled|shrunk)[ \t]+(?:to[ \t]+)?(?:about[ \t]+|around[ \t]+|some[ \t]+|nearly[ \t]+)?$", re.I)
_COMPARED = lazy(r"\b(?:below|above|than|exceed\w*|short[ \t]+of|under|compared[ \t]+(?:with|to)|versus|vs\.?|against)[ \t]+"
                      r"(?:the[ \t]+)?(?:[\w'\u2019-]+[ \t]+){0,3}(?:estimates?|projections?|forecasts?|expectations?|figures?|numbers?|"
                      r"predictions?|targets?)[ \t]+(?:of[ \t]+)?(?:more[ \t]+than[ \t]+|over[ \t]+|about[ \t]+|some[ \t]+)?$", re.I)
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
# An amount for part of a year: "the first quarter", "the first half of 2023", "the nine-month period", "from January to
# September", "year to date", "Q3"; compared with a year's record it is always short (a web page's Jan-Sep GDP of Japan).
_PART_YEAR = lazy(rf"\b(?:(?:first|second|third|fourth|last|final)[ \t]+(?:quarter|half)|(?:one|two|three|four|five|six|seven|eight|nine|"
                  rf"ten|eleven|\d{{1,2}})[ \t-]+months?|quarterly|year[ \t-]+to[ \t-]+date|q[1-4]|h[12]|"
                  rf"(?:from|between)[ \t]+(?:{_MONTHS})\.?[ \t]+(?:to|through|until|and|-|\u2013)[ \t]+(?:{_MONTHS}))\b", re.I)
_PART_YEAR_CUES = frozenset("first second third fourth last final quarter half month months quarterly year date q1 q2 q3 q4 h1 h2 "
                            "january february march april may june july august september october november december".split())
_COMPARED_WITH = lazy(r"\bcompared[ \t]+(?:with|to)[ \t]+(?:about[ \t]+|around[ \t]+|some[ \t]+|the[ \t]+)?$", re.I)
_COMPARED_CUES = frozenset("estimate estimates projection projections forecast forecasts expectation expectations figure figures "
                           "number numbers prediction predictions target targets".split())


# An author-date citation around a year: "(UNICEF, 2020)", "(World Bank 2019; WHO, 2021)", "(Smith et al., 2018: 14)".
_CITATION_BEFORE = lazy(r"[(;][ \t]*[A-Z][\w&.'\u2019-]*(?:[ \t]+(?:[A-Z][\w&.'\u2019-]*|et[ \t]+al\.?|and|&|of|for|the|de))*,?[ \t]+$")
_CITATION_AFTER = lazy(r"[a-z]?(?:[ \t]*[,:][ \t]*(?:pp?\.[ \t]*)?\d+(?:[-\u2013]\d+)?)?[ \t]*[;)]")


def _cited_only(text: str, year: str) -> bool:
    """Whether a year appears in the sentence only inside author-date citations: a source's date of publication, which
    the figure may follow by a year or two, or which belongs to the statement before it (a real page's "(UNICEF, 2020)
    Zambia ... a population of 19.6 million" had dated the figure 2020). A census named with its year dates its count."""
    if len(year) != 4 or not year.isdigit():
        return False
    found = False
    at = text.find(year)
    while at >= 0:
        cited = _CITATION_BEFORE.search(text, max(0, at - 60), at)
        if cited is None or not _CITATION_AFTER.match(text, at + 4) or "census" in cited.group().lower():
            return False
        found, at = True, text.find(year, at + 4)
    return found


def _dated_outside_apposition(text: str, start: int, end: int, entities: list, period: str) -> bool:
    """Whether the figure stands in an apposition ("Around 2002, Ethiopia, the second-most populous country in Africa, was
    the third-poorest") whose own words name no period: the sentence's year dates its main clause, and a description
    in passing may be the writer's present (a real page's rank had been judged as of 2002)."""
    span = attach.apposition_around(text, start, end, entities)
    return span is not None and period not in text[span[0]:span[1]]


# A census, not the office named after one ("the Census and Statistics Department", "the US Census Bureau" publish estimates).
CENSUS = lazy(r"\bcensus(?:es)?\b(?![ \t]+(?:and[ \t]+statistics|bureau|office|department|board)\b)", re.I)


# A time counted back from the writing: "ten years ago", "a decade ago", "two censuses ago" (a real page's 2012 census count,
# "just ten years ago", had been compared with the record of the page's own year).
_AGO = lazy(r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
            r"few|several|some|many)[ \t]+(?:years?|decades?|censuses|generations?)[ \t]+ago\b", re.I)


def in_present_only(text: str) -> bool:
    """Whether a sentence speaks in the present tense and in no past one ("It has 52 million people")."""
    return _PRESENT.search(text) is not None and _PAST.search(text) is None


def _tense(text: str, cues: frozenset[str]) -> tuple[bool, bool, bool]:
    """Whether the sentence has a verb in the past, one in the present, and a vague or historical time: once a sentence."""
    vague = (not cues.isdisjoint(_VAGUE_CUES) or _OLD_YEAR_OR_DECADE.search(text) is not None) and _VAGUE_TIME.search(text) is not None
    return _PAST.search(text) is not None, _PRESENT.search(text) is not None, vague


_VAGUE_CUES = frozenset("time then those early mid late century centuries independence prior war pre prewar post postwar interwar "
                        "under decades decade days back past "
                        "during colonial medieval ancient antiquity dynasty empire formerly historically".split())
_OLD_YEAR_OR_DECADE = re.compile(r"\b1[0-7]\d\d\b|\d{3,4}s\b")


_NOMINAL = lazy(r"\b(?:nominal|current[ \t]+(?:US[ \t]*)?(?:\$|dollars|prices)|market[ \t]+exchange[ \t]+rates?)", re.I)
_TABLE_CELL = lazy(r"\|[^|]{0,60}$")
_TABLE_CELL_AFTER = lazy(r"[^|]{0,60}\|")
_PAST = re.compile(r"\b(?:was|were|had|numbered|totalled|totaled|counted|reached|stood|grew|rose|fell|amounted|peaked|lost|became|"
                   r"saw|took|gave|made|left|went|came|[a-z]{3,}ed)\b", re.I)
_PRESENT = re.compile(r"\b(?:is|are|has|have|numbers|totals|counts|stands|amounts|remains|exceeds|lives|live|reaches)\b", re.I)
# Times a record of recent years cannot speak for: eras, decades, centuries, "at that time".
_VAGUE_TIME = lazy(
    r"\b(?:at[ \t]+(?:that|the)[ \t]+time|the[ \t]+then|'s[ \t]+then|by[ \t]+then|until[ \t]+then|in[ \t]+those[ \t]+days|"
    r"the[ \t]+early[ \t]+days|back[ \t]+then|in[ \t]+the[ \t]+past|"
    r"(?:early|mid|late)[ \t-]+\d{3,4}s|\d{3,4}s\b|\d{1,2}(?:st|nd|rd|th)[ \t-]+centur(?:y|ies)|"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|"
    r"sixteenth|seventeenth|eighteenth|nineteenth|twentieth)[ \t-]+centur(?:y|ies)|"
    r"(?:before|after|since|until|at)[ \t]+(?:the[ \t]+)?independence|prior[ \t]+to|pre-?war|post-?war|interwar|"
    r"during[ \t]+the[ \t]+(?:war|occupation|reign|rule|colonial|dynasty|empire|period|era|depression|crisis)|"
    r"colonial|medieval|ancient|antiquity|dynasty|empire|formerly|historically|"
    # a leader's time in office, decades counted ("For two decades under Mahathir's premiership, ... growing to more than $110
    # billion": a history page's figure had been read in the year an earlier sentence named)
    r"under[ \t]+(?:[A-Z][\w.-]*[ \t]+){0,3}?[A-Z][\w-]*(?:'s|\u2019s)[ \t]+(?:premiership|presidency|rule|reign|leadership|"
    r"government|administration|regime|tenure|dictatorship)|"
    r"(?:for|over|in|during)[ \t]+(?:the[ \t]+)?(?:two|three|four|five|several|many|few|past|last|next)[ \t]+decades|"
    r"\b(?:in|by|of|from|around|circa|c\.)[ \t]+1[0-7]\d\d\b|\b1[0-7]\d\d\b)",
    re.I,
)
