"""The command line, end to end: formats, golden files and every exit code."""

from __future__ import annotations

import json
import re
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main
from tests.conftest import CURATED, ROOT, SEED

GOLDEN = Path(__file__).parent / "golden"
SEED_REL = "seeds/fighting-covid19-white-paper-excerpt.txt"


@pytest.fixture
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_seed_json_matches_golden(in_root, capsys):
    code, out, _ = run(capsys, "check", SEED_REL, "--format", "json")
    assert code == 0
    assert json.loads(out) == json.loads((GOLDEN / "seed.json").read_text(encoding="utf-8"))


def test_seed_markdown_matches_golden_and_committed_report(in_root, capsys, tmp_path):
    target = tmp_path / "report.md"
    code, out, _ = run(capsys, "check", SEED_REL, "--format", "markdown", "--output", str(target))
    assert code == 0 and out == ""
    text = target.read_text(encoding="utf-8")
    assert text == (GOLDEN / "seed.md").read_text(encoding="utf-8")
    assert text == (ROOT / "reports" / "fighting-covid19-white-paper-excerpt.md").read_text(encoding="utf-8")


def test_json_output_validates_against_the_report_models(in_root, capsys):
    from factcheck.models import Report

    _, out, _ = run(capsys, "check", SEED_REL, "--format", "json")
    report = Report.model_validate_json(out)
    assert report.summary.claims == 22  # 16 figures, 5 places of the mission's visits, 1 statement
    assert report.documents[0].claims[0].location.line == 1
    assert len(report.documents[0].sentences) == 19


def test_seed_verdicts(in_root, capsys):
    _, out, _ = run(capsys, "check", SEED_REL, "--format", "json", "--all-findings")
    report = json.loads(out)
    claims = report["documents"][0]["claims"]
    assert [c["kind"] for c in claims].count("figure") == 16
    assert report["summary"]["contradicted"] == 0
    by_text = {c["text"]: c for c in claims}
    assert by_text["US$50 million"]["reason"] == "sum_of_parts"
    assert by_text["two batches of cash support"]["verdict"] == "supported"
    assert by_text["200 countries and regions"]["reason"] == "origin_only"
    for c in claims:
        if c["verdict"] == "supported":
            assert c["evidence"], c["text"]
        for e in c["evidence"]:
            assert e["url"] and len(e["sha256"]) == 64 and e["licence"] and e["retrieved"]


def test_each_visited_city_is_its_own_claim_and_says_whether_a_source_names_it(in_root, capsys):
    _, out, _ = run(capsys, "check", SEED_REL, "--format", "json")
    claims = [c for c in json.loads(out)["documents"][0]["claims"] if c["kind"] == "member"]
    verdicts = {c["item"]: (c["verdict"], c["reason"], c["reference"]) for c in claims}
    assert verdicts == {
        "Beijing": ("supported", "member_listed", "Beijing"),
        "Wuhan": ("supported", "member_listed", "Wuhan"),
        "Chengdu": ("not_enough_info", "member_region_only", "Sichuan"),
        "Guangzhou": ("not_enough_info", "member_region_only", "Guangdong"),
        "Shenzhen": ("not_enough_info", "member_region_only", "Guangdong"),
    }
    chengdu = next(c for c in claims if c["item"] == "Chengdu")
    assert "name Sichuan, the province Chengdu (a city) lies in, not Chengdu itself" in chengdu["explanation"]
    assert chengdu["finding"]["code"] == "FC206" and chengdu["subject"]["id"] == "org:WHO-China-Joint-Mission"
    members = [e["member"] for e in chengdu["evidence"]]
    assert {"name": "Chengdu", "type": "city", "part_of": "Sichuan", "complete_set": False} in members
    assert all(e["url"] for e in chengdu["evidence"])
    assert json.loads(out)["documents"][0]["unlisted"]["unsourced_statement"] == 1  # counted, listed on request
    _, out, _ = run(capsys, "check", SEED_REL, "--format", "json", "--all-findings")
    statement = next(c for c in json.loads(out)["documents"][0]["claims"] if c["kind"] == "statement")
    assert statement["verdict"] == "not_enough_info" and statement["reason"] == "unsourced_statement"
    assert "Access to Covid-19 Tools" in statement["item"] and statement["checkworthiness"] >= 0.5


