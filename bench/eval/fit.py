"""Fit the check-worthiness weights: class-balanced logistic regression on the CLEF 2019 training transcripts.

    python bench/eval/fit.py            # prints WEIGHTS for factcheck/core/checkworthiness.py

Only the CLEF training documents are used; the ClaimBuster sentences stay
held out for EVALUATION.md. Plain gradient descent with L2 regularisation
over the sparse binary features of :func:`factcheck.core.checkworthiness.features`
(deterministic: fixed order, fixed step, fixed number of iterations).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.eval.data import clef_documents  # noqa: E402
from factcheck.core.checkworthiness import features  # noqa: E402

ITERATIONS = 400
STEP = 0.5
L2 = 0.002


def fit(samples: list[tuple[dict[str, float], int]]) -> dict[str, float]:
    names = sorted({n for f, _ in samples for n in f})
    w = {n: 0.0 for n in ["bias", *names]}
    positives = sum(y for _, y in samples)
    negatives = len(samples) - positives
    weight = {1: len(samples) / (2 * positives), 0: len(samples) / (2 * negatives)}
    for _ in range(ITERATIONS):
        grad = dict.fromkeys(w, 0.0)
        for f, y in samples:
            z = w["bias"] + sum(w[n] * v for n, v in f.items())
            p = 1.0 / (1.0 + math.exp(-z))
            g = (p - y) * weight[y]
            grad["bias"] += g
            for n, v in f.items():
                grad[n] += g * v
        for n in w:
            reg = L2 * w[n] if n != "bias" else 0.0
            w[n] -= STEP * (grad[n] / len(samples) + reg)
    return w


def samples_of(docs) -> list[tuple[dict[str, float], int]]:  # type: ignore[no-untyped-def]
    return [(features(line.text), line.label) for lines in docs.values() for line in lines]


def main() -> None:
    weights = fit(samples_of(clef_documents()))
    print("WEIGHTS: dict[str, float] = {")
    for name, value in weights.items():
        print(f'    "{name}": {value:.3f},')
    print("}")


if __name__ == "__main__":
    main()
