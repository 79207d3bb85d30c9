"""The starter deck: added once, never forced back, restorable, and harmless when broken."""

from __future__ import annotations

import json

from services.container import AppServices
from services.practice.deck import CATEGORIES
from services.practice.service import PracticeService
from services.practice.starter import STARTER_PATH, read_starter_deck


def test_shipped_deck_is_complete():
    questions = read_starter_deck(STARTER_PATH)
    assert len(questions) >= 40
    wanted = set(CATEGORIES) - {"other"}
    assert {q.category for q in questions} == wanted, "every category has starter questions"
    assert len({q.question for q in questions}) == len(questions)


def test_the_first_run_step_adds_the_deck_once(services):
    assert services.practice.deck.card_count() == 0, "nothing is loaded when the services are built"
    assert services.practice.schedule.due_count() == 0, "counting what is due never adds cards"
    assert services.practice.deck.card_count() == 0
    assert services.practice.starter.ensure_starter_deck().added >= 40
    assert services.practice.schedule.due_count() == 10
    total = services.practice.deck.card_count()
    assert total >= 40
    first_page = services.practice.deck.list_cards(limit=5).cards
    assert len({c.category for c in first_page}) == 5, "new cards come from varied categories"
    services.practice.starter.ensure_starter_deck()
    assert services.practice.deck.card_count() == total


def test_deleted_starter_cards_stay_deleted_after_restart(db, clock, services):
    services.practice.starter.ensure_starter_deck()
    victim = services.practice.deck.list_cards(limit=1).cards[0]
    services.practice.deck.delete_card(card_id=victim.id)
    restarted = AppServices(db, clock)
    restarted.practice.starter.ensure_starter_deck()
    total = restarted.practice.deck.card_count()
    assert victim.question not in [c.question for c in restarted.practice.deck.list_cards(limit=100).cards]
    result = restarted.practice.starter.restore_starter_deck()
    assert result.ok and result.added == 1
    assert restarted.practice.deck.card_count() == total + 1
    again = restarted.practice.starter.restore_starter_deck()
    assert again.ok and again.added == 0


def test_corrupt_deck_file_leaves_the_app_working(db, clock, services, tmp_path):
    bad = tmp_path / "starter_deck.json"
    bad.write_text("{ not json", encoding="utf-8")
    practice = PracticeService(db.session, clock, settings=services.settings, starter_path=bad)
    assert not practice.starter.ensure_starter_deck().ok
    assert practice.schedule.due_count() == 0
    assert practice.starter.notice and "couldn't add the built-in questions" in practice.starter.notice
    card = practice.deck.create_card(question="My own question?")
    assert practice.schedule.due_queue() == [card.id]
    restored = practice.starter.restore_starter_deck()
    assert not restored.ok and restored.message


def test_missing_or_damaged_entries_are_reported(db, clock, services, tmp_path):
    missing = PracticeService(db.session, clock, settings=services.settings, starter_path=tmp_path / "nope.json")
    assert not missing.starter.restore_starter_deck().ok
    assert "missing" in missing.starter.notice
    damaged = tmp_path / "damaged.json"
    damaged.write_text(json.dumps({"questions": [{"key": "a", "question": "", "category": "x"}]}), encoding="utf-8")
    practice = PracticeService(db.session, clock, settings=services.settings, starter_path=damaged)
    result = practice.starter.ensure_starter_deck()
    assert not result.ok and "damaged" in result.message
    assert practice.deck.card_count() == 0
    fixed = PracticeService(db.session, clock, settings=services.settings)
    assert fixed.starter.ensure_starter_deck().added >= 40, "a broken file is retried at the next start"
