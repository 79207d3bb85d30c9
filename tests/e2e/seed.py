"""A small, realistic first week written through the services (as the UI would), before a server starts.

Used by the accessibility and layout browser tests so every screen has something on it:
applications in several statuses (one rejected, with a long company name), a feedback
record with a theme and actions, mood entries with feelings, a practice deck with a review,
interview rounds (one three days ahead, one yesterday with a question they asked).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from models.feedback import FeedbackUpdate
from services.clock import SystemClock
from services.container import AppServices
from services.storage.db import open_database

# Long enough to test wrapping and ellipsis on a phone; "&" tests odd characters.
COMPANY = "Acme & Sons Logistics International"
ROLE = "Senior Data Analyst"


@dataclass(frozen=True)
class Seeded:
    rejected_id: int  # an application marked rejected, with a feedback record
    interview_id: int
    feedback_id: int
    card_id: int
    mood_day: str  # ISO day with a mood entry
    round_id: int  # an interview round on interview_id's application, three days ahead
    past_round_id: int  # a round there yesterday, with a question they asked


def seed_first_week(data_dir: Path, *, theme: str | None = None) -> Seeded:
    clock = SystemClock()
    db = open_database(Path(data_dir), now=clock.now().replace(tzinfo=None))
    try:
        s = AppServices(db, clock)
        if theme:
            s.settings.set_theme_mode(mode=theme)
        today = clock.today()
        s.applications.log_application(count=2)
        rejected = s.applications.add_application(
            applied_on=today - timedelta(days=12), company=COMPANY, role=ROLE,
            source="Job board", industry="Logistics", company_size="201-1000",
        )  # fmt: skip
        s.applications.change_status(application_id=rejected.id, status="rejected", on=today - timedelta(days=1))
        interview = s.applications.add_application(
            applied_on=today - timedelta(days=6), company="Globex", role="Analyst", source="Referral"
        )
        s.applications.change_status(application_id=interview.id, status="interview")
        s.applications.add_application(applied_on=today - timedelta(days=3), company="Initech", role="BI Developer")
        record = s.feedback.start_for_application(application_id=rejected.id)
        s.feedback.update_feedback(
            feedback_id=record.id,
            changes=FeedbackUpdate(what_they_said="We'd have liked more specific examples of your impact.", theme="examples"),
        )
        s.feedback.actions.add_actions(feedback_id=record.id, texts=["Write three STAR stories", "Practise aloud"])
        s.mood.log_entry(mood=2, feelings=["disappointed", "hopeful"], note="A no today.",
                         activities=["walk"], application_id=rejected.id, about_rejection=True)  # fmt: skip
        s.mood.log_entry(mood=4, feelings=["calm"])
        s.practice.starter.ensure_starter_deck()
        card = s.practice.deck.create_card(question="Tell me about a project you are proud of.")
        first_due = s.practice.schedule.due_queue()[0]
        s.practice.schedule.review_card(card_id=first_due, rating=3)  # so Practice draws its chart
        coming = s.interviews.schedule_interview(
            application_id=interview.id, day=today + timedelta(days=3), at="10:00", round="technical",
            people=[{"name": "Priya Shah", "role": "Hiring manager"}], location="https://meet.example/abc-defg",
        ).interview
        past = s.interviews.schedule_interview(
            application_id=interview.id, day=today - timedelta(days=1), at="09:00", round="phone_screen",
            people=[{"name": "María López", "role": "Recruiter"}], past_ok=True,
        ).interview
        s.interviews.after.add_question(interview_id=past.id, text="Why do you want to leave your current role?")
        return Seeded(rejected.id, interview.id, record.id, card.id, today.isoformat(), coming.id, past.id)
    finally:
        db.dispose()
