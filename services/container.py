"""Builds every service once from a database and a clock; views get this object."""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import event

from services.applications import ApplicationService, GoalService, PatternService, WinService
from services.applications.signals import ApplicationSignals
from services.attention import AttentionBoard, AttentionProvider
from services.clock import Clock
from services.feedback import FeedbackService
from services.feedback.signals import FeedbackSignals
from services.interviews import InterviewService, InterviewSignals
from services.mood import MoodInsightsService, MoodService
from services.mood.signals import MoodSignals
from services.practice import PracticeService
from services.practice.signals import PracticeSignals
from services.reminders import Notifier, ReminderProvider, ReminderService
from services.settings import SettingsService
from services.storage.db import Database
from services.storage.export import exports_dir


class FeatureSignals(AttentionProvider, ReminderProvider, Protocol):
    """What each feature offers Today ("needs attention") and the reminders (rules)."""


class AppServices:
    def __init__(self, db: Database, clock: Clock, notifier: Notifier | None = None):
        self.db = db
        self.clock = clock
        sessions = db.session
        self.settings = SettingsService(sessions, clock)
        self.attention = AttentionBoard(sessions, clock)
        self.reminders = ReminderService(sessions, self.settings, clock, notifier)
        # Feature services: one line each.
        self.wins = WinService(sessions, clock)  # first: other features record wins through it
        self.applications = ApplicationService(sessions, clock, wins=self.wins)
        self.goals = GoalService(sessions, clock, self.settings)
        self.patterns = PatternService(sessions, clock)
        self.mood = MoodService(sessions, clock)
        self.mood_insights = MoodInsightsService(sessions, clock, data_version=db.data_version)
        self.practice = PracticeService(sessions, clock, settings=self.settings, wins=self.wins)
        self.feedback = FeedbackService(sessions, clock, settings=self.settings, practice=self.practice, wins=self.wins)
        self.interviews = InterviewService(
            sessions, clock, applications=self.applications, practice=self.practice, mood=self.mood, wins=self.wins,
            exports_dir=exports_dir(db.path) if db.path else None,
        )
        # Each feature's promises, registered once: its items on Today and its reminder rules.
        self.signals: list[FeatureSignals] = [
            ApplicationSignals(sessions, clock, self.goals),
            MoodSignals(sessions),
            PracticeSignals(sessions, clock, self.practice),
            FeedbackSignals(sessions),
            InterviewSignals(self.interviews, clock),
        ]
        for feature in self.signals:
            self.attention.register(feature)
            self.reminders.register(feature)
        # Any committed change (a log, a goal met, a rejection, a review, a setting) may change
        # which reminders apply: the scheduler re-plans soon after, from any thread.
        event.listen(db.engine, "commit", lambda _conn: self.reminders.scheduler.changed())
