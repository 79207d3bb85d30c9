"""The import pipeline and the export, for the Settings screen and the command line.

read (size checked first, kind detected from the content) -> preview (every row
checked, what will be added and what skipped and why; reads only) -> apply
(a backup first, then one transaction: all of it or nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from services.clock import Clock
from services.errors import ValidationError
from services.storage.backup import backup_file
from services.storage.db import Database
from services.transfer import anki, daylio, merge, ours, tracker, tracker_rows
from services.transfer.export import Exported, default_name, export_file
from services.transfer.options import Needs, Options
from services.transfer.report import Progress, Report, Staged, no_progress
from services.transfer.source import MAX_BYTES, Source, from_bytes, read_path


@dataclass(frozen=True)
class Preview:
    source_name: str
    kind: str
    kind_label: str
    needs: Needs
    report: Report | None  # None until the needed choices are made

    @property
    def ready(self) -> bool:
        return self.needs.ready and self.report is not None


class TransferService:
    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    # ---- reading a file ----------------------------------------------------
    def read_file(self, *, path: Path, limit: int = MAX_BYTES) -> Source:
        return read_path(path, limit=limit)

    def read_bytes(self, *, name: str, data: bytes, limit: int = MAX_BYTES) -> Source:
        return from_bytes(name, data, limit=limit)

    # ---- preview and apply ----------------------------------------------------
    def needs(self, *, source: Source, options: Options | None = None) -> Needs:
        """The choices still to make (mood labels, columns, statuses, date order). No database."""
        return self._needs(source, options or Options(), no_progress)

    def preview(self, *, source: Source, options: Options | None = None, progress: Progress = no_progress) -> Preview:
        """What importing would do, with these choices. Reads only."""
        options = options or Options()
        needs = self._needs(source, options, progress)
        if not needs.ready:
            return Preview(source.name, source.kind, source.kind_label, needs, None)
        with self._db.session() as s:
            staged = self._stage(s, source, options, progress)
            s.rollback()
        return Preview(source.name, source.kind, source.kind_label, needs, staged.report)

    def apply(self, *, source: Source, options: Options | None = None, progress: Progress = no_progress) -> Report:
        """Import it: a backup of the data file first, then everything in one transaction."""
        options = options or Options()
        needs = self._needs(source, options, progress)
        if not needs.ready:
            raise ValidationError(_missing(needs))
        kept = backup_file(self._db.path, now=self._clock.now(), reason="before-import") if self._db.path else None
        with self._db.session() as s:
            staged = self._stage(s, source, options, progress)  # again, inside the write: the data may have moved on
            staged.write(s, progress)
            s.commit()
        progress(1.0, "Done")
        staged.report.backup = kept.name if kept else None
        return staged.report

    # ---- export ------------------------------------------------------------------
    def export(self, *, path: Path | None = None, folder: Path | None = None) -> Exported:
        """Our JSON export: one file with everything, the file to pick when importing."""
        now = self._clock.now()
        if path is None:
            base = folder or (self._db.path.parent / "exports" if self._db.path else Path.cwd())
            path = base / default_name(now)
        return export_file(self._db, Path(path), now=now)

    # ---- internals -----------------------------------------------------------------
    def _parsed(self, source: Source, key: tuple, make):
        if key not in source.cache:
            source.cache[key] = make()
        return source.cache[key]

    def _needs(self, source: Source, options: Options, progress: Progress) -> Needs:
        if source.kind == "daylio":
            return daylio.needs(self._parsed(source, ("daylio",), lambda: daylio.read(source, progress=progress)), options)
        if source.kind == "tracker":
            return tracker.needs(self._parsed(source, ("tracker",), lambda: tracker.read(source)), options)
        if source.kind == "anki":
            self._parsed(source, ("anki",), lambda: anki.read(source, progress=progress))
        elif source.kind == "bounceback":
            self._parsed(source, ("bounceback",), lambda: ours.read_export(source, progress=progress))
        return Needs()

    def _stage(self, s, source: Source, options: Options, progress: Progress) -> Staged:
        if source.kind == "daylio":
            return daylio.stage(s, source.cache[("daylio",)], options, self._clock)
        if source.kind == "anki":
            return anki.stage(s, source.cache[("anki",)], self._clock)
        if source.kind == "tracker":
            sheet = source.cache[("tracker",)]
            planned, left_out = self._parsed(
                source, ("tracker-rows", options.key(), self._clock.today()),
                lambda: tracker_rows.read_rows(sheet, options, today=self._clock.today(), progress=progress),
            )
            return tracker_rows.stage(s, planned, left_out, self._clock)
        export = source.cache[("bounceback",)]
        conn = s.connection()
        planned = merge.plan(conn, export)
        return Staged(planned.report, lambda _s, p=no_progress: merge.write(conn, planned, progress=p))


def _missing(needs: Needs) -> dict[str, str]:
    errors = {}
    if needs.unknown_moods:
        errors["mood_map"] = "Choose a mood for " + ", ".join(f"“{m}”" for m in needs.unknown_moods) + "."
    if needs.missing_columns:
        errors["columns"] = "Choose the column that holds the date you applied."
    if needs.date_order_needed:
        errors["date_order"] = "Choose whether the dates put the day or the month first."
    return errors


