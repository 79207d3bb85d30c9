"""The import screen's pieces: what can be imported, the matching steps, the preview and the summary."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from models.application import STATUS_LABELS, STATUSES
from services.mood import MOOD_LABELS
from services.transfer import FIELDS, KINDS, ORDERS, SKIP, Needs, Report, noun
from views.common.layout import Section

NOT_IN_FILE = "__none__"
CHOOSE = "__choose__"
KIND_HELP = [
    ("A Bounceback export", "The .json file from “Export my data”, on this device or another."),
    ("Daylio", "Its CSV export (Settings › Export entries › CSV). Your own mood names are matched with you."),
    ("Anki", "A deck exported as “Notes in Plain Text” (.txt), or a CSV or TSV of questions and answers."),
    ("A spreadsheet of applications", "A CSV from Huntr, Teal, LinkedIn or your own sheet. You check which column is which."),
]


def small(text: str, **kwargs) -> ft.Text:
    return ft.Text(text, size=13, color=ft.Colors.ON_SURFACE_VARIANT, **kwargs)


def Intro() -> ft.Control:
    rows = [
        ft.Column([ft.Text(title, weight=ft.FontWeight.W_500), small(text)], spacing=2, tight=True, key=title)
        for title, text in KIND_HELP
    ]
    return Section(
        "What you can bring in",
        ft.Column(
            [*rows, small("Nothing is changed until you've seen what will come in. A backup is taken first, "
                          "and importing the same file twice adds nothing the second time.")],
            spacing=10,
            tight=True,
        ),
    )


def FileError(message: str) -> ft.Control:
    return ft.Container(
        key="file-error",
        content=ft.Column(
            [
                ft.Row([ft.Icon(ft.Icons.ERROR_OUTLINE, color=ft.Colors.ERROR, size=20),
                        ft.Text("This file can't be imported as it is", weight=ft.FontWeight.W_600, expand=True)]),
                ft.Text(message, selectable=True),
                small("Nothing was written: your data is as it was."),
            ],
            spacing=6,
            tight=True,
        ),
        padding=12,
        border_radius=12,
        bgcolor=ft.Colors.ERROR_CONTAINER,
    )


def Working(fraction: float | None, stage: str) -> ft.Control:
    return ft.Column(
        [ft.ProgressBar(value=fraction, border_radius=4), small(stage or "Working…")],
        spacing=6,
        tight=True,
        key="working",
    )


def _dropdown(label: str, value: str, options: list[tuple[str, str]], on_pick: Callable[[str], None], *,
              hint: str | None = None, key: str) -> ft.Control:
    """A choice to make, not a mistake: a hint under it, never an error colour."""
    shown = dict(options).get(value, "")
    return ft.Semantics(  # a Dropdown's own label doesn't name it for screen readers (or tests)
        label=label,
        value=shown,
        hint_text=hint,
        expand=True,
        content=ft.Dropdown(
            key=key,
            label=label,
            value=value,
            options=[ft.DropdownOption(key=k, text=t) for k, t in options],
            on_select=lambda e: on_pick(e.control.value),
            helper_text=hint,
            expand=True,
        ),
    )


def MoodMatching(needs: Needs, on_pick: Callable[[str, int], None]) -> ft.Control:
    """Every mood name in the file with the mood it will be; the person's own names first."""
    faces = [(str(n), f"{n} · {MOOD_LABELS[n]}") for n in (5, 4, 3, 2, 1)]
    labels = sorted(needs.moods, key=lambda m: (needs.moods[m] is not None, -needs.mood_counts.get(m, 0)))
    rows = []
    for label in labels:
        mood = needs.moods[label]
        count = needs.mood_counts.get(label, 0)
        rows.append(
            ft.Row(
                [
                    _dropdown(f"“{label}”, {count} {'entry' if count == 1 else 'entries'}", str(mood) if mood else CHOOSE,
                              ([(CHOOSE, "Choose a mood…")] if mood is None else []) + faces,
                              lambda v, label=label: v != CHOOSE and on_pick(label, int(v)),
                              hint="One of your own: which mood is it?" if mood is None else None,
                              key=f"mood-{label}"),
                ],
                key=f"mood-row-{label}",
            )
        )
    return Section(
        "Match your moods",
        ft.Column(rows, spacing=16, tight=True),
        subtitle="Bounceback counts moods from 1 (very low) to 5 (great). Daylio's five usual names are matched "
        "already; check them, and place any of your own.",
    )


