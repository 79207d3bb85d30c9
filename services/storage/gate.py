"""Holding the app's connections back while a restore swaps the data file.

SQLite must never have a file replaced under an open connection: a
connection to the old file can, when it closes, delete the new file's -wal
by name. So the restore closes the gate, waits until no connection is in
use, closes the idle ones, swaps, and opens the gate again; anyone asking
for a connection meanwhile waits (a restore takes well under a second).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.pool import QueuePool

from services.errors import StorageError
from services.storage.failures import SAVE

WAIT_SECONDS = 15.0
_IN_USE = "bounceback_gate"


class Gate:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._in_use = 0
        self._closed = False

    def enter(self) -> None:
        with self._cond:
            if not self._cond.wait_for(lambda: not self._closed, WAIT_SECONDS):
                raise StorageError("waited too long for a restore to finish", kind="busy", friendly=SAVE["busy"])
            self._in_use += 1

    def leave(self) -> None:
        with self._cond:
            self._in_use -= 1
            self._cond.notify_all()

    @contextmanager
    def closed(self) -> Iterator[None]:
        """No connection in use inside; raises StorageError(kind='busy') if they don't finish in time."""
        with self._cond:
            if self._closed or not self._cond.wait_for(lambda: self._in_use == 0, WAIT_SECONDS):
                raise StorageError("the data file stayed in use", kind="busy", friendly=SAVE["busy"])
            self._closed = True
        try:
            yield
        finally:
            with self._cond:
                self._closed = False
                self._cond.notify_all()


class GatedPool(QueuePool):
    """A QueuePool whose checkouts pass through a Gate (see module docstring)."""

    gate: Gate | None = None

    def connect(self):
        gate = self.gate
        if gate is None:
            return super().connect()
        gate.enter()
        try:
            fairy = super().connect()
        except BaseException:
            gate.leave()
            raise
        fairy._connection_record.info[_IN_USE] = True
        return fairy

    def _return_conn(self, record) -> None:
        try:
            super()._return_conn(record)
        finally:
            if record.info.pop(_IN_USE, False) and self.gate is not None:
                self.gate.leave()

    def recreate(self) -> GatedPool:
        pool = super().recreate()
        assert isinstance(pool, GatedPool)  # QueuePool.recreate builds self.__class__
        pool.gate = self.gate
        return pool
