"""Small layout rules that need no browser: where titles may wrap, which chart days get a label,
what a dropdown shows of a long choice."""

from __future__ import annotations

from datetime import date, timedelta

import flet as ft
import pytest

from views.common.layout import NBSP, keep_together
from views.common.named import NamedDropdown, shorten
from views.practice.stats import ReviewsChart


def break_points(text: str) -> list[str]:
    """The pieces a line may break between (ordinary spaces only)."""
    return text.split(" ")


def test_title_never_breaks_inside_a_company_name_with_an_ampersand():
    pieces = break_points(keep_together("Data Analyst · Acme & Sons"))
    assert f"Acme{NBSP}&{NBSP}Sons" in pieces
    assert pieces[0:2] == ["Data", f"Analyst{NBSP}·"], "the dot ends a line, never starts one"


def test_short_words_stay_with_the_next_word():
    assert break_points(keep_together("Analyst at Globex")) == ["Analyst", f"at{NBSP}Globex"]
    assert keep_together("Today") == "Today"


@pytest.mark.parametrize("days", [7, 13, 14])
def test_chart_labels_every_other_day_ending_today(days):
    today = date(2026, 3, 14)
    per_day = [(today - timedelta(days=days - 1 - i), i % 3) for i in range(days)]
    labelled = sorted(label.value for label in ReviewsChart(per_day).bottom_axis.labels)
    assert labelled[-1] == days - 1, "today is labelled"
    assert all(b - a == 2 for a, b in zip(labelled, labelled[1:], strict=False)), labelled
    assert len(labelled) == (days + 1) // 2


def test_shorten_cuts_at_a_word_with_an_ellipsis():
    text = "Acme & Sons Logistics International, Senior Data Analyst"
    short = shorten(text, 30)
    assert short == "Acme & Sons Logistics…"
    assert len(short) <= 30
    assert shorten("Short", 30) == "Short"


def test_a_long_choice_shows_shortened_but_is_named_in_full():
    full = "Acme & Sons Logistics International, Senior Data Analyst (rejected)"
    wrapper = NamedDropdown(
        label="Linked application", value="3", fit=30,
        options=[ft.DropdownOption(key="none", text="Not linked"), ft.DropdownOption(key="3", text=full)],
    )  # fmt: skip
    assert wrapper.label == "Linked application" and wrapper.value == full
    shown = {o.key: o for o in wrapper.content.options}
    assert shown["3"].text.endswith("…") and len(shown["3"].text) <= 30
    assert shown["3"].content.value == full  # the menu shows it whole
    assert shown["none"].text == "Not linked" and shown["none"].content is None
