"""Applications: the searchable, filterable list, one page from the database at a time."""

from __future__ import annotations

from datetime import date, timedelta

import flet as ft

from models.application import STATUS_LABELS, STATUSES
from services.applications import WAITING_DAYS, ApplicationPage, add_months
from services.dates import capitalised, day_text
from services.errors import ValidationError
from views.applications.dates import DateField, parse_day
from views.applications.format import STATUS_ICONS, StatusChip, snack, title_of
from views.common.fields import TextInput
from views.common.layout import EmptyState, Screen
from views.common.named import NamedDropdown, NamedIconButton
from views.context import use_services

# Rows drawn at first and added by each "Show more": a short first page keeps the
# client's work per visit small (each row is a ListTile built at once).
PAGE_SIZE = 20
PERIODS = {
    "all": "Any time", "7": "Last 7 days", "30": "Last 30 days", "3m": "Last 3 months", "12m": "Last year",
    "custom": "Between dates…",
}


def period_start(period: str, today: date) -> date | None:
    """The first day of a "last ..." period, today included ("3m": since this day three months ago)."""
    if period in ("all", "custom"):
        return None
    if period.endswith("m"):
        return add_months(today, -int(period[:-1])) + timedelta(days=1)
    return today - timedelta(days=int(period) - 1)


def read_range(from_text: str, to_text: str) -> tuple[date | None, date | None, dict[str, str]]:
    """The typed range; an unreadable or backwards end is reported at its field and left out."""
    found, errors = {}, {}
    for name, text in (("from", from_text), ("to", to_text)):
        try:
            found[name] = parse_day(text)
        except ValueError as exc:
            found[name], errors[name] = None, str(exc)
    if found["from"] and found["to"] and found["from"] > found["to"]:
        errors["to"] = "This is before the start date."
        found["to"] = None
    return found["from"], found["to"], errors


def IconAction(icon: ft.IconData, label: str, on_click) -> ft.Control:
    return NamedIconButton(label, icon, on_click)


