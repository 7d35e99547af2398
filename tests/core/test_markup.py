"""Markdown inline markup read through markdown-it-py: it changes neither what a sentence says nor where it is."""

from datetime import date

import pytest

from factcheck.core.markup import plain
from factcheck.core.matching import Settings
from factcheck.engine import check_text, load_sources
from tests.conftest import CURATED, SEED


@pytest.mark.parametrize(
    "source,reads",
    [
        ("China exported 5 million **masks**.", "China exported 5 million   masks  ."),
        ("China exported 5 million [masks](https://example.org \"5 million\").",
         "China exported 5 million  masks" + " " * len('](https://example.org "5 million")') + "."),
        ("China exported 5 million `masks`.", "China exported 5 million  masks ."),
        ("China exported 5 million <b>masks</b>.", "China exported 5 million    masks    ."),
        ("# Heading with 5 *items*", "# Heading with 5  items "),
        ("- a list item with 4 _items_", "- a list item with 4  items "),
    ],
)
def test_inline_markup_is_blanked_in_place(source, reads):
    assert plain(source) == reads and len(plain(source)) == len(source)


def test_a_link_reference_definition_says_nothing():
    text = "China sent 29 teams.\n\n[who]: https://who.int \"A title with 96,700 figures\"\n"
    cleaned = plain(text)
    assert "96,700" not in cleaned and cleaned.startswith("China sent 29 teams.") and len(cleaned) == len(text)


def test_an_unalignable_paragraph_is_left_as_written():
    text = "Prices &amp; wages rose by 5 **percent**."
    assert plain(text) == text


@pytest.mark.parametrize("wrap", ["**{}**", "[{}](https://example.org/masks)", "`{}`", "*{}*"])
def test_markup_around_the_counted_noun_keeps_the_verdict(wrap):
    catalogue = load_sources([CURATED])
    settings = Settings(doc_date=date(2020, 6, 7))
    seed = SEED.read_text(encoding="utf-8")
    plain_verdicts = [(c.quantity.value, v.reason) for c, v in check_text(seed, "seed.md", catalogue, settings).claims if c.quantity]
    marked = seed.replace("70.6 billion masks", "70.6 billion " + wrap.format("masks"))
    checked = check_text(marked, "seed.md", catalogue, settings)
    assert [(c.quantity.value, v.reason) for c, v in checked.claims if c.quantity] == plain_verdicts
    (masks,) = [c for c, _ in checked.claims if c.quantity and c.quantity.value == 70.6e9]
    assert marked[masks.span.start:masks.span.end].startswith("more than 70.6 billion")
