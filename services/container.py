"""Builds every service once from a database and a clock; views get this object."""

from __future__ import annotations

from services.attention import AttentionItem, AttentionProvider, gather
from services.clock import Clock
from services.db import Database
from services.settings import SettingsService


class AppServices:
    def __init__(self, db: Database, clock: Clock):
        self.db = db
        self.clock = clock
        sessions = db.session
        self.settings = SettingsService(sessions, clock)
        self.attention_providers: list[AttentionProvider] = []
        # Feature services: one line each, plus their attention provider.

    def attention(self) -> list[AttentionItem]:
        return gather(self.attention_providers, self.clock.today())
