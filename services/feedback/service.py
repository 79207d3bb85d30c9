"""Feedback after a rejection: ask for it, record what they said, see the themes.

`FeedbackService` is what views and other features use (`AppServices.feedback`).
Records and their request status live here; lists and counts in
`services.feedback_queries`; action items and "turn into practice" in
`services.feedback_actions`; the message text in
`services.feedback_request`; the theme guides in `services.themes`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import select

from models import Application, Feedback
from models.feedback import NAME_MAX, REQUEST_STATUSES, TEXT_MAX
from services.clock import Clock
from services.errors import NotFound, ValidationError
from services.feedback import themes
from services.feedback.actions import FeedbackActions
from services.feedback.queries import FeedbackQueries
from services.feedback.request import RequestMessage, clean_name, render_follow_up, render_request
from services.practice import PracticeService
from services.settings import SettingsService
from services.storage.db import SessionFactory

YOUR_NAME_KEY = "feedback.your_name"
_NAME_FIELDS = ("company", "role", "manager_name", "contact_email")
_TEXT_FIELDS = ("what_they_said", "reflection")


class FeedbackService:
    def __init__(
        self,
        sessions: SessionFactory,
        clock: Clock,
        *,
        settings: SettingsService | None = None,
        practice: PracticeService | None = None,  # optional so feedback works without the deck
    ):
        self._sessions = sessions
        self._clock = clock
        self._settings = settings or SettingsService(sessions, clock)
        self.queries = FeedbackQueries(sessions)
        self.actions = FeedbackActions(
            sessions, clock, load_record=lambda feedback_id: self.get(feedback_id=feedback_id), practice=practice
        )

    # ---- records --------------------------------------------------------------
    def start_for_application(self, *, application_id: int) -> Feedback:
        """The record for a rejected application, created on first use (one per application)."""
        with self._sessions() as s:
            found = s.exec(select(Feedback).where(Feedback.application_id == application_id)).first()
            if found is not None:
                return found
            app = s.get(Application, application_id)
            if app is None:
                raise NotFound(f"application {application_id}")
            now = self._clock.now()
            rejected_on = app.status_on if app.status == "rejected" else self._clock.today()
            record = Feedback(
                application_id=app.id,
                company=app.company,
                role=app.role,
                rejected_on=rejected_on,
                created_at=now,
                updated_at=now,
            )
            s.add(record)
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
        values = self._validated(
            {
                "company": company,
                "role": role,
                "manager_name": manager_name,
                "what_they_said": what_they_said,
                "theme": theme,
            }
        )
        if not values.get("company") and not values.get("role"):
            raise ValidationError.single("company", "Add the company or the role, so you can find this later.")
        today = self._clock.today()
        if rejected_on is not None and rejected_on > today:
            raise ValidationError.single("rejected_on", "Pick today or an earlier day.")
        now = self._clock.now()
        record = Feedback(**values, rejected_on=rejected_on or today, created_at=now, updated_at=now)
        if record.what_they_said:
            record.status, record.received_on = "received", today
        with self._sessions() as s:
            s.add(record)
            s.commit()
            s.refresh(record)
            return record

    def get(self, *, feedback_id: int) -> Feedback:
        with self._sessions() as s:
            return self._load(s, feedback_id)

    def for_application(self, *, application_id: int) -> Feedback | None:
        with self._sessions() as s:
            return s.exec(select(Feedback).where(Feedback.application_id == application_id)).first()

    def update_feedback(self, *, feedback_id: int, changes: dict[str, Any]) -> Feedback:
        """Change names, what they said, theme or reflection; only the given keys change."""
        values = self._validated(changes)
        with self._sessions() as s:
            record = self._load(s, feedback_id)
            said = values.get("what_they_said", record.what_they_said)
            if record.status == "received" and not said:
                raise ValidationError.single("what_they_said", "Add what they said, even a line or two.")
            for key, value in values.items():
                setattr(record, key, value)
            record.updated_at = self._clock.now()
            s.commit()
            return record

    def delete_feedback(self, *, feedback_id: int) -> None:
        with self._sessions() as s:
            s.delete(self._load(s, feedback_id))
            s.commit()

    # ---- the request and its status ---------------------------------------------
    def mark_asked(self, *, feedback_id: int, on: date | None = None) -> Feedback:
        """The request went out: status "asked" on `on` (default today).

        Sending it again while waiting keeps the first date, so the week's wait
        is not restarted by a second copy; a received record stays received.
        """
        on = on or self._clock.today()
        if on > self._clock.today():
            raise ValidationError.single("asked_on", "Pick today or an earlier day.")
        with self._sessions() as s:
            record = self._load(s, feedback_id)
            if record.status in ("not_asked", "no_reply") or (record.status == "asked" and on < record.asked_on):
                record.status, record.asked_on = "asked", on
                record.updated_at = self._clock.now()
                s.commit()
            return record

    def mark_received(
        self, *, feedback_id: int, what_they_said: str, theme: str | None = None, on: date | None = None
    ) -> Feedback:
        values = self._validated({"what_they_said": what_they_said, "theme": theme})
        if not values["what_they_said"]:
            raise ValidationError.single("what_they_said", "Add what they said, even a line or two.")
        with self._sessions() as s:
            record = self._load(s, feedback_id)
            record.status, record.received_on = "received", on or self._clock.today()
            record.what_they_said = values["what_they_said"]
            if theme is not None:
                record.theme = values["theme"]
            record.updated_at = self._clock.now()
            s.commit()
            return record

    def set_status(self, *, feedback_id: int, status: str) -> Feedback:
        """Move to any status by hand (e.g. back to "not asked", or "no reply")."""
        if status not in REQUEST_STATUSES:
            raise ValidationError.single("status", "Pick one of the request statuses.")
        if status == "asked":
            return self.mark_asked(feedback_id=feedback_id)
        with self._sessions() as s:
            record = self._load(s, feedback_id)
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
        name = clean_name(name)
        if len(name) > NAME_MAX:
            raise ValidationError.single("your_name", "Please keep this under 200 characters.")
        self._settings.set(YOUR_NAME_KEY, name)

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
    def _load(self, s, feedback_id: int) -> Feedback:
        record = s.get(Feedback, feedback_id)
        if record is None:
            raise NotFound(f"feedback {feedback_id}")
        return record

    @staticmethod
    def _validated(changes: dict[str, Any]) -> dict[str, Any]:
        allowed = set(_NAME_FIELDS) | set(_TEXT_FIELDS) | {"theme"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"not editable here: {sorted(unknown)}")
        errors: dict[str, str] = {}
        values: dict[str, Any] = {}
        for key, value in changes.items():
            if key in _NAME_FIELDS:
                text = clean_name(value)
                if len(text) > NAME_MAX:
                    errors[key] = "Please keep this under 200 characters."
                values[key] = text or None
            elif key in _TEXT_FIELDS:
                text = (value or "").strip()
                if len(text) > TEXT_MAX:
                    errors[key] = f"That's a lot to keep in one place: please trim it to {TEXT_MAX:,} characters."
                values[key] = text
            else:  # theme
                if value is not None and value not in themes.GUIDES:
                    errors[key] = "Pick one of the themes."
                values[key] = value
        if "contact_email" in values and values["contact_email"] and "@" not in values["contact_email"]:
            errors["contact_email"] = "That doesn't look like an email address yet."
        if errors:
            raise ValidationError(errors)
        return values
