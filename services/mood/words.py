"""The built-in words: feelings (grouped by how pleasant and how energetic they
are, the usual "mood meter" quadrants) and self-care activities.

Words are stored lower-case; the user's own words join these (see MoodService).
"""

from __future__ import annotations

from dataclasses import dataclass

# One spelling per word; the entry shape uses it too.
from models.mood import normalize_word as normalize_word

MOOD_LABELS = {1: "very low", 2: "low", 3: "okay", 4: "good", 5: "great"}


@dataclass(frozen=True)
class FeelingGroup:
    key: str
    title: str
    words: tuple[str, ...]


FEELING_GROUPS: tuple[FeelingGroup, ...] = (
    FeelingGroup(
        "unpleasant_high",
        "Unpleasant, restless",
        (
            "frustrated",
            "anxious",
            "angry",
            "spiteful",
            "stressed",
            "overwhelmed",
            "embarrassed",
            "irritated",
            "worried",
            "jealous",
            "on edge",
        ),
    ),
    FeelingGroup(
        "unpleasant_low",
        "Unpleasant, heavy",
        (
            "disappointed",
            "hurt",
            "doubtful",
            "numb",
            "sad",
            "discouraged",
            "tired",
            "lonely",
            "drained",
            "rejected",
            "stuck",
        ),
    ),
    FeelingGroup(
        "pleasant_high",
        "Pleasant, energetic",
        (
            "hopeful",
            "motivated",
            "proud",
            "excited",
            "confident",
            "determined",
            "curious",
            "energised",
            "optimistic",
        ),
    ),
    FeelingGroup(
        "pleasant_low",
        "Pleasant, calm",
        (
            "relieved",
            "calm",
            "grateful",
            "content",
            "peaceful",
            "relaxed",
            "accepting",
            "rested",
            "at ease",
        ),
    ),
)

BUILTIN_FEELINGS: tuple[str, ...] = tuple(w for g in FEELING_GROUPS for w in g.words)

BUILTIN_ACTIVITIES: tuple[str, ...] = (
    "journaling",
    "walk",
    "cycling",
    "exercise",
    "talked to a friend",
    "rest",
    "hobby",
    "time outside",
    "meditation",
    "good sleep",
)

FEELING, ACTIVITY = "feeling", "activity"
