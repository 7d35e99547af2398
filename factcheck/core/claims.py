"""The claim stage: a document's text in, atomic claims (one figure each) out.

Enumerations: in "more than 70.6 billion masks, 340 million protective suits, ..."
every item is its own claim. A leading hedge does NOT distribute over the list:
"more than" grammatically bounds the figure it precedes, and spreading it would
turn exact later figures into open bounds that can hardly be contradicted. The
hedge is recorded on each later item as ``list_hedge`` so a reviewer sees it.

Periods: the period phrase nearest before the figure in its sentence, else after
it; a sentence without one inherits its paragraph's last period (``inherited``).
Subjects: the first entity named before the figure, else the paragraph's last. A place inside a
country (a city, a state) or a nationality group is no country's: the claim gets no subject and
the place's name (or the group's phrase) as ``unknown_subject``, and a sentence about a place
carries no country to the next ones. A figure of a named measure with no subject whose sentence refers back ("It has",
"Its", "The country's") takes the document title's entity ("# Lithuania"), but only when nothing
else is named in its paragraph up to it (its own sentence included).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date
from types import EllipsisType

from . import attach
from . import context as ctx
from .derived_words import per_capita_amount
from .document import LineIndex, sentences
from .entities import demonyms_in, is_country
from .annotated import Annotated, Reading
from .certainty import in_present_only
from .lexicon import EntityMention, Lexicon, MeasureMention, default_lexicon, is_place, unknown_names
from .members import MemberList, Statement, find_member_lists, find_statements
from .model import Claim, Entity, Period, Qualifier, Sentence, Span
from .periods import PeriodMention, find_periods, inherited, nearest
from .quantities import Mention, find_quantities
from .relative import ranked_measure
from .sections import Sections
from .tokens import read, words

_SPACES = re.compile(r"\s+")  # compiled once: re.sub with a pattern string looks it up in re's cache every call

# Between two items of a dated series: "..., 21.4 million in 1989, and 15.3 million", "... 66.3 million for France in 2014,
# 66.0 million in 2013 and ..." (a noun of its own ends it).
_DATED_LIST_GAP = re.compile(r"(?:[ \t]+(?:for|in|of)[ \t]+(?:the[ \t]+)?[A-Z][\w'\u2019.-]*(?:[ \t]+[A-Z][\w'\u2019.-]*)*)?"
                             r"(?:[ \t]+(?:in|at|during|by|for)[ \t]+(?:the[ \t]+)?\d{4}(?:[ \t]+census)?)?"
                             r"(?:[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)")
_LIST_GAP = re.compile(r"^[ \t]*(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|and[ \t]+|or[ \t]+)$")


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """What the claim stage already knows of a sentence, for check-worthiness without redoing it."""

    sentence: Sentence
    quantities: bool
    entities: bool | None  # None: not looked for (every sentence is, now; kept for callers that pass None)


@dataclass
class Analysis:
    claims: list[Claim]
    sentences: list[SentenceFacts] = field(default_factory=list)


def extract_claims(text: str, *, markdown: bool = False, doc_date: date | None = None, lexicon: Lexicon | None = None) -> list[Claim]:
    """Every quantity mention of ``text`` as one claim, in document order."""
    return analyse(text, markdown=markdown, doc_date=doc_date, lexicon=lexicon).claims


def analyse(text: str, *, markdown: bool = False, doc_date: date | None = None, lexicon: Lexicon | None = None) -> Analysis:
    """The claims of ``text`` and the facts about each sentence found on the way.

    ``lexicon`` is the vocabulary of the configured sources (entity names, measure labels);
    without one, only country and organisation names are known.
    """
    analysis = _claims(text, sentences(text, markdown), doc_date, lexicon or default_lexicon())
    _assign_ids(analysis.claims)
    return analysis


def _claims(text: str, sents: list[Sentence], doc_date: date | None, lexicon: Lexicon) -> Analysis:
    """Claims of the sentences, without ids; subject and period carry within a paragraph."""
    lines = LineIndex(text)
    claims: list[Claim] = []
    facts: list[SentenceFacts] = []
    block = -1
    ppp = False  # the paragraph has spoken of purchasing power parity
    subject: Entity | None = None
    place: str | None = None  # the paragraph's place, carried like its subject ("Kaunas ... It has 290,000 inhabitants")
    period: Period | None = None
    pending: list[tuple[Claim, frozenset[str]]] = []  # claims that may take the title's entity, and what was named up to them
    named: set[str] = set()  # what this paragraph names so far: entity ids, and "?" for an unknown proper name
    titles: dict[str, EntityMention | None] = {}
    sections = Sections(lambda heading: _own_periods(heading, find_periods(heading, doc_date)))
    for sentence in sents:
        if sentence.block != block:
            if pending:
                _entitle(pending, _topic(pending[0][0].sentence, lexicon, titles))
            pending, named = [], set()
            period, subject = sections.enter(sentence)  # a heading's period, a list's lead line's period and country
            block, place, ppp = sentence.block, None, False
        text = sentence.text
        mentions = find_quantities(text)
        lists = find_member_lists(text) if "," in text and " and " in text else []
        statements = find_statements(text) if not mentions and not lists else []
        # every sentence is looked at for names, figures or not: "Germany is in Europe. It had 80 million
        # inhabitants" is Germany's, whatever the paragraph named before
        tokens, ws = read(text) if mentions else ([], words(text) if lists or statements or lexicon.may_name(text) else [])
        found = _entities_in(text, ws, lexicon) if ws else []
        unknown = unknown_names(text, ws, found, lexicon) if mentions and not found else []
        # the sentence's own periods: not a year it compares with, nor the day it was said on (nor carried as such)
        periods = _own_periods(text, find_periods(text, doc_date)) \
            if mentions or lists or statements or period is None or sections.gives(period) else []
        if period is not None and mentions and not periods and (
                _NOW.search(text) or (not sections.gives(period) and in_present_only(text))):
            period = None  # "Poland joined the EU in 2004. Today it has 38.7 million inhabitants": not 2004's figure
        if mentions or lists or statements:  # annotated further only where there is something to claim
            here = Annotated(sentence, ws, tokens, mentions, found, lexicon.measures_in(text, ws) if mentions else [], periods,
                             unknown=unknown[0] if unknown else (place if subject is None else None),
                             subject=None if unknown else subject, period=period,
                             title=_topic_country(sentence, lexicon, titles) if mentions else None, ppp=ppp)
            if mentions:
                made = _sentence_claims(here, lines, _rank_labels(text, mentions, lexicon))
                claims.extend(made)
            if lists or statements:
                claims.extend(_figureless_claims(here, lines, lists, statements))
            here.tokens = here.words = []  # attachment is done: the claims keep the spans, not the tokens
        facts.append(SentenceFacts(sentence, bool(mentions), bool(found)))
        valued = sentence.item and found and _KEY_FACT.match(text) is not None  # "Capital: Accra": a key fact's value
        named |= {e.entity.id for e in found if not e.entity.id.startswith("org:") and not (valued and is_place(e.entity))} \
            | ({"?"} if unknown else set())
        if mentions and (sentence.title or sentence.heading):
            pending.extend((c, frozenset(named)) for c in made if c.subject is None and c.unknown_subject is None
                           and (c.measure_keys or per_capita_amount(c))  # a source's measure, or one derived from two ("GDP per capita")
                           and text[c.span.start - sentence.start - 1:c.span.start - sentence.start] != "["
                           and (_REFERS_BACK.search(text, 0, c.span.start - sentence.start)
                                or (sentence.item and _KEY_FACT.fullmatch(text, 0, c.span.start - sentence.start))))
        if found:
            first = _sentence_subject(text, [(e.start, e.end, e.entity) for e in found], ws, subject)
            if first is not None and is_place(first):
                if not valued:  # ("Capital: Nairobi" among key facts: a label's value, nothing the lines after are about)
                    subject, place = None, first.name  # a sentence about a city: what follows is not the country's
            elif first is not None and attach.is_region(EntityMention(0, 0, first, False)):
                subject, place = None, None  # about the world, a region: nor is it
            elif first is not None:
                subject, place = first, None
        elif unknown:
            subject, place = None, None  # "Atlantis had 3 million residents": what follows is about Atlantis, not the paragraph's country
        if not ppp and ("PPP" in text or "arity" in text or "nternational dollar" in text) and _PARITY.search(text):
            ppp = True  # "as measured by GDP per capita, purchasing power parity": the paragraph's amounts after it may be so too
        if periods:  # a year the sentence aims at ("the aim of becoming industrialised by 2020") dates nothing after it
            last = periods[-1]
            period = None if text[last.start:last.start + 3].lower() == "by " and _TARGET_BEFORE.search(text, max(0, last.start - 90), last.start) \
                else last.period
        sections.read(sentence, periods, subject, bool(found), bool(mentions))
    if pending:
        _entitle(pending, _topic(pending[0][0].sentence, lexicon, titles))
    return Analysis(claims, facts)


# A sentence about the present carries no earlier sentence's year: "today", "now", "currently", "at present", "nowadays".
# ("what is now Tanzania", "the area now known as", "until now" name a place or a span, not the figure's time)
_NOW = re.compile(r"\b(?:today|(?<!what[ \t]is[ \t])(?<!until[ \t])now(?![ \t]+(?:known|called|named|part)\b)|nowadays|currently|"
                  r"presently|at[ \t]+present|at[ \t]+the[ \t]+moment|these[ \t]+days)\b", re.I)


# A key fact in a list under the document's title: "- **GDP**: $477 billion (2023)", "- Population – 218 million",
# "- Population - 218 million" (the label, then the figure; a hyphen only between spaces, as a typed dash; markup is
# blanked in place, so the label may stand among spaces).
_KEY_FACT = re.compile(r"[ \t]*[A-Za-z*_][\w ()$.,'/*-]{0,44}?[ \t]*(?:[:\u2013\u2014]|(?<=[ \t])-(?=[ \t]))[ \t]*(?:about[ \t]+|around[ \t]+|some[ \t]+|~[ \t]*)?",
                       re.I)


# Words that refer back to what the document is about: "It has a population of", "Its GDP", "The country's".
_REFERS_BACK = re.compile(r"\b(?:it|its|the[ \t]+(?:country|nation|republic|kingdom|state|territory|island|economy)(?:'s|\u2019s)?"
                          r"|the[ \t]+(?:total[ \t]+|estimated[ \t]+|current[ \t]+)?(?:population|gdp|gross[ \t]+domestic[ \t]+product))\b", re.I)


def _title_entity(title: str | None, lexicon: Lexicon, seen: dict[str, EntityMention | None]) -> EntityMention | None:
    """The entity a document's title names ("# Lithuania", "# Economy of Lithuania"): its first country or place."""
    if not title:
        return None
    if title not in seen:
        found = [e for e in lexicon.entities_in(title) if is_country(e.entity) or is_place(e.entity)]
        seen[title] = found[0] if found else None
    return seen[title]


