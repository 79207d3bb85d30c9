"""The route table. Each destination owns its screens; detail routes live beside them."""

import flet as ft

from views.applications.detail import ApplicationDetail
from views.applications.form import ApplicationForm
from views.applications.insights import InsightsScreen
from views.applications.screen import ApplicationsScreen, WaitingApplicationsScreen
from views.feedback.detail import FeedbackDetailScreen
from views.feedback.keywords import KeywordCheckScreen
from views.feedback.rejection import AfterRejectionScreen
from views.feedback.screen import FeedbackScreen
from views.mood.day import MoodDayScreen
from views.mood.form import MoodFormScreen
from views.mood.screen import MoodScreen
from views.practice.deck import DeckScreen
from views.practice.editor import CardEditorScreen
from views.practice.mock import MockScreen
from views.practice.screen import PracticeScreen
from views.practice.session import SessionScreen
from views.settings.screen import SettingsScreen
from views.shell import Shell
from views.today.screen import TodayScreen


def routes() -> list[ft.Route]:
    return [
        ft.Route(
            component=Shell,
            children=[
                ft.Route(index=True, component=TodayScreen),
                ft.Route(path="applications", component=ApplicationsScreen),
                ft.Route(path="applications/new", component=ApplicationForm),
                ft.Route(path="applications/waiting", component=WaitingApplicationsScreen),
                ft.Route(path="applications/insights", component=InsightsScreen),
                ft.Route(path="applications/:id", component=ApplicationDetail),
                ft.Route(path="applications/:id/edit", component=ApplicationForm),
                ft.Route(path="mood", component=MoodScreen),
                ft.Route(path="mood/new", component=MoodFormScreen),
                ft.Route(path="mood/new/:application_id", component=MoodFormScreen),
                ft.Route(path="mood/entry/:entry_id", component=MoodFormScreen),
                ft.Route(path="mood/day/:day", component=MoodDayScreen),
                ft.Route(path="feedback", component=FeedbackScreen),
                ft.Route(path="feedback/keywords", component=KeywordCheckScreen),
                ft.Route(path="feedback/after-rejection/:application_id", component=AfterRejectionScreen),
                ft.Route(path="feedback/:feedback_id", component=FeedbackDetailScreen),
                ft.Route(path="practice", component=PracticeScreen),
                ft.Route(path="practice/session", component=SessionScreen),
                ft.Route(path="practice/mock", component=MockScreen),
                ft.Route(path="practice/cards", component=DeckScreen),
                ft.Route(path="practice/cards/:id", component=CardEditorScreen),
                ft.Route(path="settings", component=SettingsScreen),
            ],
        )
    ]
