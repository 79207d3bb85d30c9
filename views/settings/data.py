import flet as ft

from services.storage import backup
from services.storage.export import export_all, exports_dir
from views.common.dialogs import confirm
from views.common.layout import Section
from views.context import use_services

SHOWN_BACKUPS = 5


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

    def export():
        if path is None:
            return
        try:
            result = export_all(services.db, folder=exports_dir(path), now=services.clock.now())
        except OSError as exc:
            set_message(f"The export didn't work this time ({exc.strerror or exc}). Your data is unchanged.")
            return
        set_message(
            f"Exported {result.rows} rows: {result.json_path.name} (everything) and "
            f"{result.csv_zip_path.name} (a CSV per table), in {result.json_path.parent}."
        )

    def restore(chosen):
        def really():
            try:
                backup.backup_file(path, now=services.clock.now(), reason="before-restore")
                backup.restore_backup(chosen, path)
            except OSError as exc:
                set_message(f"The restore didn't work ({exc.strerror or exc}). Your data is as it was.")
                return
            set_backups(backup.list_backups(path))
            set_message(f"Restored from {chosen.name}. Your data from before is kept as a backup too.")

        confirm(
            title="Restore this backup?",
            text=f"Your data will go back to how it was in {chosen.name}. "
            "We'll keep a copy of how things are now first, so nothing is lost.",
            confirm_label="Restore",
            on_confirm=really,
            cancel_label="Cancel",
        )

    where = str(path) if path else "in memory (nothing is written to disk)"
    rows = [
        ft.Row(
            [
                ft.Text(b.name, size=13, expand=True, font_family="monospace"),
                ft.TextButton("Restore", on_click=lambda _, b=b: restore(b)),
            ],
            key=b.name,
        )
        for b in backups[:SHOWN_BACKUPS]
    ]
    return Section(
        "Your data",
        ft.Column(
            [
                ft.Text("Everything stays on this device, in one file:", size=13),
                # Selectable text is a text box to a screen reader: name it.
                ft.Semantics(label="Data file", content=ft.Text(where, selectable=True, font_family="monospace", size=13)),
                ft.Text(
                    f"A backup is taken automatically once a day. {len(backups)} kept in the backups folder beside it.",
                    size=13,
                    color=ft.Colors.ON_SURFACE_VARIANT,
                ),
                ft.Row(
                    [
                        ft.OutlinedButton("Back up now", icon=ft.Icons.BACKUP_OUTLINED, on_click=back_up_now),
                        ft.OutlinedButton("Export my data", icon=ft.Icons.DOWNLOAD_OUTLINED, on_click=export),
                    ],
                    wrap=True,
                ),
                ft.Semantics(
                    label="Result", visible=bool(message), content=ft.Text(message, size=13, selectable=True)
                ),
                *([ft.Text("Recent backups", weight=ft.FontWeight.W_500)] if rows else []),
                *rows,
            ],
            spacing=8,
            tight=True,
        ),
    )
