"""The kept backups in Settings: each with its date, size and what it holds, and a Restore."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from services.storage.backup import BackupInfo

COUNT_WORDS = {
    "application": ("application", "applications"),
    "mood_entry": ("mood", "moods"),
    "practice_card": ("card", "cards"),
    "feedback": ("feedback", "feedback"),
}
REASONS = {"auto": "daily", "manual": "taken by you", "before-restore": "before a restore"}


def when(info: BackupInfo) -> str:
    return f"{info.taken_at:%a} {info.taken_at.day} {info.taken_at:%b %Y, %H:%M}"


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def holds(info: BackupInfo) -> str:
    if info.counts is None:
        return "can't be read"
    parts = []
    for table, (one, many) in COUNT_WORDS.items():
        if table in info.counts:
            n = info.counts[table]
            parts.append(f"{n:,} {one if n == 1 else many}")
    return ", ".join(parts) or "empty"


def reason_text(info: BackupInfo) -> str:
    if info.reason.startswith("before-v"):
        return "before an upgrade"
    return REASONS.get(info.reason, info.reason)


def BackupRow(info: BackupInfo, on_restore: Callable[[BackupInfo], None]) -> ft.Control:
    return ft.Row(
        [
            ft.Column(
                [
                    ft.Text(f"{when(info)} · {reason_text(info)}", size=14, weight=ft.FontWeight.W_500),
                    ft.Text(
                        f"{size_text(info.size)} · {holds(info)}",
                        size=13,
                        color=ft.Colors.ON_SURFACE_VARIANT,
                    ),
                ],
                spacing=2,
                tight=True,
                expand=True,
            ),
            ft.TextButton("Restore", on_click=lambda _: on_restore(info)),
        ],
        key=info.path.name,
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
    )


def BackupList(backups: list[BackupInfo], on_restore: Callable[[BackupInfo], None]) -> list[ft.Control]:
    if not backups:
        return []
    return [
        ft.Text(f"Kept backups ({len(backups)})", weight=ft.FontWeight.W_500),
        *(BackupRow(info, on_restore) for info in backups),
    ]
