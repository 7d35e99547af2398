"""Load reference datasets described as Frictionless Data Packages.

Any published Data Package becomes a factcheck source by adding one
``factcheck`` block to a resource, mapping its columns::

    "factcheck": {"entity": "Country Code", "entity_name": "Country Name",
                  "period": "Year", "value": "Value", "measure": "population",
                  "measure_aliases": ["total population", "inhabitants"], "unit": "people"}

The resource's ``hash`` ("sha256:<hex>") is verified before any row is read.
"""

from __future__ import annotations

import calendar
import csv
import math
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from ..core.entities import lookup
from ..core.quantities import currency_code
from ..core.model import Measure, Observation, Provenance
from .base import MemorySource, Source, SourceError
from .mapping import Mapping, validate


def find_descriptors(path: Path) -> list[Path]:
    """A datapackage.json itself, or those in each folder directly below ``path``.

    A ``datapackage.yaml`` (or ``.yml``) is refused with a message, not skipped: a source that
    silently does not load makes every claim "not enough info" without saying why.
    """
    if path.is_file():
        _refuse_yaml(path)
        return [path]
    if not path.is_dir():
        raise SourceError(str(path), "no such source directory or datapackage.json")
    own = path / "datapackage.json"
    if own.is_file():
        return [own]
    _refuse_yaml_in(path)
    found = []
    for folder in sorted(p for p in path.iterdir() if p.is_dir()):
        if (folder / "datapackage.json").is_file():
            found.append(folder / "datapackage.json")
        else:
            _refuse_yaml_in(folder)
    return found


def _refuse_yaml_in(folder: Path) -> None:
    for name in ("datapackage.yaml", "datapackage.yml"):
        if (folder / name).is_file():
            _refuse_yaml(folder / name)


def _refuse_yaml(path: Path) -> None:
    if path.suffix.lower() in (".yaml", ".yml"):
        raise SourceError(str(path), "a YAML Data Package descriptor is not read by factcheck: "
                                     "convert it to datapackage.json (the same keys, as JSON) beside it")


DESCRIPTOR_BYTES = 64 * 1024 * 1024  # a descriptor describes; one larger than this is not one


def read_package(descriptor: Path) -> dict[str, Any]:
    """A ``datapackage.json`` as a dict, with the keys factcheck reads checked for their kind; every command
    (check, sources list, show, verify, pull) reads descriptors through here, so a hostile one gets the same
    message everywhere: exit 2 naming the file and the problem (issue 18), never an unforeseen error."""
    where = str(descriptor)
    try:
        with open(descriptor, "rb") as fh:
            raw = fh.read(DESCRIPTOR_BYTES + 1)
    except OSError as exc:
        raise SourceError(where, f"cannot read: {exc.strerror or exc}") from exc
    if len(raw) > DESCRIPTOR_BYTES:
        raise SourceError(where, f"larger than {DESCRIPTOR_BYTES // (1024 * 1024)} MB: not a Data Package descriptor")
    try:
        package = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise SourceError(where, f"not UTF-8 text (byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise SourceError(where, f"not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}") from exc
    except RecursionError:
        raise SourceError(where, "JSON nested too deeply to be a Data Package descriptor") from None
    if not isinstance(package, dict):
        raise SourceError(where, "not a Data Package (not a JSON object)")
    _check_kinds(package, where)
    return package


def _check_kinds(package: dict[str, Any], where: str) -> None:
    """The keys factcheck reads, each of the kind the Data Package standard gives it."""
    licenses = package.get("licenses")
    if licenses is not None and not (isinstance(licenses, list) and all(isinstance(x, (dict, str)) for x in licenses)):
        raise SourceError(where, f"'licenses' must be a list of licences ([{{\"name\": \"CC-BY-4.0\", \"path\": URL}}]), "
                                 f"not {_kind_of(licenses)}")
    name = package.get("name")
    if name is not None and not isinstance(name, str):
        raise SourceError(where, f"'name' must be a string, not {_kind_of(name)}")
    block = package.get("factcheck")
    if isinstance(block, dict) and "max_age_days" in block:
        limit = block["max_age_days"]
        if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
            raise SourceError(where, f"'factcheck.max_age_days' must be a whole number of days (1 or more), not {_kind_of(limit)}")
    resources = package.get("resources")
    for index, resource in enumerate(resources if isinstance(resources, list) else []):
        if isinstance(resource, dict) and "\0" in str(resource.get("path", "")):
            raise SourceError(f"{where} (resource {index})", "'path' contains a NUL byte: no file has such a name")


