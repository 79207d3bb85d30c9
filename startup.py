"""Start-up in the order that lets the browser load while the app gets ready (wiring, like main.py).

main.py makes the data file ready first with the sqlite3 module alone (services/storage/prepare.py:
rescue, upgrade, refusal of a newer file), so every storage error still stops the app with its one
line before anything is served. Then, while the web server listens and the browser loads the Flutter
client (most of a second), a background thread imports SQLAlchemy, SQLModel and the screens, builds
the services and opens the first connection. The first page waits for that on an event, never a
sleep. The daily backup comes last, after the first screen has been sent: never on the way to Today.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from services.clock import Clock, SystemClock
from services.storage import backup
from services.storage.prepare import PreparedFile

if TYPE_CHECKING:
    from services.container import AppServices

log = logging.getLogger("bounceback")

# Once the first screen has been sent, the browser still draws it: leave it the machine for that.
BACKUP_AFTER_FIRST_SCREEN_S = 2.0
# If no window opens (the link not clicked yet), take the backup anyway after this long.
BACKUP_WITHOUT_A_WINDOW_S = 10.0


def _build(prepared: PreparedFile, clock: Clock) -> AppServices:
    from services.container import AppServices
    from services.storage.db import connect

    services = AppServices(connect(prepared), clock)
    # The first connection (WAL, pragmas) and the first-run step of start(), here rather than on the
    # page's way: ensure_starter_deck is remembered, so start()'s own call then costs nothing.
    services.practice.starter.ensure_starter_deck()
    return services


def _start(page: Any, services: AppServices) -> None:
    from views.app import start

    start(page, services)


class Startup:
    """Builds the services in the background; the Flet entry point waits for them.

    `start` renders the app on a page (views.app.start); `take_backup` is the daily backup
    (returns a notice or None). Both are parameters so a test can watch the order of events.
    """

    def __init__(
        self,
        prepared: PreparedFile,
        clock: Clock | None = None,
        *,
        start: Callable[[Any, AppServices], None] = _start,
        take_backup: Callable[..., str | None] = backup.daily_backup,
        tell: Callable[[str], None] = lambda notice: print(notice, flush=True),
        after_first_screen_s: float = BACKUP_AFTER_FIRST_SCREEN_S,
        without_a_window_s: float | None = BACKUP_WITHOUT_A_WINDOW_S,
    ):
        self.prepared = prepared
        self.clock = clock or SystemClock()
        self._start = start
        self._take_backup = take_backup
        self._tell = tell
        self._after_first_screen_s = after_first_screen_s
        self._without_a_window_s = without_a_window_s
        self._ready = threading.Event()
        self._first_screen = threading.Event()
        self._backing_up = threading.Lock()  # held while the backup writes: shutdown waits for it
        self._services: AppServices | None = None
        self._failure: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._closed = False
        self.backup_done = threading.Event()  # set once the daily backup has run (tests, the bench)

    def begin(self) -> None:
        self._thread = threading.Thread(target=self._run, name="open-data", daemon=True)
        self._thread.start()

    def services(self) -> AppServices:
        """The services, once built (blocks until then); raises what stopped them."""
        self._ready.wait()
        if self._failure is not None:
            raise self._failure
        assert self._services is not None
        return self._services

    async def page(self, page: Any) -> None:
        """Flet's entry point: wait (off the event loop) until the services are there, then render."""
        if not self._ready.is_set():
            await asyncio.get_running_loop().run_in_executor(None, self._ready.wait)
        self._start(page, self.services())
        self._first_screen.set()  # the first screen is on its way to the browser

    def close(self) -> None:
        """At exit: a backup not yet begun is not begun; one being written finishes first (it is
        atomic anyway, but a finished one counts). Then the engine is closed."""
        self._closed = True
        self._first_screen.set()  # wakes the waiting backup thread, which then stops
        with self._backing_up:
            if self._services is not None:
                self._services.db.dispose()

    def _run(self) -> None:
        try:
            self._services = _build(self.prepared, self.clock)
            if self._start is _start:  # the first screen's imports and first-time work, off the page's way
                from views.app import warm_first_screen

                warm_first_screen(self._services)
        except BaseException as exc:  # the page shows it (Flet logs it); main.py's exit code stays
            log.exception("could not open the data")
            self._failure = exc
        finally:
            self._ready.set()
        if self._failure is None:
            self._backup_later()

    def _backup_later(self) -> None:
        shown = self._first_screen.wait(self._without_a_window_s)
        if shown and self._after_first_screen_s and not self._closed:
            time.sleep(self._after_first_screen_s)  # this thread only: nothing waits for it
        with self._backing_up:
            if self._closed or self._services is None:
                return
            notice = self._take_backup(self.prepared.path, now=self.clock.now().replace(tzinfo=None))
        if notice:
            self._tell(notice)
            self._services.db.tell(notice)  # shown in the open window, and in any opened later
        self.backup_done.set()
