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
        assert text[claim.span.start:claim.span.end] == claim.text
