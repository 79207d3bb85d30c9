"""The stage funnel beside the other charts: applied, heard back, each round, offer;
overall and by source or role, with the round where things most often end, gently said."""

from __future__ import annotations

import flet as ft

from services.interviews import GROUPS, Funnel
from views.common.groups import GroupList
from views.common.layout import Section
from views.context import use_services, use_viewport
from views.interviews.format import Muted


def Bars(funnel: Funnel) -> ft.Control:
    """One bar per stage, as a share of applications: plain rows that read well on a phone."""
    top = max(funnel.applied, 1)
    rows = []
    for stage in funnel.stages:
        rows.append(ft.Column(
            [
                ft.Row([ft.Text(stage.label, expand=True), ft.Text(f"{stage.count:,}", weight=ft.FontWeight.W_600)]),
                ft.ProgressBar(value=stage.count / top, bar_height=10, border_radius=5,
                               bgcolor=ft.Colors.with_opacity(0.12, ft.Colors.PRIMARY)),
            ],
            spacing=4, tight=True, key=f"funnel-{stage.key}",
        ))
    return ft.Column(rows, spacing=10, tight=True)


def _funnel_figures(f: Funnel) -> str:
    if f.too_small:
        return f"{f.count('applied'):,} sent"
    return (f"{f.count('applied'):,} sent · {f.count('heard_back'):,} heard back · "
            f"{f.count('round_1'):,} interviewed · {f.count('offer'):,} {'offer' if f.count('offer') == 1 else 'offers'}")


def GroupTable(funnels: list[Funnel], narrow: bool) -> ft.Control:
    if narrow:
        return GroupList([(f.group, _funnel_figures(f)) for f in funnels[:12]], key="funnel-group")
    keys = ["applied", "heard_back", "round_1", "offer"]
    table = ft.DataTable(
        columns=[ft.DataColumn(ft.Text("Group")), ft.DataColumn(ft.Text("Sent"), numeric=True),
                 ft.DataColumn(ft.Text("Heard back"), numeric=True), ft.DataColumn(ft.Text("Interviewed"), numeric=True),
                 ft.DataColumn(ft.Text("Offer"), numeric=True)],
        rows=[
            ft.DataRow(cells=[ft.DataCell(ft.Text(f.group, max_lines=2, width=150)),
                              *(ft.DataCell(ft.Text("—" if f.too_small and k != "applied" else f"{f.count(k):,}",
                                                    color=ft.Colors.ON_SURFACE_VARIANT if f.too_small else None))
                                for k in keys)])
            for f in funnels[:12]
        ],
        column_spacing=18, horizontal_margin=8,
    )
    return ft.Row([table], scroll=ft.ScrollMode.AUTO)


@ft.component
def FunnelSection():
    services = use_services()
    narrow = use_viewport().narrow
    by, set_by = ft.use_state("all")
    overall = ft.use_memo(services.interviews.funnel.overall, [])
    groups = ft.use_memo(lambda: services.interviews.funnel.by(dimension=by) if by != "all" else [], [by])
    content: list[ft.Control] = [
        ft.Row(  # chips, not a segmented button: the charts above already have one
            [ft.Chip(label=text, key=f"funnel-by-{key}", selected=by == key, on_select=lambda _, key=key: set_by(key))
             for key, text in (("all", "All"), *((k, f"By {label.lower()}") for k, (label, _) in GROUPS.items()))],
            wrap=True, spacing=6, run_spacing=6,
        ),
    ]
    if by == "all":
        content.append(Bars(overall))
        if overall.note:
            content.append(ft.Container(ft.Text(overall.note, key="funnel-note"), bgcolor=ft.Colors.SECONDARY_CONTAINER,
                                        border_radius=10, padding=12))
    else:
        content.append(GroupTable(groups, narrow) if groups else Muted("Nothing to group yet."))
        content.append(Muted("Groups with fewer than five applications show only how many were sent."))
    content.append(Muted("Each stage counts the applications that got at least that far; a round counts once it has "
                         "taken place."))
    return Section("From applying to an offer", ft.Column(content, spacing=12, tight=True),
                   subtitle="Where your applications go, stage by stage.")
