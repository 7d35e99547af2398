"""The vocabulary of the configured sources: which words name an entity, which name a measure.

Built once per catalogue from what the sources hold: every entity code and name in their data,
the aliases a source gives (``entity_aliases``), the country names pycountry knows (official,
common, and the older or short names prose still uses), and every measure label with its
inflected forms. Mentions are found in one left-to-right pass over a sentence's words through a
token trie (longest match at each word). pyahocorasick was the other candidate: it matches
characters, so 6% of its raw hits were inside other words ("oman" in "Romania") and needed a
word-boundary check afterwards; a trie over words has no such hits, and a sentence has few words.

Nothing here is specific to countries: an entity is whatever a source has records for (a region,
"the world", an age group, a city, an organisation).

Places inside countries (cities, states, provinces: :mod:`factcheck.core.places`) are looked up in the
same pass, at the same word, from the gazetteer's shared index: a place is an entity whose id is
``place:<country>``. A name of the sources or a country wins over a place of the same length
("Mexico", "Luxembourg"); a longer place wins over the country inside it ("Mexico City", "New Mexico").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from .measures import GENERIC, stem
from .model import Entity, Measure
from .entities import _demonym_words
from .places import Index
from .common_words import MONTHS, SENTENCE_WORDS
from .tokens import Word, normalise, words  # noqa: F401  (re-exported: the lexicon's view of a sentence)

_END = "\0"
_FIRST_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
# Entity names that are ordinary lower-case words in prose ("the world").
_LOWER_CASE_NAMES = frozenset({"world"})
# Capitalised words that make a larger name of the entity after them ("Latin America", "New Mexico").
_NAME_MODIFIERS = frozenset(
    "latin north south east west central northern southern eastern western new greater upper lower "
    "old great little equatorial middle far near".split()
)


@dataclass(slots=True, unsafe_hash=True)  # immutable by convention, not frozen for speed (core.model)
class EntityMention:
    start: int
    end: int
    entity: Entity
    possessive: bool  # "France's"
    demonym: bool = False  # "American", "Chinese": an adjective far more often than a subject


@dataclass(slots=True, unsafe_hash=True)  # immutable by convention, not frozen for speed (core.model)
class MeasureMention:
    start: int
    end: int
    keys: tuple[str, ...]  # every measure with this label
    label: str
    first: int  # index of the mention's first and last word
    last: int


@dataclass
class Lexicon:
    """Token tries of entity names and measure labels."""

    entity_trie: dict = field(default_factory=dict)
    measure_trie: dict = field(default_factory=dict)
    measure_words: frozenset[str] = frozenset()  # normalised words of every measure label
    places: Index | None = None  # the gazetteer's index (shared by every lexicon of the process)

    # -- building --
    def add_entity(self, name: str, entity: Entity) -> None:
        tokens = [normalise(w.text) for w in words(name)]
        if not tokens:
            return
        node = self.entity_trie
        for t in tokens:
            node = node.setdefault(t, {})
        exact = name.isupper() and len(name.replace(".", "")) <= 4  # "US", "UAE", "FRA": upper case only
        node.setdefault(_END, (entity, exact))

    def add_measure(self, label: str, key: str) -> None:
        tokens = measure_tokens(label)
        if not tokens:
            return
        node = self.measure_trie
        for t in tokens:
            node = node.setdefault(t, {})
        keys, shown = node.get(_END, ((), label))
        if key not in keys:
            node[_END] = (keys + (key,), shown)

    # -- finding --
    def entities_in(self, text: str, ws: list[Word] | None = None) -> list[EntityMention]:
        """Entity names in a sentence, longest first at each word, not inside a larger proper name."""
        ws = words(text) if ws is None else ws
        out: list[EntityMention] = []
        heads = self.places.heads if self.places is not None else {}
        i = 0
        n = len(ws)
        while i < n:
            if not ws[i].text[:1].isupper() and ws[i].key not in _LOWER_CASE_NAMES:
                i += 1  # a name starts with a capital ("world" aside): no walk of the tries from a lower-case word
                continue
            hit = self._longest(ws, i)
            most = heads.get(ws[i].key)
            if most is not None:
                place = self._place(ws, i, most)
                if place is not None and (hit is None or place[0] > hit[0]):
                    hit = place
            if hit is None:
                i += 1
                continue
            j, entity = hit
            first, last = ws[i], ws[j - 1]
            if not _currency(text, ws, last, j) and not _part_of_larger_name(text, ws, i, j):  # "US$50", "US dollars"
                out.append(EntityMention(first.start, last.end, entity, last.possessive))
            i = j
        return out

    def may_name(self, text: str) -> bool:
        """Whether a sentence could name an entity at all: a capital after its first letter, a first word
        that starts a name, or "world". A test in C before the words and the tries, for sentences without figures."""
        rest = text[1:]
        if rest != rest.lower():
            return True
        first = _FIRST_WORD.match(text)
        if first is not None:
            key = normalise(first.group())
            if key in self.entity_trie or (self.places is not None and key in self.places.heads) or key in _demonym_words():
                return True
        return "world" in rest

    def _place(self, ws: list[Word], i: int, most: int) -> tuple[int, Entity] | None:
        """The longest gazetteer name at word ``i``, capitalised ("Vilnius", "New South Wales")."""
        names = self.places.names  # type: ignore[union-attr]
        if most == 1:
            found = names.get(ws[i].key)
            return (i + 1, _place_entity(found[0], found[1])) if found is not None else None
        for n in range(min(most, len(ws) - i), 0, -1):
            if any(w.possessive for w in ws[i:i + n - 1]):
                continue
            found = names.get(ws[i].key if n == 1 else " ".join(w.key for w in ws[i:i + n]))
            if found is not None:
                return i + n, _place_entity(found[0], found[1])
        return None

    def _longest(self, ws: list[Word], i: int) -> tuple[int, Entity] | None:
        node = self.entity_trie
        best = None
        j = i
        while j < len(ws) and ws[j].key in node:
            node = node[ws[j].key]
            j += 1
            if _END in node:
                entity, exact = node[_END]
                text = " ".join(w.text for w in ws[i:j])
                if exact and text.replace(".", "") != text.replace(".", "").upper():
                    pass
                elif exact or ws[i].text[0].isupper() or ws[i].key in _LOWER_CASE_NAMES:
                    best = (j, entity)
            if ws[j - 1].possessive:
                break
        return best

    def measures_in(self, text: str, ws: list[Word] | None = None) -> list[MeasureMention]:
        """Measure labels in a sentence (content words in order, inflections folded), longest first."""
        ws = words(text) if ws is None else ws
        if not self.measure_trie:
            return []
        content = [(k, w) for k, w in enumerate(ws) if w.key not in _LABEL_STOPWORDS]
        out: list[MeasureMention] = []
        i = 0
        while i < len(content):
            node = self.measure_trie
            j = i
            best = None
            while j < len(content) and (s := _stem(content[j][1].key)) in node:
                if j > i and _CLAUSE_BREAK.search(text, ws[content[j - 1][0]].end, ws[content[j][0]].start):
                    break  # a label does not run across a comma, a bracket or a figure ("countries, and offered assistance")
                node = node[s]
                j += 1
                if _END in node:
                    best = (j, node[_END])
                if content[j - 1][1].possessive:
                    break
            if best is None:
                i += 1
                continue
            j, (keys, label) = best
            a, b = content[i][0], content[j - 1][0]
            out.append(MeasureMention(ws[a].start, ws[b].end, keys, label, a, b))
            i = j
        return out


_LABEL_STOPWORDS = frozenset(
    "the a an of in for on at by to from with as its their total".split()
)
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\u2014]|\s-\s|\d")


_stem = stem  # one folding of inflections for labels and the fuzzy scorer alike


def measure_tokens(label: str) -> list[str]:
    return [_stem(w.key) for w in words(label) if w.key not in _LABEL_STOPWORDS]


@lru_cache(maxsize=4096)
def _place_entity(country: str, name: str) -> Entity:
    return Entity(f"place:{country}", name)


def is_place(entity: Entity) -> bool:
    """A place inside a country (a city, a state, a province), from the gazetteer."""
    return entity.id.startswith("place:")


_CURRENCY_WORDS = frozenset("dollar dollars cent cents".split())


def _currency(text: str, ws: list[Word], last: Word, j: int) -> bool:
    """'US$50', 'US $50', 'US dollars', 'Hong Kong dollars': a currency names no subject."""
    return text[last.end:last.end + 1] == "$" or (text[last.end:last.end + 2] == " $" and last.text.isupper()) or (j < len(ws) and ws[j].key in _CURRENCY_WORDS
                                                   and text[last.end:ws[j].start] == " ")


def _part_of_larger_name(text: str, ws: list[Word], i: int, j: int) -> bool:
    """'Latin America', 'New Mexico', 'World Bank': a capitalised word glued to the name makes another name."""
    if i > 0:
        before = ws[i - 1]
        glued = text[before.end:ws[i].start] in (" ", "-") and not before.possessive
        if glued and before.text[:1].isupper() and (i - 1 > 0 or before.key in _NAME_MODIFIERS) and before.key not in SENTENCE_WORDS:
            return True
    if i >= 2 and ws[i - 1].key == "of" and ws[i - 2].key in _WATERS:
        return True  # "the Gulf of Guinea", "the Sea of Japan": a sea or a lake (a data page's "on the Gulf of Guinea with over 205
        # million residents" had been read as Guinea's)
    if j < len(ws):
        after = ws[j]
        glued = text[ws[j - 1].end:after.start] == " " and not ws[j - 1].possessive
        if glued and after.text[:1].isupper() and after.key not in SENTENCE_WORDS and not after.text.isupper():
            return True
        if glued and after.key in _WATERS_AFTER:
            return True  # "the Congo basin", "the Niger river"
    return False


_WATERS = frozenset("gulf sea bay bight strait straits lake isthmus".split())
_WATERS_AFTER = frozenset("river basin delta".split())


def unknown_names(text: str, ws: list[Word], known: list[EntityMention], lexicon: Lexicon) -> list[str]:
    """Proper names in a sentence that no source knows: a subject nobody can check ("Atlantis had ...")."""
    covered = [(m.start, m.end) for m in known]
    out: list[str] = []
    k = 0
    while k < len(ws):
        w = ws[k]
        inside = any(s <= w.start < e for s, e in covered)
        if inside or not w.text[:1].isupper() or w.key in SENTENCE_WORDS or w.key in MONTHS or w.key in lexicon.measure_words \
                or (w.key in _SPOKEN_WORDS and not w.text.isupper()) or _CONTRACTION.search(w.text) \
                or w.key in _demonym_words():  # "spoke German": a language or a people's adjective, no unknown place
            k += 1
            continue
        j = k + 1
        while j < len(ws) and ws[j].text[:1].isupper() and text[ws[j - 1].end:ws[j].start] in (" ", "-") and not ws[j - 1].possessive:
            j += 1
        name = text[w.start:ws[j - 1].end]
        if any(ws[i].key in _NOT_A_SUBJECT for i in range(k, j)) or (j - k == 1 and w.key in _CONTINENTS):
            k = j
            continue  # "the National Statistical Committee", "Africa": a publisher or a continent, not what is counted
        initial = k == 0 or text[:w.start].rstrip().endswith((".", ":", "\u2014"))
        follows = ws[j].key if j < len(ws) else ""
        # A capitalised first word is a name only when it acts like one: "Gondor's", "Atlantis had"
        # (a plural noun starting a sentence, "Exports were", is not a name).
        plural = w.key.endswith("s") and not w.key.endswith(("ss", "is", "us")) and j - k == 1
        if not initial or ws[j - 1].possessive or (follows in _SUBJECT_VERBS and not plural) or j - k > 1:
            if not (j - k == 1 and w.text.isupper() and len(w.text) <= 5):  # an acronym: "GDP", "CPI"
                out.append(name)
        k = j
    return out


# Capitalised words of speech and questions that are never names (read on the CLEF debate transcripts, where
# "I'm", "What", "Wow" and "They're" were each given a figure as its unknown subject); "WHO" in capitals stays a name.
_SPOKEN_WORDS = frozenset(
    "what who whom whose why how where which wow oh ah well yes yeah no okay ok look listen please thank thanks let hey "
    "sorry believe remember folks".split()
)
_CONTRACTION = re.compile(r"['\u2019](?:m|ve|d|ll|re|t)$", re.I)  # "I'm", "You'll", "They're", "Don't"


def name_like(name: str) -> bool:
    """Whether words read where a subject would be look like a proper name a source could hold.

    Real articles hold tables and headings: "USD BILLIONS 12.3", "Age Group 0-14", "Government 55%"
    put capitalised words before a figure that name nothing (read on the Wikipedia articles, where
    they were a third of the unknown subjects). Several words in capitals are a heading; a name whose
    last word is a common noun of statistics ("EXPORT", "Public Debt") is a column or a category.
    """
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and " " in name.strip() and "," not in name:
        return False  # "USD BILLIONS", "BELOW POVERTY LINE" (one word in capitals may be an acronym: "UNICEF", "ECOWAS")
    last = name.replace("\u2019", "'").rstrip(" .,;:").rsplit(None, 1)[-1].lower() if name.strip() else ""
    return last not in _COMMON_HEADS


def names_a_faith(name: str) -> bool:
    """'Roman Catholics', 'Evangelicals', 'Sunni Muslims': the followers of a religion, a part of a population."""
    last = name.rstrip(" .,;:").rsplit(None, 1)[-1].lower() if name.strip() else ""
    return last in _FAITHS or last.removesuffix("s") in _FAITHS


_FAITHS = frozenset(
    "christian catholic protestant muslim moslem buddhist hindu jew jewish evangelical orthodox anglican methodist calvinist "
    "lutheran baptist mormon sikh pentecostal adventist atheist animist shia shiite sunni presbyterian jain bahai irreligious".split()
)


# Last words of capitalised phrases that are columns, categories or common nouns, never a subject's name.
_COMMON_HEADS = frozenset(
    "government public private sector sectors other others same total totals percent percentage proportion share ratio year years "
    "age group groups male males female females men women employed unemployed rural urban estimate estimates ranking rank "
    "country countries area territory region regions tourism imports exports export import growth budget debt revenue income "
    "poor rich canned fabricated live prime real nominal gdp gnp gni exchange volume rate rates index population value values "
    "number numbers amount source sources note notes average median category type item items unit units".split()
)


# Words of names that are never the subject a figure counts: publishers, documents, continents and seas.
_NOT_A_SUBJECT = frozenset(
    "committee office bureau agency institute institution ministry department service services bank fund organization "
    "organisation council commission statistics statistical census university survey report database factbook division "
    "authority board centre center foundation programme program news times post journal review press association".split()
)
_CONTINENTS = frozenset("africa asia europe oceania america americas antarctica caribbean pacific atlantic mediterranean arctic "
                        "sahara sahel balkans scandinavia".split())

_SUBJECT_VERBS = frozenset("had has have was is were counted recorded reached numbered totalled totaled stood grew".split())


def build(entities: Iterable[tuple[str, str]], aliases: Mapping[str, Iterable[str]], measures: Iterable[Measure]) -> Lexicon:
    """A lexicon of the default country names, the sources' entities and aliases, and their measures."""
    from .entities import default_names
    from .places import index

    lex = Lexicon(places=index())

    for name, entity in default_names().items():
        lex.add_entity(name, entity)
    names: dict[str, str] = {}
    for code, name in entities:
        if code:
            names.setdefault(code, name or code)
    for code, name in names.items():
        entity = Entity(code, name)
        lex.add_entity(name, entity)
        if code.isupper() and 2 <= len(code) <= 3 and code.isalpha() and code not in _CODES_THAT_ARE_WORDS:
            lex.add_entity(code, entity)
    for code, extra in aliases.items():
        entity = Entity(code, names.get(code, code))
        for alias in extra:
            lex.add_entity(alias, entity)
    words_of_labels: set[str] = set()
    for m in measures:
        for label in labels_of(m):
            lex.add_measure(label, m.key)
            words_of_labels.update(w.key for w in words(label))
    lex.measure_words = frozenset(words_of_labels)
    return lex


