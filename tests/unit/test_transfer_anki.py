"""Anki decks exported as text: the exact cards that come in, idempotent by guid, starter questions kept single."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from services.transfer import FileProblem, TransferService
from tests.unit.transfer_fixtures import dump, file_services

# Anki 2.1.55+ "Notes in Plain Text", with guid, notetype, deck and tags columns and HTML kept.
NOTES = (
    "#separator:tab\n"
    "#html:true\n"
    "#guid column:1\n"
    "#notetype column:2\n"
    "#deck column:3\n"
    "#tags column:6\n"
    "b8Xk2!a1\tBasic\tInterview Prep::Behavioural\tTell me about a time you <b>failed</b>.\t"
    "\"<div>Launch slipped 2 weeks;</div><div>I owned the fix &amp; told the team.</div><img src=\"\"x.png\"\">\"\t"
    "star failure\n"
    "Qq9#z0L\tBasic\tInterview Prep::Leadership\tHow do you lead without authority?\t"
    "By listening first[sound:tip.mp3]<br>then agreeing on one goal 🎯\tleadership\n"
    "p0O(aa2\tBasic (and reversed card)\tInterview Prep::Salary\t¿Cuál es tu expectativa salarial?\t"
    "Con un rango: «entre 40 y 45 mil» — y flexibilidad\tnegociación español\n"
    "Zz1&mm3\tCloze\tInterview Prep\tThe STAR method: {{c1::Situation}}, Task, {{c2::Action::what you did}}, Result\t\t\n"
    "R4nd0m5\tBasic\tInterview Prep::Motivation\tلماذا تريد هذه الوظيفة؟\tلأنني أحب الفريق\t\n"
    "Dup0001\tBasic\tInterview Prep\tWhat is your greatest weakness?\tI over-prepare.\t\n"
    "Img0002\tBasic\tInterview Prep\t<img src=\"chart.png\">\t[sound:a.mp3]\t\n"
)


@pytest.fixture
def app(tmp_path, clock):
    s = file_services(tmp_path / "data", clock)
    yield s
    s.db.dispose()


def _file(tmp_path, content: str, name: str = "deck.txt"):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def _cards(s, since_id: int = 0):
    with s.db.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT question, category, tags, situation, task, action, result, notes FROM practice_card "
            "WHERE id > :since ORDER BY id"), {"since": since_id}).all()
    return [(q, c, json.loads(t), si, ta, ac, re, n) for q, c, t, si, ta, ac, re, n in rows]


def test_the_exact_cards_come_in(app, clock, tmp_path):
    transfer = TransferService(app.db, clock)
    source = transfer.read_file(path=_file(tmp_path, NOTES))
    assert source.kind == "anki"
    report = transfer.apply(source=source)
    # "What is your greatest weakness?" is empty here: no starter deck added yet, so it comes in too.
    assert report.texts() == ["added 6 practice questions, skipped 1 (no question text (only a picture or sound))"]
    assert _cards(app) == [
        ("Tell me about a time you failed.", "behavioral", ["star", "failure"], "", "", "", "",
         "Launch slipped 2 weeks;\nI owned the fix & told the team."),
        ("How do you lead without authority?", "leadership", ["leadership"], "", "", "", "",
         "By listening first\nthen agreeing on one goal 🎯"),
        ("¿Cuál es tu expectativa salarial?", "other", ["negociación", "español", "salary"], "", "", "", "",
         "Con un rango: «entre 40 y 45 mil» — y flexibilidad"),
        ("The STAR method: […], Task, [what you did], Result", "other", ["interview prep"], "", "", "", "",
         "The STAR method: Situation, Task, Action, Result"),
        ("لماذا تريد هذه الوظيفة؟", "motivation", [], "", "", "", "", "لأنني أحب الفريق"),
        ("What is your greatest weakness?", "other", ["interview prep"], "", "", "", "", "I over-prepare."),
    ]


def test_importing_twice_adds_nothing(app, clock, tmp_path):
    transfer = TransferService(app.db, clock)
    path = _file(tmp_path, NOTES)
    transfer.apply(source=transfer.read_file(path=path))
    before = dump(app.db.path)
    again = transfer.apply(source=transfer.read_file(path=path))
    assert again.texts() == ["added 0 practice questions, skipped 7 (6 already here, 1 no question text (only a picture or sound))"]
    assert dump(app.db.path) == before


def test_a_question_already_in_the_deck_is_not_added_again(app, clock, tmp_path):
    app.practice.starter.ensure_starter_deck()  # the starter deck, as the app adds it at start
    top = len(_cards(app))
    transfer = TransferService(app.db, clock)
    # The same starter question, with other capitals and punctuation; and a new one with commas in quotes.
    content = "Front,Back\nwhy are you looking for a NEW position,Growth\n\"Why us, and why now?\",\"Mission, team\"\n"
    report = transfer.apply(source=transfer.read_file(path=_file(tmp_path, content, "deck.csv")))
    assert report.texts() == ["added 1 practice question, skipped 1 (same question already in your deck)"]
    assert _cards(app, since_id=top) == [("Why us, and why now?", "other", [], "", "", "", "", "Mission, team")]


def test_a_tab_separated_deck_without_header_lines(app, clock, tmp_path):
    content = "Describe a conflict you resolved\tWe paired for a day\tconflict\nWhy this role?\tGrowth\t\n"
    transfer = TransferService(app.db, clock)
    report = transfer.apply(source=transfer.read_file(path=_file(tmp_path, content, "deck.tsv")))
    assert report.texts() == ["added 2 practice questions, skipped 0"]
    assert [(q, n) for q, *_, n in _cards(app)] == [
        ("Describe a conflict you resolved", "We paired for a day\n\nconflict"),
        ("Why this role?", "Growth"),
    ]


def test_star_columns_named_in_the_header_fill_the_star_steps(app, clock, tmp_path):
    content = (
        "#separator:semicolon\n#columns:Question;Situation;Task;Action;Result\n"
        "Tell me about a deadline;New site;Ship in 2 weeks;Cut scope;Launched on time\n"
    )
    transfer = TransferService(app.db, clock)
    transfer.apply(source=transfer.read_file(path=_file(tmp_path, content)))
    assert _cards(app) == [("Tell me about a deadline", "other", [], "New site", "Ship in 2 weeks", "Cut scope",
                            "Launched on time", "")]


def test_a_question_too_long_is_refused_naming_the_row(app, clock, tmp_path):
    content = "#separator:tab\n#html:false\nShort one\tfine\n" + "Q" * 501 + "\tanswer\n"
    transfer = TransferService(app.db, clock)
    before = dump(app.db.path)
    with pytest.raises(FileProblem) as caught:
        transfer.apply(source=transfer.read_file(path=_file(tmp_path, content)))
    assert "Row 4, “question”: the question is 501 characters; questions can be up to 500." in caught.value.message
    assert dump(app.db.path) == before
