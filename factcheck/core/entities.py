"""Resolve country and organisation names in prose to stable identifiers.

Country names come from pycountry (ISO 3166); it has no short forms that prose
uses ("Russia", "South Korea", "the US") nor demonyms, so a few are added here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter

from .lazy import lazy
from .model import Entity

_EXTRA_COUNTRY_NAMES = {
    "USA": ["us", "u.s.", "u.s", "usa", "united states", "america", "united states of america"],
    "GBR": ["uk", "u.k.", "britain", "great britain", "united kingdom"],
    "RUS": ["russia"],
    "KOR": ["south korea", "korea", "republic of korea", "s. korea"],
    "PRK": ["north korea", "n. korea", "dprk", "d.p.r.k."],
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
    # older and short names prose still uses, not in ISO 3166's current lists
    "SWZ": ["swaziland"], "CPV": ["cape verde"], "BRN": ["brunei"], "XKX": ["kosovo"], "MKD": ["macedonia"],
    "ARE": ["uae", "u.a.e."], "MMR": ["burma"], "TLS": ["east timor"], "NLD": ["holland"],
    "COD": ["dr congo", "drc", "zaire", "democratic republic of the congo", "democratic republic of congo", "d.r. congo", "congo-kinshasa"],
    "COG": ["congo-brazzaville", "republic of the congo", "republic of congo"], "GMB": ["gambia", "the gambia"], "BHS": ["bahamas", "the bahamas"],
    "VAT": ["vatican", "vatican city"], "PSE": ["palestine"], "FSM": ["micronesia"], "BEN": ["dahomey"], "BFA": ["upper volta"],
    "ZWE": ["rhodesia"], "SVK": ["slovakia"], "KGZ": ["kyrgyzstan"], "EGY": ["egypt"], "YEM": ["yemen"],
}
_DEMONYMS = {
    "chinese": "CHN", "american": "USA", "british": "GBR", "french": "FRA", "german": "DEU",
    "italian": "ITA", "spanish": "ESP", "japanese": "JPN", "indian": "IND", "russian": "RUS",
    "brazilian": "BRA", "canadian": "CAN", "australian": "AUS", "korean": "KOR", "mexican": "MEX",
    # the adjectives prose gives most countries (issue 16: "Croatian nominal GDP", "the Saudi economy")
    "afghan": "AFG", "albanian": "ALB", "algerian": "DZA", "andorran": "AND", "angolan": "AGO", "argentine": "ARG",
    "argentinian": "ARG", "armenian": "ARM", "austrian": "AUT", "azerbaijani": "AZE", "bahraini": "BHR",
    "bangladeshi": "BGD", "belarusian": "BLR", "belgian": "BEL", "belizean": "BLZ", "beninese": "BEN",
    "bolivian": "BOL", "bosnian": "BIH", "botswanan": "BWA", "bulgarian": "BGR", "burkinabe": "BFA", "burmese": "MMR",
    "burundian": "BDI", "cambodian": "KHM", "cameroonian": "CMR", "chadian": "TCD", "chilean": "CHL",
    "colombian": "COL", "congolese": "COD", "costa rican": "CRI", "croatian": "HRV", "cuban": "CUB", "cypriot": "CYP",
    "czech": "CZE", "danish": "DNK", "djiboutian": "DJI", "dominican": "DOM", "dutch": "NLD", "ecuadorian": "ECU",
    "egyptian": "EGY", "emirati": "ARE", "eritrean": "ERI", "estonian": "EST", "ethiopian": "ETH", "fijian": "FJI",
    "filipino": "PHL", "philippine": "PHL", "finnish": "FIN", "gabonese": "GAB", "gambian": "GMB", "georgian": "GEO", "ghanaian": "GHA",
    "greek": "GRC", "guatemalan": "GTM", "guinean": "GIN", "guyanese": "GUY", "haitian": "HTI", "honduran": "HND",
    "hungarian": "HUN", "icelandic": "ISL", "indonesian": "IDN", "iranian": "IRN", "iraqi": "IRQ", "irish": "IRL",
    "israeli": "ISR", "ivorian": "CIV", "jamaican": "JAM", "jordanian": "JOR", "kazakh": "KAZ", "kazakhstani": "KAZ",
    "kenyan": "KEN", "kosovar": "XKX", "kuwaiti": "KWT", "kyrgyz": "KGZ", "lao": "LAO", "laotian": "LAO",
    "latvian": "LVA", "lebanese": "LBN", "liberian": "LBR", "libyan": "LBY", "lithuanian": "LTU",
    "luxembourgish": "LUX", "macedonian": "MKD", "malagasy": "MDG", "malawian": "MWI", "malaysian": "MYS",
    "maldivian": "MDV", "malian": "MLI", "maltese": "MLT", "mauritanian": "MRT", "mauritian": "MUS",
    "moldovan": "MDA", "monegasque": "MCO", "mongolian": "MNG", "montenegrin": "MNE", "moroccan": "MAR",
    "mozambican": "MOZ", "namibian": "NAM", "nauruan": "NRU", "nepalese": "NPL", "nepali": "NPL",
    "nicaraguan": "NIC", "nigerien": "NER", "nigerian": "NGA", "norwegian": "NOR", "omani": "OMN",
    "pakistani": "PAK", "palestinian": "PSE", "panamanian": "PAN", "paraguayan": "PRY", "peruvian": "PER",
    "polish": "POL", "portuguese": "PRT", "qatari": "QAT", "romanian": "ROU", "rwandan": "RWA", "salvadoran": "SLV",
    "saudi": "SAU", "senegalese": "SEN", "serbian": "SRB", "singaporean": "SGP", "slovak": "SVK",
    "slovenian": "SVN", "somali": "SOM", "sri lankan": "LKA", "sudanese": "SDN", "swazi": "SWZ", "swedish": "SWE",
    "swiss": "CHE", "syrian": "SYR", "taiwanese": "TWN", "tajik": "TJK", "tanzanian": "TZA", "thai": "THA",
    "togolese": "TGO", "tongan": "TON", "tunisian": "TUN", "turkish": "TUR", "turkmen": "TKM", "ugandan": "UGA",
    "ukrainian": "UKR", "uruguayan": "URY", "uzbek": "UZB", "venezuelan": "VEN", "vietnamese": "VNM",
    "yemeni": "YEM", "zambian": "ZMB", "zimbabwean": "ZWE",
    # two words where the first would otherwise make a region of the second ("South American" is no country's)
    "south korean": "KOR", "north korean": "PRK", "east timorese": "TLS", "south african": "ZAF",
    "south sudanese": "SSD", "equatorial guinean": "GNQ",
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


@lru_cache(maxsize=1)
def _names() -> dict[str, Entity]:
    import pycountry  # imported here: loading its tables costs ~40 ms

    table: dict[str, Entity] = {}
    by_code: dict[str, Entity] = {}
    for country in pycountry.countries:
        label = getattr(country, "common_name", None) or country.name
        entity = by_code[country.alpha_3] = Entity(country.alpha_3, label)
        for name in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
            for variant in _variants(name):
                table.setdefault(variant.lower(), entity)
    for code, aliases in _EXTRA_COUNTRY_NAMES.items():
        for alias in aliases:
            table[alias] = by_code.get(code) or Entity(code, aliases[0].title())
    for code, aliases in _ORGANISATIONS.items():
        for alias in aliases:
            key = alias if alias.isupper() else alias.lower()
            full = aliases[min(1, len(aliases) - 1)]
            table[key] = Entity(code, full if full[0].isupper() else full.title())
    return table


def _variants(name: str | None) -> list[str]:
    """ISO's inverted names as prose gives them: "Korea, Republic of" is also "Republic of Korea"."""
    if not name:
        return []
    if ", " not in name:
        return [name]
    head, tail = name.split(", ", 1)
    return [name, f"{tail} {head}"]


