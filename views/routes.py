"""The route table. Each destination owns its screens; detail routes live beside them.

Only the shell, Today and Settings are imported at start. Every other screen is
imported the first time its route is shown (or by `warm_up`, shortly after
start), so the app is interactive sooner: those modules pull in charts and forms.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable

import flet as ft

from views.settings.screen import SettingsScreen
from views.shell import Shell
from views.today.screen import TodayScreen

log = logging.getLogger(__name__)
_LAZY: list[str] = []


def lazy(module: str, name: str, *, warm: bool = True) -> Callable:
    """A route component that imports `module.name` when first rendered (and, if `warm`, in the warm-up)."""
    if warm:
        _LAZY.append(module)

    @ft.component
    def Lazy(**props):
        return getattr(importlib.import_module(module), name)(**props)

    Lazy.__name__ = Lazy.__qualname__ = f"Lazy{name}"
    return Lazy


def warm_up() -> threading.Thread:
    """Import the other screens in the background once the first one is up."""

    def run() -> None:
        for module in dict.fromkeys(_LAZY):
            try:
                importlib.import_module(module)
            except Exception:  # the route will raise it again, visibly, if it is real
                log.exception("could not pre-load %s", module)

    thread = threading.Thread(target=run, name="warm-up-screens", daemon=True)
    thread.start()
    return thread


def routes() -> list[ft.Route]:
    app_form = lazy("views.applications.form", "ApplicationForm")
    mood_form = lazy("views.mood.form", "MoodFormScreen")
    interview_form = lazy("views.interviews.form", "InterviewForm")
    return [
        ft.Route(
            component=Shell,
            children=[
                ft.Route(index=True, component=TodayScreen),
                ft.Route(path="applications", component=lazy("views.applications.screen", "ApplicationsScreen")),
                ft.Route(path="applications/new", component=app_form),
                ft.Route(
                    path="applications/waiting",
                    component=lazy("views.applications.screen", "WaitingApplicationsScreen"),
                ),
                ft.Route(path="applications/insights", component=lazy("views.applications.insights", "InsightsScreen")),
                ft.Route(path="applications/:id", component=lazy("views.applications.detail", "ApplicationDetail")),
                ft.Route(path="applications/:id/edit", component=app_form),
                ft.Route(path="applications/:id/interviews/new", component=interview_form),
                ft.Route(path="interviews/:interview_id", component=lazy("views.interviews.detail", "InterviewDetail")),
                ft.Route(path="interviews/:interview_id/edit", component=interview_form),
                ft.Route(path="interviews/:interview_id/after",
                         component=lazy("views.interviews.after", "AfterInterviewScreen")),
                ft.Route(path="interviews/:interview_id/practice",
                         component=lazy("views.interviews.session", "PrepSessionScreen")),
                ft.Route(path="mood", component=lazy("views.mood.screen", "MoodScreen")),
                ft.Route(path="mood/new", component=mood_form),
                ft.Route(path="mood/new/:application_id", component=mood_form),
                ft.Route(path="mood/entry/:entry_id", component=mood_form),
                ft.Route(path="mood/day/:day", component=lazy("views.mood.day", "MoodDayScreen")),
                ft.Route(path="feedback", component=lazy("views.feedback.screen", "FeedbackScreen")),
                ft.Route(path="feedback/keywords", component=lazy("views.feedback.keywords", "KeywordCheckScreen")),
                ft.Route(
                    path="feedback/after-rejection/:application_id",
                    component=lazy("views.feedback.rejection", "AfterRejectionScreen"),
                ),
                ft.Route(path="feedback/:feedback_id", component=lazy("views.feedback.detail", "FeedbackDetailScreen")),
                ft.Route(path="practice", component=lazy("views.practice.screen", "PracticeScreen")),
                ft.Route(path="practice/session", component=lazy("views.practice.session", "SessionScreen")),
                ft.Route(path="practice/mock", component=lazy("views.practice.mock", "MockScreen")),
                ft.Route(path="practice/cards", component=lazy("views.practice.deck", "DeckScreen")),
                ft.Route(path="practice/cards/:id", component=lazy("views.practice.editor", "CardEditorScreen")),
                ft.Route(path="settings", component=SettingsScreen),
                ft.Route(path="settings/import", component=lazy("views.settings.transfer", "ImportScreen", warm=False)),  # rarely: not warmed
            ],
        )
    ]
