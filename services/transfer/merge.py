"""Putting our own export into the database: whole (restore) or row by row (merge).

- Restore, when this device holds nothing of yours yet (a new phone, a wiped
  folder; untouched built-in questions don't count): every table is replaced by
  the file's rows, ids and all, so the data is exactly what was exported.
- Merge, otherwise: a row whose UUID is already here is left as it is here; the
  others are added with new ids, and their links follow the UUIDs to the right
  rows. Parts of a row that is already here (its status changes, reviews,
  feelings) are not added to it. Rows without a UUID (settings, words, links)
  are added when missing; a setting already here keeps its value.

Planning only reads; `write` runs inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy.engine import Connection

from services.transfer import schema
from services.transfer.ours import Export
from services.transfer.report import ALREADY_HERE, KEPT_YOURS, PART_OF_EXISTING, Progress, Report, no_progress

REPORTED = {"setting"}  # besides every table with a UUID: the rest are parts of those rows
# This device's own log (reminders sent, items set aside on Today): rows point at others by plain
# id, which only mean something in the file they came from. Restored with a whole file; a merge
# leaves them out, and this device keeps its own.
DEVICE_ONLY = {"reminder_delivery", "attention_dismissal"}
CHUNK = 500
# A built-in question nobody has touched here: the file's copy of it (with its progress) wins.
UNTOUCHED_STARTER = ("starter_key IS NOT NULL AND last_review IS NULL AND NOT archived AND updated_at = created_at "
                     "AND NOT EXISTS (SELECT 1 FROM practice_review r WHERE r.card_id = practice_card.id)")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def has_own_data(conn: Connection) -> bool:
    """Anything a person made here? Built-in questions nobody has touched don't count."""
    for table in schema.tables():
        if not table.has_uuid:
            continue
        if table.name == "practice_card":
            sql = f"SELECT 1 FROM practice_card WHERE NOT ({UNTOUCHED_STARTER}) LIMIT 1"
        else:
            sql = f"SELECT 1 FROM {_q(table.name)} LIMIT 1"
        if conn.exec_driver_sql(sql).first():
            return True
    return False


@dataclass
class Plan:
    report: Report
    restore: bool
    inserts: dict[str, list[dict]] = field(default_factory=dict)  # table -> rows ready to insert, in order
    updates: dict[str, list[dict]] = field(default_factory=dict)  # table -> rows to write over (same id here)


def plan(conn: Connection, export: Export) -> Plan:
    report = Report(kind="bounceback")
    tables = schema.tables()
    if not has_own_data(conn):
        report.restore = True
        report.notes.append(
            "Nothing of yours is on this device yet, so the file comes in whole, exactly as it was exported "
            "(your settings too)."
        )
        for table in tables:
            rows = export.tables.get(table.name, [])
            if table.has_uuid or table.name in REPORTED:
                report.add(table.name, len(rows))
        return Plan(report, True, {t.name: export.tables.get(t.name, []) for t in tables})
    result = Plan(report, False)
    ids: dict[str, dict] = {}  # table -> {file id: id here}
    existing: dict[str, set] = {}  # table -> ids here that were already here (not added now)
    for table in tables:
        rows = export.tables.get(table.name, [])
        if table.name in DEVICE_ONLY:
            result.inserts[table.name] = []
            continue
        result.inserts[table.name] = _merge_table(conn, table, rows, ids, existing, report, result.updates)
    taken_over = len(result.updates.get("practice_card", []))
    if taken_over:
        report.notes.append(f"{taken_over} built-in {'question' if taken_over == 1 else 'questions'} you hadn't "
                            f"practised here took {'its' if taken_over == 1 else 'their'} progress from the file.")
    if export.upgraded_from:
        report.notes.append(f"The file came from an older version of Bounceback (schema {export.upgraded_from}); "
                            "it was brought up to date as it was read.")
    return result


