"""Errors the views know how to show kindly."""

from __future__ import annotations

# Defined beside the input shapes that raise it (models/shapes.py); imported from here everywhere else.
from models.shapes import ValidationError

__all__ = ["NotFound", "StorageError", "ValidationError"]


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
