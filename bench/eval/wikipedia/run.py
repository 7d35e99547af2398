"""factcheck over real Wikipedia articles (issue 16, item 1): counts per article and the audit re-scored.

    python bench/eval/wikipedia/run.py                    # every article, 2 processes: 2-4 minutes (239 articles, 10 MB)
    python bench/eval/wikipedia/run.py --unaudited        # also print each decided claim nobody has labelled yet
    python bench/eval/wikipedia/run.py --write-evaluation # also rewrite the wikipedia section of EVALUATION.md
    python bench/eval/wikipedia/run.py --json out.json    # also write the per-article numbers and totals
    python bench/eval/wikipedia/run.py --articles DIR     # another set of articles (a held-out one)
    python bench/eval/wikipedia/run.py --report R.json    # score a saved `factcheck check ... --format json` report

Data: ``../shared/eval/wikipedia-2019/articles`` beside the repository (see ../shared/eval/README.md);
nothing of it is copied here. Each article is checked in-process through the engine the CLI uses, with
the built-in sources only and the document date 2019-07-20: what

    factcheck check DIR --no-config --doc-date 2019-07-20 --format json

reports (run from a folder without a ``sources/`` directory): the per-article numbers were checked equal
to that command's. Measured on the project's shared machine: 126 s and 238 s with 2 processes (the CLI
took 242 s there at the same time of day); ``--report`` re-scores a saved report in about 10 s. Findings are counted with
``factcheck.outcome.findings``, the list every finding format prints.

Every contradicted and supported claim is matched to ``audit.tsv`` by (file, offset, figure) and counted
as genuine, misreading (by class) or not yet audited; audited rows the run no longer produces are
listed as "audited, no longer found" (and the genuine ones as "genuine lost").
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from bench.eval.wikipedia.audit import (  # noqa: E402
    AUDIT, GENUINE_CLASSES, MISREADING_CLASSES, VERDICTS, AuditError, Key, Row, read,
)

DATA = ROOT.parent / "shared" / "eval" / "wikipedia-2019"
DOC_DATE = date(2019, 7, 20)
JOBS = 2
SENTENCE_CHARS = 400
START, END = "<!-- wikipedia:start -->", "<!-- wikipedia:end -->"


@dataclass(frozen=True)
class Decided:
    """A contradicted or supported claim: where, what was read, and against what."""

    file: str
    offset: int
    figure: str
    verdict: str
    subject: str | None
    measure: str | None
    period: str | None
    reason: str | None
    reference: str | None
    sentence: str  # up to SENTENCE_CHARS, the figure marked with >>> <<<

    @property
    def key(self) -> Key:
        return (self.file, self.offset, self.figure)


@dataclass
class Article:
    file: str
    claims: int
    findings: int
    contradicted: int
    supported: int
    decided: list[Decided] = field(default_factory=list)
    uncertain: int = 0  # uncertain_reading: the record disagrees, the reading is too weak to contradict
    now: dict[tuple[int, str], str] = field(default_factory=dict)  # (offset, figure) -> reason, of every claim


# ---- checking ----

def article_paths(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.md"), key=lambda p: p.name)


def check(paths: list[Path], jobs: int = JOBS) -> Iterator[dict[str, Any]]:
    """Each article's part of the report, in order, as ``factcheck check --no-config --jobs N`` makes it."""
    from factcheck import batch
    from factcheck.cachedir import cache_dir
    from factcheck.config import Config
    from factcheck.core.matching import Settings
    from factcheck.engine import load_sources

    cfg = Config.model_validate({})  # --no-config: the defaults
    catalogue = load_sources([], cache_dir() / "index", builtin=cfg.builtin_sources)
    settings = Settings(cfg.min_match_score, cfg.tolerance, DOC_DATE, cfg.vintage_years)
    job = batch.Job(cfg.tolerance, settings, {})
    for part, _ in batch.on_cores([str(p) for p in paths], catalogue, job, jobs):  # forks after loading the sources
        yield part


def saved(report: Path) -> Iterator[dict[str, Any]]:
    """The documents of a saved ``factcheck check --format json`` report."""
    yield from json.loads(report.read_text(encoding="utf-8"))["documents"]


