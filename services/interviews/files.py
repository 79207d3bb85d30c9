"""The calendar file of an interview: built from what is stored, written into exports/.

`InterviewService.calendar`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from services.clock import Clock
from services.errors import ValidationError
from services.interviews.calendar import CalendarEvent, build_ics, file_name, write_private
from services.interviews.records import InterviewInfo


@dataclass(frozen=True)
class CalendarFile:
    name: str  # "technical-interview-with-acme-2026-03-07.ics"
    data: bytes
    path: Path | None  # where a copy was written (None when there is no data folder, as in tests)


def describe(i: InterviewInfo) -> str:
    """The event's notes: the role, who you'll meet, where, and your prep notes."""
    lines = []
    if i.role:
        lines.append(f"Role: {i.role}" + (f" at {i.company}" if i.company else ""))
    lines.append(f"Round: {i.round_label} ({i.format_label.lower()})")
    if i.people:
        lines.append("With: " + "; ".join(f"{n} ({r})" if r else n for n, r in i.people))
    if i.location:
        lines.append(f"Where: {i.location}")
    if i.prep_notes:
        lines += ["", i.prep_notes]
    return "\n".join(lines)


class CalendarFiles:
    def __init__(self, clock: Clock, *, read: Callable[..., InterviewInfo], exports_dir: Path | None):
        self._clock = clock
        self._read = read
        self._exports = exports_dir

    def ics(self, *, interview_id: int) -> CalendarFile:
        """The file's name and bytes, without writing anything."""
        i = self._read(interview_id=interview_id)
        event = CalendarEvent(
            uid=i.uuid, title=i.title, starts=i.starts, minutes=i.duration_minutes, location=i.location,
            description=describe(i), cancelled=i.cancelled,
            sequence=max(0, int((i.updated_at - i.created_at).total_seconds())),
            stamp=self._clock.now(),
        )
        return CalendarFile(name=file_name(i.title, i.starts), data=build_ics(event), path=None)

    def export_ics(self, *, interview_id: int) -> CalendarFile:
        """The file, with a copy written to the data folder's exports/ (private to this account)."""
        made = self.ics(interview_id=interview_id)
        if self._exports is None:
            return made
        try:
            path = write_private(self._exports, made.name, made.data)
        except OSError as exc:
            raise ValidationError.single("calendar", f"We couldn't write the calendar file ({exc.strerror or exc}).") from None
        return CalendarFile(name=made.name, data=made.data, path=path)
