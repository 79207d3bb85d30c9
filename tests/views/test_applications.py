"""Applications, headless: list paging and filters, the form's field messages, detail, status flow."""

from __future__ import annotations

import re
from datetime import date, timedelta

import flet as ft
import pytest

pytestmark = pytest.mark.asyncio


def field(h, name):
    return h.find_by_key(f"field-{name}")


async def test_add_a_full_application_then_interview_then_rejected(mount_bounceback, services, clock):
    h = await mount_bounceback(width=1280, height=800, route="/applications")
    assert h.find_text("No applications yet")
    await h.click(h.find_button("Add"))
    assert h.page.route == "/applications/new"
    await h.set_value(field(h, "company"), "Acme 🚀")
    await h.set_value(field(h, "role"), "Data analyst")
    await h.set_value(field(h, "applied_on"), (clock.today() - timedelta(days=10)).isoformat())
    await h.dispatch(field(h, "source"), "select", "Referral", {"value": "Referral"})
    await h.set_value(field(h, "notes"), "Met Sam at the meetup")
    await h.click(h.find_button("Save"))
    [app] = services.applications.queries.list_applications().items
    assert (app.company, app.source, app.notes) == ("Acme 🚀", "Referral", "Met Sam at the meetup")
    assert h.page.route == f"/applications/{app.id}"

    await h.click(h.find_button("Interview"))
    await h.set_value(h.find_first(lambda c: isinstance(c, ft.TextField) and c.label == "The day they invited you"),
                      (clock.today() - timedelta(days=3)).isoformat())
    await h.click(h.find_button("Save"))
    assert h.find_text("Interview", exact=True)
    await h.click(h.find_button("Rejected"))
    await h.click(h.find_button("Save"))
    assert h.page.route == f"/feedback/after-rejection/{app.id}"
    timeline = services.applications.timeline(application_id=app.id)
    assert [(e.status, e.on) for e in timeline] == [
        ("applied", clock.today() - timedelta(days=10)),
        ("interview", clock.today() - timedelta(days=3)),
        ("rejected", clock.today()),
    ]
    assert services.applications.get(application_id=app.id).reapply_after == date(2026, 6, 4)  # today + 3 months


async def test_form_shows_messages_at_the_fields_and_saves_nothing(mount_bounceback, services, clock):
    h = await mount_bounceback(width=390, height=844, route="/applications/new")
    await h.set_value(field(h, "applied_on"), (clock.today() + timedelta(days=2)).isoformat())
    await h.set_value(field(h, "company"), "x" * 201)
    await h.click(h.find_button("Save"))
    assert "future" in field(h, "applied_on").error
    assert "200" in field(h, "company").error
    await h.set_value(field(h, "applied_on"), "next tuesday")
    await h.click(h.find_button("Save"))
    assert "2026-03-04" in field(h, "applied_on").error
    assert services.applications.queries.list_applications().total == 0


async def test_quick_logged_entry_needs_a_company_before_interview(mount_bounceback, services):
    [app_id] = services.applications.log_application()
    h = await mount_bounceback(width=390, height=844, route=f"/applications/{app_id}")
    assert h.find_text("Application (details to add)")
    await h.click(h.find_button("Interview"))
    await h.click(h.find_button("Save"))
    company = h.find_first(lambda c: isinstance(c, ft.TextField) and c.label == "Company")
    assert "Add the company" in company.error
    await h.set_value(company, "Initech")
    await h.click(h.find_button("Save"))
    assert services.applications.get(application_id=app_id).status == "interview"


async def test_list_pages_searches_and_filters(mount_bounceback, services, clock):
    for i in range(60):
        services.applications.add_application(applied_on=clock.today() - timedelta(days=i), company=f"Company {i}",
                                              source="Referral" if i % 2 else "Job board")
    h = await mount_bounceback(width=1280, height=800, route="/applications")
    assert h.find_by_key("list-range").value == "1–20 of 60"
    assert h.find_by_key("app-1") is not None and h.find_by_key("app-21") is None  # newest first, 20 drawn
    await h.click(h.find_button("Show more"))
    assert h.find_by_key("list-range").value == "1–40 of 60"
    assert h.find_by_key("app-1") is not None and h.find_by_key("app-40") is not None
    await h.click(h.find_button("Show more"))
    assert h.find_by_key("list-range").value == "1–60 of 60"
    assert h.find_by_key("app-60") is not None
    assert not h.find_buttons("Show more")  # everything is shown
    search = h.find_first(lambda c: isinstance(c, ft.TextField))
    await h.set_value(search, "Company 1")
    assert h.find_by_key("list-range").value == "1–11 of 11"
    assert not h.find_buttons("Show more")
    dropdowns = h.find_by_type(ft.Dropdown)
    await h.dispatch(dropdowns[2], "select", "Referral", {"value": "Referral"})
    assert h.find_by_key("list-range").value == "1–6 of 6"
    await h.set_value(search, "")
    assert h.find_by_key("list-range").value == "1–20 of 30"  # a new filter starts again from the first 20
    await h.set_value(search, "Company 1")
    await h.click(h.find_by_key("app-2" if False else f"app-{services.applications.queries.list_applications(text='Company 11').items[0].id}"))
    assert h.find_text("Company 11")


