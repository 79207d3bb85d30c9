"""Applications: the quick log, the tracker and its status history, goals, consistency, wins, patterns.

What views may use is named here; the modules behind it are this package's own.
"""

from services.applications.goals import GoalService, Progress, week_start
from services.applications.patterns import DIMENSIONS, MIN_GROUP, PatternService
from services.applications.queries import WAITING_DAYS, ApplicationPage, ApplicationQueries
from services.applications.rules import REAPPLY_MONTHS, add_months, reapply_date
from services.applications.service import ApplicationService, TimelineEntry
from services.applications.wins import ACTION_KINDS, WIN_IDEAS, WinKind, WinService

__all__ = [
    "ACTION_KINDS",
    "DIMENSIONS",
    "MIN_GROUP",
    "REAPPLY_MONTHS",
    "WAITING_DAYS",
    "WIN_IDEAS",
    "ApplicationPage",
    "ApplicationQueries",
    "ApplicationService",
    "GoalService",
    "PatternService",
    "Progress",
    "TimelineEntry",
    "WinKind",
    "WinService",
    "add_months",
    "reapply_date",
    "week_start",
]
