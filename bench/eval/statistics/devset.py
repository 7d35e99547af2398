"""Write the development set of statistical sentences: bench/eval/statistics/sentences.tsv.

Each sentence states country (or region) statistics the way web pages, encyclopaedias and
statistical reports phrase them; the phrasings were modelled on real pages (statistics portals,
encyclopaedia infoboxes and leads, news reports, national statistics releases) and written anew,
never copied. Values come from the reference data itself, rounded the many ways writers round
them; about one sentence in eight states a wrong figure on purpose (a true contradiction), and
a set of traps checks what must *not* be read as a claim or must never be contradicted.

Deterministic: a fixed seed, the data in ../shared/refdata and ./sources. Run it again only to
change the set (the TSV is committed, so every measurement reads the same sentences):

    python bench/eval/statistics/devset.py
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[2].parent / "shared" / "refdata"
OUT = HERE / "sentences.tsv"

# How prose names the entities of the data, beyond the data's own names.
NAMES = {
    "FRA": ["France"], "DEU": ["Germany"], "ESP": ["Spain"], "ITA": ["Italy"], "GBR": ["the United Kingdom", "the UK", "Britain"],
    "USA": ["the United States", "the US", "the U.S."], "CHN": ["China"], "IND": ["India"], "BRA": ["Brazil"], "JPN": ["Japan"],
    "NGA": ["Nigeria"], "KEN": ["Kenya"], "EGY": ["Egypt"], "MEX": ["Mexico"], "CAN": ["Canada"], "AUS": ["Australia"],
    "RUS": ["Russia", "the Russian Federation"], "KOR": ["South Korea", "the Republic of Korea"], "IRN": ["Iran"],
    "TUR": ["Turkey", "Türkiye"], "VNM": ["Vietnam", "Viet Nam"], "SWZ": ["Swaziland", "Eswatini"], "CPV": ["Cape Verde", "Cabo Verde"],
    "BRN": ["Brunei"], "XKX": ["Kosovo"], "MKD": ["Macedonia", "North Macedonia"], "ARE": ["the UAE", "the United Arab Emirates"],
    "CZE": ["the Czech Republic", "Czechia"], "CIV": ["Ivory Coast", "Côte d'Ivoire"], "SVK": ["Slovakia"], "KGZ": ["Kyrgyzstan"],
    "LAO": ["Laos"], "MMR": ["Myanmar", "Burma"], "NLD": ["the Netherlands", "Holland"], "CHE": ["Switzerland"], "SWE": ["Sweden"],
    "NOR": ["Norway"], "POL": ["Poland"], "ARG": ["Argentina"], "CHL": ["Chile"], "PER": ["Peru"], "COL": ["Colombia"],
    "ZAF": ["South Africa"], "ETH": ["Ethiopia"], "PAK": ["Pakistan"], "BGD": ["Bangladesh"], "IDN": ["Indonesia"],
    "PHL": ["the Philippines"], "THA": ["Thailand"], "GRC": ["Greece"], "PRT": ["Portugal"], "IRL": ["Ireland"],
    "BEL": ["Belgium"], "AUT": ["Austria"], "FIN": ["Finland"], "DNK": ["Denmark"], "HUN": ["Hungary"], "ROU": ["Romania"],
    "BGR": ["Bulgaria"], "GEO": ["Georgia"], "GHA": ["Ghana"], "TZA": ["Tanzania"], "TUN": ["Tunisia"], "GAB": ["Gabon"],
    "GMB": ["the Gambia", "Gambia"], "BWA": ["Botswana"], "BFA": ["Burkina Faso"], "BDI": ["Burundi"], "KHM": ["Cambodia"],
    "TJK": ["Tajikistan"], "TGO": ["Togo"], "TTO": ["Trinidad and Tobago"], "TLS": ["Timor-Leste", "East Timor"],
    "BIH": ["Bosnia and Herzegovina"], "UKR": ["Ukraine"], "MAR": ["Morocco"], "DZA": ["Algeria"], "SAU": ["Saudi Arabia"],
    "NZL": ["New Zealand"], "ISL": ["Iceland"], "LUX": ["Luxembourg"], "URY": ["Uruguay"], "PRY": ["Paraguay"],
    "WLD": ["the world"], "EUU": ["the European Union", "the EU"], "SSF": ["Sub-Saharan Africa"], "LCN": ["Latin America & Caribbean"],
}
LIFE_NAMES = {  # gapminder's own names, as prose gives them
    "France": "France", "Japan": "Japan", "Brazil": "Brazil", "India": "India", "Nigeria": "Nigeria", "Kenya": "Kenya",
    "Mexico": "Mexico", "Canada": "Canada", "Sweden": "Sweden", "Vietnam": "Vietnam", "Egypt": "Egypt", "Peru": "Peru",
    "Korea, Rep.": "South Korea", "Swaziland": "Swaziland", "Bangladesh": "Bangladesh", "Ghana": "Ghana", "Chile": "Chile",
    "Turkey": "Turkey", "Iran": "Iran", "Afghanistan": "Afghanistan", "Norway": "Norway", "Spain": "Spain", "Italy": "Italy",
}
ISO_OF_LIFE = {"Korea, Rep.": "KOR", "Swaziland": "SWZ", "Vietnam": "VNM", "Egypt": "EGY", "Turkey": "TUR", "Iran": "IRN"}


def read(path: Path, code: str, year: str, value: str) -> dict[tuple[str, int], float]:
    out = {}
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            if row[value].strip():
                out[(row[code], int(row[year]))] = float(row[value])
    return out


def main() -> None:
    rnd = random.Random(20261203)
    pop = read(SHARED / "population" / "data" / "population.csv", "Country Code", "Year", "Value")
    gdp = read(SHARED / "gdp" / "data" / "gdp.csv", "Country Code", "Year", "Value")
    inf = read(HERE / "sources" / "inflation" / "data" / "inflation-consumer.csv", "Country Code", "Year", "Inflation")
    life_raw = read(HERE / "sources" / "life-expectancy" / "data" / "gapminder.csv", "country", "year", "lifeExp")
    rows: list[dict[str, str]] = []

    def add(family: str, text: str, claims: list[tuple[str, str, float, int | None]], expect: str = "", doc_date: str = "") -> None:
        rows.append({"id": f"s{len(rows) + 1:03d}", "family": family, "text": text,
                     "claims": ";".join(f"{s}|{m}|{v!r}|{y if y is not None else ''}" for s, m, v, y in claims),
                     "expect": expect, "doc_date": doc_date})

    def pick(table: dict[tuple[str, int], float], years: range, codes: list[str] | None = None) -> tuple[str, int, float]:
        keys = [k for k in table if k[1] in years and (codes is None or k[0] in codes)]
        code, year = rnd.choice(sorted(keys))
        return code, year, table[(code, year)]

    def name(code: str) -> str:
        return rnd.choice(NAMES[code])

    def cap(text: str) -> str:
        return text[0].upper() + text[1:]

    def wrong(v: float) -> float:
        return v * rnd.choice([1.18, 0.8, 1.3, 0.75])

    countries = sorted(c for c in NAMES if c not in ("WLD", "EUU", "SSF", "LCN") and (c, 2015) in pop)

    # ---- population: values as written, (text, value stated) ----
    def people(v: float) -> tuple[str, float]:
        style = rnd.randrange(7)
        if style == 0:
            return f"{v / 1e6:.1f} million", round(v / 1e6, 1) * 1e6
        if style == 1:
            return f"{v / 1e6:.2f} million", round(v / 1e6, 2) * 1e6
        if style == 2:
            return f"{int(v):,}", float(int(v))
        if style == 3:
            return f"{int(v):,}".replace(",", " "), float(int(v))
        if style == 4:
            return f"{int(v):,}".replace(",", "\u00a0"), float(int(v))
        if style == 5 and v >= 1e9:
            return f"{v / 1e9:.2f} billion", round(v / 1e9, 2) * 1e9
        return f"{v / 1e6:.1f}m", round(v / 1e6, 1) * 1e6

    pop_templates = [
        ("copular_of", "The population of {c} in {y} was {v}."),
        ("copular_of", "The population of {c} was {v} in {y}."),
        ("year_first_had", "In {y}, {c} had a population of {v}."),
        ("possessive", "{C}'s population was {v} in {y}."),
        ("possessive", "{C}'s population stood at {v} in {y}, according to the World Bank."),
        ("had_inhabitants", "{C} had {v} inhabitants in {y}."),
        ("had_inhabitants", "In {y} {c} had about {v} residents."),
        ("people_lived", "{V} people lived in {c} in {y}."),
        ("label_for_year", "Population, total for {c} in year {y} is {v}."),
        ("label_in_was", "Population, total in {c} was reported at {v} persons in {y}."),
        ("as_of", "As of {y}, {c} has an estimated population of {v}."),
        ("with_a_population", "With a population of {v} in {y}, {c} is one of the larger countries in its region."),
        ("home_to", "{C} is home to {v} people ({y} estimate)."),
        ("reached", "According to official estimates, the population of {c} reached {v} in {y}."),
        ("colon", "{C} — population ({y}): {v}"),
        ("number_of_people", "The number of people living in {c} was {v} in {y}."),
        ("total_population", "In {y}, the total population of {c} amounted to {v} people."),
        ("counted", "{C} counted {v} inhabitants in {y}."),
    ]
    for i in range(150):
        family, template = pop_templates[i % len(pop_templates)]
        code, year, value = pick(pop, range(1995, 2024), countries)
        stated = value
        expect = ""
        if i % 8 == 7:
            stated, expect = wrong(value), "contradicted"
        text, v = people(stated)
        c = name(code)
        add(f"population/{family}", template.format(c=c, C=cap(c), y=year, v=text, V=cap(text)), [(code, "population", v, year)], expect)

    # regions and the world
    for code in ("WLD", "EUU", "SSF"):
        for year in (2010, 2020):
            text, v = people(pop[(code, year)])
            c = name(code)
            add("population/region", f"The population of {c} was {text} in {year}.", [(code, "population", v, year)])

    # ---- GDP ----
    def dollars(v: float) -> tuple[str, float]:
        style = rnd.randrange(8)
        if v >= 1e12 and style < 4:
            n = round(v / 1e12, 2)
            return [f"${n} trillion", f"US${n} trillion", f"{n} trillion US dollars", f"USD {n} trillion"][style], n * 1e12
        n = round(v / 1e9, 1)
        return [f"${n:,} billion", f"US$ {n:,} billion", f"{n:,} billion U.S. dollars", f"USD {n:,} billion",
                f"{n:,} billion US dollars", f"${n:,}bn", f"{n:,} billion dollars", f"US${n:,} billion"][style], n * 1e9

    gdp_templates = [
        ("copular_of", "The GDP of {c} in {y} was {v}."),
        ("possessive", "{C}'s gross domestic product was {v} in {y}."),
        ("year_first_had", "In {y}, {c} had a GDP of {v}."),
        ("worth", "The Gross Domestic Product (GDP) in {c} was worth {v} in {y}."),
        ("economy_worth", "{C}'s economy was worth {v} in {y}."),
        ("recorded", "{C} recorded a GDP of {v} in {y}."),
        ("label_in_was", "GDP (current US$) in {c} was {v} in {y}."),
        ("nominal", "{C} had a nominal GDP of about {v} in {y}."),
        ("colon", "GDP of {c} ({y}): {v}"),
        ("reached", "In {y} the gross domestic product of {c} reached {v}."),
    ]
    for i in range(90):
        family, template = gdp_templates[i % len(gdp_templates)]
        code, year, value = pick(gdp, range(2000, 2024), [c for c in countries if (c, 2015) in gdp])
        stated, expect = (wrong(value), "contradicted") if i % 8 == 7 else (value, "")
        text, v = dollars(stated)
        c = name(code)
        add(f"gdp/{family}", template.format(c=c, C=cap(c), y=year, v=text), [(code, "gdp", v, year)], expect)

    # ---- inflation (with signs) ----
    def percent(v: float) -> tuple[str, float]:
        style = rnd.randrange(6)
        digits = rnd.choice([1, 1, 2, 3])
        n = round(v, digits)
        body = f"{abs(n):.{digits}f}"
        sign = "-" if n < 0 else ""
        if style == 1 and n < 0:
            sign = "\u2212"
        unit = ["%", "%", " percent", " per cent", "%", " %"][style]
        return f"{sign}{body}{unit}", n

    inf_templates = [
        ("label_for_year", "Inflation, consumer prices (annual %) for {c} in year {y} is {v}."),
        ("rate_in_was", "The inflation rate in {c} was {v} in {y}."),
        ("possessive", "{C}'s annual inflation rate stood at {v} in {y}."),
        ("year_first", "In {y}, consumer price inflation in {c} was {v}."),
        ("averaged", "Inflation in {c} averaged {v} in {y}."),
        ("label_in_was", "Inflation, consumer prices (annual %) in {c} was {v} as of {y}."),
    ]
    for i in range(72):
        family, template = inf_templates[i % len(inf_templates)]
        code, year, value = pick(inf, range(2008, 2017))
        stated, expect = (value + rnd.choice([2.5, -2.5, 4.0]), "contradicted") if i % 8 == 7 else (value, "")
        text, v = percent(stated)
        c = name(code)
        add(f"inflation/{family}", template.format(c=c, C=cap(c), y=year, v=text), [(code, "inflation", v, year)], expect)
    # prices that fell: the sign is in the verb
    for code, year in sorted(k for k, v in inf.items() if v < -0.5)[:8]:
        n = round(-inf[(code, year)], 1)
        add("inflation/fell_by", f"Consumer prices in {name(code)} fell by {n}% in {year}.", [(code, "inflation", -n, year)])

    # ---- life expectancy (gapminder years) ----
    life_templates = [
        ("label_in_was", "Life expectancy at birth, total (years) in {c} was {v} in {y}."),
        ("year_first", "In {y}, life expectancy in {c} was {v} years."),
        ("possessive", "{C}'s life expectancy at birth reached {v} years in {y}."),
        ("average", "The average life expectancy for {c} was {v} years in {y}."),
        ("could_expect", "A child born in {c} in {y} could expect to live {v} years."),
        ("copular_of", "The life expectancy of {c} in {y} was {v} years."),
    ]
    life_keys = sorted(k for k in life_raw if k[0] in LIFE_NAMES and k[1] >= 1972)
    for i in range(48):
        family, template = life_templates[i % len(life_templates)]
        raw, year = rnd.choice(life_keys)
        value = life_raw[(raw, year)]
        n = round(value, rnd.choice([1, 2]))
        expect = ""
        if i % 8 == 7:
            n, expect = round(value + rnd.choice([6, -6]), 1), "contradicted"
        c = LIFE_NAMES[raw]
        code = ISO_OF_LIFE.get(raw) or next(k for k, v in NAMES.items() if c in v)
        add(f"life/{family}", template.format(c=c, C=cap(c), y=year, v=n), [(code, "life expectancy", n, year)], expect)

    # ---- several claims in one sentence ----
    for _ in range(8):
        a, b = rnd.sample(countries, 2)
        year = rnd.choice(range(2005, 2023))
        ta, va = people(pop[(a, year)])
        tb, vb = people(pop[(b, year)])
        add("population/respectively", f"In {year}, {name(a)} and {name(b)} had populations of {ta} and {tb}, respectively.",
            [(a, "population", va, year), (b, "population", vb, year)])
    for _ in range(6):
        a = rnd.choice(countries)
        y0, y1 = 2000, rnd.choice(range(2015, 2024))
        t0, v0 = people(pop[(a, y0)])
        t1, v1 = people(pop[(a, y1)])
        add("population/up_from", f"The population of {name(a)} grew to {t1} in {y1}, up from {t0} in {y0}.",
            [(a, "population", v1, y1), (a, "population", v0, y0)])
    for _ in range(6):
        a, b = rnd.sample([c for c in countries if (c, 2015) in gdp], 2)
        year = rnd.choice(range(2010, 2023))
        pa, va = people(pop[(a, year)])
        add("mixed/apposition", f"{cap(name(a))}, a country of {pa} people in {year}, trades mostly with {name(b)}.",
            [(a, "population", va, year)])

    # ---- a figure with no year: checked against the latest record before the document's date ----
    for _ in range(10):
        a = rnd.choice(countries)
        year = rnd.choice([2019, 2020, 2021])
        text, v = people(pop[(a, year)])
        add("population/no_year", f"{cap(name(a))} has a population of {text}.", [(a, "population", v, None)],
            "not_contradicted", doc_date=f"{year + 1}-03-01")

    # ---- traps: nothing here may be contradicted; most hold no checkable claim of these measures ----
    traps = [
        ("Atlantis had 3 million residents in 2019.", ""),
        ("In 2019 the island of Atlantis had a population of 3.1 million.", ""),
        ("Latin America had a population of about 650 million in 2019.", ""),
        ("Gondor's population was 4.2 million in 2015.", ""),
        ("Firms with 10 to 19 employees made up 12% of businesses in France in 2015.", ""),
        ("France ranks among the top 5 economies, and Germany is the third largest.", ""),
        ("People aged 15–64 made up 65% of the population of Japan in 2015.", ""),
        ("Public debt reached 9.3% of GDP in Spain in 2014.", ""),
        ("Germany had a population density of 232 people per km2 in 2015.", ""),
        ("The economically active population of Brazil was 104 million in 2015.", ""),
        ("France's GDP per capita was $36,500 in 2015.", ""),
        ("India's GDP growth rate was 8.0% in 2015.", ""),
        ("Italy's population grew by 0.1% in 2014.", ""),
        ("The median age in Japan was 46.3 years in 2015.", ""),
        ("Nigeria's urban population was 90 million in 2015.", ""),
        ("China's population is 706亿 yuan.", ""),
        ("In 2015, 2.3 million people visited Portugal.", ""),
        ("The US spent 17% of its GDP on health care in 2015.", ""),
        ("Canada admitted 272,000 immigrants in 2015.", ""),
        ("Australia's unemployment rate was 6.1% in 2015.", ""),
        ("Mexico had 7 million fewer inhabitants than Vietnam in 2015.", ""),
        ("Kenya's population doubled between 1990 and 2020.", ""),
        ("The city of Lagos has about 15 million residents.", ""),
        ("Egypt's population is expected to reach 160 million by 2050.", ""),
        ("About 52 days passed before Peru counted its population in 2017.", ""),
        ("Around 45% of the population of Ethiopia was under 15 in 2015.", ""),
    ]
    for text, _ in traps:
        add("trap", text, [], "not_contradicted")
    # an estimated YEAR population of N: the year is a modifier, not the figure
    for a in ("SWE", "PRT", "GRC", "BEL"):
        text, v = people(pop[(a, 2014)])
        add("population/year_modifier", f"{cap(name(a))} had an estimated 2014 population of {text}.", [(a, "population", v, 2014)])

    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "family", "text", "claims", "expect", "doc_date"], delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} sentences -> {OUT}")


if __name__ == "__main__":
    main()
