"""The prep plan: which practice cards fit a round, and a small amount each day until it.

Selection (a pure function, `select_plan`, so it is easy to test):
- cards fit a round by category and by tag (ROUND_FIT); a card tagged with the round's
  own name ("technical") fits too; cards made from feedback (tag "feedback") fit every
  round: they are what earlier interviewers said to work on;
- order: the person's own cards from feedback first, then cards due today, then the
  closer fit (a tag says more than a category), then the sooner due, then the older card;
- amount: DAILY cards a day on each day before the interview, so the plan is done the
  day before; on the day itself a short warm-up. Cards practised since the interview
  was scheduled count as done and stay in the plan, so it does not grow while you work
  through it (practising more than the day's share simply brings the next ones forward).

Practising goes through the normal FSRS review (`Schedule.review_card`), so a prep
session is an ordinary review for the scheduler: see PrepPlanner.queue.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select as columns
from sqlmodel import Session, col, select

from models.interview import Interview, aware
from models.practice import PracticeCard, PracticeReview
from services.clock import Clock
from services.interviews.times import local
from services.lookup import load
from services.storage.db import SessionFactory

DAILY = 3  # a small amount: a few minutes out loud
WARM_UP = 2  # on the day itself
FEEDBACK_TAG = "feedback"

# round -> (categories that fit, tags that fit). Categories are the deck's (models.practice).
ROUND_FIT: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "recruiter": (frozenset({"motivation", "career_goals", "company"}), frozenset({"opener", "fit", "closing", "research"})),
    "phone_screen": (frozenset({"behavioral", "motivation", "strengths"}), frozenset({"opener", "self"})),
    "technical": (frozenset({"strengths", "failure", "pressure"}),
                  frozenset({"technical", "judgement", "learning", "results", "transferable"})),
    "take_home": (frozenset({"strengths", "failure"}), frozenset({"take-home", "results", "judgement"})),
    "panel": (frozenset({"teamwork", "conflict", "leadership", "behavioral"}),
              frozenset({"stakeholders", "people", "initiative"})),
    "final": (frozenset({"career_goals", "motivation", "leadership", "company"}), frozenset({"closing", "fit", "growth"})),
    "other": (frozenset({"behavioral", "motivation"}), frozenset({"opener", "star"})),
}


@dataclass(frozen=True)
class Candidate:
    """A live practice card as the plan sees it."""

    id: int
    question: str
    category: str
    tags: tuple[str, ...]
    due: datetime  # aware UTC
    reviewed: bool  # ever reviewed (a new card is not "due", it is new)
    practised_on: date | None = None  # first review since the interview was scheduled


@dataclass(frozen=True)
class PlanCard:
    id: int
    question: str
    category: str
    done: bool  # practised today for this plan
    due: bool  # due today anyway
    from_feedback: bool


@dataclass(frozen=True)
class PrepPlan:
    interview_id: int
    days_left: int  # practice days before the interview day, today included; 0 on the day
    daily: int
    today: tuple[PlanCard, ...]
    practised: int  # plan cards practised since the interview was scheduled
    total: int  # practised + today's still to do + what later days hold

    @property
    def to_do(self) -> list[int]:
        return [c.id for c in self.today if not c.done]

    @property
    def done_today(self) -> int:
        return sum(1 for c in self.today if c.done)

    @property
    def warm_up(self) -> bool:
        return self.days_left == 0


def fit(card: Candidate, round_key: str) -> int:
    """0: no fit; 1: its category fits; 2: a tag fits (or the round's own name); 3: from feedback."""
    categories, tags = ROUND_FIT.get(round_key, ROUND_FIT["other"])
    card_tags = set(card.tags)
    if FEEDBACK_TAG in card_tags:
        return 3
    if card_tags & tags or round_key.replace("_", "-") in card_tags or round_key in card_tags:
        return 2
    return 1 if card.category in categories else 0


@dataclass(frozen=True)
class Selection:
    before: list[Candidate]  # practised for the plan on earlier days
    today: list[Candidate]  # today's share: practised today for the plan, then the next to do
    later: list[Candidate]  # the shares of the days left before the interview
    spare: list[Candidate]  # fitting cards beyond the plan (for practising ahead)


def select_plan(
    cards: Iterable[Candidate], *, round_key: str, today: date, interview_day: date, end_of_today: datetime,
    daily: int = DAILY,
) -> Selection:
    """Split the fitting cards into the plan's parts, each in plan order.

    Today's share holds what was practised today for the plan and, while fewer than
    `daily`, the next cards to practise. On the interview day the share is WARM_UP.
    """
    fitting = [c for c in cards if fit(c, round_key)]

    def order(c: Candidate) -> tuple:
        due_now = c.reviewed and c.due < end_of_today
        return (fit(c, round_key) != 3, not due_now, -fit(c, round_key), c.due, c.id)

    fitting.sort(key=order)
    before = [c for c in fitting if c.practised_on is not None and c.practised_on < today]
    done_today = [c for c in fitting if c.practised_on is not None and c.practised_on >= today]
    waiting = [c for c in fitting if c.practised_on is None]
    days_left = (interview_day - today).days
    share = WARM_UP if days_left <= 0 else daily
    to_do = waiting[: max(0, share - len(done_today))]
    rest = waiting[len(to_do):]
    later_count = daily * max(0, days_left - 1)
    return Selection(before, done_today + to_do, rest[:later_count], rest[later_count:])


class PrepPlanner:
    """`InterviewService.plans`: the plan for a round, and the queue a prep session practises."""

    def __init__(self, sessions: SessionFactory, clock: Clock):
        self._sessions = sessions
        self._clock = clock

    def plan(self, *, interview_id: int) -> PrepPlan | None:
        """The plan until the interview; None once it has begun or if it was cancelled."""
        return self.plans(interview_ids=[interview_id])[interview_id]

    def plans(self, *, interview_ids: Sequence[int]) -> dict[int, PrepPlan | None]:
        """`plan` for several rounds from one read of the deck (Today shows up to three)."""
        today = self._clock.today()
        out: dict[int, PrepPlan | None] = {}
        for interview_id, found in self._select_many(interview_ids).items():
            if found is None:
                out[interview_id] = None
                continue
            chosen, days_left, end_of_today = found
            out[interview_id] = PrepPlan(
                interview_id=interview_id,
                days_left=days_left,
                daily=DAILY,
                today=tuple(
                    PlanCard(c.id, c.question, c.category, done=c.practised_on == today,
                             due=c.reviewed and c.due < end_of_today, from_feedback=FEEDBACK_TAG in c.tags)
                    for c in chosen.today
                ),
                practised=len(chosen.before) + sum(1 for c in chosen.today if c.practised_on == today),
                total=len(chosen.before) + len(chosen.today) + len(chosen.later),
            )
        return out

    def queue(self, *, interview_id: int) -> list[int]:
        """Card ids for "Practise for this interview": today's share still to do, or, once
        that is done, the next few (practising ahead is fine).

        Every rating is a normal FSRS review. A card that isn't due yet is reviewed early:
        FSRS weighs the recall by how recently it was last seen (retrievability), so an
        early Good grows its stability less than an on-time one would, and its next due
        date moves on from today by the new interval; Again brings it back within days. We
        keep that as it is rather than freezing the old due date: the answer really was
        rehearsed, and a due date that ignored it would be out of step with the card's state.
        """
        found = self._select(interview_id)
        if found is None:
            return []
        chosen, _, _ = found
        today = self._clock.today()
        to_do = [c.id for c in chosen.today if c.practised_on != today]
        return to_do or [c.id for c in (chosen.later + chosen.spare)[:DAILY]]

    def _select(self, interview_id: int) -> tuple[Selection, int, datetime] | None:
        return self._select_many([interview_id])[interview_id]

    def _select_many(self, interview_ids: Sequence[int]) -> dict[int, tuple[Selection, int, datetime] | None]:
        now = self._clock.now()
        live: dict[int, tuple[str, datetime, date] | None] = {}  # id -> (round, start, plan began)
        with self._sessions() as s:
            for interview_id in interview_ids:
                interview = load(s, Interview, interview_id, "interview")
                starts = aware(interview.starts_at)
                if interview.cancelled_on is not None or starts <= now:
                    live[interview_id] = None
                    continue
                live[interview_id] = (interview.round, starts, local(self._clock, aware(interview.created_at)).date())
            began = [v[2] for v in live.values() if v is not None]
            deck = _Deck.read(s, min(began)) if began else None
        today = self._clock.today()
        end_of_today = self._clock.at(today + timedelta(days=1), time()).astimezone(UTC)
        out: dict[int, tuple[Selection, int, datetime] | None] = {}
        for interview_id, found in live.items():
            if found is None or deck is None:
                out[interview_id] = None
                continue
            round_key, starts, since = found
            interview_day = local(self._clock, starts).date()
            chosen = select_plan(deck.candidates(since), round_key=round_key, today=today,
                                 interview_day=interview_day, end_of_today=end_of_today)
            out[interview_id] = (chosen, max(0, (interview_day - today).days), end_of_today)
        return out


@dataclass(frozen=True)
class _Deck:
    """The live cards and the reviews since the earliest plan began: read once for any number of plans."""

    cards: list[Candidate]  # practised_on unset
    reviews: list[tuple[int, date]]  # (card id, day reviewed)

    @classmethod
    def read(cls, s: Session, since: date) -> _Deck:
        rows = s.execute(
            columns(  # six columns: more than sqlmodel's typed select takes
                col(PracticeCard.id), col(PracticeCard.question), col(PracticeCard.category), col(PracticeCard.tags),
                col(PracticeCard.due), col(PracticeCard.last_review),
            ).where(col(PracticeCard.archived).is_(False))
        ).all()
        # Reviews are read through the reviewed_on index and reduced here: with GROUP BY in
        # SQL, SQLite walks every review by card id (55 ms on 50,000 reviews) instead of the
        # few days' reviews the index finds.
        reviews = [(card_id, on) for card_id, on in s.exec(
            select(col(PracticeReview.card_id), col(PracticeReview.reviewed_on)).where(
                col(PracticeReview.reviewed_on) >= since
            )
        ).all()]
        cards = []
        for card_id, question, category, tags, due, last_review in rows:
            try:
                parsed = json.loads(tags or "[]")
            except ValueError:
                parsed = []
            cards.append(Candidate(
                id=card_id, question=question, category=category,
                tags=tuple(t for t in parsed if isinstance(t, str)), due=aware(due),
                reviewed=last_review is not None,
            ))
        return cls(cards, reviews)

    def candidates(self, since: date) -> list[Candidate]:
        """The cards with the first day each was practised since `since` (when a plan began)."""
        practised: dict[int, date] = {}
        for card_id, on in self.reviews:
            if on >= since and (card_id not in practised or on < practised[card_id]):
                practised[card_id] = on
        return [replace(c, practised_on=practised[c.id]) if c.id in practised else c for c in self.cards]
