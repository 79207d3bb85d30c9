"""Interview practice: the service views and other features use (`AppServices.practice`).

Built from parts, each with one job: `deck` (cards), `schedule` (FSRS, reviews,
due counts, mock picks), `stats`, `starter` (the built-in questions).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, select

from models.practice import PracticeReview
from services.applications.wins import WinKind, WinService
from services.clock import Clock
from services.practice.deck import Deck
from services.practice.schedule import Schedule
from services.practice.starter import STARTER_PATH, StarterDeck
from services.practice.stats import Stats
from services.settings import SettingsService
from services.storage.db import SessionFactory


class PracticeService:
    def __init__(
        self,
        sessions: SessionFactory,
        clock: Clock,
        *,
        settings: SettingsService | None = None,
        starter_path: Path = STARTER_PATH,
        wins: WinService | None = None,
    ):
        settings = settings or SettingsService(sessions, clock)
        self.deck = Deck(sessions, clock)
        self.starter = StarterDeck(sessions, clock, settings, starter_path)
        self.schedule = Schedule(sessions, clock, settings, self.deck)
        self._clock = clock
        self._wins = wins or WinService(sessions, clock)
        self.schedule.after_review.append(self._record_practice_win)
        self.stats = Stats(sessions, clock, self.schedule)

    def _record_practice_win(self, s: Session, card_id: int) -> None:
        """Practising is a win whatever the ratings: one a day, counting the questions
        (inside the review's transaction)."""
        today = self._clock.today()
        n = s.scalar(
            select(func.count(func.distinct(PracticeReview.card_id))).where(PracticeReview.reviewed_on == today)
        ) or 0
        title = "Practised 1 interview question" if n == 1 else f"Practised {n} interview questions"
        self._wins.record_in(s, kind=WinKind.PRACTISED, title=title, on=today)
