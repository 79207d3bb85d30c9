"""Turning a mapped spreadsheet into applications: every row checked, then written as the app would.

A status other than "applied" is kept as history (a status change on its date)
with the small win and the reapply date the app gives it when you set it by hand.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from models.application import STATUS_LABELS, Application, ApplicationCreate, StatusChange, Win
from services.applications.rules import REAPPLY_MONTHS, add_months
from services.applications.service import AUTO_WIN_TITLES
from services.clock import Clock
from services.errors import ValidationError
from services.lookup import id_of
from services.transfer.dates import BadDate, parse_date
from services.transfer.options import Options, label_key
from services.transfer.problems import Problems
from services.transfer.report import ALREADY_HERE, NO_DATE, NOT_APPLIED, Progress, Report, Staged, no_progress
from services.transfer.tracker import FIELDS, NAMESPACE, SKIP, Sheet, cell, columns_for, date_order, status_of


@dataclass(frozen=True)
class Planned:
    line: int
    uuid: str
    values: dict  # checked fields for Application
    status: str
    status_on: date


def read_rows(sheet: Sheet, options: Options, *, today: date, progress: Progress = no_progress) -> tuple[list[Planned], Counter]:
    """The rows to import, checked, and the rows left out with why (a Counter of reasons)."""
    columns = columns_for(sheet, options)
    order = date_order(sheet, options)
    problems = Problems()
    left_out: Counter = Counter()
    planned: list[Planned] = []
    seen: dict[str, int] = {}
    for n, (line, cells) in enumerate(sheet.rows, start=1):
        if n % 500 == 0:
            progress(0.5 * n / len(sheet.rows), "Reading your applications")
        get = lambda f, cells=cells: cell(sheet, cells, columns.get(f))  # noqa: E731
        status, _ = status_of(get("status"), options)
        if status == SKIP:
            left_out[NOT_APPLIED] += 1
            continue
        raw_date = get("applied_on")
        if not raw_date:
            left_out[NO_DATE] += 1
            continue
        row = _row(line, get, status, order, today, problems)
        if row is None:
            continue
        key = "|".join(label_key(str(row.values.get(f) or "")) for f in ("company", "role", "applied_on", "link"))
        seen[key] = seen.get(key, 0) + 1
        planned.append(Planned(line, str(uuid.uuid5(NAMESPACE, f"{key}#{seen[key]}")), row.values, status, row.status_on))
    problems.raise_if_any()
    return planned, left_out


def _row(line, get, status, order, today, problems: Problems) -> Planned | None:
    before = len(problems.items)
    days = {}
    for name in ("applied_on", "status_on"):
        text = get(name)
        if not text:
            continue
        try:
            days[name] = parse_date(text, order=order)
        except BadDate as exc:
            problems.add(f"“{text}”: {exc}.", row=line, field=FIELDS[name])
    if len(problems.items) > before:
        return None
    values = {f: get(f) or None for f in ("company", "role", "source", "link", "notes")}
    try:  # the same checks as adding one by hand
        shape = ApplicationCreate.parse({**values, "applied_on": days["applied_on"], "status": status}, today=today)
        values = shape.model_dump(exclude={"status"})
    except ValidationError as exc:
        for name, message in exc.errors.items():
            problems.add(message, row=line, field=FIELDS.get(name, name))
        return None
    status_on = days.get("status_on", values["applied_on"]) if status != "applied" else values["applied_on"]
    if status_on > today:
        problems.add("that date is in the future.", row=line, field=FIELDS["status_on"])
        return None
    if status_on < values["applied_on"]:
        problems.add(f"{status_on:%d %b %Y} is before the date applied.", row=line, field=FIELDS["status_on"])
        return None
    return Planned(line, "", values, status, status_on)


def stage(s: Session, planned: list[Planned], left_out: Counter, clock: Clock) -> Staged:
    report = Report(kind="tracker")
    for reason, n in left_out.items():
        report.skip("application", reason, n)
    report.line("application")
    here_uuids = set(s.exec(select(Application.uuid)))
    here_keys = {
        (label_key(c or ""), label_key(r or ""), d)
        for c, r, d in s.exec(select(col(Application.company), col(Application.role), col(Application.applied_on)))
    }
    fresh: list[Planned] = []
    for p in planned:
        same = (label_key(p.values.get("company") or ""), label_key(p.values.get("role") or ""), p.values["applied_on"])
        if p.uuid in here_uuids or (same in here_keys and (same[0] or same[1])):
            report.skip("application", ALREADY_HERE)
            continue
        fresh.append(p)
        report.add("application")
    report.samples = [_sample(p) for p in fresh[:3]]

    def write(session: Session, progress: Progress = no_progress) -> None:
        now = clock.now()
        apps = []
        for p in fresh:
            app = Application(**p.values, status=p.status, status_on=p.status_on, created_at=now, updated_at=now, uuid=p.uuid)
            if p.status == "rejected":
                app.reapply_after = add_months(p.status_on, REAPPLY_MONTHS)
            apps.append(app)
        session.add_all(apps)
        session.flush()  # ids for the history below
        progress(0.8, "Saving")
        for app, p in zip(apps, fresh, strict=True):
            if p.status == "applied":
                continue
            session.add(StatusChange(application_id=id_of(app), status=p.status, changed_on=p.status_on, created_at=now))
            if p.status in AUTO_WIN_TITLES:
                who = f" from {app.company}" if app.company and p.status == "heard_back" else (f" with {app.company}" if app.company else "")
                session.add(Win(won_on=p.status_on, title=AUTO_WIN_TITLES[p.status] + who, kind=p.status,
                                application_id=id_of(app), created_at=now))

    return Staged(report, write)


def _sample(p: Planned) -> str:
    who = " · ".join(x for x in (p.values.get("company"), p.values.get("role")) if x) or "An application"
    day = p.values["applied_on"]
    return f"{who} · applied {day.day} {day:%b %Y} · {STATUS_LABELS[p.status]}"
