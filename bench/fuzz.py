"""Fuzz the whole path, text to every output format, over many inputs; report crashes, time and memory.

    python bench/fuzz.py [N] [M]    # default 200,000 inputs on every core (about 15 minutes here),
                                    # then M (default 60) hostile servers and killed workers

The same properties as tests/test_fuzz.py (no exception, offsets inside the text, valid JSON and
SARIF in every format), over seeded random inputs: the seed mutated, runs of Markdown and
suppression syntax mixed with figures, random Unicode, long adversarial runs, and (issue 21)
figures with invisible characters, runs of suppression comments and hostile file names. Every
line-oriented output is also checked for forged lines: no control character, one concise line a
finding, nothing but workflow commands in github; a figure with an invisible character must be
refused (FC106), never read silently.

Then the families that are not text: slow and silent HTTP servers (every pull ends by its deadline),
schedulers that never answer or announce a 2 GB frame, and worker processes killed mid-run (exit 2
naming the document, never a wait). Prints a Markdown table for BENCHMARKS.md; crashing inputs are
written to bench/fuzz-crashes/.

    python bench/fuzz.py --family links|devices [N]   # the file-system families (bench/fuzz_fs.py)
"""

from __future__ import annotations

import io
import json
import multiprocessing
import random
import resource
import sys
import time
import traceback
import unicodedata
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PIECES = [
    "**", "__", "*", "`", "```\n", "[", "](", ")", "<!--", "-->", "<!-- factcheck: ignore[FC201] why -->",
    "<!-- factcheck: disable[FC203] x -->", "<!-- factcheck: enable -->", "# ", "\n\n", "- ", "> ", "|", "[x]: http://a \"t 5\"",
    "96,700", "−3.5%", "4 440 000", "706亿", "½", "US$50 million", "more than 70.6 billion masks", "2020", "As of May 31,",
    "China", "France's population", "the WHO", "Atlantis", "\x1b[0m", "\u202e", "\ufeff", "\r\n", "\t", "\x00", "...", "?!",
    "[/r/science]", "[red]", "<script>alert(1)</script>", "&amp;", "\\*", "1.", "2)", "***", "~~~", "<b>", "</b>",
    # issue 21: invisible and look-alike characters, forms of numbers, forged lines
    "\u200b", "\u200d", "\u2060", "\u3164", "\u00ad", "\u0303", "\u202c", "\u2066", "\u2069", "&#49;", "&nbsp;", "&#x202E;",
    "\u066b", "\uff0e", "\u00d710\u2077", "\u202f", "1\u202f234,5", "\n::error file=x.md::forged\n", "\x1b]0;t\x07", "\u2028",
]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u3164", "\uffa0", "\u00ad", "\u0303", "\u034f", "\ufe0f",
             "\u202e", "\u2067", "\u200e", "\U000e0031"]
PATHS = ["doc.md", "doc.txt", "a\n::error file=f.md::forged.md", "\x1b]0;title\x07.txt", "\u202egnp.md", "[red]x.md"]
_state: dict = {}


def _init() -> None:
    from factcheck.engine import load_sources

    _state["catalogue"] = load_sources([ROOT / "sources"])
    _state["seed"] = (ROOT / "seeds" / "fighting-covid19-white-paper-excerpt.txt").read_text(encoding="utf-8")