def ColumnMatching(needs: Needs, on_pick: Callable[[str, str | None], None]) -> ft.Control:
    choices = [(NOT_IN_FILE, "Not in this file")] + [(h, h) for h in needs.headers if h]
    rows = []
    for field, label in FIELDS.items():
        column = needs.columns.get(field)
        samples = needs.samples.get(column or "", [])
        missing = field in needs.missing_columns
        rows.append(
            ft.Column(
                [
                    ft.Row([_dropdown(label + (" (needed)" if field == "applied_on" else ""), column or NOT_IN_FILE, choices,
                                      lambda v, field=field: on_pick(field, None if v == NOT_IN_FILE else v),
                                      hint="Which column has the date you applied?" if missing else None,
                                      key=f"column-{field}")]),
                    *([small("For example: " + ", ".join(samples), no_wrap=False)] if samples else []),
                ],
                spacing=2,
                tight=True,
                key=f"column-row-{field}",
            )
        )
    return Section("Which column is which", ft.Column(rows, spacing=12, tight=True),
                   subtitle="We matched what we recognised. Change any that are wrong.")


def StatusMatching(needs: Needs, on_pick: Callable[[str, str], None]) -> ft.Control:
    choices = [(s, STATUS_LABELS[s]) for s in STATUSES] + [(SKIP, "Leave out (not applied yet)")]
    rows = []
    for value, status in needs.statuses.items():
        count = needs.status_counts.get(value, 0)
        guessed = value in needs.guessed_statuses
        rows.append(
            ft.Row([_dropdown(f"“{value}” ({count})", status, choices, lambda v, value=value: on_pick(value, v),
                              hint="We didn't recognise this one; check it." if guessed else None,
                              key=f"status-{value}")], key=f"status-row-{value}")
        )
    if not rows:
        return ft.Container()
    return Section("Statuses", ft.Column(rows, spacing=12, tight=True),
                   subtitle="How each status in your file reads in Bounceback.")


def DateOrder(needs: Needs, value: str | None, on_pick: Callable[[str], None]) -> ft.Control:
    if not needs.date_order_needed and value is None:
        return ft.Container()
    return Section(
        "Dates",
        ft.Row([_dropdown("How are the dates written?", value or CHOOSE,
                          ([(CHOOSE, "Choose…")] if value is None else []) + list(ORDERS.items()),
                          lambda v: v != CHOOSE and on_pick(v), key="date-order",
                          hint="Dates like 03/04/2024 could be either way." if value is None else None)]),
    )


def _line_rows(report: Report, *, done: bool) -> list[ft.Control]:
    rows = []
    for line in report.shown():
        verb = "added" if done else "to add"
        rows.append(ft.Row([ft.Icon(ft.Icons.ADD_CIRCLE_OUTLINE, size=18, color=ft.Colors.PRIMARY),
                            ft.Text(f"{line.added:,} {noun(line.table, line.added)} {verb}", expand=True)],
                           key=f"add-{line.table}"))
        if line.updated:
            rows.append(ft.Row([ft.Icon(ft.Icons.UPDATE, size=18, color=ft.Colors.PRIMARY),
                                ft.Text(f"{line.updated:,} {noun(line.table, line.updated)} "
                                        f"{'brought up to date' if done else 'to bring up to date'}", expand=True)],
                               key=f"update-{line.table}"))
        for why, n in line.skipped.items():
            rows.append(ft.Row([ft.Icon(ft.Icons.REMOVE_CIRCLE_OUTLINE, size=18, color=ft.Colors.ON_SURFACE_VARIANT),
                                ft.Text(f"{n:,} {noun(line.table, n)} {'left out' if done else 'to leave out'}: {why}",
                                        expand=True, color=ft.Colors.ON_SURFACE_VARIANT)],
                               key=f"skip-{line.table}-{why}"))
    return rows


def PreviewCard(file_name: str, kind: str, report: Report) -> ft.Control:
    body: list[ft.Control] = [small(f"{file_name}: {KINDS[kind]}", selectable=True), *_line_rows(report, done=False)]
    body += [ft.Text(note, size=13) for note in report.notes]
    if report.samples:
        body.append(ft.Text("A few of them, as they will be saved:", weight=ft.FontWeight.W_500))
        body += [small(sample, selectable=True) for sample in report.samples]
    if not report.added:
        body.append(ft.Text("Everything in this file is already here, so there is nothing to add.", weight=ft.FontWeight.W_500))
    return Section("What will come in", ft.Column(body, spacing=8, tight=True))


def SummaryCard(report: Report, backup_name: str | None) -> ft.Control:
    body: list[ft.Control] = [*_line_rows(report, done=True), *[ft.Text(note, size=13) for note in report.notes]]
    if backup_name:
        body.append(small(f"How things were just before is kept as a backup ({backup_name}), in case you want it back."))
    title = "All in" if report.added else "Nothing new to add"
    return Section(title, ft.Column(body, spacing=8, tight=True))
