"""Applications: quick log and undo, details with friendly validation, status history, reapply dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import event

from models.application import ApplicationUpdate
from services.applications.goals import GoalService
from services.applications.service import ApplicationService
from services.applications.signals import ApplicationSignals
from services.applications.wins import WinService
from services.errors import NotFound, ValidationError
from services.settings import SettingsService


@pytest.fixture
def apps(db, clock) -> ApplicationService:
    return ApplicationService(db.session, clock)


@pytest.fixture
def signals(db, clock) -> ApplicationSignals:
    return ApplicationSignals(db.session, clock, GoalService(db.session, clock, SettingsService(db.session, clock)))


@pytest.fixture
def wins(db, clock) -> WinService:
    return WinService(db.session, clock)


def statements(db):
    """Collect the SQL statements the engine runs, for 'one insert' checks."""
    seen: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: seen.append(a[2].strip().split()[0].upper()))
    return seen


def test_quick_log_is_one_insert_and_undo_removes_exactly_that(db, apps, clock):
    kept = apps.log_application()
    seen = statements(db)
    ids = apps.log_application()
    assert [s for s in seen if s not in ("BEGIN", "COMMIT")] == ["INSERT"]
    app = apps.get(application_id=ids[0])
    assert (app.applied_on, app.status, app.company) == (clock.today(), "applied", None)
    apps.undo_log(ids=ids)
    with pytest.raises(NotFound):
        apps.get(application_id=ids[0])
    assert apps.get(application_id=kept[0]).id == kept[0]


def test_several_at_once_is_still_one_insert(db, apps):
    seen = statements(db)
    ids = apps.log_application(count=5, source="Job board")
    assert [s for s in seen if s not in ("BEGIN", "COMMIT")] == ["INSERT"]
    assert len(ids) == 5 and len(set(ids)) == 5
    assert {apps.get(application_id=i).source for i in ids} == {"Job board"}
    apps.undo_log(ids=ids[:2])
    assert apps.queries.list_applications().total == 3


def test_quick_log_count_is_bounded(apps):
    with pytest.raises(ValidationError) as err:
        apps.log_application(count=0)
    assert "count" in err.value.errors


def test_only_the_date_is_required(apps, clock):
    app = apps.add_application(applied_on=clock.today())
    assert app.id and app.company is None
    with pytest.raises(ValidationError) as err:
        apps.add_application(applied_on=None)
    assert "applied_on" in err.value.errors


def test_bad_input_gets_a_message_per_field_and_saves_nothing(apps, clock):
    with pytest.raises(ValidationError) as err:
        apps.add_application(
            applied_on=clock.today() + timedelta(days=1), company="x" * 201, notes="n" * 20_001, status="interview"
        )
    assert set(err.value.errors) == {"applied_on", "company", "notes"}
    assert "future" in err.value.errors["applied_on"]
    assert apps.queries.list_applications().total == 0
    with pytest.raises(ValidationError) as err:
        apps.add_application(applied_on=clock.today(), status="offer")
    assert "company" in err.value.errors  # an offer from nobody makes no sense
    assert apps.queries.list_applications().total == 0


@pytest.mark.parametrize(
    "text", ["Café 🚀 Ünïcode", "شركة التقنية", "Robert'); DROP TABLE application;--", "100% _real_ \\ co"]
)
def test_unusual_text_is_stored_and_found_exactly(apps, clock, text):
    app = apps.add_application(applied_on=clock.today(), company=text, notes=text)
    assert apps.get(application_id=app.id).company == text
    page = apps.queries.list_applications(text=text)
    assert [a.id for a in page.items] == [app.id]


def test_edit_changes_only_given_fields(apps, clock):
    app = apps.add_application(applied_on=clock.today(), company="Acme", role="Analyst")
    apps.update_application(application_id=app.id, changes=ApplicationUpdate(role="Senior analyst", link=" https://x.test "))
    again = apps.get(application_id=app.id)
    assert (again.company, again.role, again.link) == ("Acme", "Senior analyst", "https://x.test")
    with pytest.raises(ValidationError):
        apps.update_application(application_id=app.id, changes=ApplicationUpdate(applied_on=clock.today() + timedelta(days=2)))


def test_status_history_keeps_every_change_with_its_date(apps, wins, clock):
    start = clock.today() - timedelta(days=20)
    app = apps.add_application(applied_on=start, company="Acme", role="Analyst")
    apps.change_status(application_id=app.id, status="interview", on=start + timedelta(days=7))
    rejected = apps.change_status(application_id=app.id, status="rejected", on=start + timedelta(days=14))
    timeline = apps.timeline(application_id=app.id)
    assert [(e.status, e.on) for e in timeline] == [
        ("applied", start), ("interview", start + timedelta(days=7)), ("rejected", start + timedelta(days=14))
    ]
    # A rejection suggests waiting three months before reapplying.
    assert rejected.reapply_after == date(2026, 5, 26)  # 26 Feb + 3 months
    assert [w.title for w in wins.recent_wins()] == ["Interview with Acme"]


def test_rejection_keeps_a_reapply_date_already_chosen(apps, clock):
    app = apps.add_application(applied_on=clock.today(), company="Acme")
    apps.set_reapply_after(application_id=app.id, on=date(2026, 9, 1))
    assert apps.change_status(application_id=app.id, status="rejected").reapply_after == date(2026, 9, 1)
    assert apps.set_reapply_after(application_id=app.id, on=None).reapply_after is None


def test_status_dates_must_be_sensible(apps, clock):
    app = apps.add_application(applied_on=clock.today() - timedelta(days=3), company="Acme")
    with pytest.raises(ValidationError):
        apps.change_status(application_id=app.id, status="interview", on=clock.today() + timedelta(days=1))
    with pytest.raises(ValidationError):
        apps.change_status(application_id=app.id, status="interview", on=clock.today() - timedelta(days=4))
    with pytest.raises(ValidationError):
        apps.change_status(application_id=app.id, status="hired")
    assert apps.timeline(application_id=app.id)[-1].status == "applied"


def test_a_quick_logged_entry_can_still_be_marked_rejected(apps):
    """Other features (feedback, mood) may move a quick-logged entry; the company can come later."""
    [app_id] = apps.log_application()
    assert apps.change_status(application_id=app_id, status="rejected").status == "rejected"


def test_waiting_period_note_and_reapply_reminders(apps, signals, clock):
    old = apps.add_application(applied_on=clock.today() - timedelta(days=40), company="Acme")
    apps.change_status(application_id=old.id, status="rejected", on=clock.today() - timedelta(days=30))
    later = date(2026, 5, 2)  # rejected on 2 February (4 March - 30 days), + 3 months
    assert apps.waiting_period(company="  acme ") == later
    assert apps.waiting_period(company="Globex") is None
    assert not [i for i in signals.attention(clock.today()) if i.kind == "reapply"]
    items = signals.attention(later)
    assert [i.route for i in items if i.kind == "reapply"] == [f"/applications/{old.id}"]
    # Applying there again once the wait is over clears the reminder.
    clock.set(clock.now() + (later - clock.today()))
    apps.add_application(applied_on=later, company="ACME")
    assert apps.get(application_id=old.id).reapply_after is None


def test_waiting_over_a_month_shows_one_summary_and_can_be_cleared(apps, signals, clock):
    for days in (31, 45, 10):
        apps.add_application(applied_on=clock.today() - timedelta(days=days))
    [item] = [i for i in signals.attention(clock.today()) if i.kind == "waiting-30-days"]
    assert item.title.startswith("2 applications") and item.route == "/applications/waiting"
    assert apps.mark_no_reply(before=clock.today() - timedelta(days=30)) == 2
    assert not [i for i in signals.attention(clock.today()) if i.kind == "waiting-30-days"]


def test_delete_and_undo_puts_everything_back(db, apps, wins, clock):
    app = apps.add_application(applied_on=clock.today() - timedelta(days=2), company="Acme", notes="Long\nnotes 🚀")
    apps.change_status(application_id=app.id, status="interview")
    snapshot = apps.delete_application(application_id=app.id)
    with pytest.raises(NotFound):
        apps.get(application_id=app.id)
    assert wins.recent_wins()[0].application_id is None  # the win stays, unlinked
    apps.restore_application(snapshot=snapshot)
    back = apps.get(application_id=app.id)
    assert (back.company, back.notes, back.status) == ("Acme", "Long\nnotes 🚀", "interview")
    assert [e.status for e in apps.timeline(application_id=app.id)] == ["applied", "interview"]
    assert wins.recent_wins()[0].application_id == app.id


def test_list_is_paged_filtered_and_newest_first(apps, clock):
    today = clock.today()
    for i in range(30):
        apps.add_application(applied_on=today - timedelta(days=i), company=f"Co {i}", source="Referral" if i % 3 == 0 else "Job board")
    first = apps.queries.list_applications(limit=10)
    assert first.total == 30 and first.has_more and first.items[0].company == "Co 0"
    last = apps.queries.list_applications(limit=10, offset=20)
    assert not last.has_more and last.items[-1].company == "Co 29"
    referrals = apps.queries.list_applications(source="Referral", date_from=today - timedelta(days=9), date_to=today)
    assert [a.company for a in referrals.items] == ["Co 0", "Co 3", "Co 6", "Co 9"]
    assert apps.queries.list_applications(text="co 2", limit=50).total == 11  # "Co 2", "Co 20".."Co 29"
    assert apps.queries.sources_in_use() == ["Job board", "Referral"]


def test_manual_wins(wins, clock):
    with pytest.raises(ValidationError):
        wins.add_win(title="  ")
    win = wins.add_win(title="Got a referral")
    assert wins.recent_wins()[0].title == "Got a referral"
    wins.delete_win(win_id=win.id)
    assert wins.recent_wins() == []


def test_filling_in_a_quick_log_counts_it_once(apps, wins, clock):
    (first, second) = apps.log_application(count=2, source="Referral")
    assert [a.id for a in apps.queries.quick_logged_on(day=clock.today())] == [first, second]
    filled = apps.fill_in_quick_log(application_id=first, company="Acme", role="Analyst", status="interview")
    assert (filled.company, filled.source, filled.applied_on, filled.status) == ("Acme", "Referral", clock.today(), "interview")
    assert [a.id for a in apps.queries.quick_logged_on(day=clock.today())] == [second]
    assert apps.queries.list_applications().total == 2
    assert [e.status for e in apps.timeline(application_id=first)] == ["applied", "interview"]
    assert [w.title for w in wins.recent_wins()] == ["Interview with Acme"]
    with pytest.raises(ValidationError) as err:  # already has details: nothing changes
        apps.fill_in_quick_log(application_id=first, company="Globex")
    assert "quick_log" in err.value.errors
    with pytest.raises(ValidationError):  # bad input: the +1 stays as it was
        apps.fill_in_quick_log(application_id=second, company="x" * 500)
    assert apps.get(application_id=second).company is None
    assert apps.queries.quick_logged_on(day=clock.today() - timedelta(days=1)) == []


def test_leaving_rejected_clears_the_reapply_date(apps, clock):
    app = apps.add_application(applied_on=clock.today() - timedelta(days=30), company="Acme")
    apps.change_status(application_id=app.id, status="rejected", on=clock.today() - timedelta(days=2))
    assert apps.get(application_id=app.id).reapply_after == date(2026, 6, 2)
    apps.change_status(application_id=app.id, status="withdrawn")
    assert apps.get(application_id=app.id).reapply_after is None
