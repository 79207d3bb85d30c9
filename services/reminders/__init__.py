"""Reminders: the contract features implement (rules), planning, delivery, the scheduler.

Features never import anything here but the contract (`Reminder`, `ReminderRule`,
`one`); the reminders never import a feature (checked by import-linter).
"""

from services.reminders.notify import ChainNotifier, InAppNotifier, Notifier, PlyerNotifier, RecordingNotifier
from services.reminders.os_schedule import PLAN_DAYS, OsNotifications
from services.reminders.plan import Occurrence
from services.reminders.prefs import QuietHours, parse_time
from services.reminders.rules import CATCH_UP_DAYS, Reminder, ReminderProvider, ReminderRule, one
from services.reminders.scheduler import ReminderScheduler
from services.reminders.service import ReminderChoices, ReminderService, RuleChoice

__all__ = [
    "CATCH_UP_DAYS",
    "PLAN_DAYS",
    "ChainNotifier",
    "InAppNotifier",
    "Notifier",
    "Occurrence",
    "OsNotifications",
    "PlyerNotifier",
    "QuietHours",
    "RecordingNotifier",
    "RuleChoice",
    "Reminder",
    "ReminderChoices",
    "ReminderProvider",
    "ReminderRule",
    "ReminderScheduler",
    "ReminderService",
    "one",
    "parse_time",
]
