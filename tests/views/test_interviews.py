"""Interviews, headless: scheduling with messages at the field, the past asked once, Today's
card and its prep session, the after screen, deleting an application with its rounds."""

from __future__ import annotations

from datetime import date, datetime

import flet as ft
import pytest

from tests.conftest import LOCAL_TZ

pytestmark = pytest.mark.asyncio

SAT = date(2026, 3, 7)


def field(h, key: str):
    found = h.find_by_key(key)
    assert found is not None, f"no field {key!r}: {h.texts()[:40]}"
    return found


def acme(services):
    return services.applications.add_application(applied_on=date(2026, 2, 20), company="Acme", role="Data Analyst")


def open_dialogs(h, kind=ft.AlertDialog):
    return [d for d in h.page._dialogs.controls if isinstance(d, kind) and d.open]


def snack_text(h) -> str:
    bars = open_dialogs(h, ft.SnackBar)
    assert bars, "no snack bar"
    return bars[-1].content.value


async def fill_form(h, *, day="2026-03-07", at="14:00", minutes="60"):
    await h.set_value(field(h, "field-day"), day)
    await h.type_text(field(h, "field-at"), at)
    await h.type_text(field(h, "field-duration_minutes"), minutes)


@pytest.mark.parametrize("width", [390, 1280])
async def test_schedule_from_the_application_and_see_it_on_today(mount_bounceback, services, width):
    services.practice.starter.ensure_starter_deck()
    app = acme(services)
    h = await mount_bounceback(width=width, height=844)
    await h.go(f"/applications/{app.id}")
    await h.click(h.find_by_key("schedule-interview"))
    assert h.page.route == f"/applications/{app.id}/interviews/new"
    await fill_form(h)
    await h.click(h.find_button("Add a person"))
    await h.type_text(field_named(h, "Name (person 1)"), "José Núñez")
    await h.click(field(h, "save-interview"))
    interview = services.interviews.upcoming()[0]
    assert h.page.route == f"/interviews/{interview.id}"
    assert "the application moved to Interview" in snack_text(h)
    assert interview.people == (("José Núñez", ""),)
    await h.go("/")
    assert h.find_text("Technical interview with Acme on Saturday")
    assert h.find_text("Today: 0 of 3 done")
    await h.click(field(h, f"practise-{interview.id}"))
    assert h.page.route == f"/interviews/{interview.id}/practice"
    assert h.find_text("Question 1 of 3")


def named(h, label: str):
    """An icon button named by its icon (views.common.named.NamedIconButton)."""
    found = h.find_first(lambda c: isinstance(c, ft.IconButton) and getattr(c.icon, "semantics_label", "") == label)
    assert found is not None, f"nothing named {label!r}"
    return found


def field_named(h, label: str):
    found = [c for c in h.find_by_type(ft.TextField) if c.label == label]
    assert found, f"no field labelled {label!r}"
    return found[0]


async def test_messages_at_the_field_and_nothing_saved(mount_bounceback, services):
    app = acme(services)
    h = await mount_bounceback(width=390, height=844)
    await h.go(f"/applications/{app.id}/interviews/new")
    await fill_form(h, at="25:00", minutes="0")
    await h.click(field(h, "save-interview"))
    assert field(h, "field-at").error == "Write the time like 14:30 (or 2:30 pm)."
    await h.type_text(field(h, "field-at"), "14:00")
    await h.click(field(h, "save-interview"))
    assert field(h, "field-duration_minutes").error == "An interview needs at least 5 minutes."
    await h.type_text(field(h, "field-duration_minutes"), "1440")
    await h.click(field(h, "save-interview"))
    assert field(h, "field-duration_minutes").error.startswith("That's longer than 12 hours.")
    await h.type_text(field(h, "field-duration_minutes"), "45")
    await h.click(h.find_button("Add a person"))
    await h.click(h.find_button("Add a person"))
    await h.type_text(field_named(h, "Name (person 1)"), "Ana")
    await h.click(field(h, "save-interview"))
    assert field_named(h, "Name (person 2)").error == "Add their name, or remove this row."
    assert services.interviews.for_application(application_id=app.id) == []
    await h.click(named(h, "Remove person 2"))
    await h.click(field(h, "save-interview"))
    assert services.interviews.for_application(application_id=app.id)[0].people == (("Ana", ""),)


