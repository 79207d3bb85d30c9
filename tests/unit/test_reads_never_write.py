"""Reads never write: every read method, on a database with something of everything,
leaves SQLite's change count where it was and sends no writing statement.

Writes that used to hide in reads: the due count seeded the starter deck, reading
feedback actions ticked items off, and the after-rejection screen created a
feedback record while it rendered.
"""

from __future__ import annotations

import inspect
from datetime import date, timedelta

import pytest
from sqlalchemy import event

from tests.unit.db_state import changes

WRITING = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")


@pytest.fixture
def full(services, clock):
    """Something of everything, made through the services (the starter deck as at start)."""
    s = services
    s.practice.starter.ensure_starter_deck()
    today = clock.today()
    acme = s.applications.add_application(applied_on=today - timedelta(days=60), company="Acme", role="Analyst")
    s.applications.change_status(application_id=acme.id, status="rejected", on=today - timedelta(days=10))
    s.applications.add_application(applied_on=today - timedelta(days=40), company="Globex", source="Referral")
    s.applications.log_application(count=2)
    s.goals.set_goals(daily_target=2, weekly_target=8, rest_weekdays=[5, 6])
    s.wins.add_win(title="Finished a course")
    for back in range(12, 0, -1):
        clock.set(clock.now() - timedelta(days=back))
        s.mood.log_entry(mood=3 + back % 2, feelings=["hopeful"], activities=["walk"] if back % 3 else [])
        clock.set(clock.now() + timedelta(days=back))
    s.mood.log_entry(mood=2, feelings=["gutted"], application_id=acme.id, about_rejection=True)
    record = s.feedback.start_for_application(application_id=acme.id)
    s.feedback.mark_asked(feedback_id=record.id, on=today - timedelta(days=8))
    [card_id] = s.feedback.actions.turn_into_practice(feedback_id=record.id, questions=["Why data?"])
    s.practice.schedule.review_card(card_id=card_id, rating=3)  # ticks the item off, inside the review
    s.feedback.actions.add_action(feedback_id=record.id, text="Rewrite the summary")
    standalone = s.feedback.record_feedback(company="Initech", what_they_said="More examples.", theme="examples")
    s.feedback.actions.turn_into_practice(feedback_id=standalone.id, questions=["And leadership?"])  # still open
    globex = s.applications.add_application(applied_on=today - timedelta(days=20), company="Globex", role="Analyst")
    past = s.interviews.schedule_interview(application_id=globex.id, day=today - timedelta(days=1), at="10:00",
                                           round="phone_screen", people=[{"name": "Ana", "role": "Recruiter"}],
                                           past_ok=True).interview
    soon = s.interviews.schedule_interview(application_id=globex.id, day=today + timedelta(days=2), at="14:00",
                                           round="technical").interview
    s.interviews.after.check_in(interview_id=past.id, mood=4, feelings=["hopeful"])
    question = s.interviews.after.add_question(interview_id=past.id, text="Why Globex?")
    return {"app": acme.id, "record": record.id, "standalone": standalone.id, "card": card_id, "day": today,
            "interview": soon.id, "past": past.id, "question": question.id, "globex": globex.id}