def test_table_is_the_default_and_compact(in_root, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "check", SEED_REL)
    assert code == 0
    assert "22 claims in 1 document(s): 14 supported, 0 contradicted, 8 not enough info" in out
    for cell in ("4:825", "96,700 ventilators", "FC203", "FC204", "Not listed: 2 figures no source covers"):
        assert cell in out, cell
    assert "FC202" not in out and "training sessions" not in out  # no source covers them: counted, listed on request
    assert max(len(line) for line in out.splitlines()) <= 80
    assert len(out.splitlines()) < 60  # one line a claim (22), not 488


def test_verbose_table_shows_every_column(in_root, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run(capsys, "check", SEED_REL, "--verbose")
    assert code == 0
    for cell in ("Reference", "72,700 to 271,000", "origin_only", "weak_match", "china-covid19-official-figures-2020 row"):
        assert cell in out, cell


def test_no_color_is_honoured(in_root, capsys, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, out, _ = run(capsys, "check", SEED_REL)
    assert "\x1b[1m" in out  # FORCE_COLOR: a terminal, so bold stays (NO_COLOR forbids colour, not emphasis)
    assert not re.search(r"\x1b\[[0-9;]*(?:3[0-7]|9[0-7]|38;)", out)  # ... and no foreground colour at all


def test_readme_sample_is_the_real_output(in_root, capsys, monkeypatch):
    """The README's table is what `factcheck check` prints at 100 columns (FACTCHECK_UPDATE_GOLDEN=1 rewrites it)."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = run(capsys, "check", SEED_REL)
    sample = "\n".join(line.rstrip() for line in out.splitlines()).strip() + "\n"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = "<!-- table:start -->\n```\n", "```\n<!-- table:end -->"
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        a, b = readme.index(start) + len(start), readme.index(end)
        (ROOT / "README.md").write_text(readme[:a] + sample + readme[b:], encoding="utf-8")
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.split(start)[1].split(end)[0] == sample


def test_changing_one_figure_contradicts_only_that_claim(tmp_path, capsys, monkeypatch):
    doc = tmp_path / "changed.txt"
    doc.write_text(SEED.read_text(encoding="utf-8").replace("96,700 ventilators", "120,000 ventilators"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", str(doc), "--sources", str(CURATED), "--doc-date", "2020-06-07", "--format", "json")
    assert code == 1
    claims = json.loads(out)["documents"][0]["claims"]
    contradicted = [c["text"] for c in claims if c["verdict"] == "contradicted"]
    assert contradicted == ["120,000 ventilators"]


def test_empty_file_has_no_claims_and_exits_zero(tmp_path, capsys):
    doc = tmp_path / "empty.md"
    doc.write_text("", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(doc), "--format", "json", "--no-config")
    assert code == 0
    assert json.loads(out)["summary"]["claims"] == 0


@pytest.mark.parametrize(
    "setup,message",
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "directory holds no documents"),
        (lambda p: p.write_bytes(b"\x00\x01binary"), "binary file"),
        (lambda p: p.write_bytes("caf\xe9 12 items".encode("latin-1")), "not UTF-8"),
    ],
)
def test_bad_input_exits_two_naming_the_file(tmp_path, capsys, setup, message):
    path = tmp_path / "doc.txt"
    setup(path)
    code, out, err = run(capsys, "check", str(path), "--no-config")
    assert code == 2 and out == ""
    assert str(path) in err and message in err
    assert "Traceback" not in err


def test_hash_mismatch_exits_two_and_writes_nothing(tmp_path, capsys):
    sources = tmp_path / "sources"
    shutil.copytree(CURATED, sources / CURATED.name)
    data = sources / CURATED.name / "data" / "figures.csv"
    data.write_text(data.read_text(encoding="utf-8").replace("96700", "96701"), encoding="utf-8")
    target = tmp_path / "out.md"
    code, _, err = run(capsys, "check", str(SEED), "--no-config", "--sources", str(sources), "--format", "markdown", "--output", str(target))
    assert code == 2 and "figures.csv: sha256 mismatch" in err
    assert not target.exists()
    assert list(tmp_path.glob(".out.md.*")) == []


def test_bad_arguments_exit_two(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "x.md", "--doc-date", "31/05/2020"])
    assert exc.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_unknown_config_key_exits_two_naming_key_and_file(tmp_path, capsys, monkeypatch):
    (tmp_path / "factcheck.toml").write_text("tolerence = 0.1\n", encoding="utf-8")
    doc = tmp_path / "a.md"
    doc.write_text("China sent 29 teams.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check", "a.md")
    assert code == 2 and "factcheck.toml" in err and "tolerence" in err


def test_document_date_comes_from_configuration(in_root, capsys):
    _, out, _ = run(capsys, "check", SEED_REL, "--format", "json")
    claim = next(c for c in json.loads(out)["documents"][0]["claims"] if c["text"] == "29 medical expert teams")
    assert claim["period"]["end"] == "2020-05-31"


def test_world_bank_population_through_sources(tmp_path, capsys, shared_refdata, monkeypatch):
    from tests.sources.test_datapackage import (
        test_world_bank_population_as_published_with_one_added_block as build,
    )

    build(tmp_path, shared_refdata)
    doc = tmp_path / "countries.md"
    doc.write_text(
        "# Populations\n\nIn 2022, France had a population of 68.2 million and Germany had 83.2 million inhabitants.\n"
        "In 2020, China had a population of about 1.41 billion. In 2022, Germany had 90 million inhabitants.\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", "countries.md", "--no-config", "--sources", str(tmp_path / "population"), "--format", "json")
    claims = json.loads(out)["documents"][0]["claims"]
    assert [(c["subject"]["id"], c["verdict"]) for c in claims] == [
        ("FRA", "supported"), ("DEU", "supported"), ("CHN", "supported"), ("DEU", "contradicted"),
    ]
    assert code == 1
    assert claims[0]["evidence"][0]["record"] > 1


def test_python_dash_m_works():
    result = subprocess.run([sys.executable, "-m", "factcheck", "--version"], capture_output=True, text=True, cwd=ROOT, env={**os.environ})
    assert result.returncode == 0 and "factcheck" in result.stdout


def test_published_schema_is_current(capsys):
    assert main(["schema"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == json.loads((ROOT / "schema" / "report.schema.json").read_text(encoding="utf-8"))


def test_output_into_a_missing_folder_exits_two(in_root, capsys, tmp_path):
    code, _, err = run(capsys, "check", SEED_REL, "--format", "json", "--output", str(tmp_path / "no" / "r.json"))
    assert code == 2 and "does not exist" in err


def test_bad_tolerance_exits_two(in_root, capsys):
    code, _, err = run(capsys, "check", SEED_REL, "--tolerance", "7")
    assert code == 2 and "--tolerance" in err


def test_large_reports_print_one_line_per_claim(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no sources here: every claim lacks evidence
    doc = tmp_path / "big.txt"
    doc.write_text("China sent 29 teams to 27 countries. " * 300, encoding="utf-8")
    code, out, err = run(capsys, "check", str(doc), "--no-config", "--no-builtin-sources", "--doc-date", "2020-06-07",
                         "--all-findings")
    assert code == 0 and "no reference sources" in err
    lines = out.splitlines()
    assert len(lines) == 601 and lines[0].startswith(f"{doc}:1:12: not enough info [no_matching_source · FC201] 29 teams")


def test_vintage_window_from_flag_and_configuration(tmp_path, capsys, monkeypatch):
    """A year-less figure that fits an older record is other_vintage (FC209), not contradicted, within the window."""
    from tests.sources.test_datapackage import package

    rows = "code,name,year,value\nFRA,France,2013,65997932\nFRA,France,2014,66312067\nFRA,France,2015,66548272\n"
    package(tmp_path / "pop", rows, factcheck={"entity": "code", "entity_name": "name", "period": "year", "value": "value",
                                               "measure": "population", "measure_aliases": ["inhabitants"]})
    (tmp_path / "doc.md").write_text("France has a population of 66.3 million.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    base = ["check", "doc.md", "--no-config", "--sources", "pop", "--doc-date", "2016-03-01", "--format", "json"]
    code, out, _ = run(capsys, *base)
    (claim,) = json.loads(out)["documents"][0]["claims"]
    assert (code, claim["reason"], claim["finding"]["code"]) == (0, "other_vintage", "FC209")
    code, out, _ = run(capsys, *base, "--vintage-years", "0")  # 66.3 million misses 2015's 66,548,272 by 0.3%: publishers differ more
    (claim,) = json.loads(out)["documents"][0]["claims"]
    assert (code, claim["reason"], claim["finding"]["code"]) == (0, "close_to_record", "FC215")
    code, out, _ = run(capsys, *base, "--vintage-years", "0", "--spread", "0")
    assert (code, json.loads(out)["documents"][0]["claims"][0]["reason"]) == (1, "understated")
    (tmp_path / "factcheck.toml").write_text("vintage-years = 0\nspread = 0\nsources = [\"pop\"]\n", encoding="utf-8")
    code, _, _ = run(capsys, "check", "doc.md", "--doc-date", "2016-03-01", "--format", "json")
    assert code == 1
    code, _, err = run(capsys, *base, "--vintage-years", "-1")
    assert code == 2 and "--vintage-years" in err
    code, _, err = run(capsys, *base, "--spread", "1.5")
    assert code == 2 and "--spread" in err


@pytest.mark.parametrize("sentence", [  # each names the set's relation, so without the rule each is judged against it
    "Tourists made site visits to Harbin, Lhasa and Kunming last year.",
    "A trade delegation made site visits to Dalian, Qingdao and Xiamen in spring.",
    "Inspectors made site visits to Hainan, Chongming and Zhoushan before the season.",
])
def test_a_membership_list_judges_only_statements_about_its_own_set(tmp_path, capsys, sentence):
    """Issue 16 item 8: the mission's list of visited cities says nothing about any other list of places."""
    doc = tmp_path / "places.txt"
    doc.write_text(sentence + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(doc), "--no-config", "--sources", str(CURATED), "--doc-date", "2020-06-07",
                       "--format", "json", "--all-findings")
    claims = json.loads(out)["documents"][0]["claims"]
    assert code == 0 and not [c for c in claims if c["reason"] in ("not_a_member", "member_not_listed", "member_region_only")], claims


def test_a_configuration_without_sources_uses_the_builtins(tmp_path, capsys, monkeypatch):
    """Issue 18, point 3: a [tool.factcheck] table that names no sources is no error (there is no 'sources' folder)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\ninclude = ["*.md"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("France had a population of\r\n72 million in 2021.\r\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "--format", "concise")
    assert code == 1 and "no such source" not in err
    (line, _) = out.splitlines()[:2]
    assert line.startswith("a.md:2:1: FC101") and "\r" not in line  # one finding a line, whatever the line ends
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nsources = ["missing"]\n', encoding="utf-8")
    code, _, err = run(capsys, "check", "a.md")
    assert code == 2 and "missing" in err  # a folder the configuration names must exist


def test_an_unpulled_source_with_a_builtins_name_does_not_replace_it_silently(tmp_path, capsys, monkeypatch):
    """Issue 18, point 2: copied literally, a connector example named like a built-in must not empty it."""
    monkeypatch.chdir(tmp_path)
    _unpulled_worldbank_source(tmp_path, "wb-population")
    (tmp_path / "a.md").write_text("France had a population of 72 million in 2021.\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "a.md", "--no-config", "--sources", "sources", "--format", "concise")
    assert code == 1 and "FC101" in out and "[wb-population]" in out
    assert "built-in source 'wb-population', which is used instead" in err


def test_exit_one_with_no_finding_shown_says_why(in_root, capsys):
    """Issue 18, point 6: --min-severity hides the findings --fail-on fails on; the exit code is explained."""
    code, out, err = run(capsys, "check", SEED_REL, "--format", "concise", "--min-severity", "error", "--fail-on", "unverifiable")
    assert code == 1 and out.startswith("No findings.")
    assert "fail the run under --fail-on unverifiable but are below --min-severity error" in err


def test_an_unpulled_connector_source_is_named_as_such(tmp_path, capsys, monkeypatch):
    """Issue 18, point 4: verify says the source was never pulled, and a failed first pull keeps no 'previous snapshot'."""
    monkeypatch.chdir(tmp_path)
    _unpulled_worldbank_source(tmp_path, "wb-live")
    code, _, err = run(capsys, "sources", "verify", "--no-config", "--sources", "sources")
    assert code == 2 and "has no snapshot yet, so nothing to verify" in err and "licenses" not in err
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    from factcheck.connectors import http

    def refuse(*args, **kwargs):
        raise http.requests.ConnectionError("no network in tests")

    monkeypatch.setattr(http.requests.Session, "send", refuse)
    monkeypatch.setattr(http.time, "sleep", lambda s: None, raising=False)
    code, _, err = run(capsys, "sources", "pull", "--no-config", "--sources", "sources")
    assert code == 2 and "no snapshot written (it has none yet)" in err and "previous snapshot kept" not in err


def test_an_unknown_option_shows_the_commands_own_usage(capsys):
    """Issue 18, point 8: 'factcheck check --bogus' prints check's usage, not the top level's."""
    with pytest.raises(SystemExit) as exit_:
        main(["check", "--bogus"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and err.startswith("usage: factcheck check") and "--bogus" in err


def test_ctrl_c_exits_130_and_a_full_disk_is_named(monkeypatch, capsys, tmp_path):
    """Issue 18, point 8: an interruption is 130 (128 + SIGINT); ENOSPC is the machine's state, not 'a bug in factcheck'."""
    import errno

    from factcheck.cli import check as check_cmd

    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(check_cmd, "run", interrupted)
    assert main(["check", "x.md"]) == 130 and "interrupted" in capsys.readouterr().err

    def full(args):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "report.json"))

    monkeypatch.setattr(check_cmd, "run", full)
    assert main(["check", "x.md"]) == 2
    err = capsys.readouterr().err
    assert "no space left on the device writing" in err and "report.json" in err and "bug" not in err


