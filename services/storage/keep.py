"""Which backups to keep: the last 7 daily and 4 weekly ones, plus every pinned one.

Daily: the newest backup of each of the 7 most recent days that have one.
Weekly: the newest backup of each of the 4 most recent ISO weeks that have one
(often the same file as a daily one). Pinned: those taken before a schema
upgrade or a restore ("before-..."), kept until the person deletes them,
since they hold the state just before something changed it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from datetime import datetime

KEEP_DAILY = 7
KEEP_WEEKLY = 4


def kept(backups: Iterable[tuple[Hashable, datetime, str]]) -> set[Hashable]:
    """From (key, taken_at, reason) triples, the keys to keep."""
    regular = []
    keep: set[Hashable] = set()
    for key, taken, reason in backups:
        if reason.startswith("before-"):
            keep.add(key)
        else:
            regular.append((taken, key))
    regular.sort(key=lambda item: item[0], reverse=True)  # newest first
    for slot, limit in ((lambda t: t.date(), KEEP_DAILY), (lambda t: t.isocalendar()[:2], KEEP_WEEKLY)):
        seen: list[object] = []
        for taken, key in regular:
            bucket = slot(taken)
            if bucket not in seen:
                if len(seen) == limit:
                    break
                seen.append(bucket)
                keep.add(key)
    return keep
