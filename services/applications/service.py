"""Logging and tracking applications: the quick log, details, status history, reapply dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, insert
from sqlmodel import Session, col, select

from models.application import (
    MAX_QUICK_LOG,
    NEEDS_COMPANY,
    STATUS_LABELS,
    Application,
    ApplicationCreate,
    ApplicationUpdate,
    QuickLog,
    StatusChange,
    StatusChangeCreate,
    Win,
    needs_company_message,
)
from models.shapes import Day, RecordId, Text, check, is_record_id
from services.applications import undo as applications_undo
from services.applications.queries import QUICK_LOG_BLANKS, ApplicationQueries
from services.applications.rules import check_change_day, reapply_date
from services.applications.wins import WinKind, WinService
from services.clock import Clock
from services.dates import absolute_day
from services.errors import ValidationError
from services.lookup import id_of, load
from services.storage.db import SessionFactory

__all__ = ["MAX_QUICK_LOG", "ApplicationService", "TimelineEntry"]
AUTO_WIN_TITLES = {"heard_back": "Heard back", "interview": "Interview", "offer": "Offer"}
AUTO_WIN_KINDS = {"heard_back": WinKind.HEARD_BACK, "interview": WinKind.INTERVIEW, "offer": WinKind.OFFER}


@dataclass(frozen=True)
class TimelineEntry:
    status: str
    on: date

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


class ApplicationService:
    def __init__(self, sessions: SessionFactory, clock: Clock, wins: WinService | None = None):
        self._sessions = sessions
        self._clock = clock
        self._wins = wins or WinService(sessions, clock)
        self.queries = ApplicationQueries(sessions, clock)

    # ---- the quick log --------------------------------------------------
    def log_application(self, *, count: int = 1, source: str | None = None) -> list[int]:
        """Log `count` applications sent today in one INSERT; details can come later."""
        data = QuickLog(count=count, source=source)
        now, today = self._clock.now(), self._clock.today()
        row = {
            "applied_on": today, "status": "applied", "status_on": today,
            "source": data.source, "created_at": now, "updated_at": now,
        }
        with self._sessions() as s:
            ids = list(s.scalars(insert(Application).returning(col(Application.id)), [row] * data.count))
            s.commit()
        return sorted(i for i in ids if i is not None)

    def undo_log(self, *, ids: list[int]) -> None:
        """Remove exactly the entries a quick log created (and nothing else)."""
        ids = check("ids", list[RecordId], ids)
        if not ids:
            return
        with self._sessions() as s:
            s.execute(delete(Application).where(col(Application.id).in_(ids)))
            s.commit()

    def fill_in_quick_log(
        self, *, application_id: int, company: str | None = None, role: str | None = None,
        source: str | None = None, industry: str | None = None, company_size: str | None = None,
        link: str | None = None, notes: str | None = None, status: str = "applied",
    ) -> Application:
        """Give a +1 entry its details (and status) instead of adding the same application twice."""
        with self._sessions() as s:
            app = load(s, Application, application_id, "application")
            if not s.scalar(select(func.count()).select_from(Application)
                            .where(Application.id == app.id, *QUICK_LOG_BLANKS)):
                raise ValidationError.single("quick_log", "That entry has its details already; add this one as new.")
            data = ApplicationCreate.parse(
                dict(applied_on=app.applied_on, company=company, role=role, source=source, industry=industry,
                     company_size=company_size, link=link, notes=notes, status=status),
                today=self._clock.today(),
            )
            picked_source = app.source  # "where from", chosen at the +1: kept unless given now
            for name, value in data.model_dump(exclude={"status", "applied_on"}).items():
                setattr(app, name, value)
            app.source = data.source or picked_source
            if data.status != "applied":
                self._record_status(s, app, data.status, app.applied_on)
            self._close_waiting_periods(s, app)
            app.updated_at = self._clock.now()
            s.commit()
            return app

    # ---- add, edit, read ------------------------------------------------
    def add_application(
        self, *, applied_on: date | None, company: str | None = None, role: str | None = None,
        source: str | None = None, industry: str | None = None, company_size: str | None = None,
        link: str | None = None, notes: str | None = None, status: str = "applied",
    ) -> Application:
        data = ApplicationCreate.parse(
            dict(applied_on=applied_on, company=company, role=role, source=source, industry=industry,
                 company_size=company_size, link=link, notes=notes, status=status),
            today=self._clock.today(),
        )
        assert data.applied_on is not None  # the shape refuses None
        now = self._clock.now()
        fields = data.model_dump(exclude={"status"})
        app = Application(**fields, status="applied", status_on=data.applied_on, created_at=now, updated_at=now)
        with self._sessions() as s:
            s.add(app)
            s.flush()
            if data.status != "applied":
                self._record_status(s, app, data.status, data.applied_on)
            self._close_waiting_periods(s, app)
            s.commit()
        return app

    def update_application(self, *, application_id: int, changes: ApplicationUpdate) -> Application:
        """Change the given detail fields; status has its own action (`change_status`)."""
        given = ApplicationUpdate.recheck(changes, today=self._clock.today())
        with self._sessions() as s:
            app = load(s, Application, application_id, "application")
            # Clearing the company of an interview (say) is refused; other edits don't re-check it.
            if "company" in given and not given["company"] and app.status in NEEDS_COMPANY:
                raise ValidationError.single("company", needs_company_message(app.status))
            first_change = s.scalar(
                select(func.min(StatusChange.changed_on)).where(StatusChange.application_id == app.id)
            )
            new_day = given.get("applied_on")
            if new_day and first_change and new_day > first_change:
                raise ValidationError.single("applied_on", f"You heard back on {absolute_day(first_change)}; the date applied must be on or before it.")
            for name, value in given.items():
                setattr(app, name, value)
            if new_day and app.status == "applied":
                app.status_on = new_day
            app.updated_at = self._clock.now()
            s.commit()
            return app

    def get(self, *, application_id: int) -> Application:
        with self._sessions() as s:
            return load(s, Application, application_id, "application")

    def timeline(self, *, application_id: int) -> list[TimelineEntry]:
        """Applied, then every status change in date order: the full history."""
        with self._sessions() as s:
            app = load(s, Application, application_id, "application")
            changes = s.exec(
                select(col(StatusChange.status), col(StatusChange.changed_on))
                .where(StatusChange.application_id == app.id)
                .order_by(col(StatusChange.changed_on), col(StatusChange.id))
            ).all()
        return [TimelineEntry("applied", app.applied_on)] + [TimelineEntry(st, on) for st, on in changes]

    # ---- status and reapply dates -----------------------------------------
    def change_status(
        self, *, application_id: int, status: str, on: date | None = None, company: str | None = None
    ) -> Application:
        """Move to `status` on day `on` (default today), keeping the history; one transaction.

        `company` fills in the company when the status needs one (an interview with
        whom?) and none is recorded yet; given but blank, it is refused. A rejection sets "reapply after" three months
        on unless a date is already set, and leaving "rejected" clears it again; heard back / interview / offer records a small win.
        """
        with self._sessions() as s:
            app = self.change_status_in(s, application_id=application_id, status=status, on=on, company=company)
            s.commit()
            return app

    def change_status_in(
        self, s: Session, *, application_id: int, status: str, on: date | None = None, company: str | None = None
    ) -> Application:
        """`change_status`'s writes inside the caller's transaction (which commits), for
        another feature's action that moves the application on (scheduling an interview)."""
        today = self._clock.today()
        data = StatusChangeCreate.parse(dict(status=status, on=on, company=company), today=today)
        day = data.on or today
        app = load(s, Application, application_id, "application")
        check_change_day(day, applied_on=app.applied_on, today=today)
        if data.company:
            app.company = data.company
        elif company is not None and data.status in NEEDS_COMPANY and not app.company:
            # Asked for (the dialog's field) but left blank. Other features may move a
            # quick-logged entry without one; the company can come later.
            raise ValidationError.single("company", needs_company_message(data.status))
        if data.status == app.status and not data.company:
            return app
        if data.status != app.status:
            self._record_status(s, app, data.status, day)
        app.updated_at = self._clock.now()
        s.flush()
        return app

    def set_reapply_after(self, *, application_id: int, on: date | None) -> Application:
        day = check("reapply_after", Day | None, on)
        with self._sessions() as s:
            app = load(s, Application, application_id, "application")
            if day is not None and day < app.applied_on:
                raise ValidationError.single("reapply_after", "Pick a day after you applied.")
            app.reapply_after = day
            app.updated_at = self._clock.now()
            s.commit()
            return app

    def waiting_period(self, *, company: str | None, exclude_id: int | None = None) -> date | None:
        """The latest reapply-after date still ahead for this company, if any (a gentle note, not a block)."""
        name = (check("company", Text | None, company) or "").strip().casefold()
        exclude_id = check("exclude_id", int | None, exclude_id)
        if not name:
            return None
        query = select(col(Application.company), col(Application.reapply_after)).where(
            col(Application.reapply_after) > self._clock.today()
        )
        if exclude_id is not None and is_record_id(exclude_id):
            query = query.where(Application.id != exclude_id)
        with self._sessions() as s:
            dates = [d for c, d in s.exec(query) if d is not None and (c or "").strip().casefold() == name]
        return max(dates) if dates else None

    def mark_no_reply(self, *, before: date) -> int:
        """Mark every application still 'applied' on or before `before` as no reply; returns how many."""
        before = check("before", Day, before)
        today = self._clock.today()
        with self._sessions() as s:
            apps = list(s.scalars(select(Application).where(Application.status == "applied", col(Application.applied_on) <= before)))
            for app in apps:
                self._record_status(s, app, "no_reply", today)
            s.commit()
        return len(apps)

    # ---- delete with undo ---------------------------------------------------
    def delete_application(self, *, application_id: int) -> applications_undo.Snapshot:
        """Delete it (and what hangs off it); keep the returned snapshot to undo."""
        with self._sessions() as s:
            app = load(s, Application, application_id, "application")
            conn = s.connection()
            snap = applications_undo.take(conn, "application", "id", [app.id])
            conn.exec_driver_sql("DELETE FROM application WHERE id = ?", (app.id,))
            s.commit()
        return snap

    def restore_application(self, *, snapshot: applications_undo.Snapshot) -> None:
        with self._sessions() as s:
            applications_undo.restore(s.connection(), snapshot)
            s.commit()

    # ---- internals ----------------------------------------------------------
    def _record_status(self, s: Session, app: Application, status: str, on: date) -> None:
        now = self._clock.now()
        s.add(StatusChange(application_id=id_of(app), status=status, changed_on=on, created_at=now))
        if status == "rejected" and app.reapply_after is None:
            app.reapply_after = reapply_date(on)
        elif app.status == "rejected":
            app.reapply_after = None  # the date came with the no, and the no was corrected
        if status in AUTO_WIN_KINDS:
            already = s.scalar(select(func.count()).select_from(Win).where(Win.application_id == app.id, Win.kind == status))
            if not already:  # the first time only: moving back and forth doesn't re-date it
                who = f" from {app.company}" if app.company and status == "heard_back" else (f" with {app.company}" if app.company else "")
                self._wins.record_in(s, kind=AUTO_WIN_KINDS[status], title=AUTO_WIN_TITLES[status] + who, on=on,
                                     application_id=app.id)
        app.status, app.status_on = status, on

    def _close_waiting_periods(self, s: Session, app: Application) -> None:
        """Applying again once the wait is over means the reminder has done its job."""
        if not app.company:
            return
        name = app.company.casefold()
        for old in s.scalars(select(Application).where(col(Application.reapply_after) <= app.applied_on, Application.id != app.id)):
            if (old.company or "").strip().casefold() == name:
                old.reapply_after = None
