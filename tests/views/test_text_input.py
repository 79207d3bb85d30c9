"""The typing race and views.common.fields.TextInput, headless.

What the browser does per keystroke (Flet 1.0.5 web client): a property patch,
applied at once by `session.apply_patch` to the field object in the session
index, then a "change" event whose handler runs later, and the re-render it
causes later still. Here the browser gets ahead by applying the next patches
before the scheduler renders (`dispatch(..., settle=False)`, `apply_patch`,
`settle()`), and we read what the server sent back (`conn.messages`).
"""

from __future__ import annotations

from datetime import datetime

import flet as ft
import pytest
from flet.messaging.protocol import MessageAction

from views.common.fields import TextInput

pytestmark = pytest.mark.asyncio


def plain_field(*, value, on_change, **props):
    """The old pattern, for comparison: the field the race was found in."""
    return ft.TextField(value=value, on_change=lambda e: on_change(e.control.value or ""), **props)


def make_form(make_field, saved: list[str] | None = None):
    saved = [] if saved is None else saved

    @ft.component
    def Form():
        text, set_text = ft.use_state("")
        note, set_note = ft.use_state("")  # something else on the screen that re-renders it

        def save():
            saved.append(text)
            set_text("")  # cleared after saving: must reach the browser

        return ft.Column(
            [
                make_field(key="t", label="Text", value=text, on_change=set_text, error=note or None),
                ft.Button("Save", on_click=save),
                ft.Button("Template", on_click=lambda: set_text("Thanks for your time")),
                ft.Button("Warn", on_click=lambda: set_note("Too long")),
            ]
        )

    return Form


def sent_values(h, start: int) -> list[str | None]:
    """Every `value` the server sent since message `start` (the form has one field)."""
    out = []
    for action, body in h.conn.messages[start:]:
        if action != MessageAction.PATCH_CONTROL:
            continue
        for op in body.patch[1:]:
            if len(op) == 4 and op[2] == "value":
                out.append(op[3])
    return out


async def keystroke(h, text: str) -> None:
    """The browser's patch for `text` and its "change" event, the handler run, nothing rendered yet."""
    await h.dispatch(h.find_by_key("t"), "change", text, props={"value": text}, settle=False)


def browser_ahead(h, text: str) -> None:
    """A later keystroke's patch, applied before the earlier event's re-render ran."""
    field = h.find_by_key("t")
    h.session.apply_patch(field._i, {"value": text})


async def type_ahead(h, text: str) -> list[str | None]:
    """Type `text` letter by letter, the browser always one patch ahead of the render."""
    start = len(h.conn.messages)
    for i in range(1, len(text) + 1):
        await keystroke(h, text[:i])
        if i < len(text):
            browser_ahead(h, text[: i + 1])
        await h.settle()
    return sent_values(h, start)


RACE = "the race: a re-render for an older keystroke sends the older text back"


@pytest.mark.parametrize(
    "make_field", [pytest.param(plain_field, marks=pytest.mark.xfail(strict=True, reason=RACE)), TextInput]
)
async def test_fast_typing_never_sends_an_older_text(mount, make_field):
    h = await mount(lambda page: page.render(make_form(make_field)))
    sent = await type_ahead(h, "we'd like specific examples")
    assert sent == []  # the browser had every letter first: nothing to send
    assert h.find_by_key("t").value == "we'd like specific examples"


@pytest.mark.parametrize(
    "make_field", [pytest.param(plain_field, marks=pytest.mark.xfail(strict=True, reason=RACE)), TextInput]
)
async def test_a_re_render_for_something_else_keeps_the_browsers_text(mount, make_field):
    h = await mount(lambda page: page.render(make_form(make_field)))
    await keystroke(h, "a")
    browser_ahead(h, "ab")
    await h.settle()
    start = len(h.conn.messages)
    browser_ahead(h, "abc")  # typed, its event not handled yet
    await h.click(h.find_button("Warn"))  # the screen re-renders (an error shows) meanwhile
    assert sent_values(h, start) == []
    field = h.find_by_key("t")
    assert (field.value, field.error) == ("abc", "Too long")


