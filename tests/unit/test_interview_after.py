"""After an interview: the check-in, questions to cards, the thank-you note (template with
accents, emoji and quotes), the outcome, and Today's follow-up (fixed clock, UTC-5)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from services.errors import ValidationError
from services.interviews import mailto_url
from services.interviews.thank_you import render_thank_you
from tests.conftest import LOCAL_TZ

SAT = date(2026, 3, 7)
FOLLOW_UPS = ("interview-check-in", "interview-thank-you")


@pytest.fixture
def done(services, clock):
    """A technical round with Acme on Saturday at 14:00; the clock on Sunday morning."""
    app = services.applications.add_application(applied_on=date(2026, 2, 20), company="Acme", role="Data Analyst")
    interview = services.interviews.schedule_interview(
        application_id=app.id, day=SAT, at="14:00", round="technical",
        people=[{"name": "José Núñez", "role": "Head of Data"}, {"name": "Ana", "role": ""}],
    ).interview
    clock.set(datetime(2026, 3, 8, 9, 0, tzinfo=LOCAL_TZ))
    return interview


# ---- the template ---------------------------------------------------------------------------
def test_the_thank_you_template_with_accents_emoji_and_quotes():
    note = render_thank_you(
        interviewer="Zoë O’Brien-Ñúñez", role="Data “Wizard” Analyst", company="Café 😀 & Co",
        topic='the "data mesh" plan 🚀', your_name="Sam Lee", when="yesterday",
    )
    assert note.subject == "Thank you for the conversation about the Data “Wizard” Analyst role at Café 😀 & Co"
    assert note.body == (
        "Hi Zoë O’Brien-Ñúñez,\n"
        "\n"
        "Thank you for taking the time to speak with me yesterday about the Data “Wizard” Analyst role at "
        'Café 😀 & Co. I especially enjoyed talking about the "data mesh" plan 🚀, and it left me even keener '
        "on the role.\n"
        "\n"
        "If anything else would help from my side, I'd be glad to share it.\n"
        "\n"
        "Best wishes,\n"
        "Sam Lee"
    )
    assert note.text == f"Subject: {note.subject}\n\n{note.body}"


def test_blank_parts_read_naturally_and_names_cannot_break_the_layout():
    note = render_thank_you(interviewer="Ana\n\x00DROP", topic="   ")
    assert note.body.splitlines()[0] == "Hi Ana DROP,"
    assert "speak with me today about the role." in note.body
    assert "I enjoyed learning more about the team and the work" in note.body
    assert note.body.endswith("Best wishes,")
    assert render_thank_you().body.startswith("Hello,\n")


def test_too_long_parts_are_refused_at_their_field():
    with pytest.raises(ValidationError) as err:
        render_thank_you(interviewer="x" * 201, topic="y" * 301)
    assert set(err.value.errors) == {"interviewer", "topic"}


def test_the_mail_link_carries_the_exact_text():
    note = render_thank_you(interviewer="José", company="Acme & Sons", topic="“quotes” + plus", your_name="Sam")
    url = mailto_url(note)
    assert url.startswith("mailto:?subject=") and "+" not in url and " " not in url
    query = parse_qs(urlsplit(url).query)
    assert query["subject"] == [note.subject]
    assert query["body"] == [note.body.replace("\n", "\r\n")]


# ---- through the service ---------------------------------------------------------------------
def test_the_note_defaults_to_the_first_person_met_and_says_when(services, done):
    note = services.interviews.after.thank_you(interview_id=done.id, your_name="Sam")
    assert note.body.startswith("Hi José Núñez,\n\nThank you for taking the time to speak with me yesterday ")
    services.interviews.after.save_thank_you(interview_id=done.id, to="Ana", topic="the roadmap")
    note = services.interviews.after.thank_you(interview_id=done.id, your_name="Sam")
    assert note.body.startswith("Hi Ana,") and "talking about the roadmap," in note.body


def test_sending_the_note_is_a_small_win_once(services, done):
    services.interviews.after.thank_you_sent(interview_id=done.id, to="José Núñez", topic="SQL")
    services.interviews.after.thank_you_sent(interview_id=done.id, to="José Núñez", topic="SQL")  # copied again
    info = services.interviews.get(interview_id=done.id)
    assert (info.thank_you_sent_on, info.thank_you_to, info.thank_you_topic) == (date(2026, 3, 8), "José Núñez", "SQL")
    wins = [(w.kind, w.title, w.application_id) for w in services.wins.recent_wins()]
    assert wins.count(("thank_you", "Sent a thank-you note to Acme", done.application_id)) == 1


def test_a_note_after_each_round_counts(services, done, clock):
    """Wins for actions are one per kind and application; a thank-you is one per round's day."""
    services.interviews.after.thank_you_sent(interview_id=done.id, to="Ana")
    second = services.interviews.schedule_interview(application_id=done.application_id, day=date(2026, 3, 10),
                                                    at="10:00", round="final").interview
    clock.set(datetime(2026, 3, 10, 16, 0, tzinfo=LOCAL_TZ))
    services.interviews.after.thank_you_sent(interview_id=second.id, to="Ana")
    assert [w.won_on for w in services.wins.recent_wins() if w.kind == "thank_you"] == [date(2026, 3, 10), date(2026, 3, 8)]


