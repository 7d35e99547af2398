"""Wikidata Query Service: dated statements of one property (qualifier P585, point in time).

    GET https://query.wikidata.org/sparql?query=...&format=json

The service requires a descriptive User-Agent (the client sends one), answers
429 with Retry-After when asked too often (the client waits as told), and
stops a query after 60 seconds: the client's read timeout is above that, and a
timed-out query (HTTP 500 with a TimeoutException) is reported as such.
Results are SPARQL JSON: ``{"head": {"vars"}, "results": {"bindings": [{var:
{"type", "value", "datatype"}}]}}``. Data licence: CC0 1.0.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from ..sources.base import SourceError
from .base import Table
from .http import HttpClient

ENDPOINT = "https://query.wikidata.org/sparql"


class WikidataParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    property: str = Field(pattern=r"^P\d+$", description="e.g. P1082 (population)")
    items: list[Annotated[str, Field(pattern=r"^Q\d+$")]] = Field(min_length=1, description="Q-ids, e.g. ['Q142', 'Q183']")
    measure: str | None = None
    unit: str | None = None


class Wikidata:
    kind: ClassVar[str] = "wikidata"

    def __init__(self, params: dict[str, Any]) -> None:
        self.params = WikidataParams.model_validate(params)

    def describe(self) -> str:
        return f"Wikidata {self.params.property} for {len(self.params.items)} item(s), dated by P585"

    def measures(self) -> list[str]:
        return [self.params.measure or self.params.property]

    def query(self) -> str:
        p = self.params.property
        values = " ".join(f"wd:{q}" for q in self.params.items)
        return (
            "SELECT ?item ?itemLabel ?iso3 ?value ?time WHERE {\n"
            f"  VALUES ?item {{ {values} }}\n"
            f"  ?item p:{p} ?statement .\n"
            f"  ?statement ps:{p} ?value ; pq:P585 ?time .\n"
            "  OPTIONAL { ?item wdt:P298 ?iso3 . }\n"
            '  SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }\n'
            "}"
        )

    def fetch(self, client: HttpClient) -> Table:
        try:
            fetched = client.get(ENDPOINT, {"query": self.query(), "format": "json"},
                                 headers={"Accept": "application/sparql-results+json"})
        except SourceError as exc:
            if "TimeoutException" in str(exc):
                raise SourceError(exc.path, "the query ran into the service's 60-second limit; ask for fewer items") from exc
            raise
        body = fetched.json()
        try:
            bindings = body["results"]["bindings"]
        except (TypeError, KeyError) as exc:
            raise SourceError(fetched.url, "unexpected response: no results.bindings (not SPARQL JSON)") from exc
        rows = []
        for b in bindings:
            try:
                item = b["item"]["value"].rsplit("/", 1)[-1]
                rows.append([
                    (b.get("iso3") or {}).get("value") or item,
                    (b.get("itemLabel") or {}).get("value") or item,
                    b["time"]["value"][:10],
                    b["value"]["value"],
                    item,
                ])
            except (KeyError, TypeError, AttributeError) as exc:
                raise SourceError(fetched.url, f"unexpected binding {b!r}: missing {exc}") from exc
        if not rows:
            raise SourceError(fetched.url, f"no dated {self.params.property} statements for these items")
        measure = self.params.measure or self.params.property
        return Table(
            columns=["entity", "label", "date", "value", "item"],
            rows=rows,
            mapping={"entity": "entity", "entity_name": "label", "period": "date", "value": "value", "measure": measure,
                     **({"unit": self.params.unit} if self.params.unit else {})},
            title=f"Wikidata: {self.params.property} of {len(self.params.items)} item(s)",
            licence={"name": "CC0-1.0", "path": "https://creativecommons.org/publicdomain/zero/1.0/"},
            publisher="Wikidata",
            homepage=f"https://www.wikidata.org/wiki/Property:{self.params.property}",
            requests=[fetched.url],
            last_modified=fetched.last_modified,
        )
