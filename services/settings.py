"""User preferences, kept as JSON values in the setting table."""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session, col, select

from models import Setting
from services.clock import Clock
from services.errors import ValidationError
from services.storage.db import SessionFactory

THEME_MODES = ("system", "light", "dark")


class SettingsService:
    def __init__(self, sessions: SessionFactory, clock: Clock):
        self._sessions = sessions
        self._clock = clock

    def get(self, key: str, default: Any = None) -> Any:
        with self._sessions() as s:
            row = s.get(Setting, key)
            return default if row is None else json.loads(row.value)

    def get_prefixed(self, prefix: str) -> dict[str, Any]:
        """Every setting whose key starts with `prefix`, in one read."""
        with self._sessions() as s:
            rows = s.exec(select(Setting).where(col(Setting.key).startswith(prefix, autoescape=True))).all()
        return {row.key: json.loads(row.value) for row in rows}

    def set(self, key: str, value: Any) -> None:
        with self._sessions() as s:
            self.put(s, key, value)
            s.commit()

    def put(self, s: Session, key: str, value: Any) -> None:
        """Set a preference inside the caller's transaction (which commits), so a user
        action that also changes a preference lands whole or not at all."""
        encoded = json.dumps(value)
        row = s.get(Setting, key)
        now = self._clock.now()  # aware; SQLModel stores it as UTC
        if row is None:
            s.add(Setting(key=key, value=encoded, updated_at=now))
        else:
            row.value, row.updated_at = encoded, now

    def theme_mode(self) -> str:
        mode = self.get("theme_mode", "system")
        return mode if mode in THEME_MODES else "system"

    def set_theme_mode(self, *, mode: str) -> None:
        if not isinstance(mode, str) or mode not in THEME_MODES:
            raise ValidationError.single("theme_mode", "Choose light, dark or system.")
        self.set("theme_mode", mode)
