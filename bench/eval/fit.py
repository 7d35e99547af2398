"""Fit the check-worthiness model and write it as the package's data file.

    python bench/eval/fit.py          # writes factcheck/data/checkworthiness.json (byte for byte the shipped one)
    python bench/eval/fit.py --check  # exit 1 if the shipped file differs from what the data gives
    python bench/eval/fit.py --cv     # the leave-one-document-out MAP of a few settings (the choice below)

    python bench/eval/fit.py --candidate PATH  # writes the model trained on CLEF's labels alone (shipped until December) to PATH

Data: the 19 CLEF 2019 CheckThat! training transcripts in ../shared/eval/clef2019-train, read with
factcheck's own transcript reader (so a speaker's role is found exactly as ``factcheck check`` finds
it). ClaimBuster's test sentences are not used. The model: class-balanced logistic regression
(scikit-learn's liblinear, fixed seed) over the named features of
:func:`factcheck.core.checkworthiness.named_features` (hand-made ones and the speaker's role) and
the sentence's words (:func:`~factcheck.core.checkworthiness.tokens`), each word worth
``WORD_SCALE`` so that the words are regularised harder than the hand-made features (at full
weight they learn the training debates' topics: leave-one-document-out MAP fell from 0.23 to
0.20). Weights are rounded to 4 decimals and keys sorted: the file is reproducible.

The shipped model (issue 20, fourth session) is trained on ClaimBuster's definition of check-worthiness
(scheme ``cfs+short``): the 12,262 CLEF lines of five words or more labelled by that definition
(``claimbuster_definition.tsv``, the 700-line development set; ``claimbuster_definition_train.tsv``, 5,000
more; ``claimbuster_definition_train2.tsv``, the pool's other 6,562; labelled by AI models, by reference)
with that label, and the lines no one would label (under five words, or stage directions) with CLEF's
label; words at 0.3. Chosen by cross-validation by document (``bench/eval/definition_cv.py``), against
the model trained on CLEF's labels alone (shipped until then): CLEF MAP 0.236 against 0.231, balanced
accuracy on the labelled lines 0.813 against 0.746, ROC AUC 0.894 against 0.819. ClaimBuster's test
sentences played no part in the choice (EVALUATION.md). ``--candidate PATH`` writes a model of another
scheme, for comparison (``CANDIDATE``: CLEF's labels alone, the model shipped before).

scikit-learn is needed here only (``pip install -e '.[train]'``); scoring is plain Python.
"""

from __future__ import annotations

import argparse
from bisect import bisect_left, bisect_right
import json
import statistics
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval.data import EVAL, clef_documents  # noqa: E402
from factcheck.core.checkworthiness import named_features, tokens  # noqa: E402
from factcheck.core.transcript import parse  # noqa: E402

OUTPUT = ROOT / "factcheck" / "data" / "checkworthiness.json"
C = 1.0  # inverse regularisation strength (liblinear's L2)
WORD_SCALE = 0.3  # what a word is worth against a hand-made feature
MIN_DOCUMENTS = 2  # a word must occur in this many training documents to get a weight
GRID = [(0.3, 0.3), (1.0, 0.2), (1.0, 0.3), (1.0, 0.5), (3.0, 0.3)]  # (C, WORD_SCALE) compared by --cv
DEFINITION = [Path(__file__).with_name(f"claimbuster_definition{part}.tsv")
              for part in ("", "_train", "_train2")]  # labelled lines: the development set first, then the training sets
SCHEME = "cfs+short"  # which lines and labels the shipped model is trained on (see training_rows)
CANDIDATE = {"scheme": "clef", "C": 1.0, "word_scale": 0.05}  # CLEF's labels alone: the model shipped until December, for comparison
DIGITS = 4

Sample = tuple[dict[str, float], list[str], int]  # named features, distinct words, label


def transcripts() -> dict[str, list[Sample]]:
    """Each CLEF training transcript's lines as samples, in file order."""
    out: dict[str, list[Sample]] = {}
    for path in sorted((EVAL / "clef2019-train").glob("*.tsv")):
        text = path.read_text(encoding="utf-8")
        transcript = parse(text, "tsv")
        samples = []
        for line in transcript.lines:
            sentence = text[line.start:line.end]
            role = transcript.roles.get(line.speaker or "")
            samples.append((named_features(sentence, role=role), sorted(set(tokens(sentence))), line.label or 0))
        out[path.stem] = samples
    return out


def reference_rows(path: Path) -> list[tuple[str, int, int]]:
    """The rows of a file of lines labelled by reference: (document, CLEF line number, label), never the text."""
    rows = []
    for row in path.read_text(encoding="utf-8").splitlines():
        if row.startswith("#") or row.startswith("document\t") or not row.strip():
            continue
        name, number, label = row.split("\t")
        rows.append((name, int(number), int(label)))
    return rows


