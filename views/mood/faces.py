"""The five faces: one look for a mood everywhere (Today, the form, the calendar,
the after-rejection sheet). Faces are Material icons, not emoji: the icon font
ships with the app, emoji fonts would be fetched from the internet."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from services.mood import MOOD_LABELS
from views.common.named import Pressable

FACE_ICONS = {
    1: ft.Icons.SENTIMENT_VERY_DISSATISFIED,
    2: ft.Icons.SENTIMENT_DISSATISFIED,
    3: ft.Icons.SENTIMENT_NEUTRAL,
    4: ft.Icons.SENTIMENT_SATISFIED,
    5: ft.Icons.SENTIMENT_VERY_SATISFIED,
}
# Soft, distinct tints that read on light and dark surfaces alike, with dark
# text on top. Colour is never the only signal: a face or number goes with it.
MOOD_COLORS = {1: "#B39DDB", 2: "#90CAF9", 3: "#FFE082", 4: "#A5D6A7", 5: "#4DB6AC"}
ON_MOOD_COLOR = "#1C1B1F"


def mood_label(mood: int) -> str:
    return MOOD_LABELS.get(mood, "")


def face_name(mood: int) -> str:
    """What a screen reader says for a face, e.g. "Mood 1 of 5: very low"."""
    return f"Mood {mood} of 5: {mood_label(mood)}"


def FaceIcon(mood: int, *, size: float = 20, color: ft.ColorValue | None = None) -> ft.Control:
    return ft.Icon(FACE_ICONS[mood], size=size, color=color or ON_MOOD_COLOR)


def _Face(mood: int, selected: bool, on_pick: Callable[[int], None], compact: bool) -> ft.Control:
    # Sized so five fit a phone's card with clear space between them (they nearly touched).
    size = 32 if compact else 36
    return Pressable(
        face_name(mood),
        ft.Column(
            [
                ft.Container(
                    content=ft.Icon(FACE_ICONS[mood], size=size, color=ON_MOOD_COLOR),
                    bgcolor=MOOD_COLORS[mood],
                    border_radius=size,
                    padding=5,
                    border=ft.Border.all(3, ft.Colors.PRIMARY if selected else ft.Colors.TRANSPARENT),
                ),
                ft.Text(
                    mood_label(mood),
                    size=12,
                    weight=ft.FontWeight.W_600 if selected else ft.FontWeight.NORMAL,
                    text_align=ft.TextAlign.CENTER,
                    no_wrap=True,
                ),
            ],
            spacing=4,
            tight=True,
            horizontal_alignment=ft.CrossAxisAlignment.CENTER,
        ),
        lambda: on_pick(mood),
        selected=selected,
        key=f"face-{mood}",
        expand=True,
        padding=ft.Padding.symmetric(vertical=4, horizontal=2),
        border_radius=12,
    )


@ft.component
def FacePicker(value: int | None, on_pick: Callable[[int], None], compact: bool = False):
    """Five faces in a row, very low to great; `on_pick(mood)` when one is tapped."""
    return ft.Row(
        [_Face(m, value == m, on_pick, compact) for m in range(1, 6)],
        spacing=8,
        alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
    )
