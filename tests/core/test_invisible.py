"""Issue 21, point 5: no figure is read other than as a reader sees it.

Invisible characters inside (or at the edge of) a figure refuse it with FC106 naming them; what is
safe to read is normalised in place (offsets kept): separators of other scripts, powers of ten,
comma decimals after SI-style grouping.
"""

from __future__ import annotations

import sys
import unicodedata

import pytest

from factcheck.cli import main
from factcheck.core.findings import FINDINGS, HIDDEN_IN_FIGURE
from factcheck.core.invisible import HIDDEN_CHARACTERS, screen
from factcheck.engine import _analysed, claims_of

SENTENCE = "France had a population of {} million in 2021."

# (name, figure as written, the characters the finding names)
REFUSED = [
    ("zero-width space", "16\u200b7.8", "U+200B ZERO WIDTH SPACE"),
    ("zero-width joiner", "16\u200d7.8", "U+200D ZERO WIDTH JOINER"),
    ("zero-width non-joiner", "16\u200c7.8", "U+200C ZERO WIDTH NON-JOINER"),
    ("word joiner", "16\u20607.8", "U+2060 WORD JOINER"),
    ("byte-order mark inside", "16\ufeff7.8", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ("Hangul filler", "16\u31647.8", "U+3164 HANGUL FILLER"),
    ("half-width Hangul filler", "16\uffa07.8", "U+FFA0 HALFWIDTH HANGUL FILLER"),
    ("soft hyphen", "16\u00ad7.8", "U+00AD SOFT HYPHEN"),
    ("combining mark on a digit", "16\u03037.8", "U+0303 COMBINING TILDE"),
    ("combining mark on the separator", "167.\u03048", "U+0304 COMBINING MACRON"),
    ("variation selector", "167\ufe0f.8", "U+FE0F VARIATION SELECTOR-16"),
    ("right-to-left override", "\u202e8.761\u202c", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("left-to-right mark inside", "167\u200e.8", "U+200E LEFT-TO-RIGHT MARK"),
    ("invisible tag character", "167.8\U000e0031", "U+E0031 TAG DIGIT ONE"),
    ("zero-width space before the scale", "167.8\u200b", "U+200B ZERO WIDTH SPACE"),
]


@pytest.mark.parametrize(("name", "figure", "named"), REFUSED, ids=[r[0] for r in REFUSED])
@pytest.mark.parametrize("path", ["doc.txt", "doc.md"])
def test_a_figure_with_hidden_characters_is_refused_and_the_characters_named(name, figure, named, path):
    text = SENTENCE.format(figure)
    analysis, hidden = _analysed(text, path, None)
    assert not [c for c in analysis.claims if c.quantity and c.quantity.value != 2021], name  # nothing read around them
    assert len(hidden) == 1 and named in hidden[0].characters, hidden
    assert text[hidden[0].start:hidden[0].end] == figure.strip("\u202c") or figure in text[hidden[0].start:hidden[0].end]


def test_a_hidden_character_before_the_scale_word_refuses_the_figure_it_faces():
    _, hidden = _analysed("France had 67.8 \u200bmillion inhabitants in 2021.", "doc.txt", None)
    assert len(hidden) == 1 and hidden[0].shown == "67.8 <U+200B>million"


def test_every_figure_in_a_bidi_override_is_refused_up_to_its_closing_character():
    text = "France \u202ehad 8.76 million\u202c inhabitants, and Spain 47.4 million."
    analysis, hidden = _analysed(text, "doc.txt", None)
    assert [h.shown for h in hidden] == ["8.76"] and "U+202E RIGHT-TO-LEFT OVERRIDE" in hidden[0].characters
    assert [c.quantity.text for c in analysis.claims if c.quantity] == ["47.4 million"]


@pytest.mark.parametrize("reference", ["&#49;", "&#x31;", "&#X31;"])
def test_a_character_reference_in_a_markdown_figure_is_refused(reference):
    text = SENTENCE.format(f"{reference}67.8")
    analysis, hidden = _analysed(text, "doc.md", None)
    assert [c for c in analysis.claims if c.quantity and c.quantity.value != 2021] == []
    assert hidden and f"the character reference {reference}" in hidden[0].characters


def test_character_references_are_markdown_only_and_a_space_reference_beside_a_figure_is_a_space():
    assert [c.quantity.value for c in claims_of("It had 67.8&nbsp;million inhabitants.", "doc.md", None)] == [67_800_000]
    analysis, hidden = _analysed("It had 67&nbsp;800&nbsp;000 inhabitants.", "doc.md", None)  # inside: shown as one figure
    assert hidden and [c for c in analysis.claims if c.quantity] == []
    assert _analysed("R&amp;D cost 5 million euros.", "doc.md", None)[1] == []  # away from the figure: as written
    assert _analysed("It had &#49;67.8 million inhabitants.", "doc.txt", None)[1] == []  # plain text shows it as written


@pytest.mark.parametrize("text", [
    "The family \U0001f468\u200d\U0001f469\u200d\U0001f467 had 3 children.",  # a joiner inside an emoji, not a figure
    "The word infor\u00admation has a soft hyphen and 3 letters more.",
    "It had 167.8 million\u200b inhabitants.",  # after the scale word: read as shown
    "Caf\u0065\u0301s numbered 12 in 2020.",  # a combining accent on a letter
])
def test_hidden_characters_away_from_figures_change_nothing(text):
    assert _analysed(text, "doc.txt", None)[1] == []


def test_code_in_markdown_is_not_screened():
    text = "Intro.\n\n```\nx = 6\u200b7\n```\n\n    y = 1\u200b2\n\nFrance had 5 people."
    assert _analysed(text, "doc.md", None)[1] == []


def test_offsets_are_kept():
    text = "France had 1\u200b67.8 million.\nSpain had 47.4 million."
    body, hidden = screen(text)
    assert len(body) == len(text) and body.index("Spain") == text.index("Spain") and body.count("\n") == 1
    assert text[hidden[0].start:hidden[0].end] == "1\u200b67.8"


def test_the_list_of_hidden_characters_has_every_format_character():
    missing = [f"U+{c:04X}" for c in range(sys.maxunicode + 1)
               if unicodedata.category(chr(c)) == "Cf" and not HIDDEN_CHARACTERS.match(chr(c))]
    assert missing == []


def test_the_finding_is_in_the_catalogue_and_fails_by_default():
    f = FINDINGS[HIDDEN_IN_FIGURE]
    assert f.severity == "error" and f.fails_at == "contradicted"


# ---- normalised where it is safe ----

@pytest.mark.parametrize(("written", "value"), [
    ("67\u066b8 million", 67_800_000),  # the Arabic decimal separator
    ("\u0666\u0667\u066b\u0668 million", 67_800_000),  # Arabic-Indic digits with it
    ("\uff16\uff17\uff0e\uff18 million", 67_800_000),  # fullwidth digits and full stop
    ("\uff16\uff17\uff0c\uff18\uff10\uff10\uff0c\uff10\uff10\uff10", 67_800_000),  # fullwidth commas
    ("6.78\u00d710\u2077", 67_800_000),  # a power of ten in superscript
    ("6.78 \u00d7 10^7", 67_800_000),
    ("67\u202f800\u202f000", 67_800_000),  # grouped by narrow no-break spaces
    ("67\u2009800\u2009000", 67_800_000),  # ... thin spaces
    ("1\u202f234,5 thousand", 1_234_500),  # a comma decimal after SI grouping
    ("67\u00a0800,5 thousand", 67_800_500),
])
def test_figures_written_in_other_scripts_and_styles_are_read_as_shown(written, value):
    text = f"France had {written} inhabitants in 2021."
    claims = claims_of(text, "doc.txt", None)
    assert [round(c.quantity.value) for c in claims if c.quantity] == [value]
    assert _analysed(text, "doc.txt", None)[1] == []


def test_a_range_with_a_power_or_a_bracketed_scale_scales_both_ends():
    from factcheck.core.quantities import find_quantities

    for text in ("rose by 3-5\u00d710\u2076 units", "were 3-5 (millions of) people"):  # the second was a KeyError
        q = find_quantities(text)[0].quantity
        assert (q.value, q.value_high) == (3_000_000, 5_000_000), text


# ---- through the command line: never "No findings." ----

def test_a_hidden_character_figure_is_a_failing_finding_not_a_silent_pass(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text("France had a population of 1\u200b67.8 million in 2021.\n", encoding="utf-8")
    code = main(["check", "doc.md", "--no-config", "--format", "concise", "--doc-date", "2021-12-31"])
    out = capsys.readouterr().out
    assert code == 1 and "No findings" not in out
    assert "doc.md:1:28: FC106" in out and "U+200B ZERO WIDTH SPACE" in out and "\u200b" not in out


def test_a_refused_figure_grouped_by_spaces_is_refused_whole():
    for sep in ("\u202f", "\u2009", "\u00a0", " "):
        text = f"France had 167{sep}8\u200b00{sep}000 inhabitants in 2021."
        analysis, hidden = _analysed(text, "doc.txt", None)
        assert [c.quantity.value for c in analysis.claims if c.quantity] == [], sep  # not "167" and "000"
        assert hidden[0].shown == f"167{sep}8<U+200B>00{sep}000"