async def test_waiting_list_clears_in_one_tap(mount_bounceback, services, clock):
    for days in (40, 50):
        services.applications.add_application(applied_on=clock.today() - timedelta(days=days))
    h = await mount_bounceback(width=390, height=844, route="/applications/waiting")
    await h.click(h.find_button("Mark all 2 as no reply"))
    assert services.applications.queries.list_applications(statuses=["no_reply"]).total == 2


async def test_delete_with_undo(mount_bounceback, services, clock):
    app = services.applications.add_application(applied_on=clock.today(), company="Umbrella")
    h = await mount_bounceback(width=1280, height=800, route=f"/applications/{app.id}")
    await h.click(h.find_button("Delete application"))
    assert h.page.route == "/applications"
    assert services.applications.queries.list_applications().total == 0
    bar = [d for d in h.page._dialogs.controls if isinstance(d, ft.SnackBar) and d.open][-1]
    await h.dispatch(bar, "action")
    assert services.applications.get(application_id=app.id).company == "Umbrella"


async def test_insights_render_chart_and_patterns(mount_bounceback, services, clock):
    for i in range(6):
        services.applications.add_application(applied_on=clock.today() - timedelta(days=i), source="Job board", company=f"C{i}")
    h = await mount_bounceback(width=390, height=844, route="/applications/insights")
    import flet_charts as fch

    assert h.find_by_type(fch.BarChart)
    assert h.find_text("Job board")
    await h.dispatch(h.one(ft.SegmentedButton), "change", None, {"selected": ["week"]})
    assert h.find_text("6 sent in the last 12 weeks.", exact=False)


async def test_patterns_on_a_phone_are_one_line_per_group_and_a_table_when_wide(mount_bounceback, services, clock):
    """390 px cannot hold four columns (the last one hid behind a sideways scroll): a phone
    shows each group's figures on one line. 6 from a job board, 2 of them answered, 1 of those
    an interview: 33% replied (2), 17% interviewed (1); 2 from a referral: too few to tell."""
    ids = [services.applications.add_application(applied_on=clock.today() - timedelta(days=i), source="Job board",
                                                 company=f"C{i}").id for i in range(6)]
    for i in range(2):
        services.applications.add_application(applied_on=clock.today(), source="Referral", company=f"R{i}")
    services.applications.change_status(application_id=ids[0], status="heard_back")
    services.applications.change_status(application_id=ids[0], status="interview")
    services.applications.change_status(application_id=ids[1], status="rejected")
    h = await mount_bounceback(width=390, height=844, route="/applications/insights")
    assert not h.find_by_type(ft.DataTable)
    assert h.find_text("6 sent · 33% replied (2) · 17% interviewed (1)")
    assert h.find_text("2 sent · too few to tell")
    wide = await mount_bounceback(width=1280, height=800, route="/applications/insights")
    (table,) = wide.find_by_type(ft.DataTable)
    assert [c.label.value for c in table.columns] == ["Group", "Sent", "Replies", "Interviews"]


async def test_a_gentle_note_when_the_company_is_still_in_its_waiting_period(mount_bounceback, services, clock):
    old = services.applications.add_application(applied_on=clock.today() - timedelta(days=20), company="Hooli")
    services.applications.change_status(application_id=old.id, status="rejected")
    h = await mount_bounceback(width=390, height=844, route="/applications/new")
    await h.set_value(field(h, "company"), "hooli")
    await h.blur(field(h, "company"))
    assert "the wait you set runs until" in field(h, "company").helper
    await h.click(h.find_button("Save"))  # a note, not a block
    assert services.applications.queries.list_applications(text="hooli").total == 2


async def test_between_dates_filter(mount_bounceback, services, clock):
    for i in range(10):
        services.applications.add_application(applied_on=clock.today() - timedelta(days=i), company=f"D{i}")
    h = await mount_bounceback(width=1280, height=800, route="/applications")
    when = [d for d in h.find_by_type(ft.Dropdown) if d.label == "When"][0]
    await h.dispatch(when, "select", "custom", {"value": "custom"})
    await h.set_value(h.find_by_key("range-from"), (clock.today() - timedelta(days=5)).isoformat())
    await h.set_value(h.find_by_key("range-to"), (clock.today() - timedelta(days=3)).isoformat())
    assert h.find_by_key("list-range").value == "1–3 of 3"
    await h.set_value(h.find_by_key("range-to"), (clock.today() - timedelta(days=8)).isoformat())
    assert "before the start" in h.find_by_key("range-to").error
    assert h.find_by_key("list-range").value == "1–6 of 6"  # the backwards end is left out