def reads(s, ids) -> dict[str, object]:
    """Every read the views use, by name, as a call."""
    day, app, record, card = ids["day"], ids["app"], ids["record"], ids["card"]
    return {
        "applications.get": lambda: s.applications.get(application_id=app),
        "applications.timeline": lambda: s.applications.timeline(application_id=app),
        "applications.waiting_period": lambda: s.applications.waiting_period(company="acme"),
        "applications.queries.list_applications": lambda: s.applications.queries.list_applications(text="a"),
        "applications.queries.sources_in_use": s.applications.queries.sources_in_use,
        "applications.queries.recent_rejection": s.applications.queries.recent_rejection,
        "applications.queries.quick_logged_on": lambda: s.applications.queries.quick_logged_on(day=day),
        "goals.current_goals": s.goals.current_goals,
        "goals.show_streak": s.goals.show_streak,
        "goals.count_on": lambda: s.goals.count_on(day=day),
        "goals.count_between": lambda: s.goals.count_between(start=day - timedelta(days=7), end=day),
        "goals.count_in_week": lambda: s.goals.count_in_week(day=day),
        "goals.counts_by_day": lambda: s.goals.counts_by_day(start=day - timedelta(days=30), end=day),
        "goals.counts_by_week": lambda: s.goals.counts_by_week(start=day - timedelta(days=30), end=day),
        "goals.goal_on": lambda: s.goals.goal_on(day=day),
        "goals.progress": s.goals.progress,
        "goals.care_days": lambda: s.goals.care_days(start=day - timedelta(days=30), end=day),
        "goals.is_care_day": lambda: s.goals.is_care_day(day=day),
        "wins.recent_wins": s.wins.recent_wins,
        "wins.count_this_week": s.wins.count_this_week,
        "patterns.patterns": lambda: s.patterns.patterns(dimension="source"),
        "mood.get_entry": lambda: s.mood.get_entry(entry_id=1),
        "mood.entries_on": lambda: s.mood.entries_on(day=day),
        "mood.recent_entries": s.mood.recent_entries,
        "mood.latest_about": lambda: s.mood.latest_about(application_id=app),
        "mood.day_summaries": lambda: s.mood.day_summaries(start=day - timedelta(days=30), end=day),
        "mood.month": lambda: s.mood.month(year=day.year, month=day.month),
        "mood.summary_for": lambda: s.mood.summary_for(day=day),
        "mood.vocabulary": s.mood.vocabulary,
        "mood.application_choices": s.mood.application_choices,
        "mood.application_is_rejected": lambda: s.mood.application_is_rejected(application_id=app),
        "mood_insights.self_care_comparisons": s.mood_insights.self_care_comparisons,
        "mood_insights.applications_comparison": s.mood_insights.applications_comparison,
        "mood_insights.bounce_backs": s.mood_insights.bounce_backs,
        "practice.deck.get_card": lambda: s.practice.deck.get_card(card_id=card),
        "practice.deck.list_cards": lambda: s.practice.deck.list_cards(search="team"),
        "practice.deck.card_count": s.practice.deck.card_count,
        "practice.deck.all_tags": s.practice.deck.all_tags,
        "practice.deck.duplicates_of": lambda: s.practice.deck.duplicates_of(question="Why data?"),
        "practice.schedule.new_per_day": s.practice.schedule.new_per_day,
        "practice.schedule.due_count": s.practice.schedule.due_count,
        "practice.schedule.due_queue": s.practice.schedule.due_queue,
        "practice.schedule.previews": lambda: s.practice.schedule.previews(card_id=card),
        "practice.schedule.reviews_of": lambda: s.practice.schedule.reviews_of(card_id=card),
        "practice.schedule.review_counts": lambda: s.practice.schedule.review_counts(card_ids=[card]),
        "practice.schedule.pick_mock": lambda: s.practice.schedule.pick_mock(count=3),
        "practice.stats.summary": s.practice.stats.summary,
        "feedback.get": lambda: s.feedback.get(feedback_id=record),
        "feedback.for_application": lambda: s.feedback.for_application(application_id=app),
        "feedback.your_name": s.feedback.your_name,
        "feedback.request_message": lambda: s.feedback.request_message(feedback_id=record),
        "feedback.queries.list_feedback": s.feedback.queries.list_feedback,
        "feedback.queries.status_counts": s.feedback.queries.status_counts,
        "feedback.queries.recurring_themes": s.feedback.queries.recurring_themes,
        "feedback.actions.for_record": lambda: s.feedback.actions.for_record(feedback_id=record),
        "feedback.actions.open_actions": s.feedback.actions.open_actions,
        "feedback.actions.open_action_count": s.feedback.actions.open_action_count,
        "feedback.actions.practice_suggestions": lambda: s.feedback.actions.practice_suggestions(feedback_id=record),
        "feedback.actions.practice_note": lambda: s.feedback.actions.practice_note(feedback_id=record),
        "feedback.actions.practice_card_ids": lambda: s.feedback.actions.practice_card_ids(feedback_id=record),
        "settings.get": lambda: s.settings.get("theme_mode"),
        "settings.theme_mode": s.settings.theme_mode,
        "attention.items": lambda: s.attention.items(day),
        "settings.get_prefixed": lambda: s.settings.get_prefixed("reminders."),
        "reminders.choices": s.reminders.choices,
        "reminders.active_rules": s.reminders.active_rules,
        "reminders.enabled": s.reminders.enabled,
        "reminders.kind_enabled": lambda: s.reminders.kind_enabled("apply"),
        "reminders.quiet_hours": s.reminders.quiet_hours,
        "reminders.rule": lambda: s.reminders.rule("apply"),
        "reminders.rules": lambda: s.reminders.rules,
        "reminders.time_for": lambda: s.reminders.time_for("apply"),
        "reminders.plan": lambda: s.reminders.plan([day + timedelta(days=i) for i in range(-2, 7)]),
        # Each feature's promises: its Today items and every reminder rule's decision, asked
        # about past days, today and the week ahead.
        **{f"signals.{type(f).__name__}.attention": (lambda f=f: f.attention(day)) for f in s.signals},
        **{
            f"rule.{rule.kind}.{offset}": (lambda rule=rule, offset=offset: rule.decide(day + timedelta(days=offset)))
            for f in s.signals
            for rule in f.reminder_rules()
            for offset in (-2, 0, 1, 6)
        },
        "interviews.get": lambda: s.interviews.get(interview_id=ids["interview"]),
        "interviews.for_application": lambda: s.interviews.for_application(application_id=ids["globex"]),
        "interviews.count_for_application": lambda: s.interviews.count_for_application(application_id=ids["globex"]),
        "interviews.upcoming": s.interviews.upcoming,
        "interviews.recent": s.interviews.recent,
        "interviews.overlaps": lambda: s.interviews.overlaps(interview_id=ids["interview"]),
        "interviews.on_days": lambda: s.interviews.on_days(start=day - timedelta(days=3), end=day + timedelta(days=1)),
        "interviews.rounds_between": lambda: s.interviews.rounds_between(start=day, end=day + timedelta(days=7)),
        "interviews.plans.plan": lambda: s.interviews.plans.plan(interview_id=ids["interview"]),
        "interviews.plans.plans": lambda: s.interviews.plans.plans(interview_ids=[ids["interview"]]),
        "interviews.plans.queue": lambda: s.interviews.plans.queue(interview_id=ids["interview"]),
        "interviews.after.questions": lambda: s.interviews.after.questions(interview_id=ids["past"]),
        "interviews.after.thank_you": lambda: s.interviews.after.thank_you(interview_id=ids["past"], your_name="Sam"),
        "interviews.funnel.overall": s.interviews.funnel.overall,
        "interviews.funnel.by": lambda: s.interviews.funnel.by(dimension="source"),
        "interviews.calendar.ics": lambda: s.interviews.calendar.ics(interview_id=ids["interview"]),
    }


