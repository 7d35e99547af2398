"""A sentence's tokens, made once: one pass gives every reader its view.

Two readers look at words: the lexicon (names and measure labels, looked up by a normalised key,
possessive "'s" and a sentence's last dot cut) and the context (the noun a figure counts, its verb:
words, numbers and punctuation in order). Both views come from one scan of the sentence with one
pattern; before, each reader split the sentence with a pattern of its own.

A word is letters with inner dots, apostrophes, hyphens and digits ("U.S.", "d'Ivoire",
"Guinea-Bissau", "COVID-19"), or "&" for the lexicon; a number is digits with inner commas and
dots; anything else that is not a space is a punctuation token of the context.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# group 1: a word (with an optional last dot); group 2: "&"; group 3: a number; else one punctuation mark.
# A dot before a capitalised word ends the word: "Billion.This" is a sentence's end without its space, "U.S." one word.
_TOKEN = re.compile(r"([^\W\d_](?:(?:[\w'\u2019-]|\.(?![A-Z][a-z]))*[^\W_])?\.?)|(&)|(\d(?:[\d,.]*\d)?)|[^\s\w]|_")


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


@lru_cache(maxsize=65536)
def normalise(word: str) -> str:
    """How a word is looked up: lower case, dots removed ("U.S." and "US" are one name)."""
    return word.lower().replace(".", "").replace("\u2019", "'")


@lru_cache(maxsize=65536)
def _shape(w: str) -> tuple[str, int, str, bool, str, str, bool]:
    """A raw word's shapes, cached as words repeat: (base text, characters cut from the end, key,
    possessive, the context's text and its lower case, whether the context has a last dot of its own)."""
    possessive = w.endswith(("'s", "\u2019s"))
    base = w[:-2] if possessive else w
    cut = 2 if possessive else 0
    if base.endswith(".") and len(base) > 1 and "." not in base[:-1]:
        base, cut = base[:-1], cut + 1  # a sentence's last word, not an abbreviation
    last_dot = w.endswith(".") and not possessive and "." not in w[:-1]
    context = w[:-1] if last_dot else w
    return base, cut, normalise(base), possessive, context, context.lower(), last_dot


def read(text: str) -> tuple[list[Token], list[Word]]:
    """The context's tokens and the lexicon's words of ``text``, in one pass."""
    tokens: list[Token] = []
    words: list[Word] = []
    token, word = Token._make, Word._make
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        raw = m.group()
        if m.group(1) is not None:
            base, cut, key, possessive, context, lower, last_dot = _shape(raw)
            words.append(word((start, end - cut, base, key, possessive)))
            if last_dot:
                tokens.append(token((start, end - 1, context, lower, True)))
                tokens.append(token((end - 1, end, ".", ".", False)))
            else:
                tokens.append(token((start, end, raw, lower, True)))
        elif m.group(2) is not None:
            words.append(word((start, end, raw, raw, False)))
            tokens.append(token((start, end, raw, raw, False)))
        else:
            tokens.append(token((start, end, raw, raw, False)))
    return tokens, words


def words(text: str) -> list[Word]:
    """The lexicon's view alone (names and labels while a lexicon is built)."""
    out: list[Word] = []
    make = Word._make
    for m in _TOKEN.finditer(text):
        if m.group(1) is not None or m.group(2) is not None:
            raw = m.group()
            base, cut, key, possessive = _shape(raw)[:4]
            out.append(make((m.start(), m.end() - cut, base, key, possessive)))
    return out


def tokenize(text: str) -> list[Token]:
    """The context's view alone."""
    return read(text)[0]
