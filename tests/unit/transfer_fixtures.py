"""Shared by the transfer tests: a data file filled through the real services, and a full dump of it."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

from models.feedback import FeedbackUpdate
from services.clock import FixedClock
from services.container import AppServices
from services.reminders.notify import RecordingNotifier
from services.storage.db import open_database
from tests.conftest import LOCAL_TZ

ODD = "Émile & Søn 😀 «مرحبا» '); DROP TABLE application;-- \"quoted\", comma"


def file_services(folder: Path, clock: FixedClock) -> AppServices:
    return AppServices(open_database(folder), clock, notifier=RecordingNotifier())


def at(clock: FixedClock, day: date, hour: int = 12, minute: int = 0) -> None:
    clock.set(datetime(day.year, day.month, day.day, hour, minute, tzinfo=LOCAL_TZ))


def fill(s: AppServices, clock: FixedClock) -> dict[str, int]:
    """A few weeks of one person's data, touching every table; returns some ids."""
    at(clock, date(2026, 2, 2), 9)
    s.goals.set_goals(daily_target=3, weekly_target=12, rest_weekdays=[5, 6])
    s.practice.starter.ensure_starter_deck()  # the starter deck, as the app adds it at start
    s.applications.log_application(count=2)
    odd = s.applications.add_application(applied_on=date(2026, 2, 2), company=ODD, role="Designer", notes="line 1\nline 2")
    at(clock, date(2026, 2, 9), 10)
    s.applications.change_status(application_id=odd.id, status="interview")
    s.applications.change_status(application_id=odd.id, status="rejected")
    at(clock, date(2026, 2, 9), 23, 30)  # 23:30 in UTC-5 is the next day in UTC: the local day must survive
    late = s.mood.log_entry(mood=2, feelings=["hurt", "my own ✨ word"], activities=["walk", "baking"], note=ODD,
                            application_id=odd.id, about_rejection=True, intensity=4)
    record = s.feedback.start_for_application(application_id=odd.id)
    s.feedback.update_feedback(feedback_id=record.id, changes=FeedbackUpdate(what_they_said="More examples, please.", theme="examples"))
    s.feedback.actions.add_action(feedback_id=record.id, text="Write three STAR stories")
    cards = s.feedback.actions.turn_into_practice(feedback_id=record.id, questions=["Tell me about a launch you led"])
    at(clock, date(2026, 2, 10), 8)
    for card_id in s.practice.schedule.due_queue()[:3]:
        s.practice.schedule.review_card(card_id=card_id, rating=3, duration_ms=30_000)
    s.wins.add_win(title="Finished my portfolio 🎉")
    # An interview round (logged afterwards) with a person, a question turned into a card, a check-in and a note.
    round_ = s.interviews.schedule_interview(
        application_id=odd.id, day=date(2026, 2, 6), at="14:00", round="technical", past_ok=True,
        people=[{"name": "Zoë Ñúñez", "role": "Lead “data” person"}], location=ODD,
    ).interview
    question = s.interviews.after.add_question(interview_id=round_.id, text="Walk me through a hard trade-off 🤔")
    s.interviews.after.question_to_card(question_id=question.id)
    s.interviews.after.check_in(interview_id=round_.id, mood=4, feelings=["relieved"], note="Went fine")
    s.interviews.after.thank_you_sent(interview_id=round_.id, to="Zoë Ñúñez", topic="the roadmap")
    s.settings.set("theme_mode", "dark")
    return {"application": odd.id, "mood_entry": late.id, "feedback": record.id, "card": cards[0],
            "interview": round_.id}


def dump(db_path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db_path)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {n: conn.execute(f'SELECT * FROM "{n}" ORDER BY rowid').fetchall() for n in names}
    finally:
        conn.close()


def counts(db_path: Path) -> dict[str, int]:
    return {name: len(rows) for name, rows in dump(db_path).items()}
