"""Mood entries: log, edit, delete, read by day and month; the word lists.

Several entries a day are fine. A day's summary mood is the **average** of its
entries (rounded for colours and faces): one hard moment in an otherwise good
day should show, but not define the day.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, timedelta

from sqlalchemy import delete, func, text
from sqlmodel import Session, col, select

from models.mood import NOTE_LIMIT, MoodEntry, MoodEntryActivity, MoodEntryCreate, MoodEntryFeeling, MoodWord
from models.shapes import FIRST_DAY, LAST_DAY, Day, check, is_record_id
from services.clock import Clock
from services.errors import ValidationError
from services.lookup import id_of, load
from services.mood.records import DaySummary, MoodRecord, Vocabulary
from services.mood.words import ACTIVITY, BUILTIN_ACTIVITIES, BUILTIN_FEELINGS, FEELING, FEELING_GROUPS
from services.storage.db import SessionFactory

__all__ = ["NOTE_LIMIT", "DaySummary", "MoodService"]


class MoodService:
    def __init__(self, sessions: SessionFactory, clock: Clock):
        self._sessions = sessions
        self._clock = clock

    # ---------------------------------------------------------------- writing
    def log_entry(
        self,
        *,
        mood: int,
        feelings: Iterable[str] = (),
        intensity: int | None = None,
        note: str = "",
        activities: Iterable[str] = (),
        application_id: int | None = None,
        about_rejection: bool = False,
    ) -> MoodRecord:
        """Save how the user feels right now. Unknown words become their own words."""
        data = MoodEntryCreate.parse(dict(mood=mood, feelings=feelings, intensity=intensity, note=note,
                                          activities=activities, application_id=application_id,
                                          about_rejection=about_rejection))
        with self._sessions() as s:
            entry = self.log_in(s, data)
            s.commit()
            return self._record(entry, data.feelings, data.activities)

    def log_in(self, s: Session, data: MoodEntryCreate) -> MoodEntry:
        """`log_entry`'s writes inside the caller's transaction (e.g. an interview's check-in)."""
        now = self._clock.now()
        self._check_application(s, data.application_id)
        entry = MoodEntry(
            mood=data.mood,
            intensity=data.intensity,
            note=data.note,
            about_rejection=data.about_rejection,
            application_id=data.application_id,
            logged_at=now.astimezone(UTC),
            day=self._clock.today(),
            updated_at=now.astimezone(UTC),
        )
        s.add(entry)
        s.flush()
        self._write_words(s, id_of(entry), data.feelings, data.activities)
        return entry

    def edit_entry(
        self,
        *,
        entry_id: int,
        mood: int,
        feelings: Iterable[str] = (),
        intensity: int | None = None,
        note: str = "",
        activities: Iterable[str] = (),
        application_id: int | None = None,
        about_rejection: bool = False,
    ) -> MoodRecord:
        """Replace an entry's contents; its time and day stay as logged."""
        data = MoodEntryCreate.parse(dict(mood=mood, feelings=feelings, intensity=intensity, note=note,
                                          activities=activities, application_id=application_id,
                                          about_rejection=about_rejection))
        with self._sessions() as s:
            entry = self.edit_in(s, entry_id, data)
            s.commit()
            return self._record(entry, data.feelings, data.activities)

    def edit_in(self, s: Session, entry_id: int, data: MoodEntryCreate) -> MoodEntry:
        """`edit_entry`'s writes inside the caller's transaction."""
        entry = load(s, MoodEntry, entry_id, "mood entry")
        self._check_application(s, data.application_id)
        entry.mood, entry.intensity, entry.note = data.mood, data.intensity, data.note
        entry.application_id, entry.about_rejection = data.application_id, data.about_rejection
        entry.updated_at = self._clock.now().astimezone(UTC)
        s.exec(delete(MoodEntryFeeling).where(col(MoodEntryFeeling.entry_id) == entry.id))
        s.exec(delete(MoodEntryActivity).where(col(MoodEntryActivity.entry_id) == entry.id))
        self._write_words(s, id_of(entry), data.feelings, data.activities)
        s.add(entry)
        s.flush()
        return entry

    def delete_entry(self, *, entry_id: int) -> None:
        with self._sessions() as s:
            s.delete(load(s, MoodEntry, entry_id, "mood entry"))  # feelings and activities go with it (CASCADE)
            s.commit()

    # ---------------------------------------------------------------- reading
    def get_entry(self, *, entry_id: int) -> MoodRecord:
        with self._sessions() as s:
            return self._records(s, [load(s, MoodEntry, entry_id, "mood entry")])[0]

    def entries_on(self, *, day: date) -> list[MoodRecord]:
        """A day's entries, earliest first."""
        day = check("day", Day, day)
        with self._sessions() as s:
            rows = s.exec(
                select(MoodEntry).where(col(MoodEntry.day) == day).order_by(col(MoodEntry.logged_at), col(MoodEntry.id))
            ).all()
            return self._records(s, list(rows))

    def latest_about(self, *, application_id: int) -> MoodRecord | None:
        """The newest entry about this application's rejection (the after-rejection steps show it)."""
        with self._sessions() as s:
            row = s.exec(
                select(MoodEntry)
                .where(MoodEntry.application_id == application_id, MoodEntry.about_rejection == True)  # noqa: E712
                .order_by(col(MoodEntry.logged_at).desc(), col(MoodEntry.id).desc())
                .limit(1)
            ).first()
            return self._records(s, [row])[0] if row else None

    def recent_entries(self, *, limit: int = 5) -> list[MoodRecord]:
        limit = max(0, min(check("limit", int, limit), 500))
        with self._sessions() as s:
            rows = s.exec(
                select(MoodEntry).order_by(col(MoodEntry.logged_at).desc(), col(MoodEntry.id).desc()).limit(limit)
            ).all()
            return self._records(s, list(rows))

    def day_summaries(self, *, start: date, end: date) -> list[DaySummary]:
        """One summary per day with entries, start..end inclusive, in order."""
        start, end = check("start", Day, start), check("end", Day, end)
        with self._sessions() as s:
            rows = s.exec(
                select(col(MoodEntry.day), func.avg(MoodEntry.mood), func.count())
                .where(col(MoodEntry.day) >= start, col(MoodEntry.day) <= end)
                .group_by(col(MoodEntry.day))
                .order_by(col(MoodEntry.day))
            ).all()
        return [DaySummary(day=d, average=float(avg), count=n) for d, avg, n in rows]

    def month(self, *, year: int, month: int) -> dict[date, DaySummary]:
        """The calendar's data: only that month's days are read."""
        year, month = check("year", int, year), check("month", int, month)
        if not FIRST_DAY.year <= year <= LAST_DAY.year or not 1 <= month <= 12:
            raise ValidationError.single("month", "Pick a month between 1900 and 2100.")
        first = date(year, month, 1)
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return {d.day: d for d in self.day_summaries(start=first, end=last)}

    def summary_for(self, *, day: date) -> DaySummary | None:
        found = self.day_summaries(start=day, end=day)
        return found[0] if found else None

    def vocabulary(self) -> Vocabulary:
        """Built-in words plus the user's own, which are offered every time after."""
        with self._sessions() as s:
            own = s.exec(select(MoodWord).order_by(col(MoodWord.created_at), col(MoodWord.word))).all()
        return Vocabulary(
            feeling_groups=tuple((g.title, g.words) for g in FEELING_GROUPS),
            own_feelings=tuple(w.word for w in own if w.kind == FEELING),
            activities=BUILTIN_ACTIVITIES,
            own_activities=tuple(w.word for w in own if w.kind == ACTIVITY),
        )

    def application_choices(self, *, limit: int = 50) -> list[tuple[int, str]]:
        """Recent applications an entry can be linked to, newest news first."""
        limit = max(0, min(check("limit", int, limit), 500))
        with self._sessions() as s:
            rows = s.connection().execute(
                text("SELECT id, company, role, status FROM application ORDER BY status_on DESC, id DESC LIMIT :limit"),
                {"limit": limit},
            ).all()
        choices = []
        for app_id, company, role, status in rows:
            label = ", ".join(p for p in (company, role) if p) or "An application"
            choices.append((app_id, f"{label} (rejected)" if status == "rejected" else label))
        return choices

    def application_is_rejected(self, *, application_id: int) -> bool:
        if not is_record_id(application_id):
            return False
        with self._sessions() as s:
            row = s.connection().execute(text("SELECT status FROM application WHERE id = :id"), {"id": application_id}).first()
        return row is not None and row[0] == "rejected"

    # ---------------------------------------------------------------- helpers
    @staticmethod
    def _check_application(s: Session, application_id: int | None) -> None:
        if application_id is None:
            return
        found = s.connection().execute(text("SELECT 1 FROM application WHERE id = :id"), {"id": application_id}).first()
        if found is None:
            raise ValidationError.single("application_id", "That application isn't there any more.")

    def _write_words(self, s: Session, entry_id: int, feelings: list[str], activities: list[str]) -> None:
        s.add_all(MoodEntryFeeling(entry_id=entry_id, word=w) for w in feelings)
        s.add_all(MoodEntryActivity(entry_id=entry_id, name=a) for a in activities)
        now = self._clock.now().astimezone(UTC)
        for kind, words, builtin in ((FEELING, feelings, BUILTIN_FEELINGS), (ACTIVITY, activities, BUILTIN_ACTIVITIES)):
            for w in words:
                if w not in builtin and s.get(MoodWord, (kind, w)) is None:
                    s.add(MoodWord(kind=kind, word=w, created_at=now))

    @staticmethod
    def _record(entry: MoodEntry, feelings: Iterable[str], activities: Iterable[str]) -> MoodRecord:
        logged = entry.logged_at if entry.logged_at.tzinfo else entry.logged_at.replace(tzinfo=UTC)
        return MoodRecord(
            id=id_of(entry),
            logged_at=logged,
            day=entry.day,
            mood=entry.mood,
            feelings=tuple(feelings),
            activities=tuple(activities),
            intensity=entry.intensity,
            note=entry.note,
            application_id=entry.application_id,
            about_rejection=entry.about_rejection,
        )

    def _records(self, s: Session, entries: list[MoodEntry]) -> list[MoodRecord]:
        if not entries:
            return []
        ids = [e.id for e in entries if e.id is not None]
        feelings: dict[int | None, list[str]] = {i: [] for i in ids}
        activities: dict[int | None, list[str]] = {i: [] for i in ids}
        for f in s.exec(select(MoodEntryFeeling).where(col(MoodEntryFeeling.entry_id).in_(ids))):
            feelings[f.entry_id].append(f.word)
        for a in s.exec(select(MoodEntryActivity).where(col(MoodEntryActivity.entry_id).in_(ids))):
            activities[a.entry_id].append(a.name)
        return [self._record(e, feelings[e.id], activities[e.id]) for e in entries]
