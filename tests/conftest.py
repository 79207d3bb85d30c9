"""Fixtures shared by every layer: an in-memory database and a frozen clock."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from services.clock import FixedClock
from services.container import AppServices
from services.reminders.notify import RecordingNotifier
from services.storage.db import open_memory_database

# A zone away from UTC on purpose: local-day logic must not assume UTC.
LOCAL_TZ = timezone(timedelta(hours=-5), "UTC-5")


@pytest.fixture
def clock() -> FixedClock:
    """Wednesday 4 March 2026, 09:30 local time (UTC-5)."""
    return FixedClock(datetime(2026, 3, 4, 9, 30, tzinfo=LOCAL_TZ))


@pytest.fixture
def db():
    database = open_memory_database()
    yield database
    database.dispose()


@pytest.fixture
def notifier() -> RecordingNotifier:
    return RecordingNotifier()


@pytest.fixture
def services(db, clock, notifier) -> AppServices:
    return AppServices(db, clock, notifier=notifier)