def make(rng: random.Random) -> str:
    seed = _state["seed"]
    kind = rng.random()
    if kind < 0.45:
        a = rng.randrange(len(seed))
        text = seed[a:a + rng.randrange(1, 3000)]
        for _ in range(rng.randrange(0, 10)):
            at = rng.randrange(len(text) + 1)
            piece = rng.choice(PIECES) if rng.random() < 0.7 else "".join(chr(rng.randrange(0, 0x3000)) for _ in range(rng.randrange(1, 4)))
            text = text[:at] + piece + text[at + rng.randrange(0, 4):]
        return text
    if kind < 0.8:
        return "".join(rng.choice(PIECES) if rng.random() < 0.8 else str(rng.randrange(10**6)) for _ in range(rng.randrange(1, 80)))
    if kind < 0.97:
        return "".join(chr(rng.choice([rng.randrange(0, 0x80), rng.randrange(0, 0x3000), rng.randrange(0x1F000, 0x1F700)]))
                       for _ in range(rng.randrange(0, 500)))
    if kind < 0.985:
        return rng.choice(PIECES) * rng.randrange(1000, 20000)  # a long adversarial run
    # runs of suppression comments around figures (issue 21: were quadratic)
    comment = rng.choice(["<!-- factcheck: ignore[FC201] why -->", "<!-- factcheck: disable[FC203] x -->", "<!-- factcheck: ignore -->"])
    return "".join(f"{comment} It sent {rng.randrange(1, 99)} teams in 2020. " for _ in range(rng.randrange(100, 2000)))


def hidden_figure(rng: random.Random) -> tuple[str, str]:
    """A sentence whose figure holds an invisible character (issue 21, point 5), and the figure as written."""
    digits = f"{rng.randrange(1, 999)}.{rng.randrange(1, 9)}"
    at = rng.randrange(0, len(digits) + 1)
    char = rng.choice(INVISIBLE)
    at = max(at, 1) if unicodedata.category(char) == "Mn" else at  # a combining mark needs a digit to sit on
    figure = digits[:at] + char + digits[at:]
    return f"France had a population of {figure} million in 2021.", figure


def check_one(i: int) -> tuple[int, float, int, str | None]:
    from factcheck.core.matching import Settings
    from factcheck.engine import check_text
    from factcheck.report import claimreview, concise, github, jsonl, markdown, sarif, table
    from factcheck.report.build import build_report
    from factcheck.report.json_format import render as render_json

    rng = random.Random(i)
    hidden = i % 50 == 7  # one input in 50: a figure with an invisible character
    text, figure = hidden_figure(rng) if hidden else (make(rng), "")
    path = PATHS[i % len(PATHS)] if i % 10 == 3 else ("doc.md" if i % 2 else "doc.txt")
    t0 = time.perf_counter()
    try:
        checked = check_text(text, path, _state["catalogue"], Settings(doc_date=date(2020, 6, 7)))
        for claim, _ in checked.claims:
            assert 0 <= claim.span.start <= claim.span.end <= len(text), "claim outside the text"
        if hidden:
            assert any(p.code == "FC106" for p in checked.problems), f"figure {figure!r} read silently"
            assert not any(c.quantity and c.quantity.value not in (2021,) for c, _ in checked.claims), f"{figure!r} read around"
        report = build_report([checked], 0.05)
        strict = {"parse_constant": _no_constants}
        json.loads(render_json(report), **strict)
        for line in filter(None, jsonl.render(report).split("\n")):
            json.loads(line, **strict)
        assert json.loads(sarif.render(report, ROOT, "note"), **strict)["version"] == "2.1.0"
        json.loads(claimreview.render(report, "https://example.org"), **strict)
        _no_forged_lines(report, concise.render(report), github.render(report, ROOT, "note"))
        assert "\x1b" not in markdown.render(report), "escape sequence in the markdown report"
        out = io.StringIO()
        table.render(report, out, color=False, width=100)
        assert "\x1b" not in out.getvalue() and "\x07" not in out.getvalue(), "escape sequence in the table"
    except Exception:  # noqa: BLE001 - every crash is recorded with its input
        return i, time.perf_counter() - t0, len(text.encode("utf-8")), traceback.format_exc()
    return i, time.perf_counter() - t0, len(text.encode("utf-8")), None


