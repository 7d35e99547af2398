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
else is named in its paragraph.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date

from . import attach
from . import context as ctx
from .document import LineIndex, sentences
from .entities import demonyms_in, is_country
from .lexicon import EntityMention, Lexicon, MeasureMention, default_lexicon, is_place, unknown_names, words
from .members import MemberList, Statement, find_member_lists, find_statements
from .model import Claim, Entity, Period, Qualifier, Sentence, Span
from .periods import PeriodMention, find_periods, inherited, nearest
from .quantities import Mention, find_quantities
from .roles import role_of, sentence_cues

_LIST_GAP = re.compile(r"^[ \t]*(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|and[ \t]+|or[ \t]+)$")


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """What the claim stage already knows of a sentence, for check-worthiness without redoing it."""

    sentence: Sentence
    quantities: bool
    entities: bool | None  # None: not looked for (the sentence had no figure and a subject was known)


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
    subject: Entity | None = None
    place: str | None = None  # the paragraph's place, carried like its subject ("Kaunas ... It has 290,000 inhabitants")
    period: Period | None = None
    pending: list[Claim] = []  # claims of this paragraph that may take the title's entity
    named: set[str] = set()  # what this paragraph names: entity ids, and "?" for an unknown proper name
    titles: dict[str, EntityMention | None] = {}
    for sentence in sents:
        if sentence.block != block:
            if pending:
                _entitle(pending, named, _title_entity(pending[0].sentence.title, lexicon, titles))
            pending, named = [], set()
            block, subject, place, period = sentence.block, None, None, None
        mentions = find_quantities(sentence.text)
        lists = find_member_lists(sentence.text) if "," in sentence.text and " and " in sentence.text else []
        statements = find_statements(sentence.text) if not mentions and not lists else []
        looked = bool(mentions or lists or statements or subject is None)
        ws = words(sentence.text) if looked else []
        found = _entities_in(sentence.text, ws, lexicon) if looked else []
        entities = [(e.start, e.end, e.entity) for e in found]
        unknown = unknown_names(sentence.text, ws, found, lexicon) if mentions and not found else []
        periods = find_periods(sentence.text, doc_date) if mentions or lists or statements or period is None else []
        here = _Here(sentence, entities, periods, None if unknown else subject, period, lines, found,
                     lexicon.measures_in(sentence.text, ws) if mentions else [], ws,
                     unknown[0] if unknown else (place if subject is None else None),
                     _title_country(sentence.title, lexicon, titles) if mentions else None)
        if mentions:
            made = _sentence_claims(here, mentions)
            claims.extend(made)
            if sentence.title:
                pending.extend(c for c in made if c.subject is None and c.unknown_subject is None and c.measure_keys
                               and sentence.text[c.span.start - sentence.start - 1:c.span.start - sentence.start] != "["
                               and _REFERS_BACK.search(sentence.text, 0, c.span.start - sentence.start))
        if lists or statements:
            claims.extend(_figureless_claims(here, lists, statements))
        facts.append(SentenceFacts(sentence, bool(mentions), bool(entities) if (mentions or subject is None) else None))
        named |= {e.entity.id for e in found if not e.entity.id.startswith("org:")} | ({"?"} if unknown else set())
        if entities:
            first = _sentence_subject(sentence.text, entities)
            if first is not None and is_place(first):
                subject, place = None, first.name  # a sentence about a city: what follows is not the country's
            elif first is not None and attach.is_region(EntityMention(0, 0, first, False)):
                subject, place = None, None  # about the world, a region: nor is it
            elif first is not None:
                subject, place = first, None
        elif unknown:
            subject, place = None, None  # "Atlantis had 3 million residents": what follows is about Atlantis, not the paragraph's country
        if periods:
            period = periods[-1].period
    if pending:
        _entitle(pending, named, _title_entity(pending[0].sentence.title, lexicon, titles))
    return Analysis(claims, facts)


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


def _title_country(title: str | None, lexicon: Lexicon, seen: dict[str, EntityMention | None]) -> Entity | None:
    found = _title_entity(title, lexicon, seen)
    return found.entity if found is not None and not is_place(found.entity) else None


def _entitle(pending: list[Claim], named: set[str], title: EntityMention | None) -> None:
    """'It has a population of ...' under '# Lithuania': the title's entity, when the paragraph names nothing else
    (naming the title's entity itself is no other subject)."""
    if title is None or not pending:
        return
    if named - {title.entity.id}:
        return
    for claim in pending:
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


