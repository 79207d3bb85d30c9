"""Errors the views know how to show kindly."""

from __future__ import annotations


class ValidationError(ValueError):
    """Bad input, with a message per field so the view can show it at the field.

    Raised before anything is written, so nothing is saved half-way.
    """

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.errors.items()))

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls({field: message})


class StorageError(RuntimeError):
    """The data file could not be read or written: busy, read-only, full disk, I/O error, damage.

    `friendly` is what a person is shown (it says what happened and that their
    saved entries are safe); `kind` lets a screen decide what else to offer;
    str(error) keeps the technical detail for the log.
    Every SQLite failure of that sort is translated into this class in one place
    (services/storage/failures.py), so no call site handles driver errors.
    """

    friendly = "We couldn't save that just now. Your earlier entries are safe; please try again in a moment."
    kind = "other"

    def __init__(self, detail: str = "", *, kind: str | None = None, friendly: str | None = None):
        super().__init__(detail or friendly or self.friendly)
        if kind is not None:
            self.kind = kind
        if friendly is not None:
            self.friendly = friendly


class NotFound(LookupError):
    """The record asked for no longer exists (deleted elsewhere, or undone)."""