def _topic(sentence: Sentence, lexicon: Lexicon, seen: dict[str, EntityMention | None]) -> EntityMention | None:
    """What the document or section a sentence stands in is about: the title's country or place, or, under a title that
    names none, the nearest heading that is a country's or place's name and nothing else ("## Ghana", "### Kenya (2019)"
    in "# West Africa in figures"). A heading that only mentions a name ("## Relations with Togo") is no topic."""
    found = _title_entity(sentence.title, lexicon, seen)
    if found is not None or sentence.title == sentence.heading:
        return found
    for heading in (sentence.heading, *reversed(sentence.above)):
        if heading and heading != sentence.title:
            key = "\0" + heading  # a heading's cache entry, apart from a title's (which may name more than the name)
            if key not in seen:
                named = lexicon.entities_in(heading)
                seen[key] = named[0] if named and (is_country(named[0].entity) or is_place(named[0].entity)) \
                    and _BARE_HEADING.fullmatch(heading[:named[0].start] + heading[named[0].end:]) else None
            if seen[key] is not None:
                return seen[key]
    return None


# What a heading that is a name may hold besides it: punctuation, markup and a year ("Kenya (2019)", "**Ghana**").
_BARE_HEADING = re.compile(r"[\s\d().,:;*_\u2013\u2014-]*")


