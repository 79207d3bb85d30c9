"""TextInput: the one text field every screen uses, safe to type into fast.

Why not a plain `ft.TextField(value=state, on_change=set_state)` (Flet 1.0.5):
each keystroke reaches the server as a property patch, applied at once to the
field object the last render made, then a "change" event whose handler runs
later, and the re-render it causes later still. The re-render is diffed
against that patched object, so when the browser is already at "ab" and the
re-render for "a" says value="a", the diff sends "a" back and the browser
loses the "b" (fast typing dropped letters in CI).

So at each render this component decides where the text comes from:
- the `value` asked for is an echo of typing (the same as last render's, or one
  of the texts `on_change` reported since): render what the browser already
  has, the last rendered field's `.value` (the object the browser's patches
  land on), and the diff sends nothing;
- anything else is the program's own change (cleared after saving, a template,
  a draft, a day picked from the calendar): render it, and the diff sends it.

Callers keep `value=` in step with `on_change` (it gets the text, a str), or
pass no value at all. A program change that sets the value to what it already
was sends nothing: there is nothing to send unless the caller's state fell
behind the field, which keeping it in step rules out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import flet as ft


def TextInput(
    *, value: str | None = None, on_change: Callable[[str], Any] | None = None, key: str | None = None, **props: Any
) -> ft.Control:
    """An `ft.TextField` taking the same keyword arguments; `on_change` gets the text.

    `key` names the field itself (tests and diffs find it there); the wrapper gets
    its own key, so two fields that swap places never swap what they remember.
    """
    return _TextInput(
        value=value, on_change=on_change, field_key=key, props=props, key=None if key is None else f"{key}/input"
    )


@ft.component
def _TextInput(
    value: str | None, on_change: Callable[[str], Any] | None, field_key: str | None, props: dict[str, Any]
) -> ft.Control:
    live = ft.use_ref(None)  # the field the browser's patches update
    asked = ft.use_ref(value)  # the `value` of the last render
    typed: Any = ft.use_ref(list)  # texts on_change reported since the last render

    shown = value
    # An echo of typing: keep what the browser has. The same value as last time counts only
    # when nothing was typed since: typed away and set back ("" after saving) is the program's.
    echo = value is None or value in typed.current or (value == asked.current and not typed.current)
    if live.current is not None and echo:
        shown = live.current.value
    asked.current = value
    typed.current = []

    def changed(e: Any) -> None:
        text = e.control.value or ""  # e.control is the live field: the browser's latest text
        typed.current.append(text)
        if on_change is not None:
            on_change(text)

    field = ft.TextField(key=field_key, value=shown, on_change=changed if on_change is not None else None, **props)
    live.current = field
    return field