def _kind_of(value: Any) -> str:
    shown = repr(value)
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    kind = type(value).__name__
    return f"{shown} ({'an' if kind[0] in 'aeiou' else 'a'} {kind})"


INDEX_BYTES = 16 * 1024 * 1024  # larger sources are answered from an SQLite index (see store.py)


# Called as an index build starts, with the source's name; returns a callback taking rows done.
BuildProgress = Callable[[str], Callable[[int], None]]


def load(descriptor: Path, index_dir: Path | None = None, warnings: list[str] | None = None,
         progress: BuildProgress | None = None) -> Source:
    """Read, verify and map one Data Package into a source (indexed in SQLite when large).

    ``warnings`` collects what check should say but not fail on (a snapshot older than its max age).
    """
    warnings = [] if warnings is None else warnings
    where = str(descriptor)
    package = read_package(descriptor)
    if not isinstance(package.get("resources"), list):
        raise SourceError(where, "not a Data Package: no 'resources' list")
    name = str(package.get("name") or descriptor.parent.name)
    raw_block = package.get("factcheck")
    block: dict[str, Any] = raw_block if isinstance(raw_block, dict) else {}
    mapped = [(i, r) for i, r in enumerate(package["resources"]) if isinstance(r, dict) and "factcheck" in r]
    age = _stale(package, block, where)
    if age:
        warnings.append(age)
    if not mapped:
        if block.get("connector"):
            raise NotPulled(where, f"connector source '{name}' has no snapshot yet: run 'factcheck sources pull {name}'")
        raise SourceError(where, "no resource has a 'factcheck' block mapping its columns")
    licence = licence_of(package.get("licenses"))
    if not licence:
        raise SourceError(where, "no 'licenses': every source must name its data licence")
    prepared = [prepare_resource(descriptor, r, i) for i, r in mapped]
    size = sum(path.stat().st_size for _, path, _ in prepared)
    wanted = block.get("index")
    figures_only = all(m.kind == "figures" for m, _, _ in prepared)
    aliases = entity_aliases([m for m, _, _ in prepared])
    if figures_only and (wanted is True or (wanted is None and size > INDEX_BYTES)):
        indexed = _indexed(descriptor, package, name, licence, mapped, prepared, index_dir, progress, warnings)
        if indexed is not None:
            indexed.entity_aliases = aliases
            return indexed
        # no usable cache: read into memory like a small source (the warning is in `warnings`)
    measures: dict[str, Measure] = {}
    observations: list[Observation] = []
    for index, resource in mapped:
        _load_resource(descriptor, package, name, licence, resource, index, measures, observations)
    return MemorySource(name, measures.values(), observations, aliases)


def entity_aliases(mappings: list[Mapping]) -> dict[str, list[str]]:
    """Each mapping's ``entity_aliases``, keyed by the entity id its rows resolve to."""
    out: dict[str, list[str]] = {}
    for m in mappings:
        cache: dict[str, tuple[str | None, str | None]] = {}
        for raw, names in m.entity_aliases.items():
            code, _ = _resolve_entity(raw, None, m, cache)
            if code:
                out.setdefault(code, []).extend(names)
    return out


def _stale(package: dict[str, Any], block: dict[str, Any], where: str) -> str | None:
    """A warning when the snapshot is older than the source's configured maximum age."""
    limit = block.get("max_age_days")
    retrieved = _date_or_none(package.get("retrieved"))
    if not isinstance(limit, int) or retrieved is None:
        return None
    age = (date.today() - retrieved).days
    if age <= limit:
        return None
    return f"{where}: snapshot retrieved {retrieved} is {age} days old (max_age_days {limit}); refresh it with 'factcheck sources pull {package.get('name')}'"


