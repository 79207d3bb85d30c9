"""One page-level keyboard handler, shared by screens through `use_shortcut`.

Flet has a single `page.on_keyboard_event`; screens register what they need
while mounted, so the quick log and the practice keys never fight.
"""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

Handler = Callable[[ft.KeyboardEvent], object]


class Shortcuts:
    def __init__(self) -> None:
        self._handlers: dict[str, list[Handler]] = {}

    @staticmethod
    def combo(key: str, *, ctrl: bool = False, shift: bool = False, alt: bool = False) -> str:
        return "+".join([*(["ctrl"] if ctrl else []), *(["shift"] if shift else []), *(["alt"] if alt else []), key.lower()])

    def add(self, combo: str, handler: Handler) -> Callable[[], None]:
        self._handlers.setdefault(combo, []).append(handler)
        return lambda: self._handlers.get(combo, []).remove(handler) if handler in self._handlers.get(combo, []) else None

    async def dispatch(self, e: ft.KeyboardEvent) -> None:
        combo = self.combo(e.key, ctrl=e.ctrl or e.meta, shift=e.shift, alt=e.alt)
        handlers = self._handlers.get(combo)
        if handlers:
            result = handlers[-1](e)  # the most recently mounted screen wins
            if hasattr(result, "__await__"):
                await result


ShortcutsContext = ft.create_context(None)


def use_shortcut(combo: str, handler: Handler) -> None:
    """Register `handler` for `combo` (e.g. "n", "ctrl+enter", " ") while mounted."""
    shortcuts: Shortcuts | None = ft.use_context(ShortcutsContext)
    latest = ft.use_ref(lambda: handler)  # use_ref calls a callable initial value: wrap it
    latest.current = handler  # always call the newest closure

    def setup():
        if shortcuts is None:
            return None
        return shortcuts.add(combo, lambda e: latest.current(e))

    ft.use_effect(setup, [combo])
