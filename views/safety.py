"""A last safety net for errors no screen caught.

Flet reports an exception from an event handler by crashing the session: the
user would see a red error screen and lose their place. Instead we log the
details and show a calm message; whatever was saved before stays saved
(every write is one transaction, so a failed one leaves nothing half-done).
A storage failure (busy file, full disk, read-only folder...) arrives as our
StorageError, whose message says what happened; anything else is a bug and
gets the generic message. The view tests turn this off so that a handler
error still fails the test.
"""

from __future__ import annotations

import logging
import sys

import flet as ft

from services.errors import StorageError
from services.storage.failures import SAVE, kind_of
from views.common.dialogs import notice

log = logging.getLogger("bounceback.views")

GENERIC = "Something went wrong there, and it wasn't you. Your saved entries are safe; please try again."


def _chain(exc: BaseException | None):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__ or getattr(exc, "orig", None)


def friendly_message(details: str, exc: BaseException | None = None) -> str:
    """What to tell the person about a failed action: the storage cause if there is one."""
    for link in _chain(exc):
        if isinstance(link, StorageError):
            return link.friendly
        kind = kind_of(link)
        if kind in SAVE:
            return SAVE[kind]
    lowered = details.lower()  # no exception at hand: the message text is all there is
    for needle, kind in (("database is locked", "busy"), ("is full", "full"), ("readonly", "read_only"),
                         ("disk i/o error", "io")):
        if needle in lowered:
            return SAVE[kind]
    return GENERIC


def install(page: ft.Page) -> None:
    session = page.session

    def on_error(details: str) -> None:
        # Flet calls this from inside its `except` block, so the exception itself is at hand.
        exc = sys.exc_info()[1]
        log.error("unhandled error in an event handler:\n%s", details)
        try:
            # A dialog, not a snack bar: Flutter queues snack bars behind any still
            # showing (an Undo bar stays while a screen reader is on), and this must be seen.
            notice(page, title="That didn't save", text=friendly_message(details, exc))
        except Exception:  # the page may be gone; the log above has the details
            log.exception("could not show the error message")

    session.error = on_error  # instance attribute shadows Session.error
