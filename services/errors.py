"""Errors the views know how to show kindly."""

from __future__ import annotations

# Defined beside the input shapes that raise it (models/shapes.py); imported from here everywhere else.
from models.shapes import ValidationError

__all__ = ["NotFound", "StorageError", "ValidationError"]


class StorageError(RuntimeError):
    """The database could not be read or written (locked, full, damaged)."""

    friendly = "We couldn't save that just now. Your earlier entries are safe; please try again in a moment."


class NotFound(LookupError):
    """The record asked for no longer exists (deleted elsewhere, or undone)."""
