"""The ``jsonl`` format: one record a line, each with its type, path and schema version.

A claim's line holds the index of its sentence (``sentence``), as in ``json``; the sentence itself is a
line of its own (``"type": "sentence"``) just before the first claim in it, so its text is written once
however many figures it holds. Problems with inline suppressions are lines of their own. Every line
has a ``type`` ("sentence", "claim" or "problem") so a consumer can tell them apart; a document's
lines come together, so the format is written a document at a time (:func:`document`).
"""

from __future__ import annotations

from typing import Any

from pydantic_core import to_json


def render(report: dict[str, Any]) -> str:
    return "".join(document(doc, report["schema_version"]) for doc in report["documents"])


def document(doc: dict[str, Any], version: str) -> str:
    """One document's lines: each claim's sentence before its first claim, the claims, then the problems."""
    path = doc["path"]
    sentences = doc.get("sentences") or []
    lines = []
    written: set[int] = set()
    for c in doc["claims"]:
        n = c["sentence"]
        if n not in written and 0 <= n < len(sentences):
            written.add(n)
            lines.append(to_json({"type": "sentence", "schema_version": version, "path": path, **sentences[n]}))
        lines.append(to_json({"type": "claim", "schema_version": version, "path": path, **c}))
    for p in doc["problems"]:
        lines.append(to_json({"type": "problem", "schema_version": version, "path": path, **p}))
    # U+2028, U+2029 and NEL (U+0085) are legal raw in JSON, but line splitters (str.splitlines, some JSONL
    # readers) break lines there: escaped, every line of the output is one record whatever reads it.
    return "".join(line.decode("utf-8").translate(_LINE_BREAKS) + "\n" for line in lines)


_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})
