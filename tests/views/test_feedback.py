"""Feedback screens, headless: list by status, detail with guide and actions, keyword check,
and the after-rejection flow."""

from __future__ import annotations

from datetime import date

import flet as ft
import pytest

pytestmark = pytest.mark.asyncio

TODAY = date(2026, 3, 4)


def field(h, key: str) -> ft.TextField:
    found = h.find_by_key(key)
    assert found is not None, f"no field {key!r}: {h.texts()[:40]}"
    return found


def rejected(services, company="Acme", role="Data Analyst"):
    app = services.applications.add_application(applied_on=date(2026, 2, 10), company=company, role=role)
    services.applications.change_status(application_id=app.id, status="rejected", on=date(2026, 3, 2))
    return services.applications.get(application_id=app.id)


async def test_empty_feedback_screen_explains_itself(mount_bounceback):
    h = await mount_bounceback(width=390, height=844)
    await h.go("/feedback")
    assert h.find_text("Nothing to learn from yet")
    assert h.find_button("Check keywords")


async def test_list_groups_by_status_shows_themes_and_pages(mount_bounceback, services):
    fb = services.feedback
    for i in range(8):
        r = fb.record_feedback(company=f"Co{i}", what_they_said="Please give more specific examples.", theme="examples")
    waiting = fb.record_feedback(company="Waiting Ltd")
    fb.mark_asked(feedback_id=waiting.id)
    fb.actions.add_action(feedback_id=r.id, text="Write three STAR stories")
    h = await mount_bounceback(width=1280, height=800)
    await h.go("/feedback")
    assert h.find_text("Waiting for a reply (1)") and h.find_text("Received (8)")
    assert h.find_text("8 of 8 mention examples")
    assert h.find_text("Write three STAR stories")
    assert len([c for c in h.find_all(lambda c: isinstance(c, ft.ListTile))]) == 6  # 1 + first page of 5
    await h.click(h.find_button("Show 3 more"))
    assert len([c for c in h.find_all(lambda c: isinstance(c, ft.ListTile))]) == 9
    await h.toggle(h.find_by_key(f"open-action-{fb.actions.open_actions()[0].id}"), True)
    assert fb.actions.open_action_count() == 0
    await h.click(h.find_by_key(f"feedback-{waiting.id}"))
    assert h.page.route == f"/feedback/{waiting.id}"


async def test_detail_received_with_suggested_theme_guide_and_actions(mount_bounceback, services):
    record = services.feedback.start_for_application(application_id=rejected(services).id)
    h = await mount_bounceback(width=390, height=844)
    await h.go(f"/feedback/{record.id}")
    assert h.find_text("Data Analyst at Acme")
    await h.click(h.find_button("Save what they said"))
    assert field(h, "what-they-said").error == "Paste or type what they said first."
    await h.set_value(field(h, "what-they-said"), "We went with someone who had more direct experience in fintech.")
    assert h.find_text("This sounds like: More direct experience wanted")
    await h.click(h.find_button("Save what they said"))
    assert services.feedback.get(feedback_id=record.id).status == "received"
    await h.click(h.find_button("Use this theme"))
    assert services.feedback.get(feedback_id=record.id).theme == "experience"
    assert h.find_text("What it usually means") and h.find_text("More direct experience wanted")
    assert not h.find_text("This sounds like:", exact=False)
    await h.click(h.find_button("Add these to my actions"))
    items = services.feedback.actions.for_record(feedback_id=record.id)
    assert len(items) == 3
    await h.toggle(h.find_by_key(f"action-{items[0].id}"), True)
    assert services.feedback.actions.for_record(feedback_id=record.id)[0].done
    assert h.find_text("1 of 3 done")
    await h.submit(field(h, "new-action"), "Ask Sam for a mock interview")
    assert h.find_text("Ask Sam for a mock interview", exact=False)