def _topic_country(sentence: Sentence, lexicon: Lexicon, seen: dict[str, EntityMention | None]) -> Entity | None:
    found = _topic(sentence, lexicon, seen)
    return found.entity if found is not None and not is_place(found.entity) else None


def _entitle(pending: list[tuple[Claim, frozenset[str]]], title: EntityMention | None) -> None:
    """'It has a population of ...' under '# Lithuania': the title's entity, when nothing else is named in the
    paragraph before the figure or in its sentence (naming the title's entity itself is no other subject).

    Names after the sentence cannot be what "it" or "the population" refers back to: "The population is
    9.5 million. Russians are 8% of it, and Minsk has 2 million" is the title country's 9.5 million.
    """
    if title is None:
        return
    for claim, named in pending:
        if named - {title.entity.id}:
            continue
        if is_place(title.entity):
            claim.unknown_subject = title.entity.name
        else:
            claim.subject = title.entity


def _entities_in(text: str, ws: list, lexicon: Lexicon) -> list[EntityMention]:
    """Names of the lexicon, and demonyms ("the Chinese government") where no name stands."""
    found = lexicon.entities_in(text, ws)
    extra = demonyms_in(text, [(e.start, e.end, e.entity) for e in found], ws)
    if not extra:
        return found
    return sorted(found + [EntityMention(s, e, entity, False, True) for s, e, entity in extra], key=lambda m: m.start)


def _sentence_subject(text: str, entities: list[tuple[int, int, Entity]], ws: list, carried: Entity | None) -> Entity | None:
    """What a sentence is about, carried to the next ones (None: the carried subject stands).

    Its first country (or place) that is not a recipient nor compared, named before the sentence's
    first verb: "Germany is a large country" is about Germany, but "It is bordered by Egypt", "The
    capital is San Juan" and "OPEC was created with Saudi Arabia" are about what came before. A
    sentence that refers back before its verb ("It", "The country's") is about what came before too.
    With nothing carried, the first such name anywhere in the sentence will do.
    """
    verb = next((w.start for w in ws if w.key in _VERBS or ctx.is_verb(w.text)), len(text))
    if carried is not None and _REFERS_BACK.search(text, 0, verb):
        return None
    for start, end, entity in entities:
        if carried is not None and start >= verb:
            break
        if not entity.id.startswith("org:") and not _RECIPIENT.search(text[max(0, start - 12):start]) \
                and not attach.compared(text, EntityMention(start, start, entity, False)) \
                and not attach.aside(text, EntityMention(start, end, entity, False)):
            return entity
    return None


_VERBS = frozenset("is are was were be been has have had lies lie borders border remains remain became becomes".split())


_WORLD = "WLD"
_TIMES = "\u00d7"  # the unit of a multiplier (core.relative)


def _rank_labels(text: str, mentions: list[Mention], lexicon: Lexicon) -> dict[int, MeasureMention]:
    """The measure label each rank states by its superlative ('the 21st most populous' is a rank by the label 'population'),
    by the figure's start; only labels the configured sources have (core.relative)."""
    out: dict[int, MeasureMention] = {}
    for m in mentions:
        if m.ranks is None:
            continue
        start, end = m.said if m.said is not None else (m.end, None)
        if end is None:
            said = ranked_measure(text, m.end)
            end = said[1] if said is not None else None
        known = lexicon.measures_in(m.ranks) if end is not None else []
        if len(known) == 1:
            out[m.start] = replace(known[0], start=start, end=end)
    return out


