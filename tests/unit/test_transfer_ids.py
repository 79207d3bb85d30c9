"""Stable identity (migration v8): every row a person creates has its own UUID, old rows included."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from models.identity import is_uuid, starter_uuid
from services.storage.db import DB_FILE_NAME, migrate, open_database
from services.storage.migrations.v8_uuids import TABLES

V6_ROWS = [
    "INSERT INTO application (id, company, applied_on, status, status_on, created_at, updated_at) "
    "VALUES (1, 'Acme', '2026-01-02', 'rejected', '2026-01-09', '2026-01-02 10:00:00', '2026-01-09 10:00:00')",
    "INSERT INTO application (id, company, applied_on, status, status_on, created_at, updated_at) "
    "VALUES (2, 'Acme', '2026-01-02', 'applied', '2026-01-02', '2026-01-02 10:00:00', '2026-01-02 10:00:00')",
    "INSERT INTO status_change (application_id, status, changed_on, created_at) VALUES (1, 'rejected', '2026-01-09', 'x')",
    "INSERT INTO goal_plan (effective_from, daily_target, weekly_target, rest_weekdays, created_at) VALUES ('2026-01-01', 2, 10, '', 'x')",
    "INSERT INTO win (won_on, title, kind, created_at) VALUES ('2026-01-05', 'Portfolio done', 'manual', 'x')",
    "INSERT INTO mood_entry (mood, note, about_rejection, logged_at, day, updated_at) VALUES (2, 'hm', 1, 'x', '2026-01-09', 'x')",
    "INSERT INTO feedback (status, what_they_said, reflection, rejected_on, created_at, updated_at) "
    "VALUES ('not_asked', '', '', '2026-01-09', 'x', 'x')",
    "INSERT INTO feedback_action (feedback_id, text, done, position, created_at) VALUES (1, 'Ask', 0, 0, 'x')",
    "INSERT INTO practice_card (id, question, category, tags, situation, task, action, result, notes, starter_key, "
    "archived, state, due, created_at, updated_at) VALUES (1, 'Why us?', 'motivation', '[]', '', '', '', '', '', "
    "'why-company', 0, 1, 'x', 'x', 'x')",
    "INSERT INTO practice_card (id, question, category, tags, situation, task, action, result, notes, "
    "archived, state, due, created_at, updated_at) VALUES (2, 'My own', 'other', '[]', '', '', '', '', '', 0, 1, 'x', 'x', 'x')",
    "INSERT INTO practice_review (card_id, rating, state_before, reviewed_at, reviewed_on, mode) VALUES (2, 3, 1, 'x', '2026-01-09', 'practice')",
]


@pytest.fixture
def upgraded(tmp_path):
    conn = sqlite3.connect(tmp_path / DB_FILE_NAME)
    migrate(conn, up_to=7)
    for sql in V6_ROWS:
        conn.execute(sql)
    conn.commit()
    conn.close()
    db = open_database(tmp_path)
    yield db
    db.dispose()


def test_every_old_row_gets_its_own_random_uuid(upgraded):
    seen = []
    with upgraded.engine.connect() as conn:
        for table in TABLES:
            rows = conn.exec_driver_sql(f"SELECT uuid FROM {table} WHERE {'starter_key IS NULL' if table == 'practice_card' else '1'}").scalars().all()
            assert rows, table
            for value in rows:
                assert is_uuid(value) and uuid.UUID(value).version == 4 and uuid.UUID(value).variant == uuid.RFC_4122
            seen += rows
    assert len(seen) == len(set(seen)) == 10  # every non-starter row above


def test_a_starter_card_gets_the_uuid_of_its_question(upgraded):
    with upgraded.engine.connect() as conn:
        found = conn.exec_driver_sql("SELECT uuid FROM practice_card WHERE starter_key = 'why-company'").scalar()
    assert found == str(uuid.uuid5(uuid.UUID("8bee4a51-bde7-43bd-83dc-471b977ec9da"), "starter:why-company"))
    assert found == starter_uuid("why-company")


def test_new_rows_get_a_uuid_from_the_models(services, clock):
    ids = services.applications.log_application(count=3)  # one multi-row INSERT
    app = services.applications.add_application(applied_on=date(2026, 3, 1), company="Acme", status="interview")
    services.practice.starter.ensure_starter_deck()
    with services.db.engine.connect() as conn:
        values = conn.exec_driver_sql("SELECT uuid FROM application").scalars().all()
        change = conn.exec_driver_sql("SELECT uuid FROM status_change WHERE application_id = ?", (app.id,)).scalar()
        starters = conn.exec_driver_sql("SELECT starter_key, uuid FROM practice_card").all()
    assert len(ids) == 3 and len(set(values)) == 4 and all(is_uuid(v) for v in values) and is_uuid(change)
    assert starters and all(u == starter_uuid(k) for k, u in starters)


def test_a_row_written_without_one_gets_one_and_duplicates_are_refused(services):
    with services.db.engine.begin() as conn:
        for day in ("2026-01-01", "2026-01-02"):
            conn.execute(text("INSERT INTO goal_plan (effective_from, daily_target, weekly_target, rest_weekdays, created_at) "
                              "VALUES (:d, 1, 1, '', 'x')"), {"d": day})
        found = conn.exec_driver_sql("SELECT uuid FROM goal_plan").scalars().all()
    assert len(set(found)) == 2 and all(is_uuid(v) for v in found)
    with pytest.raises(IntegrityError), services.db.engine.begin() as conn:
        conn.execute(text("INSERT INTO goal_plan (uuid, effective_from, daily_target, weekly_target, rest_weekdays, created_at) "
                          "VALUES (:u, '2026-01-03', 1, 1, '', 'x')"), {"u": found[0]})


def test_undo_of_a_delete_puts_the_same_uuid_back(services):
    app = services.applications.add_application(applied_on=date(2026, 3, 1), company="Acme")
    snapshot = services.applications.delete_application(application_id=app.id)
    services.applications.restore_application(snapshot=snapshot)
    assert services.applications.get(application_id=app.id).uuid == app.uuid
