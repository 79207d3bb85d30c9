"""Mood entries: log, edit, delete, read by day and month; the word lists.

Several entries a day are fine. A day's summary mood is the **average** of its
entries (rounded for colours and faces): one hard moment in an otherwise good
day should show, but not define the day.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, timedelta

from sqlalchemy import delete, func, text
from sqlmodel import Session, select

from models.mood import MOOD_MAX, MOOD_MIN, MoodEntry, MoodEntryActivity, MoodEntryFeeling, MoodWord
from services.clock import Clock
from services.errors import NotFound, ValidationError
from services.mood.records import DaySummary, MoodRecord, Vocabulary
from services.mood.words import ACTIVITY, BUILTIN_ACTIVITIES, BUILTIN_FEELINGS, FEELING, FEELING_GROUPS, normalize_word
from services.storage.db import SessionFactory

NOTE_LIMIT = 20_000
WORD_LIMIT = 200
MAX_WORDS = 40  # per entry: more than anyone names in one sitting

# Bumped after every committed write here. MoodInsightsService keys its cache on it as
# well as on the database, so an edit is seen even when the clock has not moved on.
_writes = 0


def writes() -> int:
    return _writes


def _wrote() -> None:
    global _writes
    _writes += 1


def _clean_words(words: Iterable[str], field: str, errors: dict[str, str]) -> list[str]:
    seen: list[str] = []
    for raw in words or ():
        word = normalize_word(raw)
        if not word:
            continue
        if len(word) > WORD_LIMIT:
            errors[field] = f"Please keep each word under {WORD_LIMIT} characters."
            continue
        if word not in seen:
            seen.append(word)
    if len(seen) > MAX_WORDS:
        errors[field] = f"That's a lot at once: please pick up to {MAX_WORDS}."
    return seen


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
        fields = self._validate(mood, feelings, intensity, note, activities)
        now = self._clock.now()
        with self._sessions() as s:
            self._check_application(s, application_id)
            entry = MoodEntry(
                mood=mood,
                intensity=intensity,
                note=fields["note"],
                about_rejection=bool(about_rejection),
                application_id=application_id,
                logged_at=now.astimezone(UTC),
                day=self._clock.today(),
                updated_at=now.astimezone(UTC),
            )
            s.add(entry)
            s.flush()
            self._write_words(s, entry.id, fields["feelings"], fields["activities"])
            s.commit()
            _wrote()
            return self._record(entry, fields["feelings"], fields["activities"])

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
        fields = self._validate(mood, feelings, intensity, note, activities)
        with self._sessions() as s:
            entry = s.get(MoodEntry, entry_id)
            if entry is None:
                raise NotFound(f"mood entry {entry_id}")
            self._check_application(s, application_id)
            entry.mood, entry.intensity, entry.note = mood, intensity, fields["note"]
            entry.application_id, entry.about_rejection = application_id, bool(about_rejection)
            entry.updated_at = self._clock.now().astimezone(UTC)
            s.exec(delete(MoodEntryFeeling).where(MoodEntryFeeling.entry_id == entry_id))
            s.exec(delete(MoodEntryActivity).where(MoodEntryActivity.entry_id == entry_id))
            self._write_words(s, entry_id, fields["feelings"], fields["activities"])
            s.add(entry)
            s.commit()
            _wrote()
            return self._record(entry, fields["feelings"], fields["activities"])

    def delete_entry(self, *, entry_id: int) -> None:
        with self._sessions() as s:
            entry = s.get(MoodEntry, entry_id)
            if entry is None:
                raise NotFound(f"mood entry {entry_id}")
            s.delete(entry)  # feelings and activities go with it (ON DELETE CASCADE)
            s.commit()
            _wrote()

    # ---------------------------------------------------------------- reading
    def get_entry(self, *, entry_id: int) -> MoodRecord:
        with self._sessions() as s:
            entry = s.get(MoodEntry, entry_id)
            if entry is None:
                raise NotFound(f"mood entry {entry_id}")
            return self._records(s, [entry])[0]

    def entries_on(self, *, day: date) -> list[MoodRecord]:
        """A day's entries, earliest first."""
        with self._sessions() as s:
            rows = s.exec(
                select(MoodEntry).where(MoodEntry.day == day).order_by(MoodEntry.logged_at, MoodEntry.id)
            ).all()
            return self._records(s, list(rows))

    def recent_entries(self, *, limit: int = 5) -> list[MoodRecord]:
        with self._sessions() as s:
            rows = s.exec(
                select(MoodEntry).order_by(MoodEntry.logged_at.desc(), MoodEntry.id.desc()).limit(limit)
            ).all()
            return self._records(s, list(rows))

    def day_summaries(self, *, start: date, end: date) -> list[DaySummary]:
        """One summary per day with entries, start..end inclusive, in order."""
        with self._sessions() as s:
            rows = s.exec(
                select(MoodEntry.day, func.avg(MoodEntry.mood), func.count())
                .where(MoodEntry.day >= start, MoodEntry.day <= end)
                .group_by(MoodEntry.day)
                .order_by(MoodEntry.day)
            ).all()
        return [DaySummary(day=d, average=float(avg), count=n) for d, avg, n in rows]

    def month(self, *, year: int, month: int) -> dict[date, DaySummary]:
        """The calendar's data: only that month's days are read."""
        first = date(year, month, 1)
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return {d.day: d for d in self.day_summaries(start=first, end=last)}

    def summary_for(self, *, day: date) -> DaySummary | None:
        found = self.day_summaries(start=day, end=day)
        return found[0] if found else None

    def vocabulary(self) -> Vocabulary:
        """Built-in words plus the user's own, which are offered every time after."""
        with self._sessions() as s:
            own = s.exec(select(MoodWord).order_by(MoodWord.created_at, MoodWord.word)).all()
        return Vocabulary(
            feeling_groups=tuple((g.title, g.words) for g in FEELING_GROUPS),
            own_feelings=tuple(w.word for w in own if w.kind == FEELING),
            activities=BUILTIN_ACTIVITIES,
            own_activities=tuple(w.word for w in own if w.kind == ACTIVITY),
        )

    def application_choices(self, *, limit: int = 50) -> list[tuple[int, str]]:
        """Recent applications an entry can be linked to, newest news first."""
        with self._sessions() as s:
            rows = s.exec(
                text("SELECT id, company, role, status FROM application ORDER BY status_on DESC, id DESC LIMIT :limit"),
                params={"limit": limit},
            ).all()
        choices = []
        for app_id, company, role, status in rows:
            label = ", ".join(p for p in (company, role) if p) or "An application"
            choices.append((app_id, f"{label} (rejected)" if status == "rejected" else label))
        return choices

    def application_is_rejected(self, *, application_id: int) -> bool:
        with self._sessions() as s:
            row = s.exec(text("SELECT status FROM application WHERE id = :id"), params={"id": application_id}).first()
        return row is not None and row[0] == "rejected"

    # ---------------------------------------------------------------- helpers
    def _validate(self, mood, feelings, intensity, note, activities) -> dict:
        errors: dict[str, str] = {}
        if mood is None or isinstance(mood, bool) or not isinstance(mood, int) or not MOOD_MIN <= mood <= MOOD_MAX:
            errors["mood"] = "Pick one of the five faces."
        if intensity is not None and (
            isinstance(intensity, bool) or not isinstance(intensity, int) or not 1 <= intensity <= 5
        ):
            errors["intensity"] = "Intensity goes from 1 to 5."
        note = (note or "").strip()
        if len(note) > NOTE_LIMIT:
            errors["note"] = f"That note is longer than {NOTE_LIMIT:,} characters; please shorten it a little."
        cleaned_feelings = _clean_words(feelings, "feelings", errors)
        cleaned_activities = _clean_words(activities, "activities", errors)
        if errors:
            raise ValidationError(errors)
        return {"note": note, "feelings": cleaned_feelings, "activities": cleaned_activities}

    @staticmethod
    def _check_application(s: Session, application_id: int | None) -> None:
        if application_id is None:
            return
        found = s.exec(text("SELECT 1 FROM application WHERE id = :id"), params={"id": application_id}).first()
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
            id=entry.id,
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
        ids = [e.id for e in entries]
        feelings: dict[int, list[str]] = {i: [] for i in ids}
        activities: dict[int, list[str]] = {i: [] for i in ids}
        for f in s.exec(select(MoodEntryFeeling).where(MoodEntryFeeling.entry_id.in_(ids))):
            feelings[f.entry_id].append(f.word)
        for a in s.exec(select(MoodEntryActivity).where(MoodEntryActivity.entry_id.in_(ids))):
            activities[a.entry_id].append(a.name)
        return [self._record(e, feelings[e.id], activities[e.id]) for e in entries]