async def test_clear_after_save_reaches_the_browser(mount):
    saved: list[str] = []
    h = await mount(lambda page: page.render(make_form(TextInput, saved)))
    await type_ahead(h, "hello")
    start = len(h.conn.messages)
    await h.click(h.find_button("Save"))
    assert sent_values(h, start) == [""]
    assert h.find_by_key("t").value == ""
    # and typing again after the reset is not undone by it
    assert await type_ahead(h, "again") == []
    await h.click(h.find_button("Save"))
    assert saved == ["hello", "again"]
    assert h.find_by_key("t").value == ""


async def test_clear_after_save_while_the_browser_is_ahead(mount):
    # Save is pressed before the re-render for the last letters ran: the state went from ""
    # (the last render's value) to "hell" by typing and back to "" by the program. The clear
    # must still reach the browser, although the value asked for equals the last render's.
    h = await mount(lambda page: page.render(make_form(TextInput)))
    await keystroke(h, "hell")
    browser_ahead(h, "hello")
    start = len(h.conn.messages)
    await h.click(h.find_button("Save"))
    assert sent_values(h, start) == [""]
    assert h.find_by_key("t").value == ""


async def test_a_template_filled_in_reaches_the_browser(mount):
    h = await mount(lambda page: page.render(make_form(TextInput)))
    await type_ahead(h, "Dear")
    start = len(h.conn.messages)
    await h.click(h.find_button("Template"))
    assert sent_values(h, start) == ["Thanks for your time"]
    # then edited by hand, fast: the template is not sent again
    assert await type_ahead(h, "Thanks for your time!") == []
    assert h.find_by_key("t").value == "Thanks for your time!"


async def test_the_template_again_after_editing_it_is_sent_again(mount):
    # The same program value as two renders ago, but not the last render's: it is a change.
    h = await mount(lambda page: page.render(make_form(TextInput)))
    await h.click(h.find_button("Template"))
    await type_ahead(h, "Thanks!")
    start = len(h.conn.messages)
    await h.click(h.find_button("Template"))
    assert sent_values(h, start) == ["Thanks for your time"]


async def test_on_change_gets_the_text_and_other_props_pass_through(mount):
    got = []

    @ft.component
    def One():
        return TextInput(
            key="t",
            label="Name",
            multiline=True,
            max_length=10,
            on_change=got.append,
            on_submit=lambda e: got.append("submit"),
        )

    h = await mount(lambda page: page.render(One))
    field = h.find_by_key("t")
    assert isinstance(field, ft.TextField)
    assert (field.label, field.multiline, field.max_length) == ("Name", True, 10)
    await h.type_text(field, "Ada")
    await h.submit(field)
    assert got == ["Ada", "submit"]


async def test_a_field_with_no_value_keeps_the_browsers_text_across_re_renders(mount):
    # Fields read on blur/submit pass no on_change: what is typed stays until the program sends a value.
    @ft.component
    def Form():
        count, set_count = ft.use_state(0)
        return ft.Column(
            [TextInput(key="t", label="Per day"), ft.Button(f"Pressed {count}", on_click=lambda: set_count(count + 1))]
        )

    h = await mount(lambda page: page.render(Form))
    h.session.apply_patch(h.find_by_key("t")._i, {"value": "12"})
    start = len(h.conn.messages)
    await h.click(h.find_button("Pressed 0"))
    assert h.find_button("Pressed 1")
    assert sent_values(h, start) == []
    assert h.find_by_key("t").value == "12"


async def test_a_day_picked_from_the_calendar_replaces_what_was_typed(mount_bounceback):
    h = await mount_bounceback(width=390, height=844, route="/applications/new")
    field = h.find_by_key("field-applied_on")
    await h.dispatch(field, "change", "2026-0", props={"value": "2026-0"}, settle=False)
    h.session.apply_patch(field._i, {"value": "2026-03"})  # the browser is ahead
    await h.settle()
    assert h.find_by_key("field-applied_on").value == "2026-03"
    await h.click(
        h.find_first(
            lambda c: (
                isinstance(c, ft.IconButton)
                and getattr(c.icon, "semantics_label", "") == "Pick date applied from a calendar"
            )
        )
    )
    picker = h.find_all(lambda c: isinstance(c, ft.DatePicker))[-1]
    start = len(h.conn.messages)
    await h.set_value(picker, datetime(2026, 3, 2))
    assert "2026-03-02" in sent_values(h, start)
    assert h.find_by_key("field-applied_on").value == "2026-03-02"
