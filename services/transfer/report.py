"""What an import will do (the preview) and did (the summary), one line per kind of thing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

# Singular and plural, for the lines people read ("added 1 mood entry", "added 6 mood entries").
NOUNS: dict[str, tuple[str, str]] = {
    "application": ("application", "applications"),
    "status_change": ("status change", "status changes"),
    "goal_plan": ("goal plan", "goal plans"),
    "win": ("win", "wins"),
    "mood_entry": ("mood entry", "mood entries"),
    "feedback": ("feedback record", "feedback records"),
    "feedback_action": ("feedback action", "feedback actions"),
    "practice_card": ("practice question", "practice questions"),
    "practice_review": ("practice review", "practice reviews"),
    "setting": ("setting", "settings"),
    "mood_word": ("word of your own", "words of your own"),
}

# Reasons a row is left out, worded for the summary line: "skipped 2 (already here)".
ALREADY_HERE = "already here"
TWICE_IN_FILE = "twice in the file"
KEPT_YOURS = "kept the one here"
NOT_APPLIED = "not applied yet"
NO_DATE = "no date applied"
SAME_QUESTION = "same question already in your deck"
PART_OF_EXISTING = "part of something already here"


def noun(table: str, n: int) -> str:
    one, many = NOUNS.get(table, (table.replace("_", " "), table.replace("_", " ") + "s"))
    return one if n == 1 else many


Progress = Callable[[float, str], None]  # (0.0-1.0, what is happening) -> None


def no_progress(_fraction: float, _stage: str) -> None:
    pass


@dataclass
class Line:
    table: str
    added: int = 0
    updated: int = 0  # rows here the file brought up to date (untouched built-in questions)
    skipped: Counter = field(default_factory=Counter)  # reason -> how many

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def text(self, *, done: bool = True) -> str:
        """'added 4 practice questions, skipped 2 (already here)' ('would add ..., would skip ...' for a dry run)."""
        verb, skip = ("added", "skipped") if done else ("would add", "would skip")
        out = f"{verb} {self.added} {noun(self.table, self.added)}, "
        if self.updated:
            out += f"{'updated' if done else 'would update'} {self.updated}, "
        out += f"{skip} {self.skipped_total}"
        if self.skipped:
            reasons = sorted(self.skipped.items(), key=lambda kv: (-kv[1], kv[0]))
            if len(reasons) == 1:
                out += f" ({reasons[0][0]})"
            else:
                out += " (" + ", ".join(f"{n} {why}" for why, n in reasons) + ")"
        return out


@dataclass
class Report:
    """Counts per kind of thing, in a stable order, plus notes worth saying once."""

    kind: str
    lines: dict[str, Line] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    samples: list[str] = field(default_factory=list)  # a few rows as they will be saved
    restore: bool = False  # our own export into a device with nothing of yours yet: comes in whole
    backup: str | None = None  # the file name of the backup taken just before (after an import)

    def line(self, table: str) -> Line:
        if table not in self.lines:
            self.lines[table] = Line(table)
        return self.lines[table]

    def add(self, table: str, n: int = 1) -> None:
        self.line(table).added += n

    def update(self, table: str, n: int = 1) -> None:
        self.line(table).updated += n

    def skip(self, table: str, reason: str, n: int = 1) -> None:
        self.line(table).skipped[reason] += n

    @property
    def added(self) -> int:
        return sum(line.added for line in self.lines.values())

    def shown(self) -> list[Line]:
        """Lines with something in them (at least one line), in a fixed, readable order."""
        order = list(NOUNS)
        lines = sorted(self.lines.values(), key=lambda ln: (order.index(ln.table) if ln.table in order else len(order), ln.table))
        full = [ln for ln in lines if ln.added or ln.updated or ln.skipped]
        return full or lines[:1]

    def texts(self, *, done: bool = True) -> list[str]:
        return [line.text(done=done) for line in self.shown()]


@dataclass
class Staged:
    """What an import will do: the report to show, and the writes to make (inside one transaction)."""

    report: Report
    write: Callable[..., None]  # (session, progress) -> None
