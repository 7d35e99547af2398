"""Compose the connector cassettes in each service's documented response format.

This machine has no internet, so the cassettes were not recorded live: this
script writes them (vcrpy's YAML, version 1) from the World Bank population
series republished in ../shared/refdata/population (datasets/population,
last updated 2023-05-04). Each cassette says in its header what its values
are. To re-record against the live services, delete a cassette and run its
test with FACTCHECK_RECORD=1 (record mode "once"), then check the diff.

    python tests/cassettes/compose.py      # rewrites tests/cassettes/*/*.yaml
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from urllib.parse import urlencode

import pycountry
import yaml

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent.parent / "shared" / "refdata" / "population"
COUNTRIES = ["FRA", "DEU", "ITA", "JPN", "BRA", "IND"]
YEARS = range(2018, 2023)
UA = "factcheck/0.1.0 (claim verification against official statistics; python-requests)"


def population() -> dict[tuple[str, int], int]:
    with open(SHARED / "data" / "population.csv", encoding="utf-8") as fh:
        return {(r["Country Code"], int(r["Year"])): int(float(r["Value"])) for r in csv.DictReader(fh)
                if r["Country Code"] in COUNTRIES and int(r["Year"]) in YEARS}


def interaction(uri: str, body: str, content_type: str, status: int = 200, headers: dict[str, str] | None = None) -> dict:
    message = {200: "OK", 400: "Bad Request"}.get(status, "")
    return {
        "request": {"body": None, "headers": {"User-Agent": [UA]}, "method": "GET", "uri": uri},
        "response": {
            "body": {"string": body},
            "headers": {"Content-Type": [content_type], **{k: [v] for k, v in (headers or {}).items()}},
            "status": {"code": status, "message": message},
        },
    }


def write(path: Path, note: str, interactions: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    header = "".join(f"# {line}\n" for line in note.strip().splitlines())
    path.write_text(header + yaml.safe_dump({"interactions": interactions, "version": 1}, sort_keys=False, allow_unicode=True),
                    encoding="utf-8")


def worldbank(values: dict[tuple[str, int], int]) -> None:
    rows = []
    for iso3 in COUNTRIES:
        country = pycountry.countries.get(alpha_3=iso3)
        for year in sorted(YEARS, reverse=True):  # the API lists the latest year first
            rows.append({
                "indicator": {"id": "SP.POP.TOTL", "value": "Population, total"},
                "country": {"id": country.alpha_2, "value": country.name},
                "countryiso3code": iso3, "date": str(year), "value": values[(iso3, year)],
                "unit": "", "obs_status": "", "decimal": 0,
            })
    base = f"https://api.worldbank.org/v2/country/{';'.join(COUNTRIES)}/indicator/SP.POP.TOTL"
    per_page = 20
    pages = [rows[i:i + per_page] for i in range(0, len(rows), per_page)]
    interactions = []
    for n, page in enumerate(pages, 1):
        meta = {"page": n, "pages": len(pages), "per_page": per_page, "total": len(rows), "sourceid": "2", "lastupdated": "2023-05-04"}
        query = urlencode({"format": "json", "per_page": per_page, "date": "2018:2022", "page": n})
        interactions.append(interaction(f"{base}?{query}", json.dumps([meta, page]), "application/json;charset=utf-8"))
    note = """World Bank Indicators API v2, SP.POP.TOTL for six countries, 2018-2022, 20 rows a page (two pages).
Composed, not recorded: the values are the World Bank's as republished in datasets/population
(../shared/refdata/population, last updated 2023-05-04). Re-record: see tests/cassettes/compose.py."""
    write(HERE / "test_worldbank" / "pull_population.yaml", note, interactions)
    error = [{"message": [{"id": "120", "key": "Invalid value", "value": "The provided parameter value is not valid"}]}]
    query = urlencode({"format": "json", "per_page": 1000, "page": 1})
    write(HERE / "test_worldbank" / "unknown_indicator.yaml",
          "World Bank API v2 error body (one-element array with a message list) for an unknown indicator. Composed.",
          [interaction(f"https://api.worldbank.org/v2/country/FRA/indicator/NOT.AN.INDICATOR?{query}", json.dumps(error),
                       "application/json;charset=utf-8")])


def owid(values: dict[tuple[str, int], int]) -> None:
    meta = {
        "chart": {"title": "Population", "citation": "Illustrative values for factcheck's tests", "originalChartUrl":
                  "https://ourworldindata.org/grapher/population?v=1&csvType=full&useColumnShortNames=true"},
        "columns": {"population_historical": {
            "titleShort": "Population", "titleLong": "Population", "unit": "people", "timespan": "2018-2022",
            "type": "Integer", "shortName": "population_historical", "lastUpdated": "2023-05-04",
            "citationShort": "Illustrative values for factcheck's tests",
        }},
        "dateDownloaded": "2026-11-28",
    }
    lines = ["Entity,Code,Year,population_historical"]
    for iso3 in COUNTRIES:
        name = pycountry.countries.get(alpha_3=iso3).name
        lines += [f"{name},{iso3},{year},{values[(iso3, year)]}" for year in YEARS]
    note = """Our World in Data grapher: population.metadata.json and population.csv (csvType=full, short column names).
