"""After an interview: the questions they asked and the thank-you note's details."""

from __future__ import annotations

from typing import ClassVar

from pydantic import field_validator

from models.interview import NAME_MAX
from models.practice import QUESTION_MAX  # a question they asked can become a practice card
from models.shapes import Shape, Text, one_line, short_text

TOPIC_MAX = 300


class QuestionCreate(Shape):
    """A question they asked, in the person's words."""

    messages: ClassVar[dict[str, str]] = {"text": "Write the question they asked."}

    text: Text

    @field_validator("text")
    @classmethod
    def _text(cls, value: str) -> str:
        return short_text(value, empty=cls.messages["text"], limit=QUESTION_MAX,
                          too_long=f"Keep the question under {QUESTION_MAX} characters (it has {{n}}).")


class ThankYouDetails(Shape):
    """Who the note is to and something you talked about (both optional)."""

    to: Text | None = None
    topic: Text = ""

    @field_validator("to")
    @classmethod
    def _to(cls, value: str | None) -> str | None:
        text = one_line(value)
        if len(text) > NAME_MAX:
            raise ValueError(f"A name can be at most {NAME_MAX} characters.")
        return text or None

    @field_validator("topic")
    @classmethod
    def _topic(cls, value: str) -> str:
        text = one_line(value)
        if len(text) > TOPIC_MAX:
            raise ValueError(f"A few words are plenty: up to {TOPIC_MAX} characters.")
        return text
