"""After an interview: how it went (a mood entry), the questions they asked (each can
become a practice card), the thank-you note, and the outcome.

`InterviewService.after`. Each action is one transaction: the check-in writes the mood
entry and links it; a question turned into a card adds the card and links it; sending
the thank-you note marks it sent and records a small win; an offer or a no moves the
application's status with the outcome.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, timedelta

from sqlmodel import col, select

from models import Application
from models.interview import OUTCOMES, Interview, InterviewQuestion, aware
from models.interview_after import QuestionCreate, ThankYouDetails
from models.mood import MoodEntryCreate
from models.practice import PracticeCardCreate
from models.shapes import Text, check
from services.applications import ApplicationService, WinKind, WinService
from services.clock import Clock
from services.dates import on_day
from services.errors import ValidationError
from services.interviews.records import InterviewInfo, QuestionInfo, phrase, question_info
from services.interviews.thank_you import ThankYouNote, render_thank_you
from services.interviews.times import local
from services.lookup import id_of, load
from services.mood import MoodService
from services.practice import PracticeService
from services.storage.db import SessionFactory

MAX_QUESTIONS = 50
# Where a question asked in each round goes in the deck; its tags ("interview" and the
# round's name) make it fit the next round of that kind (services.interviews.prep).
QUESTION_CATEGORY = {
    "recruiter": "motivation", "phone_screen": "behavioral", "technical": "other", "take_home": "other",
    "panel": "teamwork", "final": "career_goals", "other": "behavioral",
}


def thank_you_window_ends(starts_day: date) -> date:
    """The note is offered (on Today) through the day after the interview: best sent within a day."""
    return starts_day + timedelta(days=1)


class AfterInterview:
    def __init__(
        self, sessions: SessionFactory, clock: Clock, *, applications: ApplicationService, practice: PracticeService,
        mood: MoodService, wins: WinService, read: Callable[..., InterviewInfo],
    ):
        self._sessions = sessions
        self._clock = clock
        self._applications = applications
        self._practice = practice
        self._mood = mood
        self._wins = wins
        self._read = read

    # ---- how did it go? -----------------------------------------------------------
    def check_in(self, *, interview_id: int, mood: int, feelings: Iterable[str] = (), note: str = "") -> InterviewInfo:
        """A mood entry about the interview (linked to its application); a second check-in edits it."""
        with self._sessions() as s:
            row = load(s, Interview, interview_id, "interview")
            data = MoodEntryCreate.parse(dict(mood=mood, feelings=feelings, note=note,
                                              application_id=row.application_id))
            if row.mood_entry_id is not None:
                self._mood.edit_in(s, row.mood_entry_id, data)
            else:
                row.mood_entry_id = id_of(self._mood.log_in(s, data))
            row.updated_at = self._clock.now().astimezone(UTC)
            s.commit()
        return self._read(interview_id=interview_id)

    # ---- questions they asked ---------------------------------------------------------
    def questions(self, *, interview_id: int) -> list[QuestionInfo]:
        with self._sessions() as s:
            row = load(s, Interview, interview_id, "interview")
            rows = s.exec(select(InterviewQuestion).where(InterviewQuestion.interview_id == row.id)
                          .order_by(col(InterviewQuestion.id))).all()
            return [question_info(q) for q in rows]

    def add_question(self, *, interview_id: int, text: str) -> QuestionInfo:
        data = QuestionCreate(text=text)
        with self._sessions() as s:
            row = load(s, Interview, interview_id, "interview")
            known = s.exec(select(InterviewQuestion).where(InterviewQuestion.interview_id == row.id)).all()
            same = next((q for q in known if q.text.casefold() == data.text.casefold()), None)
            if same is not None:
                return question_info(same)  # typed twice: one is enough
            if len(known) >= MAX_QUESTIONS:
                raise ValidationError.single("text", f"An interview holds up to {MAX_QUESTIONS} questions.")
            question = InterviewQuestion(interview_id=id_of(row), text=data.text,
                                         created_at=self._clock.now().astimezone(UTC))
            s.add(question)
            s.commit()
            return question_info(question)

    def delete_question(self, *, question_id: int) -> None:
        """Remove it from the list (a card made from it stays in the deck)."""
        with self._sessions() as s:
            s.delete(load(s, InterviewQuestion, question_id, "question"))
            s.commit()

    def question_to_card(self, *, question_id: int) -> int:
        """One tap: a practice card for the question, linked to it; returns the card's id.
        A question already turned into a card gives that card back (no duplicates)."""
        with self._sessions() as s:
            question = load(s, InterviewQuestion, question_id, "question")
            if question.card_id is not None:
                return question.card_id
            row = load(s, Interview, question.interview_id, "interview")
            app = load(s, Application, row.application_id, "application")
            day = local(self._clock, aware(row.starts_at)).date()
            note = f"Asked in your {phrase(row.round, app.company, app.role)} on {day.day} {day:%b %Y}."
            card = self._practice.deck.new_card(PracticeCardCreate(
                question=question.text, category=QUESTION_CATEGORY.get(row.round, "behavioral"),
                tags=["interview", row.round.replace("_", "-")], notes=note,
            ))
            s.add(card)
            s.flush()
            question.card_id = id_of(card)
            s.commit()
            return id_of(card)

    # ---- the thank-you note -------------------------------------------------------------
    def thank_you(self, *, interview_id: int, your_name: str = "", to: str | None = None,
                  topic: str | None = None) -> ThankYouNote:
        """The note as it reads now; `to` and `topic` default to what was saved (or the first person met)."""
        i = self._read(interview_id=interview_id)
        your_name = check("your_name", Text, your_name)
        if to is None:
            to = i.thank_you_to or (i.people[0][0] if i.people else "")
        else:
            to = check("to", Text, to)
        topic = i.thank_you_topic if topic is None else check("topic", Text, topic)
        return render_thank_you(interviewer=to, role=i.role or "", company=i.company or "", topic=topic,
                                your_name=your_name, when=on_day(i.starts.date(), self._clock.today()))

    def save_thank_you(self, *, interview_id: int, to: str | None, topic: str = "") -> InterviewInfo:
        """Keep who it's to and what you talked about (when a field is left)."""
        data = ThankYouDetails(to=to, topic=topic)
        with self._sessions() as s:
            row = load(s, Interview, interview_id, "interview")
            row.thank_you_to, row.thank_you_topic = data.to, data.topic
            row.updated_at = self._clock.now().astimezone(UTC)
            s.commit()
        return self._read(interview_id=interview_id)

    def thank_you_sent(self, *, interview_id: int, to: str | None, topic: str = "") -> InterviewInfo:
        """Copied or opened in the mail app: the details saved, the note marked sent and, the
        first time, a small win (sending it is something you did, whatever comes of it)."""
        data = ThankYouDetails(to=to, topic=topic)
        today = self._clock.today()
        with self._sessions() as s:
            row = load(s, Interview, interview_id, "interview")
            app = load(s, Application, row.application_id, "application")
            row.thank_you_to, row.thank_you_topic = data.to, data.topic
            if row.thank_you_sent_on is None:
                row.thank_you_sent_on = today
                who = f" to {app.company}" if app.company else ""
                # One a day per application: a note after each round counts, a second copy the same day doesn't.
                self._wins.record_in(s, kind=WinKind.THANK_YOU, title=f"Sent a thank-you note{who}",
                                     application_id=app.id, once_per_day=True)
            row.updated_at = self._clock.now().astimezone(UTC)
            s.commit()
        return self._read(interview_id=interview_id)

    # ---- the outcome -------------------------------------------------------------------
    def set_outcome(self, *, interview_id: int, outcome: str | None) -> InterviewInfo:
        """Next round, an offer or a no (None clears it). An offer or a no moves the
        application's status with it, today, in the same transaction."""
        if outcome is not None and (not isinstance(outcome, str) or outcome not in OUTCOMES):
            raise ValidationError.single("outcome", "Pick next round, an offer or a no.")
        with self._sessions() as s:
            row = load(s, Interview, interview_id, "interview")
            row.outcome = outcome
            if outcome in ("offer", "rejected"):
                self._applications.change_status_in(s, application_id=row.application_id, status=outcome)
            row.updated_at = self._clock.now().astimezone(UTC)
            s.commit()
        return self._read(interview_id=interview_id)
