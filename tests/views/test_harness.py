"""Proves the headless harness on a toy declarative app (not Bounceback code)."""

import asyncio

import flet as ft
import pytest
from harness import AppError, find_text, texts

# Runs under asyncio_mode=auto or strict.
pytestmark = pytest.mark.asyncio

# ---------------------------------------------------------------- toy app


@ft.component
def Counter():
    n, set_n = ft.use_state(0)
    return ft.Column(
        [
            ft.Text(f"Count: {n}"),
            ft.Button("Add", on_click=lambda: set_n(n + 1)),
            ft.IconButton(ft.Icons.REMOVE, tooltip="Minus", on_click=lambda: set_n(n - 1), disabled=n == 0),
        ]
    )


@ft.component
def TodayScreen():
    return ft.Text("Today screen", key="today")


@ft.component
def MoodScreen():
    return ft.Column([ft.Text("Mood screen"), Counter()])


DESTS = [("/", "Today", ft.Icons.TODAY), ("/mood", "Mood", ft.Icons.MOOD)]


@ft.component
def Shell():
    """Bar under 600 px wide, Rail otherwise; selection follows the route."""
    page = ft.context.page
    width, set_width = ft.use_state(page.width)

    def subscribe():
        page.on_resize = lambda e: set_width(e.width)

    ft.use_effect(subscribe, [])
    location = ft.use_route_location()
    index = next((i for i, d in enumerate(DESTS) if d[0] == location), 0)

    def on_change(e):
        page.navigate(DESTS[e.control.selected_index][0])

    outlet = ft.use_route_outlet()
    if width < 600:
        return ft.View(
            route="/",
            controls=[outlet],
            navigation_bar=ft.NavigationBar(
                selected_index=index,
                on_change=on_change,
                destinations=[ft.NavigationBarDestination(icon=i, label=lbl) for _, lbl, i in DESTS],
            ),
        )
    return ft.View(
        route="/",
        controls=[
            ft.Row(
                [
                    ft.NavigationRail(
                        selected_index=index,
                        on_change=on_change,
                        destinations=[ft.NavigationRailDestination(icon=i, label=lbl) for _, lbl, i in DESTS],
                    ),
                    ft.Column([outlet], expand=True),
                ],
                expand=True,
            )
        ],
    )


@ft.component
def App():
    return ft.Router(
        [
            ft.Route(
                component=Shell,
                outlet=True,
                children=[
                    ft.Route(index=True, component=TodayScreen),
                    ft.Route(path="mood", component=MoodScreen),
                ],
            )
        ],
        manage_views=True,
    )


def render_app(page: ft.Page):
    page.render_views(App)


@ft.component
def Notes():
    items, set_items = ft.use_state(())
    draft, set_draft = ft.use_state("")

    def add(e):
        if e.control.value.strip():
            set_items(items + (e.control.value.strip(),))
        set_draft("")

    return ft.Column(
        [
            ft.TextField(label="New note", value=draft, on_change=lambda e: set_draft(e.control.value), on_submit=add),
            ft.Text(f"{len(items)} notes"),
            *[ft.Text(i) for i in items],
        ]
    )


# ---------------------------------------------------------------- tests


async def test_counter_click_rerenders(mount):
    h = await mount(lambda page: page.render(Counter))
    assert h.find_text("Count: 0")
    assert not h.find_text("Count: 1")
    await h.click(h.find_button("Add"))
    assert h.find_text("Count: 1") and not h.find_text("Count: 0")
    await h.click(h.find_button("Add"))
    # IconButton found by tooltip; enabled now that n > 0
    await h.click(h.find_button("Minus"))
    assert h.texts()[0] == "Count: 1"
    # encoded patches were really produced (register + updates)
    assert h.conn.sent_bytes > 0 and len(h.conn.messages) >= 4


async def test_disabled_and_missing_controls_are_refused(mount):
    h = await mount(lambda page: page.render(Counter))
    with pytest.raises(AssertionError, match="disabled"):
        await h.click(h.find_button("Minus"))
    with pytest.raises(LookupError, match="Visible texts"):
        h.find_button("Nope")
    assert h.find_text("Count: 0")


