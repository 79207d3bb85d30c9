"""Applications from a spreadsheet or a job tracker's CSV (Huntr, Teal, LinkedIn, your own sheet).

The header row is found among the first lines, each of our fields is matched to
a column by its usual names (the person can change any of it), dates are read
in the common formats (the day/month order decided for the whole column), and
statuses are matched to ours (ones we don't recognise count as "applied" until
the person says otherwise).
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field

from services.transfer.dates import DAY_FIRST, MONTH_FIRST, numeric_order
from services.transfer.options import Needs, Options, label_key
from services.transfer.problems import FileProblem
from services.transfer.source import Source
from services.transfer.text import csv_rows, sniff_delimiter

FIELDS = {  # ours -> what people call it
    "company": "Company",
    "role": "Role",
    "applied_on": "Date applied",
    "status": "Status",
    "status_on": "Date of the status",
    "source": "Source",
    "link": "Link",
    "notes": "Notes",
}
REQUIRED = ("applied_on",)
SYNONYMS = {
    "company": ("company", "company name", "employer", "organization", "organisation", "organization name"),
    "role": ("role", "title", "job title", "position", "job position", "job", "job name", "position title"),
    "applied_on": ("date applied", "applied", "applied on", "application date", "applied date", "date",
                   "date of application", "submitted", "applied at"),
    "status": ("status", "stage", "job status", "list", "application status", "state"),
    "status_on": ("status date", "last updated", "updated", "date modified", "modified", "last status change"),
    "source": ("source", "job board", "where", "found via", "found on", "channel", "platform"),
    "link": ("link", "url", "job url", "job link", "posting url", "job posting", "listing", "posting"),
    "notes": ("notes", "note", "comments", "comment"),
}
SKIP = "skip"  # a status that means "not applied yet": those rows are left out
STATUS_WORDS = {
    "applied": ("applied", "submitted", "application submitted", "sent", "in progress", "pending", "active"),
    "heard_back": ("heard back", "responded", "response", "screening", "phone screen", "recruiter call",
                   "contacted", "in review", "reviewing"),
    "interview": ("interview", "interviewing", "interviews", "onsite", "on-site", "final round", "technical interview",
                  "second interview", "first interview", "assessment", "take-home"),
    "offer": ("offer", "offered", "offer received", "negotiating", "accepted", "hired"),
    "rejected": ("rejected", "rejection", "not selected", "declined by company", "no offer", "turned down", "closed"),
    "no_reply": ("no reply", "no response", "ghosted", "no answer", "never heard back"),
    "withdrawn": ("withdrawn", "withdrew", "i withdrew", "withdrawn by me", "declined", "declined offer", "not interested"),
    SKIP: ("wishlist", "bookmarked", "saved", "to apply", "applying", "interested", "draft", "planned"),
}
_STATUS = {label_key(w): status for status, words in STATUS_WORDS.items() for w in words}
# Frozen: the same row gets the same UUID every time, so importing twice adds nothing.
NAMESPACE = uuid.UUID("3c8e5f21-7a4b-4d9c-a2e6-5b1f0d7c3e98")
HEADER_SEARCH = 10  # a title line or two above the header is common in hand-made sheets


def _match(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, name in enumerate(header):
        key = label_key(name).strip("*: ")
        for ours, words in SYNONYMS.items():
            if ours not in found and key in words:
                found[ours] = i
                break
    return found


def _find_header(records: list[tuple[int, list[str]]]) -> int | None:
    best, best_score = None, 1
    for i, (_, record) in enumerate(records[:HEADER_SEARCH]):
        matched = _match(record)
        score = len(matched) + (1 if "applied_on" in matched else 0)
        if score > best_score:
            best, best_score = i, score
    return best


def looks_like(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        records = csv_rows("\n".join(text.splitlines()[:HEADER_SEARCH + 5]), delimiter=sniff_delimiter(first))
    except FileProblem:
        return False
    index = _find_header(records)
    return index is not None and len(_match(records[index][1])) >= 2


@dataclass
class Sheet:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (line, cells) below the header
    suggested: dict[str, str | None] = field(default_factory=dict)  # our field -> header


def read(source: Source) -> Sheet:
    first = next((line for line in source.text.splitlines() if line.strip()), "")
    records = csv_rows(source.text, delimiter=sniff_delimiter(first))
    index = _find_header(records)
    if index is None:
        raise FileProblem(["We couldn't find a header row (Company, Role, Date applied, Status…) in the first "
                           f"{HEADER_SEARCH} lines of this spreadsheet."])
    headers = [h.strip() for h in records[index][1]]
    matched = _match(headers)
    suggested = {ours: (headers[matched[ours]] if ours in matched else None) for ours in FIELDS}
    rows = [(line, cells) for line, cells in records[index + 1 :] if any(c.strip() for c in cells)]
    if not rows:
        raise FileProblem(["This spreadsheet has a header row but no applications below it."])
    return Sheet(headers, rows, suggested)


def columns_for(sheet: Sheet, options: Options) -> dict[str, str | None]:
    chosen = dict(sheet.suggested)
    if options.columns is not None:
        for ours, theirs in options.columns.items():
            if ours in FIELDS:
                chosen[ours] = theirs if theirs in sheet.headers else None
    return chosen


def cell(sheet: Sheet, cells: list[str], column: str | None) -> str:
    if column is None:
        return ""
    i = sheet.headers.index(column)
    return cells[i].strip() if i < len(cells) else ""


def status_of(value: str, options: Options) -> tuple[str, bool]:
    """(our status or SKIP, whether it was guessed)."""
    if not value.strip():
        return "applied", False
    chosen = options.status_for(value)
    if chosen:
        return chosen, False
    known = _STATUS.get(label_key(value))
    return (known, False) if known else ("applied", True)


def needs(sheet: Sheet, options: Options) -> Needs:
    columns = columns_for(sheet, options)
    out = Needs(headers=list(sheet.headers), columns=columns)
    out.samples = {h: _samples(sheet, h) for h in sheet.headers}
    out.missing_columns = [f for f in REQUIRED if columns.get(f) is None]
    if columns.get("status"):
        counts = Counter(cell(sheet, cells, columns["status"]) for _, cells in sheet.rows)
        for value, n in counts.items():
            if value:
                status, guessed = status_of(value, options)
                out.statuses[value], out.status_counts[value] = status, n
                if guessed:
                    out.guessed_statuses.append(value)
    dates = [cell(sheet, cells, columns[f]) for f in ("applied_on", "status_on") if columns.get(f) for _, cells in sheet.rows]
    out.date_order_needed = options.date_order not in (DAY_FIRST, MONTH_FIRST) and _ambiguous(dates)
    return out


def _ambiguous(values: list[str]) -> bool:
    from services.transfer.dates import numeric_parts

    return any(numeric_parts(v) for v in values) and numeric_order(values) is None


def date_order(sheet: Sheet, options: Options) -> str | None:
    if options.date_order in (DAY_FIRST, MONTH_FIRST):
        return options.date_order
    columns = columns_for(sheet, options)
    values = [cell(sheet, cells, columns[f]) for f in ("applied_on", "status_on") if columns.get(f) for _, cells in sheet.rows]
    return numeric_order(values)


def _samples(sheet: Sheet, header: str) -> list[str]:
    values = [cell(sheet, cells, header) for _, cells in sheet.rows[:20]]
    return list(dict.fromkeys(v for v in values if v))[:3]
