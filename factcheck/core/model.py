"""Plain data passed between the stages of the pure core.

Dataclasses with slots, not pydantic: these are built in hot loops (thousands per
document). The report models in :mod:`factcheck.models` translate them at the edge.

The values the claim stage makes for every sentence and figure (``Span``, ``Sentence``, ``Period``,
``Quantity``, and the readers' mentions) and the records a source's series is made of (``Observation``)
are immutable by convention, not ``frozen``: a frozen
dataclass's ``__init__`` sets each field through ``object.__setattr__``, 3-4x the cost of a plain
one (about 0.7 µs against 0.2 µs for five fields), and there are tens of thousands a document.
``unsafe_hash=True`` keeps them hashable by value, as frozen ones are; nothing assigns to them
(change one with ``dataclasses.replace``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum


class Qualifier(str, Enum):
    EXACT = "exact"
    APPROXIMATELY = "approximately"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"

    def negated(self) -> Qualifier:
        """The bound on the negative of the value: "fell by more than 16%" is a change of less than -16%."""
        return _NEGATED.get(self, self)


_NEGATED = {Qualifier.MORE_THAN: Qualifier.LESS_THAN, Qualifier.LESS_THAN: Qualifier.MORE_THAN,
            Qualifier.AT_LEAST: Qualifier.AT_MOST, Qualifier.AT_MOST: Qualifier.AT_LEAST}


@dataclass(slots=True, unsafe_hash=True)  # immutable by convention: see the module's docstring
class Span:
    """A half-open character range ``[start, end)`` in the document text."""

    start: int
    end: int


@dataclass(slots=True, unsafe_hash=True)  # immutable by convention: see the module's docstring
class Sentence:
    start: int
    end: int
    text: str
    block: int  # index of the paragraph (block) the sentence belongs to
    heading: str | None = None  # the nearest Markdown heading above, of any level
    title: str | None = None  # the document's title: the last level-1 heading ("# Lithuania") above
    item: bool = False  # the sentence is in a list item
    above: tuple[str, ...] = ()  # the headings that contain ``heading``, outermost first


@dataclass(slots=True, unsafe_hash=True)  # immutable by convention: see the module's docstring
class Period:
    """When a figure holds: a range, or an as-of date (``start`` is None).

    ``year_known`` is False when a date had no year and the document has no date:
    the period then says so instead of guessing this year.
    """

    start: date | None
    end: date | None
    text: str
    kind: str  # as_of | range | year | month | quarter | day | since
    year_known: bool = True
    inherited: bool = False


@dataclass(slots=True, unsafe_hash=True)  # immutable by convention: see the module's docstring
class Quantity:
    """A stated figure and the interval its precision and qualifier imply."""

    value: float
    text: str
    unit: str | None  # "%", "pp" or None (a count or an amount)
    currency: str | None
    qualifier: Qualifier
    qualifier_text: str | None
    precision: float  # half of the unit of the last stated digit
    value_high: float | None = None  # upper end of a stated range
    list_hedge: str | None = None  # leading hedge of an enumeration not applied to this item
    change: str | None = None  # "increase" or "decrease": the figure is a change ("fell by 0.7%"), not a level


@dataclass(frozen=True, slots=True)
class Entity:
    id: str  # ISO 3166-1 alpha-3 for countries, "org:WHO" for organisations
    name: str


@dataclass(slots=True)
class Claim:
    id: str
    text: str  # the mention, e.g. "more than 70.6 billion masks"
    span: Span
    sentence: Sentence
    line: int
    column: int
    end_line: int  # where the claim's text ends (exclusive column), for editors and SARIF
    end_column: int
    quantity: Quantity | None  # None for a claim without a figure (kind "member" or "statement")
    noun: str  # what the figure counts: "medical expert teams"
    counter: str | None  # a counting word before the noun: "batches", "pairs"
    verb: str | None  # the governing verb: "sent", "exported"
    measure: str  # noun + verb + linking words, what is matched against labels
    subject: Entity | None = None
    period: Period | None = None
    enumeration: int | None = None  # position in an enumeration, 0-based
    kind: str = "figure"  # figure | member (one item of a named enumeration) | statement (participation, event)
    item: str | None = None  # the named item of a member claim, the object of a statement
    measure_keys: tuple[str, ...] = ()  # the sources' measures whose label the sentence names for this figure
    unknown_subject: str | None = None  # a proper name no source knows, where the subject would be ("Atlantis")
    role: str | None = None  # not a level: rate, part, share, rank, duration, change, ... (core.roles); None for a level
    role_cue: str | None = None  # the words that show the role ("per 1,000", "of whom")
    weak: tuple[str, ...] = ()  # cues the reading rests on that cannot carry a contradiction ("subject only by distance")
    later: object | None = None  # what the readers left for role and weak, until core.certainty.read_role fills them in
    versus: tuple[Entity | None, str] | None = None  # a comparison between subjects: the other (None: no source knows it), as written


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a source's records come from; shared by all its observations."""

    source: str
    title: str
    publisher: str | None
    url: str | None
    licence: str
    retrieved: date | None
    sha256: str
    path: str


