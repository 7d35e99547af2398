"""A sentence's tokens, made once a sentence, in the two views its readers take.

Two readers look at words: the lexicon (names and measure labels, looked up by a normalised key,
possessive "'s" cut) and the context (the noun a figure counts, its verb: words, numbers and
punctuation in order). Both views share one definition of a word, so a name the lexicon finds is a
word the context reads; before, each reader split the sentence by rules of its own ("U.S." was one
word for one and four tokens for the other).

A word is letters with inner dots, apostrophes, hyphens and digits ("U.S.", "d'Ivoire",
"Guinea-Bissau", "COVID-19"), or "&" for the lexicon; a number is digits with inner commas and
dots; anything else that is not a space is a punctuation token of the context.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# The lexicon's word: letters with inner dots, apostrophes, hyphens and digits, and a last dot after an inner one
# ("U.S.", "Ph.D."; "end." is a word and a stop), or "&". A dot before a capitalised word ends the word:
# "Billion.This" is a sentence's end without its space.
_WORD_PATTERN = r"[^\W\d_](?:[\w'\u2019-]*[^\W_])?(?:\.(?![A-Z][a-z])[\w'\u2019-]*[^\W_])*(?:(?<=\.\w)\.)?"
_WORD = re.compile(_WORD_PATTERN + "|&")
# The context's token: the same words, a number, or one punctuation mark.
_TOKEN = re.compile(_WORD_PATTERN + r"|\d(?:[\d,.]*\d)?|[^\s\w]|_")
# The same patterns for ASCII text, where they match the same and run a quarter faster (measured on the 1 MB report).
_WORD_ASCII = re.compile(_WORD.pattern, re.ASCII)
_TOKEN_ASCII = re.compile(_TOKEN.pattern, re.ASCII)


class Token(NamedTuple):
    """The context's view: a word, number or punctuation mark; ``lower`` and ``is_word`` made once."""

    start: int
    end: int
    text: str
    lower: str
    is_word: bool


class Word(NamedTuple):
    """The lexicon's view: a word with its lookup key, without a possessive 's or a sentence's last dot."""

    start: int
    end: int
    text: str
    key: str  # normalised, without a possessive 's
    possessive: bool


# The word caches hold 4,096 words, not 65,536: a 10 MB document fills a large cache with words seen once, about
# 25 MB (a cached word keeps its string, its result and the cache's node), while the hit rate on real articles
# only goes from 88% to 92% (and the stage is no slower: measured on 1 MB of articles and of source prose).
# The same for is_verb (core.context) and stem (core.measures). Issue 19: 10 MB of articles peaked at 315 MiB, now 285.
@lru_cache(maxsize=4096)
def normalise(word: str) -> str:
    """How a word is looked up: lower case, dots removed ("U.S." and "US" are one name), accents folded ("Việt Nam" is
    "Viet Nam", "Türkiye" "Turkiye": a name written with or without them is one name)."""
    key = word.lower().replace(".", "").replace("\u2019", "'")
    if key.isascii():
        return key
    return "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def _shape(w: str) -> tuple[str, int, str, bool]:
    """(base text, characters cut from the end, key, possessive) of a raw word; words repeat, so this is cached."""
    possessive = w.endswith(("'s", "\u2019s"))
    base = w[:-2] if possessive else w
    return base, (2 if possessive else 0), normalise(base), possessive


def read(text: str) -> tuple[list[Token], list[Word]]:
    """The context's tokens and the lexicon's words of ``text``: one scan, the words taken from the tokens.

    The context's word tokens are the lexicon's words (one pattern), and "&" is a punctuation token, so the
    words need no second scan: 17% less than scanning twice (measured on the 1 MB report's sentences with
    figures). One pattern with groups and a loop instead was 10-25% slower than two scans.
    """
    tokens = tokenize(text)
    new, shape = tuple.__new__, _shape
    # a token the lexicon's pattern matches: a word (is_word; or a first character that is another non-digit alphanumeric,
    # such as "¹", which the context does not call a word), or "&"
    return tokens, [new(Word, (t[0], t[1] - s[1], s[0], s[2], s[3])) for t in tokens
                    if t[4] or t[2] == "&" or (t[2][0].isalnum() and not t[2][0].isdecimal()) for s in (shape(t[2]),)]


def words(text: str) -> list[Word]:
    """The lexicon's view."""
    out: list[Word] = []
    append, new, shape = out.append, tuple.__new__, _shape
    for m in (_WORD_ASCII if text.isascii() else _WORD).finditer(text):
        base, cut, key, possessive = shape(m.group())
        start, end = m.span()
        append(new(Word, (start, end - cut, base, key, possessive)))
    return out


def tokenize(text: str) -> list[Token]:
    """The context's view.

    A loop with one ``span()`` a match and ``tuple.__new__``: 25% faster than a comprehension calling
    ``start()``, ``end()`` and ``Token._make`` (measured on the 1 MB report's sentences with figures).
    """
    out: list[Token] = []
    append, new = out.append, tuple.__new__
    for m in (_TOKEN_ASCII if text.isascii() else _TOKEN).finditer(text):
        t = m.group()
        start, end = m.span()
        append(new(Token, (start, end, t, t.lower(), t[0].isalpha())))
    return out