# Every other public method of these objects writes (or is a pure helper), and says so here;
# a new method must be put in one list or the other.
WRITES = {
    "applications": {"log_application", "undo_log", "add_application", "update_application", "change_status",
                     "set_reapply_after", "mark_no_reply", "delete_application", "restore_application",
                     "fill_in_quick_log", "change_status_in"},
    "goals": {"set_goals", "set_show_streak"},
    "wins": {"add_win", "delete_win", "record_in"},  # record_in writes inside the caller's transaction
    "mood": {"log_entry", "edit_entry", "delete_entry", "log_in", "edit_in"},
    "practice.deck": {"create_card", "update_card", "archive_card", "delete_card", "new_card", "apply"},
    "practice.schedule": {"set_new_per_day", "review_card", "review_in", "record_mock_answer", "local_day",
                          "days_until"},
    "feedback": {"start_for_application", "record_feedback", "update_feedback", "delete_feedback",
                 "save_request_details", "send_request", "mark_asked", "mark_received", "set_status",
                 "set_your_name"},
    "feedback.actions": {"add_action", "add_actions", "set_action_done", "edit_action", "delete_action",
                         "turn_into_practice", "practice_available"},
    "settings": {"set", "put", "set_theme_mode"},
    "applications.queries": set(),
    "patterns": set(),
    "mood_insights": set(),
    "practice": set(),
    "practice.stats": set(),
    "feedback.queries": set(),
    "interviews": {"schedule_interview", "update_interview", "cancel_interview", "reinstate_interview",
                   "delete_interview", "restore_interview"},
    "interviews.after": {"check_in", "add_question", "delete_question", "question_to_card", "save_thank_you",
                         "thank_you_sent", "set_outcome"},
    "interviews.plans": set(),
    "interviews.funnel": set(),
    "interviews.calendar": {"export_ics"},  # writes a file into exports/, not the database
    "attention": {"register", "dismiss"},
    "reminders": {"register", "send_test", "set_enabled", "set_kind_enabled", "set_time", "set_quiet_hours"},
}