Composed in the grapher's format; the values are NOT OWID's: they are the World Bank series of datasets/population,
used only to test the connector's parsing. Re-record: see tests/cassettes/compose.py."""
    query = urlencode({"csvType": "full", "useColumnShortNames": "true"})
    write(HERE / "test_owid" / "pull_population.yaml", note, [
        interaction("https://ourworldindata.org/grapher/population.metadata.json", json.dumps(meta), "application/json"),
        interaction(f"https://ourworldindata.org/grapher/population.csv?{query}", "\n".join(lines) + "\n", "text/csv",
                    headers={"Last-Modified": "Thu, 04 May 2023 00:00:00 GMT"}),
    ])


def wikidata(values: dict[tuple[str, int], int]) -> None:
    from factcheck.connectors.wikidata import ENDPOINT, Wikidata

    items = {"FRA": ("Q142", "France"), "DEU": ("Q183", "Germany")}
    bindings = []
    for iso3, (q, label) in items.items():
        for year in (2020, 2021):
            bindings.append({
                "item": {"type": "uri", "value": f"http://www.wikidata.org/entity/{q}"},
                "value": {"datatype": "http://www.w3.org/2001/XMLSchema#decimal", "type": "literal", "value": str(values[(iso3, year)])},
                "time": {"datatype": "http://www.w3.org/2001/XMLSchema#dateTime", "type": "literal", "value": f"{year}-01-01T00:00:00Z"},
                "iso3": {"type": "literal", "value": iso3},
                "itemLabel": {"xml:lang": "en", "type": "literal", "value": label},
            })
    body = {"head": {"vars": ["item", "itemLabel", "iso3", "value", "time"]}, "results": {"bindings": bindings}}
    query = Wikidata({"property": "P1082", "items": ["Q142", "Q183"]}).query()
    note = """Wikidata Query Service, SPARQL JSON results for P1082 (population) with P585 dates, France and Germany.
Composed in the service's format; the values are the World Bank's (datasets/population), not Wikidata's statements.
Re-record: see tests/cassettes/compose.py."""
    write(HERE / "test_wikidata" / "pull_population.yaml", note, [
        interaction(f"{ENDPOINT}?{urlencode({'query': query, 'format': 'json'})}", json.dumps(body), "application/sparql-results+json"),
    ])


def datapackage(values: dict[tuple[str, int], int]) -> None:
    published = json.loads((SHARED / "datapackage.json").read_text(encoding="utf-8"))
    # the fields the connector reads, not a copy of the whole published descriptor
    resource = published["resources"][0]
    descriptor = {
        "name": published["name"], "title": published.get("title", "Population"), "licenses": published["licenses"],
        "resources": [{"name": resource["name"], "path": resource["path"], "format": "csv", "schema": resource["schema"]}],
    }
    lines = ["Country Name,Country Code,Year,Value"]
    for iso3 in COUNTRIES:
        name = pycountry.countries.get(alpha_3=iso3).name
        lines += [f"{name},{iso3},{year},{values[(iso3, year)]}" for year in YEARS]
    base = "https://raw.githubusercontent.com/datasets/population/main"
    note = """The datasets/population Data Package through GitHub raw file URLs: its descriptor trimmed to the fields the
connector reads (name, title, licences, the resource's path and schema), and a
30-row excerpt of data/population.csv (six countries, 2018-2022). Composed from ../shared/refdata/population.
Re-record: see tests/cassettes/compose.py."""
    write(HERE / "test_datapackage_url" / "pull_population.yaml", note, [
        interaction(f"{base}/datapackage.json", json.dumps(descriptor), "text/plain; charset=utf-8"),
        interaction(f"{base}/data/population.csv", "\n".join(lines) + "\n", "text/plain; charset=utf-8"),
    ])


def main() -> None:
    values = population()
    worldbank(values)
    owid(values)
    wikidata(values)
    datapackage(values)


if __name__ == "__main__":
    main()
