"""Measure factcheck's check-worthiness on other people's labelled data; write EVALUATION.md.

    python bench/eval/run.py          # about 3 minutes on the project's machine; rewrites EVALUATION.md

Data: ../shared/eval (see its README): the CLEF 2019 CheckThat! task 1
training transcripts and the ClaimBuster two-class test sentences. Nothing is
copied into the project. The model was fitted on the CLEF transcripts, their lines
labelled by ClaimBuster's definition (bench/eval/fit.py, scikit-learn needed), so CLEF
figures are given both in-sample and leave-one-document-out (the model refitted without
the document ranked); ClaimBuster's test sentences were not used for fitting.
"""

from __future__ import annotations

import platform
import random
import re
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval.data import EVAL, available, claimbuster  # noqa: E402
from bench.eval.fit import GRID, Sample, definition, leave_one_out, separation, transcripts  # noqa: E402
from factcheck.core.checkworthiness import CHECKWORTHY, Model, model, model_from, score  # noqa: E402
from factcheck.core.document import sentences  # noqa: E402
from factcheck.core.transcript import parse  # noqa: E402

THRESHOLD = CHECKWORTHY  # where factcheck calls a sentence check-worthy (the table's list of unchecked sentences)
_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                     r"sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion)\b", re.I)


def number_rule(text: str) -> float:
    return 1.0 if _NUMBER.search(text) else 0.0


TIE_ORDERS = 20  # ties are broken at random, averaged over this many seeded orders


def _orders(scores: list[float]) -> list[list[int]]:
    """Rankings by score, each breaking ties in another seeded random order.

    A stable sort would break ties by the data's own order, which can carry the
    labels (the ClaimBuster file lists its check-worthy sentences first), and a
    rule that scores only 0 or 1 would then look far better than it is.
    """
    rng = random.Random(42)
    out = []
    for _ in range(TIE_ORDERS):
        noise = [rng.random() for _ in scores]
        out.append(sorted(range(len(scores)), key=lambda i: (-scores[i], noise[i])))
    return out


def average_precision(orders: list[list[int]], labels: list[int]) -> float:
    """AP of the rankings from :func:`_orders` (ties broken at random), averaged."""
    positives = max(1, sum(labels))
    results = []
    for order in orders:
        hits, total = 0, 0.0
        for rank, i in enumerate(order, 1):
            if labels[i]:
                hits += 1
                total += hits / rank
        results.append(total / positives)
    return statistics.mean(results)


def precision_at(orders: list[list[int]], labels: list[int], k: int) -> float:
    return statistics.mean(sum(labels[i] for i in order[:k]) / k for order in orders)


def clef_metrics(docs: dict[str, list[float]], labels: dict[str, list[int]]) -> tuple[float, float, float]:
    """MAP, mean R-precision and mean P@10 over documents, from each document's scores."""
    aps, rps, p10 = [], [], []
    for name, scores in docs.items():
        orders = _orders(scores)  # sorted once, read by all three metrics
        aps.append(average_precision(orders, labels[name]))
        rps.append(precision_at(orders, labels[name], max(1, sum(labels[name]))))
        p10.append(precision_at(orders, labels[name], 10))
    return statistics.mean(aps), statistics.mean(rps), statistics.mean(p10)


def clef_lines() -> dict[str, list[tuple[str, str | None, int]]]:
    """Each training transcript's lines as (text, role, label), read by factcheck's transcript reader."""
    out = {}
    for path in sorted((EVAL / "clef2019-train").glob("*.tsv")):
        text = path.read_text(encoding="utf-8")
        t = parse(text, "tsv")
        out[path.stem] = [(text[line.start:line.end], t.roles.get(line.speaker or ""), line.label or 0) for line in t.lines]
    return out


