"""Text contrast from the theme's real colours (WCAG 2.x AA: 4.5:1 for text, 3:1 for a shape).

Flutter builds the colour scheme from our seed with Material's "tonal spot" (the 2021
spec); `materialyoucolor` is a Python port of the same library. The first test checks
that port against pixels read from the app's screenshots in Chromium, so the figures
below are the app's, not the port's.
"""

from __future__ import annotations

from datetime import date, timedelta

import flet as ft
import pytest
from materialyoucolor.dynamiccolor.material_dynamic_colors import MaterialDynamicColors
from materialyoucolor.hct import Hct
from materialyoucolor.scheme.scheme_tonal_spot import SchemeTonalSpot

from views.applications.format import STATUS_COLORS
from views.mood.faces import MOOD_COLORS, ON_MOOD_COLOR
from views.theme import CARE_TINT, SEED

MODES = ("light", "dark")


def scheme(mode: str) -> dict[str, str]:
    """Every colour role Flutter derives from SEED, keyed like ft.Colors values ("onsurface")."""
    s = SchemeTonalSpot(Hct.from_int(int("FF" + SEED.lstrip("#"), 16)), mode == "dark", 0.0, spec_version="2021")
    out = {}
    for name in dir(MaterialDynamicColors):
        role = getattr(MaterialDynamicColors, name)
        if hasattr(role, "get_argb"):
            out[name.lower()] = "#%06X" % (role.get_argb(s) & 0xFFFFFF)
    return out


def rgb(color: str, mode: str) -> str:
    """A role (ft.Colors member or its value) or a hex colour, as #RRGGBB in `mode`."""
    value = color.value if isinstance(color, ft.Colors) else color
    return value.upper() if value.startswith("#") else scheme(mode)[value.lower()]


def luminance(hex_color: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_formula_on_known_pairs():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)  # the classic just-too-light grey


def test_the_scheme_matches_what_chromium_drew():
    """Pixels read from screenshots of the app (light): the page, a "Rejected" chip and its text."""
    light = scheme("light")
    assert light["surface"] == "#F5FBF7"
    assert light["surfacecontainerhighest"] == "#DEE4E0"
    assert light["onsurface"] == "#171D1B"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("status", list(STATUS_COLORS))
def test_status_chip_text_meets_aa(status, mode):
    bg, fg, outline = STATUS_COLORS[status]
    assert contrast(rgb(fg, mode), rgb(bg, mode)) >= 4.5


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("status", ["rejected", "no_reply", "withdrawn"])
def test_grey_chips_keep_a_visible_edge_on_cards_and_pages(status, mode):
    """A grey chip on a grey-green card: its outline must stand out (3:1 for shapes)."""
    _, _, outline = STATUS_COLORS[status]
    for surface in (ft.Colors.SURFACE, ft.Colors.SURFACE_CONTAINER_LOW):
        assert contrast(rgb(outline, mode), rgb(surface, mode)) >= 3.0


@pytest.mark.parametrize("mode", MODES)
def test_care_tint_keeps_its_text_readable(mode):
    """Body text, muted text and the text button on the after-a-no tint."""
    for text in (ft.Colors.ON_SURFACE, ft.Colors.ON_SURFACE_VARIANT, ft.Colors.PRIMARY):
        assert contrast(rgb(text, mode), rgb(CARE_TINT, mode)) >= 4.5, text


@pytest.mark.parametrize("mode", MODES)
def test_calendar_day_numbers_meet_aa(mode):
    """Past days on their grey cell, days to come on the card itself (they used OUTLINE: 3.6 and 4.0)."""
    from views.mood import calendar

    today = date(2026, 3, 4)
    for day in (today - timedelta(days=1), today + timedelta(days=1)):
        cell = calendar._cell(day, None, today, lambda d: None).content.content
        number = cell.content.content.controls[0]
        background = cell.bgcolor or ft.Colors.SURFACE_CONTAINER_LOW  # the card under an empty cell
        assert contrast(rgb(number.color, mode), rgb(background, mode)) >= 4.5, day
    assert contrast(rgb(ft.Colors.OUTLINE, mode), rgb(ft.Colors.SURFACE_CONTAINER_HIGHEST, mode)) < 4.5


@pytest.mark.parametrize("mood", sorted(MOOD_COLORS))
def test_mood_tints_keep_their_dark_marks_readable(mood):
    assert contrast(ON_MOOD_COLOR, MOOD_COLORS[mood]) >= 4.5