class NotPulled(SourceError):
    """A connector source without a snapshot: skipped by check with a warning, not an error."""


def _indexed(
    descriptor: Path,
    package: dict[str, Any],
    name: str,
    licence: str,
    mapped: list[tuple[int, dict[str, Any]]],
    prepared: list[tuple[Mapping, Path, str]],
    index_dir: Path | None,
    progress: BuildProgress | None = None,
    warnings: list[str] | None = None,
) -> Source | None:
    """The source answered from its index in the cache, built (or rebuilt) first when needed; None when the
    cache cannot hold it (read-only, full, a file, HOME missing): the caller then reads the source into memory."""
    import sqlite3

    from ..cachedir import cache_dir, unavailable
    from ..errors import UsageError
    from ..safefs import UnsafePath, refuse_links
    from . import store

    warnings = [] if warnings is None else warnings
    folder = index_dir or cache_dir() / "index"
    fp = store.fingerprint(descriptor, [(path, r.get("hash")) for (_, r), (_, path, _) in zip(mapped, prepared)])
    # the name only helps a person find the file (the fingerprint makes it unique): cut so that the name,
    # with the temporary file's prefix and suffix, stays under any file system's 255 bytes
    target = folder / f"{re.sub(r'[^A-Za-z0-9_.-]', '_', name)[:80]}-{fp}.sqlite"
    try:  # the cache folder may live anywhere; a link planted inside it (index/) is not followed
        refuse_links(folder.parent, folder, "read or write the cache")
    except UnsafePath as exc:
        note = unavailable(folder, exc)
        if note not in warnings:
            warnings.append(note)
        return None
    recorded: dict[str, str] = {}  # the snapshot's sha256 of each data file, what the index must have been built from
    for (_, resource), (_, path, where) in zip(mapped, prepared):
        algorithm, digest = _declared(resource.get("hash"), where)
        if algorithm == "sha256" and digest:
            recorded[path.relative_to(descriptor.parent).as_posix()] = digest
    # no index, or one of before manifests (a cache from an older factcheck): built without a word
    # (an index or manifest that is a link is no index of ours: rebuilt, the link replaced)
    ours = not target.is_symlink() and not store.manifest_path(target).is_symlink()
    problem = store.untrusted(target, recorded) if ours and target.is_file() and store.manifest_path(target).is_file() else "missing"
    if problem != "missing" and problem is not None:
        warnings.append(store.CacheMismatch(f"{target}: the index of source '{name}' cannot be trusted: {problem}; rebuilt from the snapshot"))
    if problem is not None:
        built_from: dict[str, str] = {}

        def fill(sink: store.Sink) -> dict[str, Measure]:
            measures: dict[str, Measure] = {}
            for (_, resource), (mapping, path, where) in zip(mapped, prepared):
                sha = hash_verified(path, resource.get("hash"), where)
                built_from[path.relative_to(descriptor.parent).as_posix()] = sha
                provenance = make_provenance(package, name, licence, sha, path)
                seen = set(sink.measure_ids)
                with open(path, encoding="utf-8-sig", newline="") as stream:
                    try:
                        read_rows(stream, mapping, provenance, where, path, sink, csv_dialect(resource, where))
                    except UnicodeDecodeError as exc:
                        raise SourceError(str(path), f"not UTF-8 text (byte {exc.start})") from exc
                add_measures(name, mapping, measures, {m: None for m in sink.measure_ids if m not in seen})
            return measures

        try:
            store.build(target, name, fill, progress(name) if progress else None, built_from)
        except (OSError, sqlite3.OperationalError, UsageError) as exc:  # the cache, not the data: SourceError goes on
            note = unavailable(folder, exc)
            if note not in warnings:
                warnings.append(note)
            return None
    return store.StoreSource(target)


def hash_verified(path: Path, expected: Any, where: str) -> str:
    """The file's sha256, streamed; checked against the declared hash like :func:`_read_verified`."""
    algorithm, digest = _declared(expected, where)
    sha = hashlib.sha256()
    other = hashlib.new(algorithm) if algorithm and algorithm != "sha256" else None
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            sha.update(chunk)
            if other is not None:
                other.update(chunk)
    actual = (other or sha).hexdigest()
    if digest and actual != digest:
        raise SourceError(str(path), f"{algorithm} mismatch: descriptor says {digest}, file has {actual}; the data changed since it was described")
    return sha.hexdigest()


