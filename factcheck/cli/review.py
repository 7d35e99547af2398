"""``factcheck review PATH...``: step through the claims, worst verdicts first, and record decisions.

Keys (shown on screen; type one and press Enter):
    a  accept     the verdict stands; its finding stops counting
    d  dispute    the claim is wrong: give a note (``d the ministry says 94,000``)
    i  ignore     not worth checking; its finding stops counting
    s  skip       decide later
    q  quit       stop; decisions so far are saved

Each decision is written to the review file at once (atomically), so an
interrupted session loses nothing. With ``--script FILE`` (or ``-`` for
stdin) the keys come one a line from the script, which is how tests and
editors drive it; without a script, stdin must be a terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, Literal

from ..errors import EXIT_OK, UsageError
from ..report.safe import printable
from ..report.table import evidence_value
from ..review import KEYS, Decision, Item, decide, queue
from .check import _documents
from .common import add_checking_options, build, prepare

DEFAULT_FILE = Path("factcheck-review.json")
_STYLE = {"supported": "bold green", "contradicted": "bold red", "not_enough_info": "bold yellow"}
_PROMPT = "[a] accept  [d] dispute  [i] ignore  [s] skip  [q] quit > "


def add_parser(sub: argparse._SubParsersAction) -> None:
    review = sub.add_parser("review", help="step through the claims and record accept/dispute/ignore decisions")
    review.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="documents (default: the configured include patterns)")
    add_checking_options(review)
    review.add_argument("--file", type=Path, metavar="FILE",
                        help=f"the review file to read and update (default: the configured baseline, else {DEFAULT_FILE})")
    review.add_argument("--script", metavar="FILE", help="read the keys from FILE, one a line ('-' for stdin) instead of a terminal")
    review.add_argument("--all", action="store_true", help="also show claims already decided")


def run(args: argparse.Namespace) -> int:
    from .. import baseline as baseline_mod  # its pydantic models: built when a review runs, not by every command

    if args.script is None and not sys.stdin.isatty():
        raise UsageError("review is interactive and stdin is not a terminal: pass --script FILE (or --script - to read keys from stdin)")
    keys = _script_keys(args.script) if args.script is not None else _terminal_keys()
    session = prepare(args)
    file = args.file or session.loaded.baseline_path() or DEFAULT_FILE
    data = baseline_mod.read(file) if file.exists() else baseline_mod.BaselineFile()
    report = build(session, [session.check(doc) for doc in _documents(args.paths, session)])
    baseline_mod.apply(report, data, file)
    items = queue(report, args.all)
    from rich.console import Console

    console = Console(highlight=False, force_terminal=None if args.script is None else sys.stdout.isatty())
    if not items:
        console.print(printable(f"Nothing to review: every claim has a decision in {file} (--all shows them again)."), markup=False)
        return EXIT_OK
    counts = {"accepted": 0, "disputed": 0, "ignored": 0, "skipped": 0}
    for n, item in enumerate(items, 1):
        _show(console, item, n, len(items))
        outcome = _ask(console, keys, echo=args.script is not None)
        if outcome is None:
            break
        decision, note = outcome
        if decision == "skip":
            counts["skipped"] += 1
            continue
        data = decide(data, file, item, decision, note, date.today())
        baseline_mod.write(file, data)
        counts[decision] += 1
    console.print(printable(", ".join(f"{v} {k}" for k, v in counts.items()) + f"; decisions are in {file}"), markup=False)
    return EXIT_OK


def _script_keys(script: str) -> Iterator[str]:
    """The keys of a script, one a line; a file is read at once, so a missing one fails before anything is shown."""
    if script == "-":
        return (line.rstrip("\n") for line in sys.stdin)
    from ..engine import not_regular

    problem = not_regular(Path(script))
    if problem:  # a FIFO would wait for a writer, /dev/zero fill the memory (issue 18)
        raise UsageError(f"{script}: cannot read the review script: {problem}")
    try:
        with open(script, encoding="utf-8") as fh:
            return iter(fh.read().splitlines())
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{script}: cannot read the review script: {getattr(exc, 'strerror', None) or exc}") from exc


def _terminal_keys() -> Iterator[str]:
    while True:
        try:
            yield input()
        except EOFError:
            return


def _ask(console: Any, keys: Iterator[str], echo: bool) -> tuple[Decision | Literal["skip"], str] | None:
    """The next decision and its note; None to stop (q, or the keys ran out)."""
    from rich.text import Text
    while True:
        console.print(_PROMPT, end="", markup=False)
        line = next(keys, None)
        if line is None:
            console.print()
            return None
        if echo:  # a scripted key, shown so the transcript reads like a session
            console.print(printable(line), markup=False)
        key, _, note = line.strip().partition(" ")
        key = key.lower()
        if key == "q":
            return None
        if key == "s":
            return "skip", ""
        if key in KEYS:
            note = note.strip()
            if key == "d" and not note:
                console.print("note (why is the claim wrong?): ", end="", markup=False)
                note = (next(keys, None) or "").strip()
                if not note:
                    console.print("[red]a dispute needs a note; choose again[/]")
                    continue
            return KEYS[key], note
        console.print(Text(f"unknown key '{printable(line.strip())}'", style="red") + Text(": type a, d, i, s or q"))


def _show(console: Any, item: Item, n: int, total: int) -> None:
    from rich.panel import Panel
    from rich.text import Text

    c = item.claim
    loc = c["location"]
    sentence = Text(printable(item.sentence))
    at = item.sentence.find(c["text"])
    if at >= 0:
        sentence.stylize("bold reverse", at, at + len(c["text"]))
    body = Text()
    body.append(f"{c['verdict'].replace('_', ' ')}", style=_STYLE[c["verdict"]])
    body.append(f" ({c['reason']})")
    if c["finding"]:
        body.append(f"  {c['finding']['code']} {c['finding']['name']}", style="dim")
    body.append("\n\n")
    body.append_text(sentence)
    body.append(f"\n\n{printable(c['explanation'])}\n")
    for e in c["evidence"][:5]:
        role = "origin" if e["origin"] else "independent"
        body.append(printable(f"\n• {e['source']} row {e['record']}: {evidence_value(e)} ({e['period']['text'] if e['period'] else 'no period'}), "
                              f"{role}; {e['url'] or 'no URL'}"), style="dim")
    if c["review"]:
        body.append(printable(f"\n\nearlier decision: {c['review']['decision']} {c['review']['note']}"), style="italic")
    title = Text(printable(f"[{n}/{total}] {item.path}:{loc['line']}:{loc['column']}"))
    console.print(Panel(body, title=title, title_align="left"))

