"""What is at the data file's path, decided cheaply at every start (no full page scan).

'missing', 'empty' (0 bytes), 'damaged' (not a readable SQLite file, or shorter
than its header says), 'blank' (SQLite with no tables yet), 'ours', 'newer'
(ours, from a later app version) or 'foreign' (another program's SQLite).
A file that is merely locked or unreachable raises instead: that is not damage.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from services.storage.failures import kind_of
from services.storage.schema import FileFacts, read_facts, verdict

MAGIC = b"SQLite format 3\x00"
BUSY_SECONDS = 5.0


def header_problem(path: Path) -> str | None:
    """Why the first 100 bytes show this is not a whole SQLite file, or None."""
    size = path.stat().st_size
    with open(path, "rb") as f:
        header = f.read(100)
    if len(header) < 100 or not header.startswith(MAGIC):
        return "no SQLite header"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "impossible page size"
    pages = int.from_bytes(header[28:32], "big")
    # The page count is trustworthy only when written by the same change as the counter at 24,
    # and only with no -wal in use: an interrupted checkpoint writes page 1 before the rest.
    wal = path.with_name(path.name + "-wal")
    wal_in_use = wal.exists() and wal.stat().st_size > 0
    if header[24:28] == header[92:96] and not wal_in_use and size < pages * page_size:
        return f"truncated: {size} bytes of {pages * page_size}"
    return None


def examine(path: Path, *, busy_seconds: float = BUSY_SECONDS) -> tuple[str, FileFacts | None]:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return "missing", None
    if not path.is_file():
        raise IsADirectoryError(f"{path} is not a file")
    if size == 0:
        return "empty", None
    if header_problem(path):
        return "damaged", None
    try:
        conn = sqlite3.connect(path, timeout=busy_seconds, isolation_level=None)
        try:
            facts = read_facts(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if kind_of(exc) == "damaged":
            return "damaged", None
        raise  # locked, read-only, I/O: not damage; the caller reports it
    return verdict(facts), facts
