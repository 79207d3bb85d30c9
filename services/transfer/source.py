"""Reading a picked file safely: size first, then bytes, then text, then what kind it is.

The size is checked before anything is read into memory, and reading stops one
byte past the limit even if the file grows meanwhile. Compressed files are never
unpacked (a zip bomb stays a few kilobytes of bytes we only look at), and text
must be UTF-8 (with or without a BOM) or UTF-16 with a BOM: guessing another
encoding would quietly turn accents into nonsense.
"""

from __future__ import annotations

import codecs
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from services.storage.paths import MAX_IMPORT_BYTES
from services.transfer.problems import FileProblem

MAX_BYTES = MAX_IMPORT_BYTES  # a ten-year heavy user's export is well under half of this
MB = 1024 * 1024

KINDS = {
    "bounceback": "a Bounceback export",
    "daylio": "a Daylio export",
    "anki": "an Anki deck",
    "tracker": "a spreadsheet of applications",
}

UNKNOWN_KIND = (
    "We couldn't tell what kind of file this is. Bounceback can import its own export (.json), "
    "a Daylio export (.csv), an Anki deck exported as “Notes in Plain Text” (.txt, .csv or .tsv), "
    "and a spreadsheet of applications saved as CSV."
)


def too_big(size: int, limit: int = MAX_BYTES) -> str:
    return (
        f"That file is {size / MB:,.0f} MB, more than the {limit // MB} MB Bounceback reads at once. "
        "Is it the right file? An export, a Daylio or Anki file or a spreadsheet of applications is much smaller."
    )


@dataclass
class Source:
    """A file's name and text, and the kind of file we recognised."""

    name: str
    text: str
    kind: str
    size: int
    cache: dict = field(default_factory=dict, repr=False)  # parsed forms, by options

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]


def read_path(path: Path, *, limit: int = MAX_BYTES) -> Source:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise FileProblem([too_big(size, limit)])
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError as exc:
        raise FileProblem([f"There is no file at {path}."]) from exc
    except IsADirectoryError as exc:
        raise FileProblem([f"{path} is a folder; pick a file inside it."]) from exc
    except OSError as exc:
        raise FileProblem([f"We couldn't read {path.name} ({exc.strerror or exc})."]) from exc
    return from_bytes(path.name, data, limit=limit)


def from_bytes(name: str, data: bytes, *, limit: int = MAX_BYTES) -> Source:
    if len(data) > limit:
        raise FileProblem([too_big(len(data), limit)])
    if not data.strip():
        raise FileProblem([f"{name} is empty."])
    _refuse_binary(name, data)
    text = decode(data)
    kind, parsed = detect_kind(text)
    source = Source(name=name, text=text, kind=kind, size=len(data))
    if parsed is not None:
        source.cache["json"] = parsed  # parsed once: a big export takes a moment
    return source


def _refuse_binary(name: str, data: bytes) -> None:
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        raise FileProblem([_zip_message(data)])
    if data.startswith(b"\x1f\x8b") or data.startswith(b"BZh") or data.startswith(b"\xfd7zXZ"):
        raise FileProblem([f"{name} is compressed. Unpack it first, then pick the file inside."])
    if data.startswith(b"SQLite format 3\x00"):
        raise FileProblem(
            ["This is a database file, like Bounceback's own data file or one of its backups. "
             "To go back to a backup, use Restore in Settings; to move your data, pick an export (.json) instead."]
        )


def _zip_message(data: bytes) -> str:
    """What a zip holds, from its table of contents only: nothing is unpacked."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        names = []
    if any(n.startswith("collection.anki2") for n in names):
        return ("This is an Anki package (.apkg), which Bounceback can't open. In Anki, use "
                "File › Export… › “Notes in Plain Text” and pick that file instead.")
    if "application.csv" in names:
        return ("This is the spreadsheet copy of a Bounceback export (a CSV per table). "
                "Pick the .json file that was saved next to it: that one has everything.")
    return "This is a zip archive. Bounceback doesn't unpack archives: unzip it first, then pick the file inside."


def decode(data: bytes) -> str:
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _no_nul(data.decode(codec))
            except UnicodeDecodeError as exc:
                raise FileProblem([_encoding_message(data, exc)]) from exc
    try:
        return _no_nul(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise FileProblem([_encoding_message(data, exc)]) from exc


def _no_nul(text: str) -> str:
    if "\x00" in text:
        raise FileProblem(["This doesn't look like a text file (it holds binary data)."])
    return text


def _encoding_message(data: bytes, exc: UnicodeDecodeError) -> str:
    line = data[: exc.start].count(b"\n") + 1
    return (
        f"Line {line}: this file isn't saved as UTF-8 text, so accents and emoji would come out wrong. "
        "Save it again as UTF-8 (in a spreadsheet: “CSV UTF-8”) and pick it again."
    )


def detect_kind(text: str) -> tuple[str, object | None]:
    """The kind, from the content and not the file name; and the parsed JSON when it is JSON."""
    head = text.lstrip()
    if head.startswith(("{", "[")):
        return "bounceback", _our_json(text)
    first_line = head.split("\n", 1)[0].strip().lower()
    if first_line.startswith("#") and ":" in first_line:
        return "anki", None  # Anki's header lines: #separator:tab, #html:true, ...
    from services.transfer import anki, daylio, tracker  # here: they use this module's helpers

    for kind, module in (("daylio", daylio), ("tracker", tracker), ("anki", anki)):
        if module.looks_like(text):
            return kind, None
    raise FileProblem([UNKNOWN_KIND])


def _our_json(text: str) -> object:
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileProblem([json_problem(exc)]) from exc
    except RecursionError as exc:  # [[[[...]]]] a million deep
        raise FileProblem(["This JSON file is nested too deeply to be an export."]) from exc
    if isinstance(payload, dict) and payload.get("app") == "Bounceback":
        return payload
    raise FileProblem(["This JSON file isn't a Bounceback export (it has no “app”: “Bounceback” at the top). " + UNKNOWN_KIND])


def json_problem(exc: json.JSONDecodeError) -> str:
    end = exc.doc.rstrip()
    if exc.pos >= len(end) or exc.msg.startswith("Unterminated string") or not end.endswith(("}", "]")):
        return (f"Line {exc.lineno}: the file ends too early; it may have been cut off while copying. "
                "Export it again or pick the whole file.")
    return f"Line {exc.lineno}, column {exc.colno}: this isn't valid JSON ({exc.msg})."
