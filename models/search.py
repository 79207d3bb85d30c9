"""What each list can be searched and filtered by: checked like any other input.

A search is capped (SQLite refuses LIKE patterns over 50 kB, and nobody types
that much into a search box); pages are bounded; days fall in the sane range.
"""

from __future__ import annotations

from typing import Any

from pydantic import field_validator, model_validator

from models.application import NAME_MAX, STATUSES
from models.feedback import REQUEST_STATUSES
from models.practice import CATEGORIES, TAG_MAX
from models.shapes import Day, SearchText, Shape, Text, as_list, page_window


class ApplicationSearch(Shape):
    """The Applications list's filters and page."""

    text: SearchText | None = None
    statuses: list[Text] | None = None
    date_from: Day | None = None
    date_to: Day | None = None
    source: Text | None = None
    offset: int = 0
    limit: int = 50

    @field_validator("statuses", mode="before")
    @classmethod
    def _listed(cls, value: Any) -> Any:
        return as_list(value)

    @field_validator("statuses")
    @classmethod
    def _known(cls, value: list[str] | None) -> list[str] | None:
        if value and any(s not in STATUSES for s in value):
            raise ValueError("Choose statuses from the list.")
        return value

    @field_validator("source")
    @classmethod
    def _source(cls, value: str | None) -> str | None:
        if value is not None and len(value) > NAME_MAX:
            raise ValueError(f"Source can be at most {NAME_MAX} characters.")
        return value

    @model_validator(mode="after")
    def _page(self) -> ApplicationSearch:
        page_window(self.offset, self.limit)
        return self


class CardSearch(Shape):
    """The practice deck's search box, category and tag filters, and page."""

    search: SearchText = ""
    category: Text | None = None
    tag: Text | None = None
    archived: bool = False
    offset: int = 0
    limit: int = 50

    @field_validator("category")
    @classmethod
    def _category(cls, value: str | None) -> str | None:
        if value and value not in CATEGORIES:
            raise ValueError("Pick one of the categories.")
        return value

    @field_validator("tag")
    @classmethod
    def _tag(cls, value: str | None) -> str | None:
        if value and len(value) > TAG_MAX:
            raise ValueError(f"Tags are under {TAG_MAX} characters.")
        return value

    @model_validator(mode="after")
    def _page(self) -> CardSearch:
        page_window(self.offset, self.limit)
        return self


class FeedbackSearch(Shape):
    """The Feedback list's status filter and page."""

    status: Text | None = None
    offset: int = 0
    limit: int = 50

    @field_validator("status")
    @classmethod
    def _status(cls, value: str | None) -> str | None:
        if value is not None and value not in REQUEST_STATUSES:
            raise ValueError("Pick one of the request statuses.")
        return value

    @model_validator(mode="after")
    def _page(self) -> FeedbackSearch:
        page_window(self.offset, self.limit)
        return self
