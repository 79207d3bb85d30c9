"""Delete an application so that Undo can put everything back exactly.

Other features link their rows to an application (mood entries, feedback
records, ...) and the database cascades or unlinks them on delete. Rather than
knowing about each of them, the snapshot asks SQLite which tables point here
(PRAGMA foreign_key_list), keeps the rows a delete would remove and the links
it would clear, and restore writes them back in parent-first order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MAX_DEPTH = 4  # application -> feedback -> action items ... is plenty


@dataclass(frozen=True)
class Snapshot:
    table: str
    rows: list[dict[str, Any]] = field(default_factory=list)  # whole rows that a delete removes
    unlinked: list[tuple[str, str, Any, list[int]]] = field(default_factory=list)  # (table, column, value, rowids)
    children: list[Snapshot] = field(default_factory=list)


def _referencing(conn, table: str) -> list[tuple[str, str, str, str]]:
    """(child table, child column, parent column, on delete) for every FK pointing at `table`."""
    found = []
    names = [r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")]
    for name in names:
        for fk in conn.exec_driver_sql(f'PRAGMA foreign_key_list("{name}")'):
            # id, seq, table, from, to, on_update, on_delete, match
            if fk[2] == table:
                found.append((name, fk[3], fk[4] or "id", (fk[6] or "").upper()))
    return found


def take(conn, table: str, column: str, values: list[Any], depth: int = 0) -> Snapshot:
    """What deleting the rows of `table` where `column` in `values` would take with it."""
    marks = ",".join("?" for _ in values)
    cur = conn.exec_driver_sql(f'SELECT * FROM "{table}" WHERE "{column}" IN ({marks})', tuple(values))
    rows = [dict(r._mapping) for r in cur]
    snap = Snapshot(table=table, rows=rows)
    if not rows or depth >= MAX_DEPTH:
        return snap
    for child, child_col, parent_col, on_delete in _referencing(conn, table):
        keys = sorted({r[parent_col] for r in rows if r.get(parent_col) is not None})
        if not keys:
            continue
        if on_delete == "CASCADE":
            snap.children.append(take(conn, child, child_col, keys, depth + 1))
        elif on_delete == "SET NULL":
            for key in keys:
                ids = [
                    r[0]
                    for r in conn.exec_driver_sql(f'SELECT rowid FROM "{child}" WHERE "{child_col}" = ?', (key,))
                ]
                if ids:
                    snap.unlinked.append((child, child_col, key, ids))
    return snap


def restore(conn, snap: Snapshot) -> None:
    for row in snap.rows:
        cols = ", ".join(f'"{c}"' for c in row)
        marks = ", ".join("?" for _ in row)
        conn.exec_driver_sql(f'INSERT INTO "{snap.table}" ({cols}) VALUES ({marks})', tuple(row.values()))
    for child in snap.children:
        restore(conn, child)
    for table, column, value, ids in snap.unlinked:
        marks = ",".join("?" for _ in ids)
        conn.exec_driver_sql(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid IN ({marks})', (value, *ids))
