"""Transcripts end to end: `factcheck check debate.transcript` and CLEF's TSV, speakers' roles in the scores."""

from __future__ import annotations

import json

from factcheck.cli import main
from factcheck.engine import expand_documents

DEBATE = """MODERATOR: Good evening. In 2016 the deficit was 587 billion dollars. What will you do about it?
SMITH: The deficit fell to 587 billion dollars in 2016.
I cut it by a third.
(APPLAUSE)
AUDIENCE MEMBER: In 2016 the deficit was 587 billion dollars!
"""


def _sentences(capsys, path) -> list[dict]:
    code = main(["check", str(path), "--format", "json", "--no-config", "--no-builtin-sources"])
    out = capsys.readouterr().out
    assert code == 0
    return json.loads(out)["documents"][0]["sentences"]


def test_a_transcript_is_read_by_its_suffix(tmp_path, capsys):
    path = tmp_path / "debate.transcript"
    path.write_text(DEBATE, encoding="utf-8")
    sentences = _sentences(capsys, path)
    texts = [s["text"] for s in sentences]
    assert "MODERATOR" not in " ".join(texts) and "APPLAUSE" not in " ".join(texts)
    assert "The deficit fell to 587 billion dollars in 2016." in texts
    by_text = {s["text"]: s for s in sentences}
    same = "In 2016 the deficit was 587 billion dollars."
    assert by_text[same]["location"]["line"] == 1 and by_text[same]["location"]["column"] == len("MODERATOR: Good evening. ") + 1
    assert "role:moderator" in by_text[same]["features"]
    # the speaker's role is a feature of the score: the same words score lower from the audience than from the
    # moderator, and no higher from the moderator than from a candidate (the model trained on ClaimBuster's
    # definition weighs a moderator's factual statement nearly as a candidate's: EVALUATION.md)
    from factcheck.core.checkworthiness import score

    assert by_text[same]["checkworthiness"] == score(same, role="moderator").score <= score(same).score
    assert "role:audience" in by_text["In 2016 the deficit was 587 billion dollars!"]["features"]
    assert by_text["In 2016 the deficit was 587 billion dollars!"]["checkworthiness"] < by_text[same]["checkworthiness"]


def test_the_same_text_as_plain_text_has_no_speakers(tmp_path, capsys):
    path = tmp_path / "debate.txt"
    path.write_text(DEBATE, encoding="utf-8")
    texts = [s["text"] for s in _sentences(capsys, path)]
    assert any(t.startswith("MODERATOR: ") for t in texts)


def test_the_clef_tsv(tmp_path, capsys):
    path = tmp_path / "debate.tsv"
    path.write_text("1\tHOLT\tGood evening.\t0\n2\tHOLT\tWhat is your plan?\t0\n3\tHOLT\tAnd how?\t0\n"
                    "4\tTRUMP\tWe lost 70,000 factory jobs in Ohio\t1\n5\tSYSTEM\t(APPLAUSE)\t0\n", encoding="utf-8")
    sentences = _sentences(capsys, path)
    assert [s["text"] for s in sentences] == ["Good evening.", "What is your plan?", "And how?", "We lost 70,000 factory jobs in Ohio",
                                              "(APPLAUSE)"]
    assert [s["location"]["line"] for s in sentences] == [1, 2, 3, 4, 5]
    assert "role:system" in sentences[-1]["features"] and "role:moderator" in sentences[0]["features"]


def test_folders_hold_transcripts_but_not_tsv(tmp_path):
    (tmp_path / "a.transcript").write_text("A: Hello.\n", encoding="utf-8")
    (tmp_path / "b.tsv").write_text("x\ty\n", encoding="utf-8")  # data tables are often TSV: named, not searched for
    assert [p.name for p in expand_documents([tmp_path])] == ["a.transcript"]