def _sentence_subject(text: str, entities: list[tuple[int, int, Entity]]) -> Entity | None:
    """What a sentence is about, carried to the next ones: its first country that is not a recipient."""
    for start, _, entity in entities:
        if not entity.id.startswith("org:") and not _RECIPIENT.search(text[max(0, start - 12):start]) \
                and not attach.compared(text, EntityMention(start, start, entity, False)):
            return entity
    return None


@dataclass(frozen=True, slots=True)
class _Here:
    """What is known where a sentence's claims are made: its entities and periods, and the paragraph's carry-over."""

    sentence: Sentence
    entities: list[tuple[int, int, Entity]]
    periods: list[PeriodMention]
    subject: Entity | None  # the paragraph's subject so far (None after a sentence about an unknown place)
    period: Period | None  # the paragraph's last period
    lines: LineIndex
    found: list[EntityMention] = field(default_factory=list)  # the entities with their possessives
    measures: list[MeasureMention] = field(default_factory=list)  # the sources' measure labels named here
    words: list = field(default_factory=list)
    unknown: str | None = None  # a proper name no source knows, named where the subject would be
    title: Entity | None = None  # the country the document's title names ("# Economy of Kenya")


def _sentence_claims(here: _Here, mentions: list[Mention]) -> list[Claim]:
    sentence, periods, subject, period, lines = here.sentence, here.periods, here.subject, here.period, here.lines
    figure_starts = [m.start for m in mentions]
    shared: list = []  # the sentence's words, names and tense: made when a figure's role is first read (read_role)
    groups = attach.may_name_a_group(here.words)  # most sentences name no nationality or origin group: look no further
    tokens = ctx.tokenize(sentence.text)
    starts = [t.start for t in tokens]
    spans = [(m.start, m.end) for m in mentions]
    contexts = [ctx.describe(tokens, starts, m.start, m.end, spans[:i] + spans[i + 1:]) for i, m in enumerate(mentions)]
    # follows[i]: mention i continues an enumeration begun before it ("..., 340 million suits")
    follows = [False] + [
        _LIST_GAP.match(sentence.text[contexts[i - 1].end:mentions[i].start]) is not None for i in range(1, len(mentions))
    ]
    out: list[Claim] = []
    position = 0
    hedge: str | None = None
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
        counted = c.noun if c.end > m.end else ""  # a noun after the figure, not the words before an amount
        label = attach.measure_for(sentence.text, here.words, here.measures, m.start, m.end, counted, here.found, spans) if here.measures else None
        said = attach.subject_for(sentence.text, here.found, label, m.start, figure_starts) if (label or here.found) else None
        together = attach.combined(sentence.text, here.found, said) if label is not None else None
        claim_subject = said.entity if said is not None and together is None else None
        other = together or here.unknown  # what the figure is about when no source knows it
        group = attach.group_for(sentence.text, m.start, m.end) if groups else None
        if group is not None:
            claim_subject, other = None, group  # "117,000 Turkish citizens living in Austria": a part, not Turkey nor Austria
        elif claim_subject is not None and is_place(claim_subject):
            claim_subject, other = None, claim_subject.name  # "Vilnius (population 696,000)": not Lithuania's
        claim_period = _period_for(sentence.text, periods, m.start, m.end, period, c.end)
        label_text = label.label.lower() if label is not None else None
        # The role and the strength of the reading are read when the judge needs them: only for a figure a
        # source could compare (most figures match no measure, and these readers cost a third of the stage).
        later = (here, m.start, m.end, quantity, label, label_text, c.noun, said,
                 claim_subject or (None if other else subject), claim_period, shared)
        out.append(
            Claim(
                id="",
                text=_MARKUP_GAP.sub(" ", sentence.text[m.start: max(m.end, c.end)]),
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
            )
        )
    return out


# What the sentence's readers leave for a figure's role and certainty, read on demand (read_role):
# (here, start, end, quantity, label, label text, noun, said, subject, period, shared) -- a plain
# tuple, as one is made for every figure and most are never read.