def _other_subject(here: Annotated, m: Mention) -> tuple[EntityMention | None, str]:
    """The other subject of a comparison ('twice as many people as Portugal'): the entity named where the comparison
    says, and the name as written; None when no source knows the name (a city, 'its neighbours')."""
    assert m.other is not None
    start, end = m.other
    found = next((e for e in here.entities if start <= e.start <= start + 4 and not e.demonym), None)
    return found, here.sentence.text[start:end]


def _sentence_claims(here: Annotated, lines: LineIndex, ranked: dict[int, MeasureMention] | None = None) -> list[Claim]:
    sentence, periods, subject, period, mentions = here.sentence, here.periods, here.subject, here.period, here.quantities
    text = sentence.text
    figure_starts = [m.start for m in mentions]
    groups = attach.may_name_a_group(here.words)  # most sentences name no nationality or origin group: look no further
    tokens = here.tokens
    starts = [t.start for t in tokens]
    spans = [(m.start, m.end) for m in mentions]
    contexts = [ctx.describe(tokens, starts, m.start, m.end, spans[:i] + spans[i + 1:]) for i, m in enumerate(mentions)]
    # "the world's 37th largest economy with a GDP of $409 billion": the world is where it ranks, not what the GDP is of
    scoped = [e for e in here.entities if not (e.entity.id == _WORLD and _WORLD_AS_SCOPE.match(text, e.end))] \
        if any(e.entity.id == _WORLD for e in here.entities) else here.entities
    # the period right after each figure or its noun is that figure's, no other's (the starts, or None)
    owned = [_just_after(text, periods, m.end, contexts[i].end) for i, m in enumerate(mentions)] \
        if periods else [None] * len(mentions)
    opens = _opens_next_clause(text, periods, mentions, owned) if len(mentions) > 1 and periods else frozenset()
    owned = [None if p is not None and p.start in opens else p for p in owned]
    # follows[i]: mention i continues an enumeration begun before it ("..., 340 million suits")
    follows = [False] + [
        _LIST_GAP.match(text[contexts[i - 1].end:mentions[i].start]) is not None for i in range(1, len(mentions))
    ]
    out: list[Claim] = []
    position = 0
    hedge: str | None = None
    listed = None  # the measure label of the dated series the figure continues
    series_said = None  # and the name its subject was read from
    respectively = "respectively" in text.lower()  # "A and B had X and Y, respectively": each figure its own subject
    paired = _respective_periods(text, periods, mentions) if respectively and periods \
        else (_respective_periods(text, periods, mentions, implicit=True) or _periods_then_figures(text, periods, mentions)) \
        if len(periods) > 1 and len(mentions) > 1 and " and " in text else {}
    for i, m in enumerate(mentions):
        c = contexts[i]
        quantity = m.quantity
        if follows[i]:
            position += 1
            if position == 1:
                first = mentions[i - 1].quantity
                hedge = first.qualifier_text if first.qualifier is not Qualifier.EXACT else None
            if hedge and quantity.qualifier is Qualifier.EXACT:
                quantity = replace(quantity, list_hedge=hedge)
            if c.verb is None and out and out[-1].verb:
                c = replace(c, verb=out[-1].verb, measure=f"{c.measure} {out[-1].verb}")
        else:
            position, hedge = 0, None
        in_enumeration = follows[i] or (i + 1 < len(mentions) and follows[i + 1])
        start = sentence.start + m.start
        end = sentence.start + max(m.end, c.end)
        line, column = lines.position(start)
        end_line, end_column = lines.position(end)
        counted = c.noun if c.end > m.end and quantity.unit != _TIMES else ""  # a noun after the figure, not the words before an
        # amount, nor what a multiplier says of the change ("a 2.5-fold increase in population")
        label = (ranked or {}).get(m.start) or (
            attach.measure_for(text, here.words, here.measures, m.start, m.end, counted, here.entities, spans) if here.measures else None)
        continues = i > 0 and _DATED_LIST_GAP.fullmatch(text, mentions[i - 1].end, m.start) is not None
        if label is None and continues and listed is not None and not (counted and not set(counted.split()) <= attach.UNIT_NOUNS):
            label = listed  # "28.7 million inhabitants in 1999, 21.4 million in 1989, and 15.3 million in 1979": the list's label
        listed = label
        named = [e for e in here.entities if e.entity.id != _WORLD] if m.ranks is not None else scoped  # ranked among the world, not it
        versus = _other_subject(here, m) if m.other is not None else None
        if versus is not None and versus[0] is not None:
            named = [e for e in named if e is not versus[0]]  # "twice as many people as Portugal": compared with, not the subject
        said = attach.subject_for(text, named, label, m.start, figure_starts, m.end) if (label or named) else None
        if continues and series_said is not None and said is not series_said and not respectively \
                and attach.said_by_itself(text, here.entities, m.start, m.end) is None:
            said = series_said  # "..., 66,312,067 for France in 2014, 65,997,932 in 2013": the series' subject
        series_said = said
        together = attach.combined(text, here.entities, said) if label is not None else None
        claim_subject = said.entity if said is not None and together is None else None
        other = together or here.unknown  # what the figure is about when no source knows it
        group = attach.group_for(text, m.start, m.end) if groups else None
        if group is not None:
            claim_subject, other = None, group  # "117,000 Turkish citizens living in Austria": a part, not Turkey nor Austria
        elif claim_subject is not None and is_place(claim_subject):
            # "Vilnius (population 696,000)": not Lithuania's; the place as the sentence writes it ("Kraków", not the gazetteer's "Krakow")
            claim_subject, other = None, (text[said.start:said.end] if said is not None and said.entity is claim_subject else claim_subject.name)
        # "from 9.9 million in 2000 to 13.0 million": the year right after the first figure is not the second's
        others = frozenset(p.start for j, p in enumerate(owned) if p is not None and j < i and _TO_NEXT.fullmatch(text, p.end, m.start)
                           and "from" in text[max(0, mentions[j].start - 30):mentions[j].start].lower()) \
            | frozenset(q for q in opens if q >= m.end)  # a period that opens the next clause is not a figure's before it
        if i in paired:
            claim_period = paired[i].period
        elif i > 0 and _UP_FROM.search(text, max(0, m.start - 24), m.start):
            claim_period = owned[i].period if owned[i] is not None else None  # "24.7 million in 2010, up from 18.9 million"
        else:
            claim_period = _period_for(text, periods, m.start, m.end, period, c.end, figure_starts, others, owned[i])
        # The role and the strength of the reading are read when the judge needs them (core.certainty.read_role).
        if respectively and said is None and not here.entities and len(mentions) > 1:
            subject = None  # "they have populations of over 30 million and 55 million, respectively": names of an earlier sentence
        later = Reading(here, m.start, m.end, quantity, label, c.noun, said, claim_subject or (None if other else subject), claim_period)
        out.append(
            Claim(
                id="",
                text=_as_written(text[m.start: max(m.end, c.end)]),
                span=Span(start, end),
                sentence=sentence,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                quantity=quantity,
                noun=c.noun,
                counter=c.counter,
                verb=c.verb,
                measure=label.label.lower() if label is not None else c.measure,
                subject=claim_subject or (None if other else subject),
                period=claim_period,
                enumeration=position if in_enumeration else None,
                measure_keys=label.keys if label is not None else (),
                unknown_subject=other if claim_subject is None else None,
                later=later,
                versus=(versus[0].entity if versus[0] is not None else None, versus[1]) if versus is not None else None,
            )
        )
    return out


