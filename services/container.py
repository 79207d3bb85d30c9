"""Builds every service once from a database and a clock; views get this object."""

from __future__ import annotations

from services.applications import ApplicationService, GoalService, PatternService, WinService
from services.attention import AttentionItem, AttentionProvider, gather
from services.clock import Clock
from services.feedback import FeedbackService
from services.interviews import InterviewService, InterviewSignals
from services.mood import MoodInsightsService, MoodService
from services.practice import PracticeService
from services.reminders import ChainNotifier, InAppNotifier, Notifier, PlyerNotifier, ReminderService
from services.reminders.rules import build_rules
from services.settings import SettingsService
from services.storage.db import Database
from services.storage.export import exports_dir


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
        self.applications = ApplicationService(sessions, clock)
        self.goals = GoalService(sessions, clock, self.settings)
        self.wins = WinService(sessions, clock)
        self.patterns = PatternService(sessions, clock)
        self.attention_providers.append(self.applications.queries.attention_items)
        self.mood = MoodService(sessions, clock)
        self.mood_insights = MoodInsightsService(sessions, clock, data_version=db.data_version)
        self.practice = PracticeService(sessions, clock, settings=self.settings)
        self.attention_providers.append(self.practice.attention_items)
        self.interviews = InterviewService(
            sessions, clock, applications=self.applications, practice=self.practice, mood=self.mood,
            exports_dir=exports_dir(db.path) if db.path else None,
        )
        self.interview_signals = InterviewSignals(self.interviews, clock)
        self.attention_providers.append(self.interview_signals.attention_items)
        self.feedback = FeedbackService(sessions, clock, settings=self.settings, practice=self.practice)
        self.attention_providers.append(self.feedback.attention_items)
        self.reminders.rules = build_rules(self)  # last: rules read the feature services

    def attention(self) -> list[AttentionItem]:
        return gather(self.attention_providers, self.clock.today())