def _no_forged_lines(report: dict, concise_text: str, github_text: str) -> None:
    """Issue 21, point 3: one concise line a finding, only workflow commands in github, no control character."""
    import re

    from factcheck.outcome import findings

    unsafe = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
    shown = findings(report)
    lines = concise_text.splitlines()
    assert len(lines) == len(shown) + 1 + (1 if lines[-1].startswith("Not listed") else 0), "a forged concise line"
    assert not unsafe.search(concise_text + github_text), "a control character in concise or github"
    for line in github_text.splitlines()[:-1]:
        assert line.startswith(("::error ", "::warning ", "::notice ", "::group::", "::endgroup::")), f"forged: {line!r}"


def _no_constants(name: str) -> float:
    raise AssertionError(f"{name} in JSON output")


# ---- the families that are not text (issue 21, point 7): every wait must end, by a deadline ----

def _server(behaviour):  # noqa: ANN001, ANN202
    """A TCP server on 127.0.0.1 running ``behaviour(conn, rng)`` for each connection; returns (port, stop)."""
    import socket
    import threading

    listener = socket.create_server(("127.0.0.1", 0))
    held = [listener]

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            held.append(conn)
            threading.Thread(target=behaviour, args=(conn,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()

    def stop() -> None:
        for s in held:
            s.close()

    return listener.getsockname()[1], stop


def _http_behaviour(rng: random.Random):  # noqa: ANN202
    import struct

    kind = rng.choice(["silent", "trickle-headers", "trickle-body", "retry-after", "garbage", "huge-length", "ok"])

    def behave(conn) -> None:  # noqa: ANN001
        try:
            conn.recv(65536)
            if kind == "silent":
                time.sleep(5)
            elif kind == "trickle-headers":
                conn.sendall(b"HTTP/1.1 200 OK\r\n")
                for _ in range(50):
                    conn.sendall(b"X")
                    time.sleep(0.1)
            elif kind == "trickle-body":
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
                for _ in range(50):
                    conn.sendall(b" ")
                    time.sleep(0.1)
            elif kind == "retry-after":
                conn.sendall(f"HTTP/1.1 429 Too Many\r\nRetry-After: {rng.choice([0, 1, 60, 119, 121, 3600])}\r\n"
                             "Content-Length: 0\r\n\r\n".encode())
            elif kind == "garbage":
                conn.sendall(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 500))))
            elif kind == "huge-length":
                conn.sendall(struct.pack("Q", 2**31) + b"HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n{")
            else:
                conn.sendall(b'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}')
        except OSError:
            pass

    return kind, behave


def hostile_services(m: int) -> dict[str, tuple[int, int, float]]:
    """Each family: (cases, hangs or crashes, worst seconds). A hang is a call past its deadline plus 3 s."""
    from factcheck.batch import probe_scheduler
    from factcheck.connectors.http import HttpClient
    from factcheck.errors import FactcheckError

    results: dict[str, list] = {"slow and silent HTTP servers": [0, 0, 0.0], "schedulers that never answer": [0, 0, 0.0]}
    for i in range(m):
        rng = random.Random(i)
        kind, behave = _http_behaviour(rng)
        port, stop = _server(behave)
        family = "slow and silent HTTP servers" if i % 2 == 0 else "schedulers that never answer"
        t0 = time.perf_counter()
        bad = False
        try:
            if family.startswith("slow"):
                HttpClient(timeout=(1.0, 1.0), deadline=1.0, retries=2, sleep=lambda s: None).get(f"http://127.0.0.1:{port}/x")
            else:
                probe_scheduler(f"tcp://127.0.0.1:{port}", 1.0)
        except FactcheckError:
            pass
        except Exception:  # noqa: BLE001 - a crash: anything but the tool's own error
            bad = True
        finally:
            stop()
        seconds = time.perf_counter() - t0
        row = results[family]
        row[0] += 1
        row[1] += bad or seconds > 1.0 + 3.0
        row[2] = max(row[2], seconds)
    return {k: tuple(v) for k, v in results.items()}


_KILL_AT: list[str] = []


