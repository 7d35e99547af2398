"""How much a sentence deserves checking: a score from 0 to 1 and the features that drove it.

Deterministic and fast (regular expressions and the core's own quantity and
entity finders; no model is downloaded). The score is a logistic function of
weighted features. The weights were fitted by ``bench/eval/fit.py`` on the CLEF
2019 CheckThat! training transcripts (class-balanced logistic regression) and
are kept here as constants; ``EVALUATION.md`` reports how the score ranks and
classifies other people's labelled sentences, including a held-out set.

Features that raise the score: figures, comparisons and superlatives, named
entities, dates and periods, attribution to a source, past-tense records of
actions, statistical vocabulary. Features that lower it: hedges, first-person
opinion and promises, questions, address to the listener, very short
sentences, greetings and stage directions.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .entities import find_entities
from .quantities import find_quantities

# Each feature is a set of words, word prefixes (ending in '-') and phrases (words joined by '_'),
# looked up in the sentence's lower-cased words: one tokenisation, then set and dict lookups.
# (A regular expression per feature took ~300 µs a sentence; this takes ~30 µs.)
_LEXICON: dict[str, str] = {
    "money_or_percent": "percent dollar dollars billion billions million millions trillion trillions per_cent",
    "comparison": "more_than less_than fewer higher lower increas- decreas- doubl- tripl- twice times_as grew grown rose "
                  "risen fell fallen declin- drop- up_from down_from compared than_ever outpaced",
    "superlative": "most least largest biggest highest lowest worst best fastest greatest smallest first only record "
                   "never ever single",
    "period": "january february march april june july august september october november december last_year this_year "
              "years_ago year_ago since decade decades century yesterday today during in_the_last over_the_last over_the_past",
    "attribution": "according_to said says reported report reports study studies survey data statistics expert experts "
                   "estimate estimates census analysis found show shows showed",
    "action_record": "voted passed signed approved vetoed opposed supported proposed cut raised created lost spent sent built "
                     "invested borrowed paid increased reduced eliminated introduced sponsored blocked banned killed closed "
                     "opened hired fired deported exported imported donated provided visited participated was were has_been "
                     "have_been had",
    "statistics_word": "tax- job jobs unemploy- deficit deficits debt budget economy wage wages income trade spending cost costs "
                       "price prices rate rates gdp growth population crime murder murders death deaths poverty insurance "
                       "medicare medicaid social_security military troops nuclear oil energy emissions export exports import "
                       "imports workers families students countries states cases vaccine vaccines hospital hospitals fund "
                       "funds loan loans law bill treaty",
    "hedge": "might may could perhaps maybe probably possibly seem seems appear appears",
    "opinion": "i_think i_believe i_feel i_hope i_want i_wish i_agree i_disagree i_know i_guess i_suppose i_mean we_think "
               "we_believe we_feel we_hope we_want we_know i'm_sure in_my_opinion in_my_view wonderful terrible great "
               "disgrace- shame- ridiculous amazing sad",
    "promise": "i'll i_will i_would i'd i_shall i_must i_should i_need i_have_to i_can i_cannot i_can't we'll we_will "
               "we_would we'd we_must we_should we_need we_have_to we_can we_cannot we_can't you'll you_will you_would "
               "you_should you_must you_need you_have_to you_can going_to gonna let's let_me let_us",
    "you": "you your you're yourself",
    "stage": "applause laughter cheers booing crosstalk inaudible thank_you thanks good_evening good_morning good_night "
             "ladies_and_gentlemen",
}
_WORDS: dict[str, frozenset[str]] = {}  # single words, per feature
_PHRASES: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # first word -> (the phrase's words, feature)
_PREFIXES: dict[str, re.Pattern[str]] = {}  # word beginnings ("increas-"), one pattern per feature
for _name, _entries in _LEXICON.items():
    _items = _entries.split()
    _WORDS[_name] = frozenset(i for i in _items if "_" not in i and not i.endswith("-"))
    for _phrase in (i.split("_") for i in _items if "_" in i):
        _PHRASES.setdefault(_phrase[0], []).append((tuple(_phrase), _name))
    _starts = [i[:-1] for i in _items if i.endswith("-")]
    if _starts:
        _PREFIXES[_name] = re.compile(r"(?:^| )(?:" + "|".join(_starts) + ")")
_PAST = re.compile(r"(?:^| )(?!(?:need|feed|seed|speed|indeed|bed|red|shed|hundred|united|interested|concerned|supposed|used) )"
                   r"[a-z']{2,}ed(?= )")
_TOKEN = re.compile(r"[a-z0-9][a-z0-9']*")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten twelve twenty thirty forty fifty hundred "
                          "thousand million billion trillion half third quarter dozen".split())

# Fitted by bench/eval/fit.py (see its docstring); regenerate rather than edit by hand.
WEIGHTS: dict[str, float] = {
    "bias": -0.691,
    "action_record": 0.607,
    "attribution": 0.367,
    "comparison": 0.447,
    "digits": 0.534,
    "entity": -0.126,
    "hedge": -0.408,
    "long": 0.115,
    "money_or_percent": 0.922,
    "opinion": -0.646,
    "past_tense": 0.610,
    "period": 0.190,
    "promise": -0.562,
    "proper_noun": 0.217,
    "quantity": 0.560,
    "question": -0.800,
    "short": -0.525,
    "stage": -1.010,
    "statistics_word": 0.980,
    "superlative": 0.509,
    "year": -0.052,
    "you": 0.099,
}

# a capitalised word that does not start the sentence and is not a function word or pronoun
_PROPER = re.compile(r"(?<!^)(?<![.!?]\s)\b(?!(?:I|The|A|An|And|But|So|Now|Well|Yes|No|Mr|Mrs|Ms|We|They|He|She|It|This|"
                     r"That|There)\b)[A-Z][a-z]+")


@dataclass(frozen=True, slots=True)
class Checkworthiness:
    score: float
    features: tuple[str, ...]  # the features present, strongest contribution first


def features(text: str, quantities: bool | None = None, entities: bool | None = None) -> dict[str, float]:
    """The sentence's features as values (1.0 present; absent ones left out).

    ``quantities`` and ``entities``, when the caller already knows them (the claim
    stage does), spare running the finders again.
    """
    lower = text.lower().replace("’", "'")
    words = _TOKEN.findall(lower)
    unique = set(words)
    found: dict[str, float] = {}
    for name, terms in _WORDS.items():
        if not unique.isdisjoint(terms):
            found[name] = 1.0
    for i, word in enumerate(words):
        for phrase, name in _PHRASES.get(word, ()):
            if name not in found and tuple(words[i:i + len(phrase)]) == phrase:
                found[name] = 1.0
    joined = " " + " ".join(words) + " "
    for name, prefix in _PREFIXES.items():
        if name not in found and prefix.search(joined):
            found[name] = 1.0
    if _DIGIT.search(text):
        found["digits"] = 1.0
        if _YEAR.search(text):
            found["year"] = 1.0
    if "$" in text or "%" in text or "€" in text or "£" in text:
        found["money_or_percent"] = 1.0
    if _PAST.search(joined):
        found["past_tense"] = 1.0
    if quantities is None:
        quantities = bool(("digits" in found or not unique.isdisjoint(_NUMBER_WORDS)) and find_quantities(text))
    if quantities:
        found["quantity"] = 1.0
    if entities is None:
        entities = bool(find_entities(text))
    if entities:
        found["entity"] = 1.0
    if _PROPER.search(text):
        found["proper_noun"] = 1.0
    if text.rstrip().rstrip('"\'”’)').endswith("?"):
        found["question"] = 1.0
    n = len(words)
    if n < 6:
        found["short"] = 1.0
    elif n > 25:
        found["long"] = 1.0
    return found


CHECKWORTHY = 0.5  # at or above it a sentence is check-worthy (where the held-out accuracy was measured)


def score(text: str, weights: dict[str, float] = WEIGHTS, quantities: bool | None = None,
          entities: bool | None = None) -> Checkworthiness:
    """The check-worthiness of one sentence."""
    found = features(text, quantities, entities)
    z = weights["bias"] + sum(weights.get(name, 0.0) * value for name, value in found.items())
    ordered = sorted(found, key=lambda name: -abs(weights.get(name, 0.0)))
    return Checkworthiness(round(1.0 / (1.0 + math.exp(-z)), 4), tuple(ordered))
