"""Reading fetched CSV text strictly: a short row means a truncated or malformed download."""

from __future__ import annotations

import csv
import io

from ..sources.base import SourceError
from ..sources.datapackage import data_rows


def parse_csv(text: str, url: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows; every row must have the header's width (blank lines are skipped)."""
    if not text.strip():
        raise SourceError(url, "empty CSV: no header row")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
        rows = [row for _, row in data_rows(reader, len(header), url)]
    except csv.Error as exc:
        raise SourceError(url, f"malformed CSV: {exc}") from exc
    return header, rows