def definition(path: Path) -> dict[str, dict[int, int]]:
    """CLEF lines labelled by ClaimBuster's definition: document -> {index of the line in the transcript: label}."""
    numbers = {name: {line.number: i for i, line in enumerate(lines)} for name, lines in clef_documents().items()}
    out: dict[str, dict[int, int]] = {}
    for name, number, label in reference_rows(path):
        out.setdefault(name, {})[numbers[name][number]] = label
    return out


@cache
def labelled() -> dict[str, dict[int, int]]:
    """All the lines labelled by ClaimBuster's definition (the files of DEFINITION, merged)."""
    out: dict[str, dict[int, int]] = {}
    for path in DEFINITION:
        for name, labels in definition(path).items():
            out.setdefault(name, {}).update(labels)
    return out


@cache
def drawable() -> dict[str, frozenset[int]]:
    """document -> the lines the labelled ones were drawn from (speakers' lines of five words or more)."""
    return {name: frozenset(i for i, line in enumerate(lines) if line.speaker != "SYSTEM" and len(line.text.split()) >= 5)
            for name, lines in clef_documents().items()}


def training_rows(docs: dict[str, list[Sample]], cfs: dict[str, dict[int, int]], scheme: str = SCHEME,
                  labelled_weight: float = 1.0) -> tuple[list[Sample], list[float]]:
    """The samples of ``docs`` a scheme trains on (with the label it trains on) and their weights.

    - ``clef`` (shipped until December, now CANDIDATE): every line, CLEF's label;
    - ``cfs``: the labelled lines only, their label by ClaimBuster's definition (CFS);
    - ``cfs+short`` (shipped): the labelled lines (CFS label) and the lines no one would label (under five
      words, or SYSTEM: they were never drawn), with CLEF's label;
    - ``either``: every line; a labelled line is positive if CFS or checked, the others keep CLEF's label;
    - ``either-drop``: as ``either`` but the unlabelled lines of five words or more are left out unless checked
      (a random remainder whose CFS label is unknown: about one in six would be positive).
    """
    pool = drawable()
    rows: list[Sample] = []
    weights: list[float] = []
    for name, samples in docs.items():
        labels = cfs.get(name, {})
        for i, (named, words, clef) in enumerate(samples):
            if i in labels and scheme != "clef":
                rows.append((named, words, labels[i] if scheme in ("cfs", "cfs+short") else max(labels[i], clef)))
                weights.append(labelled_weight)
                continue
            unlabellable = i not in pool[name]
            if scheme in ("clef", "either") or (scheme == "cfs+short" and unlabellable) \
                    or (scheme == "either-drop" and (clef or unlabellable)):
                rows.append((named, words, clef))
                weights.append(1.0)
    return rows, weights


def vocabulary(docs: dict[str, list[Sample]]) -> set[str]:
    counts: dict[str, int] = {}
    for samples in docs.values():
        for word in {w for _, words, _ in samples for w in words}:
            counts[word] = counts.get(word, 0) + 1
    return {w for w, n in counts.items() if n >= MIN_DOCUMENTS}


def _matrix(samples: list[Sample], names: list[str], scale: float):  # type: ignore[no-untyped-def]
    """A sparse matrix over ``names`` (named features, then ``w:`` words), with 32-bit indices for liblinear."""
    import numpy as np
    from scipy.sparse import csr_matrix

    column = {n: i for i, n in enumerate(names)}
    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for named, words, _ in samples:
        row = {column[n]: v for n, v in named.items() if n in column}
        row.update((column["w:" + w], scale) for w in words if "w:" + w in column)
        for i in sorted(row):
            indices.append(i)
            data.append(row[i])
        indptr.append(len(indices))
    return csr_matrix((np.array(data), np.array(indices, dtype=np.int32), np.array(indptr, dtype=np.int32)),
                      shape=(len(samples), len(names)))


