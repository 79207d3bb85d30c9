"""Feedback records: one per rejection, request status, validation, lists and themes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from models.feedback import FeedbackUpdate
from services.errors import NotFound, ValidationError
from services.feedback.service import YOUR_NAME_KEY
from services.feedback.signals import FeedbackSignals


@pytest.fixture
def fb(services):
    return services.feedback


def rejected(services, company="Acme", role="Data Analyst", applied=date(2026, 2, 10), on=date(2026, 3, 2)):
    app = services.applications.add_application(applied_on=applied, company=company, role=role)
    services.applications.change_status(application_id=app.id, status="rejected", on=on)
    return app


def test_one_record_per_rejected_application(services, fb):
    app = rejected(services)
    first = fb.start_for_application(application_id=app.id)
    again = fb.start_for_application(application_id=app.id)
    assert first.id == again.id
    assert (first.company, first.role, first.status, first.rejected_on) == (
        "Acme",
        "Data Analyst",
        "not_asked",
        date(2026, 3, 2),
    )
    assert fb.for_application(application_id=app.id).id == first.id


def test_unknown_application_is_not_found(fb):
    with pytest.raises(NotFound):
        fb.start_for_application(application_id=999)


def test_standalone_record_needs_a_name_and_a_past_day(fb, clock):
    with pytest.raises(ValidationError) as e:
        fb.record_feedback()
    assert "company" in e.value.errors
    with pytest.raises(ValidationError):
        fb.record_feedback(company="Acme", rejected_on=clock.today() + timedelta(days=1))
    r = fb.record_feedback(company="Globex", what_they_said="We went with someone with more direct experience.")
    assert r.application_id is None and r.status == "received" and r.received_on == clock.today()
    quiet = fb.record_feedback(role="Designer")
    assert quiet.status == "not_asked" and quiet.rejected_on == clock.today()


def test_asking_marks_today_and_keeps_the_first_date(services, fb, clock):
    record = fb.start_for_application(application_id=rejected(services).id)
    asked = fb.mark_asked(feedback_id=record.id)
    assert (asked.status, asked.asked_on) == ("asked", clock.today())
    clock.advance(days=2)
    again = fb.mark_asked(feedback_id=record.id)
    assert again.asked_on == clock.today() - timedelta(days=2), "a second copy does not restart the wait"
    with pytest.raises(ValidationError):
        fb.mark_asked(feedback_id=record.id, on=clock.today() + timedelta(days=1))


def test_received_needs_what_they_said(services, fb, clock):
    record = fb.start_for_application(application_id=rejected(services).id)
    fb.update_feedback(feedback_id=record.id, changes=FeedbackUpdate(what_they_said=""))  # fine while not received
    with pytest.raises(ValidationError) as e:
        fb.mark_received(feedback_id=record.id, what_they_said="   ")
    assert "what_they_said" in e.value.errors
    with pytest.raises(ValidationError):
        fb.set_status(feedback_id=record.id, status="received")
    got = fb.mark_received(feedback_id=record.id, what_they_said=" More examples, please. ", theme="examples")
    assert (got.status, got.received_on, got.what_they_said, got.theme) == (
        "received",
        clock.today(),
        "More examples, please.",
        "examples",
    )
    with pytest.raises(ValidationError):
        fb.update_feedback(feedback_id=record.id, changes=FeedbackUpdate(what_they_said=""))
    assert fb.get(feedback_id=record.id).what_they_said == "More examples, please."


def test_received_record_stays_received_when_asked_again(services, fb):
    record = fb.start_for_application(application_id=rejected(services).id)
    fb.mark_received(feedback_id=record.id, what_they_said="Thanks!")
    assert fb.mark_asked(feedback_id=record.id).status == "received"


def test_status_by_hand(services, fb):
    record = fb.start_for_application(application_id=rejected(services).id)
    fb.mark_asked(feedback_id=record.id)
    assert fb.set_status(feedback_id=record.id, status="no_reply").status == "no_reply"
    back = fb.set_status(feedback_id=record.id, status="not_asked")
    assert back.asked_on is None
    with pytest.raises(ValidationError):
        fb.set_status(feedback_id=record.id, status="ghosted")


def test_limits_and_bad_fields(services, fb):
    record = fb.start_for_application(application_id=rejected(services).id)
    with pytest.raises(ValidationError) as e:
        fb.update_feedback(
            feedback_id=record.id,
            changes=FeedbackUpdate(manager_name="x" * 201, reflection="y" * 20_001, theme="vibes", contact_email="nope"),
        )
    assert set(e.value.errors) == {"manager_name", "reflection", "theme", "contact_email"}
    assert e.value.errors["manager_name"] == "Please keep this under 200 characters."
    assert fb.get(feedback_id=record.id).manager_name is None, "nothing saved"
    long_ok = "word " * 3999
    assert fb.update_feedback(feedback_id=record.id, changes=FeedbackUpdate(reflection=long_ok)).reflection == long_ok.strip()
    with pytest.raises(ValidationError) as e:  # the status has its own actions
        fb.update_feedback(feedback_id=record.id, changes=FeedbackUpdate(status="received"))
    assert set(e.value.errors) == {"status"}


def test_names_with_accents_emoji_and_quotes_reach_the_message(services, fb):
    app = rejected(services, company="Café “Zoë” & Co", role="Désigner 🚀")
    record = fb.start_for_application(application_id=app.id)
    fb.update_feedback(
        feedback_id=record.id, changes=FeedbackUpdate(manager_name="José O'Brien", contact_email="jose@cafe.example")
    )
    fb.set_your_name(name="Ana “Nana” Ñúñez")
    assert services.settings.get(YOUR_NAME_KEY) == "Ana “Nana” Ñúñez"
    msg = fb.request_message(feedback_id=record.id)
    assert "Hi José O'Brien," in msg.body and "the Désigner 🚀 role at Café “Zoë” & Co" in msg.body
    assert msg.body.endswith("Ana “Nana” Ñúñez") and msg.to == "jose@cafe.example"
    assert "Following up" in fb.request_message(feedback_id=record.id, follow_up=True).subject


def test_application_deleted_keeps_the_lesson(services, fb):
    app = rejected(services)
    record = fb.start_for_application(application_id=app.id)
    services.applications.delete_application(application_id=app.id)
    kept = fb.get(feedback_id=record.id)
    assert kept.application_id is None and kept.company == "Acme"


def test_list_is_newest_first_paged_and_filtered(services, fb):
    ids = []
    for i in range(5):
        app = rejected(services, company=f"Co{i}", on=date(2026, 2, 20) + timedelta(days=i))
        ids.append(fb.start_for_application(application_id=app.id).id)
    fb.mark_asked(feedback_id=ids[0])
    fb.actions.add_action(feedback_id=ids[4], text="Rewrite the summary")
    rows = fb.queries.list_feedback(limit=3)
    assert [r.company for r in rows] == ["Co4", "Co3", "Co2"]
    assert rows[0].open_actions == 1 and rows[1].open_actions == 0
    assert [r.company for r in fb.queries.list_feedback(limit=3, offset=3)] == ["Co1", "Co0"]
    assert [r.company for r in fb.queries.list_feedback(status="asked")] == ["Co0"]
    assert fb.queries.status_counts() == {"not_asked": 4, "asked": 1, "received": 0, "no_reply": 0}
    assert rows[0].title == "Data Analyst at Co4"


def test_recurring_theme_counts(fb):
    for theme in ("examples", "examples", "experience", "examples", None):
        fb.record_feedback(company="X", what_they_said="words", theme=theme)
    fb.record_feedback(company="Y")  # nothing heard: not counted
    counts = fb.queries.recurring_themes()
    assert [(c.theme, c.count, c.total) for c in counts] == [("examples", 3, 5), ("experience", 1, 5)]
    assert counts[0].sentence == "3 of 5 mention examples"
    assert fb.queries.recurring_themes()[1].sentence == "1 of 5 mention experience"


def test_recurring_themes_empty(fb):
    assert fb.queries.recurring_themes() == []


def test_attention_after_a_week_without_reply(services, fb, clock):
    record = fb.start_for_application(application_id=rejected(services).id)
    fb.mark_asked(feedback_id=record.id)
    signals = FeedbackSignals(services.db.session)
    assert signals.attention(clock.today() + timedelta(days=6)) == []
    items = signals.attention(clock.today() + timedelta(days=7))
    assert [(i.kind, i.about) for i in items] == [("feedback-waiting", record.id)]
    assert "Acme" in items[0].title and items[0].route == f"/feedback/{record.id}"
    assert any(i.about == record.id for i in services.attention.items(clock.today() + timedelta(days=8)))
    fb.mark_received(feedback_id=record.id, what_they_said="Thanks for asking.")
    assert signals.attention(clock.today() + timedelta(days=30)) == []


def test_delete_cascades_to_actions(services, fb):
    record = fb.record_feedback(company="X")
    fb.actions.add_action(feedback_id=record.id, text="Do it")
    fb.delete_feedback(feedback_id=record.id)
    assert fb.actions.open_action_count() == 0
    with pytest.raises(NotFound):
        fb.get(feedback_id=record.id)
