"""The root component: contexts, theme, viewport tracking and the router."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import flet as ft

from views import safety
from views.context import ServicesContext, Viewport, ViewportContext
from views.day import DayContext, watch_day
from views.keyboard import Shortcuts, ShortcutsContext
from views.routes import routes, warm_up
from views.theme import apply_theme

if TYPE_CHECKING:
    from services.container import AppServices

log = logging.getLogger(__name__)
REMINDER_CHECK_SECONDS = 60


async def reminder_loop(page: ft.Page, services: AppServices) -> None:
    """While the app is open: catch up on today's missed reminders, then check each minute."""

    def show(title: str, message: str) -> None:
        page.show_dialog(
            ft.SnackBar(
                ft.Text(message),
                duration=ft.Duration(seconds=8),
                show_close_icon=True,
                behavior=ft.SnackBarBehavior.FLOATING,
            )
        )

    services.in_app.show = show
    while True:
        try:
            services.reminders.run_due()
        except Exception:  # a reminder must never take the app down; try again next minute
            log.exception("reminder check failed")
        await asyncio.sleep(REMINDER_CHECK_SECONDS)


@ft.component
def App(services: AppServices, reminders: bool = True, day_watch: bool = True):
    page = ft.context.page
    viewport, set_viewport = ft.use_state(lambda: Viewport(page.width or 1280, page.height or 800))
    today, set_today = ft.use_state(services.clock.today)
    shortcuts = ft.use_memo(Shortcuts, [])

    def on_mount():
        page.on_resize = lambda e: set_viewport(Viewport(e.width, e.height))
        page.on_keyboard_event = shortcuts.dispatch
        for notice in services.db.notices:  # e.g. a damaged file was set aside
            page.show_dialog(ft.SnackBar(ft.Text(notice), duration=ft.Duration(seconds=12), show_close_icon=True))
        if reminders:
            page.run_task(reminder_loop, page, services)
        if day_watch:
            page.run_task(watch_day, services.clock, set_today)
        warm_up()

    ft.on_mounted(on_mount)
    table = ft.use_memo(routes, [])

    return ServicesContext(
        services,
        lambda: ViewportContext(
            viewport,
            lambda: DayContext(today, lambda: ShortcutsContext(shortcuts, lambda: ft.Router(table))),
        ),
    )


def start(
    page: ft.Page, services: AppServices, *, reminders: bool = True, safety_net: bool = True, day_watch: bool = True
) -> None:
    """Set up the page and render the app (called by main.py and the view tests)."""
    if safety_net:
        safety.install(page)
    page.title = "Bounceback"
    page.padding = 0
    # First run: add the built-in practice questions. An explicit step at start, because
    # reads (due counts, stats, Today's list) never write.
    services.practice.starter.ensure_starter_deck()
    apply_theme(page, services.settings.theme_mode())
    page.render(lambda: App(services, reminders, day_watch))
