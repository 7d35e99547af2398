"""Cross-validation by document of ways to train on ClaimBuster's definition (the labelled CLEF lines).

    python bench/eval/definition_cv.py --table    # the comparison run.py writes into EVALUATION.md
    python bench/eval/definition_cv.py --schemes cfs+short --grid 1.0:0.3,3.0:0.2 [--fraction 0.5] [--bigrams]
    python bench/eval/definition_cv.py --schemes cfs+short --grid 1.0:0.3 --without-train2   # trained on the 5,700 only

Labels: CLEF's own (a line an outlet checked) on all 16,421 lines, and ClaimBuster's definition ("a
check-worthy factual statement", CFS) on 12,262 of them (claimbuster_definition.tsv, the 700-line
development set; claimbuster_definition_train.tsv, 5,000 more; claimbuster_definition_train2.tsv, the
pool's other 6,562), all labelled by an AI model and read by one reader, ``fit.labelled()``.
Each of the 19 documents is held out in turn: the model is fitted on the other 18 documents' lines
and labels (so never on a held-out line's label), then scores the held-out document. Measured:

- CLEF MAP: each document's lines ranked by the held-out model, average precision of CLEF's label;
- CFS: over the labelled lines of all documents, each scored by the model that did not see its
  document, the balanced accuracy at the threshold 0.5 (the mean of the two classes' recalls: the
  accuracy expected on a balanced test such as ClaimBuster's) and the ROC AUC; the same on the 700
  development lines alone (labelled by another session, so a check on the labeller's habits); and the
  same over the 5,700 lines of the first two files and over the 6,562 of the third, so that a model
  trained on all the labels can be compared with the figures of the 5,700 (``--without-train2`` trains
  without the third file's labels: its lines are then measured only, never trained on).

ClaimBuster's test sentences are not read. scikit-learn needed (``pip install -e '.[train]'``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval.fit import (DEFINITION, Sample, _matrix, average_precision, definition, labelled, separation,  # noqa: E402
                            training_rows, transcripts, vocabulary)

DEV, TRAIN, TRAIN2 = DEFINITION  # the development set, the 5,000, the pool's other 6,562


def references(*paths: Path) -> set[tuple[str, int]]:
    """(document, index of the line in the transcript) of the lines labelled in ``paths``."""
    return {(name, i) for path in paths for name, labels in definition(path).items() for i in labels}


def fit(rows: list[Sample], weights: list[float], words: set[str], c: float, scale: float):  # type: ignore[no-untyped-def]
    """(bias, {feature: weight}, {word: weight}) of a class-balanced L2 logistic regression (liblinear)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    names = sorted({n for named, _, _ in rows for n in named}) + ["w:" + w for w in sorted(words)]
    X = _matrix(rows, names, scale)
    y = np.array([label for _, _, label in rows])
    m = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", random_state=0, max_iter=1000)
    m.fit(X, y, sample_weight=np.array(weights))
    coef = m.coef_[0]
    feats = {n: float(coef[i]) for i, n in enumerate(names) if not n.startswith("w:")}
    vocab = {n[2:]: float(coef[i]) * scale for i, n in enumerate(names) if n.startswith("w:")}
    return float(m.intercept_[0]), feats, vocab


def logit(model, sample: Sample) -> float:  # type: ignore[no-untyped-def]
    bias, feats, vocab = model
    named, words, _ = sample
    return bias + sum(feats.get(n, 0.0) * v for n, v in named.items()) + sum(vocab.get(w, 0.0) for w in words)


