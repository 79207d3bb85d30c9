"""The stage funnel, counted by hand on ten applications (fixed clock: Wed 4 March 2026, UTC-5).

    app  source     role      what happened                                  furthest      ended?
    A1   Referral   Analyst   applied, nothing yet                           applied       no
    A2   Referral   Analyst   heard back, then a no                          heard back    yes
    A3   Job board  Analyst   one round held, then a no                      round 1       yes
    A4   Job board  Engineer  two rounds held, then a no                     round 2       yes
    A5   Job board  engineer  two rounds held, then a no                     round 2       yes
    A6   Referral   Engineer  two rounds held, then an offer                 offer         no
    A7   Job board  Analyst   moved to Interview with no rounds on record     round 1       no
    A8   Referral   Analyst   a no straight after applying                   applied       yes
    A9   Job board  Engineer  a round booked for next week                   heard back    no
    A10  Job board  Engineer  its only round was cancelled                   heard back    no
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from services.errors import ValidationError
from services.interviews.funnel import MIN_GROUP

WED = date(2026, 3, 4)


def build(services):
    apps = services.applications
    made = {}

    def app(name, source, role):
        made[name] = apps.add_application(applied_on=WED - timedelta(days=60), company=name, source=source, role=role).id
        return made[name]

    def held(app_id, *days_ago):
        for back in days_ago:
            services.interviews.schedule_interview(application_id=app_id, day=WED - timedelta(days=back), at="10:00",
                                                   past_ok=True)

    app("A1", "Referral", "Analyst")
    apps.change_status(application_id=app("A2", "Referral", "Analyst"), status="heard_back", on=WED - timedelta(days=50))
    apps.change_status(application_id=made["A2"], status="rejected", on=WED - timedelta(days=40))
    held(app("A3", "Job board", "Analyst"), 30)
    apps.change_status(application_id=made["A3"], status="rejected", on=WED - timedelta(days=20))
    for name, role in (("A4", "Engineer"), ("A5", " engineer ")):
        held(app(name, "Job board", role), 30, 20)
        apps.change_status(application_id=made[name], status="rejected", on=WED - timedelta(days=10))
    held(app("A6", "Referral", "Engineer"), 30, 20)
    apps.change_status(application_id=made["A6"], status="offer", on=WED - timedelta(days=5))
    apps.change_status(application_id=app("A7", "Job board", "Analyst"), status="interview", on=WED - timedelta(days=5))
    apps.change_status(application_id=app("A8", "Referral", "Analyst"), status="rejected", on=WED - timedelta(days=55))
    services.interviews.schedule_interview(application_id=app("A9", "Job board", "Engineer"),
                                           day=WED + timedelta(days=6), at="10:00")
    services.interviews.schedule_interview(application_id=app("A10", "Job board", "Engineer"),
                                           day=WED - timedelta(days=3), at="10:00", past_ok=True)
    cancelled = services.interviews.for_application(application_id=made["A10"])[0]
    services.interviews.cancel_interview(interview_id=cancelled.id)
    return made


def counts(funnel) -> dict[str, int]:
    return {s.label: s.count for s in funnel.stages}


def test_overall_counts(services):
    build(services)
    funnel = services.interviews.funnel.overall()
    assert counts(funnel) == {"Applied": 10, "Heard back": 8, "Round 1": 5, "Round 2": 3, "Offer": 1}
    assert funnel.endings == {"applied": 1, "heard_back": 1, "round_1": 1, "round_2": 2}


def test_where_processes_most_often_end_is_said_gently(services):
    build(services)
    funnel = services.interviews.funnel.overall()
    assert funnel.common_ending == (2, 2, 3)
    assert funnel.note == (
        "Of the 3 processes that ended after an interview, 2 ended after the second round. That's a pattern "
        "worth a gentle look, not a verdict: notes from those rounds, or feedback if you asked, may show what "
        "to practise."
    )


def test_too_few_endings_say_nothing(services):
    apps = services.applications
    app = apps.add_application(applied_on=WED - timedelta(days=30), company="Acme")
    services.interviews.schedule_interview(application_id=app.id, day=WED - timedelta(days=9), at="10:00", past_ok=True)
    apps.change_status(application_id=app.id, status="rejected", on=WED - timedelta(days=2))
    funnel = services.interviews.funnel.overall()
    assert funnel.endings == {"round_1": 1} and funnel.common_ending is None and funnel.note is None


def test_by_source_and_by_role(services):
    build(services)
    by_source = {f.group: counts(f) for f in services.interviews.funnel.by(dimension="source")}
    assert by_source == {
        "Job board": {"Applied": 6, "Heard back": 6, "Round 1": 4, "Round 2": 2, "Offer": 0},
        "Referral": {"Applied": 4, "Heard back": 2, "Round 1": 1, "Round 2": 1, "Offer": 1},
    }
    by_role = {f.group: counts(f) for f in services.interviews.funnel.by(dimension="role")}
    assert by_role == {  # "Engineer" and " engineer " are one role
        "Analyst": {"Applied": 5, "Heard back": 3, "Round 1": 2, "Offer": 0},
        "Engineer": {"Applied": 5, "Heard back": 5, "Round 1": 3, "Round 2": 3, "Offer": 1},
    }
    referral = next(f for f in services.interviews.funnel.by(dimension="source") if f.group == "Referral")
    assert referral.too_small and MIN_GROUP == 5


def test_the_fourth_round_and_later_count_together(services):
    app = services.applications.add_application(applied_on=WED - timedelta(days=60), company="Acme")
    for back in (50, 40, 30, 20, 10):
        services.interviews.schedule_interview(application_id=app.id, day=WED - timedelta(days=back), at="10:00",
                                               past_ok=True)
    assert [s.label for s in services.interviews.funnel.overall().stages] == [
        "Applied", "Heard back", "Round 1", "Round 2", "Round 3", "Round 4 or later", "Offer"]


def test_an_unknown_grouping_is_refused(services):
    with pytest.raises(ValidationError):
        services.interviews.funnel.by(dimension="colour")
