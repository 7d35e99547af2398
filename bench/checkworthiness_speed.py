"""How fast check-worthiness scores sentences: sentences per second of CPU time, on one core.

    python bench/checkworthiness_speed.py

Scores every line of the CLEF 2019 training transcripts (short spoken sentences, with their speakers'
roles) and every ClaimBuster sentence (longer), as the engine calls it: ``score(text, role=...)``, the
model already loaded. CPU time (``time.process_time``) rather than wall time, because the machine is
shared; the median of 5 rounds. Needs ../shared/eval.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.eval.data import EVAL, available, claimbuster  # noqa: E402
from factcheck.core.checkworthiness import model, score  # noqa: E402
from factcheck.core.transcript import parse  # noqa: E402

ROUNDS = 5


def clef() -> list[tuple[str, str | None]]:
    out = []
    for path in sorted((EVAL / "clef2019-train").glob("*.tsv")):
        text = path.read_text(encoding="utf-8")
        t = parse(text, "tsv")
        out.extend((text[line.start:line.end], t.roles.get(line.speaker or "")) for line in t.lines)
    return out


def rate(sentences: list[tuple[str, str | None]]) -> float:
    """Median sentences per CPU second over ROUNDS passes."""
    rates = []
    for _ in range(ROUNDS):
        t0 = time.process_time()
        for text, role in sentences:
            score(text, role=role)
        rates.append(len(sentences) / (time.process_time() - t0))
    return statistics.median(rates)


def main() -> None:
    if not available():
        raise SystemExit("../shared/eval is not present; nothing to measure")
    t0 = time.process_time()
    model()
    load = time.process_time() - t0
    lines = clef()
    cb = [(t, None) for t, _ in claimbuster()]
    print(f"model load: {load * 1000:.0f} ms of CPU")
    print(f"CLEF transcript lines ({len(lines):,}, {statistics.mean(len(t) for t, _ in lines):.0f} characters on average): "
          f"{rate(lines):,.0f} sentences/s of CPU")
    print(f"ClaimBuster sentences ({len(cb):,}, {statistics.mean(len(t) for t, _ in cb):.0f} characters on average): "
          f"{rate(cb):,.0f} sentences/s of CPU")


if __name__ == "__main__":
    main()
