"""Interviews: scheduling rounds, editing, cancelling and deleting them, and reading them back.

`InterviewService` is what views and other features use (`AppServices.interviews`).
Built from parts, each with one job: `plans` (the prep plan), `after` (check-in,
questions, thank-you note, outcome), `funnel` (insights), `calendar` (the .ics file).
Reads give `InterviewInfo` values in the device's local time.

Scheduling the first round moves the application to Interview, in the same
transaction, through `ApplicationService.change_status_in`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from models import Application
from models.interview import Interview, InterviewCreate, InterviewUpdate, aware
from models.shapes import Day, check, is_record_id
from services.applications import ApplicationService, WinService
from services.applications import undo as snapshots
from services.clock import Clock
from services.errors import ValidationError
from services.interviews.after import AfterInterview
from services.interviews.files import CalendarFiles
from services.interviews.funnel import FunnelService
from services.interviews.prep import PrepPlanner
from services.interviews.records import InterviewInfo, Scheduled, info
from services.interviews.reminders import Round
from services.interviews.times import local, offset_minutes, read_time
from services.lookup import id_of, load
from services.mood import MoodService
from services.practice import PracticeService
from services.storage.db import SessionFactory

# An application at one of these moves to Interview when a round is scheduled. Later
# ones stay: an offer is further on, and a round logged after a no is a memory, not news.
MOVES_TO_INTERVIEW = ("applied", "heard_back", "no_reply")
UPCOMING_DAYS = 14
MAX_DAYS = 366


class PastInterview(ValidationError):
    """The round's start has passed: allowed (logging one that happened), after asking once."""


PAST_QUESTION = "That time has already passed. Logging an interview that happened? Save it anyway."