def read_role(claim: Claim) -> Claim:
    """Fill in the claim's role and weak cues (once): the judge asks only for figures a source could compare."""
    if claim.later is None:
        return claim
    here, start, end, quantity, label, label_text, noun, said, subject, period, shared = claim.later  # type: ignore[misc]
    if not shared:  # once a sentence, for all its figures
        shared += [sentence_cues(here.sentence.text), tuple((e.start, e.end) for e in here.found), []]
    cues, names, tense = shared
    role = role_of(here.sentence.text, start, end, quantity, label_text,
                   label.end if label is not None and label.end <= start else None, names, cues)
    claim.role, claim.role_cue = (role.name, role.cue) if role else (None, None)
    claim.weak = _weak_cues(here, start, end, label, said, subject, period, noun.lower(), cues, tense)
    claim.later = None
    return claim


def _weak_cues(here: _Here, start: int, end: int, label, said, subject: Entity | None, period: Period | None, noun: str,
               cues: frozenset[str], tense: list[tuple[bool, bool, bool]]) -> tuple[str, ...]:
    """What a figure's reading rests on that is too weak to contradict it (issue 16: precision before reach).

    Strong: a measure label the sentence names for the figure; a subject said of the measure
    ("population of X", "X's population"), owning the figure, or the only country the sentence
    names; a period stated in the sentence, or none with the present tense ("has a population of").
    """
    text = here.sentence.text
    out: list[str] = []
    if label is None and (not noun or set(noun.split()) <= attach.UNIT_NOUNS):
        # "29 medical expert teams" names what it counts; "1,436 residents" could be anyone's
        out.append("the measure was matched by similarity, not named")
    if subject is not None:
        if said is None:
            # the document's own subject ("# Kenya", "Demographics of Kenya") in a sentence naming nothing else is certain
            if not (subject == here.title and here.unknown is None and all(e.entity.id.startswith("org:") for e in here.found)):
                out.append(f"'{subject.name}' is carried from an earlier sentence, not named in this one")
        else:
            countries = {e.entity.id for e in here.found if not e.demonym and is_country(e.entity)}
            structural = attach.said_or_owned(text, here.found, label, said, start)
            if not structural and (len(countries | {subject.id}) > 1):
                out.append(f"'{subject.name}' is only the nearest of {len(countries | {subject.id})} names in the sentence")
            elif said.demonym and not attach.names_measure(text, said, label):
                out.append(f"'{subject.name}' is read from an adjective ('{text[said.start:said.end]}')")
    if period is None or period.inherited:
        if not tense:
            tense.append(_tense(text, cues))
        past, present, vague = tense[0]
    else:
        past = present = vague = False
    if period is None:
        if past and not present:
            out.append("the sentence is in the past tense and names no year")
    elif period.inherited:
        out.append(f"the period '{period.text}' is carried from an earlier sentence")
    if "have" in cues and _LATER.search(text, max(0, start - 40), start) or "since" in cues and _LATER.search(text, max(0, start - 40), start):
        out.append("the figure is what the subject came to later, at a time the sentence does not give")
    if not cues.isdisjoint(_COMPARED_CUES) and _COMPARED.search(text, max(0, start - 60), start):
        out.append("the figure is one the sentence compares the subject's with, not its own")
    if "|" in text and _TABLE_CELL.search(text, 0, start) and _TABLE_CELL_AFTER.match(text, end):
        out.append("the figure is read from a table cell, whose row and column headings say what it is")
    if (period is None or period.inherited) and vague:
        out.append("vague period")  # a figure with a year of its own is dated by it, whatever else the sentence recalls
    return tuple(out)


_LATER = re.compile(r"\b(?:to[ \t]+have|(?:has|have|had)[ \t]+since)[ \t]+(?:increased|grown|risen|fallen|decreased|declined|dropped|"
                    r"climbed|reached|doubled|shrunk)[ \t]+(?:to[ \t]+)?(?:about[ \t]+|around[ \t]+|some[ \t]+|nearly[ \t]+)?$", re.I)
_COMPARED = re.compile(r"\b(?:below|above|than|exceed\w*|short[ \t]+of|under|compared[ \t]+(?:with|to)|versus|vs\.?|against)[ \t]+"
                      r"(?:the[ \t]+)?(?:[\w-]+[ \t]+){0,2}(?:estimates?|projections?|forecasts?|expectations?|figures?|numbers?|"
                      r"predictions?|targets?)[ \t]+(?:of[ \t]+)?(?:more[ \t]+than[ \t]+|over[ \t]+|about[ \t]+|some[ \t]+)?$", re.I)
_COMPARED_CUES = frozenset("estimate estimates projection projections forecast forecasts expectation expectations figure figures "
                           "number numbers prediction predictions target targets".split())


