"""The route table. Each destination owns its screens; detail routes live beside them."""

import flet as ft

from views.applications.screen import ApplicationsScreen
from views.feedback.screen import FeedbackScreen
from views.mood.screen import MoodScreen
from views.practice.screen import PracticeScreen
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
                ft.Route(path="mood", component=MoodScreen),
                ft.Route(path="feedback", component=FeedbackScreen),
                ft.Route(path="practice", component=PracticeScreen),
                ft.Route(path="settings", component=SettingsScreen),
            ],
        )
    ]
