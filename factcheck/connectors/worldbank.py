"""World Bank Indicators API v2: one indicator for some countries (or all) over a range of years.

    GET https://api.worldbank.org/v2/country/{FRA;DEU|all}/indicator/{id}?format=json&date=2015:2023&per_page=1000&page=N

A success body is ``[paging-meta, rows]`` (meta: page, pages, per_page, total,
sourceid, lastupdated); an error body a one-element array ``[{"message": [{"id",
"key", "value"}]}]``. Rows: ``indicator{id,value}``, ``country{id,value}``,
``countryiso3code``, ``date``, ``value`` (null when missing), ``unit``,
``obs_status``, ``decimal``. Data licence: CC BY 4.0.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..sources.base import SourceError
from .base import Table
from .http import HttpClient

API = "https://api.worldbank.org/v2"
PER_PAGE = 1000
MAX_PAGES = 500


class WorldBankParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    indicator: str = Field(description="indicator id, e.g. SP.POP.TOTL")
    countries: list[str] = Field(default_factory=lambda: ["all"], description="ISO3 codes, or ['all']")
    date: str | None = Field(None, description="'2015:2023' or '2020'")
    measure: str | None = Field(None, description="measure id in the snapshot (default: the indicator id)")
    unit: str | None = None
    per_page: int = Field(PER_PAGE, ge=1, le=32_500, description="rows per page (the API allows up to 32,500)")

    @field_validator("indicator")
    @classmethod
    def _id(cls, v: str) -> str:
        if not v or "/" in v or " " in v:
            raise ValueError("an indicator id such as SP.POP.TOTL")
        return v


class WorldBank:
    kind: ClassVar[str] = "worldbank"

    def __init__(self, params: dict[str, Any]) -> None:
        self.params = WorldBankParams.model_validate(params)

    def describe(self) -> str:
        p = self.params
        return f"World Bank indicator {p.indicator}, {';'.join(p.countries)}, {p.date or 'all years'}"

    def measures(self) -> list[str]:
        return [self.params.measure or self.params.indicator]

    def url(self) -> str:
        return f"{API}/country/{';'.join(self.params.countries)}/indicator/{self.params.indicator}"

    def fetch(self, client: HttpClient) -> Table:
        p = self.params
        query: dict[str, Any] = {"format": "json", "per_page": p.per_page}
        if p.date:
            query["date"] = p.date
        rows: list[list[str]] = []
        urls: list[str] = []
        meta: dict[str, Any] = {}
        name = p.indicator
        page, pages = 1, 1
        while page <= pages:
            fetched = client.get(self.url(), {**query, "page": page})
            urls.append(fetched.url)
            meta, items = _page(fetched.json(), fetched.url)
            pages = min(int(meta.get("pages") or 1), MAX_PAGES)
            for item in items:
                if item.get("value") is None:
                    continue
                name = (item.get("indicator") or {}).get("value") or name
                country = item.get("country") or {}
                rows.append([
                    item.get("countryiso3code") or country.get("id") or "",
                    country.get("value") or "",
                    str(item.get("date") or ""),
                    _number(item["value"]),
                    item.get("unit") or "",
                    item.get("obs_status") or "",
                ])
            page += 1
        if not rows:
            raise SourceError(urls[-1] if urls else self.url(), "the World Bank returned no values for this query")
        measure = p.measure or p.indicator
        mapping = {
            "entity": "countryiso3code", "entity_name": "country", "period": "date", "value": "value",
            "measure": measure, "measure_aliases": [name], **({"unit": p.unit} if p.unit else {}),
        }
        return Table(
            columns=["countryiso3code", "country", "date", "value", "unit", "obs_status"],
            rows=rows,
            mapping=mapping,
            title=f"World Bank: {name} ({p.indicator})",
            licence={"name": "CC-BY-4.0", "path": "https://datacatalog.worldbank.org/public-licenses#cc-by"},
            publisher="World Bank, World Development Indicators",
            homepage=f"https://data.worldbank.org/indicator/{p.indicator}",
            requests=urls,
            upstream_version=str(meta.get("lastupdated")) if meta.get("lastupdated") else None,
        )


def _page(body: Any, url: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The paging meta and rows of one response, or the API's own error message."""
    if isinstance(body, list) and len(body) == 1 and isinstance(body[0], dict) and "message" in body[0]:
        messages = body[0]["message"] or [{}]
        text = "; ".join(f"{m.get('key', 'error')}: {m.get('value', '')}".strip(": ") for m in messages)
        raise SourceError(url, f"the World Bank API says: {text}")
    if not (isinstance(body, list) and len(body) == 2 and isinstance(body[0], dict)):
        raise SourceError(url, "unexpected response: not the World Bank's [paging, rows] array")
    rows = body[1] or []
    if not isinstance(rows, list):
        raise SourceError(url, "unexpected response: rows are not a list")
    return body[0], rows


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
