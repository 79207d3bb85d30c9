"""Our own export read back: exact round trip, idempotent, merges by UUID, refuses bad files whole."""

from __future__ import annotations

import json
from datetime import date

import pytest

from services.errors import ValidationError
from services.storage.migrations import latest_version
from services.transfer import FileProblem, TransferService
from tests.unit.transfer_fixtures import ODD, at, counts, dump, file_services, fill


@pytest.fixture
def source_app(tmp_path, clock):
    s = file_services(tmp_path / "phone", clock)
    ids = fill(s, clock)
    yield s, ids
    s.db.dispose()


@pytest.fixture
def new_device(tmp_path, clock):
    s = file_services(tmp_path / "laptop", clock)
    s.practice.starter.ensure_starter_deck()  # a fresh app has already added its starter deck
    yield s
    s.db.dispose()


def export(s, clock, path):
    return TransferService(s.db, clock).export(path=path).path


def test_export_wipe_import_is_exact_ids_dates_times_and_all(source_app, new_device, clock, tmp_path):
    s, _ = source_app
    path = export(s, clock, tmp_path / "out.json")
    before = dump(s.db.path)
    transfer = TransferService(new_device.db, clock)
    preview = transfer.preview(source=transfer.read_file(path=path))
    assert preview.report.restore and preview.ready
    report = transfer.apply(source=transfer.read_file(path=path))
    assert dump(new_device.db.path) == before  # every table, every column, every row, in order
    assert report.texts()[0] == f"added {len(before['application'])} applications, skipped 0"
    # The local day of an entry logged at 23:30 in UTC-5 (04:30 UTC the next day) is kept, and reads back.
    (entry,) = [e for e in new_device.mood.entries_on(day=date(2026, 2, 9)) if e.note == ODD]
    assert entry.logged_at.isoformat() == "2026-02-10T04:30:00+00:00"
    assert (entry.mood, entry.intensity, sorted(entry.feelings), sorted(entry.activities)) == (
        2, 4, ["hurt", "my own ✨ word"], ["baking", "walk"])


def test_importing_the_same_export_twice_adds_nothing(source_app, new_device, clock, tmp_path):
    s, _ = source_app
    path = export(s, clock, tmp_path / "out.json")
    transfer = TransferService(new_device.db, clock)
    transfer.apply(source=transfer.read_file(path=path))
    after_first = dump(new_device.db.path)
    again = transfer.apply(source=transfer.read_file(path=path))
    assert dump(new_device.db.path) == after_first
    assert again.added == 0
    assert "added 0 mood entries, skipped 2 (already here)" in again.texts()  # one is an interview's check-in
    assert "added 0 applications, skipped 3 (already here)" in again.texts()
    assert "added 0 interviews, skipped 1 (already here)" in again.texts()
    assert "added 0 interview questions, skipped 1 (already here)" in again.texts()


def test_merge_adds_only_what_is_new_and_links_follow_the_uuids(source_app, tmp_path, clock):
    s, ids = source_app
    path = export(s, clock, tmp_path / "out.json")
    other = file_services(tmp_path / "other", clock)
    at(clock, date(2026, 3, 1), 9)
    mine = other.applications.add_application(applied_on=date(2026, 3, 1), company="Already mine")
    other.mood.log_entry(mood=5, note="my own day")
    transfer = TransferService(other.db, clock)
    report = transfer.apply(source=transfer.read_file(path=path))
    assert not report.restore
    # Kept: what was here, with its ids. Added: the file's rows, with new ids, links pointing at them.
    assert other.applications.get(application_id=mine.id).company == "Already mine"
    (linked,) = [e for e in other.mood.entries_on(day=date(2026, 2, 9)) if e.note == ODD]
    assert other.applications.get(application_id=linked.application_id).company == ODD
    assert linked.application_id != ids["application"] or mine.id == ids["application"] - 1
    timeline = other.applications.timeline(application_id=linked.application_id)
    assert [t.status for t in timeline] == ["applied", "interview", "rejected"]
    record = other.feedback.for_application(application_id=linked.application_id)
    assert record.what_they_said == "More examples, please."
    assert [a.text for a in other.feedback.actions.for_record(feedback_id=record.id)] == [
        "Write three STAR stories", "Practise the questions made from this feedback"]
    cards = other.feedback.actions.practice_card_ids(feedback_id=record.id)
    assert [other.practice.deck.get_card(card_id=c).question for c in cards] == ["Tell me about a launch you led"]
    assert other.settings.get("theme_mode") == "dark"  # a setting not set here comes in
    # ...and a second time nothing more.
    before = dump(other.db.path)
    assert transfer.apply(source=transfer.read_file(path=path)).added == 0
    assert dump(other.db.path) == before
    other.db.dispose()