# "4.9 million and 7.1 million in 2004 and 2015 respectively": the figures joined, then the periods joined, in order.
_JOINED = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|and[ \t]+)(?:in[ \t]+)?", re.I)
_BEFORE_PERIODS = re.compile(r"[ \t]*(?:[a-z]+[ \t]+){0,2}?(?:in|for|during|at)?[ \t]*", re.I)
_RESPECTIVELY = re.compile(r"[ \t]*,?[ \t]*respectively\b", re.I)
_RESPECTIVELY_BEFORE = re.compile(r"[ \t]*,?[ \t]*respectively[ \t]*,?[ \t]*(?:in|for|during|at)?[ \t]*$", re.I)


def _respective_periods(text: str, periods: list[PeriodMention], mentions: list[Mention], implicit: bool = False) -> dict[int, PeriodMention]:
    """Each figure of a run that "respectively" pairs with a run of periods, by order, or with one period that all share
    ("X and Y respectively in 2022"): its period (mention index -> period). ``implicit``: without "respectively", a run of
    figures right before as many periods ("18.9 million and 24.6 million in 2000 and 2010": a history page had dated the
    first by an earlier year of the sentence)."""
    for k in range(len(periods) - 1, -1, -1):
        shared = not implicit and _RESPECTIVELY_BEFORE.search(text, 0, periods[k].start) is not None
        if not implicit and not shared and not _RESPECTIVELY.match(text, periods[k].end):
            continue
        run = [periods[k]]  # the periods joined before "respectively", last first
        while not shared and len(run) <= k and _JOINED.fullmatch(text, periods[k - len(run)].end, run[-1].start):
            run.append(periods[k - len(run)])
        run.reverse()
        figures = [i for i, m in enumerate(mentions) if m.end <= run[0].start]
        if not figures:
            return {}
        chosen = [figures[-1]]  # the figures joined before the periods ("4.9 million and 7.1 million")
        while len(chosen) < len(figures) and _JOINED.fullmatch(text, mentions[figures[-len(chosen) - 1]].end, mentions[chosen[0]].start):
            chosen.insert(0, figures[-len(chosen) - 1])
        gap = text[mentions[chosen[-1]].end:run[0].start]
        if len(chosen) < 2 or not (_BEFORE_PERIODS.fullmatch(gap) or _RESPECTIVELY_BEFORE.fullmatch(gap)):
            if implicit:
                continue
            return {}
        if implicit:
            if len(run) == len(chosen):
                return dict(zip(chosen, run))
            continue
        if len(run) == 1:
            return {i: run[0] for i in chosen}
        if len(chosen) < len(run):
            return {}
        return dict(zip(chosen[-len(run):], run))
    return {}


