"""The ``jsonl`` format: one claim a line, each line self-contained (with its path and schema version).

Problems with inline suppressions are lines of their own; every line has a
``type`` ("claim" or "problem") so a consumer can tell them apart.
"""

from __future__ import annotations

from typing import Any

from pydantic_core import to_json


def render(report: dict[str, Any]) -> str:
    version = report["schema_version"]
    lines = []
    for doc in report["documents"]:
        for c in doc["claims"]:
            lines.append(to_json({"type": "claim", "schema_version": version, "path": doc["path"], **c}))
        for p in doc["problems"]:
            lines.append(to_json({"type": "problem", "schema_version": version, "path": doc["path"], **p}))
    # U+2028, U+2029 and NEL (U+0085) are legal raw in JSON, but line splitters (str.splitlines, some JSONL
    # readers) break lines there: escaped, every line of the output is one record whatever reads it.
    return "".join(line.decode("utf-8").translate(_LINE_BREAKS) + "\n" for line in lines)


_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})
