"""Small modal dialogs shared by every screen.

Each closes *its own* dialog rather than `page.pop_dialog()`, which closes
whatever is on top — a snack bar shown meanwhile, for instance.
"""

from __future__ import annotations

from collections.abc import Callable

import flet as ft


def _closer(dialog: ft.AlertDialog) -> Callable[[], None]:
    def close() -> None:
        dialog.open = False
        dialog.update()

    return close


def confirm(
    *, title: str, text: str, confirm_label: str, on_confirm: Callable[[], object], cancel_label: str = "Keep it"
) -> None:
    """Ask before something that can't be undone; `on_confirm` runs after the dialog closes."""
    dialog = ft.AlertDialog(title=ft.Text(title), content=ft.Text(text))
    close = _closer(dialog)

    def confirmed() -> None:
        close()
        on_confirm()

    dialog.actions = [ft.TextButton(cancel_label, on_click=close), ft.FilledButton(confirm_label, on_click=confirmed)]
    ft.context.page.show_dialog(dialog)


def notice(page: ft.Page, *, title: str, text: str) -> None:
    """A message that must be seen (snack bars can queue behind others), with an OK."""
    dialog = ft.AlertDialog(title=ft.Text(title), content=ft.Text(text))
    dialog.actions = [ft.TextButton("OK", on_click=_closer(dialog))]
    page.show_dialog(dialog)