async def test_a_pasted_page_in_the_search_box_is_explained_at_the_field(mount_bounceback, services, clock):
    services.applications.add_application(applied_on=clock.today(), company="Acme")
    h = await mount_bounceback(width=390, height=844, route="/applications")
    def search():
        return h.find_first(lambda c: isinstance(c, ft.TextField))

    await h.set_value(search(), "budget " * 8000)  # ~56 kB: SQLite refused such a LIKE pattern before
    assert search().error == "Search for up to 200 characters."
    await h.set_value(search(), "Acme")
    assert search().error is None and h.find_by_key("list-range").value == "1–1 of 1"


async def test_an_impossible_id_in_the_address_shows_not_found(mount_bounceback):
    """2**63 and more can't even be asked of SQLite (OverflowError); it is simply not there."""
    h = await mount_bounceback(width=390, height=844, route="/applications/99999999999999999999")
    assert h.find_text("This application was deleted or never existed.")


async def test_add_after_a_plus_one_offers_to_fill_it_in(mount_bounceback, services, clock):
    h = await mount_bounceback(width=390, height=844)
    await h.click(h.find_button("+1 application"))  # sent it, logged in one tap
    await h.go("/applications/new")
    assert h.find_by_key("quick-log-choice")
    assert h.find_text("You logged one application with +1 today, still without details. Is this one of them?")
    await h.set_value(field(h, "company"), "Acme")
    await h.set_value(field(h, "role"), "Analyst")
    # A double tap on Save: still one application.
    save = h.find_button("Save")
    await h.dispatch(save, "click", settle=False)
    await h.dispatch(save, "click", settle=False)
    await h.settle(timeout=10)
    page = services.applications.queries.list_applications()
    assert page.total == 1 and (page.items[0].company, page.items[0].role) == ("Acme", "Analyst")
    assert services.goals.progress().today == 1, "counted once"

    # Another day's +1 is not offered for today; choosing "another one" adds a second.
    await h.go("/")
    await h.click(h.find_button("+1 application"))
    await h.go("/applications/new")
    await h.set_value(field(h, "applied_on"), (clock.today() - timedelta(days=1)).isoformat())
    assert not h.find_by_key("quick-log-choice")
    await h.set_value(field(h, "applied_on"), clock.today().isoformat())
    choice = h.find_first(lambda c: isinstance(c, ft.RadioGroup))
    await h.set_value(choice, "new")
    await h.set_value(field(h, "company"), "Globex")
    await h.click(h.find_button("Save"))
    assert services.goals.progress().today == 3
    assert services.applications.queries.quick_logged_on(day=clock.today())  # the +1 is still there to fill


async def test_moving_out_of_rejected_asks_once(mount_bounceback, services, clock):
    app = services.applications.add_application(applied_on=clock.today() - timedelta(days=20), company="Acme")
    services.applications.change_status(application_id=app.id, status="rejected", on=clock.today() - timedelta(days=2))
    h = await mount_bounceback(width=390, height=844, route=f"/applications/{app.id}")
    await h.click(h.find_button("Interview"))
    assert h.find_text("Move it from “Rejected” to “Interview”?")
    note = h.find_by_key("leaving-rejection").value
    assert "marked as a no on Monday" in note and "clears the day set to apply again (2 Jun 2026)" in note
    await h.click(h.find_button("Yes, move it"))
    moved = services.applications.get(application_id=app.id)
    assert (moved.status, moved.reapply_after) == ("interview", None)
    assert [e.status for e in services.applications.timeline(application_id=app.id)] == ["applied", "rejected", "interview"]


async def test_status_dialog_speaks_plainly(mount_bounceback, services, clock):
    app = services.applications.add_application(applied_on=clock.today() - timedelta(days=5), company="Acme")
    h = await mount_bounceback(width=390, height=844, route=f"/applications/{app.id}")
    await h.click(h.find_button("Interview"))
    assert h.find_text("An interview") and not h.find_text(re.compile("^Mark as"))
    await h.dismiss(h.one(ft.AlertDialog))
    await h.click(h.find_button("Rejected"))
    assert h.find_text("It was a no")
    assert h.find_text(re.compile(r"^Sorry it's a no\. After saving, a few gentle next steps"))