def resegmented(lines: list[tuple[str, str | None, int]], m: Model) -> list[float]:
    """Join the lines into one plain text (no speakers), segment it with factcheck, map segments back to lines by offsets."""
    text, starts = "", []
    for line, _, _ in lines:
        starts.append(len(text))
        text += line + " "
    segs = sentences(text)
    out = []
    for i, start in enumerate(starts):
        end = start + len(lines[i][0])
        overlapping = [s for s in segs if s.start < end and s.end > start]
        out.append(max((score(s.text, m).score for s in overlapping), default=0.0))
    return out


def classify(scores: list[float], labels: list[int], threshold: float) -> tuple[float, float, float, float, float]:
    """Accuracy, precision, recall, F1 of label 1 at the threshold; average precision of the ranking."""
    predicted = [1 if s >= threshold else 0 for s in scores]
    tp = sum(1 for p, y in zip(predicted, labels) if p and y)
    fp = sum(1 for p, y in zip(predicted, labels) if p and not y)
    fn = sum(1 for p, y in zip(predicted, labels) if not p and y)
    accuracy = sum(1 for p, y in zip(predicted, labels) if p == y) / len(labels)
    precision = tp / max(1, tp + fp)
    recall = tp / max(1, tp + fn)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return accuracy, precision, recall, f1, average_precision(_orders(scores), labels)


DEFINITION = Path(__file__).with_name("claimbuster_definition.tsv")


def definition_labels(path: Path = DEFINITION) -> dict[str, dict[int, int]]:
    """CLEF lines labelled by ClaimBuster's definition: document -> {index among its lines: label}.

    The file names lines by CLEF line number (never copies their text); the index is the line's
    place in the transcript as factcheck reads it, which is the file's order (a test says so).
    """
    return definition(path)


def _grid(samples: dict[str, list[Sample]]) -> list[tuple[float, float, float]]:
    """Leave-one-document-out MAP of each setting compared (continuous scores; ties in file order)."""
    from bench.eval.fit import _logit, average_precision as ap

    out = []
    for c, scale in GRID:
        aps = [ap([_logit(model_from(data), s) for s in samples[name]], [s[2] for s in samples[name]])
               for name, data in leave_one_out(samples, c, scale).items()]
        out.append((c, scale, statistics.mean(aps)))
    return out


