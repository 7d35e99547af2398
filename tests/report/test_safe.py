"""Issue 21, point 3: nothing a document, a file name, a source or a review file holds forges output.

Every text that reaches a terminal or a line-oriented format goes through ``report.safe.printable``:
control, bidi and line-break characters made visible, so a field is one inert piece of one line.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from factcheck.report.safe import markdown_link, markdown_text, printable
from tests.conftest import run

ESC_TITLE = "Population\x1b]0;pwned\x07\n::error file=x.md::forged\r\u202etxt.exe"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain text, 96,700 (a)", "plain text, 96,700 (a)"),
        ("tab\tstays", "tab\tstays"),
        ("a\x1b[2Jb", "a\\x1b[2Jb"),
        ("osc\x1b]0;title\x07", "osc\\x1b]0;title\\x07"),
        ("c1 \x9b31m", "c1 \\x9b31m"),
        ("two\nlines\r", "two\\nlines\\r"),
        ("vt\x0bff\x0cnel\x85", "vt\\x0bff\\x0cnel\\x85"),
        ("ls\u2028ps\u2029", "ls\\u2028ps\\u2029"),
        ("bidi \u202egnp.exe\u202c \u2066x\u2069 \u200f", "bidi \\u202egnp.exe\\u202c \\u2066x\\u2069 \\u200f"),
        ("bad byte \udcff", "bad byte \\udcff"),
        ("", ""),
    ],
)
def test_printable_makes_every_unsafe_character_visible(text, shown):
    assert printable(text) == shown
    assert "\n" not in printable(text) and "\x1b" not in printable(text)


def test_printable_can_leave_line_breaks_to_a_format_that_escapes_them():
    assert printable("a\r\nb\x1b", keep_breaks=True) == "a\r\nb\\x1b"


def test_markdown_text_never_makes_a_link_an_image_or_a_footnote_reference():
    shown = markdown_text("[click](javascript:alert(1)) ![i](http://t/x.png) [^1] <a href=x>y</a> a|b\nc")
    assert "](" not in shown.replace("\\](", "") and "[^" not in shown.replace("\\[^", "")
    assert "<a" not in shown and "\\|" in shown and "\n" not in shown
    assert markdown_text("[list hedge 'more than' not applied]") == "[list hedge 'more than' not applied]"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>x</script>",
                                 "file:///etc/passwd", "vbscript:x", "//evil.example/x", "https://a.org/\x1b[2J"])
def test_only_http_and_https_urls_become_links(url):
    shown = markdown_link(url)
    assert not shown.startswith("<") and "not linked" in shown and "<script" not in shown


def test_http_urls_are_autolinks():
    assert markdown_link("https://data.example.org/a b<c>") == "<https://data.example.org/a%20b%3Cc%3E>"
    assert markdown_link("http://x.org/") == "<http://x.org/>"


# ---- through the command line ----

def hostile_source(folder: Path, title: str = ESC_TITLE, url: str = "javascript:alert(document.cookie)") -> Path:
    """A population source whose title, publisher and record URL are hostile."""
    (folder / "data").mkdir(parents=True)
    csv_text = ("code,year,value,url,publisher\n"
                f"FRA,2020,67000000,{url},\"Stats\x1b[31m\nOffice\"\n")
    (folder / "data" / "pop.csv").write_text(csv_text, encoding="utf-8")
    mapping = {"entity": "code", "period": "year", "value": "value", "measure": "population",
               "measure_aliases": ["inhabitants"], "url_column": "url", "publisher_column": "publisher"}
    descriptor = {"name": "hostile", "title": title, "licenses": [{"name": "CC0-1.0"}], "resources": [
        {"name": "pop", "path": "data/pop.csv", "hash": "sha256:" + hashlib.sha256(csv_text.encode()).hexdigest(),
         "factcheck": mapping}]}
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return folder


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    hostile_source(tmp_path / "src")
    return tmp_path


FORGED_NAME = "doc\n::error file=forged.md,line=1::forged\x1b]0;t\x07.md"


def check(capsys, name: str, *extra: str) -> tuple[int, str, str]:
    return run(capsys, "check", name, "--no-config", "--no-builtin-sources", "--sources", "src", "--doc-date", "2020-12-31",
               *extra)


def test_a_newline_in_a_file_name_forges_no_concise_line(here, capsys):
    (here / FORGED_NAME).write_text("France had 99 million inhabitants in 2020.\n", encoding="utf-8")
    code, out, _ = check(capsys, FORGED_NAME, "--format", "concise")
    lines = out.splitlines()
    assert code == 1 and len(lines) == 2 and lines[1] == "Found 1 finding.", out
    assert "\x1b" not in out and "\x07" not in out and lines[0].startswith("doc\\n::error")


def test_a_newline_in_a_file_name_or_a_title_forges_no_workflow_command(here, capsys):
    (here / FORGED_NAME).write_text("France had 99 million inhabitants in 2020.\n", encoding="utf-8")
    code, out, _ = check(capsys, FORGED_NAME, "--format", "github")
    commands = [line for line in out.splitlines() if line.startswith("::")]
    assert code == 1 and [c.split(" ")[0].split("::")[1] for c in commands] == ["group", "error", "endgroup"], out
    assert "%0A" in commands[0] and "file=doc%0A%3A%3Aerror" in commands[1]
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out


@pytest.mark.parametrize("fmt", ["table", "concise", "github", "markdown"])
def test_escape_sequences_and_newlines_from_a_source_never_reach_the_output(here, capsys, fmt):
    (here / "doc.md").write_text("France had 99 million inhabitants in 2020.\n", encoding="utf-8")
    code, out, err = check(capsys, "doc.md", "--format", fmt, "--verbose")
    assert code == 1, err
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]", out + err), fmt
    assert "\nOffice" not in out and "\n::error file=x.md" not in out


def test_a_javascript_url_from_a_source_row_is_inert_text_in_the_markdown_report(here, capsys):
    (here / "doc.md").write_text("France had 99 million inhabitants in 2020.\n", encoding="utf-8")
    _, out, _ = check(capsys, "doc.md", "--format", "markdown")
    assert "<javascript:" not in out and "](javascript:" not in out
    assert "URL (not linked: not http or https): javascript:alert(document.cookie)." in out


def test_sources_show_prints_one_line_per_field(here, capsys):
    code, out, _ = run(capsys, "sources", "show", "hostile", "--no-config", "--no-builtin-sources", "--sources", "src")
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    title = [line for line in out.splitlines() if line.startswith("title:")]
    assert len(title) == 1 and "::error file=x.md::forged" in title[0]
    assert not any(line.startswith("::") for line in out.splitlines())


def test_error_messages_show_a_file_name_inert(here, capsys):
    code, _, err = run(capsys, "check", "missing\x1b[2J\n::error::x.md", "--no-config", "--no-builtin-sources", "--sources", "src")
    assert code == 2 and "\x1b" not in err and len(err.strip().splitlines()) == 1 and "missing\\x1b[2J\\n::error" in err


def test_the_stale_baseline_list_shows_each_entry_on_one_line(here, capsys):
    (here / "doc.md").write_text("France had 99 million inhabitants in 2020.\n", encoding="utf-8")
    check(capsys, "doc.md", "--write-baseline", "base.json")
    data = json.loads((here / "base.json").read_text(encoding="utf-8"))
    entry = data["entries"][0] if isinstance(data, dict) and "entries" in data else data[0]
    entry["id"], entry["text"] = "fc-000000000000", "gone\n::error::forged\x1b[2J"  # a stale entry of a checked document
    (here / "base.json").write_text(json.dumps(data), encoding="utf-8")
    _, _, err = check(capsys, "doc.md", "--baseline", "base.json")
    stale = [line for line in err.splitlines() if "gone" in line]
    assert len(stale) == 1 and "\x1b" not in err and not any(line.startswith("::") for line in err.splitlines()), err


def test_a_review_note_stays_inside_its_concise_line(here, capsys):
    (here / "doc.md").write_text("France had 99 million inhabitants in 2020.\n", encoding="utf-8")
    script = here / "keys.txt"
    script.write_text("d\nwrong\x1b]0;x\x07\n", encoding="utf-8")
    run(capsys, "review", "doc.md", "--no-config", "--no-builtin-sources", "--sources", "src", "--doc-date", "2020-12-31",
        "--file", "review.json", "--script", str(script))
    data = json.loads((here / "review.json").read_text(encoding="utf-8"))
    text = json.dumps(data).replace("wrong\\u001b]0;x\\u0007", "wrong\\u001b]0;x\\u0007\\n::error::forged")
    (here / "review.json").write_text(text, encoding="utf-8")
    code, out, _ = check(capsys, "doc.md", "--baseline", "review.json", "--format", "concise")
    assert code == 1 and "disputed in review" in out and "\x1b" not in out, out
    assert len(out.splitlines()) == 2 and not any(line.startswith("::") for line in out.splitlines())


def test_jsonl_keeps_one_record_a_line_whatever_a_line_splitter_splits_at(here, capsys):
    name = "doc\x85\u2028\u2029.md"  # a path is the one field that keeps such characters: the text has them blanked
    (here / name).write_text("France had 99 million inhabitants in 2020.\n", encoding="utf-8")
    _, out, _ = check(capsys, name, "--format", "jsonl")
    assert len(out.splitlines()) == len(out.split("\n")) - 1 == 2  # the claim's sentence, then the claim (schema 2.0)
    assert [json.loads(line)["path"] for line in out.splitlines()] == [name, name]
