"""One pass over a sentence gives the lexicon's words and the context's tokens (core/tokens.py)."""

from __future__ import annotations

import pytest

from factcheck.core.tokens import read, tokenize, words

CASES = [
    # sentence, the context's tokens, the lexicon's words (base text)
    ("The U.S. had 331 million people.", ["The", "U.S.", "had", "331", "million", "people", "."],
     ["The", "U.S.", "had", "million", "people"]),
    ("Kenya's GDP was US$98 Billion.This is large", ["Kenya's", "GDP", "was", "US", "$", "98", "Billion", ".", "This", "is", "large"],
     ["Kenya", "GDP", "was", "US", "Billion", "This", "is", "large"]),
    ("Côte d'Ivoire counted 5 COVID-19 wards & 3 clinics", ["Côte", "d'Ivoire", "counted", "5", "COVID-19", "wards", "&", "3", "clinics"],
     ["Côte", "d'Ivoire", "counted", "COVID-19", "wards", "&", "clinics"]),
    # "¹" and "½" are alphanumeric but no letter and no decimal digit: words to the lexicon's pattern, not to the
    # context (the lexicon's words are taken from the tokens: this keeps the two readings one)
    ("At the 1994¹ census, Ålesund_town had 5 ½ wards.",
     ["At", "the", "1994", "¹", "census", ",", "Ålesund_town", "had", "5", "½", "wards", "."],
     ["At", "the", "¹", "census", "Ålesund_town", "had", "½", "wards"]),
]


@pytest.mark.parametrize(("text", "tokens", "lexicon_words"), CASES)
def test_one_pass_two_views(text: str, tokens: list[str], lexicon_words: list[str]) -> None:
    got_tokens, got_words = read(text)
    assert [t.text for t in got_tokens] == tokens
    assert [w.text for w in got_words] == lexicon_words
    assert got_tokens == tokenize(text) and got_words == words(text)  # the single views agree with the pass
    for t in got_tokens:
        assert text[t.start:t.end] == t.text and t.lower == t.text.lower()


def test_possessive_and_last_dot_are_cut_for_the_lexicon_only() -> None:
    tokens, ws = read("Estonia's population grew.")
    assert [(w.text, w.key, w.possessive) for w in ws] == [("Estonia", "estonia", True), ("population", "population", False),
                                                          ("grew", "grew", False)]
    assert ws[0].end == len("Estonia") and tokens[0].text == "Estonia's"
    assert tokens[-1].text == "." and not tokens[-1].is_word


@pytest.mark.parametrize("text", [
    "The U.S. had 331,449,281 people in 2020; Ph.D. holders & co-ops didn't.",
    "Kenya's GDP was US$98 Billion.This is large_ok (2019) -- 4.5% up",
    "e.g. St.Louis, 'quoted', 3-5 million, x_y z",
])
def test_the_ascii_patterns_read_ascii_text_as_the_unicode_ones(text: str) -> None:
    from factcheck.core import tokens

    assert [m.span() for m in tokens._TOKEN.finditer(text)] == [m.span() for m in tokens._TOKEN_ASCII.finditer(text)]
    assert [m.span() for m in tokens._WORD.finditer(text)] == [m.span() for m in tokens._WORD_ASCII.finditer(text)]