async def test_request_composer_copies_message_and_marks_asked(mount_bounceback, services):
    record = services.feedback.start_for_application(application_id=rejected(services, company="Café Zoë").id)
    h = await mount_bounceback(width=1280, height=800)
    await h.go(f"/feedback/{record.id}")
    await h.set_value(field(h, "manager-name"), "José O'Brien")
    await h.set_value(field(h, "your-name"), "Ana 🌻")
    copy = h.find_by_key("copy-request")
    assert "Hi José O'Brien," in copy.action.data and copy.action.data.rstrip().endswith("Ana 🌻")
    assert h.find_text("Hi José O'Brien,", exact=False)
    mail = h.find_by_key("mail-request")
    assert mail.action.url.startswith("mailto:?subject=") and "Jos%C3%A9" in mail.action.url
    await h.click(copy)
    saved = services.feedback.get(feedback_id=record.id)
    assert (saved.status, saved.asked_on, saved.manager_name) == ("asked", TODAY, "José O'Brien")
    assert services.feedback.your_name() == "Ana 🌻"
    assert h.find_text("Asked today") and h.find_button("Mark as no reply")


async def test_bad_email_is_explained_at_the_field(mount_bounceback, services):
    record = services.feedback.record_feedback(company="Acme")
    h = await mount_bounceback(width=390, height=844)
    await h.go(f"/feedback/{record.id}")
    await h.set_value(field(h, "contact-email"), "not an email")
    await h.blur(field(h, "contact-email"))
    assert field(h, "contact-email").error
    await h.click(h.find_by_key("copy-request"))
    assert services.feedback.get(feedback_id=record.id).status == "not_asked"


async def test_turn_into_practice_from_the_detail(mount_bounceback, services):
    record = services.feedback.record_feedback(
        company="Acme", what_they_said="Needed more leadership.", theme="leadership"
    )
    h = await mount_bounceback(width=1280, height=800)
    await h.go(f"/feedback/{record.id}")
    await h.click(h.find_button("Add to my practice"))
    ids = services.feedback.actions.practice_card_ids(feedback_id=record.id)
    assert len(ids) == 2
    assert h.find_text("2 questions made from this feedback, 0 practised so far.")
    assert any(a.text.startswith("Practise") for a in services.feedback.actions.for_record(feedback_id=record.id))


async def test_missing_record_is_explained(mount_bounceback):
    h = await mount_bounceback(width=390, height=844)
    await h.go("/feedback/999")
    assert h.find_text("That record isn't here any more")


async def test_keyword_check_screen(mount_bounceback):
    h = await mount_bounceback(width=390, height=844)
    await h.go("/feedback/keywords")
    await h.click(h.find_button("Check keywords"))
    assert field(h, "listing").error and field(h, "resume").error
    await h.set_value(field(h, "listing"), "Tableau dashboards. SQL and Tableau. Python scripting.")
    await h.set_value(field(h, "resume"), "Built SQL reports and dashboards.")
    await h.click(h.find_button("Check keywords"))
    assert h.find_text("Your resume mentions 2 of the listing's 5 keywords.")
    assert h.find_text("Tableau  ×2") and h.find_text("Python")


async def test_after_rejection_flow_three_steps(mount_bounceback, services, clock):
    app = rejected(services)
    h = await mount_bounceback(width=390, height=844)
    await h.go(f"/feedback/after-rejection/{app.id}")
    assert h.find_text("isn't a verdict on your worth", exact=False)
    await h.click(h.find_button("Mood 2 of 5: low"))
    (entry,) = services.mood.entries_on(day=TODAY)
    assert (entry.mood, entry.application_id, entry.about_rejection) == (2, app.id, True)
    await h.click(h.find_button("Mood 3 of 5: okay"))
    assert [e.mood for e in services.mood.entries_on(day=TODAY)] == [3], "changing the face edits the same entry"
    assert services.feedback.for_application(application_id=app.id) is None, "showing the steps starts no record"
    await h.click(h.find_by_key("copy-request"))
    record = services.feedback.for_application(application_id=app.id)
    assert record.status == "asked", "copying the request starts the record and marks it asked"
    # Rejected on 2 March: three months by default.
    assert h.find_text("You can apply to Acme again from 2 Jun 2026.", exact=False)
    await h.click(h.find_button("6 months"))
    # Six months after the no (2 March), the same base as the three-month default.
    assert services.applications.get(application_id=app.id).reapply_after == date(2026, 9, 2)
    await h.click(h.find_button("Pick a date"))
    picker = h.find_all(lambda c: isinstance(c, ft.DatePicker))[-1]
    await h.set_value(picker, date(2026, 7, 1))
    assert services.applications.get(application_id=app.id).reapply_after == date(2026, 7, 1)
    await h.click(h.find_by_key("step-when-skip"))
    assert h.find_text("Skipped. You can come back to it any time.")
    await h.click(h.find_button("Done"))
    assert h.page.route == "/applications"


