"""The STAR answer fields, used by the card editor and inline in a session."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import flet as ft

from models.practice import STAR_FIELD_MAX
from views.common.fields import TextInput
from views.practice.common import STAR_LABELS


def StarFields(
    values: dict[str, str],
    errors: dict[str, str],
    on_change: Callable[[str, str], None],
    *,
    autofocus: bool = False,
    first_ref: Any = None,
) -> list[ft.Control]:
    """Four multi-line fields; the value is only stored on change, never rewritten.

    `first_ref` is set to the first field (to focus it)."""
    fields = []
    for i, (name, (label, hint)) in enumerate(STAR_LABELS.items()):
        fields.append(
            TextInput(
                key=f"star-{name}",
                label=label,
                value=values.get(name, ""),
                helper=hint,
                helper_max_lines=2,
                error=errors.get(name),
                multiline=True,
                min_lines=2,
                max_lines=8,
                max_length=STAR_FIELD_MAX,
                autofocus=autofocus and i == 0,
                on_change=lambda text, n=name: on_change(n, text),
                ref=first_ref if i == 0 else None,
            )
        )
    return fields
