import flet as ft

from services.errors import StorageError
from services.storage import backup
from services.storage.export import export_all, exports_dir
from services.storage.restore import restore
from views.common.dialogs import confirm
from views.common.layout import Section
from views.context import use_services
from views.settings.backups import BackupList, when


@ft.component
def DataSection():
    services = use_services()
    path = services.db.path
    backups, set_backups = ft.use_state(lambda: backup.describe(path) if path else [])
    message, set_message = ft.use_state("")

    def refresh():
        set_backups(backup.describe(path))

    def back_up_now():
        if path is None:
            return
        try:
            made = backup.backup_file(path, now=services.clock.now(), reason="manual")
        except StorageError as exc:
            set_message(exc.friendly)
            return
        refresh()
        set_message(f"Backed up as {made.name}.")

    def export():
        if path is None:
            return
        try:
            result = export_all(services.db, folder=exports_dir(path), now=services.clock.now())
        except StorageError as exc:  # the file was busy or unreadable while reading it
            set_message(exc.friendly)
            return
        except OSError as exc:
            set_message(f"The export didn't work this time ({exc.strerror or exc}). Your data is unchanged.")
            return
        set_message(
            f"Exported {result.rows} rows: {result.json_path.name} (everything) and "
            f"{result.csv_zip_path.name} (a CSV per table), in {result.json_path.parent}."
        )

    def ask_restore(chosen: backup.BackupInfo):
        def really():
            try:
                restore(services.db, chosen.path, now=services.clock.now())
            except StorageError as exc:
                set_message(exc.friendly)
                refresh()
                return
            refresh()
            set_message(
                f"Restored the backup from {when(chosen)}. How things were just before is kept too: "
                "it's the newest backup marked \u201cbefore a restore\u201d."
            )

        confirm(
            title="Restore this backup?",
            text=f"Your data will go back to how it was on {when(chosen)}. "
            "We'll keep a copy of how things are now first, so nothing is lost.",
            confirm_label="Restore",
            on_confirm=really,
            cancel_label="Cancel",
        )

    where = str(path) if path else "in memory (nothing is written to disk)"
    return Section(
        "Your data",
        ft.Column(
            [
                ft.Text("Everything stays on this device, in one file only you can read:", size=13),
                # Selectable text is a text box to a screen reader: name it.
                ft.Semantics(label="Data file", content=ft.Text(where, selectable=True, font_family="monospace", size=13)),
                ft.Text(
                    "A backup is taken automatically once a day. The last 7 days and 4 weeks are kept, "
                    "plus the ones taken before an upgrade or a restore.",
                    size=13,
                    color=ft.Colors.ON_SURFACE_VARIANT,
                ),
                ft.Row(
                    [
                        ft.OutlinedButton("Back up now", icon=ft.Icons.BACKUP_OUTLINED, on_click=back_up_now),
                        ft.OutlinedButton("Export my data", icon=ft.Icons.DOWNLOAD_OUTLINED, on_click=export),
                        ft.OutlinedButton("Import…", icon=ft.Icons.UPLOAD_FILE_OUTLINED, on_click=lambda: ft.context.page.navigate("/settings/import")),
                    ],
                    wrap=True,
                ),
                # Not selectable: Flutter leaves selectable text out of what screen readers (and tests) see.
                ft.Text(message, size=13, visible=bool(message)),
                *BackupList(backups, ask_restore),
            ],
            spacing=8,
            tight=True,
        ),
    )
