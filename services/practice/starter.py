"""The built-in starter deck: read from assets/, added once, restorable on request.

A broken or missing deck file must never stop the app: the result carries a
message the Practice screen shows, and the deck is simply not added.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from itertools import chain, zip_longest
from pathlib import Path

from sqlmodel import col, select

from models.identity import starter_uuid
from models.practice import QUESTION_MAX, PracticeCard
from services.clock import Clock
from services.practice.deck import CATEGORIES, normalize_tags
from services.settings import SettingsService
from services.storage.db import SessionFactory

log = logging.getLogger(__name__)

STARTER_PATH = Path(__file__).resolve().parents[2] / "assets" / "starter_deck.json"
SEEDED_KEY = "practice.starter_seeded"


class StarterDeckError(ValueError):
    pass


@dataclass(frozen=True)
class StarterQuestion:
    key: str
    question: str
    category: str
    tags: list[str]
    notes: str


@dataclass(frozen=True)
class StarterResult:
    added: int
    message: str | None = None  # set when something went wrong; shown to the user
    ok: bool = True


def read_starter_deck(path: Path) -> list[StarterQuestion]:
    """Parse and check the deck file; raises StarterDeckError with a plain reason."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise StarterDeckError("the starter question file is missing") from exc
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise StarterDeckError("the starter question file could not be read") from exc
    items = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise StarterDeckError("the starter question file has no questions in it")
    out: list[StarterQuestion] = []
    keys: set[str] = set()
    for item in items:
        try:
            key, question, category = str(item["key"]), str(item["question"]).strip(), str(item["category"])
        except (KeyError, TypeError) as exc:
            raise StarterDeckError("the starter question file is damaged") from exc
        if key in keys or not question or len(question) > QUESTION_MAX or category not in CATEGORIES:
            raise StarterDeckError("the starter question file is damaged")
        keys.add(key)
        tags = item.get("tags", [])
        out.append(
            StarterQuestion(
                key,
                question,
                category,
                normalize_tags(tags if isinstance(tags, list) else []),
                str(item.get("notes", "")),
            )
        )
    return out


def interleave(questions: list[StarterQuestion]) -> list[StarterQuestion]:
    """One from each category in turn, so the first days' new cards are varied."""
    groups: dict[str, list[StarterQuestion]] = {}
    for q in questions:
        groups.setdefault(q.category, []).append(q)
    return [q for q in chain.from_iterable(zip_longest(*groups.values())) if q is not None]


class StarterDeck:
    """The built-in questions: added once, restorable on request."""

    def __init__(self, sessions: SessionFactory, clock: Clock, settings: SettingsService, path: Path = STARTER_PATH):
        self._sessions = sessions
        self._clock = clock
        self._settings = settings
        self.path = path
        self._checked = False  # once per start; a broken file is retried next time
        self.notice: str | None = None  # the last problem, for the Practice screen

    def ensure_starter_deck(self) -> StarterResult:
        """Add the starter deck the first time only, so deleted cards stay deleted.

        An explicit first-run action (views/app.py calls it at start), never a side
        effect of reading: due counts and stats only read.
        """
        if self._checked:
            return StarterResult(0)
        if self._settings.get(SEEDED_KEY, False):
            self._checked = True
            return StarterResult(0)
        result = self._add_starter(only_missing=False)
        self._checked = True  # once per start; a broken file is retried next time
        return result

    def restore_starter_deck(self) -> StarterResult:
        """Bring back starter questions that were deleted (archived ones stay archived)."""
        return self._add_starter(only_missing=True)

    def _add_starter(self, *, only_missing: bool) -> StarterResult:
        try:
            questions = read_starter_deck(self.path)
        except StarterDeckError as exc:
            log.warning("starter deck not loaded: %s", exc)
            self.notice = (
                f"We couldn't add the built-in questions because {exc}. "
                "Everything else works, and you can add your own questions any time."
            )
            return StarterResult(0, self.notice, ok=False)
        self.notice = None
        now = self._clock.now()
        with self._sessions() as s:
            present = set(
                s.exec(select(PracticeCard.starter_key).where(col(PracticeCard.starter_key).is_not(None))).all()
            )
            fresh = [q for q in interleave(questions) if q.key not in present]
            s.add_all(
                PracticeCard(
                    question=q.question,
                    category=q.category,
                    tags=json.dumps(q.tags),
                    notes=q.notes,
                    starter_key=q.key,
                    uuid=starter_uuid(q.key),  # the same question is the same card on every device
                    due=now,
                    created_at=now,
                    updated_at=now,
                )
                for q in fresh
            )
            self._settings.put(s, SEEDED_KEY, True)  # with the cards: both land, or neither
            s.commit()
        if only_missing and not fresh:
            return StarterResult(0, None)
        return StarterResult(len(fresh))
