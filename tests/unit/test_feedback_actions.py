"""Action items, open actions across feedback, and "turn into practice"."""

from __future__ import annotations

import pytest

from services.errors import ValidationError
from services.feedback.service import FeedbackService
from services.feedback.themes import GUIDES


@pytest.fixture
def fb(services):
    return services.feedback


def test_actions_keep_order_and_skip_duplicates(fb, clock):
    r = fb.record_feedback(company="Acme", what_they_said="More examples", theme="examples")
    fb.actions.add_actions(feedback_id=r.id, texts=GUIDES["examples"].fixes)
    again = fb.actions.add_actions(feedback_id=r.id, texts=[GUIDES["examples"].fixes[0].upper()])
    items = fb.actions.for_record(feedback_id=r.id)
    assert [a.text for a in items] == list(GUIDES["examples"].fixes)
    assert again[0].id == items[0].id
    done = fb.actions.set_action_done(action_id=items[1].id, done=True)
    assert done.done and done.done_on == clock.today()
    assert not fb.actions.set_action_done(action_id=items[1].id, done=False).done_on


def test_action_text_is_checked(fb):
    r = fb.record_feedback(company="Acme")
    with pytest.raises(ValidationError):
        fb.actions.add_action(feedback_id=r.id, text="   ")
    with pytest.raises(ValidationError):
        fb.actions.add_action(feedback_id=r.id, text="x" * 501)
    item = fb.actions.add_action(feedback_id=r.id, text="  Ask   Sam  for a mock ")
    assert item.text == "Ask Sam for a mock"
    assert fb.actions.edit_action(action_id=item.id, text="Ask Priya").text == "Ask Priya"
    fb.actions.delete_action(action_id=item.id)
    assert fb.actions.for_record(feedback_id=r.id) == []


def test_open_actions_across_all_feedback(fb):
    a = fb.record_feedback(company="A")
    b = fb.record_feedback(company="B")
    fb.actions.add_actions(feedback_id=a.id, texts=["one", "two"])
    fb.actions.add_action(feedback_id=b.id, text="three")
    fb.actions.set_action_done(action_id=fb.actions.for_record(feedback_id=a.id)[0].id, done=True)
    open_ = fb.actions.open_actions()
    assert sorted(o.text for o in open_) == ["three", "two"]
    assert {o.company for o in open_} == {"A", "B"}
    assert fb.actions.open_action_count() == 2


def test_turn_into_practice_creates_linked_cards_and_ticks_off_when_reviewed(services, fb):
    r = fb.record_feedback(company="Acme", role="Analyst", what_they_said="Answers lacked specifics.", theme="examples")
    questions = fb.actions.practice_suggestions(feedback_id=r.id)
    assert questions == list(GUIDES["examples"].practice_questions)
    ids = fb.actions.turn_into_practice(feedback_id=r.id, questions=questions)
    assert fb.actions.practice_card_ids(feedback_id=r.id) == ids
    card = services.practice.deck.get_card(card_id=ids[0])
    assert "Answers lacked specifics." in card.notes and "feedback" in card.tags
    action = [a for a in fb.actions.for_record(feedback_id=r.id) if a.text.startswith("Practise")]
    assert len(action) == 1 and not action[0].done
    services.practice.schedule.review_card(card_id=ids[0], rating=3)
    assert not [a for a in fb.actions.for_record(feedback_id=r.id) if a.text.startswith("Practise")][0].done
    services.practice.schedule.review_card(card_id=ids[1], rating=4)
    assert [a for a in fb.actions.for_record(feedback_id=r.id) if a.text.startswith("Practise")][0].done
    # More cards later reopen the same item rather than adding another.
    fb.actions.turn_into_practice(feedback_id=r.id, questions=["Walk me through a result you measured."])
    practise = [a for a in fb.actions.for_record(feedback_id=r.id) if a.text.startswith("Practise")]
    assert len(practise) == 1 and not practise[0].done


def test_practice_note_mentions_where_it_came_from(fb):
    r = fb.record_feedback(company="Acme", role="Analyst", what_they_said="x" * 900, theme="leadership")
    note = fb.actions.practice_note(feedback_id=r.id)
    assert note.startswith("From feedback on Analyst at Acme")
    assert "…" in note and GUIDES["leadership"].fixes[0] in note


def test_turn_into_practice_needs_questions(fb):
    r = fb.record_feedback(company="Acme")
    with pytest.raises(ValidationError):
        fb.actions.turn_into_practice(feedback_id=r.id, questions=["  "])
    with pytest.raises(ValidationError):
        fb.actions.turn_into_practice(feedback_id=r.id, questions=[f"Q{i}?" for i in range(11)])


def test_without_a_practice_deck(services):
    alone = FeedbackService(services.db.session, services.clock)
    r = alone.record_feedback(company="Acme")
    assert not alone.actions.practice_available
    with pytest.raises(ValidationError):
        alone.actions.turn_into_practice(feedback_id=r.id, questions=["Q?"])
    assert alone.actions.for_record(feedback_id=r.id) == []


def test_deleting_a_card_drops_its_link(services, fb):
    r = fb.record_feedback(company="Acme", theme="culture", what_they_said="fit")
    [card_id] = fb.actions.turn_into_practice(feedback_id=r.id, questions=["What helps you do your best work?"])
    with services.db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM practice_card WHERE id = ?", (card_id,))
    assert fb.actions.practice_card_ids(feedback_id=r.id) == []
