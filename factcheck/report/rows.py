"""A document's ``sentences`` as compact rows, made into the report's dicts when read.

Every sentence of a document is in its report part (with its check-worthiness, the features behind
it and its claims' ids). As two dicts a sentence (the sentence and its location), they were about a
quarter of a 10 MB document's peak memory (issue 19); a tuple a sentence holds the same values in a
third of the space. Reading a row (iterating, indexing) gives the dict :func:`sentence_dict` makes,
the same every time; nothing changes a sentence's dict once made, so none is kept.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, overload

# index, text, line, column, end_line, end_column, start, end, checkworthiness, features, claims
Row = tuple[int, str, int, int, int, int, int, int, float, tuple[str, ...], list[str]]


def sentence_dict(row: Row) -> dict[str, Any]:
    """The sentence as the report's format has it (see :class:`factcheck.models.SentenceOut`)."""
    index, text, line, column, end_line, end_column, start, end, score, features, claims = row
    return {
        "index": index, "text": text,
        "location": {"line": line, "column": column, "end_line": end_line, "end_column": end_column, "start": start, "end": end},
        "checkworthiness": score, "features": list(features), "claims": claims,
    }


class SentenceRows(Sequence[dict[str, Any]]):
    """The sentences of one document: a sequence of the report's sentence dicts, stored as rows."""

    __slots__ = ("rows",)

    def __init__(self, rows: list[Row]) -> None:
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, i: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, i: slice) -> list[dict[str, Any]]: ...
    def __getitem__(self, i: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(i, slice):
            return [sentence_dict(r) for r in self.rows[i]]
        return sentence_dict(self.rows[i])

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return map(sentence_dict, self.rows)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and not isinstance(other, str) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # like a list's

    def __repr__(self) -> str:
        return repr(list(self))