def default_names() -> dict[str, Entity]:
    """Every name known without a source (countries, a few organisations), as written, for the lexicon."""
    return _names()


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


def demonyms_in(text: str, found: list[tuple[int, int, Entity]], words: list | None = None) -> list[tuple[int, int, Entity]]:
    """'Chinese', 'French': an entity too, where no name was found at that place.

    ``words`` are the sentence's words as the lexicon made them (``core.lexicon.words``): looked up
    in a dictionary of demonyms, not searched for again; without them the text is split here.
    """
    if words is not None and _demonym_words().isdisjoint(map(_KEY, words)):
        return []  # most sentences name no nationality: one set test in C, not a loop over the words
    out = []
    caps = [(w.start, w.end, w.text) for w in words if w.text[:1].isupper()] if words is not None else \
        [(m.start(), m.end(), m.group()) for m in _CAPITALISED.finditer(text)]
    skip = -1
    for i, (start, end, word) in enumerate(caps):
        if i == skip:
            continue
        if i + 1 < len(caps) and caps[i + 1][0] == end + 1 and f"{word} {caps[i + 1][2]}".lower() in _DEMONYMS:
            end, word, skip = caps[i + 1][1], f"{word} {caps[i + 1][2]}", i + 1  # "Costa Rican", "Sri Lankan"
        elif word.lower() not in _DEMONYMS:
            continue
        if _REGION_BEFORE.search(text, max(0, start - 12), start):
            continue  # "the South American economy", "Latin American", "Afro-Cuban": a region or a people, not the country
        if _LANGUAGE_BEFORE.search(text, max(0, start - 24), start) or _LANGUAGE_AFTER.match(text, end):
            continue  # "Language: Spanish", "speak French", "Portuguese-speaking": a language (a fact sheet's "Language:
            # Spanish" had made Spain the subject of Guatemala's GDP per capita)
        if not any(s <= start < e for s, e, _ in found):
            entity = _demonym(word)
            if entity is not None:
                out.append((start, end, entity))
    return out


