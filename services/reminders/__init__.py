"""Reminders: the rules, the once-a-day service with catch-up, and the notification backends."""

from services.reminders.notify import ChainNotifier, InAppNotifier, Notifier, PlyerNotifier, RecordingNotifier
from services.reminders.service import ReminderRule, ReminderService

__all__ = [
    "ChainNotifier",
    "InAppNotifier",
    "Notifier",
    "PlyerNotifier",
    "RecordingNotifier",
    "ReminderRule",
    "ReminderService",
]
