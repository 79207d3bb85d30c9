"""What can be wrong with a file, said so a person can fix it: which row, which field, why."""

from __future__ import annotations

from services.errors import ValidationError

SHOWN_PROBLEMS = 5  # more than this and the message stops helping


class FileProblem(ValidationError):
    """The file can't be imported as it is. Nothing has been written.

    `problems` lists every problem found (row and field named in each);
    `errors["file"]` is the message to show, the first few of them.
    """

    def __init__(self, problems: list[str]):
        self.problems = list(problems) or ["This file can't be imported."]
        shown = self.problems[:SHOWN_PROBLEMS]
        more = len(self.problems) - len(shown)
        text = "\n".join(shown) + (f"\n…and {more} more like these." if more else "")
        super().__init__({"file": text})

    @property
    def message(self) -> str:
        return self.errors["file"]


class Problems:
    """Collects row problems while a file is read, so the person sees them all at once."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, message: str, *, row: int | None = None, field: str | None = None) -> None:
        where = ", ".join(p for p in (f"Row {row}" if row is not None else "", f"“{field}”" if field else "") if p)
        self.items.append(f"{where}: {message}" if where else message)

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise FileProblem(self.items)
