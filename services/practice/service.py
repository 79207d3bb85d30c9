"""Interview practice: the service views and other features use (`AppServices.practice`).

Built from parts, each with one job: `deck` (cards), `schedule` (FSRS, reviews,
due counts, mock picks), `stats`, `starter` (the built-in questions).
"""

from __future__ import annotations

from pathlib import Path

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
    ):
        settings = settings or SettingsService(sessions, clock)
        self.deck = Deck(sessions, clock)
        self.starter = StarterDeck(sessions, clock, settings, starter_path)
        self.schedule = Schedule(sessions, clock, settings, self.deck)
        self.stats = Stats(sessions, clock, self.schedule)