def licence_of(licenses: Any) -> str:
    if not isinstance(licenses, list) or not licenses:
        return ""
    first = licenses[0]
    if isinstance(first, dict):
        return str(first.get("name") or first.get("title") or first.get("path") or "")
    return str(first)


def _load_resource(
    descriptor: Path,
    package: dict[str, Any],
    name: str,
    licence: str,
    resource: dict[str, Any],
    index: int,
    measures: dict[str, Measure],
    observations: list[Observation],
) -> None:
    mapping, data_path, where = prepare_resource(descriptor, resource, index)
    raw = _read_verified(data_path, resource.get("hash"), where)
    provenance = make_provenance(package, name, licence, hashlib.sha256(raw).hexdigest(), data_path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(str(data_path), f"not UTF-8 text (byte {exc.start})") from exc
    first = len(observations)
    read_rows(io.StringIO(text, newline=""), mapping, provenance, where, data_path, observations, csv_dialect(resource, where))
    add_measures(name, mapping, measures, dict.fromkeys(o.measure for o in observations[first:]))


def prepare_resource(descriptor: Path, resource: dict[str, Any], index: int) -> tuple[Mapping, Path, str]:
    """A resource's validated mapping, its file (inside the source folder) and how to name it in errors."""
    where = f"{descriptor} (resource {resource.get('name') or index})"
    from pydantic_core import ValidationError  # a block of the usual shape is read without pydantic (sources/mapping.py)

    try:
        mapping = validate(resource["factcheck"])
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'factcheck'}: {e['msg']}" for e in exc.errors())
        raise SourceError(where, f"bad 'factcheck' mapping: {problems}") from exc
    return mapping, _resource_path(descriptor, resource, where), where


def make_provenance(package: dict[str, Any], name: str, licence: str, sha: str, data_path: Path) -> Provenance:
    sources = package.get("sources") or []
    first_source = sources[0] if sources and isinstance(sources[0], dict) else {}
    return Provenance(
        source=name,
        title=str(package.get("title") or name),
        publisher=package.get("publisher") or first_source.get("title"),
        url=package.get("homepage") or first_source.get("path"),
        licence=licence,
        retrieved=_date_or_none(package.get("retrieved") or package.get("created") or package.get("last_updated")),
        sha256=sha,
        path=str(data_path),
    )


MAX_LINE = 1 << 20  # a CSV line of records is never a megabyte: a longer one is refused before it fills memory


