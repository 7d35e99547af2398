"""The ``claimreview`` format: schema.org ClaimReview JSON-LD, one per checked claim.

The interchange format of fact-checkers. The rating runs from 1 (contradicted)
through 2 (not enough info) to 3 (supported); ``alternateName`` carries the
verdict in words and ``ratingExplanation`` the explanation. ``datePublished``
is today, or the day of ``SOURCE_DATE_EPOCH`` when set (reproducible output).
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from typing import Any

from pydantic_core import to_json

from .. import __version__

_RATING = {"contradicted": 1, "not_enough_info": 2, "supported": 3}
_NAMES = {"contradicted": "Contradicted", "not_enough_info": "Not enough info", "supported": "Supported"}


def published() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date().isoformat()
    return date.today().isoformat()


def render(report: dict[str, Any]) -> str:
    when = published()
    author = {"@type": "Organization", "name": f"factcheck {__version__} (automated check against reference data)"}
    reviews = []
    for doc in report["documents"]:
        for c in doc["claims"]:
            review: dict[str, Any] = {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "identifier": c["id"],
                "claimReviewed": c["sentence"],
                "datePublished": when,
                "author": author,
                "itemReviewed": {
                    "@type": "Claim",
                    "name": c["text"],
                    "appearance": {"@type": "CreativeWork", "url": doc["path"]},
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
    return to_json(reviews, indent=2).decode("utf-8") + "\n"
