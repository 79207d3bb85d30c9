"""SQLModel tables and their Create/Update shapes. No queries here, no flet.

Importing this package registers every table on SQLModel.metadata, which the
schema test compares with what the migrations build.
"""

from models.application import Application, GoalPlan, StatusChange, Win
from models.feedback import Feedback, FeedbackAction, FeedbackPracticeCard
from models.interview import Interview, InterviewQuestion
from models.mood import MoodEntry, MoodEntryActivity, MoodEntryFeeling, MoodWord
from models.practice import PracticeCard, PracticeReview
from models.reminder import AttentionDismissal, ReminderDelivery
from models.setting import Setting

__all__ = [
    "Application",
    "GoalPlan",
    "StatusChange",
    "Win",
    "Setting",
    "MoodEntry",
    "MoodEntryActivity",
    "MoodEntryFeeling",
    "MoodWord",
    "PracticeCard",
    "PracticeReview",
    "Feedback",
    "FeedbackAction",
    "FeedbackPracticeCard",
    "Interview",
    "InterviewQuestion",
    "ReminderDelivery",
    "AttentionDismissal",
]
