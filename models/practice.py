"""Interview practice: question cards with STAR answers, and every review of them.

A card carries its FSRS scheduling state as plain columns (so `due` can be
indexed and counted in SQL); `services.practice.schedule` turns them into an
`fsrs.Card` and back.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any, ClassVar

from pydantic import field_validator
from sqlmodel import Field, SQLModel

from models.identity import new_uuid
from models.shapes import Shape, Text, as_list

QUESTION_MAX = 500
STAR_FIELD_MAX = 5000
NOTES_MAX = 20000


class PracticeCardBase(SQLModel):
    question: str = Field(max_length=QUESTION_MAX)
    category: str = "behavioral"
    tags: str = ""  # JSON list of lower-case tags, e.g. '["star", "leadership"]'
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    notes: str = ""


CATEGORIES: dict[str, str] = {
    "behavioral": "Behavioural",  # the key is stored; the label is what people read
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


def normalize_tags(tags: Iterable[object]) -> list[str]:
    seen: list[str] = []
    for raw in tags:
        tag = " ".join(str(raw).strip().lower().lstrip("#").split())
        if tag and tag not in seen:
            seen.append(tag)
    return seen


class PracticeCardCreate(Shape):
    """A question card; an edit is checked as the whole card it leaves (see PracticeCardUpdate)."""

    messages: ClassVar[dict[str, str]] = {
        "question": "Write the question you want to practise.",
        "category": "Pick one of the categories.",
        "tags": f"Up to {TAGS_MAX} tags, each under {TAG_MAX} characters.",
    }

    question: Text
    category: Text = "behavioral"
    tags: list[Text] = []
    situation: Text = ""
    task: Text = ""
    action: Text = ""
    result: Text = ""
    notes: Text = ""

    @field_validator("tags", mode="before")
    @classmethod
    def _listed(cls, value: Any) -> Any:
        return as_list(value)

    @field_validator("question")
    @classmethod
    def _question(cls, value: str) -> str:
        question = value.strip()
        if not question:
            raise ValueError(cls.messages["question"])
        if len(question) > QUESTION_MAX:
            raise ValueError(f"Please keep the question under {QUESTION_MAX} characters (it has {len(question)}).")
        return question

    @field_validator("category")
    @classmethod
    def _category(cls, value: str) -> str:
        if value not in CATEGORIES:
            raise ValueError(cls.messages["category"])
        return value

    @field_validator(*STAR_FIELDS)
    @classmethod
    def _star(cls, value: str) -> str:
        if len(value) > STAR_FIELD_MAX:
            raise ValueError(f"That's a long one: please keep it under {STAR_FIELD_MAX:,} characters.")
        return value.strip()

    @field_validator("notes")
    @classmethod
    def _notes(cls, value: str) -> str:
        if len(value) > NOTES_MAX:
            raise ValueError(f"Notes can hold up to {NOTES_MAX:,} characters.")
        return value.strip()

    @field_validator("tags")
    @classmethod
    def _tags(cls, value: list[str]) -> list[str]:
        tags = normalize_tags(value)
        if len(tags) > TAGS_MAX or any(len(t) > TAG_MAX for t in tags):
            raise ValueError(cls.messages["tags"])
        return tags


class PracticeCardUpdate(Shape):
    """Every field optional: only what is given changes; the card it leaves is checked whole."""

    question: Text | None = None
    category: Text | None = None
    tags: list[Text] | None = None
    situation: Text | None = None
    task: Text | None = None
    action: Text | None = None
    result: Text | None = None
    notes: Text | None = None

    @field_validator("tags", mode="before")
    @classmethod
    def _listed(cls, value: Any) -> Any:
        return as_list(value)


class PracticeCard(PracticeCardBase, table=True):
    __tablename__ = "practice_card"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, unique=True, index=True)  # starter cards: starter_uuid(key)
    starter_key: str | None = Field(default=None, index=True)  # set for starter-deck questions
    archived: bool = False
    # FSRS state (fsrs.Card fields); a card never reviewed has last_review NULL.
    state: int = 1
    step: int | None = 0
    stability: float | None = None
    difficulty: float | None = None
    due: datetime = Field(index=True)
    last_review: datetime | None = None
    first_reviewed_on: date | None = Field(default=None, index=True)  # local day; new-cards-per-day limit
    created_at: datetime
    updated_at: datetime

    @property
    def has_answer(self) -> bool:
        return any(v.strip() for v in (self.situation, self.task, self.action, self.result))


class PracticeReview(SQLModel, table=True):
    """One rating of one card: kept forever, it is the card's history."""

    __tablename__ = "practice_review"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, unique=True, index=True)
    card_id: int = Field(foreign_key="practice_card.id", index=True, ondelete="CASCADE")
    rating: int  # fsrs.Rating: 1 Again, 2 Hard, 3 Good, 4 Easy
    state_before: int  # fsrs.State before the review; retention counts Review-state recalls
    reviewed_at: datetime
    reviewed_on: date = Field(index=True)  # the user's local day
    duration_ms: int | None = None
    mode: str = "practice"  # "practice" or "mock"
