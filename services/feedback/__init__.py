"""Feedback: records per rejection, the request message, themes, action items, the keyword check."""

from services.feedback import themes
from services.feedback.keywords import MAX_TEXT_CHARS, KeywordCheck, check_keywords
from services.feedback.request import mailto_url, render_follow_up, render_request
from services.feedback.service import FeedbackService

__all__ = [
    "MAX_TEXT_CHARS",
    "FeedbackService",
    "KeywordCheck",
    "check_keywords",
    "mailto_url",
    "render_follow_up",
    "render_request",
    "themes",
]
