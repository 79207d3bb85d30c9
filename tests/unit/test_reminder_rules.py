"""Every reminder rule, a pure function of the data and a day, on data built through the real services.

Fixed clock (UTC-5). Data is entered with the clock on the day it happens; the rules
are then asked about any day. Includes the three cases issue 17 found broken:
the apply nudge on the day of a rejection, the self-care note lost when rejections
fall on consecutive days, and a reapply date lost behind five older ones.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from services.container import AppServices
from services.practice.signals import PracticeSignals
from services.practice.starter import SEEDED_KEY
from tests.conftest import LOCAL_TZ

TUE, WED, THU, FRI, SAT = (date(2026, 3, d) for d in (3, 4, 5, 6, 7))


def on(clock, day: date, hour: int = 12) -> None:
    clock.set(datetime(day.year, day.month, day.day, hour, 0, tzinfo=LOCAL_TZ))


def bodies(services, kind: str, day: date) -> list[str]:
    return [r.body for r in services.reminders.rule(kind).decide(day)]


def reject(services, clock, day: date, company: str = "Acme") -> int:
    on(clock, day)
    app = services.applications.add_application(applied_on=day - timedelta(days=12), company=company)
    services.applications.change_status(application_id=app.id, status="rejected", on=day)
    return app.id


def test_each_feature_registers_its_own_rules(services):
    kinds = {r.kind: r for r in services.reminders.rules}
    assert set(kinds) == {"apply", "selfcare", "reapply", "mood", "practice", "feedback", "interview-evening",
                          "interview-hour"}
    assert {k for k, r in kinds.items() if r.once_each} == {"reapply", "feedback"}


# ---- apply and self-care -----------------------------------------------------------------


def test_apply_nudge_counts_down_and_stops_once_the_goal_is_met(services, clock):
    services.goals.set_goals(daily_target=2, weekly_target=10, rest_weekdays=[5, 6])
    on(clock, WED)
    assert bodies(services, "apply", WED) == [
        "There's still time for 2 more applications today, if you have it in you. Small steps count."
    ]
    services.applications.log_application(count=1)
    assert "one more application today" in bodies(services, "apply", WED)[0]
    services.applications.log_application(count=2)  # past the goal
    assert bodies(services, "apply", WED) == []
    assert bodies(services, "apply", THU), "tomorrow starts again from nothing"


def test_apply_nudge_never_on_a_rest_day(services, clock):
    services.goals.set_goals(daily_target=1, weekly_target=5, rest_weekdays=[2, 5, 6])  # Wednesday off too
    assert bodies(services, "apply", SAT) == []
    assert bodies(services, "apply", WED) == []
    assert bodies(services, "apply", THU)


def test_no_apply_nudge_on_the_day_of_a_rejection_nor_the_day_after(services, clock):
    """Issue 17, case 1: the nudge used to come on the day the rejection was logged."""
    reject(services, clock, WED)
    assert bodies(services, "apply", WED) == []
    assert bodies(services, "apply", THU) == []
    assert bodies(services, "apply", FRI), "two days later, back to the usual"
    assert "Today brought a no" in bodies(services, "selfcare", WED)[0]
    assert "Yesterday brought a no" in bodies(services, "selfcare", THU)[0]
    assert bodies(services, "selfcare", FRI) == []
    assert bodies(services, "selfcare", TUE) == [], "nothing before it happened"


def test_rejections_on_consecutive_days_keep_the_self_care_note(services, clock):
    """Issue 17, case 2: with a second rejection the next day, the self-care note was dropped."""
    reject(services, clock, TUE, company="Acme")
    reject(services, clock, WED, company="Globex")
    for day in (TUE, WED):
        assert "Today brought a no" in bodies(services, "selfcare", day)[0]
    assert "Yesterday brought a no" in bodies(services, "selfcare", THU)[0]
    assert [bodies(services, "apply", d) == [] for d in (TUE, WED, THU, FRI)] == [True, True, True, False]


def test_a_corrected_rejection_is_no_rejection(services, clock):
    app_id = reject(services, clock, WED)
    services.applications.change_status(application_id=app_id, status="interview", on=WED)
    assert bodies(services, "selfcare", WED) == []
    assert bodies(services, "apply", WED)


# ---- mood, practice, feedback ------------------------------------------------------------------


def test_mood_check_in_only_on_days_with_nothing_logged(services, clock):
    on(clock, TUE)
    services.mood.log_entry(mood=2)
    on(clock, WED)
    assert bodies(services, "mood", WED) == ["A five-second check-in helps you see your own pattern."]
    services.mood.log_entry(mood=4)
    assert bodies(services, "mood", WED) == []
    assert bodies(services, "mood", TUE) == []
    assert bodies(services, "mood", THU)


@pytest.fixture
def deck(services):
    services.settings.set(SEEDED_KEY, True)  # an empty deck: only the cards a test adds
    return services.practice


def test_practice_due_today_matches_the_practice_screen(services, clock, deck):
    signals = next(p for p in services.signals if isinstance(p, PracticeSignals))
    ids = [deck.deck.create_card(question=f"Question {i}?").id for i in range(13)]
    assert signals.cards_due_on(WED) == deck.schedule.due_count() == 10  # ten new a day
    for card_id in ids[:3]:
        deck.schedule.review_card(card_id=card_id, rating=3)
    assert signals.cards_due_on(WED) == deck.schedule.due_count() == 7
    assert bodies(services, "practice", WED) == [
        "7 practice questions are ready whenever you are. A few minutes out loud is plenty."
    ]


def test_practice_on_a_later_day_counts_what_comes_due_by_then(services, clock, deck):
    signals = next(p for p in services.signals if isinstance(p, PracticeSignals))
    card = deck.deck.create_card(question="Tell me about a conflict?")
    deck.schedule.review_card(card_id=card.id, rating=3)
    due_day = deck.schedule.local_day(deck.deck.get_card(card_id=card.id).due)
    assert due_day > WED
    assert signals.cards_due_on(due_day - timedelta(days=1)) == 0
    assert signals.cards_due_on(due_day) == 1
    assert bodies(services, "practice", due_day) == [
        "1 practice question is ready whenever you are. A few minutes out loud is plenty."
    ]


def test_feedback_follow_up_on_the_day_the_week_is_up_once_per_request(services, clock):
    on(clock, WED)
    first = services.feedback.record_feedback(company="Globex")
    second = services.feedback.record_feedback(role="Analyst")
    answered = services.feedback.record_feedback(company="Initech")
    for record in (first, second, answered):
        services.feedback.mark_asked(feedback_id=record.id, on=WED)
    services.feedback.mark_received(feedback_id=answered.id, what_they_said="Thanks for asking.")
    rule = services.reminders.rule("feedback")
    week = WED + timedelta(days=7)
    assert rule.decide(week - timedelta(days=1)) == []
    due = rule.decide(week)
    assert sorted(r.about for r in due) == sorted([first.id, second.id])
    assert "A week since you asked Globex for feedback." in next(r.body for r in due if r.about == first.id)
    assert "Analyst" in next(r.body for r in due if r.about == second.id)
    assert rule.decide(week + timedelta(days=1)) == [], "only on that day: once per request"


# ---- reapply dates -----------------------------------------------------------------------------


def test_a_reapply_date_arriving_behind_six_older_ones_still_reminds(services, clock):
    """Issue 17, case 3: with five older reapply dates, a new one was never reminded."""
    on(clock, WED)
    for n in range(6):
        old = services.applications.add_application(applied_on=WED - timedelta(days=200), company=f"Old {n}")
        services.applications.set_reapply_after(application_id=old.id, on=WED - timedelta(days=30 + n))
    new = services.applications.add_application(applied_on=WED - timedelta(days=100), company="Initech")
    services.applications.set_reapply_after(application_id=new.id, on=THU)
    assert services.reminders.rule("reapply").decide(WED) == []
    [arrived] = services.reminders.rule("reapply").decide(THU)
    assert arrived.about == new.id and "Initech" in arrived.body
    on(clock, THU)
    today = [i.title for i in services.attention.items() if i.kind == "reapply"]
    assert today == ["You can apply to Initech again"], "old dates expire from Today after two weeks"


def test_every_reapply_date_on_the_same_day_reminds(services, clock):
    on(clock, WED)
    ids = []
    for n in range(7):
        app = services.applications.add_application(applied_on=WED - timedelta(days=100), company=f"Co {n}")
        services.applications.set_reapply_after(application_id=app.id, on=THU)
        ids.append(app.id)
    assert sorted(r.about for r in services.reminders.rule("reapply").decide(THU)) == ids
    on(clock, THU)
    assert len([i for i in services.attention.items() if i.kind == "reapply"]) == 5, "Today shows five at most"


def test_reapply_dates_on_today_expire_and_can_be_dismissed_for_good(db, services, clock):
    on(clock, WED)
    app = services.applications.add_application(applied_on=WED - timedelta(days=100), company="Acme")
    services.applications.set_reapply_after(application_id=app.id, on=WED)
    later = services.applications.add_application(applied_on=WED - timedelta(days=100), company="Globex")
    services.applications.set_reapply_after(application_id=later.id, on=WED)
    shown = {i.about: i for i in services.attention.items(WED) if i.kind == "reapply"}
    assert set(shown) == {app.id, later.id}
    assert {i.about for i in services.attention.items(WED + timedelta(days=14)) if i.kind == "reapply"} == {
        app.id,
        later.id,
    }
    assert not [i for i in services.attention.items(WED + timedelta(days=15)) if i.kind == "reapply"]
    services.attention.dismiss(shown[app.id])
    services.attention.dismiss(shown[app.id])  # twice is harmless
    restarted = AppServices(db, clock)
    assert [i.about for i in restarted.attention.items(WED) if i.kind == "reapply"] == [later.id]


@pytest.mark.parametrize("company", ["", "  ", "😀 Émoji Café", "شركة", "'); DROP TABLE application;--", "x" * 200])
def test_odd_company_names_never_break_a_reminder(services, clock, company):
    on(clock, WED)
    app = services.applications.add_application(applied_on=WED - timedelta(days=10), company=company or None)
    services.applications.set_reapply_after(application_id=app.id, on=WED)
    [reminder] = services.reminders.rule("reapply").decide(WED)
    expected = company.strip() or "a company you applied to"
    assert reminder.body == f"Your wait for {expected} is over. Have a look for a role there that fits you."


def test_no_apply_nudge_on_the_day_a_no_arrives(services, clock):
    on(clock, WED, hour=15)
    app = services.applications.add_application(applied_on=WED - timedelta(days=20), company="Acme")
    assert services.reminders.rule("apply").decide(WED)  # goal not met: a nudge
    services.applications.change_status(application_id=app.id, status="rejected")
    on(clock, WED, hour=21)
    assert services.reminders.rule("apply").decide(WED) == []