@dataclass(slots=True, unsafe_hash=True)  # immutable by convention: a source's series are made record by record
class Observation:
    """One record of a reference dataset, with everything needed to cite it."""

    entity: str | None
    entity_name: str | None
    measure: str
    period_start: date | None
    period_end: date | None
    value: float
    unit: str | None
    currency: str | None
    series: str  # level | cumulative | event
    origin: bool  # the record *is* the publication a document's figure comes from
    provenance: Provenance
    row: int
    url: str | None = None
    publisher: str | None = None
    note: str | None = None
    kind: str | None = None  # primary, secondary news, repost: what the cited page is
    member: str | None = None  # set records: the member listed ("Beijing"); places: the place's name
    member_type: str | None = None  # city, province, municipality, country...
    part_of: str | None = None  # the larger place a member lies in ("Sichuan" for Chengdu)
    complete: bool = False  # the record's publication gives the whole set, so absence means not a member

    @property
    def cite_url(self) -> str | None:
        return self.url or self.provenance.url


class Series(list):  # type: ignore[type-arg]
    """A measure's records for one entity as a run fetches them: a list that also gives its records of one year
    without a scan. The judge asks each claim's year of a country's series of sixty years; 8,000 claims scanned
    475,000 records on 1 MB of source prose (issue 19)."""

    __slots__ = ("_years",)

    def in_year(self, year: int) -> list[Observation]:
        """The records whose period ends in ``year``, in the series' order."""
        try:
            years = self._years
        except AttributeError:
            years = self._years = {}
            for r in self:
                if r.period_end is not None:
                    years.setdefault(r.period_end.year, []).append(r)
        return years.get(year, [])


@dataclass(frozen=True, slots=True)
class Measure:
    """A measure a source can answer, with the labels a claim may be matched by."""

    key: str  # "<source>/<measure id>"
    source: str
    id: str
    labels: tuple[str, ...]
    kind: str = "figures"  # figures | set (records list members) | places (a gazetteer: what lies in what)


@dataclass(frozen=True, slots=True)
class Computation:
    """How a derived figure was computed from records (core.derived): shown in every format as evidence."""

    operation: str  # change | percent_change | annual_growth | per_capita | share | rank
    words: str  # the formula in words: "the population of Kenya in 2015 minus the population of Kenya in 2010"
    symbols: str  # the formula in symbols, with the records' values: "population(2015) − population(2010) = ..."
    value: float  # the computed value, in the stated figure's unit
    shown: str  # the computed value as a reader writes it
    alternative: float | None = None  # a second admissible value (a continuous growth rate; the worst rank of a tie)
    alternative_words: str | None = None
    low: float | None = None  # the interval the stated figure means (None: unbounded on that side), filled in by the judge
    high: float | None = None


@dataclass(slots=True)
class Verdict:
    label: str  # supported | contradicted | not_enough_info
    reason: str
    explanation: str
    evidence: list[Observation] = field(default_factory=list)
    reference: str | None = None  # the reference figure as displayed: "96,700", "72,700 to 271,000"
    measure: str | None = None  # the matched measure key
    match_score: float | None = None
    computation: Computation | None = None  # a derived figure: the arithmetic over the evidence
