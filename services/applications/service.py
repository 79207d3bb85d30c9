"""Logging and tracking applications: the quick log, details, status history, reapply dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, func, insert, select

from models.application import (
    INTERVIEW_STATUSES,
    STATUS_LABELS,
    Application,
    StatusChange,
    Win,
)
from services.applications import undo as applications_undo
from services.applications.queries import ApplicationQueries
from services.applications.rules import (
    REAPPLY_MONTHS,
    add_months,
    check_change_day,
    check_fields,
    check_status,
)
from services.clock import Clock
from services.errors import NotFound, ValidationError
from services.storage.db import SessionFactory

MAX_QUICK_LOG = 50
AUTO_WIN_TITLES = {"heard_back": "Heard back", "interview": "Interview", "offer": "Offer"}


@dataclass(frozen=True)
class TimelineEntry:
    status: str
    on: date

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


class ApplicationService:
    def __init__(self, sessions: SessionFactory, clock: Clock):
        self._sessions = sessions
        self._clock = clock
        self.queries = ApplicationQueries(sessions, clock)

    # ---- the quick log --------------------------------------------------
    def log_application(self, *, count: int = 1, source: str | None = None) -> list[int]:
        """Log `count` applications sent today in one INSERT; details can come later."""
        if not 1 <= count <= MAX_QUICK_LOG:
            raise ValidationError.single("count", f"Log between 1 and {MAX_QUICK_LOG} at a time.")
        source = check_fields({"source": source}, today=self._clock.today())["source"]
        now, today = self._clock.now(), self._clock.today()
        row = {
            "applied_on": today, "status": "applied", "status_on": today,
            "source": source, "created_at": now, "updated_at": now,
        }
        with self._sessions() as s:
            ids = list(s.scalars(insert(Application).returning(Application.id), [row] * count))
            s.commit()
        return sorted(ids)

    def undo_log(self, *, ids: list[int]) -> None:
        """Remove exactly the entries a quick log created (and nothing else)."""
        if not ids:
            return
        with self._sessions() as s:
            s.execute(delete(Application).where(Application.id.in_(ids)))
            s.commit()

    # ---- add, edit, read ------------------------------------------------
    def add_application(
        self, *, applied_on: date | None, company: str | None = None, role: str | None = None,
        source: str | None = None, industry: str | None = None, company_size: str | None = None,
        link: str | None = None, notes: str | None = None, status: str = "applied",
    ) -> Application:
        today, now = self._clock.today(), self._clock.now()
        fields = check_fields(
            dict(applied_on=applied_on, company=company, role=role, source=source, industry=industry,
                 company_size=company_size, link=link, notes=notes),
            today=today, status=status,
        )
        app = Application(**fields, status=status, status_on=fields["applied_on"], created_at=now, updated_at=now)
        with self._sessions() as s:
            s.add(app)
            s.flush()
            if status != "applied":
                self._record_status(s, app, status, fields["applied_on"])
            self._close_waiting_periods(s, app)
            s.commit()
        return app

    def update_application(self, *, application_id: int, changes: dict[str, Any]) -> Application:
        """Change the given detail fields (see ApplicationUpdate); status has its own method."""
        unknown = set(changes) - {"company", "role", "applied_on", "source", "industry", "company_size", "link", "notes"}
        if unknown:
            raise ValueError(f"not editable here: {sorted(unknown)}")
        with self._sessions() as s:
            app = self._load(s, application_id)
            # Clearing the company of an interview (say) is refused; other edits don't re-check it.
            cleaned = check_fields(changes, today=self._clock.today(), status=app.status if "company" in changes else None)
            first_change = s.scalar(
                select(func.min(StatusChange.changed_on)).where(StatusChange.application_id == application_id)
            )
            new_day = cleaned.get("applied_on")
            if new_day and first_change and new_day > first_change:
                raise ValidationError.single("applied_on", f"You heard back on {first_change:%d %b %Y}; the date applied must be on or before it.")
            for name, value in cleaned.items():
                setattr(app, name, value)
            if new_day and app.status == "applied":
                app.status_on = new_day
            app.updated_at = self._clock.now()
            s.commit()
            return app

    def get(self, *, application_id: int) -> Application:
        with self._sessions() as s:
            return self._load(s, application_id)

    def timeline(self, *, application_id: int) -> list[TimelineEntry]:
        """Applied, then every status change in date order: the full history."""
        with self._sessions() as s:
            app = self._load(s, application_id)
            changes = s.exec(
                select(StatusChange.status, StatusChange.changed_on)
                .where(StatusChange.application_id == application_id)
                .order_by(StatusChange.changed_on, StatusChange.id)
            ).all()
        return [TimelineEntry("applied", app.applied_on)] + [TimelineEntry(st, on) for st, on in changes]

    # ---- status and reapply dates -----------------------------------------
    def change_status(self, *, application_id: int, status: str, on: date | None = None) -> Application:
        """Move to `status` on day `on` (default today), keeping the history.

        A rejection sets "reapply after" three months on unless a date is already set;
        reaching heard back / interview / offer records a small win.
        """
        check_status(status)
        today = self._clock.today()
        on = on or today
        with self._sessions() as s:
            app = self._load(s, application_id)
            check_change_day(on, applied_on=app.applied_on, today=today)
            if status == app.status:
                return app
            self._record_status(s, app, status, on)
            app.updated_at = self._clock.now()
            s.commit()
            return app

    def set_reapply_after(self, *, application_id: int, on: date | None) -> Application:
        with self._sessions() as s:
            app = self._load(s, application_id)
            if on is not None and on < app.applied_on:
                raise ValidationError.single("reapply_after", "Pick a day after you applied.")
            app.reapply_after = on
            app.updated_at = self._clock.now()
            s.commit()
            return app

    def waiting_period(self, *, company: str | None, exclude_id: int | None = None) -> date | None:
        """The latest reapply-after date still ahead for this company, if any (a gentle note, not a block)."""
        name = (company or "").strip().casefold()
        if not name:
            return None
        query = select(Application.company, Application.reapply_after).where(
            Application.reapply_after > self._clock.today()
        )
        if exclude_id is not None:
            query = query.where(Application.id != exclude_id)
        with self._sessions() as s:
            dates = [d for c, d in s.exec(query) if (c or "").strip().casefold() == name]
        return max(dates) if dates else None

    def mark_no_reply(self, *, before: date) -> int:
        """Mark every application still 'applied' on or before `before` as no reply; returns how many."""
        today = self._clock.today()
        with self._sessions() as s:
            apps = list(s.scalars(select(Application).where(Application.status == "applied", Application.applied_on <= before)))
            for app in apps:
                self._record_status(s, app, "no_reply", today)
            s.commit()
        return len(apps)

    # ---- delete with undo ---------------------------------------------------
    def delete_application(self, *, application_id: int) -> applications_undo.Snapshot:
        """Delete it (and what hangs off it); keep the returned snapshot to undo."""
        with self._sessions() as s:
            self._load(s, application_id)
            conn = s.connection()
            snap = applications_undo.take(conn, "application", "id", [application_id])
            conn.exec_driver_sql("DELETE FROM application WHERE id = ?", (application_id,))
            s.commit()
        return snap

    def restore_application(self, *, snapshot: applications_undo.Snapshot) -> None:
        with self._sessions() as s:
            applications_undo.restore(s.connection(), snapshot)
            s.commit()

    # ---- internals ----------------------------------------------------------
    def _load(self, s, application_id: int) -> Application:
        app = s.get(Application, application_id)
        if app is None:
            raise NotFound(f"application {application_id}")
        return app

    def _record_status(self, s, app: Application, status: str, on: date) -> None:
        now = self._clock.now()
        s.add(StatusChange(application_id=app.id, status=status, changed_on=on, created_at=now))
        if status == "rejected" and app.reapply_after is None:
            app.reapply_after = add_months(on, REAPPLY_MONTHS)
        elif status in ("heard_back", *INTERVIEW_STATUSES) and app.status == "rejected":
            app.reapply_after = None  # the "no" was corrected
        if status in AUTO_WIN_TITLES:
            already = s.scalar(select(func.count()).select_from(Win).where(Win.application_id == app.id, Win.kind == status))
            if not already:
                who = f" from {app.company}" if app.company and status == "heard_back" else (f" with {app.company}" if app.company else "")
                s.add(Win(won_on=on, title=AUTO_WIN_TITLES[status] + who, kind=status, application_id=app.id, created_at=now))
        app.status, app.status_on = status, on

    def _close_waiting_periods(self, s, app: Application) -> None:
        """Applying again once the wait is over means the reminder has done its job."""
        if not app.company:
            return
        name = app.company.casefold()
        for old in s.scalars(select(Application).where(Application.reapply_after <= app.applied_on, Application.id != app.id)):
            if (old.company or "").strip().casefold() == name:
                old.reapply_after = None