def _merge_table(conn, table: schema.Table, rows: list[dict], ids, existing, report: Report, updates) -> list[dict]:
    ids[table.name], existing[table.name] = {}, set()
    here = _uuids_here(conn, table, rows) if table.has_uuid else {}
    untouched = (set(conn.exec_driver_sql(f"SELECT id FROM practice_card WHERE {UNTOUCHED_STARTER}").scalars())
                 if table.name == "practice_card" else set())
    next_id = _next_id(conn, table) if table.integer_id else 0
    taken = {cols: _values_here(conn, table.name, cols) for cols in table.unique}
    out: list[dict] = []
    reported = table.has_uuid or table.name in REPORTED
    owners = [c for c in table.links if not table.columns[c].nullable]  # ON DELETE CASCADE: the row belongs to them
    for row in rows:
        if table.has_uuid and row["uuid"] in here:
            local = here[row["uuid"]]
            ids[table.name][row["id"]] = local
            if local in untouched and row.get("updated_at") != row.get("created_at"):
                updates.setdefault(table.name, []).append({**row, "id": local})  # its reviews come in below
                report.update(table.name)
                continue
            existing[table.name].add(local)
            report.skip(table.name, ALREADY_HERE)
            continue
        new = dict(row)
        orphan = False
        for col, parent in table.links.items():
            if new[col] is None:
                continue
            mapped = ids[parent].get(new[col])
            if mapped is None:  # what it points at was left out of this import
                if table.columns[col].nullable:
                    new[col] = None
                else:
                    orphan = True
            else:
                new[col] = mapped
        if orphan or (owners and all(new[c] in existing[table.links[c]] for c in owners)):
            # A part of rows already here (a status change, a review, a feeling): theirs stays as it is,
            # so an application's history and its current status never disagree.
            if reported:
                report.skip(table.name, PART_OF_EXISTING)
            continue
        clash = next((cols for cols in table.unique if _key(new, cols) in taken[cols] and None not in _key(new, cols)), None)
        same_key = None if table.has_uuid or table.integer_id else _row_here(conn, table, new)
        if clash or same_key is not None:
            if reported:
                report.skip(table.name, ALREADY_HERE if same_key == new else KEPT_YOURS)
            if table.integer_id and clash:
                ids[table.name][row["id"]] = _id_for(conn, table, clash, new)
                existing[table.name].add(ids[table.name][row["id"]])
            continue
        if table.integer_id:
            ids[table.name][row["id"]] = new["id"] = next_id
            next_id += 1
        for cols in table.unique:
            taken[cols].add(_key(new, cols))
        out.append(new)
        if reported:
            report.add(table.name)
    return out


def _key(row: dict, cols: tuple[str, ...]) -> tuple:
    return tuple(row[c] for c in cols)


def _uuids_here(conn, table: schema.Table, rows: list[dict]) -> dict[str, int]:
    wanted = [r["uuid"] for r in rows]
    found: dict[str, int] = {}
    for start in range(0, len(wanted), CHUNK):
        part = wanted[start : start + CHUNK]
        marks = ",".join("?" for _ in part)
        key = "id" if table.integer_id else "rowid"
        for u, i in conn.exec_driver_sql(f"SELECT uuid, {key} FROM {_q(table.name)} WHERE uuid IN ({marks})", tuple(part)):
            found[u] = i
    return found


def _next_id(conn, table: schema.Table) -> int:
    top = conn.exec_driver_sql(f"SELECT max(id) FROM {_q(table.name)}").scalar() or 0
    seq = conn.exec_driver_sql("SELECT seq FROM sqlite_sequence WHERE name = ?", (table.name,)).scalar() \
        if _has_sequence(conn) else None
    return max(top, seq or 0) + 1  # never reuse an id AUTOINCREMENT handed out before


def _has_sequence(conn) -> bool:
    return conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").first() is not None


def _values_here(conn, name: str, cols: tuple[str, ...]) -> set[tuple]:
    select = ", ".join(_q(c) for c in cols)
    return {tuple(r) for r in conn.exec_driver_sql(f"SELECT {select} FROM {_q(name)}")}


def _id_for(conn, table: schema.Table, cols: tuple[str, ...], row: dict) -> int:
    where = " AND ".join(f"{_q(c)} = ?" for c in cols)
    return conn.exec_driver_sql(f"SELECT id FROM {_q(table.name)} WHERE {where}", _key(row, cols)).scalar()


def _row_here(conn, table: schema.Table, row: dict) -> dict | None:
    """The row here with the same primary key (a setting's key, a word), or None."""
    where = " AND ".join(f"{_q(c)} = ?" for c in table.primary_key)
    result = conn.exec_driver_sql(f"SELECT * FROM {_q(table.name)} WHERE {where}", _key(row, table.primary_key))
    found = result.mappings().first()
    return dict(found) if found is not None else None


def write(conn: Connection, result: Plan, *, progress: Progress = no_progress) -> None:
    tables = schema.tables()
    if result.restore:
        for table in reversed(tables):  # children first
            conn.exec_driver_sql(f"DELETE FROM {_q(table.name)}")
    for table in tables:
        for row in result.updates.get(table.name, []):
            cols = [c for c in table.columns if c != "id"]
            sql = f"UPDATE {_q(table.name)} SET {', '.join(f'{_q(c)} = ?' for c in cols)} WHERE id = ?"
            conn.exec_driver_sql(sql, (*[row[c] for c in cols], row["id"]))
    total = sum(len(r) for r in result.inserts.values()) or 1
    done = 0
    for table in tables:
        rows = result.inserts.get(table.name, [])
        for chunk in _chunks(rows, CHUNK):
            cols = list(table.columns)
            sql = (f"INSERT INTO {_q(table.name)} ({', '.join(_q(c) for c in cols)}) "
                   f"VALUES ({', '.join('?' for _ in cols)})")
            conn.exec_driver_sql(sql, [tuple(r[c] for c in cols) for r in chunk])
            done += len(chunk)
            progress(0.5 + 0.5 * done / total, "Saving")


def _chunks(rows: list[dict], size: int) -> Iterable[list[dict]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]
