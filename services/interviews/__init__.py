"""Interviews: rounds on an application, a prep plan from the practice deck, reminders,
the after-interview check-in, questions and thank-you note, the calendar file, the funnel."""

from models.interview import DURATION_MAX, DURATION_MIN, FORMATS, OUTCOMES, ROUNDS
from services.interviews.after import thank_you_window_ends
from services.interviews.files import CalendarFile
from services.interviews.funnel import GROUPS, Funnel, Stage
from services.interviews.prep import DAILY, PlanCard, PrepPlan
from services.interviews.records import InterviewInfo, QuestionInfo, Scheduled
from services.interviews.service import PAST_QUESTION, InterviewService, PastInterview
from services.interviews.signals import InterviewSignals
from services.interviews.thank_you import ThankYouNote, mailto_url
from services.interviews.times import clock_text, read_time

__all__ = [
    "DAILY",
    "DURATION_MAX",
    "DURATION_MIN",
    "FORMATS",
    "GROUPS",
    "OUTCOMES",
    "PAST_QUESTION",
    "ROUNDS",
    "CalendarFile",
    "Funnel",
    "InterviewInfo",
    "InterviewService",
    "InterviewSignals",
    "PastInterview",
    "PlanCard",
    "PrepPlan",
    "QuestionInfo",
    "Scheduled",
    "Stage",
    "ThankYouNote",
    "clock_text",
    "mailto_url",
    "read_time",
    "thank_you_window_ends",
]
