"""Interviews: scheduling a round, its page and prep plan, the after-interview check-in,
questions and thank-you note, the calendar file, Today's card and the stage funnel."""
