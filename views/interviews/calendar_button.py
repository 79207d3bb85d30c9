"""'Add to calendar': the round's .ics file, saved where the person chooses.

A copy is always written to the data folder's exports/ (services). Then Flet's own file
picker offers it: on the desktop a save dialog writes the bytes where the person picks;
on Android the system's save screen; in the browser view the same call becomes a
download of the file (checked in Chromium by tests/e2e/test_interviews.py). No route on
our server is needed, and nothing leaves the machine.
"""

from __future__ import annotations

import flet as ft

from services.errors import ValidationError
from views.applications.format import snack
from views.context import use_services


@ft.component
def CalendarButton(interview_id: int):
    services = use_services()
    page = ft.context.page
    picker = ft.use_memo(ft.FilePicker, [])  # a service: made once, registered with the page

    async def add() -> None:
        try:
            made = services.interviews.calendar.export_ics(interview_id=interview_id)
        except ValidationError as exc:
            snack(next(iter(exc.errors.values())))
            return
        saved = await picker.save_file(
            dialog_title="Save the calendar file", file_name=made.name, src_bytes=made.data,
            file_type=ft.FilePickerFileType.CUSTOM, allowed_extensions=["ics"],
        )
        if page.web:
            snack(f"{made.name} is in your downloads. Open it to add the interview to your calendar.", seconds=8)
        elif saved:
            snack(f"Saved {made.name}. Open it to add the interview to your calendar.", seconds=8)
        elif made.path:
            snack(f"A copy is in {made.path.parent}.", seconds=8)

    return ft.OutlinedButton("Add to calendar", icon=ft.Icons.EVENT_AVAILABLE_OUTLINED, on_click=add,
                             key=f"calendar-{interview_id}")