def _tense(text: str, cues: frozenset[str]) -> tuple[bool, bool, bool]:
    """Whether the sentence has a verb in the past, one in the present, and a vague or historical time: once a sentence."""
    vague = (not cues.isdisjoint(_VAGUE_CUES) or _OLD_YEAR_OR_DECADE.search(text) is not None) and _VAGUE_TIME.search(text) is not None
    return _PAST.search(text) is not None, _PRESENT.search(text) is not None, vague


_VAGUE_CUES = frozenset("time then those early mid late century centuries independence prior war pre prewar post postwar interwar "
                        "during colonial medieval ancient antiquity dynasty empire formerly historically".split())
_OLD_YEAR_OR_DECADE = re.compile(r"\b1[0-7]\d\d\b|\d{3,4}s\b")


_TABLE_CELL = re.compile(r"\|[^|]{0,60}$")
_TABLE_CELL_AFTER = re.compile(r"[^|]{0,60}\|")
_PAST = re.compile(r"\b(?:was|were|had|numbered|totalled|totaled|counted|reached|stood|grew|rose|fell|amounted|peaked|lost|became|"
                   r"saw|took|gave|made|left|went|came|[a-z]{3,}ed)\b", re.I)
_PRESENT = re.compile(r"\b(?:is|are|has|have|numbers|totals|counts|stands|amounts|remains|exceeds|lives|live|reaches)\b", re.I)
# Times a record of recent years cannot speak for: eras, decades, centuries, "at that time".
_VAGUE_TIME = re.compile(
    r"\b(?:at[ \t]+(?:that|the)[ \t]+time|the[ \t]+then|'s[ \t]+then|by[ \t]+then|until[ \t]+then|in[ \t]+those[ \t]+days|"
    r"(?:early|mid|late)[ \t-]+\d{3,4}s|\d{3,4}s\b|\d{1,2}(?:st|nd|rd|th)[ \t-]+centur(?:y|ies)|"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|"
    r"sixteenth|seventeenth|eighteenth|nineteenth|twentieth)[ \t-]+centur(?:y|ies)|"
    r"(?:before|after|since|until|at)[ \t]+(?:the[ \t]+)?independence|prior[ \t]+to|pre-?war|post-?war|interwar|"
    r"during[ \t]+the[ \t]+(?:war|occupation|reign|rule|colonial|dynasty|empire|period|era|depression|crisis)|"
    r"colonial|medieval|ancient|antiquity|dynasty|empire|formerly|historically|"
    r"\b(?:in|by|of|from|around|circa|c\.)[ \t]+1[0-7]\d\d\b|\b1[0-7]\d\d\b)",
    re.I,
)


def _figureless_claims(here: _Here, lists: list[MemberList], statements: list[Statement]) -> list[Claim]:
    """One claim per named item of each enumeration, and one per statement of participation or event."""
    sentence, lines = here.sentence, here.lines
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
            subject=_subject_before(sentence.text, here.entities, start, organisations=True) or here.subject, period=claim_period,
            enumeration=position, kind=kind, item=item,
        ))
    return out


_JUST_AFTER = re.compile(r"^[ \t]*(?:\(|,[ \t]*)?(?:(?:in|at|during|by)[ \t]+the|in|as[ \t]+of|for|by|at[ \t]+the[ \t]+end[ \t]+of)?[ \t]*$", re.I)


def _period_for(text: str, periods: list[PeriodMention], start: int, end: int, carried: Period | None, noun_end: int = 0) -> Period | None:
    """The period right after a figure or its noun ("60.9 million in 2000", "28.7 million inhabitants in 1999"),
    else the nearest before it, else the paragraph's."""
    for stop in (end, noun_end) if noun_end > end else (end,):
        for p in periods:
            if stop <= p.start <= stop + 16 and _JUST_AFTER.match(text[stop:p.start]):
                return p.period
    return _period_at(periods, start, carried)


def _period_at(periods: list[PeriodMention], position: int, carried: Period | None) -> Period | None:
    """The period nearest ``position`` in the sentence, else the paragraph's (marked inherited)."""
    return nearest(periods, position) or (inherited(carried) if carried is not None else None)


_MARKUP_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")  # where Markdown markup was blanked: "70.6 billion   masks"
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
        item = re.sub(r"\s+", " ", (claim.item or claim.text).strip().lower())
        return "|".join([subject, claim.kind, claim.measure, item])
    figure = re.sub(r"\s+", " ", q.text.strip().lower())
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
