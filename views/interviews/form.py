"""Schedule a round, or edit one: routes /applications/:id/interviews/new and /interviews/:interview_id/edit.

Typed text is kept in a draft without re-rendering (a render between the browser's text
update and the handler could send older text back); messages appear at their field.
A time that has passed asks once; an overlap is saved and noted.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import flet as ft

from models.interview import InterviewUpdate
from services.errors import NotFound, ValidationError
from services.interviews import FORMATS, PAST_QUESTION, ROUNDS, PastInterview, read_time
from views.applications.dates import DateField, parse_day
from views.applications.format import snack
from views.common.dialogs import confirm
from views.common.fields import TextInput
from views.common.layout import EmptyState, Screen
from views.common.named import NamedDropdown
from views.context import use_services
from views.interviews.format import Muted, parse_id, when_text
from views.interviews.people import PeopleFields

TEXTS = ("at", "duration_minutes", "location", "prep_notes", "company")


def _initial(existing, today: date) -> dict:
    if existing is None:
        return {"round": "technical", "format": "video", "day": (today + timedelta(days=1)).isoformat(), "at": "10:00",
                "duration_minutes": "60", "location": "", "prep_notes": "", "company": "", "people": {}}
    return {
        "round": existing.round, "format": existing.format, "day": existing.starts.date().isoformat(),
        "at": f"{existing.starts:%H:%M}", "duration_minutes": str(existing.duration_minutes),
        "location": existing.location or "", "prep_notes": existing.prep_notes, "company": "",
        "people": {i: {"name": n, "role": r} for i, (n, r) in enumerate(existing.people)},
    }


@ft.component
def InterviewForm():
    services = use_services()
    page = ft.context.page
    today = services.clock.today()
    params = ft.use_route_params()
    app_id, interview_id = parse_id(params.get("id")), parse_id(params.get("interview_id"))

    def load():
        try:
            existing = services.interviews.get(interview_id=interview_id) if interview_id else None
            app = services.applications.get(application_id=existing.application_id if existing else app_id)
            return existing, app
        except (NotFound, ValidationError):
            return None, None

    existing, app = ft.use_memo(load, [app_id, interview_id])
    draft = ft.use_ref(lambda: _initial(existing, today))
    picks, set_picks = ft.use_state(lambda: {k: draft.current[k] for k in ("round", "format", "day")})
    rows, set_rows = ft.use_state(lambda: list(draft.current["people"]))
    counter = ft.use_ref(lambda: itertools.count(len(draft.current["people"])))
    errors, set_errors = ft.use_state({})

    if app is None:
        return Screen("Interview", [EmptyState(ft.Icons.SEARCH_OFF, "Not found", "That application or interview isn't here any more.")])
    back = f"/interviews/{existing.id}" if existing else f"/applications/{app.id}"

    def pick(name: str, value: str) -> None:
        draft.current[name] = value
        set_picks(lambda p: {**p, name: value})

    def type_(name: str, value: str) -> None:
        draft.current[name] = value

    def day_changed(value: str) -> None:
        # Typed text only goes to the draft: drawing the field again after every key sent an
        # older value back while later keys were on their way, and dropped them ("2026-03-07"
        # became "202607"). A whole date (what the calendar gives) is drawn, to show the pick.
        draft.current["day"] = value
        if len(value) == 10 and value != picks["day"]:
            set_picks(lambda p: {**p, "day": value})

    def type_person(row: int, field: str, value: str) -> None:
        draft.current["people"].setdefault(row, {"name": "", "role": ""})[field] = value

    def add_person() -> None:
        row = next(counter.current)
        draft.current["people"][row] = {"name": "", "role": ""}
        set_rows(lambda r: [*r, row])

    def remove_person(row: int) -> None:
        draft.current["people"].pop(row, None)
        set_rows(lambda r: [x for x in r if x != row])

    def fields() -> dict:
        d = draft.current
        found: dict[str, str] = {}
        try:
            day = parse_day(d["day"])
        except ValueError as exc:
            found["day"], day = str(exc), None
        try:
            at = read_time(d["at"])
        except ValidationError as exc:
            found.update(exc.errors)
            at = None
        minutes = d["duration_minutes"].strip()
        if not minutes.isdigit():
            found["duration_minutes"] = "Write how long it lasts in minutes, like 45."
        if day is None and "day" not in found:
            found["day"] = "Pick the day of the interview."
        if found:
            raise ValidationError(found)
        return dict(round=d["round"], day=day, at=at, duration_minutes=int(minutes), format=d["format"],
                    location=d["location"], prep_notes=d["prep_notes"],
                    people=[d["people"][r] for r in rows if r in d["people"]])

    def save(past_ok: bool = False) -> None:
        try:
            values = fields()
            if existing is None:
                result = services.interviews.schedule_interview(
                    application_id=app.id, company=draft.current["company"] or None, past_ok=past_ok, **values)
            else:
                result = services.interviews.update_interview(
                    interview_id=existing.id, changes=InterviewUpdate(**values), past_ok=past_ok)
        except PastInterview:
            confirm(title="That time has passed", text=PAST_QUESTION.replace(" Save it anyway.", ""),
                    confirm_label="Save anyway", cancel_label="Change it", on_confirm=lambda: save(past_ok=True))
            return
        except ValidationError as exc:
            set_errors(exc.errors)
            return
        set_errors({})
        message = "Saved." if existing else "Scheduled. Good luck with your preparation."
        if result.moved_to_interview:
            message = "Scheduled, and the application moved to Interview. Well done for getting here."
        if result.overlaps:
            other = result.overlaps[0]
            message += f" Noted: it overlaps your {other.phrase} ({when_text(other, today)})."
        page.navigate(f"/interviews/{result.interview.id}")
        snack(message, seconds=8)

    def text(name: str, label: str, **kw) -> ft.TextField:
        return TextInput(label=label, value=draft.current[name], error=errors.get(name), key=f"field-{name}",
                            on_change=lambda text: type_(name, text), **kw)

    half = {"xs": 12, "md": 6}
    grid = ft.ResponsiveRow(
        [
            NamedDropdown(
                label="Kind of round", value=picks["round"], key="field-round", error_text=errors.get("round"),
                options=[ft.DropdownOption(key=k, text=v) for k, v in ROUNDS.items()], col=half, fit=16,
                on_select=lambda e: pick("round", e.control.value or "other")),
            *([ft.Container(col=half, content=text("company", "Company", max_length=200,
                                                   helper="This application has no company yet."))]
              if existing is None and not app.company else []),
            ft.Container(col=half, content=DateField(
                label="Day", value=draft.current["day"], error=errors.get("day"), key="field-day", clock=services.clock,
                on_change=day_changed, first=app.applied_on, last=today + timedelta(days=730))),
            ft.Container(col={"xs": 6, "md": 3}, content=text("at", "Time", hint_text="14:30")),
            ft.Container(col={"xs": 6, "md": 3}, content=text("duration_minutes", "Minutes",
                                                                keyboard_type=ft.KeyboardType.NUMBER)),
            ft.Container(col=12, content=ft.Column([
                ft.Text("How", weight=ft.FontWeight.W_600),
                ft.SegmentedButton(
                    key="field-format", selected=[picks["format"]], show_selected_icon=False,
                    segments=[ft.Segment(value=k, label=ft.Text(v)) for k, v in FORMATS.items()],
                    on_change=lambda e: pick("format", (e.control.selected or ["video"])[0])),
            ], spacing=6, tight=True)),
            ft.Container(col=12, content=text("location", "Where, or the meeting link", max_length=2000)),
        ],
        spacing=16, run_spacing=16,
    )
    who = PeopleFields(rows, draft.current["people"], errors, type_person, add_person, remove_person)
    notes = text("prep_notes", "Prep notes (optional)", multiline=True, min_lines=3, max_lines=10)
    buttons = ft.Row(
        [ft.TextButton("Cancel", on_click=lambda: page.navigate(back)),
         ft.FilledButton("Save", icon=ft.Icons.CHECK, on_click=lambda: save(), key="save-interview")],
        alignment=ft.MainAxisAlignment.END,
    )
    who_for = " · ".join(x for x in (app.role, app.company) if x) or "this application"
    return Screen(
        "Edit interview" if existing else "Schedule an interview",
        [
            Muted(f"For {who_for}. Times are in this device's time zone."),
            grid,
            ft.Text("Who you'll meet", weight=ft.FontWeight.W_600),
            who,
            notes,
            buttons,
        ],
    )
