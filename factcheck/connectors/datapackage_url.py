"""A Frictionless Data Package, or a plain CSV, by URL.

For a Data Package (for example one of the ``datasets/*`` packages on GitHub,
through its raw file URL) the connector reads the remote descriptor, takes its
licence and title, fetches the named resource (a relative path is resolved
against the descriptor's URL), checks its declared hash when there is one, and
applies the ``mapping`` given in the source's parameters (published packages
have no factcheck block). A plain CSV needs the mapping, a title and a licence.
"""

from __future__ import annotations

import hashlib
from typing import Any, ClassVar
from urllib.parse import urljoin

from pydantic import BaseModel, ConfigDict, Field

from ..sources.base import SourceError
from .base import Table
from .http import HttpClient
from .tables import parse_csv


class DataPackageParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(pattern=r"^https?://", description="URL of the remote datapackage.json")
    resource: str | None = Field(None, description="resource name (default: the first)")
    mapping: dict[str, Any] = Field(description="the factcheck mapping of the resource's columns")


class CsvParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(pattern=r"^https?://")
    mapping: dict[str, Any]
    title: str
    publisher: str
    licence: str = Field(description="SPDX id of the data licence, e.g. CC-BY-4.0")
    licence_url: str | None = None


class DataPackageUrl:
    kind: ClassVar[str] = "datapackage"

    def __init__(self, params: dict[str, Any]) -> None:
        self.params = DataPackageParams.model_validate(params)

    def describe(self) -> str:
        return f"Data Package {self.params.url}" + (f", resource {self.params.resource}" if self.params.resource else "")

    def measures(self) -> list[str]:
        m = self.params.mapping
        return [str(m.get("measure") or m.get("measure_column") or "")]

    def fetch(self, client: HttpClient) -> Table:
        described = client.get(self.params.url)
        package = described.json()
        resources = package.get("resources") if isinstance(package, dict) else None
        if not isinstance(resources, list) or not resources:
            raise SourceError(described.url, "not a Data Package: no 'resources' list")
        wanted = self.params.resource
        resource = next((r for r in resources if isinstance(r, dict) and (wanted is None or r.get("name") == wanted)), None)
        if resource is None or not isinstance(resource.get("path"), str):
            raise SourceError(described.url, f"no resource named '{wanted}' with a single 'path'")
        data = client.get(urljoin(described.url, resource["path"]))
        _check_hash(resource.get("hash"), data.body, data.url)
        header, rows = parse_csv(data.text(), data.url)
        licences = package.get("licenses") or [{}]
        first = licences[0] if isinstance(licences[0], dict) else {"name": str(licences[0])}
        if not first.get("name"):
            raise SourceError(described.url, "the remote package names no licence; factcheck needs one per source")
        sources = package.get("sources") or [{}]
        return Table(
            columns=header,
            rows=rows,
            mapping=self.params.mapping,
            title=str(package.get("title") or package.get("name") or self.params.url),
            licence={"name": str(first["name"]), "path": str(first.get("path") or "")},
            publisher=str((sources[0] or {}).get("title") or package.get("name") or ""),
            homepage=str(package.get("homepage") or self.params.url),
            requests=[described.url, data.url],
            upstream_version=str(package.get("version") or package.get("last_updated") or "") or None,
            last_modified=data.last_modified,
        )


class CsvUrl:
    kind: ClassVar[str] = "csv"

    def __init__(self, params: dict[str, Any]) -> None:
        self.params = CsvParams.model_validate(params)

    def describe(self) -> str:
        return f"CSV {self.params.url}"

    def measures(self) -> list[str]:
        m = self.params.mapping
        return [str(m.get("measure") or m.get("measure_column") or "")]

    def fetch(self, client: HttpClient) -> Table:
        data = client.get(self.params.url)
        header, rows = parse_csv(data.text(), data.url)
        p = self.params
        return Table(
            columns=header, rows=rows, mapping=p.mapping, title=p.title,
            licence={"name": p.licence, "path": p.licence_url or ""}, publisher=p.publisher, homepage=p.url,
            requests=[data.url], upstream_version=data.last_modified, last_modified=data.last_modified,
        )


def _check_hash(declared: Any, body: bytes, url: str) -> None:
    if not isinstance(declared, str) or not declared:
        return
    algorithm, _, digest = declared.partition(":")
    if not digest:
        algorithm, digest = ("md5" if len(declared) == 32 else "sha256"), declared
    if algorithm not in ("md5", "sha1", "sha256", "sha512"):
        return
    actual = hashlib.new(algorithm, body).hexdigest()
    if actual != digest.lower():
        raise SourceError(url, f"{algorithm} mismatch: the package declares {digest}, the download has {actual}")