def _periods_then_figures(text: str, periods: list[PeriodMention], mentions: list[Mention]) -> dict[int, PeriodMention]:
    """"In 2000 and 2010 Ghana's population was 18.9 million and 24.6 million": a run of periods, then as many figures
    joined, each figure its period by order (the first had been compared with 2010's record)."""
    k = 0
    while k < len(periods) - 1:
        run = [periods[k]]
        while k + len(run) < len(periods) and _JOINED.fullmatch(text, run[-1].end, periods[k + len(run)].start):
            run.append(periods[k + len(run)])
        k += len(run)
        if len(run) < 2:
            continue
        after = [i for i, m in enumerate(mentions) if m.start >= run[-1].end]
        if not after or (k < len(periods) and periods[k].start < mentions[after[0]].start):
            continue  # another period stands between the run and the figures
        chosen = [after[0]]
        while len(chosen) < len(run) and chosen[-1] + 1 < len(mentions) \
                and _JOINED.fullmatch(text, mentions[chosen[-1]].end, mentions[chosen[-1] + 1].start):
            chosen.append(chosen[-1] + 1)
        if len(chosen) == len(run):
            return dict(zip(chosen, run))
    return {}


def _figureless_claims(here: Annotated, lines: LineIndex, lists: list[MemberList], statements: list[Statement]) -> list[Claim]:
    """One claim per named item of each enumeration, and one per statement of participation or event."""
    sentence = here.sentence
    out: list[Claim] = []
    pieces: list[tuple[int, int, str, str, str | None, str, int | None]] = []  # start, end, item, measure, verb, kind, position
    for lst in lists:
        words = lst.relation.split()
        measure = " ".join(words[:-1]) if len(words) > 1 and words[-1] in _PREPOSITIONS else lst.relation
        pieces += [(start, end, name, measure, lst.verb, "member", n) for n, (start, end, name) in enumerate(lst.items)]
    pieces += [(st.start, st.end, st.object, st.verb, st.verb.split()[0], "statement", None) for st in statements]
    for start, end, item, measure, verb, kind, position in pieces:
        line, column = lines.position(sentence.start + start)
        end_line, end_column = lines.position(sentence.start + end)
        claim_period = _period_at(here.periods, start, here.period)
        out.append(Claim(
            id="", text=sentence.text[start:end], span=Span(sentence.start + start, sentence.start + end), sentence=sentence,
            line=line, column=column, end_line=end_line, end_column=end_column, quantity=None,
            noun=measure.split()[-1] if measure.split() else "", counter=None, verb=verb, measure=measure,
            subject=_subject_before(sentence.text, here.triples, start, organisations=True) or here.subject, period=claim_period,
            enumeration=position, kind=kind, item=item,
        ))
    return out


_JUST_AFTER = re.compile(r"^[ \t]*(?:per[ \t]+(?:capita|head|person)[ \t]*)?(?:\(|,[ \t]*)?(?:(?:in|at|during|by)[ \t]+the|in|as[ \t]+(?:of|at|on)|for|by|at[ \t]+the[ \t]+end[ \t]+of|"
                         r"(?:for|as[ \t]+of)[ \t]+the[ \t]+state[ \t]+of(?:[ \t]+the)?)?[ \t]*"
                         r"(?:(?:mid|early|late|end)(?:[ \t]*-[ \t]*|[ \t]+))?$", re.I)  # "63.3 million in mid-2011", "$90 per capita in 1962"
# A year the sentence compares with, never a figure's own: "decreased to 10.4 million ... compared to 2011", "than in 2011".
# A year that bounds a time rather than dating a figure: "before 2012", "prior to 2010", "until 2015", "after 1990".
_BASELINE_BEFORE = re.compile(r"\b(?:compared[ \t]+(?:to|with)|relative[ \t]+to|than(?:[ \t]+in)?|versus|vs\.?|before|prior[ \t]+to|"
                              r"after|until|till)[ \t]+(?:the[ \t]+(?:year[ \t]+)?)?$", re.I)


def _just_after(text: str, periods: list[PeriodMention], end: int, noun_end: int = 0) -> PeriodMention | None:
    """The period right after a figure or its noun ("60.9 million in 2000", "28.7 million inhabitants in 1999")."""
    for stop in (end, noun_end) if noun_end > end else (end,):
        for p in periods:
            if stop <= p.start <= stop + 26 and _JUST_AFTER.match(text[stop:p.start]) and not _LABEL_GAP.match(text, p.end):
                return p  # (a year followed by a colon labels what comes after it: "2014: $195 billion 2017: $250 billion")
    return None


# Between a year that labels a figure and the figure: "2014: $195.07 billion", "2019 – 4.1 million".
_LABEL_GAP = re.compile(r"[ \t]*[:\u2013\u2014][ \t]*")