async def test_narrow_layout_uses_navigation_bar(mount):
    h = await mount(render_app, width=390, height=844)
    bar = h.one(ft.NavigationBar)
    assert not h.find_by_type(ft.NavigationRail)
    assert bar.selected_index == 0
    assert h.find_by_key("today") is not None
    assert h.find_text("Today")  # destination label

    await h.select_destination("Mood")
    assert h.page.route == "/mood"
    assert h.find_text("Mood screen") and not h.find_text("Today screen")
    assert h.one(ft.NavigationBar).selected_index == 1
    # the nested counter works under the router
    await h.click(h.find_button("Add"))
    assert h.find_text("Count: 1")


async def test_resize_switches_bar_and_rail(mount):
    h = await mount(render_app, width=390, height=844)
    assert h.find_by_type(ft.NavigationBar)
    await h.resize(1280, 800)
    assert h.page.width == 1280
    assert not h.find_by_type(ft.NavigationBar)
    rail = h.one(ft.NavigationRail)
    await h.select_index(rail, 1)
    assert h.find_text("Mood screen")
    assert h.one(ft.NavigationRail).selected_index == 1
    await h.resize(390, 844)
    assert h.one(ft.NavigationBar).selected_index == 1
    assert not h.find_by_type(ft.NavigationRail)


async def test_wide_mount_and_initial_route(mount):
    h = await mount(render_app, width=1280, height=800, route="/mood")
    assert h.one(ft.NavigationRail).selected_index == 1
    assert h.find_text("Mood screen")
    await h.go("/")
    assert h.find_text("Today screen")
    assert "push_route" in [name for _, name, _ in h.invocations]


async def test_textfield_change_and_submit(mount):
    h = await mount(lambda page: page.render(Notes))
    field = h.one(ft.TextField)
    await h.type_text(field, "call Ana")
    assert h.one(ft.TextField).value == "call Ana"
    await h.submit(field)
    assert h.find_text("1 notes")
    assert h.find_text("call Ana")
    assert h.one(ft.TextField).value == ""
    await h.submit(h.one(ft.TextField), "send CV")  # type + Enter
    assert texts(h.page)[-2:] == ["call Ana", "send CV"]
    assert find_text(h.page, "2 notes")


async def test_async_handler_and_effect_are_flushed(mount):
    @ft.component
    def Slow():
        status, set_status = ft.use_state("idle")
        loaded, set_loaded = ft.use_state(False)

        async def load():
            await asyncio.sleep(0.02)
            set_loaded(True)

        ft.use_effect(load, [])

        async def go():
            set_status("working")
            await asyncio.sleep(0.05)
            set_status("done")

        return ft.Column([ft.Text(status), ft.Text(f"loaded={loaded}"), ft.TextButton("Go", on_click=go)])

    h = await mount(lambda page: page.render(Slow))
    assert h.find_text("loaded=True")
    await h.click(h.find_button("Go"))
    assert h.find_text("done")


async def test_handler_exception_fails_the_test(mount):
    @ft.component
    def Broken():
        def boom():
            raise ValueError("kaput")

        return ft.Button("Break", on_click=boom)

    h = await mount(lambda page: page.render(Broken))
    with pytest.raises(AppError, match="kaput"):
        await h.click(h.find_button("Break"))


async def test_checkbox_chip_and_dialog(mount):
    @ft.component
    def Prefs():
        on, set_on = ft.use_state(False)
        tag, set_tag = ft.use_state(False)
        page = ft.context.page

        def open_dialog():
            page.show_dialog(ft.AlertDialog(title=ft.Text("Sure?"), actions=[ft.TextButton("OK")]))

        return ft.Column(
            [
                ft.Checkbox(label="Remind me", value=on, on_change=lambda e: set_on(e.control.value)),
                ft.Text(f"remind={on}"),
                ft.Chip(label=ft.Text("Remote"), selected=tag, on_select=lambda e: set_tag(e.control.selected)),
                ft.Text(f"remote={tag}"),
                ft.Button("Ask", on_click=open_dialog),
            ]
        )

    h = await mount(lambda page: page.render(Prefs))
    await h.toggle(h.one(ft.Checkbox))
    assert h.find_text("remind=True")
    await h.select_chip(h.one(ft.Chip))
    assert h.find_text("remote=True")
    assert not h.find_text("Sure?")
    await h.click(h.find_button("Ask"))
    dialog = h.one(ft.AlertDialog)  # found via page._dialogs
    assert h.find_text("Sure?") and h.find_button("OK")
    await h.dismiss(dialog)
    assert not h.find_text("Sure?")
