"""Material 3 from one seed colour; light/dark follow the system unless chosen."""

import flet as ft

SEED = "#2E7D6B"  # a calm teal: steady, not alarming

MODES = {
    "system": ft.ThemeMode.SYSTEM,
    "light": ft.ThemeMode.LIGHT,
    "dark": ft.ThemeMode.DARK,
}


def apply_theme(page: ft.Page, mode: str) -> None:
    page.theme = ft.Theme(color_scheme_seed=SEED, use_material3=True)
    page.dark_theme = ft.Theme(color_scheme_seed=SEED, use_material3=True)
    page.theme_mode = MODES.get(mode, ft.ThemeMode.SYSTEM)

# After a rejection, care has its own calm tint, the same on every screen (Today's
# "About that no", the after-a-no page): the tertiary container, apart from the
# primary green that marks progress and goals.
CARE_TINT = ft.Colors.TERTIARY_CONTAINER
CARE_ACCENT = ft.Colors.TERTIARY