def _period_for(text: str, periods: list[PeriodMention], start: int, end: int, carried: Period | None, noun_end: int = 0,
                figures: list[int] | None = None, others: frozenset[int] = frozenset(),
                own: PeriodMention | None | EllipsisType = ...) -> Period | None:
    """The period right after a figure or its noun, else the nearest before it that is not another figure's ("from 9.9
    million in 2000 to 13.0 million": 2000 is not the second's; ``others`` holds such periods' starts), else
    the first after it if no other figure stands between them ("102 million ... with 3,636 more a day since October
    2020": not its date), else the paragraph's. A year the sentence compares with ("compared to 2011") is no figure's:
    :func:`_own_periods` has left those out."""
    label = next((p for p in periods if p.end <= start and _LABEL_GAP.fullmatch(text, p.end, start)), None) \
        if ":" in text or "\u2013" in text or "\u2014" in text else None
    if label is not None:
        return label.period  # "2014: $195.07 billion": the year that labels the figure
    if own is ...:  # not found by the caller yet
        own = _just_after(text, periods, end, noun_end)
    if own is not None:
        return own.period
    before = [p for p in periods if p.start <= start and p.start not in others]
    after = [p for p in periods if p.start > start and p.start not in others]
    if before or not after:
        return _period_at(before, start, carried)
    first = after[0]
    if _clause_ends(text, end, first.start) or (figures and any(end <= f < first.start and not _bracketed(text, end, f)
                                                         and not _RESTATED.fullmatch(text, end, f) for f in figures)):
        # another figure stands between them, or a semicolon ends the figure's clause ("23.4 million people; in 2000 it
        # reached 31 million": 2000 is the next clause's)
        return inherited(carried) if carried is not None else None
    return first.period


_WORLD_AS_SCOPE = re.compile(r"(?:'s|\u2019s)?[ \t]+(?:\d+(?:st|nd|rd|th)[ \t-]+|(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[ \t-]+)?"
                             r"(?:largest|biggest|most|highest|lowest|smallest|fastest|richest|poorest|leading|top)\b", re.I)
_UP_FROM = re.compile(r"\b(?:up|down|rising|falling|increasing|decreasing)[ \t]+from[ \t]+(?:about[ \t]+|around[ \t]+|some[ \t]+|an?[ \t]+estimated[ \t]+)?$", re.I)
_TO_NEXT = re.compile(r"[ \t]*,?[ \t]*(?:(?:up|down)[ \t]+)?to[ \t]+(?:about[ \t]+|around[ \t]+|some[ \t]+|nearly[ \t]+|an[ \t]+estimated[ \t]+)?")
# The same amount said again right after the figure: "$54.8 billion, or $13,271 per capita for 2017" (the year is both's).
_RESTATED = re.compile(r"[ \t]*,?[ \t]*(?:or|i\.e\.,?|that[ \t]+is,?|equivalent[ \t]+to|equal[ \t]+to)[ \t]+(?:about[ \t]+|around[ \t]+|some[ \t]+)?", re.I)


def _opens_next_clause(text: str, periods: list[PeriodMention], mentions: list[Mention],
                       owned: list[PeriodMention | None]) -> frozenset[int]:
    """The starts of periods that follow a figure after a comma but open the next clause, whose figure has no period of
    its own: "In 1982 the population was 7.6 million, in 1992 it rose to 10.4 million" (1992 is 10.4 million's, not 7.6
    million's: a real page's 1982 figure had been compared with 1992). "7.6 million, in 1982, and 10.4 million in 1992"
    keeps 1982: the next figure has its own year."""
    out = set()
    for i, p in enumerate(owned):
        if p is None or "," not in text[mentions[i].end:p.start] or text[p.end:p.end + 2].lstrip(" \t")[:1] == ",":
            continue  # ("7.6 million, in 1982, after the war": the year closes the figure's clause)
        later = next((j for j in range(i + 1, len(mentions)) if mentions[j].start >= p.end), None)
        if later is not None and owned[later] is None and not any(p.end <= q.start < mentions[later].start for q in periods):
            out.add(p.start)
    return frozenset(out)


def _clause_ends(text: str, start: int, stop: int) -> bool:
    """Whether a semicolon or a colon outside brackets stands between ``start`` and ``stop`` ("9,531,712 inhabitants
    (Female: 47%; Males: 53%) as of 2015" keeps its year; "Ireland (GDP per capita $ 69,374) : Although ... the financial
    crisis of 2008" does not take it)."""
    between = text[start:stop]
    if ";" not in between and ":" not in between:
        return False
    outside = _BRACKETS.sub("", between)
    return ";" in outside or ": " in outside or ":\t" in outside


_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def _bracketed(text: str, start: int, position: int) -> bool:
    """Whether ``position`` lies inside a bracket opened after ``start`` ("8.3 million (4.1 million men) in 2001")."""
    return text.count("(", start, position) > text.count(")", start, position)


