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
    """The database could not be read or written (locked, full, damaged)."""

    friendly = "We couldn't save that just now. Your earlier entries are safe; please try again in a moment."


class NotFound(LookupError):
    """The record asked for no longer exists (deleted elsewhere, or undone)."""