def evaluate(docs: dict[str, list[Sample]], cfs: dict[str, dict[int, int]], dev: dict[str, dict[int, int]],
             scheme: str, c: float, scale: float, labelled_weight: float = 1.0,
             measured_only: set[tuple[str, int]] = frozenset(),  # type: ignore[assignment]
             groups: dict[str, set[tuple[str, int]]] | None = None) -> dict[str, float]:
    """The measures below; for each ``groups`` entry KEY, KEY_bal_acc and KEY_auc over those labelled lines only."""
    import math

    groups = groups or {}
    aps, s_all, y_all, s_dev, y_dev = [], [], [], [], []
    by_group: dict[str, tuple[list[float], list[int]]] = {k: ([], []) for k in groups}
    for name in docs:
        train = {k: v for k, v in docs.items() if k != name}
        known = {k: {i: y for i, y in v.items() if (k, i) not in measured_only} for k, v in cfs.items()}
        rows, weights = training_rows(train, known, scheme, labelled_weight)
        m = fit(rows, weights, vocabulary(train), c, scale)
        z = [logit(m, s) for s in docs[name]]
        aps.append(average_precision(z, [s[2] for s in docs[name]]))
        for i, y in sorted(cfs.get(name, {}).items()):
            p = 1 / (1 + math.exp(-max(-30, min(30, z[i]))))
            s_all.append(p)
            y_all.append(y)
            if i in dev.get(name, {}):
                s_dev.append(p)
                y_dev.append(y)
            for k, members in groups.items():
                if (name, i) in members:
                    by_group[k][0].append(p)
                    by_group[k][1].append(y)
    ba, tpr, tnr, auc = separation(s_all, y_all, 0.5)
    dba, _, _, dauc = separation(s_dev, y_dev, 0.5)
    out = {"map": statistics.mean(aps), "bal_acc": ba, "tpr": tpr, "tnr": tnr, "auc": auc, "dev_bal_acc": dba, "dev_auc": dauc}
    for k, (sk, yk) in by_group.items():
        gba, _, _, gauc = separation(sk, yk, 0.5)
        out[f"{k}_bal_acc"], out[f"{k}_auc"] = gba, gauc
    return out


def with_bigrams(docs: dict[str, list[Sample]]) -> dict[str, list[Sample]]:
    """The samples with each pair of neighbouring words ("a b") added to their words."""
    from bench.eval.data import EVAL
    from factcheck.core.checkworthiness import tokens
    from factcheck.core.transcript import parse

    out = {}
    for name, samples in docs.items():
        text = (EVAL / "clef2019-train" / f"{name}.tsv").read_text(encoding="utf-8")
        lines = parse(text, "tsv").lines
        new = []
        for (named, words, y), line in zip(samples, lines, strict=True):
            t = tokens(text[line.start:line.end])
            new.append((named, sorted(set(words) | {a + " " + b for a, b in zip(t, t[1:])}), y))
        out[name] = new
    return out


def held_back(fraction: float, paths: tuple[Path, ...] = (TRAIN, TRAIN2)) -> set[tuple[str, int]]:
    """The training labels (of ``paths``) left out of training (still measured) when only ``fraction`` of them is
    used (seeded)."""
    if fraction >= 1.0:
        return set()
    import random

    every = sorted(references(*paths))
    return set(every) - set(random.Random(1).sample(every, int(fraction * len(every))))


# (what is compared, scheme, C, word scale, share of the 5,000 training labels used): the table in EVALUATION.md
COMPARISON = [
    ("CLEF's labels on every line (the model shipped until December)", "clef", 1.0, 0.05, 1.0),
    ("CLEF's labels on every line, words at 0.3", "clef", 1.0, 0.3, 1.0),
    ("the labelled lines only, ClaimBuster's label", "cfs", 1.0, 0.3, 1.0),
    ("**the shipped model**: the labelled lines (ClaimBuster's label) and the unlabellable short lines and stage "
     "directions (CLEF's label)", "cfs+short", 1.0, 0.3, 1.0),
    ("the same, words at 0.05", "cfs+short", 1.0, 0.05, 1.0),
    ("the same, a quarter of the 11,562 training labels", "cfs+short", 1.0, 0.3, 0.25),
    ("the same, half of them", "cfs+short", 1.0, 0.3, 0.5),
    ("every line; positive if labelled so or checked", "either", 1.0, 0.2, 1.0),
    ("the same, leaving out the unlabelled lines of five words or more unless checked", "either-drop", 1.0, 0.3, 1.0),
]


def comparison(docs: dict[str, list[Sample]] | None = None) -> list[tuple[str, dict[str, float]]]:
    """COMPARISON's rows, each measured by cross-validation by document."""
    docs = docs if docs is not None else transcripts()
    dev = definition(DEV)
    cfs = {name: labelled().get(name, {}) for name in docs}
    return [(what, evaluate(docs, cfs, dev, scheme, c, scale, 1.0, held_back(share)))
            for what, scheme, c, scale, share in COMPARISON]


