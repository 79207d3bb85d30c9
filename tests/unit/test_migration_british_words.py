"""The British-spelling data step: entries that named "energized" name "energised" after it."""

from __future__ import annotations

import sqlite3

from services.mood.words import BUILTIN_FEELINGS, normalize_word
from services.storage.db import migrate
from services.storage.migrations import load_steps

STEP = next(v for v, module in load_steps() if module.__name__.endswith("_british_words"))


def test_old_spelling_is_renamed_in_place(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.db")
    migrate(conn, up_to=STEP - 1)
    conn.execute("INSERT INTO mood_entry (mood, intensity, note, about_rejection, application_id, id, logged_at, day, updated_at) VALUES (4, NULL, '', 0, NULL, 1, '2026-03-01 10:00:00', '2026-03-01', '2026-03-01 10:00:00')")
    conn.execute("INSERT INTO mood_entry (mood, intensity, note, about_rejection, application_id, id, logged_at, day, updated_at) VALUES (5, NULL, '', 0, NULL, 2, '2026-03-02 10:00:00', '2026-03-02', '2026-03-02 10:00:00')")
    conn.executemany("INSERT INTO mood_entry_feeling VALUES (?, ?)",
                     [(1, "energized"), (1, "hopeful"), (2, "energized"), (2, "energised")])
    conn.execute("INSERT INTO mood_word VALUES ('feeling', 'energised', '2026-02-01 00:00:00')")
    conn.execute("INSERT INTO mood_word VALUES ('feeling', 'rested but wired', '2026-02-01 00:00:00')")
    migrate(conn, up_to=STEP)
    rows = conn.execute("SELECT entry_id, word FROM mood_entry_feeling ORDER BY entry_id, word").fetchall()
    assert rows == [(1, "energised"), (1, "hopeful"), (2, "energised")]
    assert conn.execute("SELECT word FROM mood_word").fetchall() == [("rested but wired",)]
    conn.close()


def test_new_words_are_stored_the_british_way():
    assert "energised" in BUILTIN_FEELINGS and "energized" not in BUILTIN_FEELINGS
    assert normalize_word("  Energized ") == "energised"
