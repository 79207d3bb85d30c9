"""Every screen and dialog, as a screen reader gets it: Chromium's accessibility tree.

For each entry in VISITS, at phone and desktop size, every button, tab, text box,
dropdown, checkbox, switch... must be one node with one clear name: not nameless, not
"Settings Settings", not a nameless twin inside a named control, not a checkbox and a
button both saying the same thing, and no "Tab 1 of 5" glued to a name.

Adding a screen or dialog is one line in VISITS (see docs/DEVELOPING.md):
    Visit("/interviews/{interview_id}", shows="Interview"),
    Visit("/interviews/{interview_id}", press("Add a round"), shows="New round"),
Routes are formatted with the ids in `tests.e2e.seed.Seeded`.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e import a11y
from tests.e2e.helpers import PHONE, nav, open_app
from tests.e2e.seed import Seeded
from tests.e2e.visits import SIZES, Visit, goto, open_visit, press, seeded_server, steps

pytestmark = pytest.mark.e2e

VISITS = [
    # Today
    Visit("/", shows="Sent today"),
    Visit("/", press("Several…"), shows="How many did you send?"),
    Visit("/", press("Add a win"), shows="Add a small win"),
    Visit("/", press("Mood 4 of 5: good"), shows=re.compile("Thanks for checking in")),
    Visit("/", press("+1 application"), shows=re.compile("Undo")),
    # Applications
    Visit("/applications", shows="Applications"),
    Visit("/applications/new", shows="Date applied"),
    Visit("/applications/new", press("Pick date applied from a calendar"), shows=re.compile("Select date|OK|Cancel")),
    Visit("/applications/waiting", shows="Clear filters"),
    Visit("/applications/insights", shows="Where replies come from"),
    Visit("/applications/{interview_id}", shows="Move to"),
    Visit("/applications/{interview_id}", press("Rejected"), shows=re.compile("It was a no")),
    Visit("/applications/{rejected_id}", press("Change date"), shows="Save date"),
    Visit("/applications/{rejected_id}/edit", shows="Date applied"),
    # Mood
    Visit("/mood", shows="Your days"),
    Visit("/mood/new", shows="How strong is it?"),
    Visit("/mood/day/{mood_day}", shows=re.compile("Edit the")),
    Visit("/mood/day/{mood_day}", press(re.compile("^Delete the")), shows=re.compile("Delete this entry|Delete")),
    Visit("/mood/new/{rejected_id}", steps(press("Mood 2 of 5: low"), press("Save entry")), shows="Thanks"),
    # Feedback
    Visit("/feedback", shows="Check keywords"),
    Visit("/feedback", press("Add"), shows="Add feedback"),
    Visit("/feedback/keywords", shows="Job listing"),
    Visit("/feedback/after-rejection/{rejected_id}", shows="Ask for feedback"),
    Visit("/feedback/after-rejection/{rejected_id}", press("Pick a date"), shows=re.compile("Select date|OK")),
    Visit("/feedback/{feedback_id}", shows="What they said"),
    Visit("/feedback/{feedback_id}", press("Delete this record"), shows=re.compile("Delete")),
    # Practice
    Visit("/practice", shows="Start practice"),
    Visit("/practice/session", shows="Show my answer"),
    Visit("/practice/session", press("Show my answer"), shows="How did that go?"),
    Visit("/practice/session", steps(press("Show my answer"), press("Write my answer")), shows="Save answer"),
    Visit("/practice/mock", shows="Begin"),
    Visit("/practice/mock", press("Begin"), shows=re.compile("Question 1 of")),
    Visit("/practice/cards", shows="Back to Practice"),
    Visit("/practice/cards/new", shows="Situation"),
    Visit("/practice/cards/{card_id}", press("Delete"), shows=re.compile("Delete this question|Delete")),
    # Settings
    Visit("/settings", shows="Your data"),
    Visit("/settings", press("Back up now"), shows=re.compile("^Backed up as")),
    Visit("/settings", press("Restore"), shows="Restore this backup?"),
    # Interviews
    Visit("/applications/{interview_id}/interviews/new", shows=re.compile("^Kind of round")),
    Visit("/applications/{interview_id}/interviews/new", press("Add a person"), shows="Name (person 1)"),
    Visit("/applications/{interview_id}/interviews/new", press("Pick day from a calendar"),
          shows=re.compile("Select date|OK|Cancel")),
    Visit("/interviews/{round_id}", shows="What to practise"),
    Visit("/interviews/{round_id}/edit", shows=re.compile("^Kind of round")),
    Visit("/interviews/{round_id}/practice", shows="Show my answer"),
    Visit("/interviews/{past_round_id}", shows="After the interview"),
    Visit("/interviews/{past_round_id}/after", shows="Questions they asked"),
]


def area(v: Visit) -> str:
    """The part of the app a visit belongs to (a test of its own: `-k interviews`)."""
    return "interviews" if "interviews" in v.route else v.route.split("/")[1] or "today"


AREAS = sorted({area(v) for v in VISITS})


@pytest.fixture(scope="module")
def seeded(chromium_path, tmp_path_factory):
    server, ids = seeded_server(tmp_path_factory)
    yield server, ids
    server.stop()


def visit(page: Page, base: str, ids: Seeded, v: Visit) -> list[str]:
    open_visit(page, base, ids, v)
    problems: list[str] = []
    for nodes in a11y.scan(page):
        problems += [p for p in a11y.name_problems(nodes) if p not in problems]
    return problems


@pytest.mark.timeout(45 * len(VISITS))  # one report per part of the app; each visit takes a few seconds
@pytest.mark.parametrize("part", AREAS)
@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_every_control_has_one_name(seeded, browser, size, part):
    server, ids = seeded
    page = open_app(browser, server.url, *SIZES[size])
    problems = [f"{v}: {p}" for v in VISITS if area(v) == part for p in visit(page, server.url, ids, v)]
    assert not problems, f"{len(problems)} naming problems at {size} size:\n  " + "\n  ".join(problems)


def test_the_rail_and_the_bar_are_tabs_named_by_their_destination(seeded, browser):
    server, _ = seeded
    for size, names in (("desktop", ["Today", "Applications", "Mood", "Feedback", "Practice", "Settings"]),
                        ("phone", ["Today", "Applications", "Mood", "Feedback", "Practice"])):  # fmt: skip
        page = open_app(browser, server.url, *SIZES[size])
        tabs = [n for n in a11y.ax_tree(page) if n.role == "tab"]
        assert [t.name for t in tabs] == names, size
        assert [t.props.get("selected") for t in tabs] == [True] + [False] * (len(names) - 1), size
        nav(page, "Mood")
        expect(page.get_by_role("tab", name="Mood", selected=True)).to_have_count(1)


def test_the_chosen_face_is_marked_selected(seeded, browser):
    server, _ = seeded
    page = open_app(browser, server.url, *PHONE)
    goto(page, server.url + "mood/new")
    faces = page.get_by_role("button", name=re.compile(r"^Mood \d of 5: "))
    expect(faces).to_have_count(5)
    page.get_by_role("button", name="Mood 2 of 5: low").click()
    expect(page.get_by_role("button", name="Mood 2 of 5: low")).to_have_attribute("aria-current", "true")
    for name in ("Mood 1 of 5: very low", "Mood 3 of 5: okay", "Mood 4 of 5: good", "Mood 5 of 5: great"):
        expect(page.get_by_role("button", name=name)).to_have_attribute("aria-current", "false")


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_space_in_a_session_reaches_the_session_not_the_tab_clicked_before(seeded, browser, size):
    """Clicking a tab used to leave keyboard focus on it: Space then pressed the tab again
    (leaving the session) instead of showing the answer."""
    server, _ = seeded
    page = open_app(browser, server.url, *SIZES[size])
    nav(page, "Practice")
    page.get_by_role("button", name="Start practice").click()
    expect(page.get_by_role("button", name="Show my answer")).to_be_visible()
    page.keyboard.press("Space")
    expect(page.get_by_text("How did that go?")).to_be_visible()
    assert page.url.endswith("/practice/session"), page.url
