"""Feedback after a rejection: ask for it, record what they said, see the themes.

`FeedbackService` is what views and other features use (`AppServices.feedback`).
Records and their request status live here; lists and counts in
`queries`; action items and "turn into practice" in `actions`; the message
text in `request`; the theme guides in `themes`. The input shapes (with their
checks) are in models/feedback.py.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, select

from models import Application, Feedback
from models.feedback import (
    NAME_MAX,
    REQUEST_STATUSES,
    FeedbackCreate,
    FeedbackReceived,
    FeedbackUpdate,
)
from models.shapes import Day, Text, check, is_record_id, one_line
from services.applications.wins import WinKind, WinService
from services.clock import Clock
from services.errors import NotFound, ValidationError
from services.feedback.actions import FeedbackActions
from services.feedback.queries import FeedbackQueries
from services.feedback.request import RequestMessage, render_follow_up, render_request
from services.lookup import load
from services.practice import PracticeService
from services.settings import SettingsService
from services.storage.db import SessionFactory

YOUR_NAME_KEY = "feedback.your_name"


class FeedbackService:
    def __init__(
        self,
        sessions: SessionFactory,
        clock: Clock,
        *,
        settings: SettingsService | None = None,
        practice: PracticeService | None = None,  # optional so feedback works without the deck
        wins: WinService | None = None,
    ):
        self._sessions = sessions
        self._clock = clock
        self._wins = wins or WinService(sessions, clock)
        self._settings = settings or SettingsService(sessions, clock)
        self.queries = FeedbackQueries(sessions)
        self.actions = FeedbackActions(
            sessions, clock, load_record=lambda feedback_id: self.get(feedback_id=feedback_id), practice=practice
        )

    # ---- records --------------------------------------------------------------
    def start_for_application(self, *, application_id: int) -> Feedback:
        """The record for a rejected application, created on first use (one per application).

        A user action (asking for feedback, opening the record), never a side effect of showing a screen.
        """
        with self._sessions() as s:
            record = self._start_in(s, application_id)
            s.commit()
            s.refresh(record)
            return record

    def record_feedback(
        self,
        *,
        company: str | None = None,
        role: str | None = None,
        rejected_on: date | None = None,
        what_they_said: str = "",
        theme: str | None = None,
        manager_name: str | None = None,
    ) -> Feedback:
        """A standalone record, for a rejection that was never logged as an application."""
        today = self._clock.today()
        data = FeedbackCreate.parse(
            dict(company=company, role=role, rejected_on=rejected_on, what_they_said=what_they_said, theme=theme,
                 manager_name=manager_name),
            today=today,
        )
        now = self._clock.now()
        record = Feedback(**data.model_dump(exclude={"rejected_on"}), rejected_on=data.rejected_on or today,
                          created_at=now, updated_at=now)
        if record.what_they_said:
            record.status, record.received_on = "received", today
        with self._sessions() as s:
            s.add(record)
            s.commit()
            s.refresh(record)
            return record

    def get(self, *, feedback_id: int) -> Feedback:
        with self._sessions() as s:
            return load(s, Feedback, feedback_id, "feedback")

    def for_application(self, *, application_id: int) -> Feedback | None:
        """The application's record if one was started (reading never creates one)."""
        if not is_record_id(application_id):
            return None
        with self._sessions() as s:
            return s.exec(select(Feedback).where(Feedback.application_id == application_id)).first()

    def update_feedback(self, *, feedback_id: int, changes: FeedbackUpdate) -> Feedback:
        """Change names, what they said, theme or reflection; only the given fields change."""
        given = FeedbackUpdate.recheck(changes)
        with self._sessions() as s:
            record = load(s, Feedback, feedback_id, "feedback")
            self._apply(record, given)
            s.commit()
            return record

    def delete_feedback(self, *, feedback_id: int) -> None:
        with self._sessions() as s:
            s.delete(load(s, Feedback, feedback_id, "feedback"))
            s.commit()

    # ---- the request and its status ---------------------------------------------
    def save_request_details(
        self, *, feedback_id: int | None = None, application_id: int | None = None,
        manager_name: str | None = None, contact_email: str | None = None, your_name: str = "",
    ) -> Feedback:
        """The names in a request (theirs on the record, yours in settings), in one transaction.
        Give the record, or the application whose record is started now if there is none yet."""
        details = FeedbackUpdate(manager_name=manager_name, contact_email=contact_email).given()
        you = self._checked_name(your_name)
        with self._sessions() as s:
            record = self._target(s, feedback_id, application_id)
            self._apply(record, details)
            self._settings.put(s, YOUR_NAME_KEY, you)
            s.commit()
            s.refresh(record)
            return record

    def send_request(
        self, *, feedback_id: int | None = None, application_id: int | None = None,
        manager_name: str | None = None, contact_email: str | None = None, your_name: str = "",
    ) -> Feedback:
        """The request went out today (copied or mailed): its names saved and the record
        marked asked, together or not at all (see `save_request_details`, `mark_asked`)."""
        details = FeedbackUpdate(manager_name=manager_name, contact_email=contact_email).given()
        you = self._checked_name(your_name)
        with self._sessions() as s:
            record = self._target(s, feedback_id, application_id)
            self._apply(record, details)
            self._settings.put(s, YOUR_NAME_KEY, you)
            self._asked(s, record, self._clock.today())
            s.commit()
            s.refresh(record)
            return record

    def mark_asked(self, *, feedback_id: int, on: date | None = None) -> Feedback:
        """The request went out: status "asked" on `on` (default today).

        Sending it again while waiting keeps the first date, so the week's wait
        is not restarted by a second copy; a received record stays received.
        """
        day = check("asked_on", Day | None, on) or self._clock.today()
        if day > self._clock.today():
            raise ValidationError.single("asked_on", "Pick today or an earlier day.")
        with self._sessions() as s:
            record = load(s, Feedback, feedback_id, "feedback")
            if self._asked(s, record, day):
                s.commit()
            return record

    def mark_received(
        self, *, feedback_id: int, what_they_said: str, theme: str | None = None, on: date | None = None
    ) -> Feedback:
        data = FeedbackReceived.parse(dict(what_they_said=what_they_said, theme=theme, on=on), today=self._clock.today())
        with self._sessions() as s:
            record = load(s, Feedback, feedback_id, "feedback")
            record.status, record.received_on = "received", data.on or self._clock.today()
            record.what_they_said = data.what_they_said
            if data.theme is not None:
                record.theme = data.theme
            record.updated_at = self._clock.now()
            s.commit()
            return record

    def set_status(self, *, feedback_id: int, status: str) -> Feedback:
        """Move to any status by hand (e.g. back to "not asked", or "no reply")."""
        if not isinstance(status, str) or status not in REQUEST_STATUSES:
            raise ValidationError.single("status", "Pick one of the request statuses.")
        if status == "asked":
            return self.mark_asked(feedback_id=feedback_id)
        with self._sessions() as s:
            record = load(s, Feedback, feedback_id, "feedback")
            if status == "received" and not record.what_they_said:
                raise ValidationError.single("what_they_said", "Add what they said, even a line or two.")
            if status == "received" and record.received_on is None:
                record.received_on = self._clock.today()
            if status == "not_asked":
                record.asked_on = None
            record.status = status
            record.updated_at = self._clock.now()
            s.commit()
            return record

    def your_name(self) -> str:
        return self._settings.get(YOUR_NAME_KEY, "") or ""

    def set_your_name(self, *, name: str) -> None:
        self._settings.set(YOUR_NAME_KEY, self._checked_name(name))

    def request_message(self, *, feedback_id: int, follow_up: bool = False) -> RequestMessage:
        record = self.get(feedback_id=feedback_id)
        render = render_follow_up if follow_up else render_request
        return render(
            manager_name=record.manager_name or "",
            role=record.role or "",
            company=record.company or "",
            your_name=self.your_name(),
            to=record.contact_email or "",
        )

    # ---- internals ------------------------------------------------------------------
    def _start_in(self, s: Session, application_id: int) -> Feedback:
        app = load(s, Application, application_id, "application")
        found = s.exec(select(Feedback).where(Feedback.application_id == app.id)).first()
        if found is not None:
            return found
        now = self._clock.now()
        record = Feedback(
            application_id=app.id,
            company=app.company,
            role=app.role,
            rejected_on=app.status_on if app.status == "rejected" else self._clock.today(),
            created_at=now,
            updated_at=now,
        )
        s.add(record)
        s.flush()
        return record

    def _target(self, s: Session, feedback_id: int | None, application_id: int | None) -> Feedback:
        if feedback_id is not None:
            return load(s, Feedback, feedback_id, "feedback")
        if application_id is None:
            raise NotFound("feedback: give a record or an application")
        return self._start_in(s, application_id)

    def _apply(self, record: Feedback, given: dict[str, Any]) -> None:
        said = given.get("what_they_said", record.what_they_said)
        if record.status == "received" and not said:
            raise ValidationError.single("what_they_said", "Add what they said, even a line or two.")
        for key, value in given.items():
            setattr(record, key, value)
        record.updated_at = self._clock.now()

    def _asked(self, s: Session, record: Feedback, day: date) -> bool:
        """Mark asked on `day` unless already asked earlier (or received); True if it changed.
        The first time is a small win: asking takes nerve, whatever comes back."""
        if record.status in ("not_asked", "no_reply") or (
            record.status == "asked" and (record.asked_on is None or day < record.asked_on)
        ):
            if record.status == "not_asked":
                who = record.company or record.role
                self._wins.record_in(
                    s, kind=WinKind.ASKED_FEEDBACK, on=day, application_id=record.application_id,
                    title=f"Asked {who} for feedback" if who else "Asked for feedback",
                )
            record.status, record.asked_on = "asked", day
            record.updated_at = self._clock.now()
            return True
        return False

    @staticmethod
    def _checked_name(name: object) -> str:
        text = one_line(check("your_name", Text, name))
        if len(text) > NAME_MAX:
            raise ValidationError.single("your_name", "Please keep this under 200 characters.")
        return text