def test_piped_table_prints_every_claim_on_one_full_line(in_root, capsys, monkeypatch):
    """Issue 18, point 7: not a terminal and no COLUMNS: full rows, no padding, one summary line, '1 claim'."""
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    _, out, _ = run(capsys, "check", SEED_REL)
    lines = out.splitlines()
    assert all(line == line.rstrip() for line in lines)
    assert any("between the running totals 72,700 (2020-05" in line and "4:825" in line for line in lines)  # nothing cut
    assert lines[-1].startswith("22 claims in 1 document(s)") and "not a terminal" in lines[-1]


def test_sources_list_has_title_and_age_and_whole_licences(tmp_path, capsys, monkeypatch):
    """Issue 18, point 8: the columns the README promises, and no licence cut ('ODC-PDDL-1.')."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "sources", "list", "--no-config")
    header = next(line for line in out.splitlines() if line.strip().startswith("id"))
    assert code == 0 and header.split() == ["id", "kind", "title", "licence", "snapshot", "age", "rows"]
    assert "ODC-PDDL-1.0" in out and max(len(line.rstrip()) for line in out.splitlines()) <= 80


def _unpulled_worldbank_source(tmp_path, name: str):
    """A connector source as the README's example writes it, never pulled: a descriptor with no resources."""
    folder = tmp_path / "sources" / name
    folder.mkdir(parents=True)
    (folder / "datapackage.json").write_text(json.dumps({"name": name, "resources": [], "factcheck": {
        "connector": "worldbank", "params": {"indicator": "SP.POP.TOTL", "countries": ["FRA"], "date": "2018:2022"}}}))


