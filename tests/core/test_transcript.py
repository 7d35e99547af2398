"""Transcripts: speakers, their roles, and the masked text the reading core sees."""

from __future__ import annotations

import pytest

from factcheck.core.document import sentences
from factcheck.core.transcript import AUDIENCE, MODERATOR, SYSTEM, kind_of, mask, parse

DEBATE = """HOLT: Good evening from Hofstra University. Mr. Trump, what is your plan? How will you pay for it?
TRUMP: We have catch-and-release. Our jobs are fleeing the country
and going to Mexico.
(APPLAUSE)
CLINTON: I voted against the war in 2003.
AUDIENCE MEMBER: Why?
TRUMP: Wrong.
HOLT: Secretary Clinton, is that right?
"""


def test_speakers_and_their_lines():
    t = parse(DEBATE, "speaker")
    spoken = [(line.speaker, DEBATE[line.start:line.end]) for line in t.lines]
    assert spoken[1] == ("TRUMP", "We have catch-and-release. Our jobs are fleeing the country")
    assert spoken[2] == ("TRUMP", "and going to Mexico.")  # a line without a name continues the turn
    assert spoken[3] == (None, "(APPLAUSE)")  # a stage direction belongs to no one


def test_roles_from_names_and_from_how_people_speak():
    roles = parse(DEBATE, "speaker").roles
    assert roles == {"HOLT": MODERATOR, "AUDIENCE MEMBER": AUDIENCE}  # HOLT asks in 3 of 5 sentences; the others are speakers


@pytest.mark.parametrize(("name", "role"), [("MODERATOR", MODERATOR), ("HOST", MODERATOR), ("Q", AUDIENCE), ("QUESTION", AUDIENCE),
                                            ("UNIDENTIFIED MALE", AUDIENCE), ("SYSTEM", SYSTEM)])
def test_roles_by_name(name, role):
    assert parse(f"{name}: Hello there.\n", "speaker").roles == {name: role}


def test_one_question_does_not_make_a_moderator():
    text = "A: It rose. It fell. It rose again. Is that right?\nB: It fell twice.\n"
    assert parse(text, "speaker").roles == {}


def test_a_speech_has_no_moderator():
    text = "TRUMP: Is it fair? Is it right? Is it what we want? No.\n"  # one speaker: no conversation to moderate
    assert parse(text, "speaker").roles == {}


def test_not_a_speaker():
    t = parse("Note that: this is prose.\nAt 10:30 we met.\n", "speaker")
    assert [line.speaker for line in t.lines] == [None, None]


def test_masking_keeps_offsets_and_ends_sentences_at_each_turn():
    t = parse(DEBATE, "speaker")
    masked = mask(DEBATE, t)
    assert len(masked) == len(DEBATE) and masked.count("\n") == DEBATE.count("\n")
    texts = [s.text for s in sentences(masked)]
    assert "HOLT" not in masked and "APPLAUSE" not in masked
    assert "Our jobs are fleeing the country and going to Mexico." in texts  # a turn's lines are one paragraph
    assert "Wrong." in texts  # a turn without a stop of its own ends where the next speaker starts
    for s in sentences(masked):
        assert DEBATE[s.start:s.end].replace("\n", " ") == s.text


def test_role_at_an_offset():
    t = parse(DEBATE, "speaker")
    assert t.role_at(DEBATE.index("Good evening")) == MODERATOR
    assert t.role_at(DEBATE.index("We have")) is None
    assert t.role_at(DEBATE.index("Why?")) == AUDIENCE
    assert t.role_at(0) is None


def test_the_clef_tsv():
    text = "1\tHOLT\tGood evening.\t0\n2\tHOLT\tWhat is it?\t0\n3\tHOLT\tAnd why?\t0\n4\tTRUMP\tWe lost 70,000 jobs\t1\n5\tTRUMP\tin Ohio.\t0\n6\tSYSTEM\t(APPLAUSE)\t0\n"
    t = parse(text, "tsv")
    assert [(line.speaker, text[line.start:line.end], line.label) for line in t.lines][3] == ("TRUMP", "We lost 70,000 jobs", 1)
    assert t.roles == {"HOLT": MODERATOR, "SYSTEM": SYSTEM}
    masked = mask(text, t)
    assert [s.text for s in sentences(masked)] == ["Good evening.", "What is it?", "And why?", "We lost 70,000 jobs", "in Ohio.",
                                                   "(APPLAUSE)"]  # one sentence a line; no line number nor label is read
    assert t.role_at(masked.index("(APPLAUSE)")) == SYSTEM


def test_kind_of():
    assert kind_of("debate.transcript") == "speaker" and kind_of("a/B.TSV") == "tsv" and kind_of("notes.txt") is None