def test_every_read_leaves_the_database_as_it_was(services, db, full):
    statements: list[str] = []

    def sniff(_conn, _cursor, statement, *_args):
        if statement.lstrip().upper().startswith(WRITING):
            statements.append(statement.split("\n")[0][:80])

    event.listen(db.engine, "before_cursor_execute", sniff)
    try:
        for name, read in reads(services, full).items():
            before, commits = changes(db), db.data_version()
            read()
            assert (changes(db), db.data_version(), statements) == (before, commits, []), f"{name} wrote"
    finally:
        event.remove(db.engine, "before_cursor_execute", sniff)


def test_every_public_method_is_a_known_read_or_write(services, full):
    listed = {name.rsplit(".", 1)[0]: set() for name in reads(services, full)}
    for name in reads(services, full):
        owner, method = name.rsplit(".", 1) if "." in name else ("", name)
        listed.setdefault(owner, set()).add(method)
    for owner, writes in WRITES.items():
        obj = services
        for part in owner.split("."):
            obj = getattr(obj, part)
        public = {n for n, v in inspect.getmembers(type(obj)) if not n.startswith("_") and (callable(v) or isinstance(v, property))}
        unknown = public - writes - listed.get(owner, set())
        assert not unknown, f"{owner}: classify {sorted(unknown)} as a read (reads()) or a write (WRITES)"


def test_showing_the_after_rejection_steps_starts_no_record(services, clock):
    app = services.applications.add_application(applied_on=clock.today() - timedelta(days=5), company="Acme",
                                                status="rejected")
    assert services.feedback.for_application(application_id=app.id) is None
    record = services.feedback.start_for_application(application_id=app.id)  # the user's step
    assert services.feedback.for_application(application_id=app.id).id == record.id
    assert record.rejected_on == date(2026, 3, 4) - timedelta(days=5)


def test_a_first_run_reads_nothing_into_being(services, db, clock):
    """Before the start-up step adds the starter deck, counting and listing practice adds nothing."""
    before = changes(db)
    assert services.practice.schedule.due_count() == 0
    assert services.practice.schedule.due_queue() == []
    assert services.practice.stats.summary().new == 0
    assert services.practice.schedule.pick_mock(count=5) == []
    assert [i for i in services.attention.items() if i.route == "/practice"] == []
    assert services.practice.deck.card_count() == 0 and changes(db) == before
