"""When each card comes back: FSRS scheduling, reviews, due counts and mock picks.

The `fsrs` package does all the scheduling; this file only stores its state.
Interview answers are rehearsed, not crammed, so there are no minute-long
learning steps: every rating schedules whole days ahead, which makes "due
today" and the interval on each rating button plain. Fuzzing is off so the
interval shown on a button is exactly the one the card gets.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from fsrs import Card, Rating, Scheduler, State
from sqlalchemy import func
from sqlmodel import Session, col, select

from models.practice import NOTES_MAX, PracticeCard, PracticeReview
from models.shapes import Text, check
from services.clock import Clock
from services.dates import absolute_day
from services.errors import ValidationError
from services.lookup import id_of, load
from services.practice.deck import Deck
from services.settings import SettingsService
from services.storage.db import SessionFactory

SCHEDULER = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
RATINGS = (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy)
RATING_NAMES = {Rating.Again: "Again", Rating.Hard: "Hard", Rating.Good: "Good", Rating.Easy: "Easy"}
NEW_PER_DAY_KEY = "practice.new_per_day"
NEW_PER_DAY_DEFAULT = 10
NEW_PER_DAY_MAX = 200
MODES = ("practice", "mock")
MAX_DURATION_MS = 24 * 3600 * 1000


def to_fsrs(card: PracticeCard) -> Card:
    return Card(
        card_id=card.id or 0,
        state=State(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=_utc(card.due),
        last_review=_utc(card.last_review) if card.last_review else None,
    )


def _utc(value: datetime) -> datetime:
    # SQLModel hands back UTC; a naive value can only be UTC from our own writes.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def describe_interval(delta: timedelta) -> str:
    """'10 min', '1 day', '3 days', '2 months', '1.5 years' — for the rating buttons."""
    minutes = delta.total_seconds() / 60
    if minutes < 60 * 23:
        if minutes < 60:
            return f"{max(1, round(minutes))} min"
        return f"{round(minutes / 60)} h"
    days = round(minutes / 1440)
    if days < 31:
        return "1 day" if days == 1 else f"{days} days"
    if days < 365:
        months = round(days / 30.4)
        return "1 month" if months == 1 else f"{months} months"
    years = round(days / 365, 1)
    return f"{years:g} year" + ("" if years == 1 else "s")


@dataclass(frozen=True)
class IntervalPreview:
    rating: int
    name: str  # "Good"
    due: datetime
    label: str  # "3 days"

    @property
    def button_text(self) -> str:
        return f"{self.name} · {self.label}"


class Schedule:
    """When each card comes back: FSRS state, reviews, what is due today, mock picks."""

    def __init__(self, sessions: SessionFactory, clock: Clock, settings: SettingsService, deck: Deck):
        self._sessions = sessions
        self._clock = clock
        self._settings = settings
        self._deck = deck
        # Run inside every review's transaction, e.g. feedback ticks off the action item
        # whose cards have now all been practised. Called as hook(session, card_id).
        self.after_review: list[Callable[[Session, int], None]] = []

    # -- the local day -------------------------------------------------------
    def _day_bounds(self, day: date) -> tuple[datetime, datetime]:
        """[start, end) of a local day, in UTC for comparing with stored values."""
        tz = self._clock.now().tzinfo
        start = datetime.combine(day, time(), tzinfo=tz)
        return start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC)

    def _now_utc(self) -> datetime:
        return self._clock.now().astimezone(UTC)

    # -- the new-cards-per-day setting ---------------------------------------
    def new_per_day(self) -> int:
        value = self._settings.get(NEW_PER_DAY_KEY, NEW_PER_DAY_DEFAULT)
        return value if isinstance(value, int) and 0 <= value <= NEW_PER_DAY_MAX else NEW_PER_DAY_DEFAULT

    def set_new_per_day(self, *, limit: int) -> None:
        if isinstance(limit, bool) or not isinstance(limit, int) or not 0 <= limit <= NEW_PER_DAY_MAX:
            raise ValidationError.single("new_per_day", f"Choose a number from 0 to {NEW_PER_DAY_MAX}.")
        self._settings.set(NEW_PER_DAY_KEY, limit)

    # -- what is due ----------------------------------------------------------
    def _due_parts(self, s, limit: int) -> tuple[int, int, int]:
        """(reviewed cards due today, new cards waiting, new cards still allowed today)."""
        today = self._clock.today()
        _, end = self._day_bounds(today)
        live = PracticeCard.archived == False  # noqa: E712  (SQL comparison)
        seen = col(PracticeCard.last_review).is_not(None)
        due_q = select(func.count()).where(live, seen, PracticeCard.due < end).scalar_subquery()
        new_q = select(func.count()).where(live, col(PracticeCard.last_review).is_(None)).scalar_subquery()
        started_q = select(func.count()).where(PracticeCard.first_reviewed_on == today).scalar_subquery()
        due, new, started = s.exec(select(due_q, new_q, started_q)).one()
        return due, new, max(0, limit - started)

    def due_count(self) -> int:
        """Cards to practise today (before the end of the user's local day)."""
        limit = self.new_per_day()  # read first: one session at a time
        with self._sessions() as s:
            due, new, allowed = self._due_parts(s, limit)
        return due + min(new, allowed)

    def due_queue(self) -> list[int]:
        """Card ids for today's session: reviews first (most overdue first), then new cards."""
        _, end = self._day_bounds(self._clock.today())
        limit = self.new_per_day()
        with self._sessions() as s:
            _, _, allowed = self._due_parts(s, limit)
            live = PracticeCard.archived == False  # noqa: E712
            reviews = s.exec(
                select(PracticeCard.id)
                .where(live, col(PracticeCard.last_review).is_not(None), PracticeCard.due < end)
                .order_by(col(PracticeCard.due))
            ).all()
            new = (
                s.exec(
                    select(PracticeCard.id)
                    .where(live, col(PracticeCard.last_review).is_(None))
                    .order_by(col(PracticeCard.id))
                    .limit(allowed)
                ).all()
                if allowed
                else []
            )
        return [*reviews, *new]

    # -- reviewing ---------------------------------------------------------------
    def previews(self, *, card_id: int) -> list[IntervalPreview]:
        """What each rating would do now: the text for the four rating buttons."""
        now = self._now_utc()
        fcard = to_fsrs(self._deck.get_card(card_id=card_id))
        out = []
        for rating in RATINGS:
            after, _ = SCHEDULER.review_card(fcard, rating, review_datetime=now)
            out.append(
                IntervalPreview(int(rating), RATING_NAMES[rating], after.due, describe_interval(after.due - now))
            )
        return out

    def review_card(
        self, *, card_id: int, rating: int, duration_ms: int | None = None, mode: str = "practice"
    ) -> PracticeCard:
        """Rate a card (1 Again .. 4 Easy): FSRS schedules it, the review is kept, and the
        `after_review` hooks run in the same transaction."""
        with self._sessions() as s:
            card = self.review_in(s, card_id=card_id, rating=rating, duration_ms=duration_ms, mode=mode)
            s.commit()
            s.refresh(card)
            return card

    def review_in(
        self, s: Session, *, card_id: int, rating: int, duration_ms: int | None = None, mode: str = "practice"
    ) -> PracticeCard:
        """The review's writes, inside the caller's transaction (which commits)."""
        if isinstance(rating, bool) or rating not in (1, 2, 3, 4):
            raise ValidationError.single("rating", "Rate with Again, Hard, Good or Easy.")
        if not isinstance(mode, str) or mode not in MODES:
            raise ValidationError.single("mode", "Unknown practice mode.")
        duration_ms = check("duration_ms", int | None, duration_ms)
        if duration_ms is not None and not 0 <= duration_ms <= MAX_DURATION_MS:
            duration_ms = None  # a clock that jumped; the review itself still counts
        now = self._now_utc()
        card = load(s, PracticeCard, card_id, "card")
        before = to_fsrs(card)
        after, _log = SCHEDULER.review_card(before, Rating(rating), review_datetime=now)
        card.state, card.step = int(after.state), after.step
        card.stability, card.difficulty = after.stability, after.difficulty
        card.due, card.last_review = after.due, after.last_review
        if card.first_reviewed_on is None:
            card.first_reviewed_on = self._clock.today()
        card.updated_at = self._clock.now()
        s.add(
            PracticeReview(
                card_id=id_of(card),
                rating=rating,
                state_before=int(before.state) if before.last_review else 0,
                reviewed_at=now,
                reviewed_on=self._clock.today(),
                duration_ms=duration_ms,
                mode=mode,
            )
        )
        s.flush()
        for hook in self.after_review:
            hook(s, card_id)
        return card

    def reviews_of(self, *, card_id: int) -> list[PracticeReview]:
        with self._sessions() as s:
            query = select(PracticeReview).where(PracticeReview.card_id == card_id).order_by(col(PracticeReview.id))
            return list(s.exec(query).all())

    def review_counts(self, *, card_ids: list[int]) -> dict[int, int]:
        """Reviews per card (cards never reviewed map to 0)."""
        ids = list(dict.fromkeys(card_ids))
        counts = dict.fromkeys(ids, 0)
        if not ids:
            return counts
        with self._sessions() as s:
            for start in range(0, len(ids), 500):  # stay under SQLite's variable limit
                chunk = ids[start : start + 500]
                rows = s.exec(
                    select(PracticeReview.card_id, func.count())
                    .where(col(PracticeReview.card_id).in_(chunk))
                    .group_by(col(PracticeReview.card_id))
                ).all()
                counts.update(dict(rows))
        return counts

    def local_day(self, when: datetime) -> date:
        """The user's calendar day of a stored (UTC) moment."""
        return _utc(when).astimezone(self._clock.now().tzinfo).date()

    def days_until(self, due: datetime) -> int:
        """Whole local days from today to `due` (0 = today or overdue)."""
        local = _utc(due).astimezone(self._clock.now().tzinfo).date()
        return max(0, (local - self._clock.today()).days)

    # -- mock interviews ----------------------------------------------------------
    def pick_mock(
        self, *, count: int, category: str | None = None, rng: random.Random | None = None
    ) -> list[PracticeCard]:
        """`count` random live questions, optionally from one category."""
        count = check("count", int, count)
        category = check("category", Text | None, category)
        query = select(PracticeCard.id).where(PracticeCard.archived == False)  # noqa: E712
        if category:
            query = query.where(PracticeCard.category == category)
        with self._sessions() as s:
            ids = [i for i in s.exec(query).all() if i is not None]
            chosen = (rng or random.Random()).sample(ids, min(max(count, 0), len(ids)))
            return [load(s, PracticeCard, i, "card") for i in chosen]

    def record_mock_answer(self, *, card_id: int, hard: bool, note: str = "", duration_ms: int | None = None) -> None:
        """A hard question is rated Again (back soon); a note is added to the card's notes.
        Both land together or not at all."""
        hard = check("hard", bool, hard)
        note = check("note", Text, note, "Please write the note as plain text.").strip()
        with self._sessions() as s:
            card = load(s, PracticeCard, card_id, "card")
            if note:
                stamp = absolute_day(self._clock.today())
                line = f"Mock interview, {stamp}: {note}"
                merged = f"{card.notes}\n\n{line}".strip() if card.notes else line
                self._deck.apply(card, {"notes": merged[-NOTES_MAX:]})
            if hard:
                self.review_in(s, card_id=card_id, rating=int(Rating.Again), duration_ms=duration_ms, mode="mock")
            s.commit()
