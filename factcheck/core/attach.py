"""Which measure and which entity a figure belongs to, read from the sentence's structure.

Adjacency alone reads "The population of France in 2014 was 65.7 million" as a figure of
nothing about nobody. Here a figure takes:

- its **measure** from the sources' labels named in the sentence: the label naming what follows
  the figure ("65.7 million inhabitants", when the clause says where people live, not what they
  did), else the nearest label before it in the sentence ("the population of France ... was"),
  else one after it. A label glued to another word is another measure ("urban population",
  "population density", "GDP per capita"), and "N% of GDP" is a ratio whose base is GDP;
- its **entity**: in "A and B had populations of X and Y, respectively" by order; else the
  entity the measure is said of ("population of France", "France's population", "inflation
  ... for Afghanistan"); else the nearest entity before the figure that is not a recipient
  ("sent 29 teams to Italy") nor named only in a comparison ("after Brazil", "than Mexico",
  "second only to", "compared with", "ahead of", "behind"), else the nearest one after it
  ("9.3% of GDP in Spain"). A region or group of countries ("the world", "Europe",
  "Sub-Saharan Africa", "the EU") is a subject only when the figure is said of it ("the world's
  population of 7.7 billion"), never for being the nearest name.

The subject found may be a place inside a country (a city, a state: ``place:`` entities of the
gazetteer); the claim stage then gives the claim no country subject but the place's name as
``unknown_subject``. A figure counting a nationality or origin group ("117,000 Turkish citizens
living in Austria", "Indians in Oman number 800,000", "migrants from Bangladesh (107,125)") is a
part of a population, not the country it names: :func:`group_for` finds the group's phrase.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter, methodcaller

from .context import STOPWORDS, is_verb
from .entities import _country_codes as _country_ids
from .lazy import lazy
from .lexicon import EntityMention, MeasureMention, Word
from .model import Entity

# Words before a label that keep its meaning ("the estimated population", "annual inflation").
BENIGN_MODIFIERS = frozenset(
    "total estimated estimate whole entire overall national official current latest annual average mean "
    "nominal resident registered recorded reported approximate projected country's nation's consumer "
    "headline yearly people's population's present".split()
)
# Words of a figure itself, just before the noun it counts ("66 million inhabitants").
_FIGURE_WORDS = frozenset(
    "hundred thousand million billion trillion bn mn m k dozen one two three four five six seven eight nine ten "
    "eleven twelve twenty thirty forty fifty sixty seventy eighty ninety".split()
)
# Words after a label that make another measure of it ("population density", "GDP growth", "GDP per capita").
COMPOUND_HEADS = frozenset(
    "density growth share ratio change changes increase decrease decline per deflator gap index forecast forecasts "
    "projection projections target targets loss losses structure pyramid distribution composition under over aged "
    "percentage percent proportion fraction pressure expectations expectation debt deficit surplus".split()
)
# Verbs after a counted noun that say where the counted live or what they number ("people lived in").
STATIVE = frozenset(
    "lived live lives living reside resides resided residing inhabit inhabited inhabiting dwell dwelt are were was is "
    "counted numbered total totalled totaled".split()
)
_RECIPIENT = re.compile(r"\b(?:to|from|with|against|than|into|toward|towards)[ \t]+(?:the[ \t]+)?$", re.I)
_FOR = re.compile(r"\bfor[ \t]+(?:the[ \t]+)?$", re.I)
# A country named only to compare with: "after Brazil", "than Mexico", "second only to", "compared with", "ahead of", "a
# country the size of Georgia" (a real page's US state had become the subject of the next sentence's population), "four
# times that of India's" (not "2 times the Chinese per capita GDP of $307": the figure there is the compared one's).
_COMPARISON = re.compile(
    r"\b(?:than|after|behind|ahead[ \t]+of|only[ \t]+to|compared[ \t]+(?:with|to)|relative[ \t]+to|"
    r"surpassing|surpassed|overtaking|overtook|exceeding|exceeded|like|unlike|trailing|as[ \t]+[a-z]+[ \t]+as|"
    r"(?:times|twice)[ \t]+that[ \t]+of|"
    r"(?:the|half|twice|three[ \t]+times)[ \t]+(?:the[ \t]+)?size[ \t]+of)[ \t]+"
    r"(?:the[ \t]+|that[ \t]+of[ \t]+)?$",
    re.I)
_SAID_OF = lazy(r"^[ \t]*(?:\([^()]{0,60}\)[ \t]*)?(?:,[ \t]*[a-z ]{0,20},?[ \t]*)?(?:of|in|for|across)[ \t]+(?:the[ \t]+)?", re.I)
_RATIO_BASE = lazy(r"(?:%|percent|per[ \t]+cent|percentage[ \t]+points?)[ \t]+of[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+)?$", re.I)


def usable(text: str, ws: list[Word], mention: MeasureMention) -> bool:
    """False when a word glued to the label makes it another measure."""
    if mention.first > 0:
        before = ws[mention.first - 1]
        gap = text[before.end:mention.start]
        if gap.strip() == "" and not before.possessive and before.text.islower() and before.key not in STOPWORDS \
                and before.key not in BENIGN_MODIFIERS and before.key not in _FIGURE_WORDS and not is_verb(before.text) \
                and not before.key.endswith("ly"):
            return False  # "urban population", "economically active population", "real GDP"
    if mention.last + 1 < len(ws):
        after = ws[mention.last + 1]
        gap = text[mention.end:after.start]
        if gap.strip() in ("", "-") and after.key in COMPOUND_HEADS:
            return False
    return True


# Nouns after a figure that say in what it is counted, not what it counts: they leave the measure to the label.
UNIT_NOUNS = frozenset(
    "people persons inhabitants residents citizens individuals population units dollars euros pounds yuan yen "
    "years year percent points usd us".split()
)


def measure_for(
    text: str, ws: list[Word], mentions: list[MeasureMention], start: int, end: int, noun: str = "",
    entities: list[EntityMention] | None = None, figures: list[tuple[int, int]] | None = None,
) -> MeasureMention | None:
    """The label a figure at ``[start, end)`` states, or None when the sentence names none for it.

    ``noun`` is what the figure counts by adjacency ("medical expert teams"): a figure that counts
    a thing of its own does not take a label named elsewhere in the sentence.
    """
    if not mentions:
        return None
    fit = [m for m in mentions if usable(text, ws, m) and not _ratio_base(text, m, end)]
    # the noun right after the figure: "65.7 million inhabitants", "1,791,949 people"
    after = [m for m in fit if m.start >= end and text[end:m.start].strip(" \t\u00a0") == ""]
    if after:
        return after[0] if _counts_the_measure(text, after[0], start, entities or []) else None
    noun = " ".join(w for w in noun.split() if not w.endswith("ly"))  # "81.8 million respectively"
    if noun and not set(noun.split()) <= UNIT_NOUNS:
        return None  # "29 medical expert teams": the figure counts teams, whatever else the sentence names
    # a label counted by another figure ("250,000 people, 100,000 of them children") is that figure's, not this one's
    owned = {m.start for m in fit for a, b in (figures or []) if b <= m.start and text[b:m.start].strip() == ""}
    before = [m for m in fit if m.end <= start and m.start not in owned and not _CLAUSE_STARTER.search(text, m.end, start)
              and start - m.end <= 120 and (not _generic(m) or _NUMBER_OF.search(text, max(0, m.start - 16), m.start))]
    if before:
        return before[-1]
    later = [m for m in fit if m.start >= end and _JUST_AFTER_FIGURE.fullmatch(text, end, m.start)]
    return later[0] if later else None


GENERIC_LABELS = frozenset("people persons individuals".split())
_NUMBER_OF = lazy(r"\b(?:number|total|count)[ \t]+of[ \t]+$", re.I)


def _generic(m: MeasureMention) -> bool:
    """'people': a label that names what is counted in any sentence, so it names the measure only in set phrases."""
    return m.label.lower() in GENERIC_LABELS


_CLAUSE_STARTER = lazy(r"\b(?:that|which|who|whom|whose|but|while|whereas|although|because|if|when|where)\b|;", re.I)
_JUST_AFTER_FIGURE = lazy(r"[ \t]*,?[ \t]*(?:the[ \t]+)?")
# The words before a counted figure that make it an object of having or numbering ("Kenya had 35m residents").
_OBJECT_VERBS = frozenset(
    "had has have counted numbered totalled totaled reached of to was were is are be been housed hosted its their with "
    "approximately about around some nearly almost roughly estimated an over under than least most".split()
)
# Words that may follow "N people" when the figure is the size of a population ("lived in France in 2006").
_LOCATIVE_TAIL = frozenset(
    "in of as at the a an by end living lived live lives residing resided reside resident who that est estimate "
    "estimates estimated census respectively and mid early late according to year years total living reported recorded "
    "counted enumerated provisional final report official figures data".split()
)
_YEARLIKE = lazy(r"^(?:1[89]|20)\d\d$")


def _counts_the_measure(text: str, m: MeasureMention, start: int, entities: list[EntityMention]) -> bool:
    """'Kenya had 35m residents', '223m people lived in the US': the noun after the figure is the measure.

    Not when the clause goes on to say what the counted did or are ("2.3 million people visited
    Portugal", "47 million people living in poverty", "1.3 million people in America make their
    living off eBay"), nor when the figure is neither the sentence's subject nor the object of
    having or numbering ("4 million citizen children, 15 million people").
    """
    before = words_before(text, start)
    initial = not before or before == [","]
    if not initial and before[-1] not in _OBJECT_VERBS:
        return False
    stop = len(text)
    if not initial:  # an object: its noun phrase ends at the next comma or bracket
        cut = re.search(r"[,;:()\u2014]", text[m.end:])
        stop = m.end + cut.start() if cut else stop
    tail = text[m.end:stop]
    for e in entities:
        if m.end <= e.start < stop:
            tail = tail.replace(text[e.start:e.end], " ")
    for word in re.findall(r"[^\W\d_][\w'\u2019-]*", tail):
        low = word.lower()
        if low not in _LOCATIVE_TAIL and not _YEARLIKE.match(low) and low not in _MONTH_WORDS:
            return False
    return True


_MONTH_WORDS = frozenset("january february march april may june july august september october november december".split())


def words_before(text: str, start: int) -> list[str]:
    """The lower-cased words (and a final comma) of the clause before ``start``."""
    head = text[:start].rstrip()
    out = re.findall(r"[^\W\d_][\w'\u2019-]*|,", head.lower())
    # an introductory period phrase before a comma ("In 2015," "As of May 31,") leaves the figure sentence-initial
    if out and out[-1] == "," and re.fullmatch(r"\s*(?:in|as of|by|at the end of|since)?\s*(?:[a-z]+\s+)?\d{4}\s*,", head, re.I):
        return [","]
    return [w for w in out if w not in ("the",)] if out and out[-1] != "," else out


def _ratio_base(text: str, m: MeasureMention, figure_end: int) -> bool:
    """'9.3% of GDP': GDP is what the share is of, not what the figure states."""
    return m.start >= figure_end and _RATIO_BASE.search(text[max(0, figure_end - 4):m.start]) is not None \
        and m.start - figure_end < 40


def _word_after(ws: list[Word], index: int) -> Word | None:
    return ws[index + 1] if index + 1 < len(ws) else None


def recipient(text: str, mention: EntityMention, measured: bool) -> bool:
    """'sent teams to Italy', 'trades with France': the entity receives, it is not the subject.
    'for France' names a recipient of an action, but the subject of a statistic ('inflation for France')."""
    return _recipient_window(text[max(0, mention.start - 26):mention.start], measured)


@lru_cache(maxsize=8192)
def _recipient_window(window: str, measured: bool) -> bool:
    """By the 26 characters before a name: a sentence's figures ask of the same names again."""
    return _RECIPIENT_OR_COMPARED.search(window) is not None or (not measured and _FOR.search(window) is not None)


_RECIPIENT_OR_COMPARED = re.compile(f"(?:{_RECIPIENT.pattern})|(?:{_COMPARISON.pattern})", re.I)


def sovereign(text: str, mention: EntityMention) -> bool:
    """'Status: self-governing part of UK', 'a territory of France', 'claimed by Spain', 'a Special Administrative Region of
    the People's Republic of China': the state a place belongs to or is claimed by, not what the figures are about (a
    territory's fact sheet had given Gibraltar's population to the United Kingdom)."""
    return _sovereign_before(text[max(0, mention.start - 40):mention.start])


@lru_cache(maxsize=8192)
def _sovereign_before(window: str) -> bool:
    return ("of" in window or "by" in window) and _SOVEREIGN_BEFORE.search(window) is not None


# (not "the province of Punjab", which names the province itself)
_SOVEREIGN_BEFORE = lazy(r"(?<!\bthe[ \t])(?<!\bThe[ \t])\b(?:part|territory|territories|dependency|dependencies|province|colony|region|department|possession|"
                         r"municipality|dominion)[ \t]+of[ \t]+(?:the[ \t]+)?(?:(?:People's|People\u2019s|Federal|Islamic)[ \t]+)?"
                         r"(?:(?:Republic|Kingdom)[ \t]+of[ \t]+)?$|\b(?:claimed|administered|governed|annexed|occupied)"
                         r"[ \t]+by[ \t]+(?:the[ \t]+)?$", re.I)


def epithet(text: str, mention: EntityMention) -> bool:
    """'Rwanda, often referred to as the "Singapore of Africa"', 'the Switzerland of the East': a country's name used as a
    nickname for another (a comparison page's Rwanda had been read as Singapore)."""
    return _epithet_around(text[max(0, mention.start - 40):mention.start], text[mention.end:mention.end + 40])


@lru_cache(maxsize=8192)
def _epithet_around(before: str, after: str) -> bool:
    """By the 40 characters either side of a name: a sentence's figures ask of the same names again."""
    if after.startswith(" of ") and before[-4:].lower() == "the " and _OF_A_REGION.match(after) is not None:
        return True
    return any(w in before for w in _EPITHET_WORDS) and _EPITHET_BEFORE.search(before) is not None


_EPITHET_WORDS = ("referred", "called", "dubbed", "known", "nicknamed", "hailed", "described")
_EPITHET_BEFORE = lazy(r"\b(?:referred[ \t]+to[ \t]+as|called|dubbed|known[ \t]+as|nicknamed|hailed[ \t]+as|described[ \t]+as)[ \t]+"
                       r"(?:the[ \t]+|a[ \t]+)?[\"\u201c\u2018']?[ \t]*(?:the[ \t]+)?$", re.I)
_OF_A_REGION = lazy(r"[ \t]+of[ \t]+(?:the[ \t]+)?(?:Africa|Asia|Europe|America|Latin[ \t]+America|the[ \t]+(?:East|West|North|South|Middle[ \t]+East|"
                    r"Caribbean|Pacific|Gulf|Balkans|Andes|Orient)|Central[ \t]+(?:Asia|America|Europe)|South[ \t]+(?:Asia|America)|"
                    r"East[ \t]+(?:Africa|Asia)|West[ \t]+Africa|Southeast[ \t]+Asia|Arabia|Oceania)\b")


def estimator(text: str, mention: EntityMention) -> bool:
    """'The US government estimated the total population at 26.3 million', 'the US Census Bureau puts it at': the country
    whose office made the estimate, not the one estimated (a history page's Ghana had been read as the United States)."""
    return text[mention.end:mention.end + 1] == " " and _ESTIMATOR.match(text, mention.end) is not None


_ESTIMATOR = lazy(r"[ \t]+(?:government[ \t]+(?:estimat\w*|figures?[ \t]+(?:for|of|on))|census[ \t]+bureau|bureau[ \t]+of[ \t]+(?:the[ \t]+)?census|"
                  r"central[ \t]+intelligence[ \t]+agency|state[ \t]+department)\b", re.I)


def aside(text: str, mention: EntityMention) -> bool:
    """A name the sentence sets aside from its figures: the office that estimated them, a nickname, the state a territory
    belongs to (``estimator``, ``epithet``, ``sovereign``)."""
    return estimator(text, mention) or epithet(text, mention) or sovereign(text, mention)


def compared(text: str, mention: EntityMention) -> bool:
    """'after Brazil', 'than Mexico', 'second only to India', 'compared with France': named to compare, not the subject."""
    return _compared_window(text[max(0, mention.start - 26):mention.start])


@lru_cache(maxsize=8192)
def _compared_window(window: str) -> bool:
    return _COMPARISON.search(window) is not None


def is_region(mention: EntityMention) -> bool:
    """'the world', 'Europe', 'Sub-Saharan Africa', 'the EU', 'High income': a group of countries, by its name."""
    return _region(mention.entity)


def _region(entity: Entity) -> bool:
    return _region_named(entity.id, entity.name)


@lru_cache(maxsize=4096)
def _region_named(id: str, name: str) -> bool:
    """Cached by the strings, whose hashes Python keeps, not by the entity (a dataclass hashes in Python)."""
    return not id.startswith(("org:", "place:")) and id not in _country_ids() and _REGION_NAME.search(name) is not None


# The words of the names of groups of countries (the World Bank's aggregates, continents, unions).
_REGION_NAME = lazy(
    r"\b(?:world|europe|european|africa|asia|americas?|caribbean|pacific|middle east|euro area|income|oecd|ida|ibrd|"
    r"countries|states|dividend|fragile|baltics|arab|union|sahara|sub-saharan|continent)\b", re.I)


def subject_for(
    text: str,
    entities: list[EntityMention],
    measure: MeasureMention | None,
    start: int,
    figure_starts: list[int],
    end: int | None = None,
) -> EntityMention | None:
    """The entity the figure at ``[start, end)`` is about; ``figure_starts`` are the sentence's figures."""
    measured = measure is not None
    if ", " in text:  # "Accra, the capital of Ghana and its largest city, has over 1.8 million": Accra's, not Ghana's
        entities = [e for e in entities if not in_apposition(text, e, start, entities)]
    entities = [e for e in entities if not shared_island(text, e)]
    candidates = [e for e in entities if not e.entity.id.startswith("org:") and not recipient(text, e, measured) and not aside(text, e)
                  and not (e.demonym and measured and not names_measure(text, e, measure))]
    named = [e for e in entities if not e.entity.id.startswith("org:") and not e.demonym]
    owner = _possessive_before(text, named, start)
    if owner is not None:
        return owner  # "second only to China's 1.37 billion": whose figure it is, even after "to"
    beside = _held_beside(text, named, start, end)
    if beside is not None:
        return beside
    if not candidates:
        return None
    if len(figure_starts) >= 2 and "respectively" in text.lower():
        listed = [e for e in candidates if e.end <= figure_starts[0]]
        if len(listed) == len(figure_starts):
            return listed[figure_starts.index(start)]
    if end is not None and ("live" in text or "resid" in text):
        lives = next((e for e in candidates if e.start > end and _LIVE_IN.fullmatch(text, end, e.start)), None)
        if lives is not None:
            return lives  # "..., whereas only 370,000 people live in Iceland": where they live, not the clause before's names
    if end is not None:
        right_after = _said_right_after(text, [e for e in named if not aside(text, e)], end)
        if right_after is not None:
            return right_after  # "X's population was A, against B for France": B is France's, whoever owns the label; so is
            # "$592 for Afghanistan" with no measure named ("for" had made it a recipient, and the figure the USA's)
    if measure is not None:
        said_of = _said_of(text, candidates, measure)
        if said_of is not None:
            return said_of
    nearest = []
    for e in candidates:  # "the world", "Europe": the subject only when said of
        if not _region(e.entity):
            nearest.append(e)
        elif e.end <= start and (e.possessive or _REGION_HEAD.match(text, e.end)) \
                and not any(o.possessive and e.end <= o.start and o.end <= start and not _region(o.entity) for o in candidates):
            return e  # "the world's population", "the world population hit ...", "EU GDP" (the measure read by its noun); not
            # past a country's own ("report 'State of World Population 2010' ... said Bangladesh's present population is")
    if not nearest:
        return None
    before = [e for e in nearest if e.start < start]
    if before:
        return before[-1]
    if end is not None and _CONTRAST.search(text, end, nearest[0].start):
        return None  # "the country had a GDP of $33.992 million, while Nicaragua reached ...": the other clause's name
    return nearest[0]


# A clause set against the one before: its names are not the earlier figure's.
_CONTRAST = lazy(r"(?:,[ \t]*|\b)(?:while|whereas|but|although|though)\b|;", re.I)


_LIVE_IN = lazy(r"[ \t]+(?:[a-z]+[ \t]+){0,2}(?:live|lives|lived|living|reside|resides|resided|residing)[ \t]+in[ \t]+(?:the[ \t]+)?")
_BRACKET_AFTER = lazy(r"[ \t]*(?:\([^()]{0,24}\)[ \t]*)?(?:[a-z]+[ \t]+){0,3}?\([ \t]*")


def _named_in_bracket_after(text: str, entities: list[EntityMention], end: int) -> EntityMention | None:
    """The name alone in the bracket right after a figure: "US$ 3,226 (Moldova)", "US$ 3,133 (2018 estimate) per capita
    (Ukraine)" (a ranking page's second country had been given the first's name)."""
    m = _BRACKET_AFTER.match(text, end)
    if m is None:
        return None
    found = next((e for e in entities if e.start >= m.end() and text[m.end():e.start].strip() == ""), None)
    return found if found is not None and text[found.end:found.end + 2].lstrip()[:1] == ")" else None


def _held_beside(text: str, named: list[EntityMention], start: int, end: int | None) -> EntityMention | None:
    """The name a figure stands beside, whoever the sentence compares or says the measure of: in brackets ("Thailand (47.48
    million)", "lower than that of Indonesia ($1,100)", "US$ 3,226 (Moldova)") or joined by "at"/"with" ("above the
    Philippines at 462 billion USD", "followed by Egypt, with $303 billion", "a little less than California at 37 million":
    a forum's US state had been Afghanistan's population)."""
    if "(" in text:
        found = _named_before_bracket(text, named, start) or (_named_in_bracket_after(text, named, end) if end is not None else None)
        if found is not None:
            return found
    if " at " not in text and " with " not in text:
        return None
    return next((e for e in named if e.end < start and _AT_OR_WITH.fullmatch(text, e.end, start) and not _region(e.entity)
                 and not _INCLUDED_BEFORE.search(text, max(0, e.start - 40), e.start)), None)


_AT_OR_WITH = lazy(r"[ \t]*,?[ \t]+(?:at|with)[ \t]+")
# A name inside a phrase that adds it to another ("the population of Sudan, including present-day South Sudan, at 21.6 million").
_INCLUDED_BEFORE = lazy(r",[ \t]*(?:including|excluding|plus|such[ \t]+as|like|especially|notably|together[ \t]+with)\b[^,;]*$", re.I)


def _named_before_bracket(text: str, entities: list[EntityMention], start: int) -> EntityMention | None:
    """The name right before the bracket a figure opens: "Thailand (47.48 million)" is Thailand's, whatever the measure's
    label was said of (a real page's second country had been read as the first's, the one "the population of" named)."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == 0 or text[i - 1] != "(":
        return None
    j = i - 1
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    return next((e for e in entities if e.end == j), None)


_REGION_HEAD = lazy(r" (?:population|gdp|economy|output|inflation|life expectancy)\b", re.I)
_GROUP_NOUNS = (r"(?:citizens|nationals|migrants|immigrants|emigrants|refugees|expatriates|expats|workers|labourers|laborers|"
                r"residents|people|persons|diaspora|descendants|students|settlers|community|communities|minority|speakers|"
                r"asylum[ \t-]seekers|origin|descent)")
_NATIONALITY = r"(?:[A-Z][a-z\u00e0-\u00ff'\u2019-]+[ \t]+){1,2}"  # "Turkish", "Sri Lankan"
_LIVING = r"(?:[ \t]+(?:living|residing|working|resident|settled|born)?[ \t]*(?:in|abroad)(?:[ \t]+(?:the[ \t]+)?[A-Z][\w'\u2019-]+)*)?"
_PLURAL_NATIONALITY = r"[A-Z][a-z]+(?:ans|ese|is|os|ks|ts|ns|rs|ds)[ \t]+(?:(?:living|residing|working|resident|settled)[ \t]+)?in[ \t]+(?:the[ \t]+)?[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+)*"
_FROM_ORIGIN = rf"{_GROUP_NOUNS}[ \t]+(?:from|of)[ \t]+(?:the[ \t]+)?[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+)*(?:[ \t]+(?:origin|descent|background))?"
_GROUP = rf"(?:{_FROM_ORIGIN}|{_PLURAL_NATIONALITY}|{_NATIONALITY}(?:-born[ \t]+)?{_GROUP_NOUNS}{_LIVING})"
# The group right after the figure: "117,000 Turkish citizens living in Austria", "800,000 Indians in Oman".
_GROUP_AFTER = lazy(rf"[ \t]+({_GROUP})")
# The group right before it: "migrants from Bangladesh (107,125)", "Indians in Oman number 800,000".
_GROUP_BEFORE = lazy(
    rf"({_GROUP})[ \t]*(?:\(|:[ \t]*|,?[ \t]+(?:number(?:ed|s|ing)?|totall?(?:ed|ing|s)?|were|was|are|is|at|of|reached)[ \t]+"
    rf"(?:(?:about|around|some|approximately|nearly|almost|over|more[ \t]+than|an[ \t]+estimated|estimated)[ \t]+)?)$")


def may_name_a_group(ws: list[Word]) -> bool:
    """Whether a sentence could name a group at all: a group noun ("citizens", "migrants") or a capitalised
    plural in a sentence with "in" ("Indians in Oman"). A cheap test once a sentence, before group_for: set
    operations on the words' keys, in C."""
    ordered = list(map(_KEY, ws))
    keys = set(ordered)
    if any(map(_STARTS_A_GROUP_WORD, keys)):
        return True
    if "in" not in keys:
        return False
    j = -1
    while (j := _index(ordered, "in", j + 1)) >= 0:  # a capitalised plural one or two words before an "in"
        if any(w.text[:1].isupper() and w.key.endswith(_PLURAL_ENDINGS) for w in ws[max(0, j - 2):j]):
            return True
    return False


def _index(keys: list[str], key: str, start: int) -> int:
    """Where ``key`` is in ``keys`` from ``start`` on, or -1 (list.index searches in C)."""
    try:
        return keys.index(key, start)
    except ValueError:
        return -1


_KEY = itemgetter(3)  # a lexicon Word's key


_PLURAL_ENDINGS = ("ans", "ese", "is", "os", "ks", "ts", "ns", "rs", "ds")


def group_for(text: str, start: int, end: int) -> str | None:
    """The nationality or origin group a figure counts ("Turkish citizens living in Austria"), or None.

    Such a figure is a part of a population: it is not the country the group's nationality names,
    nor the country it lives in.
    """
    after = text[end:end + 24].lstrip(" \t")
    m = _GROUP_AFTER.match(text, end) if after[:1].isupper() or after.split(" ", 1)[0].lower().startswith(_GROUP_WORDS) else None
    if m is not None and _nationality_word(m.group(1)):
        return m.group(1).strip()
    head = text[max(0, start - 120):start]
    tail = head.rstrip(" \t")
    if tail[-1:] not in ("(", ":"):  # cheap tests first: most figures follow no group
        last = tail[-24:].rsplit(None, 1)[-1:]
        if not last or last[0].lower() not in _GROUP_LINKS:
            return None
    if " in " not in head and not any(noun in head for noun in _GROUP_WORDS):
        return None
    m = _GROUP_BEFORE.search(head)
    if m is not None and _nationality_word(m.group(1)):
        return m.group(1).strip()
    return None


_GROUP_LINKS = frozenset(
    "number numbered numbers numbering total totaled totalled totaling totalling totals were was are is at of reached "
    "about around some approximately nearly almost over than estimated".split())
_GROUP_WORDS = ("citizens", "nationals", "migrants", "immigrants", "emigrants", "refugees", "expat", "workers", "labo",
                "residents", "people", "persons", "diaspora", "descendants", "students", "settlers", "communit", "minority",
                "speakers", "seekers", "origin", "descent")
_STARTS_A_GROUP_WORD = methodcaller("startswith", _GROUP_WORDS)  # as group_for's patterns read them: "peoples", "labourers"


def _nationality_word(group: str) -> bool:
    """The group is named by a nationality or an origin, not by a word that starts the sentence ("The citizens")."""
    first = group.split()[0].lower()
    return first not in STOPWORDS and first not in _NOT_NATIONALITY


_NOT_NATIONALITY = frozenset(
    "total all many most some foreign local urban rural young old elderly working registered more fewer other "
    "these those such several approximately about around over nearly estimated".split()
)


_QUALIFIER_WORDS = lazy(r"^[ \t]*(?:(?:about|around|some|nearly|almost|roughly|approximately|over|under|just|only|an|estimated|a|total|of)[ \t]+)*$", re.I)


# An apposition after a name, up to the name: ", the capital of ", ", a province in the north of ", ", one of the cities of "
# (a lower-case noun after the article: ", the UK and Germany" lists names).
_APPOSITION_OPENS = re.compile(r",[ \t]+(?:(?:(?:which|that)[ \t]+(?:is|was)[ \t]+)?(?:(?:the|a|an|one[ \t]+of[ \t]+the)[ \t]+[a-z]"
                               r"|[a-z]+(?:[ \t]+[a-z]+){0,2}[ \t]+(?:of|in)\b)|(?:which|who|whose)\b|(?:officially|formally)[ \t]+(?:the[ \t]+)?\w)"
                               r"[^,;:()\[\]]*$")
# (also ", which is the largest city of Pakistan" and, without an article, ", capital of Bangladesh", ", main port of Kenya";
# and a clause that describes the name in passing: "Iraq, which came under attack by US planes, has ... only US$2,500")
_APPOSITION_CLOSES = re.compile(r"[^,;:()\[\]]*,")  # and where it closes


# Islands that share their name with one of the countries on them: "the island of Ireland" counts Northern Ireland too.
_SHARED_ISLANDS = frozenset(["IRL", "CYP"])
_AS_ISLAND = re.compile(r"\b(?:on|island[ \t]+of|(?:the[ \t]+)?whole[ \t]+of|all[ \t]+of)[ \t]+(?:the[ \t]+)?$", re.I)


def shared_island(text: str, e: EntityMention) -> bool:
    """Whether ``e`` names an island shared by two countries, as the island: "a population of about 6.9 million on Ireland"
    (a real page's whole island had been compared with the Republic of Ireland)."""
    return e.entity.id in _SHARED_ISLANDS and _AS_ISLAND.search(text, max(0, e.start - 20), e.start) is not None


def apposition_around(text: str, start: int, end: int, entities: list[EntityMention]) -> tuple[int, int] | None:
    """The span of the apposition a figure at ``[start, end)`` stands in, after a known name and closed by a comma
    ("Ethiopia, the second-most populous country in Africa, was ..."), or None."""
    opened = _APPOSITION_OPENS.search(text, max(0, start - 60), start) or _APPOSITION_AT.search(text, max(0, start - 60), start)
    if opened is None or not any(h.end == opened.start() for h in entities):
        return None
    closed = _APPOSITION_CLOSES.match(text, end)
    return (opened.start(), closed.end()) if closed is not None else None


_APPOSITION_AT = re.compile(r",[ \t]+(?:the|a|an)[ \t]+$")  # the figure right after the article: ", the second-most populous"


def in_apposition(text: str, e: EntityMention, start: int, entities: list[EntityMention]) -> bool:
    """Whether ``e`` is named inside an apposition that describes the name before it (one of ``entities``) and closes
    before the figure at ``start``: "Accra, the capital of Ghana and its largest city, has 1.8 million" is about Accra
    (a real page's figure had been Ghana's, and supported). A common word before the comma is no name ("Tourism, the
    mainstay of Andorra's economy, accounts for 80% of GDP" is Andorra's); a figure inside the apposition ("Accra,
    the capital of Ghana (31 million people), ...") is not concerned."""
    if e.end > start:
        return False
    opened = _APPOSITION_OPENS.search(text, max(0, e.start - 60), e.start)
    if opened is None or not any(h.end == opened.start() and h is not e for h in entities):
        return False
    closed = _APPOSITION_CLOSES.match(text, e.end)
    return closed is not None and closed.end() <= start


def _possessive_before(text: str, entities: list[EntityMention], start: int) -> EntityMention | None:
    for e in entities:
        if e.possessive and e.end <= start and _QUALIFIER_WORDS.match(text[e.end + 2:start]):
            return e
    return None


def combined(text: str, entities: list[EntityMention], subject: EntityMention | None) -> str | None:
    """'China and India together had 2.7 billion people': a figure of several entities at once, named as written."""
    if subject is None or "respectively" in text.lower():
        return None
    for e in entities:
        if e.entity.id.startswith("org:"):
            continue  # "According to the International Monetary Fund, Serbian GDP": a source, not a second subject
        if compared(text, e) or compared(text, subject):
            continue  # "Compared with Germany, Austria had ...": one is the yardstick
        if e.end <= subject.start and re.fullmatch(r"[ \t]*(?:,|and|&|plus)[ \t]*(?:and[ \t]+)?", text[e.end:subject.start]):
            return text[e.start:subject.end]
        if e.start >= subject.end and re.fullmatch(r"[ \t]*(?:,|and|&|plus)[ \t]*(?:and[ \t]+)?", text[subject.end:e.start]):
            return text[subject.start:e.end]
    return None


def names_measure(text: str, e: EntityMention, measure: MeasureMention | None) -> bool:
    """'the French population': a demonym is the subject only right before the measure's label."""
    if measure is None or e.end > measure.start:
        return False
    gap = text[e.end:measure.start].split()
    return len(gap) <= 2 and all(w.lower() in BENIGN_MODIFIERS for w in gap)  # "Croatian nominal GDP"


def said_by_itself(text: str, entities: list[EntityMention], start: int, end: int) -> EntityMention | None:
    """The name a figure carries by itself: its possessive owner right before it, or the name right after it."""
    named = [e for e in entities if not e.entity.id.startswith("org:") and not e.demonym]
    return _possessive_before(text, named, start) or _said_right_after(text, named, end)


def _said_right_after(text: str, entities: list[EntityMention], end: int) -> EntityMention | None:
    """'66,312,067 for France', '2.1 million people in Bavaria': the name right after a figure (not a region)."""
    for e in entities:
        if end <= e.start <= end + 30 and not _region(e.entity) and _RIGHT_AFTER.fullmatch(text, end, e.start):
            return e
    return None


_RIGHT_AFTER = lazy(r"[ \t]*(?:(?:people|persons|inhabitants|residents)[ \t]+)?(?:for|in|of)[ \t]+(?:the[ \t]+)?", re.I)


def _said_of(text: str, entities: list[EntityMention], measure: MeasureMention) -> EntityMention | None:
    """'population of France', 'inflation (annual %) for Afghanistan', 'France's population'."""
    for e in entities:
        if e.start >= measure.end and e.start - measure.end <= 80:
            gap = text[measure.end:e.start]
            m = _SAID_OF.match(gap)
            if m is not None and m.end() == len(gap) and not (is_region(e) and "," in gap):
                return e  # a region only said of directly: "population of the EU", not "..., among the fewest in the EU"
    for e in reversed(entities):
        if e.end <= measure.start and not e.possessive and is_region(e) and text[e.end:measure.start] == " ":
            return e  # "the world population", "the EU population": said of the region
        if e.end <= measure.start and e.possessive and measure.start - e.end <= 40:
            between = text[e.end:measure.start]
            if not re.search(r"[,;.]|\d", between[2:]):
                return e
    return None


def said_or_owned(text: str, entities: list[EntityMention], measure: MeasureMention | None, subject: EntityMention, start: int) -> bool:
    """Whether ``subject`` holds the figure by structure (said of the measure, or owning the figure), not by nearness."""
    owner = _possessive_before(text, [e for e in entities if not e.entity.id.startswith("org:") and not e.demonym], start)
    if owner is not None:
        return owner is subject
    if _held_beside(text, [e for e in entities if not e.entity.id.startswith("org:") and not e.demonym], start, None) is subject:
        return True  # "Thailand (47.48 million)", "above the Philippines at 462 billion USD"
    if measure is not None and _said_of(text, entities, measure) is subject:
        return True
    return "respectively" in text.lower()
