"""The stage funnel: applied -> heard back -> each interview round -> offer.

Per application, the furthest stage it reached:
- heard back: a reply that moved things on (heard back, an interview or an offer) or any
  round on record; a plain "no" after applying stays at "applied";
- round N: N rounds that took place (not cancelled, already begun); an application that
  reached Interview with no rounds on record (from before rounds existed) counts as round 1,
  one whose first round is still ahead not yet;
- offer: it reached Offer.
A stage counts every application that reached it or went further, so the bars only shrink.

"Where it most often ends": among applications that ended (a no, no reply, withdrawn),
the interview round that was the last reached most often, said as a pattern worth a
look, never a verdict. Groups by source and role use the same rules.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC

from sqlalchemy import text

from models.application import INTERVIEW_STATUSES
from services.clock import Clock
from services.errors import ValidationError
from services.storage.db import SessionFactory

MAX_ROUNDS = 4  # rounds 4, 5, ... count together as "Round 4 or later"
MIN_ENDINGS = 3  # fewer endings after interviews than this says little
MIN_GROUP = 5
ENDED = ("rejected", "no_reply", "withdrawn")
GROUPS = {"source": ("Source", "TRIM(a.source)"), "role": ("Role", "LOWER(TRIM(a.role))")}
NOT_RECORDED = "Not recorded"
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth or a later"}


@dataclass(frozen=True)
class Stage:
    key: str  # "applied", "heard_back", "round_1".., "offer"
    label: str
    count: int


@dataclass(frozen=True)
class Funnel:
    group: str  # "All applications", or the source / role
    stages: tuple[Stage, ...]
    endings: dict[str, int]  # stage key -> applications that ended there

    @property
    def applied(self) -> int:
        return self.stages[0].count if self.stages else 0

    @property
    def too_small(self) -> bool:
        return self.applied < MIN_GROUP

    def count(self, key: str) -> int:
        return next((s.count for s in self.stages if s.key == key), 0)

    @property
    def common_ending(self) -> tuple[int, int, int] | None:
        """(round, endings there, endings after any round) for the round where processes
        most often ended; None when too few ended after an interview to say."""
        rounds = {int(k.split("_")[1]): n for k, n in self.endings.items() if k.startswith("round_") and n}
        total = sum(rounds.values())
        if total < MIN_ENDINGS:
            return None
        top = max(rounds.values())
        number = min(r for r, n in rounds.items() if n == top)  # a tie goes to the earlier round
        return number, top, total

    @property
    def note(self) -> str | None:
        found = self.common_ending
        if found is None:
            return None
        number, there, total = found
        return (
            f"Of the {total} processes that ended after an interview, {there} ended after the "
            f"{ORDINALS[number]} round. That's a pattern worth a gentle look, not a verdict: "
            "notes from those rounds, or feedback if you asked, may show what to practise."
        )


def _stage_key(rounds: int, heard: bool, offer: bool) -> str:
    if offer:
        return "offer"
    if rounds:
        return f"round_{min(rounds, MAX_ROUNDS)}"
    return "heard_back" if heard else "applied"


def _funnel(group: str, rows: list[tuple[str, bool, bool, int, int]]) -> Funnel:
    """rows: (status, heard, offer, rounds, n applications)."""
    reached: Counter[str] = Counter()
    endings: Counter[str] = Counter()
    top_round = 0
    for status, heard, offer, rounds, n in rows:
        rounds = min(rounds, MAX_ROUNDS)
        top_round = max(top_round, rounds)
        key = _stage_key(rounds, heard, offer)
        reached[key] += n
        if status in ENDED:
            endings[key] += n
    top_round = max(top_round, 1)
    order = ["applied", "heard_back", *(f"round_{r}" for r in range(1, top_round + 1)), "offer"]
    labels = {"applied": "Applied", "heard_back": "Heard back", "offer": "Offer",
              **{f"round_{r}": f"Round {r}" for r in range(1, top_round + 1)}}
    if top_round == MAX_ROUNDS:
        labels[f"round_{MAX_ROUNDS}"] = f"Round {MAX_ROUNDS} or later"
    stages, running = [], 0
    for key in reversed(order):  # a stage counts everyone who got at least that far
        running += reached.get(key, 0)
        stages.append(Stage(key, labels[key], running))
    return Funnel(group=group, stages=tuple(reversed(stages)), endings=dict(endings))


class FunnelService:
    """`InterviewService.funnel`."""

    def __init__(self, sessions: SessionFactory, clock: Clock):
        self._sessions = sessions
        self._clock = clock

    def overall(self) -> Funnel:
        rows = self._rows("'all'")
        return _funnel("All applications", [r[2:] for r in rows])

    def by(self, *, dimension: str) -> list[Funnel]:
        """One funnel per source or role, largest first; missing details form their own group."""
        if not isinstance(dimension, str) or dimension not in GROUPS:
            raise ValidationError.single("dimension", "Group by source or role.")
        grouped: dict[str | None, list] = {}
        labels: dict[str | None, str] = {}
        for grp, label, *rest in self._rows(GROUPS[dimension][1], label_of=f"TRIM(a.{dimension})"):
            grouped.setdefault(grp, []).append(tuple(rest))
            labels.setdefault(grp, label)
        funnels = [_funnel(labels[g] if g is not None else NOT_RECORDED, rows) for g, rows in grouped.items()]
        return sorted(funnels, key=lambda f: (-f.applied, f.group))

    def _rows(self, key: str, label_of: str = "'all'") -> list[tuple]:
        now = f"{self._clock.now().astimezone(UTC):%Y-%m-%d %H:%M:%S.%f}"  # as SQLAlchemy stores it
        interview = ", ".join(f"'{s}'" for s in INTERVIEW_STATUSES)  # fixed constants, not user input
        sql = text(f"""
            WITH reached AS (
                SELECT application_id,
                       MAX(status IN ('heard_back', {interview})) AS heard,
                       MAX(status IN ({interview})) AS interviewed,
                       MAX(status = 'offer') AS offered
                FROM status_change GROUP BY application_id
            ), held AS (
                SELECT application_id, SUM(cancelled_on IS NULL AND starts_at <= :now) AS rounds
                FROM interview GROUP BY application_id
            )
            SELECT NULLIF({key}, '') AS grp, MIN({label_of}) AS label, a.status,
                   COALESCE(r.heard, 0), COALESCE(r.offered, 0),
                   CASE WHEN h.application_id IS NULL THEN COALESCE(r.interviewed, 0) ELSE h.rounds END AS rounds,
                   COUNT(*)
            FROM application a
            LEFT JOIN reached r ON r.application_id = a.id
            LEFT JOIN held h ON h.application_id = a.id
            GROUP BY grp, a.status, 4, 5, rounds
        """)
        with self._sessions() as s:
            rows = s.execute(sql, {"now": now}).all()
        return [(grp, label, status, bool(heard) or rounds > 0 or bool(offered), bool(offered), rounds, n)
                for grp, label, status, heard, offered, rounds, n in rows]
