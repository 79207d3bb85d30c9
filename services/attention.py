""""Needs attention" on Today: each feature offers its own items; this gathers them.

A provider is any callable `(today) -> list[AttentionItem]`. Features register
theirs in `AppServices.attention_providers` (services/container.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class AttentionItem:
    key: str  # stable and unique, e.g. "reapply:42"; used as the list key
    title: str  # short, warm, plain
    detail: str = ""
    route: str = "/"  # where tapping it goes
    icon: str = "info"  # a Material icon name, e.g. "schedule", "school"
    priority: int = 50  # lower comes first


AttentionProvider = Callable[[date], list[AttentionItem]]


def gather(providers: Iterable[AttentionProvider], today: date) -> list[AttentionItem]:
    items: list[AttentionItem] = []
    for provide in providers:
        items.extend(provide(today))
    return sorted(items, key=lambda i: (i.priority, i.title))