async def test_a_past_time_asks_once_then_saves(mount_bounceback, services):
    app = acme(services)
    h = await mount_bounceback(width=1280, height=800)
    await h.go(f"/applications/{app.id}/interviews/new")
    await fill_form(h, day="2026-03-03", at="10:00")
    await h.click(field(h, "save-interview"))
    [dialog] = open_dialogs(h)
    assert dialog.title.value == "That time has passed"
    assert services.interviews.for_application(application_id=app.id) == []
    await h.click(h.find_button("Save anyway"))
    [saved] = services.interviews.for_application(application_id=app.id)
    assert saved.starts.date() == date(2026, 3, 3)


async def test_after_the_interview_questions_become_cards_and_the_note_is_copied(mount_bounceback, services, clock):
    app = acme(services)
    interview = services.interviews.schedule_interview(application_id=app.id, day=SAT, at="14:00", round="technical",
                                                       people=[{"name": "Zoë", "role": "Lead"}]).interview
    clock.set(datetime(2026, 3, 8, 10, 0, tzinfo=LOCAL_TZ))
    h = await mount_bounceback(width=390, height=844)
    await h.go("/")
    assert h.find_text("How did your technical interview with Acme go?")
    await h.go(f"/interviews/{interview.id}/after")
    await h.click(h.find_by_key("face-4"))
    await h.select_chip(field(h, "feeling-relieved"))
    await h.click(field(h, "save-checkin"))
    entry = services.mood.get_entry(entry_id=services.interviews.get(interview_id=interview.id).mood_entry_id)
    assert (entry.mood, entry.feelings) == (4, ("relieved",))
    await h.submit(field(h, "new-question-0"), "How would you test a data pipeline?")
    [question] = services.interviews.after.questions(interview_id=interview.id)
    await h.click(field(h, f"question-to-card-{question.id}"))
    [question] = services.interviews.after.questions(interview_id=interview.id)
    assert services.practice.deck.get_card(card_id=question.card_id).question == "How would you test a data pipeline?"
    assert field(h, f"question-card-{question.id}")
    await h.type_text(field(h, "thank-you-topic"), "the “data mesh” plan 🚀")
    copy = field(h, "copy-thank-you")
    assert "I especially enjoyed talking about the “data mesh” plan 🚀" in copy.action.data
    assert copy.action.data.startswith("Subject: Thank you for the conversation about the Data Analyst role at Acme")
    await h.click(copy)
    assert services.interviews.get(interview_id=interview.id).thank_you_sent_on == date(2026, 3, 8)
    assert any(w.kind == "thank_you" for w in services.wins.recent_wins())


async def test_deleting_an_application_with_rounds_asks_then_undo_brings_them_back(mount_bounceback, services):
    app = acme(services)
    services.interviews.schedule_interview(application_id=app.id, day=SAT, at="14:00")
    h = await mount_bounceback(width=1280, height=800)
    await h.go(f"/applications/{app.id}")
    await h.click(h.find_button("Delete application"))
    [dialog] = open_dialogs(h)
    assert dialog.content.value.startswith("Its interview, with their notes and questions, go with it.")
    await h.click(h.find_button("Delete"))
    assert services.interviews.upcoming() == []
    await h.dispatch(open_dialogs(h, ft.SnackBar)[-1], "action")
    assert len(services.interviews.upcoming()) == 1


async def test_the_funnel_sits_with_the_other_charts(mount_bounceback, services):
    app = acme(services)
    services.interviews.schedule_interview(application_id=app.id, day=date(2026, 3, 2), at="10:00", past_ok=True)
    h = await mount_bounceback(width=390, height=844)
    await h.go("/applications/insights")
    assert h.find_text("From applying to an offer")
    assert h.find_by_key("funnel-round_1")
    # By role on a phone: one line per group (five columns do not fit 390 px); a single
    # application is too few to show more than how many were sent.
    await h.dispatch(h.find_by_key("funnel-by-role"), "select", None)
    assert not h.find_by_type(ft.DataTable)
    assert h.find_text("1 sent")
