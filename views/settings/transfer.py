"""Settings › Import: pick a file, match what needs matching, see what will come in, import it.

The file picker works in the desktop window (we get a path) and in the browser
view (the file is uploaded to a private folder through a signed URL, read once
and deleted: main.py sets up the folder and the signing key). Reading, checking
and saving run off the event loop, with a progress bar the whole time.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from dataclasses import replace
from pathlib import Path

import flet as ft

from services.errors import StorageError, ValidationError
from services.storage.paths import uploads_dir
from services.transfer import MAX_BYTES, FileProblem, Options, TransferService
from services.transfer.source import too_big
from views.common.layout import Screen, Section
from views.context import use_services
from views.settings.transfer_parts import (
    ColumnMatching,
    DateOrder,
    FileError,
    Intro,
    MoodMatching,
    PreviewCard,
    StatusMatching,
    SummaryCard,
    Working,
)

log = logging.getLogger(__name__)
NEXT = {"daylio": ("See your moods", "/mood"), "anki": ("Open your deck", "/practice/cards"),
        "tracker": ("See your applications", "/applications"), "bounceback": ("Go to Today", "/")}
UNSAVED = "We couldn't save that just now, so nothing was imported. Your data is as it was; please try again in a moment."


@ft.component
def ImportScreen():
    services = use_services()
    page = ft.context.page
    transfer = ft.use_memo(lambda: TransferService(services.db, services.clock), [])
    step, set_step = ft.use_state("choose")  # choose | match | preview | done
    source, set_source = ft.use_state(None)
    options, set_options = ft.use_state(Options())
    needs, set_needs = ft.use_state(None)
    preview, set_preview = ft.use_state(None)
    report, set_report = ft.use_state(None)
    error, set_error = ft.use_state("")
    busy, set_busy = ft.use_state(None)  # (fraction or None, what is happening) while working
    handlers = ft.use_memo(dict, [])  # this render's handlers, for the picker made on the first one
    picker = ft.use_memo(lambda: _picker(handlers), [])
    uploading = ft.use_memo(dict, [])  # the upload under way: its name in the uploads folder

    async def run(job, stage: str):
        """Run `job(progress)` in a thread; the bar follows its progress. Returns its result."""
        seen = {"fraction": None, "stage": stage}
        set_busy((None, stage))

        def progress(fraction: float, what: str) -> None:
            seen.update(fraction=fraction, stage=what)

        task = asyncio.ensure_future(asyncio.to_thread(job, progress))
        try:
            while not task.done():
                await asyncio.wait({task}, timeout=0.2)
                set_busy((seen["fraction"], seen["stage"]))
            return task.result()
        finally:
            set_busy(None)

    async def open_source(read) -> None:
        set_error("")
        try:
            found = await run(lambda _p: read(), "Reading the file")
            first = Options()
            found_needs = await run(lambda _p: transfer.needs(source=found, options=first), "Checking every row")
        except ValidationError as exc:
            set_error(exc.errors.get("file") or "; ".join(exc.errors.values()))
            return
        set_source(found)
        set_options(first)
        set_needs(found_needs)
        set_report(None)
        if found.kind == "tracker" or not found_needs.ready:  # columns are always confirmed; own moods placed
            set_step("match")
        else:
            await show_preview(found, first)

    async def show_preview(found, chosen: Options) -> None:
        try:
            made = await run(lambda p: transfer.preview(source=found, options=chosen, progress=p), "Checking every row")
        except FileProblem as exc:
            set_error(exc.message)
            set_step("choose")
            return
        set_preview(made)
        set_step("preview")

    async def on_result(e: ft.FilePickerResultEvent):
        if not e.files:
            return  # closed without choosing: nothing to say
        picked = e.files[0]
        set_error("")
        if picked.path:
            await open_source(lambda: transfer.read_file(path=Path(picked.path)))
        elif picked.bytes is not None:
            await open_source(lambda: transfer.read_bytes(name=picked.name, data=picked.bytes))
        elif picked.size > MAX_BYTES:
            set_error(too_big(picked.size))  # said before a byte is sent
        else:
            await upload(picked)

    async def upload(picked):
        name = f"import-{secrets.token_hex(8)}.upload"
        try:
            url = page.get_upload_url(name, 600)
        except RuntimeError:
            set_error("The browser view can't receive files as it was started. Start Bounceback with main.py, "
                      "or use `main.py import FILE` on this computer.")
            return
        uploading["name"], uploading["shown"] = name, picked.name
        set_busy((0.0, f"Sending {picked.name} to Bounceback on this computer"))
        await picker.upload([ft.FilePickerUploadFile(upload_url=url, id=picked.id, name=picked.name)])

    async def on_upload(e: ft.FilePickerUploadEvent):
        path = uploads_dir(services.db.path.parent) / uploading.get("name", "")
        if e.error:
            path.unlink(missing_ok=True)  # a refused upload (too big, expired) may leave part of it behind
            set_busy(None)
            set_error(f"The file didn't arrive ({e.error}). Nothing was written; please try again.")
            return
        if (e.progress or 0) < 1.0:
            set_busy((e.progress, f"Sending {e.file_name} to Bounceback on this computer"))
            return

        def read_and_delete():
            try:
                found = transfer.read_file(path=path)
                found.name = uploading.get("shown") or found.name  # the name the person picked, not ours
                return found
            finally:
                path.unlink(missing_ok=True)  # the copy is not kept: your file stays yours

        await open_source(read_and_delete)

    handlers.update(result=on_result, upload=on_upload)

    def choose(chosen: Options) -> None:
        set_options(chosen)
        set_needs(transfer.needs(source=source, options=chosen))

    def pick_mood(label: str, mood: int) -> None:
        choose(replace(options, mood_map={**options.mood_map, label: mood}))

    def pick_column(field: str, column: str | None) -> None:
        choose(replace(options, columns={**(needs.columns if needs else {}), field: column}))

    def pick_status(value: str, status: str) -> None:
        choose(replace(options, status_map={**options.status_map, value: status}))

    def pick_order(order: str) -> None:
        choose(replace(options, date_order=order))

    async def to_preview():
        await show_preview(source, options)

    async def do_import():
        try:
            done = await run(lambda p: transfer.apply(source=source, options=options, progress=p), "Saving")
        except FileProblem as exc:
            fail(exc.message)
            return
        except (StorageError, OSError, ValidationError) as exc:
            log.warning("import failed: %s", exc)
            fail(UNSAVED)
            return
        except Exception:  # a locked or full disk shows up as a database error; never half-saved
            log.exception("import failed")
            fail(UNSAVED)
            return
        set_report(done)
        set_step("done")

    def fail(message: str) -> None:
        set_error(message)
        set_step("choose")

    def start_over():
        set_step("choose")
        set_source(None)
        set_preview(None)
        set_report(None)
        set_error("")

    choose_button = ft.FilledButton("Choose a file…", icon=ft.Icons.UPLOAD_FILE_OUTLINED,
                                    action=ft.PickFiles(picker, dialog_title="Choose a file to import"),
                                    disabled=busy is not None, key="choose")
    back = ft.TextButton("Back to Settings", icon=ft.Icons.ARROW_BACK, on_click=lambda: page.navigate("/settings"), key="back")
    controls: list[ft.Control] = []
    if step == "choose":
        controls = [Intro(), Section("Your file", ft.Column(
            [small_help(), ft.Row([choose_button], wrap=True), *([FileError(error)] if error else [])],
            spacing=10, tight=True))]
    elif step == "match" and needs is not None:
        if source.kind == "daylio":
            controls.append(MoodMatching(needs, pick_mood))
        else:
            controls += [ColumnMatching(needs, pick_column), StatusMatching(needs, pick_status),
                         DateOrder(needs, options.date_order, pick_order)]
        controls.append(ft.Row([
            ft.FilledButton("Continue", icon=ft.Icons.ARROW_FORWARD, disabled=not needs.ready or busy is not None,
                            on_click=to_preview),
            ft.TextButton("Choose another file", on_click=start_over),
        ], wrap=True, key="match-actions"))
    elif step == "preview" and preview is not None:
        controls.append(PreviewCard(source.name, source.kind, preview.report))
        actions = [ft.FilledButton("Import", icon=ft.Icons.DOWNLOAD_DONE, on_click=do_import,
                                   disabled=busy is not None or not preview.report.added, key="import")]
        if source.kind in ("daylio", "tracker"):
            actions.append(ft.TextButton("Change the matching", on_click=lambda: set_step("match")))
        actions.append(ft.TextButton("Choose another file", on_click=start_over))
        controls.append(ft.Row(actions, wrap=True, key="preview-actions"))
    elif step == "done" and report is not None:
        label, route = NEXT[source.kind]
        controls += [SummaryCard(report, report.backup), ft.Row([
            ft.FilledButton(label, icon=ft.Icons.ARROW_FORWARD, on_click=lambda: page.navigate(route)),
            ft.TextButton("Import another file", on_click=start_over),
        ], wrap=True, key="done-actions")]
    if busy is not None:
        controls.append(Working(*busy))
    if error and step != "choose":
        controls.append(FileError(error))
    # Cards the same width, whatever their text: a column that stretches its children.
    body = ft.Column(controls, spacing=16, tight=True, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
    return Screen("Import", [back, body])


def _picker(handlers: dict) -> ft.FilePicker:
    """A FilePicker (a service: it registers itself with the page when made). Its handlers must be
    set as it is made, since they are sent with its registration; they call the latest render's."""

    async def on_result(e):
        await handlers["result"](e)

    async def on_upload(e):
        await handlers["upload"](e)

    return ft.FilePicker(on_result=on_result, on_upload=on_upload)


def small_help() -> ft.Control:
    return ft.Text(f"Pick a file on this computer (up to {MAX_BYTES // (1024 * 1024)} MB). We look at what is inside, "
                   "so the name doesn't matter.", size=13, color=ft.Colors.ON_SURFACE_VARIANT)
