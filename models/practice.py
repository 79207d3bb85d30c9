"""Interview practice: question cards with STAR answers, and every review of them.

A card carries its FSRS scheduling state as plain columns (so `due` can be
indexed and counted in SQL); `services.practice_schedule` turns them into an
`fsrs.Card` and back.
"""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

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


class PracticeCardCreate(SQLModel):
    question: str
    category: str = "behavioral"
    tags: list[str] = []
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    notes: str = ""


class PracticeCardUpdate(SQLModel):
    question: str | None = None
    category: str | None = None
    tags: list[str] | None = None
    situation: str | None = None
    task: str | None = None
    action: str | None = None
    result: str | None = None
    notes: str | None = None


class PracticeCard(PracticeCardBase, table=True):
    __tablename__ = "practice_card"

    id: int | None = Field(default=None, primary_key=True)
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
    card_id: int = Field(foreign_key="practice_card.id", index=True, ondelete="CASCADE")
    rating: int  # fsrs.Rating: 1 Again, 2 Hard, 3 Good, 4 Easy
    state_before: int  # fsrs.State before the review; retention counts Review-state recalls
    reviewed_at: datetime
    reviewed_on: date = Field(index=True)  # the user's local day
    duration_ms: int | None = None
    mode: str = "practice"  # "practice" or "mock"