@ft.component
def ApplicationsScreen(waiting: bool = False):
    services = use_services()
    page = ft.context.page
    today = services.clock.today()
    text, set_text = ft.use_state("")
    status, set_status = ft.use_state("applied" if waiting else "all")
    period, set_period = ft.use_state("all")
    source, set_source = ft.use_state("all")
    range_text, set_range_text = ft.use_state(("", ""))  # typed "from" and "to" for "Between dates…"
    shown, set_shown = ft.use_state(PAGE_SIZE)  # rows asked for, from the newest
    version, set_version = ft.use_state(0)

    def changed(setter):
        def handler(e):
            setter(e.control.value or "all")
            set_shown(PAGE_SIZE)

        return handler

    def search(typed: str) -> None:
        set_text(typed)
        set_shown(PAGE_SIZE)

    custom_from, custom_to, range_errors = read_range(*range_text) if period == "custom" else (None, None, {})
    date_to = today - timedelta(days=WAITING_DAYS) if waiting else custom_to
    def load() -> tuple[ApplicationPage, str | None]:
        try:
            return services.applications.queries.list_applications(
                text=text or None,
                statuses=None if status == "all" else [status],
                date_from=period_start(period, today) or custom_from,
                date_to=date_to,
                source=None if source == "all" else source,
                offset=0,
                limit=shown,
            ), None
        except ValidationError as exc:  # e.g. a whole page pasted into the search box
            return ApplicationPage(items=[], total=0, offset=0, limit=shown), exc.errors.get("text")

    result, search_error = ft.use_memo(load, [text, status, period, source, shown, version, waiting, custom_from, custom_to])
    sources = ft.use_memo(services.applications.queries.sources_in_use, [version])
    filtered = bool(text) or status != "all" or period != "all" or source != "all"

    def mark_all_no_reply():
        n = services.applications.mark_no_reply(before=today - timedelta(days=WAITING_DAYS))
        set_version(version + 1)
        snack(f"Marked {n} as no reply. Your list is lighter now.")

    def clear_filters():
        set_text("")
        set_status("all")
        set_period("all")
        set_range_text(("", ""))
        set_source("all")
        set_shown(PAGE_SIZE)

    filters = ft.ResponsiveRow(
        [
            TextInput(
                label="Search company, role, notes",
                prefix_icon=ft.Icons.SEARCH,
                value=text,
                error=search_error,
                on_change=search,
                col={"xs": 12, "md": 12},
                dense=True,
            ),
            NamedDropdown(
                label="Status", value=status, expand=True, dense=True, col={"xs": 6, "md": 4},
                options=[ft.DropdownOption(key="all", text="All")] + [ft.DropdownOption(key=s, text=STATUS_LABELS[s]) for s in STATUSES],
                on_select=changed(set_status), disabled=waiting,
            ),
            NamedDropdown(
                label="When", value=period, expand=True, dense=True, col={"xs": 6, "md": 4},
                options=[ft.DropdownOption(key=k, text=v) for k, v in PERIODS.items()],
                on_select=changed(set_period),
            ),
            NamedDropdown(
                label="Source", value=source, expand=True, dense=True, col={"xs": 12, "md": 4},
                options=[ft.DropdownOption(key="all", text="All")] + [ft.DropdownOption(key=s, text=s) for s in sources],
                on_select=changed(set_source),
            ),
            DateField(
                label="From", value=range_text[0], clock=services.clock, error=range_errors.get("from"), key="range-from",
                on_change=lambda t: (set_range_text(lambda r: (t, r[1])), set_shown(PAGE_SIZE)),
                first=date(today.year - 30, 1, 1), last=today, col={"xs": 6, "md": 4}, visible=period == "custom",
            ),
            DateField(
                label="To", value=range_text[1], clock=services.clock, error=range_errors.get("to"), key="range-to",
                on_change=lambda t: (set_range_text(lambda r: (r[0], t)), set_shown(PAGE_SIZE)),
                first=date(today.year - 30, 1, 1), last=today, col={"xs": 6, "md": 4}, visible=period == "custom",
            ),
        ],
        spacing=12,
        run_spacing=12,
    )

    controls: list[ft.Control] = []
    if waiting:
        controls.append(
            ft.Card(
        semantic_container=False,  # keep buttons and fields inside separately addressable
                content=ft.Container(
                    padding=16,
                    content=ft.Column(
                        [
                            ft.Text(f"Sent over {WAITING_DAYS} days ago with no reply yet."),
                            ft.Text("When a month goes by, a reply often isn't coming, and that's about their process, not you. "
                                    "Follow up once if it still matters; otherwise clear them and keep your list "
                                    "about what's live.",
                                    color=ft.Colors.ON_SURFACE_VARIANT),
                            ft.OutlinedButton(f"Mark all {result.total} as no reply", icon=ft.Icons.DONE_ALL,
                                              on_click=mark_all_no_reply, visible=result.total > 0),
                        ],
                        spacing=8, tight=True,
                    ),
                ),
                margin=0,
            )
        )
    controls.append(filters)

    if result.total == 0 and not filtered and not waiting:
        controls.append(EmptyState(ft.Icons.SEND_OUTLINED, "No applications yet",
                                   "Log one from Today with +1, or add one with its details here."))
    elif result.total == 0:
        controls.append(ft.Column(
            [ft.Text("Nothing matches these filters.", color=ft.Colors.ON_SURFACE_VARIANT),
             ft.TextButton("Clear filters", on_click=clear_filters, visible=filtered)],
            tight=True,
        ))
    else:
        first, last = result.offset + 1, result.offset + len(result.items)
        controls.append(ft.Text(f"{first}–{last} of {result.total:,}", color=ft.Colors.ON_SURFACE_VARIANT, key="list-range"))
        controls.append(ft.Column(
            [
                ft.ListTile(
                    key=f"app-{a.id}",
                    leading=ft.Icon(STATUS_ICONS.get(a.status, ft.Icons.SEND_OUTLINED), color=ft.Colors.PRIMARY),
                    title=ft.Text(title_of(a.company, a.role), max_lines=1, overflow=ft.TextOverflow.ELLIPSIS),
                    subtitle=ft.Text(" · ".join(x for x in (capitalised(day_text(a.applied_on, today)), a.source) if x)),
                    trailing=StatusChip(a.status),
                    on_click=lambda e, app_id=a.id: page.navigate(f"/applications/{app_id}"),
                    content_padding=ft.Padding.only(left=8, right=8),
                )
                for a in result.items
            ],
            spacing=0,
            tight=True,
        ))
        controls.append(ft.Row(
            [ft.TextButton("Show more", icon=ft.Icons.EXPAND_MORE, on_click=lambda: set_shown(shown + PAGE_SIZE))],
            alignment=ft.MainAxisAlignment.CENTER,
            visible=result.has_more,
        ))

    actions = [
        IconAction(ft.Icons.INSIGHTS, "Charts and patterns", lambda: page.navigate("/applications/insights")),
        ft.FilledButton("Add", icon=ft.Icons.ADD, on_click=lambda: page.navigate("/applications/new")),
    ]
    if waiting:
        actions = [IconAction(ft.Icons.ARROW_BACK, "All applications", lambda: page.navigate("/applications"))]
    return Screen("Waiting for a reply" if waiting else "Applications", controls, actions=actions)


@ft.component
def WaitingApplicationsScreen():
    return ApplicationsScreen(waiting=True)
