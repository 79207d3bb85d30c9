"""The Feedback list: records grouped by request status, recurring themes, open actions."""

from __future__ import annotations

import flet as ft

from services.dates import capitalised, day_text
from services.errors import ValidationError
from services.feedback import themes
from views.common.fields import TextInput
from views.common.layout import EmptyState, Screen, Section
from views.context import use_services
from views.feedback.common import STATUS_ICONS, FullWidth, ListSection, Muted, status_line

GROUPS = (
    ("asked", "Waiting for a reply"),
    ("not_asked", "Not asked yet"),
    ("received", "Received"),
    ("no_reply", "No reply"),
)
FIRST_PAGE = 5
MORE = 20


def go(route: str) -> None:
    ft.context.page.navigate(route)


@ft.component
def FeedbackGroup(status: str, title: str, total: int, version: int):
    services = use_services()
    shown, set_shown = ft.use_state(FIRST_PAGE)
    rows = ft.use_memo(lambda: services.feedback.queries.list_feedback(status=status, limit=shown), [status, shown, version])
    today = services.clock.today()

    tiles: list[ft.Control] = []
    for r in rows:
        bits = [status_line(r.status, r.asked_on, r.received_on, today)]
        if r.theme:
            bits.append(themes.GUIDES[r.theme].title)
        if r.open_actions:
            bits.append(f"{r.open_actions} open action{'s' if r.open_actions != 1 else ''}")
        tiles.append(
            ft.ListTile(
                key=f"feedback-{r.id}",
                leading=ft.Icon(STATUS_ICONS[r.status]),
                title=ft.Text(r.title, max_lines=1, overflow=ft.TextOverflow.ELLIPSIS),
                subtitle=ft.Text(" · ".join(bits), max_lines=2, overflow=ft.TextOverflow.ELLIPSIS),
                trailing=ft.Text(capitalised(day_text(r.rejected_on, today)), size=12, color=ft.Colors.ON_SURFACE_VARIANT),
                on_click=lambda e, i=r.id: go(f"/feedback/{i}"),
                content_padding=ft.Padding.symmetric(horizontal=4),
            )
        )
    more = total - len(rows)
    return ListSection(
        f"{title} ({total})",
        ft.Column(
            [
                *tiles,
                *(
                    [
                        ft.TextButton(
                            f"Show {min(more, MORE)} more",
                            on_click=lambda: set_shown(shown + MORE),
                            key=f"more-{status}",
                        )
                    ]
                    if more > 0
                    else []
                ),
            ],
            spacing=0,
            tight=True,
        ),
    )


