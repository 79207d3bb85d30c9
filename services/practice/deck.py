"""The practice deck: adding, editing, archiving, finding and deleting question cards."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, or_
from sqlmodel import col, select

from models.practice import NOTES_MAX, QUESTION_MAX, STAR_FIELD_MAX, PracticeCard
from services.clock import Clock
from services.errors import NotFound, ValidationError
from services.storage.db import SessionFactory

CATEGORIES: dict[str, str] = {
    "behavioral": "Behavioral",
    "motivation": "Motivation",
    "strengths": "Strengths and weaknesses",
    "teamwork": "Teamwork",
    "conflict": "Conflict",
    "failure": "Failure",
    "leadership": "Leadership",
    "pressure": "Pressure",
    "career_goals": "Career goals",
    "company": "About the company",
    "other": "Other",
}
STAR_FIELDS = ("situation", "task", "action", "result")
TAG_MAX = 40
TAGS_MAX = 20
PAGE_SIZE = 50


def card_tags(card: PracticeCard) -> list[str]:
    try:
        tags = json.loads(card.tags or "[]")
    except ValueError:
        return []
    return [t for t in tags if isinstance(t, str)]


def normalize_tags(tags: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for raw in tags:
        tag = " ".join(str(raw).strip().lower().lstrip("#").split())
        if tag and tag not in seen:
            seen.append(tag)
    return seen


def question_key(question: str) -> str:
    """What makes two questions "the same": letters and digits, case-folded."""
    return re.sub(r"[\W_]+", " ", question.casefold()).strip()


@dataclass(frozen=True)
class CardPage:
    cards: list[PracticeCard]
    has_more: bool


class Deck:
    """The question cards: add, edit, archive, find, delete."""

    def __init__(self, sessions: SessionFactory, clock: Clock):
        self._sessions = sessions
        self._clock = clock

    def _validated(self, *, question: str, category: str, tags: list[str], fields: dict[str, str], notes: str) -> dict:
        errors: dict[str, str] = {}
        question = (question or "").strip()
        if not question:
            errors["question"] = "Write the question you want to practise."
        elif len(question) > QUESTION_MAX:
            errors["question"] = f"Please keep the question under {QUESTION_MAX} characters (it has {len(question)})."
        if category not in CATEGORIES:
            errors["category"] = "Pick one of the categories."
        for name, value in fields.items():
            if len(value or "") > STAR_FIELD_MAX:
                errors[name] = f"That's a long one: please keep it under {STAR_FIELD_MAX:,} characters."
        if len(notes or "") > NOTES_MAX:
            errors["notes"] = f"Notes can hold up to {NOTES_MAX:,} characters."
        clean_tags = normalize_tags(tags)
        if len(clean_tags) > TAGS_MAX or any(len(t) > TAG_MAX for t in clean_tags):
            errors["tags"] = f"Up to {TAGS_MAX} tags, each under {TAG_MAX} characters."
        if errors:
            raise ValidationError(errors)
        return {
            "question": question,
            "category": category,
            "tags": json.dumps(clean_tags),
            **{k: (v or "").strip() for k, v in fields.items()},
            "notes": (notes or "").strip(),
        }

    def create_card(
        self,
        *,
        question: str,
        category: str = "behavioral",
        tags: Iterable[str] = (),
        situation: str = "",
        task: str = "",
        action: str = "",
        result: str = "",
        notes: str = "",
    ) -> PracticeCard:
        values = self._validated(
            question=question,
            category=category,
            tags=list(tags),
            fields={"situation": situation, "task": task, "action": action, "result": result},
            notes=notes,
        )
        now = self._clock.now()
        card = PracticeCard(**values, due=now, created_at=now, updated_at=now)
        with self._sessions() as s:
            s.add(card)
            s.commit()
            s.refresh(card)
        return card

    def update_card(
        self,
        *,
        card_id: int,
        question: str | None = None,
        category: str | None = None,
        tags: Iterable[str] | None = None,
        situation: str | None = None,
        task: str | None = None,
        action: str | None = None,
        result: str | None = None,
        notes: str | None = None,
    ) -> PracticeCard:
        with self._sessions() as s:
            card = s.get(PracticeCard, card_id)
            if card is None:
                raise NotFound(card_id)
            given = {"situation": situation, "task": task, "action": action, "result": result}
            values = self._validated(
                question=card.question if question is None else question,
                category=card.category if category is None else category,
                tags=card_tags(card) if tags is None else list(tags),
                fields={k: getattr(card, k) if v is None else v for k, v in given.items()},
                notes=card.notes if notes is None else notes,
            )
            for key, value in values.items():
                setattr(card, key, value)
            card.updated_at = self._clock.now()
            s.commit()
            s.refresh(card)
            return card

    def get_card(self, *, card_id: int) -> PracticeCard:
        with self._sessions() as s:
            card = s.get(PracticeCard, card_id)
            if card is None:
                raise NotFound(card_id)
            return card

    def archive_card(self, *, card_id: int, archived: bool = True) -> PracticeCard:
        """Archived cards leave practice and the list but keep their answer and history."""
        with self._sessions() as s:
            card = s.get(PracticeCard, card_id)
            if card is None:
                raise NotFound(card_id)
            card.archived, card.updated_at = archived, self._clock.now()
            s.commit()
            s.refresh(card)
            return card

    def delete_card(self, *, card_id: int) -> None:
        """Deletes the card and its review history (the FK cascades)."""
        with self._sessions() as s:
            card = s.get(PracticeCard, card_id)
            if card is None:
                raise NotFound(card_id)
            s.delete(card)
            s.commit()

    def list_cards(
        self,
        *,
        search: str = "",
        category: str | None = None,
        tag: str | None = None,
        archived: bool = False,
        limit: int = PAGE_SIZE,
        offset: int = 0,
    ) -> CardPage:
        query = select(PracticeCard).where(PracticeCard.archived == archived)
        if category:
            query = query.where(PracticeCard.category == category)
        if tag:
            query = query.where(col(PracticeCard.tags).contains(json.dumps(tag.strip().lower())))
        words = search.strip().split()
        for word in words:
            like = f"%{word}%"
            query = query.where(
                or_(
                    col(PracticeCard.question).ilike(like),
                    col(PracticeCard.tags).ilike(like),
                    col(PracticeCard.notes).ilike(like),
                    *(col(getattr(PracticeCard, f)).ilike(like) for f in STAR_FIELDS),
                )
            )
        query = query.order_by(col(PracticeCard.id)).offset(offset).limit(limit + 1)
        with self._sessions() as s:
            cards = list(s.exec(query).all())
        return CardPage(cards=cards[:limit], has_more=len(cards) > limit)

    def card_count(self, *, archived: bool = False) -> int:
        with self._sessions() as s:
            return s.exec(select(func.count()).where(PracticeCard.archived == archived)).one()

    def all_tags(self) -> list[str]:
        with self._sessions() as s:
            rows = s.exec(select(PracticeCard.tags).where(PracticeCard.tags != "[]").distinct()).all()
        found: set[str] = set()
        for raw in rows:
            try:
                found.update(t for t in json.loads(raw) if isinstance(t, str))
            except ValueError:
                continue
        return sorted(found)

    def duplicates_of(self, *, question: str, exclude_id: int | None = None) -> list[PracticeCard]:
        """Cards asking the same question (allowed, but worth flagging)."""
        key = question_key(question)
        if not key:
            return []
        with self._sessions() as s:
            rows = s.exec(select(PracticeCard.id, PracticeCard.question)).all()
            ids = [i for i, q in rows if i != exclude_id and question_key(q) == key]
            return [s.get(PracticeCard, i) for i in ids]
