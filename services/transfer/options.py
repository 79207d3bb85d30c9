"""The person's choices for one import (mappings), and what still needs choosing."""

from __future__ import annotations

from dataclasses import dataclass, field


def label_key(label: str) -> str:
    """How a mood label or status is matched: trimmed, single-spaced, case-folded."""
    return " ".join(str(label).split()).casefold()


@dataclass(frozen=True)
class Options:
    mood_map: dict[str, int] = field(default_factory=dict)  # Daylio label -> 1..5
    columns: dict[str, str | None] | None = None  # tracker: our field -> their column (None: not in the file)
    status_map: dict[str, str] = field(default_factory=dict)  # tracker: their status -> ours, or "skip"
    date_order: str | None = None  # tracker: "dmy" or "mdy" when the dates don't say

    def mood_for(self, label: str) -> int | None:
        wanted = label_key(label)
        return next((n for given, n in self.mood_map.items() if label_key(given) == wanted), None)

    def status_for(self, value: str) -> str | None:
        wanted = label_key(value)
        return next((s for given, s in self.status_map.items() if label_key(given) == wanted), None)

    def key(self) -> tuple:
        """Hashable, for caching what was parsed with these choices."""
        return (
            tuple(sorted((label_key(k), v) for k, v in self.mood_map.items())),
            None if self.columns is None else tuple(sorted(self.columns.items(), key=lambda kv: kv[0])),
            tuple(sorted((label_key(k), v) for k, v in self.status_map.items())),
            self.date_order,
        )


@dataclass
class Needs:
    """Choices the person must make before anything can be imported."""

    moods: dict[str, int | None] = field(default_factory=dict)  # every label in the file -> its mood (None: choose)
    mood_counts: dict[str, int] = field(default_factory=dict)
    headers: list[str] = field(default_factory=list)  # tracker: the file's columns
    columns: dict[str, str | None] = field(default_factory=dict)  # tracker: our field -> their column
    samples: dict[str, list[str]] = field(default_factory=dict)  # tracker: column -> a few values
    statuses: dict[str, str] = field(default_factory=dict)  # tracker: their status -> ours (or "skip")
    status_counts: dict[str, int] = field(default_factory=dict)
    guessed_statuses: list[str] = field(default_factory=list)  # ones we didn't recognise: "applied" until changed
    date_order_needed: bool = False
    missing_columns: list[str] = field(default_factory=list)  # our required fields with no column

    @property
    def unknown_moods(self) -> list[str]:
        return [label for label, mood in self.moods.items() if mood is None]

    @property
    def ready(self) -> bool:
        return not self.unknown_moods and not self.date_order_needed and not self.missing_columns
