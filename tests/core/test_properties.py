"""The claim stage never crashes and keeps offsets inside the text, whatever the input."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.core.claims import extract_claims

ALPHABET = st.sampled_from(list("0123456789,. -–$%£€\n\r\t()[]abcMmbnkAsofMayMarch1to") + ["million", " more than ", " about ", "Covid-19", " and ", "## ", "```\n", "---\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join), st.booleans(), st.one_of(st.none(), st.just(date(2020, 6, 7))))
def test_claims_never_crash_and_offsets_stay_inside(text, markdown, doc_date):
    for claim in extract_claims(text, markdown=markdown, doc_date=doc_date):
        assert 0 <= claim.span.start < claim.span.end <= len(text)
        assert claim.line >= 1 and claim.column >= 1
        assert claim.quantity.precision > 0


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode(text):
    for claim in extract_claims(text):
        # a line break inside a sentence is read as a space (issue 16, item 7); every other character as written
        assert text[claim.span.start:claim.span.end].replace("\r", " ").replace("\n", " ") == claim.text


SENTENCES = st.sampled_from([
    "China exported {} masks", "As of May 31, China had sent {} medical expert teams", "From March 1 to May 31 China exported {} ventilators",
    "It has provided {} batches of cash support totaling US${} million to the WHO", "In 2022 France had {} people",
    "about {} countries", "more than {}% of {} test kits", "between {} and {} protective suits",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(SENTENCES, st.lists(st.integers(0, 10**12), min_size=3, max_size=3)), max_size=6), st.booleans())
def test_verdicts_never_crash_on_claims_against_the_curated_source(items, dated):
    from factcheck.core.matching import Settings
    from factcheck.engine import check_text, load_sources
    from tests.conftest import CURATED

    catalogue = _catalogue(load_sources, CURATED)
    text = ". ".join(template.format(*(f"{n:,}" for n in numbers)) for template, numbers in items) + "."
    result = check_text(text, "doc.md", catalogue, Settings(doc_date=date(2020, 6, 7) if dated else None))
    for _, verdict in result.claims:
        assert verdict.label in ("supported", "contradicted", "not_enough_info")
        assert verdict.label == "not_enough_info" or verdict.evidence


_CACHE: dict = {}


def _catalogue(load_sources, path):  # type: ignore[no-untyped-def]
    if "c" not in _CACHE:
        _CACHE["c"] = load_sources([path])
    return _CACHE["c"]
