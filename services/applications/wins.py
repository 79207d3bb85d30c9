"""Small wins: automatic ones (heard back, interview, offer) and the user's own."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete
from sqlmodel import col, select

from models.application import Win, WinCreate
from models.shapes import check, is_record_id
from services.clock import Clock
from services.storage.db import SessionFactory

WIN_IDEAS = ("Got a referral", "Finished a course", "Updated my resume", "Asked for feedback", "Reached out to a contact")


class WinService:
    def __init__(self, sessions: SessionFactory, clock: Clock):
        self._sessions = sessions
        self._clock = clock

    def add_win(self, *, title: str, on: date | None = None) -> Win:
        data = WinCreate.parse(dict(title=title, on=on), today=self._clock.today())
        win = Win(won_on=data.on or self._clock.today(), title=data.title, kind="manual", created_at=self._clock.now())
        with self._sessions() as s:
            s.add(win)
            s.commit()
        return win

    def recent_wins(self, *, limit: int = 5) -> list[Win]:
        limit = check("limit", int, limit)
        with self._sessions() as s:
            return list(s.scalars(select(Win).order_by(col(Win.won_on).desc(), col(Win.id).desc()).limit(max(0, min(limit, 100)))))

    def delete_win(self, *, win_id: int) -> None:
        if not is_record_id(win_id):
            return  # no such win: nothing to delete
        with self._sessions() as s:
            s.execute(delete(Win).where(col(Win.id) == win_id))
            s.commit()
