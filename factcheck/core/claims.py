"""The claim stage: a document's text in, atomic claims (one figure each) out.

Enumerations: in "more than 70.6 billion masks, 340 million protective suits, ..."
every item is its own claim. A leading hedge does NOT distribute over the list:
"more than" grammatically bounds the figure it precedes, and spreading it would
turn exact later figures into open bounds that can hardly be contradicted. The
hedge is recorded on each later item as ``list_hedge`` so a reviewer sees it.

Periods: the period phrase nearest before the figure in its sentence, else after
it; a sentence without one inherits its paragraph's last period (``inherited``).
Subjects: the first entity named before the figure, else the paragraph's last.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import date

from . import context as ctx
from .document import LineIndex, sentences
from .entities import find_entities
from .model import Claim, Entity, Period, Qualifier, Sentence, Span
from .periods import PeriodMention, find_periods, inherited, nearest
from .quantities import Mention, find_quantities

_LIST_GAP = re.compile(r"^[ \t]*(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|and[ \t]+|or[ \t]+)$")


def extract_claims(text: str, *, markdown: bool = False, doc_date: date | None = None) -> list[Claim]:
    """Every quantity mention of ``text`` as one claim, in document order."""
    claims = _claims(text, sentences(text, markdown), doc_date)
    _assign_ids(claims)
    return claims


def _claims(text: str, sents: list[Sentence], doc_date: date | None) -> list[Claim]:
    """Claims of the sentences, without ids; subject and period carry within a paragraph."""
    lines = LineIndex(text)
    claims: list[Claim] = []
    block = -1
    subject: Entity | None = None
    period: Period | None = None
    for sentence in sents:
        if sentence.block != block:
            block, subject, period = sentence.block, None, None
        mentions = find_quantities(sentence.text)
        entities = find_entities(sentence.text) if (mentions or subject is None) else []
        periods = find_periods(sentence.text, doc_date) if mentions or period is None else []
        if mentions:
            claims.extend(_sentence_claims(sentence, mentions, entities, periods, subject, period, lines))
        if entities:
            subject = _sentence_subject(sentence.text, entities) or subject
        if periods:
            period = periods[-1].period
    return claims


def _sentence_subject(text: str, entities: list[tuple[int, int, Entity]]) -> Entity | None:
    """What a sentence is about, carried to the next ones: its first country that is not a recipient."""
    for start, _, entity in entities:
        if not entity.id.startswith("org:") and not _RECIPIENT.search(text[max(0, start - 12):start]):
            return entity
    return None


def _sentence_claims(
    sentence: Sentence,
    mentions: list[Mention],
    entities: list[tuple[int, int, Entity]],
    periods: list[PeriodMention],
    subject: Entity | None,
    period: Period | None,
    lines: LineIndex,
) -> list[Claim]:
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
        claim_subject = _subject_before(sentence.text, entities, m.start)
        claim_period = nearest(periods, m.start)
        if claim_period is None and period is not None:
            claim_period = inherited(period)
        out.append(
            Claim(
                id="",
                text=sentence.text[m.start: max(m.end, c.end)],
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
                measure=c.measure,
                subject=claim_subject or subject,
                period=claim_period,
                enumeration=position if in_enumeration else None,
            )
        )
    return out


_RECIPIENT = re.compile(r"\b(?:to|from|with|against|than|for)[ \t]+(?:the[ \t]+)?$", re.I)


def _subject_before(text: str, entities: list[tuple[int, int, Entity]], position: int) -> Entity | None:
    """The nearest country named before a figure that is not a recipient ("to France")."""
    for start, _, entity in reversed(entities):
        if start >= position or entity.id.startswith("org:"):
            continue
        if not _RECIPIENT.search(text[max(0, start - 12):start]):
            return entity
    return None


def claim_key(claim: Claim) -> str:
    """What identifies a claim: its subject, what it counts and its figure; not where it is."""
    q = claim.quantity
    subject = claim.subject.id if claim.subject else ""
    figure = re.sub(r"\s+", " ", q.text.strip().lower())
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
