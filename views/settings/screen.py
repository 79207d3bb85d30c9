"""Settings: one section per concern, each in its own file."""

import flet as ft

from views.common.layout import Screen
from views.settings.appearance import AppearanceSection
from views.settings.data import DataSection
from views.settings.goals import GoalsSection
from views.settings.practice import PracticeSettingsSection
from views.settings.reminders import RemindersSection


@ft.component
def SettingsScreen():
    return Screen("Settings", [AppearanceSection(), GoalsSection(), RemindersSection(), PracticeSettingsSection(), DataSection()])
