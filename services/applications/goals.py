"""Daily and weekly goals, counts per day and week (local days), progress and consistency."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func
from sqlmodel import col, select

from models.application import Application, GoalPlan, GoalPlanCreate, StatusChange
from models.shapes import check
from services.applications import consistency
from services.applications.consistency import DayPlan
from services.clock import Clock
from services.settings import SettingsService
from services.storage.db import SessionFactory

DEFAULT_DAILY, DEFAULT_WEEKLY, DEFAULT_REST = 2, 10, (5, 6)  # Saturday and Sunday off
# Applying days before the last 300 weigh under 0.5 ** 23 (one in ten million) in the score.
SCORE_APPLYING_DAYS = 300
SHOW_STREAK_KEY = "show_streak"


@dataclass(frozen=True)
class Goals:
    daily_target: int
    weekly_target: int
    rest_weekdays: tuple[int, ...]

    def day_plan(self) -> DayPlan:
        return DayPlan(self.daily_target, frozenset(self.rest_weekdays))


@dataclass(frozen=True)
class Progress:
    today: int
    daily_target: int
    week: int
    weekly_target: int
    rest_day: bool
    care_day: bool  # a no came today: no goal pressure (and the score treats it as a rest day)
    consistency: float  # 0.0-1.0
    streak: int
    show_streak: bool


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _parse_rest(text: str) -> tuple[int, ...]:
    return tuple(sorted(int(x) for x in text.split(",") if x.strip()))


class GoalService:
    def __init__(self, sessions: SessionFactory, clock: Clock, settings: SettingsService):
        self._sessions = sessions
        self._clock = clock
        self._settings = settings

    # ---- goals ------------------------------------------------------------
    def current_goals(self) -> Goals:
        return self._goals_for(self._plans())(self._clock.today())

    def set_goals(self, *, daily_target: int, weekly_target: int, rest_weekdays: list[int] | tuple[int, ...]) -> Goals:
        """New goals apply from today on; earlier days keep the goals they had."""
        data = GoalPlanCreate.parse(dict(daily_target=daily_target, weekly_target=weekly_target, rest_weekdays=rest_weekdays))
        daily_target, weekly_target, rest = data.daily_target, data.weekly_target, tuple(data.rest_weekdays)
        today = self._clock.today()
        with self._sessions() as s:
            plan = s.scalars(select(GoalPlan).where(col(GoalPlan.effective_from) == today)).first()
            if plan is None:
                plan = GoalPlan(effective_from=today, daily_target=0, weekly_target=0, created_at=self._clock.now())
                s.add(plan)
            plan.daily_target, plan.weekly_target = daily_target, weekly_target
            plan.rest_weekdays = ",".join(str(d) for d in rest)
            s.commit()
        return Goals(daily_target, weekly_target, rest)

    def show_streak(self) -> bool:
        return bool(self._settings.get(SHOW_STREAK_KEY, False))

    def set_show_streak(self, *, show: bool) -> None:
        self._settings.set(SHOW_STREAK_KEY, check("show", bool, show))

    # ---- counts (indexed on applied_on, the user's local day) ----------------
    def count_on(self, *, day: date) -> int:
        with self._sessions() as s:
            return s.scalar(select(func.count()).select_from(Application).where(col(Application.applied_on) == day)) or 0

    def count_between(self, *, start: date, end: date) -> int:
        with self._sessions() as s:
            return s.scalar(
                select(func.count()).select_from(Application)
                .where(col(Application.applied_on) >= start, col(Application.applied_on) <= end)
            ) or 0

    def count_in_week(self, *, day: date) -> int:
        monday = week_start(day)
        return self.count_between(start=monday, end=monday + timedelta(days=6))

    def counts_by_day(self, *, start: date, end: date) -> dict[date, int]:
        with self._sessions() as s:
            rows = s.execute(
                select(col(Application.applied_on), func.count())
                .where(col(Application.applied_on) >= start, col(Application.applied_on) <= end)
                .group_by(col(Application.applied_on))
            ).all()
        return {day: n for day, n in rows}

    def counts_by_week(self, *, start: date, end: date) -> dict[date, int]:
        """Keyed by each week's Monday."""
        weeks: dict[date, int] = {}
        for day, n in self.counts_by_day(start=week_start(start), end=end).items():
            weeks[week_start(day)] = weeks.get(week_start(day), 0) + n
        return weeks

    def goal_on(self, *, day: date) -> Goals:
        return self._goals_for(self._plans())(day)

    # ---- progress ------------------------------------------------------------
    def progress(self) -> Progress:
        today = self._clock.today()
        goals_for = self._goals_for(self._plans())
        goals = goals_for(today)
        with self._sessions() as s:
            first = s.scalar(select(func.min(Application.applied_on)))
        # The window is counted in applying days: rest days don't move the score.
        window = -(-SCORE_APPLYING_DAYS * 7 // goals.day_plan().applying_days_a_week)
        start = max(first or today, today - timedelta(days=window))
        counts = self.counts_by_day(start=start, end=today)
        care = self.care_days(start=start, end=today)

        def plan_for(day: date) -> DayPlan:
            plan = goals_for(day).day_plan()
            # A day that brought a no rests like a rest day: it never lowers the score.
            return DayPlan(plan.daily_target, plan.rest_weekdays | {day.weekday()}) if day in care else plan

        monday = week_start(today)
        return Progress(
            today=counts.get(today, 0),
            daily_target=goals.daily_target,
            week=sum(n for d, n in counts.items() if d >= monday),  # start is never after this Monday's data
            weekly_target=goals.weekly_target,
            rest_day=goals.day_plan().is_rest(today),
            care_day=today in care,
            consistency=consistency.score(counts, start=start, today=today, plan_for=plan_for) if first else 0.0,
            streak=consistency.streak(counts, start=start, today=today, plan_for=plan_for),
            show_streak=self.show_streak(),
        )

    def care_days(self, *, start: date, end: date) -> set[date]:
        """Days a no arrived or was logged on (a rejection entered today for last week counts
        for both days): after a rejection the app leads with care, not with goals."""
        tz = self._clock.now().tzinfo
        since = datetime.combine(start, time(), tzinfo=tz).astimezone(UTC)
        with self._sessions() as s:
            rows = s.exec(
                select(col(StatusChange.changed_on), col(StatusChange.created_at)).where(
                    StatusChange.status == "rejected",
                    (col(StatusChange.changed_on) >= start) | (col(StatusChange.created_at) >= since),
                )
            ).all()
        days: set[date] = set()
        for changed_on, created_at in rows:
            logged = (created_at.replace(tzinfo=UTC) if created_at.tzinfo is None else created_at).astimezone(tz).date()
            days.update(d for d in (changed_on, logged) if start <= d <= end)
        return days

    def is_care_day(self, *, day: date) -> bool:
        return day in self.care_days(start=day, end=day)

    # ---- internals --------------------------------------------------------------
    def _plans(self) -> list[GoalPlan]:
        with self._sessions() as s:
            return list(s.scalars(select(GoalPlan).order_by(col(GoalPlan.effective_from))))

    @staticmethod
    def _goals_for(plans: list[GoalPlan]):
        default = Goals(DEFAULT_DAILY, DEFAULT_WEEKLY, DEFAULT_REST)
        parsed = [(p.effective_from, Goals(p.daily_target, p.weekly_target, _parse_rest(p.rest_weekdays))) for p in plans]

        def goals_for(day: date) -> Goals:
            # The goals set on or before `day`; before the first plan, the first plan's goals.
            chosen = parsed[0][1] if parsed else default
            for since, goals in parsed:
                if since <= day:
                    chosen = goals
                else:
                    break
            return chosen

        return goals_for
