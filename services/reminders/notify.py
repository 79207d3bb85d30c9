"""Local notifications behind one small interface, with backends tried in order.

plyer covers Windows, macOS and Linux (D-Bus / notify-send); it raises
NotImplementedError, or fails in other ways, where no backend exists. Inside
an Android build plyer cannot work, so there the app falls back to an in-app
message. Whatever happens, a failed notification never crashes the app.
"""

from __future__ import annotations

import logging
import shutil
import sys
import warnings
from collections.abc import Callable
from typing import Protocol

log = logging.getLogger(__name__)


class Notifier(Protocol):
    @property
    def name(self) -> str: ...  # read-only, so ChainNotifier's computed name fits

    def notify(self, *, title: str, message: str) -> bool:
        """Show the notification; False if this backend could not."""


class PlyerNotifier:
    name = "system"

    def notify(self, *, title: str, message: str) -> bool:
        if sys.platform.startswith("linux") and not shutil.which("notify-send"):
            try:
                import dbus  # noqa: F401  (plyer's other Linux route)
            except ImportError:
                return False
        try:
            from plyer import notification

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # plyer warns instead of failing on Linux
                notification.notify(title=title, message=message, app_name="Bounceback", timeout=10)
            return True
        except Exception as exc:  # NotImplementedError, D-Bus errors, missing daemons...
            log.info("system notification unavailable: %s", exc)
            return False


class InAppNotifier:
    """Last resort: hands the message to the open window (a snack bar)."""

    name = "in-app"

    def __init__(self) -> None:
        self.show: Callable[[str, str], None] | None = None  # set by the view while open
        self.pending: list[tuple[str, str]] = []

    def notify(self, *, title: str, message: str) -> bool:
        if self.show is None:
            self.pending.append((title, message))
            return True
        try:
            self.show(title, message)
        except Exception as exc:  # the window may be closing
            log.info("in-app message not shown: %s", exc)
            self.pending.append((title, message))
        return True


class ChainNotifier:
    def __init__(self, backends: list[Notifier]):
        self.backends = backends
        self.last_used: str | None = None

    @property
    def name(self) -> str:
        return self.last_used or "none"

    def notify(self, *, title: str, message: str) -> bool:
        for backend in self.backends:
            try:
                if backend.notify(title=title, message=message):
                    self.last_used = backend.name
                    return True
            except Exception as exc:  # a broken backend must not stop the next
                log.warning("notifier %s failed: %s", backend.name, exc)
        return False


class RecordingNotifier:
    """For tests: remembers what would have been shown."""

    name = "recording"

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def notify(self, *, title: str, message: str) -> bool:
        self.sent.append((title, message))
        return True
