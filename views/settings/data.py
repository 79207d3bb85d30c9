import flet as ft

from services import backup
from views.common.layout import Section
from views.context import use_services


@ft.component
def DataSection():
    services = use_services()
    path = services.db.path
    backups, set_backups = ft.use_state(lambda: backup.list_backups(path) if path else [])
    message, set_message = ft.use_state("")

    def back_up_now():
        if path is None:
            return
        try:
            made = backup.backup_file(path, now=services.clock.now(), reason="manual")
        except OSError as exc:
            set_message(f"The backup didn't work this time ({exc.strerror or exc}). Your data is unchanged.")
            return
        set_backups(backup.list_backups(path))
        set_message(f"Backed up as {made.name}.")

    where = str(path) if path else "in memory (nothing is written to disk)"
    return Section(
        "Your data",
        ft.Column(
            [
                ft.Text("Everything stays on this device, in one file:", size=13),
                ft.Text(where, selectable=True, font_family="monospace", size=13),
                ft.Text(
                    f"A backup is taken automatically once a day. {len(backups)} kept in the backups folder beside it.",
                    size=13,
                    color=ft.Colors.ON_SURFACE_VARIANT,
                ),
                ft.Row([ft.OutlinedButton("Back up now", icon=ft.Icons.BACKUP_OUTLINED, on_click=back_up_now)]),
                ft.Text(message, size=13, visible=bool(message)),
            ],
            spacing=8,
            tight=True,
        ),
    )
