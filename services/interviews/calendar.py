"""An .ics file per interview (RFC 5545, written with the `icalendar` package).

Any calendar app opens it: one event in UTC with the round, the company, where or
the link, who you'll meet, and an alert an hour before. Its UID is the interview's
UUID, so opening a newer file after an edit updates the same event (SEQUENCE grows
with every edit) instead of adding a second one; a cancelled round says CANCELLED.

The file is written into the data folder's `exports/` (folder 0700, file 0600,
written whole or not at all) and its bytes are handed to the view to offer.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from icalendar import Alarm, Calendar, Event

PRODID = "-//Bounceback//Interviews//EN"
UID_DOMAIN = "bounceback.app"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str  # the interview's UUID
    title: str  # "Technical interview with Acme"
    starts: datetime  # aware
    minutes: int
    location: str | None
    description: str
    cancelled: bool
    sequence: int  # grows with every edit
    stamp: datetime  # when the file is made


def build_ics(event: CalendarEvent) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    ev = Event()
    ev.add("uid", f"{event.uid}@{UID_DOMAIN}")
    ev.add("dtstamp", event.stamp.astimezone(UTC))
    start = event.starts.astimezone(UTC)
    ev.add("dtstart", start)
    ev.add("dtend", start + timedelta(minutes=event.minutes))
    ev.add("summary", event.title)
    if event.location:
        ev.add("location", event.location)
    if event.description:
        ev.add("description", event.description)
    ev.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    ev.add("sequence", event.sequence)
    if not event.cancelled:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"In an hour: {event.title}")
        alarm.add("trigger", timedelta(hours=-1))
        ev.add_component(alarm)
    cal.add_component(ev)
    return cal.to_ical()


def file_name(title: str, day: datetime) -> str:
    """'interview-acme-2026-03-07.ics': plain ASCII, safe on every file system."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
    return f"{slug or 'interview'}-{day:%Y-%m-%d}.ics"


def write_private(folder: Path, name: str, data: bytes) -> Path:
    """Write `data` to folder/name readable only by this account, whole or not at all."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".ics")  # mkstemp makes it 0600
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        target = folder / name
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
