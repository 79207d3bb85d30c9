"""The root component: contexts, theme, viewport tracking and the router."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable
from types import CodeType, ModuleType
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
    stop_notices = ft.use_ref(lambda: lambda: None)

    def show_notice(notice: str) -> None:
        page.show_dialog(ft.SnackBar(ft.Text(notice), duration=ft.Duration(seconds=12), show_close_icon=True))

    async def show_later(notice: str) -> None:
        show_notice(notice)

    def on_mount():
        page.on_resize = lambda e: set_viewport(Viewport(e.width, e.height))
        page.on_keyboard_event = shortcuts.dispatch
        for notice in services.db.notices:  # e.g. a damaged file was set aside
            show_notice(notice)
        # One found later (the daily backup runs after this screen is up), from its own thread.
        stop_notices.current = services.db.on_notice(lambda notice: page.run_task(show_later, notice))
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
    ft.on_unmounted(lambda: (stop_reminders.current(), stop_notices.current()))
    table = ft.use_memo(routes, [])

    return ServicesContext(
        services,
        lambda: ViewportContext(
            viewport,
            lambda: DayContext(today, lambda: ShortcutsContext(shortcuts, lambda: ft.Router(table))),
        ),
    )


def warm_first_screen(services: AppServices) -> None:
    """Do once, before the first page arrives, the first-time work of drawing Today (main.py runs
    this on its background thread while the browser loads the client): Today's reads, so their SQL
    is compiled and the file's pages cached; and the Flet classes the modules loaded so far name
    (the shell, Today, Settings, the theme), which flet imports lazily on first use. Only a head
    start: a failure here is logged and the page does the same work itself."""
    try:
        today = services.clock.today()
        services.goals.progress()
        services.applications.queries.recent_rejection()
        services.attention.items()
        services.wins.recent_wins(limit=5)
        services.wins.count_this_week()
        services.mood.summary_for(day=today)
        services.settings.theme_mode()
    except Exception:
        log.exception("warming Today's reads failed")
    for name in _flet_names(m for n, m in list(sys.modules.items()) if n == "views" or n.startswith("views.")):
        try:
            getattr(ft, name)
        except AttributeError:  # a name that is not flet's (module attributes share the table)
            pass


def _flet_names(modules: Iterable[ModuleType]) -> set[str]:
    """Capitalised attribute names in these modules' code (ft.Card, ft.NavigationRail...), read from
    their code objects, so it works without the source files (built apps ship bytecode)."""
    found: set[str] = set()
    for module in modules:
        spec = getattr(module, "__spec__", None)
        try:
            code = spec.loader.get_code(spec.name) if spec and spec.loader and hasattr(spec.loader, "get_code") else None
        except Exception:
            code = None
        stack = [code] if code is not None else []
        while stack:
            current = stack.pop()
            found.update(n for n in current.co_names if n[:1].isupper())
            stack.extend(c for c in current.co_consts if isinstance(c, CodeType))
    return found


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