def test_an_interview_merges_with_its_links_following_the_uuids(source_app, tmp_path, clock):
    """The interview tables travel with no code of their own in services/transfer: the round, its
    question, the card made from it and the check-in's mood entry arrive linked to the new ids."""
    s, ids = source_app
    path = export(s, clock, tmp_path / "out.json")
    other = file_services(tmp_path / "other", clock)
    other.mood.log_entry(mood=3, note="mine")  # shifts the mood entry ids: a merge, not a restore
    other.practice.deck.create_card(question="A card of my own", category="other")  # and the card ids
    transfer = TransferService(other.db, clock)
    report = transfer.apply(source=transfer.read_file(path=path))
    assert not report.restore
    assert "added 1 interview, skipped 0" in report.texts()
    assert "added 1 interview question, skipped 0" in report.texts()
    here = other.interviews.for_application(application_id=other.mood.entries_on(day=date(2026, 2, 9))[-1].application_id)
    [mine] = here
    theirs = s.interviews.get(interview_id=ids["interview"])
    assert (mine.uuid, mine.starts, mine.people, mine.location, mine.thank_you_to) == (
        theirs.uuid, theirs.starts, (("Zoë Ñúñez", "Lead “data” person"),), ODD, "Zoë Ñúñez")
    assert other.mood.get_entry(entry_id=mine.mood_entry_id).note == "Went fine"
    [question] = other.interviews.after.questions(interview_id=mine.id)
    assert other.practice.deck.get_card(card_id=question.card_id).question == "Walk me through a hard trade-off 🤔"
    other.db.dispose()


def test_a_setting_already_here_keeps_its_value(source_app, tmp_path, clock):
    s, _ = source_app
    path = export(s, clock, tmp_path / "out.json")
    other = file_services(tmp_path / "other", clock)
    other.mood.log_entry(mood=3)
    other.settings.set("theme_mode", "light")
    transfer = TransferService(other.db, clock)
    report = transfer.apply(source=transfer.read_file(path=path))
    assert other.settings.get("theme_mode") == "light"
    assert "added 1 setting, skipped 1 (kept the one here)" in report.texts()
    other.db.dispose()


def _payload(s, clock, tmp_path) -> dict:
    return json.loads(export(s, clock, tmp_path / "out.json").read_text(encoding="utf-8"))


def _write(tmp_path, payload, name="changed.json"):
    path = tmp_path / name
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_format_1_export_is_upgraded_and_idempotent(source_app, new_device, clock, tmp_path):
    s, _ = source_app
    payload = _payload(s, clock, tmp_path)
    old = {"app": "Bounceback", "format": 1, "exported_at": payload["exported_at"], "tables": payload["tables"]}
    for later in ("interview", "interview_question"):  # format 1 predates these tables (schema 10)
        del old["tables"][later]
    for rows in old["tables"].values():
        for row in rows:
            row.pop("uuid", None)
    path = _write(tmp_path, old, "old.json")
    transfer = TransferService(new_device.db, clock)
    report = transfer.apply(source=transfer.read_file(path=path))
    assert report.added == sum(counts(s.db.path)[t] for t in (
        "application", "status_change", "goal_plan", "win", "mood_entry", "feedback", "feedback_action",
        "practice_card", "practice_review", "setting"))
    starter = dump(s.db.path)["practice_card"][0]
    assert dump(new_device.db.path)["practice_card"][0] == starter  # starter cards: same uuid as from the key
    before = dump(new_device.db.path)
    assert transfer.apply(source=transfer.read_file(path=path)).added == 0
    assert dump(new_device.db.path) == before


def _refused(transfer, path, db_path) -> str:
    before = dump(db_path)
    with pytest.raises(FileProblem) as caught:
        source = transfer.read_file(path=path)
        transfer.apply(source=source)
    assert dump(db_path) == before, "nothing written"
    assert isinstance(caught.value, ValidationError) and caught.value.errors["file"]
    return caught.value.message


def test_a_newer_export_is_refused_clearly(source_app, new_device, clock, tmp_path):
    s, _ = source_app
    payload = _payload(s, clock, tmp_path)
    payload["schema"] = latest_version() + 1
    message = _refused(TransferService(new_device.db, clock), _write(tmp_path, payload), new_device.db.path)
    assert "newer version of Bounceback" in message and "Update Bounceback" in message


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda p: p["tables"]["mood_entry"][0].update(colour="blue"),
         "mood_entry, row 1: “colour” isn't a field Bounceback knows."),
        (lambda p: p["tables"]["application"][0].update(applied_on="yesterday"),
         "application, row 1, “applied_on” should be a date like 2026-03-04, not \"yesterday\"."),
        (lambda p: p["tables"]["mood_entry"][0].update(mood="4"),
         "mood_entry, row 1, “mood” should be a whole number, not \"4\"."),
        (lambda p: p["tables"]["mood_entry"][0].update(mood=9),
         "mood_entry, row 1, “mood” should be from 1 to 5, not 9."),
        (lambda p: p["tables"]["application"][2].pop("status"),
         "application, row 3, “status” is missing."),
        (lambda p: p["tables"]["status_change"][0].update(application_id=999),
         "status_change, row 1, “application_id” points at application 999, which isn't in the file."),
        (lambda p: p["tables"]["practice_review"][0].update(reviewed_at="2026-02-10T13:00:00+00:00"),
         "practice_review, row 1, “reviewed_at” should be a time like 2026-03-04 14:30:00.000000"),
        (lambda p: p.update(extra=1), "“extra” isn't part of a Bounceback export."),
        (lambda p: p["tables"].update(interviews=[]), "the table “interviews” isn't one Bounceback has."),
        (lambda p: p["tables"]["win"][0].update(uuid="not-a-uuid"), "win, row 1, “uuid” should be a UUID"),
    ],
    ids=["unknown key", "bad date", "wrong type", "out of range", "missing field", "broken link", "time with offset",
         "unknown top key", "unknown table", "bad uuid"],
)
def test_bad_rows_are_refused_naming_table_row_and_field(source_app, new_device, clock, tmp_path, change, expected):
    s, _ = source_app
    payload = _payload(s, clock, tmp_path)
    change(payload)
    message = _refused(TransferService(new_device.db, clock), _write(tmp_path, payload), new_device.db.path)
    assert expected in message


