"""Resolve country and organisation names in prose to stable identifiers.

Country names come from pycountry (ISO 3166); it has no short forms that prose
uses ("Russia", "South Korea", "the US") nor demonyms, so a few are added here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .model import Entity

_EXTRA_COUNTRY_NAMES = {
    "USA": ["us", "u.s.", "u.s", "usa", "united states", "america", "united states of america"],
    "GBR": ["uk", "u.k.", "britain", "great britain", "united kingdom"],
    "RUS": ["russia"],
    "KOR": ["south korea", "korea"],
    "PRK": ["north korea"],
    "IRN": ["iran"],
    "SYR": ["syria"],
    "VNM": ["vietnam", "viet nam"],
    "LAO": ["laos"],
    "BOL": ["bolivia"],
    "VEN": ["venezuela"],
    "TZA": ["tanzania"],
    "MDA": ["moldova"],
    "TWN": ["taiwan"],
    "CZE": ["czech republic", "czechia"],
    "CIV": ["ivory coast", "cote d'ivoire"],
    "TUR": ["turkey", "turkiye"],
    "MAC": ["macao", "macau"],
    "HKG": ["hong kong"],
    "CHN": ["china", "mainland china", "people's republic of china", "prc"],
}
_DEMONYMS = {
    "chinese": "CHN", "american": "USA", "british": "GBR", "french": "FRA", "german": "DEU",
    "italian": "ITA", "spanish": "ESP", "japanese": "JPN", "indian": "IND", "russian": "RUS",
    "brazilian": "BRA", "canadian": "CAN", "australian": "AUS", "korean": "KOR", "mexican": "MEX",
}
_ORGANISATIONS = {
    "org:WHO-China-Joint-Mission": ["WHO-China Joint Mission", "WHO-China Joint Mission on Covid-19",
                                    "WHO-China Joint Mission on COVID-19", "Joint Mission"],
    "org:WHO": ["WHO", "World Health Organization", "World Health Organisation"],
    "org:UN": ["UN", "United Nations"],
    "org:WB": ["World Bank"],
    "org:IMF": ["IMF", "International Monetary Fund"],
    "org:WTO": ["WTO", "World Trade Organization"],
    "EUU": ["EU", "European Union"],
    "WLD": ["world"],
}
# Capitalised word runs (with "of", "and", "the" inside) are the only places a name can be.
_CANDIDATE = re.compile(r"\b[A-Z][A-Za-z.'\u2019-]*(?:[ \t]+(?:of|and|the|de|d')?[ \t]*[A-Z][A-Za-z.'\u2019-]*)*|\bworld\b")
_MAX_WORDS = 6
_NAME_WORD = re.compile(r"[A-Za-z.'\u2019-]+")


@lru_cache(maxsize=1)
def _names() -> dict[str, Entity]:
    import pycountry  # imported here: loading its tables costs ~40 ms

    table: dict[str, Entity] = {}
    by_code: dict[str, Entity] = {}
    for country in pycountry.countries:
        label = getattr(country, "common_name", None) or country.name
        entity = by_code[country.alpha_3] = Entity(country.alpha_3, label)
        for name in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
            if name:
                table.setdefault(name.lower(), entity)
    for code, aliases in _EXTRA_COUNTRY_NAMES.items():
        for alias in aliases:
            table[alias] = by_code.get(code) or Entity(code, aliases[0].title())
    for code, aliases in _ORGANISATIONS.items():
        for alias in aliases:
            key = alias if alias.isupper() else alias.lower()
            full = aliases[min(1, len(aliases) - 1)]
            table[key] = Entity(code, full if full[0].isupper() else full.title())
    return table


def lookup(name: str) -> Entity | None:
    """The entity a name or ISO code denotes, or None."""
    names = _names()
    key = name.strip()
    if key.isupper() and key in names:
        return names[key]
    found = names.get(key.lower())
    if found is None and len(key) == 3 and key.isalpha():
        found = _by_code().get(key.upper())
    return found


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Entity]:
    codes: dict[str, Entity] = {}
    for entity in _names().values():
        codes.setdefault(entity.id, entity)
    return codes


def find_entities(text: str) -> list[tuple[int, int, Entity]]:
    """Entities named in a sentence: (start, end, entity), longest name first at each place."""
    names = _names()
    firsts = _first_words()
    out: list[tuple[int, int, Entity]] = []
    for m in _CANDIDATE.finditer(text):
        words = list(_NAME_WORD.finditer(m.group()))
        i = 0
        while i < len(words):
            if _first_word(words[i].group()) not in firsts:
                i += 1
                continue
            hit = None
            for j in range(min(len(words), i + _MAX_WORDS), i, -1):
                phrase = m.group()[words[i].start(): words[j - 1].end()]
                if phrase.endswith(("'s", "\u2019s")):
                    phrase = phrase[:-2]
                entity = (
                    names.get(phrase)
                    or names.get(phrase.rstrip("."))
                    or names.get(phrase.lower())
                    or names.get(phrase.lower().rstrip("."))
                )
                if entity is None and j == i + 1:
                    entity = _demonym(phrase)
                end = m.start() + words[j - 1].end()
                if entity is not None and text[end:end + 1] == "$":
                    entity = None  # "US$50 million" is a currency, not the United States
                if entity is not None:
                    hit = (m.start() + words[i].start(), end, entity)
                    i = j
                    break
            if hit is None:
                i += 1
            else:
                out.append(hit)
    return out


def _first_word(word: str) -> str:
    return word.lower().rstrip(".").removesuffix("'s").removesuffix("\u2019s")


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """First words of every known name: most capitalised words start none and are skipped."""
    firsts = {_first_word(name.split()[0]) for name in _names() if name.split()}
    return frozenset(firsts | set(_DEMONYMS))


def _demonym(word: str) -> Entity | None:
    code = _DEMONYMS.get(word.lower())
    return _by_code().get(code) if code else None
