from datetime import datetime

from sqlmodel import Field, SQLModel


class Setting(SQLModel, table=True):
    """One user preference; the value is JSON text so any plain value fits."""

    key: str = Field(primary_key=True)
    value: str
    updated_at: datetime
