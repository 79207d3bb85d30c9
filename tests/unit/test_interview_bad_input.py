"""Bad input of any kind through every interview method that takes input: only our errors
come out, a refused call writes nothing, every stored value has its column's type.
(The machinery is tests/unit/test_bad_input.py's.)"""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.interview import InterviewUpdate
from tests.unit.test_bad_input import NASTY, SETTINGS, TODAY, call, days, either, fresh, ids, method_of, shape, words

times = st.sampled_from([time(9, 0), time(14, 30), "10:00", "2 pm", "25:00", "noon"])
people = st.lists(st.fixed_dictionaries({"name": words, "role": words}), max_size=3)
durations = st.sampled_from([0, 5, 45, 720, 721, 1440, -3])
later = st.dates(min_value=TODAY - timedelta(days=30), max_value=TODAY + timedelta(days=60))

S = {
    "interviews.schedule_interview": {
        "application_id": ids, "day": later, "at": times, "round": st.sampled_from(["technical", "panel", "chat"]),
        "duration_minutes": durations, "format": st.sampled_from(["video", "phone", "fax"]), "location": words,
        "people": people, "prep_notes": words, "company": words, "past_ok": st.booleans(),
    },
    "interviews.update_interview": {
        "interview_id": ids,
        "changes": shape(InterviewUpdate, {"day": later, "at": st.sampled_from([time(8, 0), time(23, 59)]),
                                           "duration_minutes": durations, "people": people, "after_notes": words,
                                           "round": st.sampled_from(["final", "x"])}),
        "past_ok": st.booleans(),
    },
    "interviews.cancel_interview": {"interview_id": ids},
    "interviews.reinstate_interview": {"interview_id": ids},
    "interviews.delete_interview": {"interview_id": ids},
    "interviews.for_application": {"application_id": ids},
    "interviews.upcoming": {"days": st.integers(-5, 400)},
    "interviews.rounds_between": {"start": days, "end": days},
    "interviews.after.check_in": {"interview_id": ids, "mood": st.integers(0, 6), "feelings": st.lists(words, max_size=3),
                                  "note": words},
    "interviews.after.add_question": {"interview_id": ids, "text": words},
    "interviews.after.delete_question": {"question_id": ids},
    "interviews.after.question_to_card": {"question_id": ids},
    "interviews.after.save_thank_you": {"interview_id": ids, "to": words, "topic": words},
    "interviews.after.thank_you_sent": {"interview_id": ids, "to": words, "topic": words},
    "interviews.after.thank_you": {"interview_id": ids, "your_name": words, "to": words, "topic": words},
    "interviews.after.set_outcome": {"interview_id": ids, "outcome": st.sampled_from(["offer", "rejected", "x"])},
    "interviews.plans.plan": {"interview_id": ids},
    "interviews.plans.queue": {"interview_id": ids},
    "interviews.funnel.by": {"dimension": st.sampled_from(["source", "role", "x"])},
    "interviews.calendar.ics": {"interview_id": ids},
}


def with_interviews():
    services = fresh()
    for app_id, back in ((1, 2), (2, -3), (3, -8)):
        found = services.interviews.schedule_interview(application_id=app_id, day=date(2026, 3, 4) - timedelta(days=back),
                                                       at="10:00", past_ok=True)
        services.interviews.after.add_question(interview_id=found.interview.id, text=f"Question {app_id}")
    return services


@pytest.mark.parametrize("path", sorted(S))
def test_random_mixes_of_plausible_and_wild_values(path):
    services, params = with_interviews(), S[path]
    method = method_of(services, path)

    @settings(SETTINGS, max_examples=25)
    @given(st.fixed_dictionaries({}, optional={k: either(v) for k, v in params.items()}))
    def check(kwargs):
        call(services, method, kwargs)

    check()


@pytest.mark.parametrize("path", sorted(S))
def test_every_nasty_value_in_every_parameter(path):
    services, params = with_interviews(), S[path]
    method = method_of(services, path)

    @settings(SETTINGS, max_examples=1)
    @given(st.fixed_dictionaries(params))
    def sweep(base):
        for name in params:
            for value in NASTY:
                call(services, method, {**base, name: value})

    sweep()
