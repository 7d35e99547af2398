"""The ``claimreview`` format: schema.org ClaimReview JSON-LD, one per checked claim.

The interchange format of fact-checkers. The rating runs from 1 (contradicted)
through 2 (not enough info) to 3 (supported); ``alternateName`` carries the
verdict in words and ``ratingExplanation`` the explanation. ``datePublished``
is today, or the day of ``SOURCE_DATE_EPOCH`` when set (reproducible output).

Publishable or nothing (issue 18, point 5): Google requires ``url`` to be the
page publishing the review, so a document without one (no ``url-base``, no
``url`` in its front matter) is refused, not given a ``urn:`` no one can open.
The reviewed ``Claim`` carries the document's author and date where the
front matter or the configuration gives them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urldefrag, urljoin, urlsplit

from pydantic_core import to_json

from .. import __version__
from ..core.frontmatter import Author
from ..errors import UsageError
from .table import computation_text

_RATING = {"contradicted": 1, "not_enough_info": 2, "supported": 3}
_NAMES = {"contradicted": "Contradicted", "not_enough_info": "Not enough info", "supported": "Supported"}


@dataclass(frozen=True, slots=True)
class Published:
    """What is known of a document's publication: from its front matter, else the configuration."""

    url: str | None = None  # the document's own page (front matter); absolute, or relative to url-base
    authors: tuple[Author, ...] = ()
    date: date | None = None
    title: str | None = None
    relative: str | None = None  # its path from the configuration's folder, for url-base


def is_web_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(c.isspace() for c in url)


def page(path: str, url_base: str | None, published: Published | None = None) -> str:
    """The URL of the page publishing a document; a usage error naming the document when there is none."""
    own = urldefrag(published.url).url if published and published.url else None
    if own and is_web_url(own):
        return own
    if url_base and not is_web_url(url_base):
        raise UsageError(f"--url-base {url_base}: not an http(s) URL; ClaimReview's url must be a page on the web")
    if own:
        if not url_base:
            raise UsageError(f"{path}: front matter 'url' {own!r} is not an absolute http(s) URL, and there is no url-base "
                             "to resolve it against (--url-base URL, or url-base in the configuration)")
        return urljoin(url_base.rstrip("/") + "/", own)
    if not url_base:
        raise UsageError(f"{path}: no published URL for ClaimReview (Google requires the page publishing the review): "
                         "give --url-base URL (config url-base), or a 'url' in the document's front matter")
    rel = (published.relative if published and published.relative else Path(path).as_posix()).removeprefix("./").lstrip("/")
    return url_base.rstrip("/") + "/" + quote(rel)


def _person(who: Author) -> dict[str, Any]:
    return {"@type": who.type, "name": who.name, **({"url": who.url} if who.url else {})}


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


def render(report: dict[str, Any], url_base: str | None = None, documents: Mapping[str, Published] | None = None,
           reviewer: Author | None = None) -> str:
    """``url_base`` is where the documents are published (``--url-base`` or config ``url-base``): each review's
    ``url`` is the document's page (its front matter's ``url``, else URL/PATH) with ``#claim-ID``. ``documents``
    gives what is known of each document's publication, by report path; ``reviewer`` who publishes the reviews."""
    when = published()
    documents = documents or {}
    items = [item for doc in report["documents"] for item in document(doc, url_base, when, documents.get(doc["path"]), reviewer)]
    return close(b",\n".join(items), bool(items)).decode("utf-8")


def close(items: bytes, any_items: bool) -> bytes:
    """The JSON array around the reviews (each already indented as an element), as ``to_json(indent=2)`` writes it."""
    return b"[\n" + items + b"\n]\n" if any_items else b"[]\n"


def document(doc: dict[str, Any], url_base: str | None, when: str, known: Published | None = None,
             reviewer: Author | None = None) -> list[bytes]:
    """One document's reviews, each serialised and indented as an element of the array: written as decided."""
    return [b"  " + to_json(r, indent=2).replace(b"\n", b"\n  ") for r in _reviews(doc, url_base, when, known, reviewer)]


def _reviews(doc: dict[str, Any], url_base: str | None, when: str, known: Published | None,
             reviewer: Author | None) -> list[dict[str, Any]]:
    author = _person(reviewer) if reviewer else {
        "@type": "Organization", "name": f"factcheck {__version__} (automated check against reference data)", "url": TOOL_URL}
    reviews = []
    url = page(doc["path"], url_base, known)
    claim_meta: dict[str, Any] = {}
    if known and known.authors:
        people = [_person(a) for a in known.authors]
        claim_meta["author"] = people[0] if len(people) == 1 else people
    if known and known.date:
        claim_meta["datePublished"] = known.date.isoformat()
    appearance: dict[str, Any] = {"@type": "CreativeWork", "url": url}
    if known and known.title:
        appearance["headline"] = known.title
    if known and known.date:
        appearance["datePublished"] = known.date.isoformat()
    for c in doc["claims"]:
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": c["id"],
            "url": f"{url}#claim-{c['id']}",
            "claimReviewed": _short(c, sentence_of(doc, c)),
            "datePublished": when,
            "author": author,
            "itemReviewed": {
                "@type": "Claim",
                "name": c["text"],
                **claim_meta,
                "appearance": appearance,
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
        computed = computation_text(c)
        if computed:  # a derived figure: the arithmetic and every record it used
            review["reviewBody"] = computed
        cited = [e["url"] for e in c["evidence"] if e["url"]]
        if cited:
            review["citation"] = sorted(set(cited), key=cited.index)
        reviews.append(review)
    return reviews