def test_a_truncated_export_is_refused(source_app, new_device, clock, tmp_path):
    s, _ = source_app
    text = export(s, clock, tmp_path / "out.json").read_text(encoding="utf-8")
    path = tmp_path / "cut.json"
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    message = _refused(TransferService(new_device.db, clock), path, new_device.db.path)
    assert "ends too early" in message and "cut off" in message


def test_a_failure_while_saving_leaves_everything_as_it_was(source_app, tmp_path, clock, monkeypatch):
    s, _ = source_app
    path = export(s, clock, tmp_path / "out.json")
    other = file_services(tmp_path / "other", clock)
    other.mood.log_entry(mood=3)
    before = dump(other.db.path)
    from services.transfer import merge

    real = merge._chunks
    calls = {"n": 0}

    def failing(rows, size):
        calls["n"] += 1
        if calls["n"] == 4:  # a few tables in: the disk fills up
            raise OSError(28, "No space left on device")
        return real(rows, size)

    monkeypatch.setattr(merge, "_chunks", failing)
    transfer = TransferService(other.db, clock)
    with pytest.raises(OSError):
        transfer.apply(source=transfer.read_file(path=path))
    assert dump(other.db.path) == before
    other.db.dispose()


def test_untouched_starter_questions_here_take_their_progress_from_the_file(source_app, tmp_path, clock):
    """A new device where the person set goals first (so it's a merge, not a restore): the built-in
    questions the app added there yield to the file's copies, reviews and all."""
    s, _ = source_app
    path = export(s, clock, tmp_path / "out.json")
    reviewed = {u: (st, due) for u, st, due in s.db.engine.connect().exec_driver_sql(
        "SELECT uuid, stability, due FROM practice_card WHERE last_review IS NOT NULL").all()}
    assert len(reviewed) == 3
    other = file_services(tmp_path / "other", clock)
    other.practice.starter.ensure_starter_deck()
    other.goals.set_goals(daily_target=1, weekly_target=5, rest_weekdays=[])
    transfer = TransferService(other.db, clock)
    report = transfer.apply(source=transfer.read_file(path=path))
    assert not report.restore
    assert "added 2 practice questions, updated 3, skipped 43 (already here)" in report.texts()
    assert "added 3 practice reviews, skipped 0" in report.texts()
    with other.db.engine.connect() as conn:
        here = {u: (st, due) for u, st, due in conn.exec_driver_sql(
            "SELECT uuid, stability, due FROM practice_card WHERE last_review IS NOT NULL").all()}
        reviews = conn.exec_driver_sql("SELECT count(*) FROM practice_review r JOIN practice_card c ON c.id = r.card_id").scalar()
    assert here == reviewed and reviews == 3
    other.db.dispose()


def test_a_later_export_adds_only_the_new_rows_and_leaves_records_here_whole(source_app, tmp_path, clock):
    s, ids = source_app
    other = file_services(tmp_path / "other", clock)
    other.mood.log_entry(mood=3)  # something of its own: merges, not restores
    transfer = TransferService(other.db, clock)
    transfer.apply(source=transfer.read_file(path=export(s, clock, tmp_path / "first.json")))
    # Later, on the first device: another action and card on the same feedback, a new mood entry.
    s.feedback.actions.add_action(feedback_id=ids["feedback"], text="Ask Sam for a mock interview")
    s.feedback.actions.turn_into_practice(feedback_id=ids["feedback"], questions=["What would you do in your first month?"])
    s.mood.log_entry(mood=4, note="better today")
    report = transfer.apply(source=transfer.read_file(path=export(s, clock, tmp_path / "second.json")))
    assert "added 1 mood entry, skipped 2 (already here)" in report.texts()
    assert "added 1 practice question, skipped 48 (already here)" in report.texts()
    # The feedback record here keeps its own checklist: the file's new action is part of a record already here.
    assert "added 0 feedback actions, skipped 3 (2 already here, 1 part of something already here)" in report.texts()
    other.db.dispose()