# --files-from (issue 18, point 10) ---------------------------------------------------------


def test_files_from_reads_a_list_one_a_line_from_stdin(tmp_path, capsys, monkeypatch):
    import io

    monkeypatch.chdir(tmp_path)
    shutil.copy(SEED, tmp_path / "a.txt")
    (tmp_path / "b b.txt").write_text(SEED.read_text(encoding="utf-8").replace("96,700 ventilators", "120,000 ventilators"))
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"a.txt\r\n\nb b.txt\n")))
    code, out, _ = run(capsys, "check", "--files-from", "-", "--no-config", "--sources", str(CURATED), "--doc-date", "2020-06-07",
                       "--format", "json")
    assert code == 1 and [d["path"] for d in json.loads(out)["documents"]] == ["a.txt", "b b.txt"]


def test_an_empty_file_list_checks_nothing_and_never_falls_back_to_include(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factcheck.toml").write_text('include = ["*.txt"]\n')
    shutil.copy(SEED, tmp_path / "seed.txt")
    (tmp_path / "list").write_bytes(b"")
    code, out, err = run(capsys, "check", "--files-from", "list", "--format", "json")
    assert code == 0 and json.loads(out)["documents"] == [] and "lists no files" in err


@pytest.mark.parametrize(("name", "message"), [("/dev/zero", "more than 16 MB"), ("missing-list", "cannot read the list of files")])
def test_a_bad_file_list_exits_two_naming_it(tmp_path, capsys, monkeypatch, name, message):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check", "--files-from", name, "--no-config")
    assert code == 2 and f"--files-from {name}: {message}" in err
