"""Daylio's CSV export: full_date,date,weekday,time,mood,activities,note_title,note.

Moods are the person's own labels. Daylio's five defaults map to 1-5; any other
label is mapped by the person, never guessed. Activities are separated by " | ",
notes may hold quotes, commas, line breaks and simple HTML, times are often on a
12-hour clock, and the file usually starts with a BOM (already removed by source.py).
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, time

from sqlmodel import Session, col, select

from models.mood import MAX_WORDS, NOTE_LIMIT, WORD_LIMIT, MoodEntry, MoodEntryActivity, MoodWord, normalize_word
from services.clock import Clock
from services.lookup import id_of
from services.mood.words import ACTIVITY, BUILTIN_ACTIVITIES, MOOD_LABELS
from services.transfer.dates import BadDate, parse_date, parse_time
from services.transfer.options import Needs, Options, label_key
from services.transfer.problems import FileProblem, Problems
from services.transfer.report import ALREADY_HERE, Progress, Report, Staged, no_progress
from services.transfer.source import Source
from services.transfer.text import csv_rows, html_to_text

DEFAULT_MOODS = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
COLUMNS = ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note")
REQUIRED = ("full_date", "time", "mood")
# Frozen: entries from the same row get the same UUID every time, so importing twice adds nothing.
NAMESPACE = uuid.UUID("0b6f3a52-9d0e-4c7e-b1a4-3f2d6c8e9a17")


def _header(text: str) -> list[str]:
    first = next((line for line in text.splitlines() if line.strip()), "")
    return [label_key(c.strip().strip('"')) for c in first.split(",")]


def looks_like(text: str) -> bool:
    header = _header(text)
    return "full_date" in header and "mood" in header


@dataclass(frozen=True)
class Row:
    line: int
    day: date
    at: time
    label: str
    activities: tuple[str, ...]
    note: str
    uuid: str


@dataclass
class DaylioFile:
    rows: list[Row]
    labels: Counter  # label as written -> how many rows


def read(source: Source, *, progress: Progress = no_progress) -> DaylioFile:
    records = csv_rows(source.text)
    header_at = next(i for i, (_, r) in enumerate(records) if any(c.strip() for c in r))
    header = [label_key(c) for c in records[header_at][1]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise FileProblem([f"This Daylio file has no “{c}” column. A Daylio export starts with the line "
                           f"{','.join(COLUMNS)}." for c in missing])
    index = {name: header.index(name) for name in COLUMNS if name in header}
    problems = Problems()
    rows: list[Row] = []
    labels: Counter = Counter()
    seen: Counter = Counter()
    body = records[header_at + 1 :]
    for n, (line, record) in enumerate(body, start=1):
        if n % 500 == 0:
            progress(0.5 * n / len(body), "Reading your entries")
        if not any(c.strip() for c in record):
            continue
        if len(record) < len(header):
            absent = header[len(record)] if len(record) < len(header) else ""
            problems.add(f"the row stops before the “{absent}” column (was the file cut off?).", row=line)
            continue
        get = lambda name, record=record: record[index[name]] if name in index else ""  # noqa: E731
        row = _row(line, get, problems, seen)
        if row:
            rows.append(row)
            labels[row.label] += 1
    problems.raise_if_any()
    if not rows:
        raise FileProblem(["This Daylio file has no entries in it."])
    return DaylioFile(rows, labels)


def _row(line: int, get, problems: Problems, seen: Counter) -> Row | None:
    errors_before = len(problems.items)
    try:
        day = parse_date(get("full_date"), order=None)
    except BadDate as exc:
        problems.add(f"“{get('full_date')}”: {exc}.", row=line, field="full_date")
    try:
        at = parse_time(get("time"))
    except BadDate as exc:
        problems.add(f"“{get('time')}”: {exc}.", row=line, field="time")
    label = " ".join(get("mood").split())
    if not label:
        problems.add("no mood on this row.", row=line, field="mood")
    activities: list[str] = []
    for raw in get("activities").split("|"):
        word = normalize_word(raw)
        if word and word not in activities:
            activities.append(word)
    if any(len(a) > WORD_LIMIT for a in activities):
        problems.add(f"an activity is longer than {WORD_LIMIT} characters.", row=line, field="activities")
    if len(activities) > MAX_WORDS:
        problems.add(f"more than {MAX_WORDS} activities on one entry.", row=line, field="activities")
    title, body = html_to_text(get("note_title")), html_to_text(get("note"))
    note = "\n\n".join(p for p in (title, body) if p)
    if len(note) > NOTE_LIMIT:
        problems.add(f"the note is longer than {NOTE_LIMIT:,} characters.", row=line, field="note")
    if len(problems.items) > errors_before:
        return None
    # Two identical rows are two entries: the count keeps their UUIDs apart (and the same on re-import).
    key = "|".join([day.isoformat(), at.isoformat(), label_key(label), ",".join(activities), note])
    seen[key] += 1
    return Row(line, day, at, label, tuple(activities), note, str(uuid.uuid5(NAMESPACE, f"{key}#{seen[key]}")))


def needs(parsed: DaylioFile, options: Options) -> Needs:
    moods: dict[str, int | None] = {}
    for label in parsed.labels:
        chosen = options.mood_for(label)
        moods[label] = chosen if chosen is not None else DEFAULT_MOODS.get(label_key(label))
    return Needs(moods=moods, mood_counts=dict(parsed.labels))


def stage(s: Session, parsed: DaylioFile, options: Options, clock: Clock) -> Staged:
    moods = needs(parsed, options).moods
    report = Report(kind="daylio")
    report.line("mood_entry")
    wanted = [r.uuid for r in parsed.rows]
    here = set()
    for start in range(0, len(wanted), 500):
        here |= set(s.exec(select(MoodEntry.uuid).where(col(MoodEntry.uuid).in_(wanted[start : start + 500]))))
    fresh = [r for r in parsed.rows if r.uuid not in here]
    report.add("mood_entry", len(fresh))
    if len(parsed.rows) > len(fresh):
        report.skip("mood_entry", ALREADY_HERE, len(parsed.rows) - len(fresh))
    report.samples = [_sample(r, moods[r.label]) for r in fresh[:3]]

    def write(session: Session, progress: Progress = no_progress) -> None:
        now = clock.now().astimezone(UTC)
        own = set(session.exec(select(MoodWord.word).where(MoodWord.kind == ACTIVITY)))
        entries = []
        for row in fresh:
            logged = clock.at(row.day, row.at).astimezone(UTC)  # that day's own offset (DST)
            mood = moods[row.label]
            assert mood is not None  # apply() refuses while any label is unplaced
            entries.append(MoodEntry(mood=mood, note=row.note, logged_at=logged, day=row.day,
                                     updated_at=now, uuid=row.uuid))
        session.add_all(entries)
        session.flush()  # ids for the activities below
        progress(0.75, "Saving")
        for entry, row in zip(entries, fresh, strict=True):
            session.add_all(MoodEntryActivity(entry_id=id_of(entry), name=a) for a in row.activities)
            for word in row.activities:
                if word not in BUILTIN_ACTIVITIES and word not in own:
                    session.add(MoodWord(kind=ACTIVITY, word=word, created_at=now))
                    own.add(word)

    return Staged(report, write)


def _sample(row: Row, mood: int | None) -> str:
    face = MOOD_LABELS.get(mood or 0, "?")
    parts = [f"{row.day.day} {row.day:%b %Y}, {row.at:%H:%M}", f"{row.label} ({mood} of 5, {face})"]
    if row.activities:
        parts.append(", ".join(row.activities))
    if row.note:
        first = row.note.split("\n", 1)[0]
        parts.append(f"“{first[:60]}{'…' if len(first) > 60 else ''}”")
    return " · ".join(parts)