class InterviewService:
    def __init__(
        self, sessions: SessionFactory, clock: Clock, *, applications: ApplicationService, practice: PracticeService,
        mood: MoodService, wins: WinService, exports_dir: Path | None = None,
    ):
        self._sessions = sessions
        self._clock = clock
        self._applications = applications
        self.plans = PrepPlanner(sessions, clock)
        self.after = AfterInterview(sessions, clock, applications=applications, practice=practice, mood=mood,
                                    wins=wins, read=self.get)
        self.funnel = FunnelService(sessions, clock)
        self.calendar = CalendarFiles(clock, read=self.get, exports_dir=exports_dir)

    # ---- scheduling ---------------------------------------------------------------
    def schedule_interview(
        self, *, application_id: int, day: date, at: Any, round: str = "other", duration_minutes: int = 60,
        format: str = "video", location: str | None = None, people: Iterable[Any] = (), prep_notes: str = "",
        company: str | None = None, past_ok: bool = False,
    ) -> Scheduled:
        """Add a round; the first one moves the application to Interview (dated today, or the
        round's day if that was earlier). A start in the past raises PastInterview unless `past_ok`.
        `at` is a time, or the time as typed ("14:30", "2:30 pm")."""
        if isinstance(at, str):
            at = read_time(at)
        data = InterviewCreate.parse(dict(
            application_id=application_id, round=round, day=day, at=at, duration_minutes=duration_minutes,
            format=format, location=location, people=[] if people is None else people,
            prep_notes=prep_notes, company=company,
        ))
        starts = self._clock.at(data.day, data.at)
        self._check_past(starts, past_ok)
        now = self._clock.now()
        with self._sessions() as s:
            app = load(s, Application, data.application_id, "application")
            self._check_applied(app, starts)
            row = Interview(
                application_id=id_of(app), round=data.round, starts_at=starts.astimezone(UTC),
                duration_minutes=data.duration_minutes, format=data.format, location=data.location,
                people=_people_json(data.people), prep_notes=data.prep_notes,
                entered_offset_minutes=offset_minutes(starts), created_at=now.astimezone(UTC),
                updated_at=now.astimezone(UTC),
            )
            s.add(row)
            s.flush()
            moved = app.status in MOVES_TO_INTERVIEW
            if moved:
                on = min(starts.date(), self._clock.today())
                self._applications.change_status_in(s, application_id=id_of(app), status="interview", on=on,
                                                    company=data.company)
            elif data.company and not app.company:
                app.company = data.company
            result = self._result(s, row, app, moved)
            s.commit()
        return result

    def update_interview(self, *, interview_id: int, changes: InterviewUpdate, past_ok: bool = False) -> Scheduled:
        """Change the given fields; a new day or time that has passed asks once (PastInterview)."""
        given = InterviewUpdate.recheck(changes)
        with self._sessions() as s:
            row = load(s, Interview, interview_id, "interview")
            app = load(s, Application, row.application_id, "application")
            if "day" in given or "at" in given:
                current = local(self._clock, aware(row.starts_at))
                day = given.get("day") or current.date()
                at = given.get("at") or current.time()
                starts = self._clock.at(day, at)
                if starts != current:
                    self._check_past(starts, past_ok)
                    self._check_applied(app, starts)
                    row.starts_at = starts.astimezone(UTC)
                    row.entered_offset_minutes = offset_minutes(starts)
            for name in ("round", "duration_minutes", "format", "prep_notes", "after_notes"):
                if given.get(name) is not None:
                    setattr(row, name, given[name])
            if "location" in given:
                row.location = given["location"]
            if given.get("people") is not None:
                row.people = _people_json(given["people"])
            row.updated_at = self._clock.now().astimezone(UTC)
            s.flush()
            result = self._result(s, row, app, False)
            s.commit()
        return result

    def cancel_interview(self, *, interview_id: int) -> InterviewInfo:
        """It won't happen: kept (struck through), out of Today, the plan and the reminders."""
        return self._set_cancelled(interview_id, self._clock.today())

    def reinstate_interview(self, *, interview_id: int) -> InterviewInfo:
        """Undo a cancel."""
        return self._set_cancelled(interview_id, None)

    def delete_interview(self, *, interview_id: int) -> snapshots.Snapshot:
        """Remove it and its questions; keep the returned snapshot to undo."""
        with self._sessions() as s:
            row = load(s, Interview, interview_id, "interview")
            conn = s.connection()
            snap = snapshots.take(conn, "interview", "id", [row.id])
            conn.exec_driver_sql("DELETE FROM interview WHERE id = ?", (row.id,))
            s.commit()
        return snap

    def restore_interview(self, *, snapshot: snapshots.Snapshot) -> None:
        if not isinstance(snapshot, snapshots.Snapshot) or snapshot.table != "interview":
            raise ValidationError.single("snapshot", "There is nothing to put back.")
        with self._sessions() as s:
            snapshots.restore(s.connection(), snapshot)
            s.commit()

    # ---- reading ---------------------------------------------------------------------
    def get(self, *, interview_id: int) -> InterviewInfo:
        with self._sessions() as s:
            row = load(s, Interview, interview_id, "interview")
            app = load(s, Application, row.application_id, "application")
            return info(self._clock, row, app.company, app.role)

    def for_application(self, *, application_id: int) -> list[InterviewInfo]:
        """An application's rounds, earliest first (cancelled ones included, marked)."""
        with self._sessions() as s:
            app = load(s, Application, application_id, "application")
            rows = s.exec(select(Interview).where(Interview.application_id == app.id)
                          .order_by(col(Interview.starts_at), col(Interview.id))).all()
            return [info(self._clock, r, app.company, app.role) for r in rows]

    def count_for_application(self, *, application_id: int) -> int:
        if not is_record_id(application_id):
            return 0
        with self._sessions() as s:
            return s.scalar(select(func.count()).select_from(Interview)
                            .where(Interview.application_id == application_id)) or 0

    def upcoming(self, *, days: int = UPCOMING_DAYS) -> list[InterviewInfo]:
        """Rounds not yet over, starting within `days`, soonest first (cancelled ones left out)."""
        days = _days("days", days)
        now = self._clock.now()
        return [i for i in self._between(now - timedelta(hours=13), now + timedelta(days=days)) if i.ends > now]

    def recent(self, *, days: int = 3) -> list[InterviewInfo]:
        """Rounds over within the last `days`, latest first: the check-in and thank-you note."""
        days = _days("days", days)
        now = self._clock.now()
        over = [i for i in self._between(now - timedelta(days=days), now) if i.ends <= now]
        return sorted(over, key=lambda i: i.starts, reverse=True)

    def overlaps(self, *, interview_id: int) -> list[InterviewInfo]:
        """Other live rounds whose time overlaps this one's (allowed; worth a note)."""
        with self._sessions() as s:
            row = load(s, Interview, interview_id, "interview")
            return self._overlaps(s, row)

    def on_days(self, *, start: date, end: date) -> list[InterviewInfo]:
        """Live rounds starting on local days start..end, soonest first (Today's items)."""
        start, end = check("start", Day, start), check("end", Day, end)
        first = self._clock.at(start, datetime.min.time())
        last = self._clock.at(end + timedelta(days=1), datetime.min.time())
        return self._between(first, last)

    def rounds_between(self, *, start: date, end: date) -> list[Round]:
        """Live rounds starting on local days start..end: what reminders need."""
        return [Round(i.id, i.phrase, i.starts, i.format) for i in self.on_days(start=start, end=end)]

    # ---- internals -----------------------------------------------------------------------
    def _between(self, start: datetime, end: datetime) -> list[InterviewInfo]:
        with self._sessions() as s:
            rows = s.exec(
                select(Interview, Application.company, Application.role)
                .join(Application, col(Application.id) == col(Interview.application_id))
                .where(col(Interview.starts_at) >= start.astimezone(UTC), col(Interview.starts_at) < end.astimezone(UTC),
                       col(Interview.cancelled_on).is_(None))
                .order_by(col(Interview.starts_at), col(Interview.id))
            ).all()
        return [info(self._clock, row, company, role) for row, company, role in rows]

    def _overlaps(self, s: Session, row: Interview) -> list[InterviewInfo]:
        if row.cancelled_on is not None:
            return []
        start = aware(row.starts_at)
        end = start + timedelta(minutes=row.duration_minutes)
        rows = s.exec(
            select(Interview, Application.company, Application.role)
            .join(Application, col(Application.id) == col(Interview.application_id))
            .where(Interview.id != row.id, col(Interview.cancelled_on).is_(None),
                   col(Interview.starts_at) < end.astimezone(UTC),
                   col(Interview.starts_at) >= (start - timedelta(hours=12)).astimezone(UTC))
            .order_by(col(Interview.starts_at))
        ).all()
        return [info(self._clock, r, c, ro) for r, c, ro in rows
                if aware(r.starts_at) + timedelta(minutes=r.duration_minutes) > start]

    def _result(self, s: Session, row: Interview, app: Application, moved: bool) -> Scheduled:
        return Scheduled(info(self._clock, row, app.company, app.role), self._overlaps(s, row), moved)

    def _check_past(self, starts: datetime, past_ok: object) -> None:
        if starts < self._clock.now() and past_ok is not True:
            raise PastInterview({"day": PAST_QUESTION})

    @staticmethod
    def _check_applied(app: Application, starts: datetime) -> None:
        if starts.date() < app.applied_on:
            raise ValidationError.single("day", f"That's before you applied ({app.applied_on.day} {app.applied_on:%b %Y}).")

    def _set_cancelled(self, interview_id: int, on: date | None) -> InterviewInfo:
        with self._sessions() as s:
            row = load(s, Interview, interview_id, "interview")
            app = load(s, Application, row.application_id, "application")
            row.cancelled_on = on
            row.updated_at = self._clock.now().astimezone(UTC)
            s.commit()
            return info(self._clock, row, app.company, app.role)


def _days(field: str, value: object) -> int:
    days = check(field, int, value, "Use a whole number of days.")
    if not 0 <= days <= MAX_DAYS:
        raise ValidationError.single(field, f"Look up to {MAX_DAYS} days at a time.")
    return days


def _people_json(people: Iterable[Any]) -> str:
    return json.dumps([{"name": p.name, "role": p.role} for p in people], ensure_ascii=False)