def sweep(docs: dict[str, list[Sample]], scheme: str = "cfs+short", c: float = 1.0, scale: float = 0.3) -> list[str]:
    """Each threshold's two recalls and balanced accuracy over the labelled lines, each scored by the model that did not
    see its document: whether a threshold other than 0.5, chosen without ClaimBuster's test, would separate better."""
    import math

    cfs = {name: labelled().get(name, {}) for name in docs}
    scores: list[tuple[float, int]] = []
    for name in docs:
        train = {k: v for k, v in docs.items() if k != name}
        rows, weights = training_rows(train, cfs, scheme, 1.0)
        m = fit(rows, weights, vocabulary(train), c, scale)
        z = [logit(m, s) for s in docs[name]]
        scores += [(1 / (1 + math.exp(-max(-30, min(30, z[i])))), y) for i, y in sorted(cfs.get(name, {}).items())]
    out = ["threshold | recall 1 | recall 0 | balanced accuracy", "|---|---|---|---|"]
    for t in (0.40, 0.44, 0.46, 0.48, 0.50, 0.52, 0.55):
        ba, tpr, tnr, _ = separation([s for s, _ in scores], [y for _, y in scores], t)
        out.append(f"| {t:.2f} | {tpr:.3f} | {tnr:.3f} | {ba:.4f} |")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--table", action="store_true", help="the rows of COMPARISON (the table in EVALUATION.md)")
    parser.add_argument("--schemes", default="clef,cfs,cfs+short,either,either-drop")
    parser.add_argument("--grid", default="1.0:0.05,1.0:0.2,1.0:1.0")
    parser.add_argument("--labelled-weight", type=float, default=1.0)
    parser.add_argument("--fraction", type=float, default=1.0,
                        help="train on this share of the 11,562 training labels (seeded draw; all are still measured)")
    parser.add_argument("--without-train2", action="store_true",
                        help="train without claimbuster_definition_train2.tsv's labels (its lines are still measured)")
    parser.add_argument("--bigrams", action="store_true", help="word pairs as well as words (same weight)")
    parser.add_argument("--sweep", action="store_true", help="the shipped model's recalls and balanced accuracy by threshold")
    args = parser.parse_args()
    docs = transcripts()
    if args.bigrams:
        docs = with_bigrams(docs)
    if args.sweep:
        print("\n".join(sweep(docs)))
        return
    if args.table:
        for what, r in comparison(docs):
            print(f"{what} | {r['map']:.4f} | {r['bal_acc']:.3f} | {r['auc']:.3f} | {r['dev_bal_acc']:.3f} | {r['dev_auc']:.3f}")
        return
    dev = definition(DEV)
    cfs = {name: labelled().get(name, {}) for name in docs}
    new = references(TRAIN2)
    measured_only = held_back(args.fraction, (TRAIN,) if args.without_train2 else (TRAIN, TRAIN2))
    if args.without_train2:
        measured_only |= new
    groups = {"old": references(DEV, TRAIN), "new": new}
    grid = [tuple(float(x) for x in g.split(":")) for g in args.grid.split(",")]
    print("scheme | C | word scale | CLEF MAP | CFS balanced acc | recall 1 | recall 0 | CFS AUC | "
          "5,700: balanced acc | AUC | 6,562: balanced acc | AUC | dev balanced acc | dev AUC")
    for scheme in args.schemes.split(","):
        for c, scale in grid:
            r = evaluate(docs, cfs, dev, scheme, c, scale, args.labelled_weight, measured_only, groups)
            print(f"{scheme} | {c} | {scale} | {r['map']:.4f} | {r['bal_acc']:.3f} | {r['tpr']:.3f} | {r['tnr']:.3f} | "
                  f"{r['auc']:.3f} | {r['old_bal_acc']:.3f} | {r['old_auc']:.3f} | {r['new_bal_acc']:.3f} | "
                  f"{r['new_auc']:.3f} | {r['dev_bal_acc']:.3f} | {r['dev_auc']:.3f}", flush=True)


if __name__ == "__main__":
    main()