def test_the_check_in_is_a_mood_entry_about_the_application(services, done):
    services.interviews.after.check_in(interview_id=done.id, mood=4, feelings=["relieved", "Proud"], note="Good talk")
    info = services.interviews.get(interview_id=done.id)
    entry = services.mood.get_entry(entry_id=info.mood_entry_id)
    assert (entry.mood, set(entry.feelings), entry.note, entry.application_id) == (
        4, {"relieved", "proud"}, "Good talk", done.application_id)
    services.interviews.after.check_in(interview_id=done.id, mood=3, feelings=["tired"])
    assert services.interviews.get(interview_id=done.id).mood_entry_id == info.mood_entry_id
    assert [e.mood for e in services.mood.recent_entries()] == [3], "a second check-in edits, not adds"
    with pytest.raises(ValidationError) as err:
        services.interviews.after.check_in(interview_id=done.id, mood=9)
    assert list(err.value.errors) == ["mood"]


def test_a_question_becomes_a_card_with_one_tap(services, done):
    question = services.interviews.after.add_question(interview_id=done.id, text="  How would you  test a pipeline? ")
    assert question.text == "How would you test a pipeline?"
    again = services.interviews.after.add_question(interview_id=done.id, text="how would you test a pipeline?")
    assert again.id == question.id, "typed twice: kept once"
    card_id = services.interviews.after.question_to_card(question_id=question.id)
    card = services.practice.deck.get_card(card_id=card_id)
    assert (card.question, card.category, card.tags) == (
        "How would you test a pipeline?", "other", '["interview", "technical"]')
    assert card.notes == "Asked in your technical interview with Acme on 7 Mar 2026."
    assert services.interviews.after.question_to_card(question_id=question.id) == card_id, "no duplicate"
    assert [q.card_id for q in services.interviews.after.questions(interview_id=done.id)] == [card_id]
    # The card fits the next technical round's plan (its tag names the round).
    app2 = services.applications.add_application(applied_on=date(2026, 3, 1), company="Globex")
    nxt = services.interviews.schedule_interview(application_id=app2.id, day=date(2026, 3, 12), at="10:00",
                                                 round="technical").interview
    assert card_id in [c.id for c in services.interviews.plans.plan(interview_id=nxt.id).today]
    with pytest.raises(ValidationError) as err:
        services.interviews.after.add_question(interview_id=done.id, text="   ")
    assert err.value.errors == {"text": "Write the question they asked."}


def test_an_offer_or_a_no_moves_the_application(services, done):
    services.interviews.after.set_outcome(interview_id=done.id, outcome="next_round")
    assert services.applications.get(application_id=done.application_id).status == "interview"
    services.interviews.after.set_outcome(interview_id=done.id, outcome="rejected")
    app = services.applications.get(application_id=done.application_id)
    assert (app.status, app.status_on, app.reapply_after) == ("rejected", date(2026, 3, 8), date(2026, 6, 8))
    with pytest.raises(ValidationError):
        services.interviews.after.set_outcome(interview_id=done.id, outcome="hired")


def test_today_asks_how_it_went_then_offers_the_note_within_a_day(services, done, clock):
    def titles():
        return [i.title for i in services.attention.items() if i.kind in FOLLOW_UPS]

    assert titles() == ["How did your technical interview with Acme go?"]
    services.interviews.after.check_in(interview_id=done.id, mood=4)
    assert titles() == ["A thank-you note, while it's fresh?"]
    clock.advance(days=1)  # Monday: past "within a day"
    assert titles() == []
    clock.advance(days=-1)
    services.interviews.after.thank_you_sent(interview_id=done.id, to=None)
    assert titles() == []


def test_nothing_to_follow_up_before_it_ends_or_long_after(services, done, clock):
    clock.set(datetime(2026, 3, 7, 14, 30, tzinfo=LOCAL_TZ))  # during it
    assert [i for i in services.attention.items() if i.kind in FOLLOW_UPS] == []
    clock.set(datetime(2026, 3, 11, 9, 0, tzinfo=LOCAL_TZ) + timedelta(days=1))
    assert [i for i in services.attention.items() if i.kind in FOLLOW_UPS] == []
