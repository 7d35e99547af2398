"""Reading fetched CSV text strictly: a short row means a truncated or malformed download."""

from __future__ import annotations

import csv
import io

from ..sources.base import SourceError


def parse_csv(text: str, url: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows; every row must have the header's width (blank lines are skipped)."""
    if not text.strip():
        raise SourceError(url, "empty CSV: no header row")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
        rows = [row for row in reader if row and any(cell.strip() for cell in row)]
    except csv.Error as exc:
        raise SourceError(url, f"malformed CSV: {exc}") from exc
    for n, row in enumerate(rows, start=2):
        if len(row) != len(header):
            raise SourceError(url, f"row {n} has {len(row)} fields, the header has {len(header)}: truncated or malformed CSV")
    return header, rows
