"""Looking at the whole database from outside the services: for all-or-nothing and type checks."""

from __future__ import annotations

from datetime import date, datetime

# What SQLite's typeof() may say for each declared column type (NULL aside).
TYPEOF = {"INTEGER": {"integer"}, "BOOLEAN": {"integer"}, "FLOAT": {"real"}, "DATE": {"text"}, "DATETIME": {"text"}}


def _tables(conn) -> list[str]:
    return [
        r[0]
        for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]


def dump(db) -> dict[str, list[tuple]]:
    """Every row of every table, in rowid order."""
    with db.engine.connect() as conn:
        return {t: [tuple(r) for r in conn.exec_driver_sql(f'SELECT * FROM "{t}" ORDER BY rowid')] for t in _tables(conn)}


def mistyped(db) -> list[str]:
    """Stored values whose SQLite type doesn't match their column (a bytes 'company' is a BLOB,
    a datetime in a DATE column doesn't read back as a day, an int overflowing a REAL...)."""
    found = []
    with db.engine.connect() as conn:
        for table in _tables(conn):
            columns = list(conn.exec_driver_sql(f'PRAGMA table_info("{table}")'))
            picks = ", ".join(f'typeof("{c[1]}"), "{c[1]}"' for c in columns)
            for row in conn.exec_driver_sql(f'SELECT {picks} FROM "{table}"'):
                for (_cid, name, declared, notnull, _default, _pk), kind, value in zip(
                    columns, row[0::2], row[1::2], strict=True
                ):
                    problem = _problem(declared, bool(notnull), kind, value)
                    if problem:
                        found.append(f"{table}.{name} holds {kind} {value!r:.60}{problem}")
    return found


def _problem(declared: str, notnull: bool, kind: str, value) -> str | None:
    if kind == "null":
        return " in a NOT NULL column" if notnull else None
    allowed = TYPEOF.get(declared, {"text"} if declared.startswith(("VARCHAR", "TEXT")) else None)
    assert allowed is not None, f"no rule for a {declared} column"
    if kind not in allowed:
        return ""
    if declared == "DATE" and not _is_day(value):
        return ", not a day"
    if declared == "DATETIME" and not _is_moment(value):
        return ", not a moment"
    return None


def _is_day(value: str) -> bool:
    try:
        return len(value) == 10 and 1900 <= date.fromisoformat(value).year <= 2100
    except ValueError:
        return False


def _is_moment(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
        return True
    except ValueError:
        return False


def changes(db) -> int:
    """SQLite's count of rows changed on the (single, in-memory) connection since it opened."""
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT total_changes()").scalar_one()
