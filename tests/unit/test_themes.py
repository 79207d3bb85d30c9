"""Feedback themes: every theme has a usable guide; suggestions read real phrasings."""

from __future__ import annotations

import pytest

from services.feedback import themes
from services.feedback.themes import GUIDES, THEME_KEYS, suggest_theme


def test_six_themes_in_order():
    assert THEME_KEYS == ("experience", "examples", "culture", "leadership", "skills", "other")


@pytest.mark.parametrize("key", THEME_KEYS)
def test_each_guide_has_meaning_and_two_or_three_fixes(key):
    g = GUIDES[key]
    assert g.title and g.meaning and g.short
    assert 2 <= len(g.fixes) <= 3
    assert g.practice_questions
    assert all(q.endswith((".", "?")) for q in g.practice_questions)


def test_guides_never_shame():
    words = " ".join(g.meaning + " ".join(g.fixes) for g in GUIDES.values()).lower()
    for harsh in ("fail", "weak", "bad", "should have", "not good enough", "lack"):
        assert harsh not in words


def test_guide_lookup():
    assert themes.guide("culture").title == "A closer match in ways of working wanted"
    assert themes.guide(None) is None
    assert themes.guide("nope") is None


@pytest.mark.parametrize(
    "text, theme",
    [
        ("We decided to go with a candidate who has more direct experience in B2B payments.", "experience"),
        ("The team felt your background wasn't quite close enough to the role.", "experience"),
        ("We were looking for someone with more industry experience in healthcare.", "experience"),
        ("Your answers were a bit too general; we'd have liked specific examples of your impact.", "examples"),
        ("In the panel we struggled to see concrete examples of what you personally delivered.", "examples"),
        ("Answers stayed high-level and we couldn't get to measurable results.", "examples"),
        ("Ultimately we felt it wasn't the right culture fit for our team.", "culture"),
        ("The hiring team had doubts about how your working style would fit in with the team.", "culture"),
        ("For this level we need someone with proven leadership of a team of five or more.", "leadership"),
        ("We didn't see enough examples of taking initiative or mentoring others.", "leadership"),
        ("The role needs deep SQL and Tableau knowledge, and the take-home showed a skills gap there.", "skills"),
        ("We need someone proficient in Salesforce administration; certification would have helped.", "skills"),
        ("Fantastisch gesprek — we hebben helaas iemand anders gekozen.", None),
        ("Thanks for your time. The position has been filled.", None),
        ("", None),
    ],
)
def test_suggestion_on_realistic_phrasings(text, theme):
    got = suggest_theme(text)
    assert (got.theme if got else None) == theme, (text, got)


def test_suggestion_explains_itself():
    got = suggest_theme("We'd love more specific examples next time.")
    assert got.theme == "examples"
    assert "specific examples" in got.because


def test_suggestion_reads_a_long_message():
    # Speed on long text is measured in bench/services_bench.py.
    text = "Thanks for coming in. " * 400 + "We wanted more leadership. " * 400
    assert suggest_theme(text).theme == "leadership"
