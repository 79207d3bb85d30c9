"""Phone layouts (390x844), light and dark: no text printed over other text, cut off, or
running out of its place. Checked from the semantics nodes' boxes on every screenful
(tests/e2e/layout.py), with the screenshots in screenshots/ to look at.

Add a screen with one line in SCREENS (a `Visit`, see tests/e2e/visits.py).
"""

from __future__ import annotations

import re

import pytest

from tests.e2e.helpers import PHONE, SCREENSHOTS, open_app
from tests.e2e.layout import check_scrolling
from tests.e2e.visits import Visit, open_visit, seeded_server

pytestmark = pytest.mark.e2e

# Checked in light and dark.
SCREENS = [
    Visit("/settings", shows="Your data"),
    Visit("/feedback/{feedback_id}", shows="What they said"),
    Visit("/applications/{rejected_id}", shows="Move to"),
    Visit("/", shows="Sent today"),
    Visit("/mood", shows="Your days"),
    Visit("/interviews/{round_id}", shows="What to practise"),
    Visit("/interviews/{past_round_id}/after", shows="Questions they asked"),
]
# Checked in light only (the boxes are the same in dark; the screenshots above cover dark).
MORE_SCREENS = [
    Visit("/applications/{interview_id}", shows="Move to"),
    Visit("/applications", shows=re.compile("of 5")),
    Visit("/applications/{rejected_id}/edit", shows="Date applied"),
    Visit("/applications/insights", shows="Where replies come from"),
    Visit("/mood/new/{rejected_id}", shows="How strong is it?"),
    Visit("/feedback", shows="Check keywords"),
    Visit("/feedback/after-rejection/{rejected_id}", shows="Ask for feedback"),
    Visit("/practice", shows="Start practice"),
    Visit("/practice/cards", shows="Back to Practice"),
    Visit("/practice/cards/{card_id}", shows="Situation"),
    Visit("/practice/mock", shows="Begin"),
    Visit("/applications/{interview_id}/interviews/new", shows=re.compile("^Kind of round")),
    Visit("/interviews/{round_id}/practice", shows="Show my answer"),
]
CASES = [("light", v) for v in SCREENS + MORE_SCREENS] + [("dark", v) for v in SCREENS]


def case_id(case) -> str:
    theme, v = case
    return f"{theme}-" + (v.route.strip("/").replace("/", "-").replace("{", "").replace("}", "") or "today")


@pytest.fixture(scope="module")
def servers(chromium_path, tmp_path_factory):
    """One seeded server per theme, started when first needed."""
    started = {}

    def get(theme: str):
        if theme not in started:
            started[theme] = seeded_server(tmp_path_factory, theme=theme)
        return started[theme]

    yield get
    for server, _ in started.values():
        server.stop()


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_phone_layout_has_no_overlapping_or_clipped_text(servers, browser, case):
    theme, screen = case
    server, ids = servers(theme)
    page = open_app(browser, server.url, *PHONE)
    open_visit(page, server.url, ids, screen)
    SCREENSHOTS.mkdir(exist_ok=True)
    problems = check_scrolling(page, f"layout-{case_id(case)}", SCREENSHOTS)
    assert not problems, f"{screen} ({theme}):\n  " + "\n  ".join(problems)
