"""What a figure is about: the noun it counts, its governing verb, its measure.

A word-level pass over the sentence, no parser: the noun phrase after the
number ("29 medical expert teams"), or before it for amounts ("cash support
totaling US$50 million"); the nearest verb before it, skipping existential
"there were", so every item of "exported ... 70.6 billion masks, 340 million
protective suits" is governed by "exported".
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from .tokens import Token, tokenize  # noqa: F401  (tokenize: the context's view, for callers of this module)

PREPOSITIONS = frozenset(
    "to in on at for by from with into onto since during across among amongst through via per "
    "than as about over under between within without against toward towards upon after before".split()
)
STOPWORDS = frozenset(
    "the a an and or of its their his her our your this that these those which who whom whose "
    "there it they we he she is are was were be been being has have had do does did will would "
    "shall should can could may might must so also such".split()
) | PREPOSITIONS
# Participles and verbs that link an amount to what it measures; not the measure's own verb.
LINKING = frozenset(
    "totaling totalling totaled totalled amounting amounted worth valued reaching reached "
    "including included bringing brought making made comprising involving representing "
    "accounting equal equalling equaling is are was were be been being has have had".split()
)
COUNTERS = frozenset(
    "batches batch pairs pair sets set units unit doses dose tranches tranche installments instalments "
    "rounds round shipments shipment pieces piece boxes box packs pack kinds kind types type "
    "tonnes tons tonne ton kilograms kg cartons carton lots lot waves wave".split()
)
# Frequent irregular and -ed-less verbs; regular past tenses are recognised by their ending.
IRREGULAR_VERBS = frozenset(
    "sent made gave given sold spent built bought brought took taken paid lent met held grew "
    "rose fell won lost hit led kept left put ran set shut cut began become became came "
    "exports export provides provide sends send gives give offers offer donates donate "
    "receives receive produces produce reports report counts count has had have".split()
)
# Words ending in -ed that are adjectives far more often than verbs.
_ADJECTIVE_ED = frozenset(
    "infected confirmed suspected related based limited united advanced developed red bed "
    "need indeed speed hundred undifferentiated protected dedicated detailed integrated "
    "skilled needed concerned".split()
)
_EXISTENTIAL = frozenset({"there", "here"})
# Verbs that are as often nouns ("exports", "report", "count"): they do not end a noun phrase.
_NOUN_LIKE_VERBS = IRREGULAR_VERBS - {"sent", "made"}
_MAX_NOUN_WORDS = 5
# Words between the verb and the figure are kept when few ("sent 29 teams to 27 countries");
# more means the figure sits far from its verb, as in a long enumeration, and they are noise.
_MAX_LINKING_WORDS = 3


@lru_cache(maxsize=4096)  # a bounded word cache: see core.tokens
def is_verb(word: str) -> bool:
    low = word.lower()
    if low in IRREGULAR_VERBS:
        return True
    return len(low) > 4 and low.endswith("ed") and low not in _ADJECTIVE_ED


@dataclass(slots=True, unsafe_hash=True)  # immutable by convention, not frozen for speed (core.model)
class Context:
    noun: str
    counter: str | None
    verb: str | None
    measure: str
    end: int  # end of the noun phrase after the number, or the mention's end


_TIME_OPENERS = frozenset(["last", "this", "next", "previous", "earlier", "ago"])
_ADVERBS = frozenset("just only nearly almost roughly barely merely still already even respectively".split())  # "398,000 just short of"



def noun_after(tokens: list[Token], first: int) -> list[Token]:
    """The noun phrase starting at token index ``first``."""
    words: list[Token] = []
    i = first
    while i < len(tokens) and len(words) < _MAX_NOUN_WORDS:
        tok = tokens[i]
        low = tok.lower
        if not tok.is_word or low in LINKING or low in _ADVERBS or (not words and low in _TIME_OPENERS) or _ago(tokens, i):
            break  # (a time phrase is no counted noun: "to 58.8 million last year", "2 million this year", "people two years ago")
        if low == "of":
            if words and i + 1 < len(tokens) and tokens[i + 1].is_word and tokens[i + 1].lower not in STOPWORDS:
                words.append(tok)
                i += 1
                continue
            break
        if low in ("and", "or"):
            if not words or not _short_coordination(tokens, i + 1):
                break
        elif low in STOPWORDS or (words and low not in _NOUN_LIKE_VERBS and is_verb(tok.text)):
            break
        words.append(tok)
        i += 1
    return words


_TIME_UNITS = frozenset("year years month months decade decades week weeks day days century centuries".split())


def _ago(tokens: list[Token], i: int) -> bool:
    """Whether a time phrase ending in "ago" begins at token ``i``: "years ago", "two years ago", "a decade ago"."""
    if tokens[i].lower in _TIME_UNITS:
        return i + 1 < len(tokens) and tokens[i + 1].lower == "ago"
    return i + 2 < len(tokens) and tokens[i + 2].lower == "ago" and tokens[i + 1].lower in _TIME_UNITS


def _short_coordination(tokens: list[Token], i: int) -> bool:
    """'countries and regions,' or 'online and offline training sessions in': a compound noun."""
    n = 0
    while i < len(tokens) and tokens[i].is_word and tokens[i].lower not in STOPWORDS and n < 4:
        if is_verb(tokens[i].text):
            break
        n += 1
        i += 1
    if n == 0:
        return False
    return i >= len(tokens) or not tokens[i].is_word or tokens[i].lower in PREPOSITIONS


def describe(
    tokens: list[Token],
    starts: list[int],
    start: int,
    end: int,
    numbers: list[tuple[int, int]],
) -> Context:
    """Context of the mention at ``[start, end)``.

    ``starts`` are the tokens' start offsets (computed once per sentence);
    ``numbers`` are the other mentions' spans.
    """
    after = bisect_left(starts, end)
    noun_words = noun_after(tokens, after)
    phrase_end = noun_words[-1].end if noun_words else end
    before = range(_last_ending_by(tokens, starts, start) + 1)
    if not noun_words:
        noun_words = _noun_before(tokens, before, numbers)
    counter = None
    names = [t.lower for t in noun_words]
    if len(names) > 2 and names[0] in COUNTERS and names[1] == "of":
        counter, names = names[0], names[2:]
    verb_index = _verb_before(tokens, before)
    verb = tokens[verb_index].lower if verb_index is not None else None
    linking = _linking(tokens, verb_index + 1, len(before), numbers, names) if verb_index is not None else []
    trailing = _trailing(tokens, bisect_left(starts, phrase_end))
    noun = " ".join(w for w in names if w != "of")
    parts = [noun] + ([verb] if verb else []) + linking + trailing
    return Context(noun=noun, counter=counter, verb=verb, measure=" ".join(p for p in parts if p), end=phrase_end)


def _linking(tokens: list[Token], first: int, stop: int, numbers: list[tuple[int, int]], names: list[str]) -> list[str]:
    """Content words between the verb and the figure, or none if there are too many."""
    words: list[str] = []
    for t in tokens[first:stop]:
        low = t.lower
        if (
            t.is_word and low not in STOPWORDS and low not in LINKING and low not in COUNTERS
            and low not in names and not is_verb(t.text) and not _inside(t, numbers)
        ):
            words.append(low)
            if len(words) > _MAX_LINKING_WORDS:
                return []
    return words


def _last_ending_by(tokens: list[Token], starts: list[int], position: int) -> int:
    """Index of the last token that ends at or before ``position`` (-1 if none)."""
    i = bisect_left(starts, position) - 1
    while i >= 0 and tokens[i].end > position:
        i -= 1
    return i


def _inside(tok: Token, spans: list[tuple[int, int]]) -> bool:
    return any(s <= tok.start and tok.end <= e for s, e in spans)


def _noun_before(tokens: list[Token], before: range, blocked: list[tuple[int, int]]) -> list[Token]:
    """For amounts with nothing after them: the words that name what they measure."""
    words: list[Token] = []
    for i in reversed(before):
        tok = tokens[i]
        if not tok.is_word or _inside(tok, blocked) or len(words) >= 4:
            break
        if tok.lower in LINKING or ((tok.lower in STOPWORDS or is_verb(tok.text)) and not words):
            continue  # "grew by 0.4%": the verb is found on its own, the noun is before it
        if tok.lower in STOPWORDS or is_verb(tok.text):
            break
        words.insert(0, tok)
    return words


def _verb_before(tokens: list[Token], before: range) -> int | None:
    for i in reversed(before):
        tok = tokens[i]
        if tok.is_word and is_verb(tok.text) and tok.lower not in LINKING:
            if i > 0 and tokens[i - 1].lower in _EXISTENTIAL:
                continue  # "there were 5 ...": the verb governing the figure is further back
            return i
        if tok.text in ";:":
            break
    return None


def _trailing(tokens: list[Token], i: int) -> list[str]:
    """A short 'to the WHO' / 'for hospitals' after the figure, naming a recipient."""
    if i >= len(tokens) or tokens[i].lower not in ("to", "for", "from", "in"):
        return []
    words: list[str] = []
    j = i + 1
    while j < len(tokens) and tokens[j].is_word and len(words) < 4:
        tok = tokens[j]
        if tok.lower in ("and", "or") or is_verb(tok.text):
            break
        if tok.text.isupper() or tok.lower not in STOPWORDS:
            words.append(tok.text if tok.text.isupper() else tok.lower)
        j += 1
    named = any(tokens[k].text[0].isupper() for k in range(i + 1, j))
    ends = j >= len(tokens) or not tokens[j].is_word
    if not named or not ends or (j < len(tokens) and tokens[j].text[0].isdigit()):
        return []
    return words
