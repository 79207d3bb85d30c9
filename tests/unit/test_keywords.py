"""The resume-vs-listing keyword check: a person would name the same missing words."""

from __future__ import annotations

import pytest

from services.errors import ValidationError
from services.feedback.keywords import MAX_TEXT_CHARS, check_keywords, stem

LISTING = """Data Analyst – Customer Insights

We're looking for a Data Analyst to join our Customer Insights team. You will turn raw data into
clear recommendations for product and marketing stakeholders.

What you'll do:
• Build and maintain dashboards in Tableau for weekly business reviews
• Write SQL queries against our Snowflake data warehouse
• Design and analyse A/B tests with the product team; report on A/B test results
• Partner with stakeholders on stakeholder management and clear communication of insights
• Automate recurring reports with Python

What you bring:
• 3+ years of experience in data analysis or business intelligence
• Advanced SQL and solid Python (pandas)
• Experience building Tableau dashboards
• Comfortable with statistics and experiment design for A/B tests
• Excellent communication skills and stakeholder management experience
"""

RESUME = """Jane Doe — Analyst
Marketing analyst with 4 years of experience turning data into decisions.
- Built weekly Excel reports and dashboards for the marketing team
- Wrote SQL queries in PostgreSQL to segment customers
- Presented insights to senior leadership; strong communication
- Automated reporting in Excel VBA, saving 6 hours a week
"""


def terms(keywords):
    return [k.term for k in keywords]


def test_missing_keywords_are_the_ones_a_person_would_name():
    result = check_keywords(listing=LISTING, resume=RESUME)
    missing = terms(result.missing)
    for expected in ("Tableau", "Python", "A/B tests", "stakeholder management", "Snowflake", "pandas", "statistics"):
        assert expected in missing, (expected, missing)
    for present in ("SQL", "dashboards", "communication", "data"):
        assert present in terms(result.found), present
        assert present not in missing


def test_boilerplate_and_numbers_are_not_keywords():
    everything = {t.lower() for t in terms(check_keywords(listing=LISTING, resume=RESUME).keywords)}
    for noise in ("experience", "years", "team", "we're", "excellent", "skills", "3+", "join", "build", "the"):
        assert noise not in everything


def test_sorted_by_how_often_the_listing_uses_them():
    result = check_keywords(listing=LISTING, resume=RESUME)
    counts = [k.count for k in result.keywords]
    assert counts == sorted(counts, reverse=True)
    assert result.keywords[0].term == "A/B tests" and result.keywords[0].count == 3


def test_repeated_phrases_become_one_term_and_single_mentions_do_not():
    result = check_keywords(listing=LISTING, resume=RESUME)
    assert "stakeholder management" in terms(result.keywords)
    assert "experiment design" not in terms(result.keywords)  # said once: stays two words
    assert "experiment" in terms(result.keywords)


def test_words_inside_a_phrase_only_are_not_listed_twice():
    result = check_keywords(listing="Kubernetes operators. Kubernetes operators!", resume="x")
    assert terms(result.keywords) == ["Kubernetes operators"]


def test_stemming_matches_word_forms():
    listing = "Testing and test automation. Managing releases; release management."
    resume = "I tested apps and managed release trains; wrote automated tests."
    result = check_keywords(listing=listing, resume=resume)
    assert not [k for k in result.missing if k.term.lower() in ("testing", "managing", "automation")]


@pytest.mark.parametrize(
    "a, b",
    [
        ("tests", "testing"),
        ("managed", "management"),
        ("planning", "plans"),
        ("communication", "communicate"),
        ("processes", "process"),
        ("analytics", "analytic"),
        ("studies", "study"),
        ("organization", "organize"),
    ],
)
def test_stem_pairs(a, b):
    assert stem(a) == stem(b)


def test_short_and_technical_words_are_left_alone():
    for w in ("sql", "c++", "c#", "node.js", "ci/cd", "aws", "r"):
        assert stem(w) == w


def test_phrase_counts_when_its_words_sit_on_one_resume_line():
    listing = "Stakeholder management. Strong stakeholder management."
    result = check_keywords(listing=listing, resume="Managed stakeholders across four countries.")
    assert terms(result.missing) == []


def test_technical_tokens_survive():
    listing = "We use C++ and C# with CI/CD on AWS. C++ daily; Node.js too."
    got = terms(check_keywords(listing=listing, resume="Java").keywords)
    for t in ("C++", "C#", "CI/CD", "AWS", "Node.js"):
        assert t in got


def test_accents_and_emoji_do_not_break_it():
    result = check_keywords(listing="Café müller 🚀 Expérience client, expérience client", resume="café")
    assert "Café" in terms(result.found)


def test_empty_and_too_long_text_ask_kindly():
    with pytest.raises(ValidationError) as e:
        check_keywords(listing=" ", resume="")
    assert set(e.value.errors) == {"listing", "resume"}
    with pytest.raises(ValidationError) as e:
        check_keywords(listing="a" * (MAX_TEXT_CHARS + 1), resume="ok")
    assert "50,000" in e.value.errors["listing"]


def test_the_longest_allowed_texts_are_checked_whole():
    # As many whole copies as fit in the limit (its speed is measured in bench/services_bench.py).
    copies = MAX_TEXT_CHARS // len(LISTING)  # 50,000 // 853 = 58
    listing, resume = LISTING * copies, RESUME * (MAX_TEXT_CHARS // len(RESUME))
    assert len(listing) <= MAX_TEXT_CHARS and len(resume) <= MAX_TEXT_CHARS
    result = check_keywords(listing=listing, resume=resume)
    top = result.keywords[0]
    assert (top.term, top.count) == ("A/B tests", 3 * copies)  # three mentions in each copy
    assert {"Tableau", "pandas", "statistics"} <= set(terms(result.missing))
    assert {"SQL", "dashboards"} <= set(terms(result.found))
