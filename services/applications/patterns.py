"""Where replies come from: response and interview rates grouped by one detail."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from models.application import INTERVIEW_STATUSES, RESPONSE_STATUSES
from services.clock import Clock
from services.errors import ValidationError
from services.storage.db import SessionFactory

MIN_GROUP = 5  # fewer applications than this and a rate says more about luck than about the group
DIMENSIONS = {
    "source": ("Source", "TRIM(a.source)"),
    "industry": ("Industry", "TRIM(a.industry)"),
    "company_size": ("Company size", "TRIM(a.company_size)"),
    "role": ("Role", "LOWER(TRIM(a.role))"),  # "Data Analyst" and "data analyst" are one role
}
NOT_RECORDED = "Not recorded"


@dataclass(frozen=True)
class PatternRow:
    group: str
    applications: int
    responses: int  # any answer, a rejection included
    interviews: int

    @property
    def too_small(self) -> bool:
        return self.applications < MIN_GROUP

    @property
    def response_rate(self) -> float:
        return self.responses / self.applications if self.applications else 0.0

    @property
    def interview_rate(self) -> float:
        return self.interviews / self.applications if self.applications else 0.0


def _in(statuses: tuple[str, ...]) -> str:
    return ", ".join(f"'{s}'" for s in statuses)  # fixed constants, not user input


class PatternService:
    def __init__(self, sessions: SessionFactory, clock: Clock):
        self._sessions = sessions
        self._clock = clock

    def patterns(self, *, dimension: str) -> list[PatternRow]:
        """Largest groups first; applications with the detail missing form their own group."""
        if not isinstance(dimension, str) or dimension not in DIMENSIONS:
            raise ValidationError.single("dimension", "Pick one of: " + ", ".join(v[0] for v in DIMENSIONS.values()) + ".")
        key = DIMENSIONS[dimension][1]
        # Every status after "applied" is a status_change row. "Ever replied" is membership in
        # the set of ids the covering index ix_status_change_status lists for those statuses,
        # built once per query; one pass over the applications then groups and counts.
        # (Grouping status_change per application first and joining cost twice as long.)
        sql = text(f"""
            SELECT NULLIF({key}, '') AS grp, MIN(TRIM(a.{dimension})) AS label, COUNT(*) AS n,
                   SUM(a.id IN (SELECT application_id FROM status_change
                                WHERE status IN ({_in(RESPONSE_STATUSES)}))) AS responses,
                   SUM(a.id IN (SELECT application_id FROM status_change
                                WHERE status IN ({_in(INTERVIEW_STATUSES)}))) AS interviews
            FROM application a
            GROUP BY grp
            ORDER BY n DESC, label
        """)
        with self._sessions() as s:
            rows = s.execute(sql).all()
        return [
            PatternRow(group=label if grp is not None else NOT_RECORDED, applications=n, responses=r or 0, interviews=i or 0)
            for grp, label, n, r, i in rows
        ]
