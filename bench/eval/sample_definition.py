"""Draw the CLEF training lines to be labelled by ClaimBuster's definition (the training set of labels).

    python bench/eval/sample_definition.py --show 0 250   # print lines 0..249 of the draw, for labelling

The draw: seed 20, among all speakers' lines (not SYSTEM; moderators' and the press's too) of five
words or more, leaving out the 700 lines of the development set (claimbuster_definition.tsv) and any
line whose text is also a ClaimBuster test sentence (compared lower-cased, as run.py does; the test
sentences are matched, never shown), so that labelling these lines never shows a test sentence. The
lines were read and labelled in the order of the draw, 250 at a time; the labels are stored in
claimbuster_definition_train.tsv by reference (document, CLEF line number, label), sorted.

    python bench/eval/sample_definition.py --rest --show 0 250   # the rest of the pool, for labelling

The rest (issue 20, fourth session): every line of the same pool that the draw of 5,000 did not take,
in the order of a shuffle with seed 21 (REST_SEED); labelled in that order, 250 at a time, and stored
in claimbuster_definition_train2.tsv by reference, sorted. The test sentences are left out of the pool
as above, so they are never shown.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval.data import claimbuster, clef_documents  # noqa: E402

SEED = 20
REST_SEED = 21
SIZE = 5000
DEV = Path(__file__).with_name("claimbuster_definition.tsv")
TRAIN2 = Path(__file__).with_name("claimbuster_definition_train2.tsv")


def _references(path: Path) -> set[tuple[str, int]]:
    out = set()
    for row in path.read_text(encoding="utf-8").splitlines():
        if row.startswith("#") or row.startswith("document\t") or not row.strip():
            continue
        name, number, _ = row.split("\t")
        out.add((name, int(number)))
    return out


def _pool() -> list[tuple[str, int]]:
    """(document, CLEF line number) of every drawable line: a speaker's, five words or more, not in the
    development set, not a ClaimBuster test sentence (lower-cased text match), in file order."""
    dev = _references(DEV)
    test = {t.strip().lower() for t, _ in claimbuster()}
    pool = [(name, line.number) for name, lines in sorted(clef_documents().items()) for line in lines
            if line.speaker != "SYSTEM" and len(line.text.split()) >= 5 and (name, line.number) not in dev
            and line.text.strip().lower() not in test]
    return pool


def draw(size: int = SIZE) -> list[tuple[str, int]]:
    """(document, CLEF line number) of the lines drawn, in the order of the draw."""
    pool = _pool()
    return random.Random(SEED).sample(pool, min(size, len(pool)))


def rest() -> list[tuple[str, int]]:
    """The pool's lines the draw did not take, shuffled with REST_SEED (the order they are labelled in)."""
    taken = set(draw())
    left = [ref for ref in _pool() if ref not in taken]
    random.Random(REST_SEED).shuffle(left)
    return left


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", nargs=2, type=int, metavar=("START", "END"))
    parser.add_argument("--rest", action="store_true", help="the rest of the pool (seed 21), not the draw of 5,000")
    args = parser.parse_args()
    docs = {name: {line.number: line for line in lines} for name, lines in clef_documents().items()}
    drawn = rest() if args.rest else draw()
    print(f"{len(drawn)} lines drawn", file=sys.stderr)
    if args.show:
        for k in range(args.show[0], min(args.show[1], len(drawn))):
            name, number = drawn[k]
            line = docs[name][number]
            print(f"{k}\t{line.speaker[:10]}\t{line.text}")


if __name__ == "__main__":
    main()