async def test_after_rejection_for_a_missing_application(mount_bounceback):
    h = await mount_bounceback(width=390, height=844)
    await h.go("/feedback/after-rejection/404")
    assert h.find_text("That application isn't here any more")


async def test_add_a_standalone_record(mount_bounceback, services):
    h = await mount_bounceback(width=390, height=844)
    await h.go("/feedback")
    await h.click(h.find_button("Add"))
    assert h.find_text("For a rejection you didn't log as an application.")
    await h.click(h.find_buttons("Add")[-1])  # the dialog's own Add, left empty
    company = h.find_all(lambda c: isinstance(c, ft.TextField) and c.label == "Company")[0]
    assert company.error, "a company or role is asked for"
    await h.set_value(company, "Globex")
    await h.click(h.find_buttons("Add")[-1])
    (row,) = services.feedback.queries.list_feedback()
    assert row.company == "Globex" and row.application_id is None
    assert h.page.route == f"/feedback/{row.id}"


async def test_reopening_after_a_no_shows_where_things_stand(mount_bounceback, services, clock):
    app = rejected(services)
    route = f"/feedback/after-rejection/{app.id}"
    h = await mount_bounceback(width=390, height=844, route=route)
    await h.click(h.find_button("Mood 2 of 5: low"))
    await h.click(h.find_by_key("copy-request"))
    record = services.feedback.for_application(application_id=app.id)

    await h.go("/")  # back later the same day: waiting for an answer
    await h.go(route)
    assert h.find_text("Noted. Naming it is a real step; let the feeling be there for a while.")
    assert not h.find_by_key("copy-request"), "no request form while waiting"
    assert h.find_button("Write a follow-up") and h.find_button("They replied")
    await h.click(h.find_button("Write a follow-up"))
    assert h.find_by_key("copy-request")

    services.feedback.mark_received(feedback_id=record.id, what_they_said="More concrete examples next time.")
    clock.advance(days=1)
    await h.go("/")
    await h.go(route)
    assert h.find_text("Received yesterday")
    assert not h.find_by_key("copy-request") and not h.find_buttons("Write a follow-up")
    await h.click(h.find_button("Read what they said"))
    assert h.page.route == f"/feedback/{record.id}"
    await h.go(route)
    assert h.find_text("You felt low yesterday. How is it now? Any face is fine.")
    await h.click(h.find_button("Mood 3 of 5: okay"))
    assert [e.mood for e in services.mood.entries_on(day=clock.today())] == [3], "a new day: a new entry"


async def test_add_feedback_by_hand_asks_for_the_company_then_opens_the_record(mount_bounceback, services):
    h = await mount_bounceback(width=390, height=844)
    await h.go("/feedback")
    await h.click(h.find_button("Add"))
    assert h.find_text("Add feedback")
    await h.click(h.find_buttons("Add")[-1])  # the dialog's Add, nothing typed
    assert field(h, "add-company").error
    # typed fast: the browser is a letter ahead when the re-render for the last event runs
    await h.dispatch(field(h, "add-company"), "change", "Globe", props={"value": "Globe"}, settle=False)
    h.session.apply_patch(field(h, "add-company")._i, {"value": "Globex"})
    await h.settle()
    assert field(h, "add-company").value == "Globex"
    await h.dispatch(field(h, "add-company"), "change", "Globex")
    await h.set_value(field(h, "add-role"), "Analyst")
    await h.click(h.find_buttons("Add")[-1])
    assert not h.find_text("Add feedback")
    assert h.page.route.startswith("/feedback/")
    record = services.feedback.get(feedback_id=int(h.page.route.rsplit("/", 1)[1]))
    assert (record.company, record.role) == ("Globex", "Analyst")
