"""What ClaimReview says of each document's publication: its front matter, else the configuration.

At the edge because it reads the documents again (only when a ``claimreview`` output is asked
for); the parsing itself is the pure :mod:`factcheck.core.frontmatter`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .config import LoadedConfig
from .core.document import is_markdown
from .core.frontmatter import Author, FrontMatter, FrontMatterError, parse
from .engine import read_document
from .errors import UsageError, reading
from .report.claimreview import Published

if TYPE_CHECKING:
    from .config import AuthorConfig


def _author(config: AuthorConfig) -> Author:
    return Author(config.name, config.url, config.type)


def reviewer(loaded: LoadedConfig) -> Author | None:
    """Who publishes the reviews (config ``review-author``); None: factcheck itself."""
    who = loaded.config.review_author
    return _author(who) if who else None


def published(documents: list[Path], loaded: LoadedConfig, date_of: Callable[[Path], date | None]) -> dict[str, Published]:
    """Each document's publication, keyed by its path in the report. The front matter wins over the
    configuration (``document_authors``; the date of ``--doc-date`` or ``document_dates``): it is the
    document's own word about itself."""
    out: dict[str, Published] = {}
    for doc in documents:
        front = FrontMatter()
        if is_markdown(doc.name):
            with reading(doc):
                try:
                    front = parse(read_document(doc))
                except FrontMatterError as exc:
                    raise UsageError(f"{doc}: {exc}") from None
        configured = loaded.document_author(doc)
        authors = front.authors or ((_author(configured),) if configured else ())
        out[doc.as_posix()] = Published(front.url, authors, front.date or date_of(doc), front.title, loaded.relative(doc))
    return out
