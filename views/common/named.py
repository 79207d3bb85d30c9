"""Controls a screen reader meets once, by one name.

What Flet 1.0.5's web client does (counted in Chromium's accessibility tree, see
tests/e2e/test_accessibility.py):
- An IconButton's tooltip does not name it. Wrapped in `Semantics(label=...)` it
  becomes two nodes, the outer one named "Settings Settings" (label plus tooltip)
  and an inner nameless button. A tooltip left in the semantics lands on the
  nearest named neighbour instead. So: the icon carries the name
  (`semantics_label`), the tooltip only shows on hover.
- A Dropdown's `label` is drawn but never named: a `Semantics` wrapper names it;
  its `value` adds the current choice, as a screen reader user expects.
- A tappable Container is its own nameless button inside any Semantics around it;
  `MergeSemantics` folds the label, the selected state and the tap into one node.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import flet as ft

# Layout properties that belong to the outer wrapper, not the control inside it.
_LAYOUT = ("expand", "col", "visible")  # `key` stays on the Dropdown: tests and diffs find it there


def NamedIconButton(
    label: str, icon: ft.IconData, on_click: Callable[..., Any] | None = None, **kwargs: Any
) -> ft.IconButton:
    """An icon button named `label` (also its hover tooltip), one node in the accessibility tree."""
    size = kwargs.pop("icon_size", None)
    color = kwargs.pop("icon_color", None)
    return ft.IconButton(
        icon=ft.Icon(icon, semantics_label=label, size=size, color=color),
        tooltip=ft.Tooltip(message=label, exclude_from_semantics=True),
        on_click=on_click,
        **kwargs,
    )


def option_text(options: Sequence[ft.DropdownOption], value: str | None) -> str:
    for option in options:
        if option.key == value or (option.key is None and option.text == value):
            return option.text or option.key or ""
    return ""


def shorten(text: str, fit: int) -> str:
    """`text` cut to `fit` characters at a word where it can be, with an ellipsis."""
    if len(text) <= fit:
        return text
    cut = text[: fit - 1]
    if " " in cut[fit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,·-&") + "…"


def NamedDropdown(
    *, label: str, options: list[ft.DropdownOption], value: str | None = None, fit: int | None = None, **kwargs: Any
) -> ft.Control:
    """A Dropdown a screen reader calls "<label> <current choice>".

    `expand`, `col` and `visible` go on the wrapper; the Dropdown then fills it.
    `fit`: the most characters the field shows. Its text field clips a longer choice
    mid-letter, so such a choice shows shortened with an ellipsis, in full in the menu.
    """
    outer = {k: kwargs.pop(k) for k in _LAYOUT if k in kwargs}
    fills = bool(outer.get("expand") or outer.get("col"))
    full = option_text(options, value)
    if fit:
        options = [
            ft.DropdownOption(key=o.key, text=shorten(o.text, fit), content=ft.Text(o.text))
            if o.text and len(o.text) > fit and o.content is None
            else o
            for o in options
        ]
    dropdown = ft.Dropdown(label=label, options=options, value=value, expand=True if fills else None, **kwargs)
    return ft.Semantics(label=label, value=full or None, content=dropdown, **outer)


def Pressable(
    label: str,
    content: ft.Control,
    on_click: Callable[..., Any],
    *,
    selected: bool | None = None,
    expand: bool | int | None = None,
    key: str | None = None,
    **container: Any,
) -> ft.Control:
    """A tappable tile (a face, a calendar day): one button named `label`, marked selected when chosen.

    What is drawn inside stays out of the name (the label says it better).
    """
    return ft.MergeSemantics(
        expand=expand,
        content=ft.Semantics(
            label=label,
            button=True,
            selected=selected,
            content=ft.Container(
                key=key,  # the tile itself, as tests and the diff look for it
                content=ft.Semantics(exclude_semantics=True, content=content),
                on_click=on_click,
                ink=True,
                **container,
            ),
        ),
    )