def _own_periods(text: str, periods: list[PeriodMention]) -> list[PeriodMention]:
    """The sentence's periods without the years it compares with ("compared to 2011", "than in 2011"), the dates it
    was said or published on ("said on January 6 that ...", "released on 29 May 2015") and a news dateline: once a
    sentence."""
    if periods and ("--" in text or "\u2014" in text):  # "SEOUL, March 12 (Yonhap) -- ...": the day the story was filed
        periods = [p for p in periods if not (_DATELINE.match(text, p.end) and _DATELINE_PLACE.search(text, max(0, p.start - 30), p.start))]
    if not periods or _MAY_NOT_BE_OWN.isdisjoint(_CUE_WORDS.findall(text.lower())):
        return periods
    said = [p for p in periods if _SAID_ON_BEFORE.search(text, max(0, p.start - 30), p.start) and not _CENSUS_AFTER.match(text, p.end)]
    own = [p for p in periods if not _BASELINE_BEFORE.search(text, max(0, p.start - 30), p.start) and p not in said]
    when = next((p.period.end.year for p in said if p.period.end is not None and p.period.year_known), None)
    if when is None:
        return own
    # "GDP was $67 billion last year, the minister said in 2020": last year is 2019, counted from the day it was said
    out = []
    for p in own:
        rel = _RELATIVE_YEAR.fullmatch(p.period.text)
        if rel is not None:
            year = when - 1 if rel.group(1).lower() == "last" else when
            p = replace(p, period=Period(date(year, 1, 1), date(year, 12, 31), p.period.text, "year"))
        out.append(p)
    return out


_DATELINE = re.compile(r"[ \t]*(?:\([^()]{1,40}\)[ \t]*)?(?:--|\u2014)")
_DATELINE_PLACE = re.compile(r"\b[A-Z][A-Z .'-]{2,},[ \t]*$")
_PARITY = re.compile(r"\b(?:PPP|purchasing[ \t-]+power[ \t-]+parity|international[ \t]+dollars?)", re.I)
_TARGET_BEFORE = re.compile(r"\b(?:aims?|aimed|aiming|goals?|targets?|targeted|targeting|plans?|planned|planning|vision|ambition|becom(?:e|es|ing)|"
                            r"will|would|expected|projected|forecast)\b[^.;]{0,80}$", re.I)  # before a period that begins "by"
_RELATIVE_YEAR = re.compile(r"(this|last)[ \t]+year", re.I)
# "reported in the 2011 provisional census": the census's year, which dates its count, not the day it was published
_CENSUS_AFTER = re.compile(r"[ \t]+(?:[a-z]+[ \t]+){0,2}census\b", re.I)
_MAY_NOT_BE_OWN = frozenset("compared than relative vs versus before prior after until till said released published announced "
                            "reported issued stated revealed updated posted".split())  # the words _BASELINE_BEFORE and _SAID_ON_BEFORE begin with
_CUE_WORDS = re.compile(r"[a-z]+")
# A date the figure was said or published on: "said on January 6 that it estimated", "released on 29th May 2015".
_SAID_ON_BEFORE = re.compile(r"\b(?:said|released|published|announced|reported|issued|stated|revealed|updated|posted)"
                             r"(?:[ \t]+(?:on|in|this|last))?[ \t]+(?:the[ \t]+)?$", re.I)


def _period_at(periods: list[PeriodMention], position: int, carried: Period | None) -> Period | None:
    """The period nearest ``position`` in the sentence, else the paragraph's (marked inherited)."""
    return nearest(periods, position) or (inherited(carried) if carried is not None else None)


_MARKUP_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")  # where Markdown markup was blanked: "70.6 billion   masks"


def _as_written(figure: str) -> str:
    """A figure's text without the gaps blanked markup left (the test first: few figures have one)."""
    return _MARKUP_GAP.sub(" ", figure) if "  " in figure else figure
_PREPOSITIONS = frozenset("to in at including across among covering".split())
_RECIPIENT = re.compile(r"\b(?:to|from|with|against|than|for)[ \t]+(?:the[ \t]+)?$", re.I)


def _subject_before(text: str, entities: list[tuple[int, int, Entity]], position: int, organisations: bool = False) -> Entity | None:
    """The nearest country (or, when asked, organisation) named before a figure that is not a recipient ("to France")."""
    for start, _, entity in reversed(entities):
        if start >= position or (entity.id.startswith("org:") and not organisations) or is_place(entity):
            continue
        if not _RECIPIENT.search(text[max(0, start - 12):start]):
            return entity
    return None


def claim_key(claim: Claim) -> str:
    """What identifies a claim: its subject, what it counts and its figure; not where it is."""
    q = claim.quantity
    subject = claim.subject.id if claim.subject else ""
    if q is None:
        item = _SPACES.sub(" ", (claim.item or claim.text).strip().lower())
        return "|".join([subject, claim.kind, claim.measure, item])
    figure = _SPACES.sub(" ", q.text.strip().lower())
    if claim.measure_keys:  # a figure of a named measure is the same claim however the sentence is worded
        return "|".join([subject, ",".join(claim.measure_keys), "", figure, q.qualifier.value, q.currency or "", q.unit or ""])
    return "|".join([subject, claim.noun, claim.verb or "", figure, q.qualifier.value, q.currency or "", q.unit or ""])


def _assign_ids(claims: list[Claim]) -> None:
    """Stable ids: a hash of the claim's key, plus its rank among claims with the same key."""
    seen: dict[str, int] = {}
    for claim in claims:
        key = claim_key(claim)
        n = seen.get(key, 0)
        seen[key] = n + 1
        digest = hashlib.sha1(f"{key}#{n}".encode()).hexdigest()[:12]
        claim.id = f"fc-{digest}"
