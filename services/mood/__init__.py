"""Mood: entries with named feelings and self-care, the word lists, insights and bounce-backs."""

from services.mood.bounce_back import BounceBack, BounceBackReport
from services.mood.insights import MIN_DAYS_EACH_SIDE, SHOWN_BARS, SHOWN_ITEMS, Comparison, MoodInsightsService
from services.mood.records import DaySummary, MoodRecord, Vocabulary
from services.mood.service import MoodService
from services.mood.words import MOOD_LABELS, normalize_word

__all__ = [
    "MIN_DAYS_EACH_SIDE",
    "MOOD_LABELS",
    "SHOWN_BARS",
    "SHOWN_ITEMS",
    "BounceBack",
    "BounceBackReport",
    "Comparison",
    "DaySummary",
    "MoodInsightsService",
    "MoodRecord",
    "MoodService",
    "Vocabulary",
    "normalize_word",
]
