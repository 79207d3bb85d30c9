"""A heavy but realistic user: ten years of job searching, generated deterministically.

    uv run python -m bench.dataset --data-dir /tmp/heavy [--scale 1.0] [--seed 7] [--today 2026-11-26]

At scale 1.0: 20,000 applications with their status histories, automatic and
own wins and goal plans; 4,000 mood entries with feelings and activities;
600 practice cards with 50,000 reviews; 2,000 feedback records with action
items; interview rounds, about one per five responses, a couple of them coming
up in the days after "today" (with questions asked and thank-you notes). Each part is written only if its feature
exists in the code base.

The rows are the ones the app itself writes: small volumes go through the
services with a FixedClock moved through time; large volumes are replayed in
one transaction through the same models, with the same derived fields the
services set (see each `_write_*` function for the service method it mirrors).
The same seed, scale, day and time zone always give the same database.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time as clock_time
import uuid
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path

from sqlalchemy import insert, text

from services.clock import FixedClock
from services.storage.db import DB_FILE_NAME, Database, open_database

YEARS = 10
FULL = {"applications": 20_000, "mood": 4_000, "feedback": 2_000, "cards": 600, "reviews": 50_000}

# ---------------------------------------------------------------- vocabulary
_COMPANY_A = "North Blue Bright Quiet Iron Silver Cedar Harbor Summit Maple River Stone Lumen Vector Atlas Nimbus Orbit Pine Coral Delta".split()
_COMPANY_B = "Analytics Labs Systems Health Logistics Studio Works Bank Energy Foods Robotics Media Networks Capital Insurance Games Cloud Retail Bio Motors".split()
_ROLES = (
    "Data Analyst", "Senior Data Analyst", "Business Analyst", "Product Analyst", "Data Scientist",
    "Analytics Engineer", "BI Developer", "Operations Analyst", "Reporting Specialist", "Research Analyst",
    "Product Manager", "Project Coordinator", "Data Engineer", "Marketing Analyst", "Financial Analyst",
)
_INDUSTRIES = ("Tech", "Finance", "Healthcare", "Retail", "Logistics", "Public sector", "Education", "Energy", "Media", "Manufacturing")
_NOTE_BITS = (
    "Recruiter was friendly; mentioned a take-home task.",
    "Hybrid, two days a week in the office.",
    "Salary range not listed; ask at first call.",
    "Found via a former colleague's post.",
    "The listing asks for SQL, Python and dashboards.",
    "Applied through the portal; cover letter tailored.",
    "Team is small and growing; sounds hands-on.",
    "They want someone who can start next month.",
)
_OWN_FEELINGS = ("bruised", "restless hope", "flat", "fired up", "unseen")
_OWN_ACTIVITIES = ("baking", "guitar", "called mum", "swimming")
_QUESTION_STEMS = (
    "Tell me about a time you {x}.", "How did you handle a situation where you {x}?",
    "Describe a project where you {x}.", "What did you learn when you {x}?",
)
_QUESTION_XS = (
    "missed a deadline", "disagreed with your manager", "led without authority", "had to learn fast",
    "changed someone's mind", "made a mistake with data", "juggled competing priorities", "turned feedback into action",
    "simplified a complex problem", "worked with a difficult stakeholder", "improved a process", "failed at first",
)
_TAGS = ("star", "leadership", "conflict", "data", "stakeholders", "growth", "deadline", "teamwork")


@dataclass
class Ctx:
    rng: random.Random
    today: date
    tz: tzinfo
    start: date
    spells: list[tuple[date, date]]  # job-search periods, oldest first
    counts: dict[str, int]
    written: dict[str, int] = field(default_factory=dict)
    rejections: list[tuple[date, int]] = field(default_factory=list)  # (day, application id), for mood

    def at(self, day: date, lo: int = 8, hi: int = 22) -> datetime:
        """An aware local moment on `day`, as clock.now() would give."""
        seconds = self.rng.randrange(lo * 3600, hi * 3600)
        return datetime.combine(day, time(seconds // 3600, seconds // 60 % 60, seconds % 60), tzinfo=self.tz)

    def clock_at(self, moment: datetime) -> FixedClock:
        return FixedClock(moment)

    def search_days(self, weekend_weight: float = 0.25) -> tuple[list[date], list[float]]:
        days, weights = [], []
        for first, last in self.spells:
            d = first
            while d <= last:
                days.append(d)
                weights.append(weekend_weight if d.weekday() >= 5 else 1.0)
                d += timedelta(days=1)
        return days, weights


def _spells(rng: random.Random, start: date, today: date) -> list[tuple[date, date]]:
    """Alternating searching and working periods; the last search runs up to today."""
    spells: list[tuple[date, date]] = []
    end = today
    while True:
        length = rng.randint(90, 300)
        first = max(start, end - timedelta(days=length))
        spells.append((first, end))
        end = first - timedelta(days=rng.randint(120, 420))
        if end <= start:
            break
    return spells[::-1]


# ---------------------------------------------------------------- applications
def _write_applications(db: Database, ctx: Ctx) -> None:
    """Mirrors ApplicationService.log_application / add_application / change_status /
    mark_no_reply (status_change rows, status/status_on, reapply_after, automatic wins,
    closing waiting periods), GoalService.set_goals and WinService.add_win."""
    from models.application import COMPANY_SIZES, SOURCES, Application, StatusChange, Win
    from services.applications.rules import reapply_date
    from services.applications.service import AUTO_WIN_TITLES

    rng = ctx.rng
    n = ctx.counts["applications"]
    days, weights = ctx.search_days()
    applied = sorted(rng.choices(days, weights, k=n))
    companies = [f"{a} {b}" for a in _COMPANY_A for b in _COMPANY_B]
    # A few hundred companies come back again and again (reapplying after a "no").
    favourites = rng.sample(companies, 150)

    class App:
        __slots__ = ("row", "plan", "wins")

    apps: list[App] = []
    events: list[tuple[date, int, int, int, str]] = []  # (day, order, seq, app index, status)
    seq = 0
    for i, day in enumerate(applied):
        a = App()
        quick = rng.random() < 0.2  # logged with "+1" and never filled in
        now = ctx.at(day)
        if quick:
            row = dict(company=None, role=None, source=rng.choice((None, None, "Job board")), industry=None,
                       company_size=None, link=None, notes=None)
        else:
            company = rng.choice(favourites) if rng.random() < 0.3 else rng.choice(companies)
            role = rng.choice(_ROLES)
            row = dict(
                company=company, role=role, source=rng.choice(SOURCES), industry=rng.choice(_INDUSTRIES),
                company_size=rng.choice(COMPANY_SIZES) if rng.random() < 0.7 else None,
                link=f"https://jobs.example.com/{company.lower().replace(' ', '-')}/{i}" if rng.random() < 0.4 else None,
                notes=" ".join(rng.sample(_NOTE_BITS, rng.randint(1, 3))) if rng.random() < 0.25 else None,
            )
        row.update(id=i + 1, applied_on=day, status="applied", status_on=day, reapply_after=None,
                   created_at=now, updated_at=now)
        a.row, a.wins = row, set()
        a.plan = [] if quick else _outcome(rng, day)
        apps.append(a)
        events.append((day, 0, seq, i, "add" if not quick else "quick"))
        seq += 1
        for on, status in a.plan:
            if on <= ctx.today:
                events.append((on, 1, seq, i, status))
                seq += 1
    # Every couple of months the user clears old silent applications ("mark as no reply").
    for first, last in ctx.spells:
        d = first + timedelta(days=rng.randint(45, 75))
        while d <= min(last, ctx.today - timedelta(days=1)):
            events.append((d, 2, seq, -1, "no_reply_sweep"))
            seq += 1
            d += timedelta(days=rng.randint(45, 75))
    events.sort()

    changes: list[dict] = []
    wins: list[dict] = []
    waiting: dict[str, list[int]] = {}  # casefolded company -> app indexes with reapply_after set
    still_applied: set[int] = set()

    def record(i: int, status: str, on: date, now: datetime) -> None:  # ApplicationService._record_status
        a = apps[i]
        row = a.row
        changes.append(dict(application_id=row["id"], status=status, changed_on=on, created_at=now))
        if status == "rejected" and row["reapply_after"] is None:
            row["reapply_after"] = reapply_date(on)
            if row["company"]:
                waiting.setdefault(row["company"].casefold(), []).append(i)
        elif status in ("heard_back", "interview", "offer") and row["status"] == "rejected":
            row["reapply_after"] = None
        if status in AUTO_WIN_TITLES and status not in a.wins:
            a.wins.add(status)
            company = row["company"]
            who = f" from {company}" if company and status == "heard_back" else (f" with {company}" if company else "")
            wins.append(dict(won_on=on, title=AUTO_WIN_TITLES[status] + who, kind=status,
                             application_id=row["id"], created_at=now))
        row["status"], row["status_on"] = status, on
        if status == "applied":
            still_applied.add(i)
        else:
            still_applied.discard(i)

    for day, _order, _seq, i, what in events:
        now = ctx.at(day)
        if what in ("add", "quick"):
            still_applied.add(i)
            row = apps[i].row
            if what == "add" and row["company"]:  # add_application -> _close_waiting_periods
                name = row["company"].casefold()
                keep = []
                for j in waiting.get(name, []):
                    other = apps[j].row
                    if other["reapply_after"] is not None and other["reapply_after"] <= day:
                        other["reapply_after"] = None
                    elif other["reapply_after"] is not None:
                        keep.append(j)
                waiting[name] = keep
        elif what == "no_reply_sweep":  # mark_no_reply(before=day - 30): updated_at untouched
            before = day - timedelta(days=30)
            for j in sorted(still_applied, key=lambda k: apps[k].row["id"]):
                if apps[j].row["applied_on"] <= before:
                    record(j, "no_reply", day, now)
        else:  # change_status
            if apps[i].row["status"] != what:
                record(i, what, day, now)
                apps[i].row["updated_at"] = now

    with db.session() as s:
        s.execute(insert(Application), [a.row for a in apps])
        s.execute(insert(StatusChange), changes)
        own_wins = _own_wins(ctx)
        all_wins = sorted(wins + own_wins, key=lambda w: (w["created_at"], w["title"]))
        s.execute(insert(Win), all_wins)
        s.commit()
    ctx.rejections = sorted((c["changed_on"], c["application_id"]) for c in changes if c["status"] == "rejected")
    ctx.written.update(applications=len(apps), status_changes=len(changes), wins=len(all_wins))
    _write_goals(db, ctx)


def _outcome(rng: random.Random, day: date) -> list[tuple[date, str]]:
    """What happened after applying: (day, status) steps, in order."""
    r = rng.random()
    d = day
    plan: list[tuple[date, str]] = []

    def step(lo: int, hi: int, status: str) -> None:
        nonlocal d
        d = d + timedelta(days=rng.randint(lo, hi))
        plan.append((d, status))

    if r < 0.45:
        return plan  # silence
    if r < 0.75:
        step(3, 40, "rejected")
    elif r < 0.78:
        step(5, 30, "withdrawn")
    else:
        step(2, 20, "heard_back")
        if rng.random() < 0.7:
            step(3, 14, "interview")
            end = rng.random()
            if end < 0.15:
                step(5, 20, "offer")
            elif end < 0.8:
                step(3, 21, "rejected")
            elif end < 0.9:
                step(2, 10, "withdrawn")
        else:
            step(3, 21, "rejected")
        if plan[-1][1] == "rejected" and rng.random() < 0.05:
            step(1, 10, "interview")  # "the no was a mistake": reapply date cleared
    return plan


def _own_wins(ctx: Ctx) -> list[dict]:
    """WinService.add_win rows, a couple a month while searching."""
    from services.applications.wins import WIN_IDEAS

    days, weights = ctx.search_days()
    out = []
    for day in sorted(ctx.rng.choices(days, weights, k=max(1, ctx.counts["applications"] // 100))):
        out.append(dict(won_on=day, title=ctx.rng.choice(WIN_IDEAS), kind="manual", application_id=None,
                        created_at=ctx.at(day)))
    return out


def _write_goals(db: Database, ctx: Ctx) -> None:
    """GoalService.set_goals at the start of each search spell (a handful of calls)."""
    try:
        from services.applications.goals import GoalService
        from services.settings import SettingsService
    except ImportError:
        return
    clock = FixedClock(ctx.at(ctx.spells[0][0]))
    goals = GoalService(db.session, clock, SettingsService(db.session, clock))
    for first, _last in ctx.spells:
        clock.set(ctx.at(first))
        daily = ctx.rng.choice((2, 3, 4, 5))
        goals.set_goals(daily_target=daily, weekly_target=daily * 5, rest_weekdays=ctx.rng.choice(((5, 6), (6,), ())))
    ctx.written["goal_plans"] = len(ctx.spells)


# ---------------------------------------------------------------- mood
def _write_mood(db: Database, ctx: Ctx) -> None:
    """Mirrors MoodService.log_entry: entry, its feeling/activity rows, and the user's
    own words remembered in mood_word the first time they are used."""
    from models.mood import MoodEntry, MoodEntryActivity, MoodEntryFeeling, MoodWord
    from services.mood.words import (
        ACTIVITY,
        BUILTIN_ACTIVITIES,
        BUILTIN_FEELINGS,
        FEELING,
        FEELING_GROUPS,
        normalize_word,
    )

    rng = ctx.rng
    n = ctx.counts["mood"]
    groups = {g.key: g.words for g in FEELING_GROUPS}
    days, weights = ctx.search_days(weekend_weight=0.6)
    # Mostly while searching, some in between.
    every = [ctx.start + timedelta(days=i) for i in range((ctx.today - ctx.start).days + 1)]
    picked = [rng.choice(every) if rng.random() < 0.1 else rng.choices(days, weights)[0] for _ in range(n)]
    moments = sorted(ctx.at(d, 7, 23) for d in picked)
    rej_days = [d for d, _ in ctx.rejections]
    entries, feelings, activities, words = [], [], [], []
    own_seen: set[tuple[str, str]] = set()
    for i, now in enumerate(moments):
        day = now.date()
        k = bisect_left(rej_days, day - timedelta(days=3))
        recent = [ctx.rejections[j] for j in range(k, bisect_left(rej_days, day + timedelta(days=1)))]
        acts = rng.sample(BUILTIN_ACTIVITIES, rng.choice((0, 0, 1, 1, 2, 3)))
        if rng.random() < 0.03:
            acts.append(rng.choice(_OWN_ACTIVITIES))
        lift = 0.4 * sum(a in ("walk", "exercise", "talked to a friend", "time outside", "good sleep") for a in acts)
        mood = round(3.1 + lift - (1.2 if recent else 0) + rng.gauss(0, 0.9))
        mood = min(5, max(1, mood))
        pool = groups["unpleasant_low"] + groups["unpleasant_high"] if mood <= 2 else (
            groups["pleasant_high"] + groups["pleasant_low"] if mood >= 4 else BUILTIN_FEELINGS)
        feels = rng.sample(pool, rng.randint(0, 4))
        if rng.random() < 0.03:
            feels.append(rng.choice(_OWN_FEELINGS))
        about = bool(recent) and rng.random() < 0.5
        app_id = recent[-1][1] if about and rng.random() < 0.7 else None
        note = rng.choice(("", "", "", "Long day.", "Sent three applications before lunch.",
                           "The rejection stung, but the walk helped.", "Good call with a recruiter."))
        utc = now.astimezone(UTC)
        entry_id = i + 1
        entries.append(dict(id=entry_id, mood=mood, intensity=rng.choice((None, 1, 2, 3, 4, 5)), note=note.strip(),
                            about_rejection=about, application_id=app_id, logged_at=utc, day=now.date(), updated_at=utc))
        feels = list(dict.fromkeys(normalize_word(w) for w in feels))
        acts = list(dict.fromkeys(normalize_word(a) for a in acts))
        feelings += [dict(entry_id=entry_id, word=w) for w in feels]
        activities += [dict(entry_id=entry_id, name=a) for a in acts]
        for kind, ws, builtin in ((FEELING, feels, BUILTIN_FEELINGS), (ACTIVITY, acts, BUILTIN_ACTIVITIES)):
            for w in ws:
                if w not in builtin and (kind, w) not in own_seen:
                    own_seen.add((kind, w))
                    words.append(dict(kind=kind, word=w, created_at=utc))
    with db.session() as s:
        s.execute(insert(MoodEntry), entries)
        if feelings:
            s.execute(insert(MoodEntryFeeling), feelings)
        if activities:
            s.execute(insert(MoodEntryActivity), activities)
        if words:
            s.execute(insert(MoodWord), words)
        s.commit()
    ctx.written.update(mood_entries=len(entries), mood_feelings=len(feelings), mood_activities=len(activities))


# ---------------------------------------------------------------- practice
def _write_practice(db: Database, ctx: Ctx) -> None:
    """Cards through PracticeService (starter deck, create_card, archive_card) with a
    moving clock; the reviews replay ScheduleMixin.review_card in one transaction."""
    from fsrs import Rating

    from models.practice import PracticeCard, PracticeReview
    from services.practice.schedule import SCHEDULER, to_fsrs
    from services.practice.service import PracticeService
    from services.settings import SettingsService

    rng = ctx.rng
    clock = FixedClock(ctx.at(ctx.start))
    practice = PracticeService(db.session, clock, settings=SettingsService(db.session, clock))
    practice.starter.ensure_starter_deck()
    with db.session() as s:
        starter = s.scalar(text("SELECT COUNT(*) FROM practice_card")) or 0
    own = max(0, ctx.counts["cards"] - starter)
    total_days = (ctx.today - ctx.start).days
    for k in sorted(rng.randrange(total_days) for _ in range(own)):
        clock.set(ctx.at(ctx.start + timedelta(days=k)))
        answered = rng.random() < 0.8
        practice.deck.create_card(
            question=rng.choice(_QUESTION_STEMS).format(x=rng.choice(_QUESTION_XS)),
            category=rng.choice(("behavioral", "teamwork", "conflict", "failure", "leadership", "pressure", "other")),
            tags=rng.sample(_TAGS, rng.randint(0, 3)),
            situation="At my last job our weekly report took two days to build." if answered else "",
            task="I had to cut that to an hour without losing accuracy." if answered else "",
            action="I rebuilt it as a scheduled query with checks on every step." if answered else "",
            result="It ran in ten minutes and the team used the time for analysis." if answered else "",
        )

    with db.session() as s:
        cards = list(s.exec(text("SELECT id FROM practice_card ORDER BY id")).scalars())
        created = {}
        for cid in cards:
            created[cid] = s.get(PracticeCard, cid)
        # Reviews spread over the cards by age, a few favourites practised far more.
        ages = [max(1, (ctx.today - created[c].created_at.date()).days) for c in cards]
        weights = [age * rng.choice((0.3, 1, 1, 2, 4)) for age in ages]
        per_card = dict.fromkeys(cards, 0)
        for c in rng.choices(cards, weights, k=ctx.counts["reviews"]):
            per_card[c] += 1
        reviews = []
        end = datetime.combine(ctx.today, time(0), tzinfo=ctx.tz)
        for cid in cards:
            card = created[cid]
            born = card.created_at if card.created_at.tzinfo else card.created_at.replace(tzinfo=ctx.tz)
            span = (end - born).total_seconds()
            stamps = sorted(born + timedelta(seconds=rng.uniform(60, span)) for _ in range(per_card[cid]))
            for local in stamps:
                local = local.astimezone(ctx.tz)
                mock = rng.random() < 0.08
                rating = 1 if mock else rng.choices((1, 2, 3, 4), (10, 15, 60, 15))[0]
                now = local.astimezone(UTC)
                before = to_fsrs(card)
                after, _ = SCHEDULER.review_card(before, Rating(rating), review_datetime=now)
                card.state, card.step = int(after.state), after.step
                card.stability, card.difficulty = after.stability, after.difficulty
                card.due, card.last_review = after.due, after.last_review
                if card.first_reviewed_on is None:
                    card.first_reviewed_on = local.date()
                card.updated_at = local
                reviews.append(dict(card_id=cid, rating=rating,
                                    state_before=int(before.state) if before.last_review else 0,
                                    reviewed_at=now, reviewed_on=local.date(),
                                    duration_ms=rng.randint(20_000, 180_000) if rng.random() < 0.9 else None,
                                    mode="mock" if mock else "practice"))
            if rng.random() < 0.05:  # archive_card
                card.archived = True
                card.updated_at = (card.updated_at if card.updated_at.tzinfo else card.updated_at.replace(tzinfo=ctx.tz)) + timedelta(days=1)
                if card.updated_at.date() > ctx.today:
                    card.updated_at = end
        reviews.sort(key=lambda r: r["reviewed_at"])
        s.execute(insert(PracticeReview), reviews)
        s.commit()
    ctx.written.update(practice_cards=len(cards), practice_reviews=len(reviews))


# ---------------------------------------------------------------- feedback
_SAID = {
    "experience": "They went with someone who had more years in the industry.",
    "examples": "Your answers were general; they wanted concrete examples with results.",
    "culture": "They felt another candidate matched the team's way of working better.",
    "leadership": "They were looking for more experience leading people.",
    "skills": "The technical exercise showed gaps in SQL window functions.",
    "other": "The role was filled internally in the end.",
}
_ACTIONS = (
    "Write two STAR stories with numbers in the result", "Practise the SQL window functions chapter",
    "Ask a friend for a mock interview", "Update the resume summary", "Read up on the company's product first",
    "Prepare a question about the team's way of working", "Shorten answers to under two minutes",
)


def _write_feedback(db: Database, ctx: Ctx) -> None:
    """Mirrors FeedbackService.start_for_application / record_feedback / mark_asked /
    mark_received / set_status("no_reply") and ActionsMixin.add_actions / set_action_done."""
    from models.feedback import Feedback, FeedbackAction
    from services.feedback.themes import THEME_KEYS

    rng = ctx.rng
    n = ctx.counts["feedback"]
    with db.session() as s:
        apps = {r[0]: (r[1], r[2]) for r in s.execute(text("SELECT id, company, role FROM application"))}
    # One record per rejected application (the newest rejection of each), most of them standalone-free.
    seen: set[int] = set()
    candidates = []
    for day, app_id in ctx.rejections:
        if app_id not in seen:
            seen.add(app_id)
            candidates.append((day, app_id))
    standalone = n // 20
    linked = sorted(rng.sample(candidates, min(len(candidates), n - standalone)))
    days, weights = ctx.search_days()
    plans = [(day, app_id) for day, app_id in linked] + [(d, None) for d in rng.choices(days, weights, k=n - len(linked))]
    plans.sort(key=lambda p: (p[0], p[1] or 0))
    records, actions = [], []
    for i, (rejected_on, app_id) in enumerate(plans):
        fid = i + 1
        created_day = min(ctx.today, rejected_on + timedelta(days=rng.randint(0, 3)))
        now = ctx.at(created_day)
        theme = rng.choice(THEME_KEYS)
        row = dict(id=fid, application_id=app_id, manager_name=None, contact_email=None, what_they_said="",
                   theme=None, reflection="", status="not_asked", asked_on=None, received_on=None,
                   rejected_on=rejected_on, created_at=now, updated_at=now)
        if app_id is not None:  # start_for_application: names copied from the application
            row["company"], row["role"] = apps[app_id]
            if rng.random() < 0.4:
                row["manager_name"] = rng.choice(("Sam", "Alex Chen", "Priya", "Jordan Lee", "Maria"))
                row["contact_email"] = f"{row['manager_name'].split()[0].lower()}@example.com"
            r = rng.random()
            if r < 0.8:  # mark_asked
                asked = min(ctx.today, created_day + timedelta(days=rng.randint(0, 2)))
                row.update(status="asked", asked_on=asked, updated_at=ctx.at(asked))
                if r < 0.45:  # mark_received
                    got = min(ctx.today, asked + timedelta(days=rng.randint(1, 14)))
                    row.update(status="received", received_on=got, what_they_said=_SAID[theme], updated_at=ctx.at(got))
                    row["theme"] = theme if rng.random() < 0.85 else None
                elif r < 0.7 and asked + timedelta(days=21) <= ctx.today:  # set_status("no_reply")
                    row.update(status="no_reply", updated_at=ctx.at(asked + timedelta(days=21)))
        else:  # record_feedback: a rejection never logged, what they said known at once
            row.update(company=rng.choice(_COMPANY_A) + " " + rng.choice(_COMPANY_B), role=rng.choice(_ROLES),
                       what_they_said=_SAID[theme], theme=theme, status="received", received_on=created_day)
        if row["status"] == "received" and rng.random() < 0.3:
            row["reflection"] = "Fair point. Next time lead with the result, then the story."
        records.append(row)
        # add_actions: a short checklist, most of it ticked off later.
        for pos, item in enumerate(rng.sample(_ACTIONS, rng.choice((0, 1, 2, 2, 3, 4)))):
            done = rng.random() < 0.6
            done_on = min(ctx.today, created_day + timedelta(days=rng.randint(1, 30))) if done else None
            actions.append(dict(feedback_id=fid, text=item, done=done, done_on=done_on, position=pos, created_at=now))
    with db.session() as s:
        s.execute(insert(Feedback), records)
        if actions:
            s.execute(insert(FeedbackAction), actions)
        s.commit()
    ctx.written.update(feedback=len(records), feedback_actions=len(actions))


_ROUND_PATH = (("recruiter", "phone_screen"), ("technical", "take_home", "panel"), ("final", "panel"))
_INTERVIEWERS = (("Priya Shah", "Hiring manager"), ("Alex Chen", "Senior analyst"), ("María López", "Recruiter"),
                 ("Sam O'Neill", "Head of Data"), ("Jordan Lee", "Team lead"))


def _write_interviews(db: Database, ctx: Ctx) -> None:
    """Mirrors InterviewService.schedule_interview (rounds after an application reached
    Interview; the status moves themselves are already in the history), cancel_interview,
    AfterInterview.add_question and thank_you_sent. About one round per five responses;
    two applications still at Interview get a round in the days after "today"."""
    import uuid

    from models.application import RESPONSE_STATUSES
    from models.interview import Interview, InterviewQuestion

    rng = ctx.rng
    with db.session() as s:
        changes = s.execute(text(
            "SELECT application_id, status, changed_on FROM status_change ORDER BY changed_on, id")).all()
        current = dict(s.execute(text("SELECT id, status FROM application")).all())
    responded = {a for a, st, _ in changes if st in RESPONSE_STATUSES}
    target = max(1, len(responded) // 5)
    first_interview: dict[int, date] = {}
    for app_id, status, on in changes:
        if status == "interview" and app_id not in first_interview:
            first_interview[app_id] = date.fromisoformat(on) if isinstance(on, str) else on
    candidates = sorted(first_interview.items(), key=lambda kv: (kv[1], kv[0]))
    open_ones = [a for a, _ in candidates if current.get(a) == "interview"][-2:]

    def uid() -> str:  # deterministic for a seed, unlike uuid4
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    def moment(day: date) -> datetime:
        return datetime.combine(day, time(rng.choice((9, 10, 11, 13, 14, 15, 16)), rng.choice((0, 30))), tzinfo=ctx.tz)

    rounds: list[dict] = []
    questions: list[dict] = []

    def add(app_id: int, starts: datetime, kind: str, made: date) -> None:
        person = rng.choice(_INTERVIEWERS)
        past = starts.date() < ctx.today
        row = dict(
            id=len(rounds) + 1, uuid=uid(), application_id=app_id, round=kind, starts_at=starts.astimezone(UTC),
            duration_minutes=rng.choice((30, 45, 60, 60, 90)), format=rng.choice(("video", "video", "phone", "in_person")),
            location=None, people=json.dumps([{"name": person[0], "role": person[1]}], ensure_ascii=False),
            prep_notes="", entered_offset_minutes=int(starts.utcoffset().total_seconds() // 60),
            cancelled_on=made if rng.random() < 0.03 else None, mood_entry_id=None,
            after_notes="Went better than I feared; the SQL part was hard." if past and rng.random() < 0.3 else "",
            outcome=None, thank_you_to=None, thank_you_topic="", thank_you_sent_on=None,
            created_at=ctx.at(made).astimezone(UTC), updated_at=ctx.at(made).astimezone(UTC),
        )
        if past and rng.random() < 0.4:
            row.update(thank_you_to=person[0], thank_you_sent_on=min(ctx.today, starts.date() + timedelta(days=1)))
        rounds.append(row)
        if past and rng.random() < 0.3:
            for _ in range(rng.randint(1, 3)):
                question = rng.choice(_QUESTION_STEMS).format(x=rng.choice(_QUESTION_XS))
                questions.append(dict(uuid=uid(), interview_id=row["id"], text=question, card_id=None,
                                      created_at=ctx.at(min(ctx.today, starts.date() + timedelta(days=1))).astimezone(UTC)))

    for app_id, on in candidates:
        if len(rounds) >= target:
            break
        if app_id in open_ones:
            continue
        day = on + timedelta(days=rng.randint(2, 9))
        for step in range(rng.choice((1, 1, 1, 2, 2, 3))):
            if day >= ctx.today:
                break
            add(app_id, moment(day), rng.choice(_ROUND_PATH[min(step, 2)]), on)
            day += timedelta(days=rng.randint(5, 14))
    for n, app_id in enumerate(open_ones):  # coming up: Today shows them with their prep plans
        add(app_id, moment(ctx.today + timedelta(days=2 + 4 * n)), "technical", ctx.today - timedelta(days=1))
    with db.session() as s:
        s.execute(insert(Interview), rounds)
        if questions:
            s.execute(insert(InterviewQuestion), questions)
        s.commit()
    ctx.written.update(interviews=len(rounds), interview_questions=len(questions), responses=len(responded))


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


# Order matters: mood links to rejections written by applications.
PARTS: list[tuple[str, str, Callable[[Database, Ctx], None]]] = [
    ("applications", "services.applications.service", _write_applications),
    ("mood", "services.mood.service", _write_mood),
    ("practice", "services.practice.service", _write_practice),
    ("feedback", "services.feedback.service", _write_feedback),
    ("interviews", "services.interviews.service", _write_interviews),
]


def _stable_uuids(db: Database, rng: random.Random) -> None:
    """Rows get random UUIDs when written; redraw them from the seed so the same seed gives the same file.

    Starter cards keep theirs: they are derived from the question's key already.
    """
    with db.engine.begin() as conn:
        tables = [
            name for (name,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if any(col[1] == "uuid" for col in conn.exec_driver_sql(f'PRAGMA table_info("{name}")'))
        ]
        for name in tables:
            starter = " AND starter_key IS NULL" if name == "practice_card" else ""
            ids = [r[0] for r in conn.exec_driver_sql(f'SELECT rowid FROM "{name}" WHERE 1{starter} ORDER BY rowid')]
            rows = [(str(uuid.UUID(int=rng.getrandbits(128), version=4)), i) for i in ids]
            if rows:
                conn.exec_driver_sql(f'UPDATE "{name}" SET uuid = ? WHERE rowid = ?', rows)


def generate(data_dir: Path, *, scale: float = 1.0, seed: int = 7, today: date | None = None,
             tz: tzinfo | None = None, log: Callable[[str], None] = lambda _m: None) -> dict[str, int]:
    """Write the heavy user into `data_dir` (which must not hold a database yet)."""
    data_dir = Path(data_dir)
    if (data_dir / DB_FILE_NAME).exists():
        raise FileExistsError(f"{data_dir / DB_FILE_NAME} already exists; use an empty folder")
    tz = tz or datetime.now().astimezone().tzinfo
    today = today or datetime.now(tz).date()
    rng = random.Random(seed)
    start = today.replace(year=today.year - YEARS) if not (today.month == 2 and today.day == 29) else today - timedelta(days=365 * YEARS)
    counts = {k: max(1, round(v * scale)) for k, v in FULL.items()}
    ctx = Ctx(rng=rng, today=today, tz=tz, start=start, spells=_spells(rng, start, today), counts=counts)
    db = open_database(data_dir, now=datetime.combine(start, time(8)))
    try:
        for name, module, write in PARTS:
            if not _has(module):
                log(f"{name}: not in the code yet, skipped")
                continue
            t0 = clock_time.perf_counter()
            write(db, ctx)
            log(f"{name}: written in {clock_time.perf_counter() - t0:.1f} s")
        _stable_uuids(db, random.Random(seed))
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.dispose()
    return dict(ctx.written)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.dataset", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="the last day of the history (default: today)")
    args = parser.parse_args(argv)
    t0 = clock_time.perf_counter()
    written = generate(args.data_dir, scale=args.scale, seed=args.seed, today=args.today, log=print)
    print(json.dumps(written, indent=1))
    print(f"done in {clock_time.perf_counter() - t0:.1f} s: {args.data_dir / DB_FILE_NAME}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