def ThemesSummary(counts) -> ft.Control:
    if not counts:
        return Muted("Once a few replies are in, the themes that keep coming up show here.")
    top = counts[0]
    rows: list[ft.Control] = []
    for c in counts:
        rows.append(
            ft.Column(
                [
                    ft.Row(
                        [
                            ft.Text(themes.GUIDES[c.theme].title, expand=True),
                            ft.Text(c.sentence, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
                        ],
                    ),
                    ft.ProgressBar(value=c.count / max(c.total, 1), border_radius=4),
                ],
                key=f"theme-{c.theme}",
                spacing=4,
                tight=True,
            )
        )
    note = (
        "One opinion is one opinion. When the same theme keeps coming up, it's worth a closer look."
        if top.count >= 2
        else "No pattern yet: each piece of feedback is one person's view."
    )
    return ft.Column([*rows, Muted(note)], spacing=10, tight=True)


@ft.component
def OpenActions(version: int, on_changed):
    services = use_services()
    items = ft.use_memo(lambda: services.feedback.actions.open_actions(limit=5), [version])
    total = ft.use_memo(services.feedback.actions.open_action_count, [version])
    if not items:
        return Muted("No open actions. Add some from a feedback record when you're ready.")

    def tick(action_id: int):
        services.feedback.actions.set_action_done(action_id=action_id, done=True)
        on_changed()

    def where(a) -> str:
        return " at ".join(x for x in (a.role, a.company) if x) or "A rejection"

    controls: list[ft.Control] = [
        ft.Row(
            [
                ft.Checkbox(
                    value=False, key=f"open-action-{a.id}", semantics_label=a.text, on_change=lambda e, i=a.id: tick(i)
                ),
                ft.Column(
                    [
                        ft.Text(a.text),
                        ft.Text(
                            where(a),
                            size=12,
                            color=ft.Colors.ON_SURFACE_VARIANT,
                        ),
                    ],
                    spacing=0,
                    tight=True,
                    expand=True,
                ),
                ft.TextButton(
                    # "Open" alone, five times over, tells a screen reader user nothing.
                    content=ft.Text("Open", semantics_label=f"Open the record: {where(a)}"),
                    on_click=lambda e, i=a.feedback_id: go(f"/feedback/{i}"),
                ),
            ],
            vertical_alignment=ft.CrossAxisAlignment.CENTER,
        )
        for a in items
    ]
    if total > len(items):
        controls.append(Muted(f"And {total - len(items)} more in your records."))
    return ft.Column(controls, spacing=4, tight=True)


@ft.component
def AddFeedbackForm(on_close):
    """A record for a rejection that was never logged as an application (the Add dialog's body)."""
    services = use_services()
    company, set_company = ft.use_state("")
    role, set_role = ft.use_state("")
    errors, set_errors = ft.use_state({})

    def save():
        try:
            record = services.feedback.record_feedback(company=company, role=role)
        except ValidationError as err:
            set_errors(err.errors)
            return
        on_close()
        ft.context.page.navigate(f"/feedback/{record.id}")

    return ft.Column(
        [
            Muted("For a rejection you didn't log as an application."),
            TextInput(label="Company", value=company, on_change=set_company, error=errors.get("company"),
                      key="add-company"),
            TextInput(label="Role", value=role, on_change=set_role, error=errors.get("role"), key="add-role"),
            ft.Row(
                [ft.TextButton("Cancel", on_click=lambda: on_close()), ft.FilledButton("Add", on_click=lambda: save())],
                alignment=ft.MainAxisAlignment.END,
            ),
        ],
        tight=True,
        width=380,
        spacing=12,
    )


@ft.component
def FeedbackScreen():
    services = use_services()
    version, set_version = ft.use_state(0)
    counts = ft.use_memo(services.feedback.queries.status_counts, [version])
    recurring = ft.use_memo(services.feedback.queries.recurring_themes, [version])
    adding, set_adding = ft.use_state(False)

    def refresh():
        set_version(version + 1)

    def close_add():
        set_adding(False)

    ft.use_dialog(
        ft.AlertDialog(title=ft.Text("Add feedback"), content=AddFeedbackForm(close_add), on_dismiss=close_add)
        if adding
        else None
    )

    keyword_card = Section(
        "Resume vs. listing",
        FullWidth(
            ft.Column(
                [
                    Muted(
                        "Paste a job listing and your resume to see which of its keywords your resume doesn't mention yet."
                    ),
                    ft.OutlinedButton(
                        "Check keywords", icon=ft.Icons.MANAGE_SEARCH, on_click=lambda: go("/feedback/keywords")
                    ),
                ],
                spacing=8,
                tight=True,
            )
        ),
    )
    add = ft.FilledTonalButton("Add", icon=ft.Icons.ADD, on_click=lambda: set_adding(True))
    if not any(counts.values()):
        return Screen(
            "Feedback",
            [
                EmptyState(
                    ft.Icons.FORUM_OUTLINED,
                    "Nothing to learn from yet",
                    "When an application is marked rejected, a record appears here: ask for feedback, note "
                    "what they said, and turn it into next steps.",
                ),
                keyword_card,
            ],
            actions=[add],
        )
    groups = [FeedbackGroup(s, title, counts[s], version) for s, title in GROUPS if counts[s]]
    return Screen(
        "Feedback",
        [
            Section("What keeps coming up", ThemesSummary(recurring)),
            ListSection("Open actions", OpenActions(version, refresh)),
            *groups,
            keyword_card,
        ],
        actions=[add],
    )
