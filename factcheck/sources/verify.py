"""``factcheck sources verify``: every problem with a source, re-hashing every file rather than trusting an index."""

from __future__ import annotations

import csv
from pathlib import Path

from .base import SourceError
from .datapackage import bounded_lines, csv_dialect, hash_verified, licence_of, prepare_resource, read_package


def verify(descriptor: Path, index_dir: Path | None = None) -> list[str]:
    """Every problem with a source: descriptor, connector block, mapping, columns, and each file's hash re-computed."""
    where = str(descriptor)
    try:
        package = read_package(descriptor)
    except SourceError as exc:
        return [str(exc)]
    if not isinstance(package.get("resources"), list):
        return [f"{where}: not a Data Package: no 'resources' list"]
    block = package.get("factcheck")
    if isinstance(block, dict) and block.get("connector") and not package["resources"]:
        # a connector source never pulled has nothing to verify yet: say that, not what its snapshot lacks (issue 18, point 4)
        name = package.get("name") or descriptor.parent.name
        return [f"{where}: connector source '{name}' has no snapshot yet, so nothing to verify: run 'factcheck sources pull {name}'"]
    problems: list[str] = []
    try:
        from ..connectors.snapshot import connector_source

        connector_source(descriptor)
    except SourceError as exc:
        problems.append(str(exc))
    if not licence_of(package.get("licenses")):
        problems.append(f"{where}: no 'licenses'")
    for index, resource in enumerate(package["resources"]):
        if not isinstance(resource, dict) or "factcheck" not in resource:
            continue
        try:
            mapping, path, res_where = prepare_resource(descriptor, resource, index)
            if resource.get("hash") is None:
                problems.append(f"{res_where}: declares no 'hash', so it cannot be verified")
            hash_verified(path, resource.get("hash"), res_where)
            with open(path, encoding="utf-8-sig", newline="") as stream:
                try:  # the header as check reads it: bounded lines, a field over the csv limit named (issue 18)
                    header = {h.strip() for h in next(csv.reader(bounded_lines(stream, path), **csv_dialect(resource, res_where)), [])}
                except csv.Error as exc:
                    raise SourceError(str(path), f"row 1: malformed CSV header: {exc}") from exc
            missing = [c for _, c in mapping.columns() if c not in header]
            if missing:
                problems.append(f"{res_where}: mapped column(s) {', '.join(missing)} not in {path.name}")
        except (SourceError, OSError, UnicodeDecodeError) as exc:
            problems.append(str(exc))
    if not problems:
        problems += _as_check_loads_it(descriptor, index_dir)
    return problems


def _as_check_loads_it(descriptor: Path, index_dir: Path | None) -> list[str]:
    """Every row read and validated exactly as ``check`` reads it: verify says ok only when check would load it.

    An index in the cache that does not match its recorded hash is a problem too (it is rebuilt as it is found).
    """
    from .datapackage import NotPulled, load
    from .store import CacheMismatch

    warnings: list[str] = []
    try:
        load(descriptor, index_dir, warnings)
    except NotPulled as exc:
        return [f"{exc}"]
    except SourceError as exc:
        return [str(exc)]
    return [w for w in warnings if isinstance(w, CacheMismatch)]
