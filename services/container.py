"""Builds every service once from a database and a clock; views get this object."""

from __future__ import annotations

from services.applications import ApplicationService, GoalService, PatternService, WinService
from services.attention import AttentionItem, AttentionProvider, gather
from services.clock import Clock
from services.feedback import FeedbackService
from services.mood import MoodInsightsService, MoodService
from services.practice import PracticeService
from services.reminders import ChainNotifier, InAppNotifier, Notifier, PlyerNotifier, ReminderService
from services.reminders.rules import build_rules
from services.settings import SettingsService
from services.storage.db import Database


class AppServices:
    def __init__(self, db: Database, clock: Clock, notifier: Notifier | None = None):
        self.db = db
        self.clock = clock
        sessions = db.session
        self.settings = SettingsService(sessions, clock)
        self.in_app = InAppNotifier()
        self.reminders = ReminderService(
            self.settings, clock, notifier or ChainNotifier([PlyerNotifier(), self.in_app])
        )
        self.attention_providers: list[AttentionProvider] = []
        # Feature services: one line each, plus their attention provider.
        self.wins = WinService(sessions, clock)  # first: other features record wins through it
        self.applications = ApplicationService(sessions, clock, wins=self.wins)
        self.goals = GoalService(sessions, clock, self.settings)
        self.patterns = PatternService(sessions, clock)
        self.attention_providers.append(self.applications.queries.attention_items)
        self.mood = MoodService(sessions, clock)
        self.mood_insights = MoodInsightsService(sessions, clock, data_version=db.data_version)
        self.practice = PracticeService(sessions, clock, settings=self.settings, wins=self.wins)
        self.attention_providers.append(self.practice.attention_items)
        self.feedback = FeedbackService(sessions, clock, settings=self.settings, practice=self.practice, wins=self.wins)
        self.attention_providers.append(self.feedback.attention_items)
        self.reminders.rules = build_rules(self)  # last: rules read the feature services

    def attention(self) -> list[AttentionItem]:
        return gather(self.attention_providers, self.clock.today())
