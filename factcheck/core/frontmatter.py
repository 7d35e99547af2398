"""A Markdown document's front matter: who wrote it, when, where it is published, its title.

Static site generators put it at the very top, YAML between ``---`` lines or TOML between
``+++`` lines. ClaimReview needs it (issue 18, point 5): the claim's author and date are the
document's, and its ``url`` the page that publishes it. Only those four keys are read; every
other key belongs to the site generator and is left alone. Pure: text in, values out.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

AuthorType = Literal["Person", "Organization"]

_LIMIT = 64 * 1024  # front matter is a few lines; past this it is no front matter worth parsing
_MAX_AUTHORS = 50


class FrontMatterError(ValueError):
    """Front matter that cannot be read, or a value of the wrong kind; the message names the key."""


@dataclass(frozen=True, slots=True)
class Author:
    name: str
    url: str | None = None
    type: AuthorType = "Person"


@dataclass(frozen=True, slots=True)
class FrontMatter:
    authors: tuple[Author, ...] = ()
    date: date | None = None
    url: str | None = None
    title: str | None = None


def block(text: str) -> tuple[str, str] | None:
    """The front matter's syntax ('yaml' or 'toml') and body, when the text opens with one."""
    text = text.removeprefix("\ufeff")
    first, _, rest = text.partition("\n")
    opener = first.rstrip("\r").rstrip(" \t")
    if opener not in ("---", "+++"):
        return None
    closers = ("---", "...") if opener == "---" else ("+++",)
    pattern = r"^(?:" + "|".join(re.escape(c) for c in closers) + r")[ \t]*\r?$"
    m = re.compile(pattern, re.M).search(rest, 0, _LIMIT + 1)
    if m is None:
        return None
    return ("yaml" if opener == "---" else "toml"), rest[:m.start()]


def parse(text: str) -> FrontMatter:
    """The author(s), date, url and title a document's front matter gives (empty without front matter)."""
    found = block(text)
    if found is None:
        return FrontMatter()
    syntax, body = found
    data = _load(syntax, body)
    if data is None:
        return FrontMatter()
    if not isinstance(data, dict):
        raise FrontMatterError(f"front matter is a {type(data).__name__}, not a mapping of keys")
    authors = data.get("authors", data.get("author"))
    return FrontMatter(
        authors=authors_of(authors, "authors" if "authors" in data else "author") if authors is not None else (),
        date=date_of(data.get("date"), "date"),
        url=_text(data.get("url"), "url"),
        title=_text(data.get("title"), "title"),
    )


def dated(text: str) -> date | None:
    """The front matter's ``date`` alone (None without front matter or without the key).

    A document's own date dates its figures ("May 31" takes its year, "so far" means as of it), so it
    is read for every Markdown document, not only for ClaimReview; the other keys are not looked at,
    so an author list ClaimReview would refuse does not stop a check. FrontMatterError when the block
    or its date cannot be read.
    """
    found = block(text)
    if found is None:
        return None
    data = _load(*found)
    if data is None:
        return None
    if not isinstance(data, dict):
        raise FrontMatterError(f"front matter is a {type(data).__name__}, not a mapping of keys")
    return date_of(data.get("date"), "date")


def _load(syntax: str, body: str) -> Any:
    try:
        if syntax == "toml":
            return tomllib.loads(body)
        import yaml

        return yaml.safe_load(body)
    except RecursionError:
        raise FrontMatterError("front matter is nested too deeply") from None
    except (tomllib.TOMLDecodeError, ValueError) as exc:
        raise FrontMatterError(f"front matter is not valid TOML: {exc}") from None
    except Exception as exc:  # yaml.YAMLError and its kin: the message says where
        raise FrontMatterError(f"front matter is not valid YAML: {' '.join(str(exc).split())}") from None


def authors_of(value: Any, key: str) -> tuple[Author, ...]:
    """A name, a mapping (name, url, type), or a list of them."""
    items = value if isinstance(value, list) else [value]
    if len(items) > _MAX_AUTHORS:
        raise FrontMatterError(f"'{key}': {len(items)} authors; at most {_MAX_AUTHORS}")
    return tuple(_author(item, key) for item in items)


def _author(item: Any, key: str) -> Author:
    if isinstance(item, str) and item.strip():
        return Author(" ".join(item.split()))
    if isinstance(item, dict):
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise FrontMatterError(f"'{key}': an author given as a mapping needs a 'name'")
        kind = item.get("type", "Person")
        if kind not in ("Person", "Organization"):
            raise FrontMatterError(f"'{key}': type {kind!r}: expected 'Person' or 'Organization'")
        return Author(" ".join(name.split()), _text(item.get("url"), f"{key}.url"), kind)
    raise FrontMatterError(f"'{key}': expected a name, a mapping with 'name' (and 'url', 'type'), or a list of them; got {_shown(item)}")


def date_of(value: Any, key: str) -> date | None:
    """A date or a date-time (YAML and TOML give both natively; a string in ISO 8601 is read too)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
    raise FrontMatterError(f"'{key}': {_shown(value)} is not a date (YYYY-MM-DD)")


def _text(value: Any, key: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return " ".join(value.split()) or None
    raise FrontMatterError(f"'{key}': expected text, got {_shown(value)}")


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