def bounded_lines(stream: Any, data_path: Path) -> Iterator[str]:
    """The stream's lines, refusing one longer than :data:`MAX_LINE` (a 2 GB file of zeros is no table)."""
    number = 0
    while True:
        line = stream.readline(MAX_LINE + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE and not line.endswith("\n"):
            raise SourceError(str(data_path), f"line {number} is longer than {MAX_LINE:,} characters: not a CSV table of records")
        yield line


def csv_dialect(resource: dict[str, Any], where: str) -> dict[str, Any]:
    """The csv module's options for a resource's Table Dialect (``delimiter``, ``quoteChar``,
    ``doubleQuote``, ``skipInitialSpace``), as frictionless reads them; a ``header: false`` is refused."""
    dialect = resource.get("dialect")
    if dialect is None:
        return {}
    if not isinstance(dialect, dict):
        raise SourceError(where, "'dialect' must be an object (Table Dialect)")
    if dialect.get("header") is False:
        raise SourceError(where, "'dialect.header' is false: factcheck maps columns by their header names, so the file needs a header row")
    options: dict[str, Any] = {}
    for key, option in (("delimiter", "delimiter"), ("quoteChar", "quotechar")):
        value = dialect.get(key)
        if value is not None:
            if not isinstance(value, str) or len(value) != 1:
                raise SourceError(where, f"'dialect.{key}' must be one character, not {value!r}")
            options[option] = value
    for key, option in (("doubleQuote", "doublequote"), ("skipInitialSpace", "skipinitialspace")):
        if isinstance(dialect.get(key), bool):
            options[option] = dialect[key]
    return options


def read_rows(stream: Any, mapping: Mapping, provenance: Provenance, where: str, data_path: Path, sink: Any,
              dialect: dict[str, Any] | None = None) -> None:
    """Check the header against the mapping, then append each row's observation to ``sink``."""
    reader = csv.reader(bounded_lines(stream, data_path), **(dialect or {}))
    try:
        _read_rows(reader, mapping, provenance, where, data_path, sink)
    except csv.Error as exc:  # a field over the csv module's limit, a NUL byte, an unclosed quote
        raise SourceError(str(data_path), f"row {reader.line_num}: malformed CSV: {exc}") from exc


def _read_rows(reader: Any, mapping: Mapping, provenance: Provenance, where: str, data_path: Path, sink: Any) -> None:
    header = next(reader, None)
    if header is None:
        raise SourceError(str(data_path), "empty file: no header row")
    columns = {h.strip(): i for i, h in enumerate(header)}
    for key, column in mapping.columns():
        if column not in columns:
            raise SourceError(where, f"'factcheck.{key}' names column '{column}', not in {data_path.name} (columns: {', '.join(columns)})")
    if mapping.kind == "figures":
        _add_rows(reader, columns, mapping, provenance, where, data_path, sink)
    else:
        _add_members(reader, columns, mapping, provenance, data_path, sink)


def data_rows(reader: Iterable[list[str]], width: int, where: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, row) of each data row after the header; blank rows skipped, a row of the wrong width refused."""
    for line, row in enumerate(reader, start=2):
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) != width:
            raise SourceError(where, f"row {line} has {len(row)} fields, the header has {width}: truncated or malformed CSV")
        yield line, row


def _add_members(reader: Any, columns: dict[str, int], m: Mapping, provenance: Provenance, data_path: Path, out: Any) -> None:
    """Rows of a set (members of a set, per entity) or of a gazetteer (places and what they lie in)."""
    col = {key: columns[c] for key, c in m.columns()}
    cache: dict[str, tuple[str | None, str | None]] = {}
    for line, row in data_rows(reader, len(columns), str(data_path)):
        member = row[col["member"]].strip()
        if not member:
            raise SourceError(str(data_path), f"row {line}: empty '{m.member}'")
        end = _parse_period(row[col["period"]], True) if "period" in col else None
        start = _parse_period(row[col["period_start"]], False) if "period_start" in col else None
        entity: str | None
        entity_name: str | None
        if m.kind == "places":
            entity, entity_name, measure = member, member, m.measure or "places"
        else:
            entity, entity_name = _entity(row, col, m, cache)
            measure = row[col["measure_column"]].strip() if "measure_column" in col else m.measure  # type: ignore[assignment]
        truthy = ("1", "true", "yes", "y", "complete")
        out.append(Observation(
            entity=entity, entity_name=entity_name, measure=measure, period_start=start, period_end=end, value=1.0,
            unit=None, currency=None, series="member", origin=False, provenance=provenance, row=line,
            url=_cell(row, col, "url_column"), publisher=_cell(row, col, "publisher_column"), note=_cell(row, col, "note_column"),
            kind=_cell(row, col, "kind_column"), member=member, member_type=_cell(row, col, "member_type"),
            part_of=_cell(row, col, "part_of"),
            complete="complete_column" in col and row[col["complete_column"]].strip().lower() in truthy,
        ))


def _resource_path(descriptor: Path, resource: dict[str, Any], where: str) -> Path:
    path = resource.get("path")
    if not isinstance(path, str) or not path:
        raise SourceError(where, "resource has no 'path' (one local file)")
    if "\0" in path:
        raise SourceError(where, "'path' contains a NUL byte: no file has such a name")
    if re.match(r"^[a-z][a-z0-9+.-]*://", path, re.I):
        raise SourceError(where, f"path '{path}' is a URL; local sources need a file inside the source folder")
    pure = PurePosixPath(path)
    if pure.is_absolute() or Path(path).is_absolute() or ".." in pure.parts:
        raise SourceError(where, f"path '{path}' leaves the source folder (absolute or '..'): refused")
    full = descriptor.parent / pure
    try:
        inside = full.resolve(strict=False).is_relative_to(descriptor.parent.resolve())
    except (OSError, RuntimeError) as exc:  # a loop of links
        raise SourceError(where, f"resource file '{path}' cannot be resolved: {exc}") from exc
    if not inside:
        raise SourceError(where, f"resource file '{path}' is a link that leads out of the source folder: refused")
    if not full.is_file():
        raise SourceError(where, f"resource file '{path}' not found")
    return full


def resource_file(descriptor: Path, resource: Any) -> Path | None:
    """A resource's file if it is a safe local one (inside the source folder), else None: for listings."""
    try:
        return _resource_path(descriptor, resource, str(descriptor)) if isinstance(resource, dict) else None
    except SourceError:
        return None


def _declared(expected: Any, where: str) -> tuple[str | None, str | None]:
    """A resource's declared hash as (algorithm, lower-case hex), or (None, None) when it declares none."""
    if expected is None:
        return None, None
    if not isinstance(expected, str):
        raise SourceError(where, "'hash' must be a string such as 'sha256:<hex>'")
    algorithm, _, digest = expected.partition(":")
    if not digest:
        algorithm, digest = ("md5" if len(expected) == 32 else "sha256"), expected
    if algorithm not in ("sha256", "md5", "sha1", "sha512"):
        raise SourceError(where, f"unsupported hash algorithm '{algorithm}'")
    return algorithm, digest.lower()


def _read_verified(path: Path, expected: Any, where: str) -> bytes:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(str(path), f"cannot read: {exc}") from exc
    algorithm, digest = _declared(expected, where)
    if algorithm is None:
        return raw
    actual = hashlib.new(algorithm, raw).hexdigest()
    if actual != digest:
        raise SourceError(str(path), f"{algorithm} mismatch: descriptor says {digest}, file has {actual}; the data changed since it was described")
    return raw


def add_measures(name: str, mapping: Mapping, measures: dict[str, Measure], ids: dict[str, None]) -> None:
    """One measure per distinct id in the rows just read, labelled by its own name and its aliases.

    The name given in ``measure`` (or read from ``measure_column``) is a label like any alias:
    a source of "population" answers "population" whatever else it is also called.
    """
    aliases = mapping.measure_aliases
    for mid in ids:
        extra = aliases.get(mid, []) if isinstance(aliases, dict) else list(aliases)
        labels = [*extra, mid.replace("_", " ").strip()]  # aliases first: the first label is the one shown
        measures.setdefault(mid, Measure(f"{name}/{mid}", name, mid, tuple(dict.fromkeys(labels)), mapping.kind))


def _add_rows(
    reader: Any,
    columns: dict[str, int],
    m: Mapping,
    provenance: Provenance,
    where: str,
    data_path: Path,
    out: Any,
) -> None:
    col = {key: columns[c] for key, c in m.columns()}
    entity_cache: dict[str, tuple[str | None, str | None]] = {}
    currencies: dict[str | None, str | None] = {}  # unit -> currency, worked out once per unit
    for line, row in data_rows(reader, len(columns), str(data_path)):
        raw_value = row[col["value"]].strip().replace(",", "")
        if raw_value in ("", "NA", "N/A", "..", "-", "null"):
            continue
        try:
            value = float(raw_value) * m.scale
        except ValueError as exc:
            raise SourceError(str(data_path), f"row {line}: value '{raw_value}' is not a number") from exc
        if not math.isfinite(value):
            raise SourceError(str(data_path), f"row {line}, column '{m.value}': value '{raw_value}' is not a finite number "
                                              "(NaN or infinity cannot be compared with a figure)")
        end = _parse_period(row[col["period"]], True)
        if end is None:
            raise SourceError(str(data_path), f"row {line}: period '{row[col['period']]}' is not a date or year")
        start = _parse_period(row[col["period_start"]], False) if "period_start" in col else None
        if start is None and "period_start" not in col:
            start = _parse_period(row[col["period"]], False)
        entity, entity_name = _entity(row, col, m, entity_cache)
        unit = row[col["unit_column"]].strip() if "unit_column" in col else m.unit
        origin = "origin_column" in col and row[col["origin_column"]].strip().lower() in ("1", "true", "yes", "y", "origin")
        out.append(
            Observation(
                entity=entity,
                entity_name=entity_name,
                measure=row[col["measure_column"]].strip() if "measure_column" in col else m.measure,  # type: ignore[arg-type]
                period_start=start,
                period_end=end,
                value=value,
                unit=unit,
                currency=currencies[unit] if unit in currencies else currencies.setdefault(
                    unit, currency_code(m.currency) or m.currency or currency_code(unit)),
                series=row[col["series_column"]].strip() if "series_column" in col else m.series,
                origin=origin,
                provenance=provenance,
                row=line,
                url=_cell(row, col, "url_column"),
                publisher=_cell(row, col, "publisher_column"),
                note=_cell(row, col, "note_column"),
                kind=_cell(row, col, "kind_column"),
            )
        )


def _cell(row: list[str], col: dict[str, int], key: str) -> str | None:
    if key not in col:
        return None
    return row[col[key]].strip() or None


def _entity(row: list[str], col: dict[str, int], m: Mapping, cache: dict[str, tuple[str | None, str | None]]) -> tuple[str | None, str | None]:
    if m.entity_constant:
        raw = m.entity_constant
    else:
        raw = row[col["entity"]].strip() if "entity" in col else row[col["entity_name"]].strip()
    name = row[col["entity_name"]].strip() if "entity_name" in col else None
    return _resolve_entity(raw, name, m, cache)


def _resolve_entity(raw: str, name: str | None, m: Mapping, cache: dict[str, tuple[str | None, str | None]]) -> tuple[str | None, str | None]:
    """A row's entity id (ISO code where one is known) and name."""
    hit = cache.get(raw)
    if hit is None:
        resolved = lookup(raw)
        if resolved is None and name:
            resolved = lookup(name)
        for alias in m.entity_aliases.get(raw, []) if resolved is None else []:
            resolved = lookup(alias)  # "Korea, Rep." is South Korea, whose code the other sources use
            if resolved is not None:
                break
        hit = (resolved.id if resolved else raw, name or (resolved.name if resolved else raw))
        cache[raw] = hit
    return hit


_PERIOD = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@lru_cache(maxsize=8192)  # periods repeat (years, month ends): a 10-million-row build parses a few thousand
def _parse_period(text: str, end: bool) -> date | None:
    """'2020', '2020-05' or '2020-05-31' to the first (or last) day it covers."""
    text = text.strip()
    if not text:
        return None
    m = _PERIOD.match(text[:10] if len(text) >= 10 and text[4:5] == "-" else text)
    if m is None:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    try:
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        if day is None:
            return date(year, month, calendar.monthrange(year, month)[1]) if end else date(year, month, 1)
        return date(year, month, day)
    except ValueError:
        return None


def _date_or_none(value: Any) -> date | None:
    if not value:
        return None
    return _parse_period(str(value)[:10], False)


def select_descriptors(paths: list[Path], builtin: Path | None = None) -> list[tuple[Path, bool]]:
    """The descriptors to load, each once, with whether it is built in.

    Built-in sources come first; a configured source with a built-in's name replaces it (a project
    may carry a newer copy). Two configured sources with one name are an error, in every command.
    """
    chosen: dict[str, tuple[Path, bool]] = {}
    seen: set[Path] = set()
    groups = ([(builtin, True)] if builtin is not None else []) + [(p, False) for p in paths]
    for path, is_builtin in groups:
        for descriptor in find_descriptors(path):
            resolved = descriptor.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            name = _name_of(descriptor)
            previous = chosen.get(name)
            if previous is not None and not previous[1]:
                raise SourceError(str(descriptor), f"two sources have the same name '{name}' ({previous[0]} and {descriptor}); "
                                                   "each Data Package needs its own 'name'")
            chosen[name] = (descriptor, is_builtin)
    return list(chosen.values())


def _name_of(descriptor: Path) -> str:
    return str(read_package(descriptor).get("name") or descriptor.parent.name)
