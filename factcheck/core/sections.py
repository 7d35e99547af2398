"""What the structure of a document says of the figures below a heading or in a list.

A Markdown heading that names one period ("## Outlook for 2031") dates the figures of its section that
name none; a line that introduces a list (no full stop, or a colon: "The largest economies in 2025:",
"Mauritius in figures") gives its items its period and the country it names. A heading that names none takes
that of the nearest heading containing it ("### Japan" under "## The largest economies in 2023"). Both are carried, so a
reading that rests on them is weak (it can support, never contradict): a web page's ranked list under
"the top 10 projected largest economies in 2025" had been compared with the records of 2023.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .model import Entity, Period, Sentence
from .periods import PeriodMention

# How a statement ends; a line that introduces what follows ends otherwise (no full stop), or with a colon.
_STATEMENT_ENDS = frozenset(".!?;)]\"'\u201d")


def _leads(text: str) -> bool:
    """Whether a line introduces what follows rather than stating something (its last character, not a pattern
    searched from every position: this runs on every sentence)."""
    end = text.rstrip()[-1:]
    return end != "" and end not in _STATEMENT_ENDS


@dataclass(slots=True)
class Sections:
    """The period and country the heading above and the list's lead line give, as the sentences go by."""

    periods_of: Callable[[str], list[PeriodMention]]  # a text's own periods
    heading: str | None = None
    section: Period | None = None  # the period the heading above names
    lead: Period | None = None  # the period a list's lead line names, kept while its items go on
    lead_subject: Entity | None = None  # and the country it names

    def enter(self, sentence: Sentence) -> tuple[Period | None, Entity | None]:
        """At the first sentence of a block: the period and the subject the block starts with."""
        if sentence.heading != self.heading:
            self.heading, self.lead = sentence.heading, None
            # the nearest heading that names one period: "### Japan" under "## The largest economies in 2023" is of 2023
            self.section = next((p for h in (sentence.heading, *reversed(sentence.above)) if h
                                 for p in (one_period(self.periods_of(h)),) if p is not None), None)
        if not sentence.item:
            self.lead = self.lead_subject = None
        return self.lead or self.section, self.lead_subject

    def gives(self, period: Period | None) -> bool:
        """Whether ``period`` is the heading's or the lead line's, not carried from a sentence."""
        return period is not None and (period is self.section or period is self.lead)

    def read(self, sentence: Sentence, periods: list[PeriodMention], subject: Entity | None, named: bool, figures: bool) -> None:
        """After a sentence: if it is a line that introduces a list, what it gives the items."""
        if not sentence.item and _leads(sentence.text):
            self.lead = one_period(periods)
            self.lead_subject = subject if named and not figures else None


def one_period(found: list[PeriodMention]) -> Period | None:
    """The one period a heading or a lead line names, if it names exactly one."""
    return found[0].period if found and len({p.period for p in found}) == 1 else None
