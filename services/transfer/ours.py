"""Reading our own export back: check the format, upgrade older ones, check every row.

Nothing here touches the database; merge.py decides what is added and writes it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from models.identity import starter_uuid
from services.storage.migrations import latest_version
from services.transfer import schema
from services.transfer.export import APP, FORMAT_VERSION
from services.transfer.problems import FileProblem, Problems
from services.transfer.report import Progress, no_progress
from services.transfer.source import Source

TOP_KEYS = {"app", "format", "schema", "exported_at", "tables"}
FORMAT_1_SCHEMA = 7  # format 1 was written by schema 7 and before (no UUIDs yet)
# Frozen: the UUIDs given to rows of a format-1 file, so importing it twice adds nothing.
FORMAT_1_NAMESPACE = uuid.UUID("5d1f4c3e-2b8a-4f61-9a0e-7c3b2d1e0f4a")


@dataclass
class Export:
    schema: int
    tables: dict[str, list[dict]]  # only known tables, rows checked, in parent-first order
    upgraded_from: int | None = None  # the file's schema when it was older than ours

    @property
    def rows(self) -> int:
        return sum(len(r) for r in self.tables.values())


def _add_uuids(tables: dict[str, list[dict]]) -> None:
    """Schema 8 gave every row a person creates a UUID; rows from before get a stable one."""
    for table in schema.tables():
        if not table.has_uuid:
            continue
        for row in tables.get(table.name, []):
            if isinstance(row, dict) and "uuid" not in row:
                if table.name == "practice_card" and isinstance(row.get("starter_key"), str):
                    row["uuid"] = starter_uuid(row["starter_key"])
                else:
                    key = f"{table.name}:{row.get('id')}:{row.get('created_at') or row.get('logged_at') or ''}"
                    row["uuid"] = str(uuid.uuid5(FORMAT_1_NAMESPACE, key))


# Changes a file from an older schema needs, keyed by the schema version that made them.
# New tables and new nullable columns need nothing: missing means none / empty.
UPGRADES = {8: _add_uuids}


def read_export(source: Source, *, progress: Progress = no_progress) -> Export:
    payload = source.cache.get("json")
    if not isinstance(payload, dict) or payload.get("app") != APP:
        raise FileProblem(["This isn't a Bounceback export."])
    problems = Problems()
    for key in sorted(set(payload) - TOP_KEYS):
        problems.add(f"“{key}” isn't part of a Bounceback export.")
    fmt = payload.get("format")
    if not isinstance(fmt, int) or isinstance(fmt, bool) or fmt < 1:
        raise FileProblem(["The export has no valid “format” number, so we can't tell how to read it."])
    version = payload.get("schema", FORMAT_1_SCHEMA if fmt == 1 else None)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FileProblem(["The export has no valid “schema” number, so we can't tell how to read it."])
    if fmt > FORMAT_VERSION or version > latest_version():
        raise FileProblem(
            [f"This export comes from a newer version of Bounceback (format {fmt}, schema {version}; this one "
             f"reads up to format {FORMAT_VERSION}, schema {latest_version()}). Update Bounceback, then import it again."]
        )
    raw = payload.get("tables")
    if not isinstance(raw, dict):
        raise FileProblem(["The export has no “tables” section."])
    known = {t.name: t for t in schema.tables()}
    for name in raw:
        if name not in known and name != "sqlite_sequence":
            problems.add(f"the table “{name}” isn't one Bounceback has.")
        elif name in known and not isinstance(raw[name], list):
            problems.add(f"the table “{name}” should be a list of rows.")
    problems.raise_if_any()
    tables = {name: list(raw.get(name) or []) for name in known}
    for step, upgrade in sorted(UPGRADES.items()):
        if version < step:
            upgrade(tables)
    _check_rows(tables, known, problems, progress)
    problems.raise_if_any()
    return Export(schema=version, tables=tables, upgraded_from=version if version < latest_version() else None)


def _check_rows(tables: dict[str, list], known: dict[str, schema.Table], problems: Problems, progress: Progress) -> None:
    total = sum(len(rows) for rows in tables.values()) or 1
    done = 0
    keys: dict[str, set] = {}
    for name, table in known.items():
        rows: list[object] = tables[name]  # a file may hold anything: each row is checked
        seen_keys: set = set()
        seen_uuids: set = set()
        checks = [(col.name, col.nullable or col.primary, schema.checker(name, col)) for col in table.columns.values()]
        names = set(table.columns)
        for number, row in enumerate(rows, start=1):
            done += 1
            if done % 2000 == 0:
                progress(done / total * 0.5, "Checking every row")
            where = f"{name}, row {number}"
            if not isinstance(row, dict):
                problems.add(f"{where}: should be a set of named values.")
                continue
            if not names.issuperset(row):
                for key in row:
                    if key not in names:
                        problems.add(f"{where}: “{key}” isn't a field Bounceback knows.")
            for col_name, may_be_absent, check in checks:
                if col_name not in row:
                    if not may_be_absent:
                        problems.add(f"{where}, “{col_name}” is missing.")
                        continue
                    row[col_name] = None  # added by a later version: empty until then
                why = check(row[col_name])
                if why:
                    problems.add(f"{where}, “{col_name}” {why}.")
            key = tuple(row.get(c) for c in table.primary_key)
            if None not in key:
                if key in seen_keys:
                    problems.add(f"{where}: a second row with the same {', '.join(table.primary_key)} {key}.")
                seen_keys.add(key)
            if table.has_uuid and isinstance(row.get("uuid"), str):
                if row["uuid"] in seen_uuids:
                    problems.add(f"{where}: a second row with the uuid {row['uuid']}.")
                seen_uuids.add(row["uuid"])
            if len(problems.items) > 50:
                return  # enough to show what is wrong
        keys[name] = seen_keys
    _check_links(tables, known, keys, problems)


def _check_links(tables, known, keys, problems: Problems) -> None:
    for name, table in known.items():
        for col, parent in table.links.items():
            parent_keys = {k[0] for k in keys.get(parent, ()) if len(k) == 1}
            for number, row in enumerate(tables[name], start=1):
                value = row.get(col) if isinstance(row, dict) else None
                if value is not None and value not in parent_keys:
                    problems.add(f"{name}, row {number}, “{col}” points at {parent} {value}, which isn't in the file.")
