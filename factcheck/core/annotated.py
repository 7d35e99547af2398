"""One sentence annotated by the readers: tokens made once, each reader's spans added to them.

The claim stage reads a sentence in layers: the tokens (:mod:`factcheck.core.tokens`, one pass for
every view), then the figures (quantities), the names (entities, places, demonyms), the measure
labels and the periods, each a list of spans over the sentence's text. Attachment reads these
spans and never scans the sentence again; the cues the role readers need are made once a sentence,
and only when a figure's role is read (most figures match no source and never are).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from .lexicon import EntityMention, MeasureMention
from .model import Entity, Period, Sentence
from .periods import PeriodMention
from .quantities import Mention, Quantity
from .tokens import Token, Word


@dataclass(slots=True)
class Annotated:
    """A sentence, its layers of spans, and what its paragraph carries into it."""

    sentence: Sentence
    words: list[Word]  # the lexicon's view of the tokens (released once the sentence's claims are made)
    tokens: list[Token]  # the context's view (empty for a sentence without figures; released likewise)
    quantities: list[Mention]
    entities: list[EntityMention]  # names, places and demonyms, with their possessives
    measures: list[MeasureMention]  # the sources' measure labels
    periods: list[PeriodMention]
    unknown: str | None = None  # a proper name no source knows, named where the subject would be
    # what the paragraph carries into the sentence
    subject: Entity | None = None  # the paragraph's subject so far (None after a sentence about an unknown place)
    period: Period | None = None  # the paragraph's last period
    title: Entity | None = None  # the country the document's title names ("# Economy of Kenya")
    ppp: bool = False  # an earlier sentence of the paragraph spoke of purchasing power parity
    # made on demand, once a sentence, by the role and certainty readers (core.certainty)
    cues: frozenset[str] | None = None
    tense: tuple[bool, bool, bool] | None = None  # (past, present, vague time)
    names: tuple[tuple[int, int], ...] = field(default=())

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def triples(self) -> list[tuple[int, int, Entity]]:
        """The entities as (start, end, entity), the shape the member and statement readers take."""
        return [(e.start, e.end, e.entity) for e in self.entities]


class Reading(NamedTuple):
    """What attachment read for one figure, kept for the role and certainty readers (core.certainty).

    Made for every figure and read only for those a source could compare: a plain tuple.
    """

    annotated: Annotated
    start: int  # the figure's offsets in the sentence
    end: int
    quantity: Quantity
    label: MeasureMention | None  # the measure label the figure was attached to
    noun: str  # what the figure counts ("inhabitants")
    said: EntityMention | None  # the name the subject was read from (None: carried)
    subject: Entity | None
    period: Period | None
