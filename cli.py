"""The command line: import, export, backup and restore, on the same services as the app (no flet).

main.py hands `import`, `export`, `backup` and `restore` here. What a script
reads goes to stdout (one line per kind of thing imported, or a path); notes for
people go to stderr. Exit codes: 0 done, 2 the file or the arguments need
changing (nothing was written), 1 the data file couldn't be read or written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from services.clock import SystemClock
from services.errors import StorageError, ValidationError
from services.storage import backup
from services.storage.db import open_database
from services.storage.paths import resolve_data_dir

COMMANDS = ("import", "export", "backup", "restore")
OK, FAILED, BAD_INPUT = 0, 1, 2
DATA_DIR_HELP = "folder of the data file (default: the app's own, as for the app)"


def _pairs(values: list[str], what: str, flag: str) -> dict[str, str]:
    out = {}
    for value in values or []:
        name, sep, target = value.rpartition("=")
        if not sep or not name.strip() or not target.strip():
            raise ValidationError.single(flag, f"{flag} takes {what}, like {flag} \"ecstatic=5\" (got “{value}”).")
        out[name.strip()] = target.strip()
    return out


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="Bounceback's data commands.")
    sub = parser.add_subparsers(dest="command", required=True)
    imp = sub.add_parser(
        "import", help="import a file",
        description="Import our own export (.json), a Daylio CSV, an Anki deck exported as text, or a "
        "spreadsheet (CSV) of applications. The kind is read from the content. Prints one line per kind of "
        "thing, like “added 6 mood entries, skipped 0”. A backup of your data is taken first, and everything "
        "goes in at once or not at all. Exit codes: 0 imported, 2 the file needs a change or a choice (nothing "
        "was written), 1 the data file couldn't be read or written.",
    )
    imp.add_argument("file", type=Path, help="the file to import")
    imp.add_argument("--data-dir", help=DATA_DIR_HELP)
    imp.add_argument("--mood-map", action="append", metavar="LABEL=N",
                     help="Daylio: the mood (1 lowest to 5 highest) for one of your own mood labels; repeat for each")
    imp.add_argument("--status-map", action="append", metavar="VALUE=STATUS",
                     help="spreadsheets: our status for one of yours (applied, heard_back, interview, offer, rejected, "
                     "no_reply, withdrawn, or skip to leave those rows out); repeat for each")
    imp.add_argument("--column", action="append", metavar="FIELD=HEADER",
                     help="spreadsheets: which column holds one of our fields (company, role, applied_on, status, "
                     "status_on, source, link, notes); repeat for each")
    imp.add_argument("--date-order", choices=("dmy", "mdy"),
                     help="spreadsheets: whether dates like 03/04/2024 put the day (dmy) or the month (mdy) first")
    imp.add_argument("--dry-run", action="store_true", help="check the file and say what would happen; write nothing")
    exp = sub.add_parser("export", help="write everything to one JSON file",
                         description="Write all your data to one JSON file: the file to import on another device.")
    exp.add_argument("--data-dir", help=DATA_DIR_HELP)
    exp.add_argument("--out", type=Path, help="where to write it (default: exports/ beside the data file)")
    bak = sub.add_parser("backup", help="take a backup of the data file now",
                         description="Take a backup now, into backups/ beside the data file. Prints its path.")
    bak.add_argument("--data-dir", help=DATA_DIR_HELP)
    res = sub.add_parser("restore", help="list backups, or go back to one",
                         description="Without a backup name, list the backups (newest first). With one, put your "
                         "data back to it, after keeping a copy of how things are now. Close the app first.")
    res.add_argument("backup", nargs="?", help="a backup's file name (from the list) or path")
    res.add_argument("--data-dir", help=DATA_DIR_HELP)
    return parser


def run(argv: list[str], *, clock=None, out=None, err=None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    args = _parser().parse_args(argv)
    clock = clock or SystemClock()
    data_dir = resolve_data_dir(args.data_dir)
    try:
        if args.command == "restore":
            return _restore(args, data_dir, clock, out, err)
        db = open_database(data_dir, now=clock.now().replace(tzinfo=None))
    except StorageError as exc:
        print(f"Bounceback couldn't use its data file in {data_dir}. {exc.friendly}", file=err)
        return FAILED
    except OSError as exc:
        print(f"Bounceback couldn't use its data file in {data_dir} ({exc.strerror or exc}).", file=err)
        return FAILED
    try:
        if args.command == "import":
            return _import(args, db, clock, out, err)
        if args.command == "export":
            from services.transfer import TransferService

            made = TransferService(db, clock).export(path=args.out)
            print(made.path, file=out)
            print(f"Exported {made.rows} rows.", file=err)
            return OK
        made = backup.backup_file(db.path, now=clock.now(), reason="manual")
        print(made, file=out)
        return OK
    except ValidationError as exc:
        for message in exc.errors.values():
            print(message, file=err)
        return BAD_INPUT
    except StorageError as exc:
        print(f"That didn't work. {exc.friendly}", file=err)
        return FAILED
    except OSError as exc:
        print(f"That didn't work ({exc.strerror or exc}). Your data is as it was.", file=err)
        return FAILED
    finally:
        db.dispose()


def _import(args, db, clock, out, err) -> int:
    from models.application import STATUSES
    from services.transfer import FIELDS, SKIP, Options, TransferService

    service = TransferService(db, clock)
    moods = {}
    for label, n in _pairs(args.mood_map, "a label and a number from 1 to 5", "--mood-map").items():
        if n not in {"1", "2", "3", "4", "5"}:
            raise ValidationError.single("--mood-map", f"“{label}” needs a number from 1 to 5, not “{n}”.")
        moods[label] = int(n)
    statuses = _pairs(args.status_map, "a value and one of our statuses", "--status-map")
    for value, status in statuses.items():
        if status not in (*STATUSES, SKIP):
            raise ValidationError.single("--status-map", f"“{status}” (for “{value}”) isn't one of: {', '.join((*STATUSES, SKIP))}.")
    columns = _pairs(args.column, "a field and a column header", "--column")
    for name in columns:
        if name not in FIELDS:
            raise ValidationError.single("--column", f"“{name}” isn't one of our fields: {', '.join(FIELDS)}.")
    options = Options(mood_map=moods, status_map=statuses, columns=columns or None, date_order=args.date_order)
    progress = _progress_line(err)
    source = service.read_file(path=args.file)
    preview = service.preview(source=source, options=options, progress=progress)
    if not preview.ready:
        print(_needs_message(preview), file=err)
        return BAD_INPUT
    report = preview.report if args.dry_run else service.apply(source=source, options=options, progress=progress)
    progress(None, "")
    for line in report.texts(done=not args.dry_run):
        print(line, file=out)
    for note in report.notes + _guessed(preview):
        print(note, file=err)
    if args.dry_run:
        print("Dry run: nothing was written.", file=err)
    return OK


def _progress_line(err):
    """A percentage on one line of a terminal (nothing when stderr is a file or a pipe)."""
    if not (hasattr(err, "isatty") and err.isatty()):
        return lambda _fraction, _stage: None
    shown = {"text": ""}

    def show(fraction, stage):
        text = f"{stage}… {fraction:.0%}" if fraction is not None else ""
        if text != shown["text"]:
            err.write("\r" + text.ljust(len(shown["text"])) + ("" if text else "\r"))
            err.flush()
            shown["text"] = text

    return show


def _needs_message(preview) -> str:
    needs = preview.needs
    lines = ["Nothing was imported."]
    if needs.unknown_moods:
        labels = ", ".join(f"“{m}”" for m in needs.unknown_moods)
        example = " ".join(f'--mood-map "{m}=N"' for m in needs.unknown_moods)
        lines.append(f"These Daylio moods are your own, so Bounceback won't guess them: {labels}. "
                     f"Say which mood each one is, from 1 (lowest) to 5 (highest), with {example}.")
    if needs.missing_columns:
        lines.append("We couldn't tell which column holds the date you applied. Name it with "
                     '--column "applied_on=<its header>"; the columns are: ' + ", ".join(needs.headers) + ".")
    if needs.date_order_needed:
        lines.append("The dates could be day-first or month-first (like 03/04/2024). Say which with "
                     "--date-order dmy or --date-order mdy.")
    return "\n".join(lines)


def _guessed(preview) -> list[str]:
    return [f"We didn't recognise the status “{v}”, so those rows count as applied; "
            f'change it with --status-map "{v}=<status>".' for v in preview.needs.guessed_statuses]


def _restore(args, data_dir: Path, clock, out, err) -> int:
    from services.storage.db import DB_FILE_NAME
    from services.storage.restore import restore

    path = data_dir / DB_FILE_NAME
    found = backup.list_backups(path)
    if not args.backup:
        for item in found:
            print(item.name, file=out)
        if not found:
            print(f"No backups yet in {backup.backups_dir(path)}.", file=err)
        return OK
    chosen = next((p for p in found if p.name == args.backup or str(p) == args.backup), None)
    if chosen is None:
        print(f"There is no backup called {args.backup}. `main.py restore` lists them.", file=err)
        return BAD_INPUT
    db = open_database(data_dir, now=clock.now().replace(tzinfo=None))
    try:
        done = restore(db, chosen, now=clock.now())  # checked, and how things are now kept first
    finally:
        db.dispose()
    print(path, file=out)
    print(f"Restored {chosen.name}. How things were is kept as {done.kept_as.name}.", file=err)
    return OK
