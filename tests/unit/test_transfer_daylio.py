"""Daylio's CSV, as its export writes it: the exact entries that come in, and the ones refused."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from services.errors import ValidationError
from services.transfer import FileProblem, Options, TransferService
from tests.unit.transfer_fixtures import dump, file_services

HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"
# Written from Daylio's documented export: a BOM, newest first, 12-hour times, " | " between
# activities, the person's own mood names, notes with quotes, commas, line breaks, simple HTML,
# emoji, accents and right-to-left text, and the same note on two days.
DAYLIO = "\ufeff" + HEADER + (
    '2026-03-03,March 3,Tuesday,9:15 PM,rad,friends | walk | reading,Offer call!,'
    '"They said ""we\'d love to have you"", and I cried<br>a little 😭<br><br>Then pizza &amp; a film"\n'
    "2026-03-02,March 2,Monday,12:05 AM,Stormy,,,\n"
    '2026-03-01,March 1,Sunday,7:30 AM,meh,work | تأمل,,"Line one\nline two, with a comma"\n'
    "2026-02-28,February 28,Saturday,12:00 PM,good,Sport,,Same note\n"
    "2026-02-27,February 27,Friday,6:45 PM,awful,,Café crème,<p>Same note</p>\n"
    "2026-02-26,February 26,Thursday,11:59 PM,bad,,,\n"
)


@pytest.fixture
def app(tmp_path, clock):
    s = file_services(tmp_path / "data", clock)
    yield s
    s.db.dispose()


def _file(tmp_path, content: str, name: str = "daylio_export.csv"):
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    return path


def _rows(s):
    with s.db.engine.connect() as conn:
        entries = conn.execute(text("SELECT id, day, logged_at, mood, note FROM mood_entry ORDER BY logged_at")).all()
        activities = conn.execute(text("SELECT entry_id, name FROM mood_entry_activity")).all()
        words = conn.execute(text("SELECT kind, word FROM mood_word ORDER BY word")).all()
    names = {}
    for entry_id, name in activities:
        names.setdefault(entry_id, set()).add(name)
    return [(d, at, m, n, names.get(i, set())) for i, d, at, m, n in entries], words


def test_the_exact_entries_come_in(app, clock, tmp_path):
    transfer = TransferService(app.db, clock)
    source = transfer.read_file(path=_file(tmp_path, DAYLIO))
    assert source.kind == "daylio"
    needs = transfer.needs(source=source)
    assert needs.moods == {"rad": 5, "Stormy": None, "meh": 3, "good": 4, "awful": 1, "bad": 2}
    report = transfer.apply(source=source, options=Options(mood_map={"stormy": 2}))
    assert report.texts() == ["added 6 mood entries, skipped 0"]
    entries, words = _rows(app)
    # Local times in UTC-5 (the test clock's zone), stored as UTC; the day is the local day.
    assert entries == [
        ("2026-02-26", "2026-02-27 04:59:00.000000", 2, "", set()),
        ("2026-02-27", "2026-02-27 23:45:00.000000", 1, "Café crème\n\nSame note", set()),
        ("2026-02-28", "2026-02-28 17:00:00.000000", 4, "Same note", {"sport"}),
        ("2026-03-01", "2026-03-01 12:30:00.000000", 3, "Line one\nline two, with a comma", {"work", "تأمل"}),
        ("2026-03-02", "2026-03-02 05:05:00.000000", 2, "", set()),
        ("2026-03-03", "2026-03-04 02:15:00.000000", 5,
         "Offer call!\n\nThey said \"we'd love to have you\", and I cried\na little 😭\n\nThen pizza & a film",
         {"friends", "walk", "reading"}),
    ]
    # Activities that aren't built in are remembered as the person's own words.
    assert ("activity", "تأمل") in words and ("activity", "work") in words and ("activity", "walk") not in words
    assert app.mood.summary_for(day=date(2026, 3, 3)).mood == 5


def test_importing_twice_adds_nothing(app, clock, tmp_path):
    transfer = TransferService(app.db, clock)
    path = _file(tmp_path, DAYLIO)
    options = Options(mood_map={"Stormy": 2})
    transfer.apply(source=transfer.read_file(path=path), options=options)
    before = dump(app.db.path)
    again = transfer.apply(source=transfer.read_file(path=path), options=options)
    assert again.texts() == ["added 0 mood entries, skipped 6 (already here)"]
    assert dump(app.db.path) == before


def test_two_identical_rows_are_two_entries(app, clock, tmp_path):
    row = "2026-03-01,March 1,Sunday,8:00 PM,good,walk,,Same again\n"
    transfer = TransferService(app.db, clock)
    report = transfer.apply(source=transfer.read_file(path=_file(tmp_path, HEADER + row + row)))
    assert report.texts() == ["added 2 mood entries, skipped 0"]
    assert len(app.mood.entries_on(day=date(2026, 3, 1))) == 2


def test_an_own_mood_name_is_never_guessed(app, clock, tmp_path):
    transfer = TransferService(app.db, clock)
    source = transfer.read_file(path=_file(tmp_path, DAYLIO))
    preview = transfer.preview(source=source)
    assert not preview.ready and preview.needs.unknown_moods == ["Stormy"]
    before = dump(app.db.path)
    with pytest.raises(ValidationError) as caught:
        transfer.apply(source=source)
    assert "“Stormy”" in caught.value.errors["mood_map"]
    assert dump(app.db.path) == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("full_date,date,weekday,mood,activities,note\n2026-03-01,x,x,good,,\n",
         "This Daylio file has no “time” column"),
        (HEADER + "2026-03-01,March 1,Sunday,8:00 PM,good\n",
         "Row 2: the row stops before the “activities” column"),
        (HEADER + "2026-02-30,x,x,8:00 PM,good,,,\n",
         "Row 2, “full_date”: “2026-02-30”: 30/02/2026 isn't a day in the calendar."),
        (HEADER + "2026-03-01,x,x,8:75 PM,good,,,\n",
         "Row 2, “time”: “8:75 PM”: that isn't a time of day."),
        (HEADER + "2026-03-01,x,x,8:00 PM,,,,\n", "Row 2, “mood”: no mood on this row."),
        (HEADER + '2026-03-01,x,x,8:00 PM,good,,,"' + "x" * 20_001 + '"\n',
         "Row 2, “note”: the note is longer than 20,000 characters."),
        (HEADER + '2026-03-01,x,x,8:00 PM,good,,,"a note cut off\n',
         "Line 2: the file ends inside a quoted value; it may have been cut off."),
    ],
    ids=["missing column", "truncated row", "bad date", "bad time", "no mood", "huge note", "cut off in a quote"],
)
def test_bad_rows_name_the_row_and_field_and_write_nothing(app, clock, tmp_path, content, expected):
    transfer = TransferService(app.db, clock)
    before = dump(app.db.path)
    with pytest.raises(FileProblem) as caught:
        transfer.apply(source=transfer.read_file(path=_file(tmp_path, content)))
    assert expected in caught.value.message
    assert dump(app.db.path) == before
