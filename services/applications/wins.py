"""Small wins: automatic ones (heard back, interview, offer) and the user's own."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select

from models.application import NAME_MAX, Win
from services.clock import Clock
from services.errors import ValidationError
from services.storage.db import SessionFactory

WIN_IDEAS = ("Got a referral", "Finished a course", "Updated my resume", "Asked for feedback", "Reached out to a contact")


class WinService:
    def __init__(self, sessions: SessionFactory, clock: Clock):
        self._sessions = sessions
        self._clock = clock

    def add_win(self, *, title: str, on: date | None = None) -> Win:
        title = (title or "").strip()
        if not title:
            raise ValidationError.single("title", "Say in a few words what went well.")
        if len(title) > NAME_MAX:
            raise ValidationError.single("title", f"Keep it under {NAME_MAX} characters.")
        on = on or self._clock.today()
        if on > self._clock.today():
            raise ValidationError.single("on", "Wins are for things that already happened.")
        win = Win(won_on=on, title=title, kind="manual", created_at=self._clock.now())
        with self._sessions() as s:
            s.add(win)
            s.commit()
        return win

    def recent_wins(self, *, limit: int = 5) -> list[Win]:
        with self._sessions() as s:
            return list(s.scalars(select(Win).order_by(Win.won_on.desc(), Win.id.desc()).limit(limit)))

    def delete_win(self, *, win_id: int) -> None:
        with self._sessions() as s:
            s.execute(delete(Win).where(Win.id == win_id))
            s.commit()