def _killing_check(path: str, catalogue, job):  # noqa: ANN001, ANN202
    import os
    import signal

    from factcheck import batch

    if path == _KILL_AT[0]:
        os.kill(os.getpid(), signal.SIGKILL)
    return batch._real_check_one(path, catalogue, job)  # type: ignore[attr-defined]


def killed_workers(m: int) -> tuple[int, int, float]:
    """Workers SIGKILLed at a random document: each run must end in WorkerDied naming it. (cases, failures, worst s)."""
    import tempfile

    from factcheck import batch
    from factcheck.core.matching import Settings

    batch._real_check_one = batch.check_one  # type: ignore[attr-defined]
    batch.check_one = _killing_check
    failures, worst = 0, 0.0
    try:
        with tempfile.TemporaryDirectory() as folder:
            paths = []
            for k in range(24):
                doc = Path(folder) / f"doc{k:02d}.md"
                doc.write_text(f"France had {60 + k} million inhabitants in 2020.\n", encoding="utf-8")
                paths.append(str(doc))
            job = batch.Job(0.05, Settings(doc_date=date(2020, 6, 7)), {})
            for i in range(m):
                _KILL_AT[:] = [random.Random(i).choice(paths)]
                t0 = time.perf_counter()
                try:
                    list(batch.on_cores(paths, _state["catalogue"], job, 2))
                    failures += 1
                except batch.WorkerDied as exc:
                    failures += _KILL_AT[0] not in str(exc)
                worst = max(worst, time.perf_counter() - t0)
    finally:
        batch.check_one = batch._real_check_one  # type: ignore[attr-defined]
    return m, failures, worst


def main() -> None:
    if sys.argv[1:2] == ["--family"] and sys.argv[2:3] and sys.argv[2] in ("links", "devices"):
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from fuzz_fs import main as file_system_family

        return file_system_family(sys.argv[2:])
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    m = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    t0 = time.perf_counter()
    crashes: list[tuple[int, str]] = []
    worst = (0.0, 0, 0)  # seconds per KB, input, bytes
    total_bytes = 0
    with multiprocessing.Pool(initializer=_init) as pool:
        for i, seconds, size, error in pool.imap_unordered(check_one, range(n), chunksize=200):
            total_bytes += size
            if error is not None:
                crashes.append((i, error))
            per_kb = seconds / max(size / 1024, 1.0)  # below 1 KB the fixed cost per document dominates
            if per_kb > worst[0]:
                worst = (per_kb, i, size)
    elapsed = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    folder = ROOT / "bench" / "fuzz-crashes"
    if crashes:
        folder.mkdir(exist_ok=True)
        _init()
        for i, error in crashes[:50]:
            (folder / f"{i}.txt").write_text(make(random.Random(i)), encoding="utf-8", errors="surrogatepass")
            (folder / f"{i}.error").write_text(error, encoding="utf-8")
    print("| measurement | result |\n|---|---|")
    print(f"| inputs | {n:,} ({total_bytes / 1e6:.1f} MB) in {elapsed:.0f} s on {multiprocessing.cpu_count()} cores |")
    print(f"| crashes | {len(crashes)} |")
    print(f"| worst time per KB (inputs of 1 KB or more) | {worst[0] * 1000:.1f} ms/KB (input #{worst[1]}, {worst[2]:,} bytes) |")
    print(f"| peak memory of a worker process | {peak:.0f} MB |")
    if m:
        _init()
        for family, (cases, bad, slowest) in hostile_services(m).items():
            print(f"| {family} | {cases} cases, {bad} hangs or crashes, slowest {slowest:.1f} s (deadline 1 s) |")
        cases, bad, slowest = killed_workers(max(1, m // 6))
        print(f"| killed workers (SIGKILL at a random document, --jobs 2) | {cases} runs, {bad} not reported, slowest {slowest:.1f} s |")
    for i, error in crashes[:5]:
        print(f"\ncrash on input #{i}:\n{error}")


if __name__ == "__main__":
    main()