# ISO and World Bank codes that are English words in capitals ("GDP PER CAPITA", "AND", "CAN"): never a name.
_CODES_THAT_ARE_WORDS = frozenset(
    "AND ARE ARM BEN CAN DOM FIN GAB GIN JAM MAC MAR NOR PAN PER TON TUN SUR HIC LIC MIC LMC UMC EAR LTE PRE PST "
    "IDA IBD IDB IDX OED EMU FCS HPC LDC SST CSS OSS PSS TEA TEC TLA TMN TSA TSS ECA ECS EAS EAP LAC LCN MEA MNA NAC "
    "SAS SSA SSF WLD ARB EUU AFE AFW INX".split()
)


# Statistical acronyms and what they stand for: a label with one is also a label with the other.
_ACRONYMS = {"gdp": "gross domestic product", "gni": "gross national income", "gnp": "gross national product",
             "cpi": "consumer price index", "fdi": "foreign direct investment"}
_EXPANSIONS = {v: k for k, v in _ACRONYMS.items()}


def labels_of(measure: Measure) -> list[str]:
    """A measure's labels, with the forms prose gives long statistical labels.

    "Inflation, consumer prices (annual %)" is also "Inflation" (the head before a comma or a
    bracket); "Mortality rate, infant" also "infant mortality rate" (the qualifier in front);
    "Life expectancy at birth" also "Life expectancy"; "GDP (current US$)" also "gross domestic product".
    """
    out: list[str] = []
    for label in measure.labels:
        out.append(label)
        parts = re.split(r"[,(]", label, maxsplit=1)
        head = parts[0].strip()
        if head and head != label and any(w.key not in GENERIC for w in words(head)):
            out.append(head)
            qualifier = re.sub(r"\([^)]*\)", "", label[len(parts[0]) + 1:]).strip(" ,)")
            if parts[1:] and label[len(parts[0])] == "," and 1 <= len(qualifier.split()) <= 2:
                out.append(f"{qualifier} {head}")
        short = re.sub(r"\s+at\s+\w+$", "", head)
        if short != head and short:
            out.append(short)
    for label in list(out):
        low = label.lower()
        for a, b in list(_ACRONYMS.items()) + list(_EXPANSIONS.items()):
            if re.search(rf"\b{a}\b", low):
                out.append(re.sub(rf"\b{a}\b", b, low))
    return list(dict.fromkeys(out))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """Country and organisation names only: what is known without any source."""
    return build([], {}, [])
