"""Plain, detached values the views get: an interview as it reads now, a question, a schedule result."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from models.interview import FORMATS, ROUNDS, Interview, InterviewQuestion, aware, people_of
from services.clock import Clock
from services.interviews.times import local, offset_minutes, zone_label

# How a round reads in a sentence ("your technical interview with Acme").
ROUND_PHRASES = {
    "recruiter": "recruiter call",
    "phone_screen": "phone screen",
    "technical": "technical interview",
    "take_home": "take-home task",
    "panel": "panel interview",
    "final": "final interview",
    "other": "interview",
}


def phrase(round_key: str, company: str | None, role: str | None) -> str:
    """'technical interview with Acme', 'take-home task for Acme', 'interview for the Analyst role'."""
    what = ROUND_PHRASES.get(round_key, "interview")
    if company:
        return f"{what} {'for' if round_key == 'take_home' else 'with'} {company}"
    if role:
        return f"{what} for the {role} role"
    return what


@dataclass(frozen=True)
class InterviewInfo:
    id: int
    uuid: str
    application_id: int
    company: str | None
    role: str | None
    round: str
    starts: datetime  # aware, in the device's zone as of reading
    duration_minutes: int
    format: str
    location: str | None
    people: tuple[tuple[str, str], ...]  # (name, role)
    prep_notes: str
    after_notes: str
    entered_offset_minutes: int
    cancelled_on: date | None
    mood_entry_id: int | None
    outcome: str | None
    thank_you_to: str | None
    thank_you_topic: str
    thank_you_sent_on: date | None
    created_at: datetime
    updated_at: datetime

    @property
    def ends(self) -> datetime:
        return self.starts + timedelta(minutes=self.duration_minutes)

    @property
    def round_label(self) -> str:
        return ROUNDS.get(self.round, "Other")

    @property
    def format_label(self) -> str:
        return FORMATS.get(self.format, "")

    @property
    def phrase(self) -> str:
        return phrase(self.round, self.company, self.role)

    @property
    def title(self) -> str:
        """'Technical interview with Acme'."""
        text = self.phrase
        return text[:1].upper() + text[1:]

    @property
    def cancelled(self) -> bool:
        return self.cancelled_on is not None

    @property
    def zone_note(self) -> str | None:
        """Said when the device's zone now differs from the one the time was typed in."""
        now_offset = offset_minutes(self.starts)
        if now_offset == self.entered_offset_minutes:
            return None
        typed = self.starts.astimezone(timezone(timedelta(minutes=self.entered_offset_minutes)))
        return (
            f"You set this for {typed:%H:%M} ({zone_label(self.entered_offset_minutes)}). This device is now on "
            f"{zone_label(now_offset)}, so that's {self.starts:%H:%M} here."
        )


@dataclass(frozen=True)
class QuestionInfo:
    id: int
    interview_id: int
    text: str
    card_id: int | None


@dataclass(frozen=True)
class Scheduled:
    """What saving a round did: the round, others it overlaps (allowed, noted), and
    whether the application moved to Interview."""

    interview: InterviewInfo
    overlaps: list[InterviewInfo] = field(default_factory=list)
    moved_to_interview: bool = False


def info(clock: Clock, row: Interview, company: str | None, role: str | None) -> InterviewInfo:
    assert row.id is not None, "a stored interview"
    return InterviewInfo(
        id=row.id, uuid=row.uuid, application_id=row.application_id, company=company, role=role, round=row.round,
        starts=local(clock, aware(row.starts_at)), duration_minutes=row.duration_minutes, format=row.format,
        location=row.location, people=tuple(people_of(row)), prep_notes=row.prep_notes, after_notes=row.after_notes,
        entered_offset_minutes=row.entered_offset_minutes, cancelled_on=row.cancelled_on,
        mood_entry_id=row.mood_entry_id, outcome=row.outcome, thank_you_to=row.thank_you_to,
        thank_you_topic=row.thank_you_topic, thank_you_sent_on=row.thank_you_sent_on,
        created_at=aware(row.created_at), updated_at=aware(row.updated_at),
    )


def question_info(row: InterviewQuestion) -> QuestionInfo:
    assert row.id is not None, "a stored question"
    return QuestionInfo(id=row.id, interview_id=row.interview_id, text=row.text, card_id=row.card_id)
