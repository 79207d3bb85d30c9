"""Stable identity for the rows a person creates: a UUID that travels with the row.

Ids are per file (1, 2, 3...) and differ between devices; the UUID is the same
everywhere. Importing an export matches rows on it, so importing the same file
twice adds nothing, and a later sync between devices has something to merge on.

Built-in starter questions get a UUID derived from their key, so the same
question is the same card on every device instead of a duplicate.
"""

from __future__ import annotations

import uuid

# Frozen: changing it would give every starter card a new identity.
STARTER_NAMESPACE = uuid.UUID("8bee4a51-bde7-43bd-83dc-471b977ec9da")


def new_uuid() -> str:
    return str(uuid.uuid4())


def starter_uuid(key: str) -> str:
    return str(uuid.uuid5(STARTER_NAMESPACE, f"starter:{key}"))


def is_uuid(value: object) -> bool:
    """A canonical lower-case UUID string, as `new_uuid` writes it."""
    if not isinstance(value, str) or len(value) != 36:
        return False
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False
