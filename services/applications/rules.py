"""Checking application input before anything is written, and small date rules."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from models.application import (
    COMPANY_SIZES,
    LINK_MAX,
    NAME_MAX,
    NEEDS_COMPANY,
    NOTES_MAX,
    STATUS_LABELS,
    STATUSES,
)
from services.errors import ValidationError

REAPPLY_MONTHS = 3
_NAME_FIELDS = {"company": "Company", "role": "Role", "source": "Source", "industry": "Industry"}


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's end (30 Nov + 3 -> 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def clean_text(value: str | None) -> str | None:
    """Trim outer whitespace; empty means 'not given'. Inner text is kept exactly."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def check_status(status: str) -> None:
    if status not in STATUSES:
        raise ValidationError.single("status", "Choose one of: " + ", ".join(STATUS_LABELS.values()) + ".")


def check_fields(values: dict[str, Any], *, today: date, status: str | None = None) -> dict[str, Any]:
    """Cleaned values, or a ValidationError naming every bad field at once."""
    errors: dict[str, str] = {}
    cleaned = dict(values)
    for name in ("company", "role", "source", "industry", "company_size", "link", "notes"):
        if name in cleaned:
            cleaned[name] = clean_text(cleaned[name])
    for name, label in _NAME_FIELDS.items():
        text = cleaned.get(name)
        if text and len(text) > NAME_MAX:
            errors[name] = f"{label} can be at most {NAME_MAX} characters (this one has {len(text)})."
    if cleaned.get("link") and len(cleaned["link"]) > LINK_MAX:
        errors["link"] = f"That link is longer than {LINK_MAX} characters; please shorten it."
    if cleaned.get("notes") and len(cleaned["notes"]) > NOTES_MAX:
        errors["notes"] = f"Notes can be at most {NOTES_MAX:,} characters (these have {len(cleaned['notes']):,})."
    size = cleaned.get("company_size")
    if size and size not in COMPANY_SIZES:
        errors["company_size"] = "Choose a size band from the list."
    if "applied_on" in cleaned:
        applied = cleaned["applied_on"]
        if applied is None:
            errors["applied_on"] = "The date you applied is the one thing we need."
        elif not isinstance(applied, date):
            errors["applied_on"] = "That doesn't look like a date."
        elif applied > today:
            errors["applied_on"] = "That date is in the future. Pick today or an earlier day."
    if status is not None:
        if status not in STATUSES:
            errors["status"] = "Choose a status from the list."
        elif status in NEEDS_COMPANY and not cleaned.get("company"):
            errors["company"] = f"Add the company to mark this as “{STATUS_LABELS[status].lower()}”."
    if errors:
        raise ValidationError(errors)
    return cleaned


def check_change_day(on: date, *, applied_on: date, today: date) -> None:
    if on > today:
        raise ValidationError.single("on", "That date is in the future. Pick today or an earlier day.")
    if on < applied_on:
        raise ValidationError.single("on", f"That is before you applied ({applied_on:%d %b %Y}).")
