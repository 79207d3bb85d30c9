"""Action items on a feedback record, and "turn into practice".

`FeedbackService.actions`; it reads records through `load_record`.
Cards made from feedback are linked back to it; the action item made with
them is ticked off on its own once every one of those cards has been reviewed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import col, select

from models import Feedback, FeedbackAction, FeedbackPracticeCard
from models.feedback import ACTION_MAX
from services.clock import Clock
from services.errors import NotFound, ValidationError
from services.feedback import themes
from services.practice import PracticeService
from services.storage.db import SessionFactory

MAX_ACTIONS = 30
MAX_CARDS_AT_ONCE = 10

# Where a theme's questions sit in the practice deck.
PRACTICE_CATEGORY = {
    themes.EXPERIENCE: "strengths",
    themes.EXAMPLES: "behavioral",
    themes.CULTURE: "teamwork",
    themes.LEADERSHIP: "leadership",
    themes.SKILLS: "strengths",
    themes.OTHER: "failure",
}


@dataclass(frozen=True)
class OpenAction:
    """An unticked action item with the record it belongs to (the "open actions" list)."""

    id: int
    text: str
    feedback_id: int
    company: str | None
    role: str | None


class FeedbackActions:
    def __init__(
        self,
        sessions: SessionFactory,
        clock: Clock,
        *,
        load_record: Callable[[int], Feedback],
        practice: PracticeService | None = None,
    ):
        self._sessions = sessions
        self._clock = clock
        self._load_record = load_record
        self._practice = practice

    # ---- action items ---------------------------------------------------------
    def for_record(self, *, feedback_id: int) -> list[FeedbackAction]:
        self._sync_practice_actions(feedback_id=feedback_id)
        with self._sessions() as s:
            return list(
                s.exec(
                    select(FeedbackAction)
                    .where(FeedbackAction.feedback_id == feedback_id)
                    .order_by(col(FeedbackAction.position), col(FeedbackAction.id))
                )
            )

    def add_action(self, *, feedback_id: int, text: str) -> FeedbackAction:
        return self.add_actions(feedback_id=feedback_id, texts=[text])[0]

    def add_actions(self, *, feedback_id: int, texts: Iterable[str]) -> list[FeedbackAction]:
        """Add items to a record's checklist; one already on it (same words) is not added twice."""
        cleaned = [" ".join((t or "").split()) for t in texts]
        if not cleaned or any(not t for t in cleaned):
            raise ValidationError.single("text", "Write what you'd like to do, in a few words.")
        if any(len(t) > ACTION_MAX for t in cleaned):
            raise ValidationError.single("text", f"Keep it short: under {ACTION_MAX} characters.")
        with self._sessions() as s:
            if s.get(Feedback, feedback_id) is None:
                raise NotFound(f"feedback {feedback_id}")
            existing = list(s.exec(select(FeedbackAction).where(FeedbackAction.feedback_id == feedback_id)))
            known = {a.text.casefold(): a for a in existing}
            fresh = [t for t in dict.fromkeys(cleaned) if t.casefold() not in known]
            if len(existing) + len(fresh) > MAX_ACTIONS:
                raise ValidationError.single(
                    "text", f"A record holds up to {MAX_ACTIONS} actions. Tick some off first?"
                )
            position = max((a.position for a in existing), default=-1) + 1
            now = self._clock.now()
            added = []
            for i, text in enumerate(fresh):
                item = FeedbackAction(feedback_id=feedback_id, text=text, position=position + i, created_at=now)
                s.add(item)
                added.append(item)
            s.commit()
            for item in added:
                s.refresh(item)
            return [known.get(t.casefold()) or next(a for a in added if a.text == t) for t in dict.fromkeys(cleaned)]

    def set_action_done(self, *, action_id: int, done: bool, on: date | None = None) -> FeedbackAction:
        with self._sessions() as s:
            item = s.get(FeedbackAction, action_id)
            if item is None:
                raise NotFound(f"action {action_id}")
            item.done = done
            item.done_on = (on or self._clock.today()) if done else None
            s.commit()
            return item

    def edit_action(self, *, action_id: int, text: str) -> FeedbackAction:
        text = " ".join((text or "").split())
        if not text or len(text) > ACTION_MAX:
            raise ValidationError.single("text", f"Write it in a few words (under {ACTION_MAX} characters).")
        with self._sessions() as s:
            item = s.get(FeedbackAction, action_id)
            if item is None:
                raise NotFound(f"action {action_id}")
            item.text = text
            s.commit()
            return item

    def delete_action(self, *, action_id: int) -> None:
        with self._sessions() as s:
            item = s.get(FeedbackAction, action_id)
            if item is not None:
                s.delete(item)
                s.commit()

    def open_actions(self, *, limit: int = 20) -> list[OpenAction]:
        """Unticked items across all feedback, newest record first."""
        self._sync_practice_actions()
        with self._sessions() as s:
            rows = s.exec(
                select(FeedbackAction.id, FeedbackAction.text, Feedback.id, Feedback.company, Feedback.role)
                .join(Feedback, Feedback.id == FeedbackAction.feedback_id)
                .where(FeedbackAction.done == False)  # noqa: E712
                .order_by(col(Feedback.rejected_on).desc(), col(FeedbackAction.position))
                .limit(limit)
            ).all()
        return [OpenAction(*row) for row in rows]

    def open_action_count(self) -> int:
        with self._sessions() as s:
            return s.scalar(select(func.count()).select_from(FeedbackAction).where(FeedbackAction.done == False)) or 0  # noqa: E712

    # ---- turn into practice ----------------------------------------------------------
    @property
    def practice_available(self) -> bool:
        return self._practice is not None

    def practice_suggestions(self, *, feedback_id: int) -> list[str]:
        """Questions worth rehearsing for this record's theme (the user picks and edits)."""
        record = self._load_record(feedback_id)
        guide = themes.guide(record.theme) or themes.GUIDES[themes.EXAMPLES]
        return list(guide.practice_questions)

    def practice_note(self, *, feedback_id: int) -> str:
        """The note a new card carries: where it came from, and what they said."""
        record = self._load_record(feedback_id)
        where = " at ".join(x for x in (record.role, record.company) if x) or "a past application"
        note = f"From feedback on {where} ({record.rejected_on:%d %b %Y})."
        if record.what_they_said:
            said = record.what_they_said if len(record.what_they_said) <= 600 else record.what_they_said[:600] + "…"
            note += f"\nThey said: “{said}”"
        guide = themes.guide(record.theme)
        if guide:
            note += f"\nAim for: {guide.fixes[0]}"
        return note

    def turn_into_practice(self, *, feedback_id: int, questions: Iterable[str]) -> list[int]:
        """Create practice cards from feedback; returns their ids.

        Adds (or reuses) one action item, "Practise the new cards…", which is
        ticked off on its own once every linked card has been reviewed.
        """
        if self._practice is None:
            raise ValidationError.single("questions", "The practice deck isn't available.")
        asked = [q.strip() for q in questions if q and q.strip()]
        if not asked:
            raise ValidationError.single("questions", "Pick or write at least one question to practise.")
        if len(asked) > MAX_CARDS_AT_ONCE:
            raise ValidationError.single("questions", f"Up to {MAX_CARDS_AT_ONCE} at a time keeps it doable.")
        record = self._load_record(feedback_id)
        note = self.practice_note(feedback_id=feedback_id)
        category = PRACTICE_CATEGORY.get(record.theme or "", "behavioral")
        tags = ["feedback", *([record.theme] if record.theme else [])]
        card_ids = [self._practice.deck.create_card(question=q, category=category, tags=tags, notes=note).id for q in asked]
        action = self.add_action(feedback_id=feedback_id, text="Practise the questions made from this feedback")
        with self._sessions() as s:
            if action.done:  # new cards to practise: the item is open again
                item = s.get(FeedbackAction, action.id)
                item.done, item.done_on = False, None
            for card_id in card_ids:
                s.add(FeedbackPracticeCard(feedback_id=feedback_id, card_id=card_id, action_id=action.id))
            s.commit()
        return card_ids

    def practice_card_ids(self, *, feedback_id: int) -> list[int]:
        with self._sessions() as s:
            return list(
                s.exec(select(FeedbackPracticeCard.card_id).where(FeedbackPracticeCard.feedback_id == feedback_id))
            )

    def _sync_practice_actions(self, *, feedback_id: int | None = None) -> int:
        """Tick off open "practise these" items whose cards have all been reviewed; returns how many."""
        if self._practice is None:
            return 0
        query = (
            select(FeedbackPracticeCard.action_id, FeedbackPracticeCard.card_id)
            .join(FeedbackAction, FeedbackAction.id == FeedbackPracticeCard.action_id)
            .where(FeedbackAction.done == False)  # noqa: E712
        )
        if feedback_id is not None:
            query = query.where(FeedbackPracticeCard.feedback_id == feedback_id)
        with self._sessions() as s:
            links = s.exec(query).all()
        if not links:
            return 0
        reviews = self._practice.schedule.review_counts(card_ids=[card for _, card in links])
        by_action: dict[int, list[int]] = {}
        for action_id, card_id in links:
            by_action.setdefault(action_id, []).append(card_id)
        done = [a for a, cards in by_action.items() if all(reviews.get(c, 0) > 0 for c in cards)]
        if done:
            today = self._clock.today()
            with self._sessions() as s:
                for item in s.exec(select(FeedbackAction).where(col(FeedbackAction.id).in_(done))):
                    item.done, item.done_on = True, today
                s.commit()
        return len(done)
