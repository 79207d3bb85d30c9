"""The prep plan: which cards fit a round, in what order, how many a day, and how a prep
session's ratings go through the normal FSRS review (fixed clock: Wed 4 March 2026, UTC-5)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from services.interviews.prep import DAILY, WARM_UP, Candidate, fit, select_plan

WED, THU, FRI, SAT = (date(2026, 3, d) for d in (4, 5, 6, 7))
END_OF_WED = datetime(2026, 3, 5, 5, 0, tzinfo=UTC)  # midnight at UTC-5


def card(id, category="behavioral", tags=(), due=None, reviewed=True, practised_on=None) -> Candidate:
    return Candidate(id=id, question=f"Q{id}", category=category, tags=tuple(tags),
                     due=due or datetime(2026, 3, 20, tzinfo=UTC), reviewed=reviewed, practised_on=practised_on)


def plan_ids(cards, today=WED, interview_day=SAT, round_key="technical", end=END_OF_WED):
    chosen = select_plan(cards, round_key=round_key, today=today, interview_day=interview_day, end_of_today=end)
    return ([c.id for c in chosen.before], [c.id for c in chosen.today], [c.id for c in chosen.later],
            [c.id for c in chosen.spare])


# ---- which cards fit, and their order ------------------------------------------------------
def test_fit_by_category_tag_round_name_and_feedback():
    assert fit(card(1, "strengths"), "technical") == 1
    assert fit(card(2, "motivation", ["judgement"]), "technical") == 2
    assert fit(card(3, "other", ["technical"]), "technical") == 2
    assert fit(card(4, "other", ["take-home"]), "take_home") == 2
    assert fit(card(5, "company", ["feedback", "examples"]), "technical") == 3
    assert fit(card(6, "motivation"), "technical") == 0
    assert fit(card(7, "motivation"), "recruiter") == 1


def test_feedback_cards_first_then_due_then_the_closer_fit():
    due_now = datetime(2026, 3, 4, 12, tzinfo=UTC)
    cards = [
        card(1, "strengths", due=datetime(2026, 3, 10, tzinfo=UTC)),  # category fit
        card(2, "motivation"),  # doesn't fit: never chosen
        card(3, "other", ["learning"], due=datetime(2026, 3, 9, tzinfo=UTC)),  # tag fit
        card(4, "failure", due=due_now),  # category fit, due today
        card(5, "behavioral", ["feedback"], due=datetime(2026, 4, 1, tzinfo=UTC)),  # from feedback
        card(6, "pressure", reviewed=False, due=datetime(2026, 3, 1, tzinfo=UTC)),  # new: not "due"
    ]
    before, today, later, spare = plan_ids(cards)
    assert before == [] and today == [5, 4, 3]
    # Then the category fits by due date: the new card's date is when it was added (earliest).
    assert later == [6, 1] and spare == []


# ---- how many a day -------------------------------------------------------------------------
def ten():
    return [card(i, "strengths", due=datetime(2026, 3, 10 + i, tzinfo=UTC)) for i in range(1, 11)]


def test_three_a_day_on_the_days_before_so_it_is_done_the_day_before():
    # Saturday's interview: Wednesday, Thursday and Friday hold three each; Saturday a warm-up.
    assert DAILY == 3 and WARM_UP == 2
    cards = ten()
    practised: dict[int, date] = {}
    shares = {}
    for day in (WED, THU, FRI):
        with_progress = [card(c.id, c.category, due=c.due, practised_on=practised.get(c.id)) for c in cards]
        _, today, later, _ = plan_ids(with_progress, today=day)
        shares[day] = (today, len(later))
        for card_id in today:
            practised.setdefault(card_id, day)
    assert shares == {WED: ([1, 2, 3], 6), THU: ([4, 5, 6], 3), FRI: ([7, 8, 9], 0)}
    on_the_day = [card(c.id, c.category, due=c.due, practised_on=practised.get(c.id)) for c in cards]
    before, today, later, _ = plan_ids(on_the_day, today=SAT)
    assert len(before) == 9 and today == [10] and later == []


def test_a_missed_day_shrinks_the_plan_instead_of_piling_up():
    before, today, later, spare = plan_ids(ten(), today=THU)
    assert (today, later) == ([1, 2, 3], [4, 5, 6]) and len(spare) == 4


def test_practising_ahead_brings_the_next_ones_forward():
    cards = [card(c.id, c.category, due=c.due, practised_on=WED if c.id <= 5 else None) for c in ten()]
    _, today, later, _ = plan_ids(cards, today=WED)
    assert today == [1, 2, 3, 4, 5]  # all done today; nothing more asked today
    assert later == [6, 7, 8, 9, 10]


def test_the_day_before_and_the_day_itself():
    assert plan_ids(ten(), today=FRI)[1:3] == ([1, 2, 3], [])
    assert plan_ids(ten(), today=SAT)[1:3] == ([1, 2], [])


# ---- through the service, on a real deck -------------------------------------------------------
@pytest.fixture
def deck(services, clock):
    """A small deck for a technical round (no starter questions, so the expectation is by hand)."""
    make = services.practice.deck.create_card
    ids = {
        "category": make(question="Tell me about a bug you chased for days", category="failure").id,
        "tag": make(question="Which design of yours would you change now?", category="other", tags=["technical"]).id,
        "unrelated": make(question="Why do you want to work here?", category="motivation").id,
        "new": make(question="What are you strongest at?", category="strengths").id,
    }
    rejected = services.applications.add_application(applied_on=date(2026, 1, 5), company="Initech", status="rejected")
    record = services.feedback.start_for_application(application_id=rejected.id)
    [ids["feedback"]] = services.feedback.actions.turn_into_practice(
        feedback_id=record.id, questions=["Give an example with numbers"])
    # Practised three days ago: FSRS's first Good is two days, so it is due yesterday.
    ids["due"] = make(question="A time you worked under real pressure", category="pressure").id
    clock.advance(days=-3)
    services.practice.schedule.review_card(card_id=ids["due"], rating=3)
    clock.advance(days=3)
    return ids


@pytest.fixture
def technical(services, deck):
    app = services.applications.add_application(applied_on=date(2026, 2, 20), company="Acme")
    return services.interviews.schedule_interview(application_id=app.id, day=SAT, at="14:00", round="technical").interview


def test_the_plan_for_a_technical_round(services, deck, technical):
    plan = services.interviews.plans.plan(interview_id=technical.id)
    assert (plan.days_left, plan.daily, plan.practised, plan.total) == (3, 3, 0, 5)
    assert [c.id for c in plan.today] == [deck["feedback"], deck["due"], deck["tag"]]
    assert [(c.from_feedback, c.due) for c in plan.today] == [(True, False), (False, True), (False, False)]
    assert services.interviews.plans.queue(interview_id=technical.id) == plan.to_do


def test_practising_two_cards_counts_for_the_plan_through_the_normal_review(services, deck, technical, clock):
    queue = services.interviews.plans.queue(interview_id=technical.id)
    for card_id in queue[:2]:
        services.practice.schedule.review_card(card_id=card_id, rating=3)
    plan = services.interviews.plans.plan(interview_id=technical.id)
    assert (plan.done_today, plan.to_do, plan.practised) == (2, [deck["tag"]], 2)
    reviews = services.practice.schedule.reviews_of(card_id=deck["feedback"])
    assert [(r.rating, r.mode) for r in reviews] == [(3, "practice")]
    # Thursday: two days left; what's left of the plan is today's share.
    clock.advance(days=1)
    plan = services.interviews.plans.plan(interview_id=technical.id)
    assert (plan.days_left, plan.practised, plan.total) == (2, 2, 5)
    assert plan.to_do == [deck["tag"], deck["category"], deck["new"]]
    # After the interview has begun there is no plan.
    clock.set(datetime(2026, 3, 7, 14, 0, tzinfo=clock.now().tzinfo))
    assert services.interviews.plans.plan(interview_id=technical.id) is None
    assert services.interviews.plans.queue(interview_id=technical.id) == []


def test_when_today_is_done_the_session_offers_the_next_few(services, deck, technical):
    for card_id in services.interviews.plans.queue(interview_id=technical.id):
        services.practice.schedule.review_card(card_id=card_id, rating=3)
    assert services.interviews.plans.plan(interview_id=technical.id).to_do == []
    assert services.interviews.plans.queue(interview_id=technical.id) == [deck["category"], deck["new"]]


def test_an_early_review_in_a_prep_session_is_an_ordinary_fsrs_review(services, clock):
    """Decision: a card that isn't due yet is reviewed like any other. FSRS's own rules then
    hold (checked here against a twin card reviewed on time): an early Good grows stability
    less than an on-time Good and moves the due date on from today; Again brings it back
    within days; a second Good the same day leaves the due date where it was."""
    schedule = services.practice.schedule

    def utc(moment: datetime) -> datetime:  # SQLite hands back naive UTC
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment

    early, on_time, again = (services.practice.deck.create_card(question=f"Q{i}").id for i in range(3))
    for card_id in (early, on_time, again):
        schedule.review_card(card_id=card_id, rating=3)
    first = utc(schedule.reviews_of(card_id=early)[0].reviewed_at)
    old_due = utc(services.practice.deck.get_card(card_id=early).due)
    assert old_due - first == timedelta(days=2)

    clock.advance(days=1)  # a day early
    reviewed = clock.now().astimezone(UTC)
    after_early = schedule.review_card(card_id=early, rating=3)
    after_again = schedule.review_card(card_id=again, rating=1)
    assert utc(after_early.due) > old_due, "an early Good never pulls the due date in"
    assert timedelta(days=1) <= utc(after_again.due) - reviewed <= timedelta(days=3)
    same_day = schedule.review_card(card_id=early, rating=3)
    assert utc(same_day.due) == utc(after_early.due)

    clock.advance(days=1)  # the twin, on its due day
    after_on_time = schedule.review_card(card_id=on_time, rating=3)
    assert after_early.stability < after_on_time.stability


def test_plans_read_together_keep_each_rounds_own_start(services, deck, technical, clock):
    """Today reads up to three plans from one read of the deck; each still counts only what
    was practised since its own round was scheduled. Wednesday: two questions for the
    technical round, the feedback one among them. Thursday: a panel round is scheduled, for
    which only the feedback question fits, so it is the panel's whole plan, still to do."""
    queue = services.interviews.plans.queue(interview_id=technical.id)
    assert queue[:2] == [deck["feedback"], deck["due"]]
    for card_id in queue[:2]:
        services.practice.schedule.review_card(card_id=card_id, rating=3)
    clock.advance(days=1)
    other = services.applications.add_application(applied_on=date(2026, 2, 25), company="Globex")
    panel = services.interviews.schedule_interview(
        application_id=other.id, day=date(2026, 3, 9), at="10:00", round="panel").interview
    plans = services.interviews.plans.plans(interview_ids=[technical.id, panel.id])
    assert (plans[technical.id].practised, plans[technical.id].total) == (2, 5)
    assert (plans[panel.id].practised, plans[panel.id].total, plans[panel.id].to_do) == (0, 1, [deck["feedback"]])
    assert plans[panel.id] == services.interviews.plans.plan(interview_id=panel.id)
    assert plans[technical.id] == services.interviews.plans.plan(interview_id=technical.id)
