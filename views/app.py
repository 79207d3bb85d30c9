"""The root component: contexts, theme, viewport tracking and the router."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

import flet as ft

from views import safety
from views.context import ServicesContext, Viewport, ViewportContext
from views.day import DayContext, watch_day
from views.keyboard import Shortcuts, ShortcutsContext
from views.notifications import system_notifications
from views.routes import routes, warm_up
from views.theme import apply_theme

if TYPE_CHECKING:
    from services.container import AppServices

log = logging.getLogger(__name__)


def start_reminders(page: ft.Page, services: AppServices) -> Callable[[], None]:
    """Attach this window to the reminder scheduler and start it; returns the call that stops it here.

    The scheduler itself (catch-up, the checks, the phone's schedule) lives in
    services/reminders; the view only shows in-app messages and finds the phone's notifications.
    """
    scheduler = services.reminders.scheduler

    def show(title: str, message: str) -> None:
        page.show_dialog(
            ft.SnackBar(
                ft.Column([ft.Text(title, weight=ft.FontWeight.W_600), ft.Text(message)], spacing=2, tight=True),
                duration=ft.Duration(seconds=8),
                show_close_icon=True,
                behavior=ft.SnackBarBehavior.FLOATING,
            )
        )

    detach = scheduler.attach_window(show)

    async def run() -> None:
        phone = await system_notifications(page)
        if phone is not None:
            await scheduler.attach_system(phone)
        await scheduler.run()

    page.run_task(run)
    return detach


@ft.component
def App(services: AppServices, reminders: bool = True, day_watch: bool = True):
    page = ft.context.page
    viewport, set_viewport = ft.use_state(lambda: Viewport(page.width or 1280, page.height or 800))
    today, set_today = ft.use_state(services.clock.today)
    shortcuts = ft.use_memo(Shortcuts, [])
    stop_reminders = ft.use_ref(lambda: lambda: None)  # detaches this window from the scheduler

    def on_mount():
        page.on_resize = lambda e: set_viewport(Viewport(e.width, e.height))
        page.on_keyboard_event = shortcuts.dispatch
        for notice in services.db.notices:  # e.g. a damaged file was set aside
            page.show_dialog(ft.SnackBar(ft.Text(notice), duration=ft.Duration(seconds=12), show_close_icon=True))
        if reminders:
            stop_reminders.current = start_reminders(page, services)

            def reconnect(_e):  # a browser tab came back (refresh, wake from sleep)
                stop_reminders.current()
                stop_reminders.current = start_reminders(page, services)

            page.on_connect = reconnect
            page.on_disconnect = page.on_close = lambda _e: stop_reminders.current()
        if day_watch:
            page.run_task(watch_day, services.clock, set_today)
        warm_up()

    ft.on_mounted(on_mount)
    ft.on_unmounted(lambda: stop_reminders.current())
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
