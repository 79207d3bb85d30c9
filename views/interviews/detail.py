"""One interview: when, how, with whom, the prep plan, and what you can do with it.
Route /interviews/:interview_id."""

from __future__ import annotations

import flet as ft

from services.errors import NotFound
from views.applications.format import snack
from views.common.layout import EmptyState, Screen, Section
from views.context import use_services
from views.interviews.calendar_button import CalendarButton
from views.interviews.format import Muted, Note, RoundIcon, parse_id, people_line, when_text
from views.interviews.plan import PrepPlanView


def _row(label: str, value: str, key: str | None = None, selectable: bool = False) -> ft.Control:
    shown: ft.Control = ft.Text(value, key=key, selectable=selectable)
    if selectable:  # selectable text is a text box to a screen reader: it needs its name
        shown = ft.Semantics(label=label, content=shown)
    return ft.ResponsiveRow(
        [ft.Text(label, color=ft.Colors.ON_SURFACE_VARIANT, col={"xs": 12, "sm": 3}),
         ft.Container(content=shown, col={"xs": 12, "sm": 9})],
        spacing=4, run_spacing=0,
    )


@ft.component
def InterviewDetail():
    services = use_services()
    page = ft.context.page
    interview_id = parse_id(ft.use_route_params().get("interview_id"))
    version, set_version = ft.use_state(0)
    today = services.clock.today()

    def load():
        try:
            i = services.interviews.get(interview_id=interview_id)
        except NotFound:
            return None, None, []
        return i, services.interviews.plans.plan(interview_id=i.id), services.interviews.overlaps(interview_id=i.id)

    i, plan, overlaps = ft.use_memo(load, [interview_id, version])
    if i is None:
        return Screen("Interview", [
            ft.Row([ft.TextButton("All applications", icon=ft.Icons.ARROW_BACK,
                                  on_click=lambda: page.navigate("/applications"))]),
            EmptyState(ft.Icons.SEARCH_OFF, "Not found", "This interview was deleted or never existed.")])

    started = i.starts <= services.clock.now()

    def cancel():
        services.interviews.cancel_interview(interview_id=i.id)
        set_version(version + 1)

        def undo():
            services.interviews.reinstate_interview(interview_id=i.id)
            set_version(lambda v: v + 1)

        snack("Cancelled. It stays here, out of your plan and reminders.", action="Undo", on_action=undo)

    def reinstate():
        services.interviews.reinstate_interview(interview_id=i.id)
        set_version(version + 1)
        snack("It's back on.")

    def delete():
        snapshot = services.interviews.delete_interview(interview_id=i.id)

        def undo():
            services.interviews.restore_interview(snapshot=snapshot)
            page.navigate(f"/interviews/{i.id}")

        page.navigate(f"/applications/{i.application_id}")
        snack("Interview deleted.", action="Undo", on_action=undo)

    head: list[ft.Control] = [
        ft.Row([ft.TextButton("Back to the application", icon=ft.Icons.ARROW_BACK,
                              on_click=lambda: page.navigate(f"/applications/{i.application_id}"))]),
        ft.Row([RoundIcon(i, 26), ft.Text(when_text(i, today), weight=ft.FontWeight.W_600, expand=True,
                                          key="interview-when")]),
    ]
    if i.cancelled:
        head.append(Note(f"Cancelled on {i.cancelled_on.day} {i.cancelled_on:%b}. It won't be in your plan or reminders.",
                         icon=ft.Icons.EVENT_BUSY))
    if i.zone_note:
        head.append(Note(i.zone_note, icon=ft.Icons.PUBLIC, key="zone-note"))
    for other in overlaps:
        head.append(Note(f"This overlaps your {other.phrase} ({when_text(other, today)}). That's allowed; "
                         "just so you know.", icon=ft.Icons.EVENT_REPEAT, key=f"overlap-{other.id}"))

    details = [_row("Round", i.round_label), _row("How", i.format_label)]
    if i.location:  # a meeting link or an address: selectable, to copy
        details.append(_row("Where", i.location, key="interview-where", selectable=True))
    if i.people:
        details.append(_row("With", people_line(i), key="interview-people"))
    if i.prep_notes:
        details.append(_row("Prep notes", i.prep_notes))
    sections: list[ft.Control] = [Section("Details", ft.Column(details, spacing=8, tight=True))]
    if not started and not i.cancelled:
        sections.append(Section("What to practise", PrepPlanView(i, plan, today),
                                subtitle="Questions from your practice set that fit this round; yours from feedback first."))
    if started and not i.cancelled:
        done = [x for x, yes in (("checked in", i.mood_entry_id), ("thank-you sent", i.thank_you_sent_on)) if yes]
        sections.append(Section(
            "After the interview",
            ft.Column([
                Muted(("So far: " + " and ".join(done) + ".") if done else
                      "A quick check-in, the questions they asked, and a thank-you note while it's fresh."),
                ft.Row([ft.FilledButton("How did it go?", icon=ft.Icons.FORUM_OUTLINED, key="how-did-it-go",
                                        on_click=lambda: page.navigate(f"/interviews/{i.id}/after"))]),
            ], spacing=8, tight=True),
        ))
    actions = ft.Row(
        [
            ft.OutlinedButton("Edit", icon=ft.Icons.EDIT_OUTLINED, on_click=lambda: page.navigate(f"/interviews/{i.id}/edit")),
            CalendarButton(i.id),
            ft.TextButton("It's back on", icon=ft.Icons.EVENT_AVAILABLE, on_click=reinstate) if i.cancelled
            else ft.TextButton("Cancel this interview", icon=ft.Icons.EVENT_BUSY, on_click=cancel),
            ft.TextButton("Delete", icon=ft.Icons.DELETE_OUTLINE, on_click=delete,
                          style=ft.ButtonStyle(color=ft.Colors.ERROR)),
        ],
        wrap=True, spacing=8, run_spacing=8,
    )
    return Screen(i.title, [*head, *sections, actions])
