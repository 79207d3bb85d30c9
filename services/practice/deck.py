"""The practice deck: adding, editing, archiving, finding and deleting question cards."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, or_
from sqlmodel import col, select

from models.practice import (
    CATEGORIES,
    STAR_FIELDS,
    PracticeCard,
    PracticeCardCreate,
    PracticeCardUpdate,
    normalize_tags,
)
from models.search import CardSearch
from models.shapes import Text, check
from services.clock import Clock
from services.lookup import like_pattern, load
from services.storage.db import SessionFactory

__all__ = ["CATEGORIES", "PAGE_SIZE", "STAR_FIELDS", "CardPage", "Deck", "card_tags", "normalize_tags", "question_key"]

PAGE_SIZE = 50


def card_tags(card: PracticeCard) -> list[str]:
    try:
        tags = json.loads(card.tags or "[]")
    except ValueError:
        return []
    return [t for t in tags if isinstance(t, str)]


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

    def new_card(self, data: PracticeCardCreate) -> PracticeCard:
        """The row for a checked card, not yet added (a caller may add several in one transaction)."""
        now = self._clock.now()
        values = data.model_dump()
        values["tags"] = json.dumps(data.tags)
        return PracticeCard(**values, due=now, created_at=now, updated_at=now)

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
        card = self.new_card(
            PracticeCardCreate.parse(dict(question=question, category=category, tags=tags, situation=situation,
                                          task=task, action=action, result=result, notes=notes))
        )
        with self._sessions() as s:
            s.add(card)
            s.commit()
            s.refresh(card)
        return card

    def update_card(self, *, card_id: int, changes: PracticeCardUpdate) -> PracticeCard:
        """Change the given fields (None leaves one as it is); the card it leaves is checked whole."""
        given = {k: v for k, v in PracticeCardUpdate.recheck(changes).items() if v is not None}
        with self._sessions() as s:
            card = load(s, PracticeCard, card_id, "card")
            self.apply(card, given)
            s.commit()
            s.refresh(card)
            return card

    def apply(self, card: PracticeCard, given: dict[str, object]) -> None:
        """Set checked changes on a loaded card (inside the caller's transaction)."""
        current = {f: getattr(card, f) for f in ("question", "category", *STAR_FIELDS, "notes")}
        data = PracticeCardCreate.parse({**current, "tags": card_tags(card), **given})
        for key, value in data.model_dump().items():
            setattr(card, key, json.dumps(value) if key == "tags" else value)
        card.updated_at = self._clock.now()

    def get_card(self, *, card_id: int) -> PracticeCard:
        with self._sessions() as s:
            return load(s, PracticeCard, card_id, "card")

    def archive_card(self, *, card_id: int, archived: bool = True) -> PracticeCard:
        """Archived cards leave practice and the list but keep their answer and history."""
        archived = check("archived", bool, archived)
        with self._sessions() as s:
            card = load(s, PracticeCard, card_id, "card")
            card.archived, card.updated_at = archived, self._clock.now()
            s.commit()
            s.refresh(card)
            return card

    def delete_card(self, *, card_id: int) -> None:
        """Deletes the card and its review history (the FK cascades)."""
        with self._sessions() as s:
            s.delete(load(s, PracticeCard, card_id, "card"))
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
        f = CardSearch(search=search, category=category, tag=tag, archived=archived, limit=limit, offset=offset)
        query = select(PracticeCard).where(PracticeCard.archived == f.archived)
        if f.category:
            query = query.where(PracticeCard.category == f.category)
        if f.tag:
            query = query.where(col(PracticeCard.tags).contains(json.dumps(f.tag.strip().lower())))
        for word in f.search.split():
            like = like_pattern(word)
            query = query.where(
                or_(
                    *(col(getattr(PracticeCard, name)).ilike(like, escape="\\")
                      for name in ("question", "tags", "notes", *STAR_FIELDS))
                )
            )
        query = query.order_by(col(PracticeCard.id)).offset(f.offset).limit(f.limit + 1)
        with self._sessions() as s:
            cards = list(s.exec(query).all())
        return CardPage(cards=cards[: f.limit], has_more=len(cards) > f.limit)

    def card_count(self, *, archived: bool = False) -> int:
        archived = check("archived", bool, archived)
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
        key = question_key(check("question", Text, question))
        if not key:
            return []
        with self._sessions() as s:
            rows = s.exec(select(PracticeCard.id, PracticeCard.question)).all()
            ids = {i for i, q in rows if i != exclude_id and question_key(q) == key}
            return list(s.exec(select(PracticeCard).where(col(PracticeCard.id).in_(ids)).order_by(col(PracticeCard.id))))
