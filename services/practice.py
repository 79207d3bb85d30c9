"""Interview practice: the service views and other features use (`AppServices.practice`).

The work is split by concern; this class puts the parts together:
deck (cards), schedule (FSRS, reviews, due counts, mock picks), stats, starter deck.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from services.attention import AttentionItem
from services.clock import Clock
from services.db import SessionFactory
from services.practice_deck import DeckMixin
from services.practice_schedule import ScheduleMixin
from services.practice_starter import STARTER_PATH, StarterMixin
from services.practice_stats import StatsMixin
from services.settings import SettingsService


class PracticeService(DeckMixin, ScheduleMixin, StatsMixin, StarterMixin):
    def __init__(
        self,
        sessions: SessionFactory,
        clock: Clock,
        *,
        settings: SettingsService | None = None,
        starter_path: Path = STARTER_PATH,
    ):
        self._sessions = sessions
        self._clock = clock
        self._settings = settings or SettingsService(sessions, clock)
        self._starter_path = starter_path
        self._starter_checked = False

    def attention_items(self, today: date) -> list[AttentionItem]:
        n = self.due_count()
        if not n:
            return []
        title = "1 practice card is due" if n == 1 else f"{n} practice cards are due"
        return [
            AttentionItem(
                key="practice:due",
                title=title,
                detail="A few minutes saying your answers out loud keeps them ready.",
                route="/practice",
                icon="style",
                priority=40,
            )
        ]