def main() -> None:
    if not available():
        raise SystemExit("../shared/eval is not present; nothing to measure")
    started = time.perf_counter()
    lines = clef_lines()
    labels = {name: [y for _, _, y in v] for name, v in lines.items()}
    n_lines = sum(len(v) for v in lines.values())
    n_pos = sum(sum(v) for v in labels.values())
    rng = random.Random(0)
    samples = transcripts()
    held_out = {name: model_from(data) for name, data in leave_one_out(samples).items()}
    shipped = model()

    def scored(m_for, roles: bool = True) -> dict[str, list[float]]:  # type: ignore[no-untyped-def]
        return {name: [score(t, m_for(name), role=r if roles else None).score for t, r, _ in v] for name, v in lines.items()}

    loo = scored(held_out.get)
    rows: list[tuple[str, tuple[float, float, float]]] = [
        ("factcheck, leave-one-document-out (each document ranked by a model fitted without it)", clef_metrics(loo, labels)),
        ("factcheck, leave-one-document-out, speakers' roles not given", clef_metrics(scored(held_out.get, roles=False), labels)),
        ("factcheck, leave-one-document-out, documents joined as plain text and re-segmented by factcheck",
         clef_metrics({name: resegmented(v, held_out[name]) for name, v in lines.items()}, labels)),
        ("factcheck, the shipped model (fitted on all 19 documents: in-sample)", clef_metrics(scored(lambda name: shipped), labels)),
        ("rule: the sentence mentions a number", clef_metrics({n: [number_rule(t) for t, _, _ in v] for n, v in lines.items()}, labels)),
    ]
    randoms = [clef_metrics({n: [rng.random() for _ in v] for n, v in lines.items()}, labels) for _ in range(5)]
    rows.append(("random ranking (mean of 5)", (statistics.mean(r[0] for r in randoms), statistics.mean(r[1] for r in randoms),
                                                statistics.mean(r[2] for r in randoms))))
    grid = _grid(samples)
    from bench.eval.definition_cv import comparison

    definition_rows = comparison(samples)
    defined = definition_labels()
    d_labels = [y for name in sorted(defined) for _, y in sorted(defined[name].items())]
    d_n, d_pos = len(d_labels), sum(d_labels)
    d_rows = [
        ("factcheck, leave-one-document-out", separation([loo[name][i] for name in sorted(defined) for i in sorted(defined[name])],
                                                          d_labels, THRESHOLD)),
        ("rule: the sentence mentions a number", separation([number_rule(lines[name][i][0]) for name in sorted(defined)
                                                              for i in sorted(defined[name])], d_labels, 0.5)),
        ("the CLEF label itself (the line was checked)", separation([float(lines[name][i][2]) for name in sorted(defined)
                                                                      for i in sorted(defined[name])], d_labels, 0.5)),
    ]

    cb = claimbuster()
    texts = [t for t, _ in cb]
    cb_labels = [y for _, y in cb]
    in_clef = {t.strip().lower() for v in lines.values() for t, _, _ in v}
    unseen = [i for i, t in enumerate(texts) if t.strip().lower() not in in_clef]
    cb_scores = [score(t).score for t in texts]
    cb_rows = [
        ("factcheck, all 702 sentences", classify(cb_scores, cb_labels, THRESHOLD)),
        (f"factcheck, the {len(unseen)} sentences not among the CLEF training lines",
         classify([cb_scores[i] for i in unseen], [cb_labels[i] for i in unseen], THRESHOLD)),
        ("rule: the sentence mentions a number", classify([number_rule(t) for t in texts], cb_labels, 0.5)),
    ]

    weights = "\n".join(f"| `{name}` | {value:+.3f} |" for name, value in
                        sorted([("bias", shipped.bias), *shipped.features.items()], key=lambda kv: -abs(kv[1])))
    top = sorted(shipped.words.items(), key=lambda kv: -kv[1])
    fmt = lambda ws: ", ".join(f"{w} {v:+.3f}" for w, v in ws)  # noqa: E731
    text = f"""# Evaluation: how well factcheck finds check-worthy statements

Generated by `python bench/eval/run.py` on {date.today()} (Python {platform.python_version()}, {time.perf_counter() - started:.0f} s);
do not edit by hand. Data from `../shared/eval` (read there, never copied): the CLEF 2019 CheckThat!
task 1 training transcripts ({len(lines)} documents, {n_lines:,} lines, {n_pos} labelled check-worthy) and the
ClaimBuster two-class test sentences ({len(cb)} sentences, balanced).

The score is `factcheck.core.checkworthiness.score`: a logistic regression over {len(shipped.features)} named features
(hand-made: figures, comparisons, superlatives, proper nouns, dates and periods, attribution, records of
actions, statistical vocabulary; hedges, opinion, promises, questions, address to the listener, short
sentences, stage directions; and in a transcript the speaker's role: moderator, audience, system) and
{len(shipped.words):,} words. The model is the package's data file `factcheck/data/checkworthiness.json`, written by
`bench/eval/fit.py` (class-balanced logistic regression, scikit-learn's liblinear) from the CLEF
transcripts, read with factcheck's own transcript reader: since issue 20's fourth session, their 12,262
lines of five words or more labelled by ClaimBuster's definition of a check-worthy factual statement
(below), and CLEF's own label on the lines no one would label (shorter ones, stage directions). So:

- on CLEF, the in-sample figure flatters; the **leave-one-document-out** figure (the model refitted 19
  times, each time without the document being ranked) is the honest one, and the one the settings were
  chosen by (below);
- **ClaimBuster was never used for fitting** nor for choosing settings; it is classified at the fixed
  threshold {THRESHOLD} (where factcheck calls a sentence check-worthy; why that threshold: below the ClaimBuster table).
  It is not a blind test: its accuracy was looked at while features were tried (see *How the model was chosen*:
  in the second session of issue 20 twice, for two models, and in the third once, for a model trained on
  ClaimBuster's definition that was not shipped: all three are given there; in the fourth, once, for the model
  now shipped, chosen by cross-validation before the look: the table below), and {len(texts) - len(unseen)} of its sentences are
  also CLEF training lines (2016 debates), mostly labelled otherwise there; the second row leaves them out.
- Average precision and P@k break ties at random (mean of {TIE_ORDERS} seeded orders): the number
  rule scores only 0 or 1, and the ClaimBuster file lists its check-worthy sentences first, so a
  stable sort would credit the rule with the data's order.

## CLEF 2019 CheckThat! task 1 (training transcripts): ranking every line

| scorer | MAP | R-precision | P@10 |
|---|---|---|---|
""" + "\n".join(f"| {a} | {m[0]:.3f} | {m[1]:.3f} | {m[2]:.3f} |" for a, m in rows) + """

Points of comparison published by the lab (on its *test* documents, not these): best 2019 system MAP
0.166; "mentions a number" about 0.079; random about 0.034. Before issue 20 (hand-made features only,
constants in the code) the leave-one-document-out MAP here was 0.223, and 0.136 on the 2019 test
documents (measured by others, held out). The comparison that matters is within this table; the
held-out test sets are measured by others.

## ClaimBuster two-class test sentences: classifying each sentence

| scorer | accuracy | precision | recall | F1 (check-worthy) | average precision |
|---|---|---|---|---|---|
""" + "\n".join(f"| {a} | " + " | ".join(f"{x:.3f}" for x in m) + " |" for a, m in cb_rows) + """

Published points of comparison: the number rule reaches accuracy 0.708, F1 0.635 (../shared/eval/README.md);
before issue 20 factcheck reached accuracy 0.811, F1 0.811; the model trained on CLEF's labels alone
(shipped until issue 20's fourth session) 0.809, F1 0.811, average precision 0.890; a model trained on
5,700 lines labelled by ClaimBuster's definition (third session, not shipped) 0.818. """ + ("**The issue's target, accuracy 0.85, is reached.**" if cb_rows[0][1][0] >= 0.85 else "**The issue's target, accuracy 0.85, is not reached.**") + """ CLEF's own labels mark the few sentences an
outlet chose to check (2.7%), a narrower idea than ClaimBuster's "check-worthy factual statement"; the
shipped model is trained on that definition instead (12,262 CLEF lines labelled by it, below). Even a
teacher that reads a sentence-embedding model (all-MiniLM-L6-v2) reached only 0.833 balanced accuracy in
the same cross-validation (`bench/eval/teacher_cv.md`), and could not ship (about 100 lines a second).

**Why the threshold is 0.5.** The model is fitted with its two classes weighted to weigh the same, so its
output is the probability that a line is checked had checked and unchecked lines been equally frequent:
0.5 is the prior-corrected threshold for a balanced test set such as this one, fixed by that rule and
not by looking at ClaimBuster (for the model trained on ClaimBuster's definition, whose positives are
ClaimBuster's class itself, it is that class's balanced threshold directly). It holds for ClaimBuster's broader class too: if an outlet checks a fixed
share c of the check-worthy statements, picked at random (the "labelled positives, unlabelled rest" model
of Elkan and Noto, 2008), P(check-worthy | x) = P(checked | x) / c, and the balanced decision
P(check-worthy | x) >= P(check-worthy) is P(checked | x) >= P(checked), which is 0.5 on the balanced
model, whatever c is. Recall and precision on ClaimBuster (above) are close to each other, as they
should be at the right threshold: what holds accuracy near 0.81 is the ranking (average precision 0.89),
not the threshold. The same model also says why CLEF's labels alone cannot teach more: under it the
best ranking of "checked" is the best ranking of "check-worthy", and where an outlet's choices are not
random (the other candidate, guns, borders) a model learns its choices, not the broader class.

## ClaimBuster's definition on CLEF training lines (a development set)

`bench/eval/claimbuster_definition.tsv`: """ + f"{d_n} CLEF training lines ({d_pos} check-worthy factual statements)" + """, drawn at random
among the speakers' lines of five words or more and labelled once by ClaimBuster's definition (label 1:
a check-worthy factual statement; 0: an opinion, a promise, a question, or a fact nobody would check)
by the helper session of issue 20 (an AI model), without having seen the ClaimBuster test sentences, and
not checked by a person. The lines are named by CLEF line number, never copied. Each line is scored by the
model fitted without its document; the figure is balanced accuracy at the threshold (the mean of the two
classes' recalls: this set is not balanced, ClaimBuster is) and the area under the ROC curve. It lets a
change be measured against ClaimBuster's idea of check-worthiness without spending a look at ClaimBuster;
it is small and its labels are one annotator's, so differences under 0.02 are noise, and it did not
foretell ClaimBuster's accuracy: of the two models of the second session measured on both, the one it
ranked better (0.845 against 0.821) did worse on ClaimBuster (0.803 against 0.815). The table is the
shipped model's.

| scorer | balanced accuracy | recall of label 1 | recall of label 0 | ROC AUC |
|---|---|---|---|---|
""" + "\n".join(f"| {a} | " + " | ".join(f"{x:.3f}" for x in m) + " |" for a, m in d_rows) + """

## Training on ClaimBuster's definition (issue 20, third and fourth sessions; shipped since the fourth)

`bench/eval/claimbuster_definition_train.tsv`: 5,000 more CLEF training lines, drawn at random
(`bench/eval/sample_definition.py`, seed 20) among all speakers' lines of five words or more (560 of them
moderators', 131 the audience's or press's; the development set drew candidates' lines only), leaving out
the development set's 700 and any line whose text is also a ClaimBuster test sentence (matched by the
script, never shown), and labelled once by ClaimBuster's definition (Hassan et al., 2017: a factual claim
the public would want verified; not an opinion, promise, question, greeting, or unimportant or personal
fact) by the helper session of issue 20's third session (an AI model), each line read alone with its
speaker, without seeing ClaimBuster's test sentences; not checked by a person. 817 are check-worthy
factual statements (16%; the development set's labeller marked 23%: this labeller was stricter with lines
no outlet checked, and as strict with the ones checked, two thirds of which it marks 1). By reference only.
In the fourth session `bench/eval/claimbuster_definition_train2.tsv` added the pool's other 6,562 lines
(`sample_definition.py --rest`, seed 21), labelled the same way by another helper session, 850 of them
check-worthy (13%), calibrated on 100 of the earlier file's lines; not checked by a person.

With the development set, 12,262 labelled lines. `bench/eval/definition_cv.py` compares ways to train on
them, each by cross-validation by document (every document held out in turn: the model is fitted on the
other 18 documents' lines and labels, never on a held-out line's label). CLEF MAP ranks each held-out
document by CLEF's label; the next columns are over the 12,262 labelled lines (balanced accuracy at 0.5,
the accuracy expected on a balanced test such as ClaimBuster's, and ROC AUC), then over the 700 of the
development set alone (another labeller's habits):

| trained on | CLEF MAP | balanced accuracy | ROC AUC | development set: balanced accuracy | ROC AUC |
|---|---|---|---|---|---|
""" + "\n".join(f"| {a} | {r['map']:.4f} | {r['bal_acc']:.3f} | {r['auc']:.3f} | {r['dev_bal_acc']:.3f} | {r['dev_auc']:.3f} |"
                for a, r in definition_rows) + """

The labels teach what CLEF's do not: balanced accuracy on the labelled lines rises from about 0.75 to
0.81 and the AUC from 0.82 to 0.89, with the CLEF ranking held or better (MAP 0.236 against 0.231), and the
words can weigh more (0.3 of a hand feature, where CLEF's labels wanted 0.05). The gain grows with the
number of labels (with the 5,000 of the third session: AUC 0.883; a quarter, half and all of the 11,562
training labels: 0.874, 0.885, 0.894), by about 0.01 a doubling: more labels alone will not reach 0.85. Also compared, in exploratory runs
of the same script: C 0.3 and 3 at words 0.2 (balanced accuracy 0.793, 0.807 against 0.801), words at 0.1
and 0.5 (0.790, 0.803), labelled lines weighing 3 in the last two schemes (0.802, 0.776: no better), word
pairs besides words (AUC +0.003, balanced accuracy +0.003: not worth a second lookup per word).
The shipped model is the fourth row, chosen by these figures alone; the first row is the model shipped
before (`bench/eval/fit.py --candidate PATH` writes it, for comparison): the same class-balanced logistic
regression and features, so scoring costs the same (BENCHMARKS.md).

**ClaimBuster look 3** (the third look at the test set in issue 20, the only one for this candidate, made
once it was chosen): accuracy 0.818, precision 0.825, recall 0.806, F1 0.816, average precision 0.910; on
the 624 sentences CLEF does not hold, accuracy 0.819, F1 0.813 (the shipped model: 0.816, 0.815). It was
computed once, and once more from the file `fit.py --candidate` writes, to check that file is the same
model (it gave the same figures); no setting was changed after it. The
ranking improved (average precision 0.890 to 0.910) but accuracy did not reach 0.85, so that candidate was
not shipped. **ClaimBuster look 4** (fourth session): the same scheme trained on all 12,262 labels, chosen
by the cross-validation above before looking and shipped because it is better than the model shipped
before on every cross-validated measure; its ClaimBuster figures are the table's first rows.

## How the model was chosen

Leave-one-document-out MAP (continuous scores, ties in file order) of the settings `bench/eval/fit.py --cv`
compares, on the labels the shipped model is trained on; the shipped setting is C = 1, word weight 0.3:

| C (inverse L2 strength) | weight of a word against a hand feature | MAP |
|---|---|---|
""" + "\n".join(f"| {c} | {s} | {m:.4f} |" for c, s, m in grid) + f"""

Tried during issue 20 and left out, by the same measure in exploratory runs, all on CLEF's labels (the model
shipped then; not regenerated by this script; each against the model it would have changed, given second):
- words at full weight (0.20); word pairs besides words (0.230, ten times the features); character
  3- and 4-grams within words besides words (0.227 against 0.231, four times the features, and the
  slowest to score);
- the neighbouring lines: their hand features as features (0.211), the previous and next lines' scores
  added to a line's (0.222 at weight 0.2, falling with the weight), the previous line's score added to
  short or anaphoric follow-ups by the same speaker (0.227 at 0.2): check-worthy lines do come in runs,
  but what makes a line's neighbour check-worthy is already in the line's own words;
- turn structure (first line of a turn, a one-line turn: 0.227 against 0.229); the previous line's
  speaker's role, whether the line answers a question, the last line of a turn (0.228 against 0.231);
- lexicon features for "never/every/always", "the first/the only/record" and policy words
  (support, oppose, law, ban, plan...): 0.226 against 0.230;
- the quantity finder in place of "digits or a number word" (0.230 against 0.231), and the entity
  finder (dropped: it cost half the scoring time).
The speaker's role is the context that helps: see the second row of the CLEF table.

Tried in the second session of issue 20, for ClaimBuster's target, and left out (leave-one-document-out
MAP against 0.2309; "dev AUC" is the ROC AUC on the development set above, against 0.827):
- hand features, each added alone: I/we followed within three words by a verb of record or have/did
  (0.2293; its weight on CLEF is negative: outlets rarely check what a speaker says of themself),
  any pronoun followed by a verb of record (0.2283), a negation (0.2247), "there is/are/was/were"
  (0.2297), an opening "well/look/so/now/yes..." (0.2303), five length bins in place of short/long
  (0.2267), two or more proper nouns (0.2303), a subjective adjective from Pattern's subjectivity
  lexicon (De Smedt and Daelemans, PDDL; subjectivity >= 0.6: 0.2303), a modal or intention "will,
  should, must, going to, need to, want to" (0.2321), an intensifier (0.2310), a perfect tense
  (0.2293); the eight of them together 0.2290 (dev AUC 0.821). **ClaimBuster look 1**, that model:
  accuracy 0.815, F1 0.815, average precision 0.893 (against 0.809, 0.811, 0.890);
- training on the development set's labels as well (each of its lines labelled checked if either label
  says so, weighing 3 lines): MAP 0.2296, dev AUC 0.845 (each line scored by a model fitted without its
  document, so without its own label). **ClaimBuster look 2**, that model: accuracy 0.803, F1 0.808,
  average precision 0.895. In a variant (a second model fitted on those labels alone, added), half of
  the labels gave the dev AUC of all of them (0.841): more labels of this kind would not help a linear
  model of these features;
- part-of-speech tags from Brill's lexicon (as shipped by TextBlob) as features: 0.213-0.214, tag pairs
  0.202-0.208; function words (pronouns, modals, auxiliaries...) at a hand feature's weight:
  0.176-0.203; words at weight 0.1 or 0.2 (0.2269, 0.2197; AUC on the first 200 labelled lines 0.848,
  0.821 against 0.858); character 3- and 4-grams at weight 0.02 besides words: 0.2267 (dev AUC 0.835);
- the lines next to a checked line, by the same speaker, as positives of weight 0.3: 0.2299 (dev
  balanced accuracy lower); gradient-boosted trees over the hand features: 0.218 (dev AUC 0.800).

The threshold (checked in the seventh session, on the labelled CLEF lines only, each scored by the model that did
not see its document: `python bench/eval/definition_cv.py --sweep`): the balanced accuracy is flat around 0.5
(0.8107 at 0.40, 0.8131 at 0.44, 0.8144 at 0.48, 0.8131 at 0.50, 0.8120 at 0.52, 0.8089 at 0.55). The two
recalls cross near 0.47, but no threshold separates better by more than the noise (0.001), so 0.5 stays: moving it
would be chosen by ClaimBuster's test, whose asymmetry of recalls has been seen.

## The fitted weights

Named features (the words are in the data file; the strongest: {fmt(top[:12])}; the most negative:
{fmt(top[-8:][::-1])}):

| feature | weight |
|---|---|
{weights}

## Reading these figures

- The strongest words show what the training debates (2016-2019, mostly Donald Trump) were about: the
  other candidate, guns, borders, money. Trained on CLEF's labels alone a word had to weigh a twentieth of
  a hand-made feature, or the model learned the debates' topics; on ClaimBuster's definition it weighs 0.3.
- CLEF's labels mark the few sentences a fact-checking outlet actually checked (2.7%), so precision
  is low for every scorer; the lab's best system had MAP 0.166 on its test documents.
- ClaimBuster's label 1 means "check-worthy factual statement"; its sentences are balanced, so
  accuracy is meaningful there and 0.5 is a natural threshold. Its sentences come without speakers.
- The re-segmented row checks the whole pipeline on plain text: factcheck splits the joined transcript
  itself (no speakers, no roles) and each line takes the best score of the sentences overlapping it.
- Scoring speed is in BENCHMARKS.md (`python bench/checkworthiness_speed.py`).
"""
    path = ROOT / "EVALUATION.md"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    kept = old[old.index("<!-- statistics:start -->"):] if "<!-- statistics:start -->" in old else ""
    path.write_text(text + ("\n" + kept if kept else ""), encoding="utf-8")  # the statistics section is bench/eval/statistics/run.py's
    print(text)


if __name__ == "__main__":
    main()
