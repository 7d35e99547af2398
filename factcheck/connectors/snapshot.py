"""Pull a connector source into its folder as a snapshot: data plus ``datapackage.json``, atomically.

The data file is named by its own hash (``data/<sha256[:16]>.csv``), so a new
pull never overwrites the file the current descriptor points to. The new
descriptor is written beside the old one, loaded back (hash, mapping and every
row checked), and only then renamed over ``datapackage.json``; the old data
file is removed last. A failed, interrupted or partial pull therefore leaves
the previous snapshot as it was.

Nothing is written or deleted through a symbolic link inside the source folder
(a linked ``data/``, a linked ``.datapackage.json.pull``, an old resource path
through a linked folder): the pull is refused before it writes anything
(issue 21, point 1). The folder itself may be a link: where it lives is the
user's choice.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..report.atomic import write_atomic_bytes
from ..safefs import UnsafePath, refuse_links
from ..sources.base import SourceError
from .base import Connector, ConnectorBlock, Table
from .http import HttpClient


def connectors() -> dict[str, type]:
    from .datapackage_url import CsvUrl, DataPackageUrl
    from .owid import OurWorldInData
    from .wikidata import Wikidata
    from .worldbank import WorldBank

    return {c.kind: c for c in (WorldBank, Wikidata, OurWorldInData, DataPackageUrl, CsvUrl)}


@dataclass
class ConnectorSource:
    descriptor: Path
    package: dict[str, Any]
    block: ConnectorBlock
    connector: Connector

    @property
    def name(self) -> str:
        return str(self.package.get("name") or self.descriptor.parent.name)


def read_descriptor(descriptor: Path) -> dict[str, Any]:
    """The descriptor, read and checked as every command reads it (:func:`factcheck.sources.datapackage.read_package`)."""
    from ..sources.datapackage import read_package

    return read_package(descriptor)


def connector_source(descriptor: Path) -> ConnectorSource | None:
    """The connector a source folder names, or None for a plain local Data Package."""
    package = read_descriptor(descriptor)
    raw = package.get("factcheck")
    if not isinstance(raw, dict) or "connector" not in raw:
        return None
    try:
        block = ConnectorBlock.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise SourceError(str(descriptor), f"bad 'factcheck' connector block: {problems}") from exc
    kinds = connectors()
    if block.connector not in kinds:
        raise SourceError(str(descriptor), f"unknown connector '{block.connector}' (known: {', '.join(sorted(kinds))})")
    try:
        connector = kinds[block.connector](block.params)
    except ValidationError as exc:
        problems = "; ".join(f"params.{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise SourceError(str(descriptor), f"bad parameters for connector '{block.connector}': {problems}") from exc
    return ConnectorSource(descriptor, package, block, connector)


def pull(source: ConnectorSource, client: HttpClient, now: datetime | None = None) -> dict[str, Any]:
    """Fetch and write the snapshot; returns the new descriptor. Raises SourceError, leaving the old one intact."""
    snapshot = source.block.snapshot or {}
    responses = snapshot.get("responses")
    client.recorded = {str(k): str(v) for k, v in responses.items()} if isinstance(responses, dict) else {}
    client.bodies = {}
    table = source.connector.fetch(client)
    return write(source, table, now or datetime.now(UTC), client.bodies)


def write(source: ConnectorSource, table: Table, now: datetime, responses: dict[str, str] | None = None) -> dict[str, Any]:
    """Write the snapshot; ``responses`` (url -> sha256 of each body) is recorded so a later 304 is checked against it."""
    folder = source.descriptor.parent
    body = _csv(table, source.descriptor)
    sha = hashlib.sha256(body).hexdigest()
    data_rel = f"data/{sha[:16]}.csv"
    old_files = _data_files(source.package, folder)
    data_path = folder / data_rel
    staged = folder / ".datapackage.json.pull"
    _refuse_links(folder, [data_path, staged, *old_files])
    (folder / "data").mkdir(exist_ok=True)
    created = not data_path.exists()
    write_atomic_bytes(data_path, body, follow_links=False)
    package = _descriptor(source, table, now, data_rel, body, sha)
    if responses:
        package["factcheck"]["snapshot"]["responses"] = dict(responses)
    try:
        write_atomic_bytes(staged, (json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode("utf-8"), follow_links=False)
        from ..sources.datapackage import load

        load(staged)  # the new snapshot must load: hash, mapping, every row
        os.replace(staged, source.descriptor)
    except BaseException:
        staged.unlink(missing_ok=True)
        if created:
            data_path.unlink(missing_ok=True)
        raise
    for old in old_files:
        if old != data_path:
            old.unlink(missing_ok=True)
    return package


def _refuse_links(folder: Path, paths: list[Path]) -> None:
    """Every file the pull writes or deletes, checked before the first write: no link below the folder."""
    for path in paths:
        try:
            refuse_links(folder, path, "write or delete")
        except UnsafePath as exc:
            raise SourceError(exc.path, f"{exc.problem}; nothing was written") from exc


def _csv(table: Table, descriptor: Path) -> bytes:
    width = len(table.columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.columns)
    for n, row in enumerate(table.rows, start=2):
        if len(row) != width:
            raise SourceError(str(descriptor), f"fetched row {n} has {len(row)} fields, not {width}: incomplete data, snapshot not written")
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8")


def _descriptor(source: ConnectorSource, table: Table, now: datetime, data_rel: str, body: bytes, sha: str) -> dict[str, Any]:
    mapping = dict(table.mapping)
    aliases = source.block.aliases
    if aliases:
        if isinstance(aliases, dict) or isinstance(mapping.get("measure_aliases"), dict):
            mapping["measure_aliases"] = aliases
        else:
            mapping["measure_aliases"] = list(dict.fromkeys([*aliases, *mapping.get("measure_aliases", [])]))
    retrieved = now.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    block = source.block.model_dump(exclude_none=True)
    block["snapshot"] = {
        "retrieved": retrieved,
        "requests": table.requests,
        "upstream_version": table.upstream_version,
        "last_modified": table.last_modified,
        "rows": len(table.rows),
        "connector": source.connector.describe(),
    }
    package = {k: v for k, v in source.package.items() if k not in ("resources", "factcheck")}
    package.setdefault("name", source.name)
    package.update({
        "title": package.get("title") or table.title,
        "homepage": table.homepage,
        "publisher": table.publisher,
        "licenses": [table.licence],
        "sources": [{"title": table.publisher, "path": table.requests[0] if table.requests else table.homepage}],
        "retrieved": retrieved,
        "version": table.upstream_version or retrieved[:10],
    })
    if table.citation:
        package["citation"] = table.citation
    package["factcheck"] = block
    package["resources"] = [{
        "name": "data",
        "path": data_rel,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(body),
        "hash": f"sha256:{sha}",
        "schema": {"fields": [{"name": c, "type": "number" if c == mapping.get("value") else "string"} for c in table.columns]},
        "factcheck": mapping,
    }]
    return package


def _data_files(package: dict[str, Any], folder: Path) -> list[Path]:
    """The current snapshot's data files (only those inside the folder's data/)."""
    out = []
    for r in package.get("resources") or []:
        path = r.get("path") if isinstance(r, dict) else None
        if isinstance(path, str) and path.startswith("data/") and ".." not in path:
            out.append(folder / path)
    return out