def _marked(claim: dict[str, Any], sentence: dict[str, Any] | None) -> str:
    """The claim's sentence, the figure between >>> and <<<, at most SENTENCE_CHARS characters around it."""
    text = sentence["text"] if sentence else claim["text"]
    figure = claim["text"]
    at = claim["location"]["start"] - sentence["location"]["start"] if sentence else -1
    if not (0 <= at and text[at:at + len(figure)] == figure):
        at = text.find(figure)
    if at < 0:
        body = text
    else:
        body = f"{text[:at]}>>>{figure}<<<{text[at + len(figure):]}"
        at += 3
    body = " ".join(body.split()) if len(body) <= SENTENCE_CHARS else body
    if len(body) > SENTENCE_CHARS:
        lo = max(0, min(at - SENTENCE_CHARS // 2, len(body) - SENTENCE_CHARS))
        body = ("…" if lo else "") + " ".join(body[lo:lo + SENTENCE_CHARS].split()) + ("…" if lo + SENTENCE_CHARS < len(body) else "")
    return body


def reduce(part: dict[str, Any]) -> Article:
    """One document's counts and its decided claims."""
    from factcheck.core.reasons import listed
    from factcheck.outcome import findings

    file = Path(part["path"]).name
    sentences = part.get("sentences") or []
    sentence_of = {c["id"]: sentences[c["sentence"]] for c in part["claims"] if 0 <= c["sentence"] < len(sentences)}
    claims = part["claims"]
    decided = [
        Decided(file, c["location"]["start"], c["text"], c["verdict"],
                c["subject"]["name"] if c["subject"] else None, c["measure"],
                c["period"]["text"] if c["period"] else None, c["reason"], c["reference"],
                _marked(c, sentence_of.get(c["id"])))
        for c in claims if c["verdict"] in VERDICTS
    ]
    shown = [c for c in claims if listed(c["reason"])]  # what check lists without --all-findings
    return Article(file, len(claims), len(findings({"documents": [{**part, "claims": shown}]})),
                   sum(c["verdict"] == "contradicted" for c in claims), sum(c["verdict"] == "supported" for c in claims),
                   decided, sum(c["reason"] == "uncertain_reading" for c in claims),
                   {(c["location"]["start"], c["text"]): c["reason"] for c in claims})


# ---- scoring against the audit ----

@dataclass
class Split:
    """The decided claims of one verdict, by the audit."""

    total: int = 0
    genuine: Counter[str] = field(default_factory=Counter)     # class -> count
    misreading: Counter[str] = field(default_factory=Counter)  # class -> count
    unaudited: list[Decided] = field(default_factory=list)
    gone: list[Row] = field(default_factory=list)  # audited with this verdict, no longer produced with it
    close: list[Row] = field(default_factory=list)  # audited contradictions now close_to_record: the record named, a miss under the spread
    genuine_found: list[tuple[Decided, Row]] = field(default_factory=list)
    misread_found: list[tuple[Decided, Row]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"total": self.total, "genuine": sum(self.genuine.values()), "genuine_by_class": dict(self.genuine),
                "misreading": sum(self.misreading.values()), "misreading_by_class": dict(self.misreading),
                "not_yet_audited": len(self.unaudited),
                "audited_no_longer_found": len(self.gone),
                "audited_now_close_to_record": len(self.close),
                "genuine_lost": [{"file": r.file, "offset": r.offset, "figure": r.figure} for r in self.gone if r.label == "genuine"]}


def score(articles: list[Article], rows: list[Row]) -> dict[str, Split]:
    files = {a.file for a in articles}
    audit = {r.key: r for r in rows if r.file in files}  # rows of articles not checked are none of this run's business
    splits = {v: Split() for v in VERDICTS}
    produced: set[tuple[Key, str]] = set()
    for a in articles:
        for d in a.decided:
            split = splits[d.verdict]
            split.total += 1
            produced.add((d.key, d.verdict))
            row = audit.get(d.key)
            if row is None or row.verdict != d.verdict:  # a verdict that changed needs reading again
                split.unaudited.append(d)
            elif row.label == "genuine":
                split.genuine[row.cls] += 1
                split.genuine_found.append((d, row))
            else:
                split.misreading[row.cls] += 1
                split.misread_found.append((d, row))
    now = {(a.file, *key): reason for a in articles for key, reason in a.now.items()}
    for row in audit.values():
        if (row.key, row.verdict) not in produced:
            close = now.get((row.file, row.offset, row.figure)) == "close_to_record"
            (splits[row.verdict].close if close else splits[row.verdict].gone).append(row)
    return splits


# ---- output ----

def _counts(c: Counter[str], order: Iterable[str]) -> str:
    return ", ".join(f"{k} {c[k]}" for k in order if c[k]) or "none"


def print_summary(articles: list[Article], splits: dict[str, Split], seconds: float | None) -> None:
    width = max([len(a.file) for a in articles] + [7])
    print(f"{'article':<{width}}  {'claims':>7} {'findings':>8} {'contra':>6} {'supp':>5}")
    for a in articles:
        print(f"{a.file:<{width}}  {a.claims:>7} {a.findings:>8} {a.contradicted:>6} {a.supported:>5}")
    t = totals(articles)
    print()
    print(f"total: {t['articles']} articles, {t['claims']} claims, {t['findings']} findings "
          f"(median {t['median_findings']:g}, max {t['max_findings']} per article), "
          f"{t['contradicted']} contradicted, {t['supported']} supported, {sum(a.uncertain for a in articles)} uncertain readings"
          + (f"; checked in {seconds:.0f} s with {JOBS} processes" if seconds is not None else ""))
    for verdict, s in splits.items():
        mis = sum(s.misreading.values())
        print(f"{verdict} {s.total}: genuine {sum(s.genuine.values())} ({_counts(s.genuine, GENUINE_CLASSES)}), "
              f"misreading {mis} ({_counts(s.misreading, MISREADING_CLASSES)}), not yet audited {len(s.unaudited)}")
        if s.close:
            near = sum(r.label == "genuine" for r in s.close)
            print(f"  {verdict}, audited, now close_to_record (a miss under --spread): {len(s.close)} "
                  f"(genuine {near}, misreading {len(s.close) - near})")
        if s.gone:
            lost = [r for r in s.gone if r.label == "genuine"]
            print(f"  {verdict}, audited, no longer found: {len(s.gone)} (genuine {len(lost)}, misreading {len(s.gone) - len(lost)})")
            now = {(a.file, *key): reason for a in articles for key, reason in a.now.items()}
            for r in lost:
                print(f"  GENUINE LOST: {r.file} @{r.offset} {r.figure!r} ({r.cls}), now {now.get((r.file, r.offset, r.figure), 'no claim')}")


def print_misreadings(splits: dict[str, Split]) -> None:
    """The decided claims the audit calls misreadings: what is left to fix."""
    for verdict, s in splits.items():
        for d, row in sorted(s.misread_found, key=lambda pair: pair[0].key):
            print(f"\n{d.file}\t{d.offset}\t{d.figure}\t{verdict}\tmisreading:{row.cls}")
            print(f"  subject: {d.subject}  measure: {d.measure}  period: {d.period}  reason: {d.reason}  reference: {d.reference}")
            print(f"  {d.sentence}")


def print_unaudited(splits: dict[str, Split]) -> None:
    for verdict, s in splits.items():
        for d in sorted(s.unaudited, key=lambda d: d.key):
            print(f"\n{d.file}\t{d.offset}\t{d.figure}\t{verdict}")
            print(f"  subject: {d.subject}  measure: {d.measure}  period: {d.period}  reason: {d.reason}  reference: {d.reference}")
            print(f"  {d.sentence}")


def totals(articles: list[Article]) -> dict[str, Any]:
    found = [a.findings for a in articles]
    return {
        "articles": len(articles),
        "claims": sum(a.claims for a in articles),
        "findings": sum(found),
        "median_findings": statistics.median(found) if found else 0,
        "max_findings": max(found, default=0),
        "contradicted": sum(a.contradicted for a in articles),
        "supported": sum(a.supported for a in articles),
        "uncertain_readings": sum(a.uncertain for a in articles),
    }


def as_json(articles: list[Article], splits: dict[str, Split], folder: Path) -> dict[str, Any]:
    return {
        "doc_date": DOC_DATE.isoformat(),
        "articles_dir": str(folder),
        "totals": totals(articles),
        "audit": {v: s.as_dict() for v, s in splits.items()},  # each verdict's claims: genuine, misreading, not yet audited
        "articles": [{k: v for k, v in asdict(a).items() if k not in ("decided", "now")} for a in articles],
    }


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def evaluation_section(articles: list[Article], splits: dict[str, Split]) -> str:
    t = totals(articles)
    c, s = splits["contradicted"], splits["supported"]
    cm, sm = sum(c.misreading.values()), sum(s.misreading.values())
    lines = [
        "## Real articles: Wikipedia, July 2019 (issue 16)",
        "",
        f"Generated by `python bench/eval/wikipedia/run.py --write-evaluation` on {date.today().isoformat()}; do not edit by hand.",
        f"{t['articles']} country, \"Demographics of ...\" and \"Economy of ...\" articles (../shared/eval/wikipedia-2019, the",
        "development half), checked as `factcheck check DIR --no-config --doc-date 2019-07-20` would (built-in",
        "World Bank population and GDP only). Every contradicted and supported claim is labelled by a person in",
        "`bench/eval/wikipedia/audit.tsv` (by reference: file, offset, figure): genuine (the figure is the",
        "country's own total for that period) or a misreading, by class.",
        "",
        "| measurement | result | target |",
        "|---|---|---|",
        f"| claims | {t['claims']:,} | |",
        f"| findings (the list the formats print) | {t['findings']:,} | |",
        f"| findings per article: median / max | {t['median_findings']:g} / {t['max_findings']:,} | median <= 15 |",
        f"| contradicted | {c.total:,} | |",
        f"| of which genuine | {sum(c.genuine.values())} | all kept |",
        f"| of which misreadings | {cm} = **{_pct(cm, c.total)}** | <= 2% |",
        f"| of which not yet audited | {len(c.unaudited)} | 0 |",
        f"| supported | {s.total} | |",
        f"| of which genuine | {sum(s.genuine.values())} | all kept |",
        f"| of which misreadings | {sm} = {_pct(sm, s.total)} | |",
        f"| of which not yet audited | {len(s.unaudited)} | 0 |",
        f"| audited contradictions now `close_to_record` (a miss under the 1% spread): genuine / misreading | "
        f"{sum(r.label == 'genuine' for r in c.close)} / {sum(r.label != 'genuine' for r in c.close)} | |",
        f"| audited, no longer found (contradicted / supported) | {len(c.gone)} / {len(s.gone)} | |",
        f"| genuine lost (contradicted / supported) | {sum(r.label == 'genuine' for r in c.gone)} / "
        f"{sum(r.label == 'genuine' for r in s.gone)} | 0 |",
        "",
        "Misreadings by class:",
        "",
        "| class | contradicted | supported |",
        "|---|---|---|",
    ]
    for cls in MISREADING_CLASSES:
        if c.misreading[cls] or s.misreading[cls]:
            lines.append(f"| {cls} | {c.misreading[cls]} | {s.misreading[cls]} |")
    for verdict, split in (("contradictions", c), ("supported country totals", s)):
        lines += ["", f"Genuine {verdict} (file, figure, reference, class):", ""]
        found = sorted(split.genuine_found, key=lambda pair: pair[0].key)
        lines += [f"- {d.file} @{d.offset} \"{d.figure}\" vs {d.reference} ({r.cls})" for d, r in found] or ["- none"]
        lost = [r for r in split.gone if r.label == "genuine"]
        now = {(a.file, *key): reason for a in articles for key, reason in a.now.items()}
        lines += [f"- LOST: {r.file} @{r.offset} \"{r.figure}\" ({r.cls}), now {now.get((r.file, r.offset, r.figure), 'no claim')}"
                  for r in lost]
    lines += ["", "Per article (claims / findings / contradicted / supported):", "",
              "| article | claims | findings | contradicted | supported |", "|---|---|---|---|---|"]
    lines += [f"| {a.file} | {a.claims} | {a.findings} | {a.contradicted} | {a.supported} |" for a in articles]
    return "\n".join(lines) + "\n"


def write_evaluation(section: str, path: Path = ROOT / "EVALUATION.md") -> None:
    """Replace the text between the wikipedia markers, or add the section after the existing content."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    block = f"{START}\n{section}{END}"
    if START in text and END in text:
        text = text[:text.index(START)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


# ---- main ----

def articles_folder(arg: Path | None) -> Path:
    """--articles DIR (a folder of articles, or one holding articles/), else the shared development set."""
    folder = arg if arg is not None else DATA / "articles"
    return folder / "articles" if (folder / "articles").is_dir() else folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=Path, metavar="DIR", help=f"the articles (default: {DATA / 'articles'})")
    parser.add_argument("--report", type=Path, metavar="FILE", help="score a saved `factcheck check --format json` report instead of checking")
    parser.add_argument("--audit", type=Path, default=AUDIT, metavar="FILE", help="the audit file (default: audit.tsv beside this script)")
    parser.add_argument("--jobs", type=int, default=JOBS, metavar="N", help=f"worker processes (default {JOBS})")
    parser.add_argument("--unaudited", action="store_true", help="print every decided claim not yet audited, for a person to label")
    parser.add_argument("--misreadings", action="store_true", help="print every decided claim the audit calls a misreading")
    parser.add_argument("--write-evaluation", action="store_true", help="rewrite the wikipedia section of EVALUATION.md")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write per-article numbers and totals as JSON")
    args = parser.parse_args(argv)

    try:
        rows = read(args.audit)
    except AuditError as exc:
        print(f"bench/eval/wikipedia: {exc}", file=sys.stderr)
        return 2
    folder = articles_folder(args.articles)
    paths = article_paths(folder) if folder.is_dir() else []
    if not paths and args.report is None:
        print(f"bench/eval/wikipedia: no articles at {folder} (see ../shared/eval/README.md); nothing measured", file=sys.stderr)
        return 0
    t0 = time.perf_counter()
    parts = saved(args.report) if args.report else check(paths, args.jobs)
    articles = sorted((reduce(p) for p in parts), key=lambda a: a.file)
    seconds = None if args.report else time.perf_counter() - t0
    splits = score(articles, rows)
    print_summary(articles, splits, seconds)
    if args.misreadings:
        print_misreadings(splits)
    if args.unaudited:
        print_unaudited(splits)
    if args.json:
        args.json.write_text(json.dumps(as_json(articles, splits, folder), indent=1) + "\n", encoding="utf-8")
    if args.write_evaluation:
        write_evaluation(evaluation_section(articles, splits))
        print(f"wrote the wikipedia section of {ROOT / 'EVALUATION.md'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