_CAPITALISED = lazy(r"\b[A-Z][a-z]+\b")
_LANGUAGE_BEFORE = lazy(r"\b(?:languages?|language[ \t]+is|tongue|spoken|speak|speaks|speaking|spoke|written[ \t]+in|translated[ \t]+into)"
                        r"[ \t]*[:\u2013\u2014-]?[ \t]*(?:[A-Z][a-z]+[ \t]*(?:,|and|&)[ \t]*)*$", re.I)
_LANGUAGE_AFTER = lazy(r"(?:[ \t]*-[ \t]*|[ \t]+)(?:speaking|speakers?|language|languages|as[ \t]+a[ \t]+(?:first|second|native))\b", re.I)
# A word that makes a people's adjective a region's or another people's (a data page's "South American economy" had been
# read as the United States').
_REGION_BEFORE = lazy(r"\b(?:South|North|Central|Latin|Meso|Anglo|Afro|Indo|Sino|Pan|East|West|Southeast|Northeast|Southwest|"
                      r"Northwest|Sub-Saharan|sub-Saharan|Trans|Mainland|Overseas|Greater)[ \t-]$")
_KEY = itemgetter(3)  # a lexicon Word's key


@lru_cache(maxsize=1)
def _demonym_words() -> frozenset[str]:
    return frozenset(w for name in _DEMONYMS for w in name.split())


def _demonym(word: str) -> Entity | None:
    code = _DEMONYMS.get(word.lower())
    return _by_code().get(code) if code else None


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | frozenset(_EXTRA_COUNTRY_NAMES)


def is_country(entity: Entity) -> bool:
    """A country or territory with an ISO 3166-1 code (or one prose treats as such: Kosovo), not a region or a group."""
    return entity.id in _country_codes()  # a set lookup by the id: cheaper than caching by the whole entity
