"""How much a sentence deserves checking: a score from 0 to 1 and the features that drove it.

A logistic regression over three kinds of features: hand-made ones (figures, comparisons and
superlatives, dates and periods, attribution, records of actions, statistical vocabulary; and,
lowering it, hedges, first-person opinion and promises, questions, address to the listener, very
short sentences, stage directions), the sentence's words, and, in a transcript, the speaker's role
(moderators ask, audiences react: neither is what fact-checkers check).

The weights are data, not code: ``factcheck/data/checkworthiness.json``, written by
``bench/eval/fit.py`` from the CLEF 2019 CheckThat! training transcripts and reproduced by it byte
for byte. Scoring is plain Python over them (set and dict lookups; no scikit-learn, no download),
deterministic and 20-30 µs a sentence. ``EVALUATION.md`` reports how the score ranks and classifies
other people's labelled sentences.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources


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
_ALL_STARTS: list[str] = []  # and all of them, for one search before each feature's
for _name, _entries in _LEXICON.items():
    _items = _entries.split()
    _WORDS[_name] = frozenset(i for i in _items if "_" not in i and not i.endswith("-"))
    for _phrase in (i.split("_") for i in _items if "_" in i):
        _PHRASES.setdefault(_phrase[0], []).append((tuple(_phrase), _name))
    _starts = [i[:-1] for i in _items if i.endswith("-")]
    if _starts:
        _PREFIXES[_name] = re.compile(" (?:" + "|".join(_starts) + ")")  # a literal space first: the engine skips ahead to it
        _ALL_STARTS += _starts
_WORD_FEATURES: dict[str, tuple[str, ...]] = {}  # a single word -> the features it belongs to
for _name, _terms in _WORDS.items():
    for _word in _terms:
        _WORD_FEATURES[_word] = (*_WORD_FEATURES.get(_word, ()), _name)
_FEATURE_ORDER = tuple(_WORDS)
_ANY_PREFIX = re.compile(" (?:" + "|".join(_ALL_STARTS) + ")")
# a past tense: a word of 4+ letters ending in -ed, but not these (a word test: the regular expression it replaces cost 5 µs)
_NOT_PAST = frozenset("need feed seed speed indeed bed red shed hundred united interested concerned supposed used".split())
# in the words joined by spaces: a word of 4+ letters (or ') ending in -ed that is not one of _NOT_PAST
_PAST_WORD = re.compile(rf"(?<= )(?!(?:{'|'.join(sorted(_NOT_PAST))})(?= ))[a-z][a-z']+ed(?= )")
_TOKEN = re.compile(r"[a-z0-9][a-z0-9']*")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?:1[89]|20)\d\d\b")  # a year; the word boundary before it is tested in _year (a leading \b keeps the engine
# from skipping ahead in C: three times slower)
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten twelve twenty thirty forty fifty hundred "
                          "thousand million billion trillion half third quarter dozen".split())

# a capitalised word that does not start the sentence and is not a function word or pronoun
_CAPITALISED = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]+")  # "\b" after the capital, so the engine skips to capitals in C
_NOT_PROPER = frozenset("The A An And But So Now Well Yes No Mr Mrs Ms We They He She It This That There".split())


def _year(text: str) -> bool:
    """A number from 1800 to 2099 standing alone (what ``\\b(?:1[89]|20)\\d\\d\\b`` finds)."""
    for m in _YEAR.finditer(text):
        at = m.start()
        if not at or not (text[at - 1].isalnum() or text[at - 1] == "_"):
            return True
    return False


def _proper_noun(text: str) -> bool:
    """A capitalised word that does not start the sentence (nor follow a stop) and is no function word or pronoun."""
    for m in _CAPITALISED.finditer(text):
        at = m.start()
        if at and not (at >= 2 and text[at - 1].isspace() and text[at - 2] in ".!?") and m.group() not in _NOT_PROPER:
            return True
    return False


@dataclass(frozen=True, slots=True)
class Checkworthiness:
    score: float
    features: tuple[str, ...]  # the named features present (not the words), strongest contribution first


@dataclass(frozen=True, slots=True)
class Model:
    """The fitted weights: the intercept, named features (hand-made ones and ``role:...``) and words."""

    bias: float
    features: dict[str, float]
    words: dict[str, float]
    strength: dict[str, float] = field(init=False, repr=False, compare=False)  # -|weight| by feature: the order they are shown in

    def __post_init__(self) -> None:
        object.__setattr__(self, "strength", _Strength({name: -abs(w) for name, w in self.features.items()}))


class _Strength(dict):  # type: ignore[type-arg]
    """A feature the model has no weight for is worth nothing (and sorts after those it has)."""

    def __missing__(self, name: str) -> float:
        return -0.0


MODEL_FILE = "checkworthiness.json"


@cache
def model() -> Model:
    """The model that ships with factcheck (read once, from the package's data)."""
    return model_from(json.loads(resources.files("factcheck.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")))


def model_from(data: dict) -> Model:  # type: ignore[type-arg]
    return Model(float(data["bias"]), {k: float(v) for k, v in data["features"].items()},
                 {k: float(v) for k, v in data["words"].items()})


def tokens(text: str) -> list[str]:
    """The lower-cased words of a sentence, every number as ``#`` ("4.1 percent" -> ``# # percent``)."""
    return [w if w[0] > "9" else "#" for w in _TOKEN.findall(text.lower().replace("’", "'"))]


def features(text: str, quantities: bool | None = None, entities: bool | None = None,
             words: list[str] | None = None) -> dict[str, float]:
    """The sentence's named features as values (1.0 present; absent ones left out).

    ``quantities`` and ``entities`` (what the claim stage found) are accepted and not used: the
    features are the text's alone, so a sentence scores the same in a document and on its own.
    Running the quantity finder ranked no better than "digits or a number word" (leave-one-document-out
    MAP 0.230 against 0.231), and searching the sources' lexicon for entities cost half the scoring
    time (issue 20) while the words carry the names.
    """
    if words is None:
        words = _TOKEN.findall(text.lower().replace("’", "'"))
    unique = set(words)
    # each word's features looked up once, then set in the lexicon's order (the order the weights are added in)
    named = set()
    for word in unique & _WORD_FEATURES.keys():
        named.update(_WORD_FEATURES[word])
    found: dict[str, float] = {name: 1.0 for name in _FEATURE_ORDER if name in named} if named else {}
    if not unique.isdisjoint(_PHRASES):
        for i, word in enumerate(words):
            for phrase, name in _PHRASES.get(word, ()):
                if name not in found and tuple(words[i:i + len(phrase)]) == phrase:
                    found[name] = 1.0
    joined = " " + " ".join(words) + " "
    if _ANY_PREFIX.search(joined):
        for name, prefix in _PREFIXES.items():
            if name not in found and prefix.search(joined):
                found[name] = 1.0
    if _DIGIT.search(text):
        found["digits"] = 1.0
        if _year(text):
            found["year"] = 1.0
    if "$" in text or "%" in text or "€" in text or "£" in text:
        found["money_or_percent"] = 1.0
    if "ed " in joined and _PAST_WORD.search(joined):
        found["past_tense"] = 1.0
    if "digits" in found or not unique.isdisjoint(_NUMBER_WORDS):
        found["quantity"] = 1.0  # a figure, in digits or words (running the quantity finder instead ranked no better)
    if _proper_noun(text):
        found["proper_noun"] = 1.0
    if text.rstrip().rstrip('"\'”’)').endswith("?"):
        found["question"] = 1.0
    n = len(words)
    if n < 6:
        found["short"] = 1.0
    elif n > 25:
        found["long"] = 1.0
    return found


def named_features(text: str, quantities: bool | None = None, role: str | None = None,
                   words: list[str] | None = None) -> dict[str, float]:
    """The hand-made features and the speaker's role (``role:moderator``, ``role:audience``, ``role:system``)."""
    found = features(text, quantities, words=words)
    if role:
        found["role:" + role] = 1.0
    return found


CHECKWORTHY = 0.5  # at or above it a sentence is check-worthy (where the held-out accuracy was measured)


def score(text: str, weights: Model | None = None, quantities: bool | None = None,
          entities: bool | None = None, role: str | None = None) -> Checkworthiness:
    """The check-worthiness of one sentence; ``role`` is its speaker's part in a transcript, if any.

    The weights are added with ``math.fsum``, exactly rounded: the sum no longer depends on the order the
    sentence's words come out of a set (which changes with each process's string hashing).
    """
    m = weights or model()
    raw = _TOKEN.findall(text.lower().replace("’", "'"))
    found = named_features(text, quantities, role, raw)
    get = m.features.get
    vocabulary = m.words
    terms = [m.bias, *[get(name, 0.0) * value for name, value in found.items()],
             *[vocabulary[w] for w in {w if w[0] > "9" else "#" for w in raw} & vocabulary.keys()]]
    ordered = sorted(found, key=m.strength.__getitem__)
    z = max(-30.0, min(30.0, math.fsum(terms)))
    return Checkworthiness(round(1.0 / (1.0 + math.exp(-z)), 4), tuple(ordered))
