"""What every connector does, and how a source folder names its connector.

A connector source is a folder whose ``datapackage.json`` carries a
package-level ``factcheck`` block naming the connector and its parameters::

    "factcheck": {"connector": "worldbank",
                  "params": {"indicator": "SP.POP.TOTL", "countries": ["FRA", "DEU"], "date": "2015:2023"},
                  "aliases": ["population", "inhabitants"], "max_age_days": 90}

``factcheck sources pull`` asks the connector to fetch a :class:`Table`, then
writes it as the folder's snapshot (see :mod:`factcheck.connectors.snapshot`);
from then on the folder is an ordinary Data Package that ``check`` reads
offline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from pydantic import BaseModel, ConfigDict, Field

from .http import HttpClient


class ConnectorBlock(BaseModel):
    """The package-level ``factcheck`` block of a connector source."""

    model_config = ConfigDict(extra="forbid")

    connector: str
    params: dict[str, Any] = Field(default_factory=dict)
    aliases: list[str] | dict[str, list[str]] = Field(default_factory=list, description="labels claims may use for the measures")
    max_age_days: int | None = Field(None, ge=1, description="check warns when the snapshot is older")
    snapshot: dict[str, Any] | None = Field(None, description="written by pull: when, from which requests, which upstream version")


@dataclass
class Table:
    """What a connector fetched: rows as text, how to read them, and where they came from."""

    columns: list[str]
    rows: list[list[str]]
    mapping: dict[str, Any]  # the resource's factcheck block
    title: str
    licence: dict[str, str]  # {"name": SPDX id, "path": URL}
    publisher: str
    homepage: str
    requests: list[str] = field(default_factory=list)  # every URL fetched, in order
    upstream_version: str | None = None  # the publisher's own version or last-updated date
    last_modified: str | None = None  # the HTTP Last-Modified of the data, when given
    citation: str | None = None


class Connector(Protocol):
    kind: ClassVar[str]

    def describe(self) -> str:
        """One line: what this source fetches."""
        ...

    def measures(self) -> list[str]:
        """The measures (ids) it can answer, before anything is fetched."""
        ...

    def fetch(self, client: HttpClient) -> Table:
        """Fetch the data; raise SourceError naming the URL and the problem."""
        ...
