"""Small wins: outcomes (heard back, interview, offer), actions the person controls
(asked for feedback, practised, sent a thank-you), and the user's own.

Other features record an automatic win inside their own transaction with
`WinService.record_in(session, kind=..., title=...)`: the win and the action
that earned it are saved together or not at all.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from models.application import NAME_MAX, Win, WinCreate
from models.shapes import check, is_record_id
from services.clock import Clock
from services.storage.db import SessionFactory

WIN_IDEAS = ("Got a referral", "Finished a course", "Updated my resume", "Reached out to a contact", "Went to a meetup")


class WinKind(StrEnum):
    # Outcomes: what came back.
    HEARD_BACK = "heard_back"
    INTERVIEW = "interview"
    OFFER = "offer"
    # Actions: what the person did, whatever came of it.
    ASKED_FEEDBACK = "asked_feedback"
    PRACTISED = "practised"
    THANK_YOU = "thank_you"
    # Written by the user.
    MANUAL = "manual"


ACTION_KINDS = (WinKind.ASKED_FEEDBACK, WinKind.PRACTISED, WinKind.THANK_YOU)


class WinService:
    def __init__(self, sessions: SessionFactory, clock: Clock):
        self._sessions = sessions
        self._clock = clock

    # ---- for other features, inside their transaction ----------------------------
    def record_in(
        self, s: Session, *, kind: WinKind, title: str, on: date | None = None,
        application_id: int | None = None, once_per_day: bool = False,
    ) -> Win:
        """Add an automatic win in the caller's session (flushed, never committed).

        One win per kind and application (or per kind and day with `once_per_day`,
        or when there is no application): recording it again only updates the
        title, so "Practised 3 questions" can become "Practised 5 questions".
        """
        if kind is WinKind.MANUAL:
            raise ValueError("manual wins come from add_win")
        day = on or self._clock.today()
        query = select(Win).where(Win.kind == kind.value)
        if application_id is None:
            query = query.where(col(Win.application_id).is_(None), Win.won_on == day)
        else:
            query = query.where(Win.application_id == application_id)
            if once_per_day:
                query = query.where(Win.won_on == day)
        win = s.exec(query.limit(1)).first()
        if win is None:
            win = Win(won_on=day, title=title[:NAME_MAX], kind=kind.value, application_id=application_id,
                      created_at=self._clock.now())
            s.add(win)
        else:
            win.title = title[:NAME_MAX]
        s.flush()
        return win

    # ---- the user's own ------------------------------------------------------------
    def add_win(self, *, title: str, on: date | None = None) -> Win:
        data = WinCreate.parse(dict(title=title, on=on), today=self._clock.today())
        win = Win(won_on=data.on or self._clock.today(), title=data.title, kind=WinKind.MANUAL.value, created_at=self._clock.now())
        with self._sessions() as s:
            s.add(win)
            s.commit()
        return win

    def recent_wins(self, *, limit: int = 5) -> list[Win]:
        limit = check("limit", int, limit)
        with self._sessions() as s:
            return list(s.scalars(select(Win).order_by(col(Win.won_on).desc(), col(Win.id).desc()).limit(max(0, min(limit, 100)))))

    def count_this_week(self) -> int:
        """Wins in the last seven days, today included: every kind counts."""
        today = self._clock.today()
        with self._sessions() as s:
            return s.scalar(select(func.count()).select_from(Win).where(col(Win.won_on) > today - timedelta(days=7))) or 0

    def delete_win(self, *, win_id: int) -> None:
        if not is_record_id(win_id):
            return  # no such win: nothing to delete
        with self._sessions() as s:
            s.execute(delete(Win).where(col(Win.id) == win_id))
            s.commit()
