"""Interview practice: the deck of STAR cards, FSRS scheduling, sessions, mock interviews, stats."""

from services.practice.deck import CATEGORIES, PAGE_SIZE, STAR_FIELDS, CardPage, card_tags
from services.practice.schedule import IntervalPreview
from services.practice.service import PracticeService
from services.practice.stats import PracticeStats

__all__ = ["CATEGORIES", "PAGE_SIZE", "STAR_FIELDS", "CardPage", "IntervalPreview", "PracticeService", "PracticeStats", "card_tags"]
