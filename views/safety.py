"""A last safety net for errors no screen caught.

Flet reports an exception from an event handler by crashing the session: the
user would see a red error screen and lose their place. Instead we log the
details and show a calm message; whatever was saved before stays saved
(every write is one transaction, so a failed one leaves nothing half-done).
The view tests turn this off so that a handler error still fails the test.
"""

from __future__ import annotations

import logging

import flet as ft

from views.common.dialogs import notice

log = logging.getLogger("bounceback.views")

LOCKED = (
    "We couldn't save that just now: the data file is busy (is Bounceback open in another window?). "
    "Your earlier entries are safe; please try again in a moment."
)
GENERIC = "Something went wrong there, and it wasn't you. Your saved entries are safe; please try again."


def friendly_message(details: str) -> str:
    lowered = details.lower()
    if "database is locked" in lowered or "database is busy" in lowered or "disk i/o error" in lowered:
        return LOCKED
    return GENERIC


def install(page: ft.Page) -> None:
    session = page.session

    def on_error(details: str) -> None:
        log.error("unhandled error in an event handler:\n%s", details)
        try:
            # A dialog, not a snack bar: Flutter queues snack bars behind any still
            # showing (an Undo bar stays while a screen reader is on), and this must be seen.
            notice(page, title="That didn't save", text=friendly_message(details))
        except Exception:  # the page may be gone; the log above has the details
            log.exception("could not show the error message")

    session.error = on_error  # instance attribute shadows Session.error
