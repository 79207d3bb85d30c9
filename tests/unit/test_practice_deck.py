"""The practice deck: cards with STAR answers, tags, filters, archive and delete."""

from __future__ import annotations

import pytest

from models.practice import PracticeCardUpdate
from services.errors import NotFound, ValidationError
from services.practice.deck import card_tags
from tests.unit.practice_fixtures import add_cards
from tests.unit.practice_fixtures import practice as practice_fixture

practice = practice_fixture  # the fixture, under the name tests ask for


def test_create_card_keeps_star_answer_and_tags(practice):
    card = practice.deck.create_card(
        question="  Tell me about a conflict.  ",
        category="conflict",
        tags=["STAR", " Team work ", "star"],
        situation="S",
        task="T",
        action="A",
        result="R",
        notes="n",
    )
    assert card.id is not None
    got = practice.deck.get_card(card_id=card.id)
    assert got.question == "Tell me about a conflict."
    assert (got.situation, got.task, got.action, got.result, got.notes) == ("S", "T", "A", "R", "n")
    assert card_tags(got) == ["star", "team work"]
    assert got.has_answer
    assert not practice.deck.create_card(question="Empty one?").has_answer


def test_the_feedback_contract_defaults(practice):
    card = practice.deck.create_card(question="Why this role?")
    assert card.category == "behavioral" and card_tags(card) == [] and card.id > 0


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"question": "   "}, "question"),
        ({"question": "x" * 501}, "question"),
        ({"question": "ok", "category": "nope"}, "category"),
        ({"question": "ok", "situation": "x" * 5001}, "situation"),
        ({"question": "ok", "result": "x" * 5001}, "result"),
        ({"question": "ok", "tags": ["t" * 41]}, "tags"),
    ],
)
def test_bad_input_is_refused_with_a_field_message(practice, kwargs, field):
    with pytest.raises(ValidationError) as err:
        practice.deck.create_card(**kwargs)
    assert field in err.value.errors
    assert practice.deck.card_count() == 0, "nothing is written"


def test_limits_are_inclusive(practice):
    card = practice.deck.create_card(question="q" * 500, action="a" * 5000)
    assert len(card.question) == 500


def test_update_changes_only_what_is_given(practice):
    card = practice.deck.create_card(question="Old?", situation="keep", tags=["a"])
    updated = practice.deck.update_card(card_id=card.id, changes=PracticeCardUpdate(question="New?", result="done"))
    assert (updated.question, updated.situation, updated.result) == ("New?", "keep", "done")
    assert card_tags(updated) == ["a"]
    with pytest.raises(ValidationError):
        practice.deck.update_card(card_id=card.id, changes=PracticeCardUpdate(question=""))
    assert practice.deck.get_card(card_id=card.id).question == "New?"


def test_duplicates_are_allowed_but_flagged(practice):
    first = practice.deck.create_card(question="Why do you want this job?")
    second = practice.deck.create_card(question="why do you want this job")
    assert [c.id for c in practice.deck.duplicates_of(question="Why do you want THIS job ?")] == [first.id, second.id]
    assert [c.id for c in practice.deck.duplicates_of(question=second.question, exclude_id=second.id)] == [first.id]
    assert practice.deck.duplicates_of(question="Something else") == []


def test_search_and_filters(practice):
    a = practice.deck.create_card(question="Tell me about a deadline", category="pressure", tags=["star"])
    b = practice.deck.create_card(question="Greatest strength?", category="strengths", tags=["self"], action="I plan ahead")
    c = practice.deck.create_card(question="A conflict with a peer", category="conflict", tags=["star", "peers"])
    ids = lambda page: [x.id for x in page.cards]  # noqa: E731
    assert ids(practice.deck.list_cards()) == [a.id, b.id, c.id]
    assert ids(practice.deck.list_cards(search="deadline")) == [a.id]
    assert ids(practice.deck.list_cards(search="plan")) == [b.id], "answers are searched too"
    assert ids(practice.deck.list_cards(category="conflict")) == [c.id]
    assert ids(practice.deck.list_cards(tag="star")) == [a.id, c.id]
    assert ids(practice.deck.list_cards(tag="sta")) == [], "a tag matches whole"
    assert practice.deck.all_tags() == ["peers", "self", "star"]


def test_paging(practice):
    add_cards(practice, 7)
    first = practice.deck.list_cards(limit=5)
    rest = practice.deck.list_cards(limit=5, offset=5)
    assert len(first.cards) == 5 and first.has_more
    assert len(rest.cards) == 2 and not rest.has_more


def test_archive_hides_and_keeps_and_delete_removes_history(practice):
    card = practice.deck.create_card(question="Archive me?")
    practice.schedule.review_card(card_id=card.id, rating=3)
    practice.deck.archive_card(card_id=card.id)
    assert practice.deck.list_cards().cards == []
    assert [x.id for x in practice.deck.list_cards(archived=True).cards] == [card.id]
    assert practice.schedule.review_counts(card_ids=[card.id]) == {card.id: 1}
    practice.deck.archive_card(card_id=card.id, archived=False)
    assert practice.deck.card_count() == 1
    practice.deck.delete_card(card_id=card.id)
    assert practice.schedule.review_counts(card_ids=[card.id]) == {card.id: 0}
    with pytest.raises(NotFound):
        practice.deck.get_card(card_id=card.id)