def _fit(samples: list[Sample], words: set[str], c: float, scale: float) -> tuple[float, dict[str, float]]:
    """Intercept and weights (words already multiplied by ``scale``)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    names = sorted({n for named, _, _ in samples for n in named}) + ["w:" + w for w in sorted(words)]
    X = _matrix(samples, names, scale)
    y = np.array([label for _, _, label in samples])
    fitted = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", random_state=0, max_iter=1000).fit(X, y)
    coef = fitted.coef_[0]
    return float(fitted.intercept_[0]), {n: float(coef[i]) * (scale if n.startswith("w:") else 1.0) for i, n in enumerate(names)}


def model_data(docs: dict[str, list[Sample]], c: float = C, scale: float = WORD_SCALE,
               scheme: str = SCHEME) -> dict:  # type: ignore[type-arg]
    """The model as the JSON the package ships, fitted on the lines of ``docs`` only (and their labels)."""
    rows, _ = training_rows(docs, labelled() if scheme != "clef" else {}, scheme)
    bias, weights = _fit(rows, vocabulary(docs), c, scale)
    n_cfs = sum(1 for name in docs for i in labelled().get(name, {}))
    rounded = {n: round(w, DIGITS) for n, w in weights.items()}
    trained_on = (f"CLEF 2019 CheckThat! task 1 training transcripts: {len(docs)} documents, "
                  f"{sum(len(v) for v in docs.values())} lines, {sum(s[2] for v in docs.values() for s in v)} check-worthy")
    return {
        "about": {
            "model": "class-balanced logistic regression (liblinear, L2); score = 1 / (1 + exp(-(bias + features + words)))",
            "trained_on": trained_on if scheme == "clef" else
                          f"CLEF 2019 CheckThat! task 1 training transcripts ({len(docs)} documents): {len(rows)} lines, "
                          f"{sum(r[2] for r in rows)} check-worthy; {n_cfs} labelled by ClaimBuster's definition of a "
                          f"check-worthy factual statement (bench/eval/claimbuster_definition*.tsv), the others "
                          f"(under five words, or stage directions) by CLEF's label",
            "made_by": "bench/eval/fit.py",
            "settings": {"C": c, "word_scale": scale, "min_documents": MIN_DOCUMENTS}
                        | ({} if scheme == "clef" else {"scheme": scheme}),
        },
        "bias": round(bias, DIGITS),
        "features": {n: w for n, w in rounded.items() if not n.startswith("w:")},
        "words": {n[2:]: w for n, w in rounded.items() if n.startswith("w:") and w != 0.0},
    }


def dumps(data: dict) -> str:  # type: ignore[type-arg]
    return json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def average_precision(scores: list[float], labels: list[int]) -> float:
    """AP of one document's ranking (scores are continuous: ties are left in file order)."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits, total = 0, 0.0
    for rank, i in enumerate(order, 1):
        if labels[i]:
            hits += 1
            total += hits / rank
    return total / max(1, sum(labels))


def separation(scores: list[float], labels: list[int], threshold: float) -> tuple[float, float, float, float]:
    """Balanced accuracy at the threshold (mean of the recalls of both classes), its two recalls, and ROC AUC."""
    pos = [s for s, y in zip(scores, labels) if y]
    neg = [s for s, y in zip(scores, labels) if not y]
    tpr = sum(s >= threshold for s in pos) / len(pos)
    tnr = sum(s < threshold for s in neg) / len(neg)
    ranked = sorted(neg)
    auc = sum(bisect_left(ranked, s) + 0.5 * (bisect_right(ranked, s) - bisect_left(ranked, s)) for s in pos) / (len(pos) * len(neg))
    return (tpr + tnr) / 2, tpr, tnr, auc


def leave_one_out(docs: dict[str, list[Sample]], c: float = C, scale: float = WORD_SCALE,
                  scheme: str = SCHEME) -> dict[str, dict]:  # type: ignore[type-arg]
    """For each document, the model fitted on the other 18 (as the JSON data): cross-validation by document."""
    return {name: model_data({k: v for k, v in docs.items() if k != name}, c, scale, scheme) for name in docs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing it")
    parser.add_argument("--cv", action="store_true", help="leave-one-document-out MAP of the settings in GRID")
    parser.add_argument("--candidate", type=Path, metavar="PATH", help="write the CANDIDATE model (CLEF's labels alone; not shipped) to PATH")
    args = parser.parse_args()
    docs = transcripts()
    if args.candidate:
        args.candidate.write_text(dumps(model_data(docs, CANDIDATE["C"], CANDIDATE["word_scale"], CANDIDATE["scheme"])),
                                  encoding="utf-8")
        print(f"wrote {args.candidate} (the model trained on CLEF's labels alone; not the package's model)")
        return
    if args.cv:
        from factcheck.core.checkworthiness import model_from

        for c, scale in GRID:
            aps = []
            for name, data in leave_one_out(docs, c, scale).items():
                held = model_from(data)
                aps.append(average_precision([_logit(held, s) for s in docs[name]], [s[2] for s in docs[name]]))
            print(f"C={c} word_scale={scale}: leave-one-document-out MAP {statistics.mean(aps):.4f}", flush=True)
        return
    text = dumps(model_data(docs))
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_text(encoding="utf-8") == text
        print("the shipped model is what the data gives" if same else f"{OUTPUT} differs from what the data gives")
        raise SystemExit(0 if same else 1)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(text):,} bytes)")


def _logit(model, sample: Sample) -> float:  # type: ignore[no-untyped-def]
    named, words, _ = sample
    return model.bias + sum(model.features.get(n, 0.0) * v for n, v in named.items()) + sum(model.words.get(w, 0.0) for w in words)


if __name__ == "__main__":
    main()
