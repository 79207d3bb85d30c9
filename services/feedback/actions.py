"""Action items on a feedback record, and "turn into practice".

`FeedbackService.actions`; it reads records through `load_record`.
Cards made from feedback are linked back to it; the action item made with
them is ticked off by the review of the last of those cards (a hook the
practice schedule runs inside each review's transaction).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, func
from sqlmodel import Session, col, select

from models import Feedback, FeedbackAction, FeedbackPracticeCard, PracticeReview
from models.feedback import FeedbackActionCreate
from models.practice import PracticeCardCreate
from models.shapes import Day, Text, as_list, check, is_record_id
from services.clock import Clock
from services.dates import absolute_day
from services.errors import ValidationError
from services.feedback import themes
from services.lookup import id_of, load
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
        if practice is not None:
            # Ticking off "practise these" happens when the last of its cards is reviewed,
            # inside that review's transaction (reading the list never writes).
            practice.schedule.after_review.append(self._tick_off_practised)

    # ---- action items ---------------------------------------------------------
    def for_record(self, *, feedback_id: int) -> list[FeedbackAction]:
        if not is_record_id(feedback_id):
            return []
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
        texts = check("text", list[object], as_list(texts), "Write what you'd like to do, in a few words.")
        if not texts:
            raise ValidationError.single("text", "Write what you'd like to do, in a few words.")
        cleaned = [FeedbackActionCreate(text=t).text for t in texts]
        with self._sessions() as s:
            items = self._add_in(s, feedback_id, cleaned)
            s.commit()
            for item in items:
                s.refresh(item)
            return items

    def set_action_done(self, *, action_id: int, done: bool, on: date | None = None) -> FeedbackAction:
        done = check("done", bool, done)
        day = check("done_on", Day | None, on)
        with self._sessions() as s:
            item = load(s, FeedbackAction, action_id, "action")
            item.done = done
            item.done_on = (day or self._clock.today()) if done else None
            s.commit()
            return item

    def edit_action(self, *, action_id: int, text: str) -> FeedbackAction:
        cleaned = FeedbackActionCreate(text=text).text
        with self._sessions() as s:
            item = load(s, FeedbackAction, action_id, "action")
            item.text = cleaned
            s.commit()
            return item

    def delete_action(self, *, action_id: int) -> None:
        if not is_record_id(action_id):
            return
        with self._sessions() as s:
            item = s.get(FeedbackAction, action_id)
            if item is not None:
                s.delete(item)
                s.commit()

    def open_actions(self, *, limit: int = 20) -> list[OpenAction]:
        """Unticked items across all feedback, newest record first."""
        limit = max(0, min(check("limit", int, limit), 200))
        with self._sessions() as s:
            rows = s.exec(
                select(FeedbackAction, Feedback)
                .join(Feedback, col(Feedback.id) == col(FeedbackAction.feedback_id))
                .where(FeedbackAction.done == False)  # noqa: E712
                .order_by(col(Feedback.rejected_on).desc(), col(FeedbackAction.position))
                .limit(limit)
            ).all()
        return [OpenAction(id_of(a), a.text, id_of(f), f.company, f.role) for a, f in rows]

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
        return self._note_for(self._load_record(feedback_id))

    def turn_into_practice(self, *, feedback_id: int, questions: Iterable[str]) -> list[int]:
        """Create practice cards from feedback, in one transaction; returns their ids.

        Adds (or reuses and reopens) one action item, "Practise the new cards…",
        which is ticked off once every linked card has been reviewed.
        """
        if self._practice is None:
            raise ValidationError.single("questions", "The practice deck isn't available.")
        asked = check("questions", list[Text], as_list(questions), "Pick or write the questions as plain text.")
        asked = [q.strip() for q in asked if q.strip()]
        if not asked:
            raise ValidationError.single("questions", "Pick or write at least one question to practise.")
        if len(asked) > MAX_CARDS_AT_ONCE:
            raise ValidationError.single("questions", f"Up to {MAX_CARDS_AT_ONCE} at a time keeps it doable.")
        deck = self._practice.deck
        with self._sessions() as s:
            record = load(s, Feedback, feedback_id, "feedback")
            category = PRACTICE_CATEGORY.get(record.theme or "", "behavioral")
            tags = ["feedback", *([record.theme] if record.theme else [])]
            try:
                shapes = [PracticeCardCreate(question=q, category=category, tags=tags, notes=self._note_for(record))
                          for q in asked]
            except ValidationError as exc:  # the card's question is what the person wrote
                raise ValidationError.single("questions", next(iter(exc.errors.values()))) from None
            cards = [deck.new_card(shape) for shape in shapes]
            s.add_all(cards)
            (action,) = self._add_in(s, record.id, ["Practise the questions made from this feedback"])
            action.done, action.done_on = False, None  # new cards to practise: the item is open again
            s.flush()
            for card in cards:
                s.add(FeedbackPracticeCard(feedback_id=id_of(record), card_id=id_of(card), action_id=action.id))
            s.commit()
            return [card.id for card in cards if card.id is not None]

    def practice_card_ids(self, *, feedback_id: int) -> list[int]:
        if not is_record_id(feedback_id):
            return []
        with self._sessions() as s:
            return list(
                s.exec(select(FeedbackPracticeCard.card_id).where(FeedbackPracticeCard.feedback_id == feedback_id))
            )

    # ---- internals --------------------------------------------------------------------
    def _add_in(self, s: Session, feedback_id: object, texts: list[str]) -> list[FeedbackAction]:
        """The items for `texts` on a record, new ones added in the caller's transaction."""
        record = load(s, Feedback, feedback_id, "feedback")
        existing = list(s.exec(select(FeedbackAction).where(FeedbackAction.feedback_id == record.id)))
        known = {a.text.casefold(): a for a in existing}
        wanted = list(dict.fromkeys(texts))
        fresh = [t for t in wanted if t.casefold() not in known]
        if len(existing) + len(fresh) > MAX_ACTIONS:
            raise ValidationError.single("text", f"A record holds up to {MAX_ACTIONS} actions. Tick some off first?")
        position = max((a.position for a in existing), default=-1) + 1
        now = self._clock.now()
        for i, text in enumerate(fresh):
            item = FeedbackAction(feedback_id=id_of(record), text=text, position=position + i, created_at=now)
            s.add(item)
            known[text.casefold()] = item
        s.flush()
        return [known[t.casefold()] for t in wanted]

    @staticmethod
    def _note_for(record: Feedback) -> str:
        where = " at ".join(x for x in (record.role, record.company) if x) or "a past application"
        note = f"From feedback on {where} ({absolute_day(record.rejected_on)})."
        if record.what_they_said:
            said = record.what_they_said if len(record.what_they_said) <= 600 else record.what_they_said[:600] + "…"
            note += f"\nThey said: “{said}”"
        guide = themes.guide(record.theme)
        if guide:
            note += f"\nAim for: {guide.fixes[0]}"
        return note

    def _tick_off_practised(self, s: Session, card_id: int) -> None:
        """After a review (in its transaction): tick off open "practise these" items whose
        cards have now all been reviewed at least once."""
        open_items = s.exec(
            select(FeedbackAction)
            .join(FeedbackPracticeCard, col(FeedbackPracticeCard.action_id) == col(FeedbackAction.id))
            .where(FeedbackPracticeCard.card_id == card_id, FeedbackAction.done == False)  # noqa: E712
        ).all()
        for item in open_items:
            unpractised = s.scalar(
                select(func.count())
                .select_from(FeedbackPracticeCard)
                .where(
                    FeedbackPracticeCard.action_id == item.id,
                    ~exists().where(col(PracticeReview.card_id) == col(FeedbackPracticeCard.card_id)),
                )
            )
            if not unpractised:
                item.done, item.done_on = True, self._clock.today()
