"""One guard for taps and keys that move a screen on (rate a card, next question, save).

Flet runs each event as its own task, so two quick presses can both reach a
handler made by the same render, before the screen re-renders: both would rate
the card on screen, and the second would skip the next one. A screen names the
step it shows (the card's index, the dialog it opened); the first event for a
step goes through, later events for the same step are dropped. An action that
didn't go through (bad input, not ready yet) releases the step for a retry.

    advance = use_advance(index)
    def rate(r):
        if not ready or not advance.claim():
            return
        ...
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import flet as ft


class Advance:
    def __init__(self, taken: Any, step: Hashable):
        self._taken = taken  # a ref: the step that already moved on
        self._step = step

    def claim(self) -> bool:
        """True for the first event of this step only."""
        if self._taken.current == self._step:
            return False
        self._taken.current = self._step
        return True

    def release(self) -> None:
        """The action did not happen after all: let the next event try."""
        if self._taken.current == self._step:
            self._taken.current = _NOTHING


_NOTHING = object()


def use_advance(step: Hashable) -> Advance:
    taken = ft.use_ref(lambda: _NOTHING)  # use_ref calls a callable initial value
    return Advance(taken, step)
