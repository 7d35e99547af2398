"""The ``claimreview`` format: schema.org ClaimReview JSON-LD, one per checked claim.

The interchange format of fact-checkers. The rating runs from 1 (contradicted)
through 2 (not enough info) to 3 (supported); ``alternateName`` carries the
verdict in words and ``ratingExplanation`` the explanation. ``datePublished``
is today, or the day of ``SOURCE_DATE_EPOCH`` when set (reproducible output).
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pydantic_core import to_json

from .. import __version__

_RATING = {"contradicted": 1, "not_enough_info": 2, "supported": 3}
_NAMES = {"contradicted": "Contradicted", "not_enough_info": "Not enough info", "supported": "Supported"}


def _page(path: str, url_base: str | None) -> str | None:
    if not url_base:
        return None
    return url_base.rstrip("/") + "/" + quote(Path(path).as_posix().lstrip("./"))


def sentence_of(doc: dict[str, Any], c: dict[str, Any]) -> str:
    """The text of a claim's sentence, which the report keeps once, in the document's ``sentences``."""
    sentences = doc.get("sentences") or []
    n = c["sentence"]
    return sentences[n]["text"] if 0 <= n < len(sentences) else c["text"]


def _short(c: dict[str, Any], sentence: str) -> str:
    """The claim as one short statement: its sentence when short, else the words around the figure."""
    sentence = " ".join(sentence.split())
    if len(sentence) <= _SHORT:
        return sentence
    text = " ".join(c["text"].split())
    at = sentence.find(text)
    if at < 0:
        return text
    start = max(0, sentence.rfind(" ", 0, max(0, at - 60)) + 1)
    end = sentence.find(" ", min(len(sentence), at + len(text) + 60))
    end = len(sentence) if end < 0 else end
    return ("…" if start else "") + sentence[start:end] + ("…" if end < len(sentence) else "")


def published() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date().isoformat()
    return date.today().isoformat()


TOOL_URL = "https://pypi.org/project/factcheck-figures/"
_SHORT = 200  # Google shows claimReviewed as a short statement of the claim, not a paragraph


def render(report: dict[str, Any], url_base: str | None = None) -> str:
    """``url_base`` is where the documents are published (``--url-base`` or config ``url-base``):
    each review's ``url`` is the document's URL with ``#claim-ID``; without it, a ``urn:`` of the claim id."""
    when = published()
    items = [item for doc in report["documents"] for item in document(doc, url_base, when)]
    return close(b",\n".join(items), bool(items)).decode("utf-8")


def close(items: bytes, any_items: bool) -> bytes:
    """The JSON array around the reviews (each already indented as an element), as ``to_json(indent=2)`` writes it."""
    return b"[\n" + items + b"\n]\n" if any_items else b"[]\n"


def document(doc: dict[str, Any], url_base: str | None, when: str) -> list[bytes]:
    """One document's reviews, each serialised and indented as an element of the array: written as decided."""
    return [b"  " + to_json(r, indent=2).replace(b"\n", b"\n  ") for r in _reviews(doc, url_base, when)]


def _reviews(doc: dict[str, Any], url_base: str | None, when: str) -> list[dict[str, Any]]:
    author = {"@type": "Organization", "name": f"factcheck {__version__} (automated check against reference data)", "url": TOOL_URL}
    reviews = []
    page = _page(doc["path"], url_base)
    for c in doc["claims"]:
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": c["id"],
            "url": f"{page}#claim-{c['id']}" if page else f"urn:factcheck:claim:{c['id']}",
            "claimReviewed": _short(c, sentence_of(doc, c)),
            "datePublished": when,
            "author": author,
            "itemReviewed": {
                "@type": "Claim",
                "name": c["text"],
                "appearance": {"@type": "CreativeWork", **({"url": page} if page else {"name": doc["path"]})},
            },
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": _RATING[c["verdict"]],
                "bestRating": 3,
                "worstRating": 1,
                "alternateName": _NAMES[c["verdict"]],
                "ratingExplanation": c["explanation"],
            },
        }
        cited = [e["url"] for e in c["evidence"] if e["url"]]
        if cited:
            review["citation"] = sorted(set(cited), key=cited.index)
        reviews.append(review)
    return reviews
