"""Our World in Data grapher charts: ``{slug}.csv`` plus ``{slug}.metadata.json``.

    GET https://ourworldindata.org/grapher/{slug}.csv?csvType=full&useColumnShortNames=true
    GET https://ourworldindata.org/grapher/{slug}.metadata.json

The CSV has ``Entity``, ``Code`` (ISO 3166 alpha-3, or OWID_* for regions),
``Year`` (or ``Day``) and one column per indicator, named by its short name.
The metadata gives the chart's title and citation and, per column, its
``titleShort``, ``unit``, ``lastUpdated`` and ``citationShort``; the licence is
read from it when present, else OWID's published licence for its charts and
data (CC BY 4.0).
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from ..sources.base import SourceError
from .base import Table
from .http import HttpClient
from .tables import parse_csv

GRAPHER = "https://ourworldindata.org/grapher"


class OwidParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    slug: str = Field(pattern=r"^[a-z0-9-]+$", description="the chart's slug, e.g. population")
    column: str | None = Field(None, description="the indicator's short name (default: the first value column)")
    measure: str | None = Field(None, description="measure id in the snapshot (default: the column's short name)")


class OurWorldInData:
    kind: ClassVar[str] = "owid"

    def __init__(self, params: dict[str, Any]) -> None:
        self.params = OwidParams.model_validate(params)

    def describe(self) -> str:
        return f"Our World in Data chart '{self.params.slug}'" + (f", column {self.params.column}" if self.params.column else "")

    def measures(self) -> list[str]:
        return [self.params.measure or self.params.column or self.params.slug]

    def fetch(self, client: HttpClient) -> Table:
        slug = self.params.slug
        meta_fetched = client.get(f"{GRAPHER}/{slug}.metadata.json")
        meta = meta_fetched.json()
        if not isinstance(meta, dict) or not isinstance(meta.get("columns"), dict):
            raise SourceError(meta_fetched.url, "unexpected metadata: no 'columns' object")
        data = client.get(f"{GRAPHER}/{slug}.csv", {"csvType": "full", "useColumnShortNames": "true"})
        header, rows = parse_csv(data.text(), data.url)
        time_column = "Year" if "Year" in header else "Day" if "Day" in header else None
        if time_column is None or "Entity" not in header:
            raise SourceError(data.url, f"unexpected CSV header {header}: no Entity and Year/Day columns")
        values = [h for h in header if h not in ("Entity", "Code", time_column)]
        column = self.params.column or (values[0] if values else None)
        if column not in header:
            raise SourceError(data.url, f"column '{column}' not in the chart (columns: {', '.join(values)})")
        info = meta["columns"].get(column) or {}
        chart = meta.get("chart") or {}
        label = info.get("titleShort") or info.get("titleLong") or chart.get("title") or column
        mapping = {
            "entity": "Code", "entity_name": "Entity", "period": time_column, "value": column,
            "measure": self.params.measure or column, "measure_aliases": [label],
            **({"unit": info["unit"]} if info.get("unit") else {}),
        }
        keep = [header.index(c) for c in ("Entity", "Code", time_column, column)]
        out = [[row[i] for i in keep] for row in rows if row[header.index(column)].strip()]
        licence = info.get("license") or chart.get("license") or {}
        return Table(
            columns=["Entity", "Code", time_column, column],
            rows=out,
            mapping=mapping,
            title=f"Our World in Data: {chart.get('title') or label}",
            licence={"name": licence.get("name", "CC-BY-4.0") if isinstance(licence, dict) else str(licence),
                     "path": licence.get("url", "https://creativecommons.org/licenses/by/4.0/") if isinstance(licence, dict)
                     else "https://creativecommons.org/licenses/by/4.0/"},
            publisher=info.get("citationShort") or chart.get("citation") or "Our World in Data",
            homepage=f"{GRAPHER}/{slug}",
            requests=[meta_fetched.url, data.url],
            upstream_version=info.get("lastUpdated") or meta.get("dateDownloaded"),
            last_modified=data.last_modified,
            citation=info.get("citationLong") or chart.get("citation"),
        )
