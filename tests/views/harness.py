"""Headless view-test harness for Flet 1.0.5 (no Flutter client needed).

ARCHITECTURE.md "Testing a Flet app without the Flutter SDK", point 2.
Everything that touches Flet internals lives in this one file, so a Flet
upgrade breaks one place. What it does, mirroring flet_web's FletApp:

1. builds a real ``flet.messaging.session.Session`` on a fake ``Connection``
   whose ``send_message`` msgpack-encodes every message exactly like the web
   server does (the encoder refreshes the ``__prev_*`` diff snapshots; without
   it the next diff is computed against stale data);
2. plays the client's part of the handshake: applies the page props a browser
   would report (size, route, platform), calls ``get_page_patch()`` and
   "sends" the register response, then runs ``main(page)``;
3. plays the client at run time: answers ``invoke_method`` calls (otherwise
   ``page.push_route`` & co. wait forever), emulates the route change that a
   ``push_route`` causes, and sends events the way the Dart controls do
   (``updateProperties`` first, then ``triggerEvent``);
4. flushes: after each action waits until the session's update scheduler is
   idle and the tasks started meanwhile are done, and re-raises app errors
   (handler exceptions arrive as SESSION_CRASHED messages) so tests fail.

Usage::

    async def test_x(mount):
        h = await mount(lambda page: page.render(App), width=390, height=844)
        await h.click(h.find_button("Save"))
        assert h.find_text("Saved")
"""

from __future__ import annotations

import asyncio
import dataclasses
import inspect
import logging
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import flet as ft
import msgpack
from flet.controls.base_control import BaseControl
from flet.controls.context import _context_page, context
from flet.messaging.connection import Connection
from flet.messaging.protocol import (
    Message,
    MessageAction,
    RegisterClientResponseBody,
    configure_encode_object_for_msgpack,
)
from flet.messaging.session import Session
from flet.pubsub.pubsub_hub import PubSubHub

logger = logging.getLogger("tests.views.harness")
RENDER_LOOP_S = 60.0  # see Harness.settle

__all__ = [
    "AppError",
    "Harness",
    "HeadlessConnection",
    "mount_app",
    "walk",
    "find_all",
    "find_first",
    "find_text",
    "find_by_key",
    "find_by_type",
    "find_button",
    "find_buttons",
    "texts",
    "own_texts",
    "is_visible",
]

PHONE = (390, 844)
DESKTOP = (1280, 800)

TextMatch = str | re.Pattern


class AppError(AssertionError):
    """The app crashed: an event handler, effect or render raised."""


# --------------------------------------------------------------------------
# Fake connection (the "client")
# --------------------------------------------------------------------------


class HeadlessConnection(Connection):
    """A Connection with no socket: encodes and records what would be sent."""

    def __init__(self, loop: asyncio.AbstractEventLoop):
        super().__init__()
        self.loop = loop
        # page.run_thread / pubsub use these; a small private pool is enough.
        self.executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="flet-h")
        self.pubsubhub = PubSubHub(loop=loop, executor=self.executor)
        self.page_url = "http://127.0.0.1"
        self.page_name = ""
        self.local_data_transport = True
        # Same encoder as flet_web: packing refreshes diff snapshots.
        self._default = configure_encode_object_for_msgpack(BaseControl)
        self.messages: list[tuple[MessageAction, Any]] = []  # (action, body)
        self.sent_bytes = 0
        self.errors: list[str] = []
        self.invocations: list[tuple[int, str, Any]] = []  # (control_id, name, args)
        self.invoke_handlers: dict[str, Callable[..., Any]] = {}
        self.session: Session | None = None  # set by mount (strong ref)
        self._tasks: set[asyncio.Task] = set()

    def send_message(self, message: Message):
        packed = msgpack.packb([message.action, message.body], default=self._default)
        self.sent_bytes += len(packed)
        self.messages.append((message.action, message.body))
        if message.action == MessageAction.SESSION_CRASHED:
            self.errors.append(getattr(message.body, "message", str(message.body)))
        elif message.action == MessageAction.INVOKE_METHOD:
            body = message.body
            self.invocations.append((body.control_id, body.name, body.args))
            # Answer on the next loop turn: invoke_method awaits right after
            # sending, and answering synchronously would find no waiter yet.
            t = self.loop.create_task(self._answer_invoke(body))
            self._tasks.add(t)
            t.add_done_callback(self._tasks.discard)

    async def _answer_invoke(self, body):
        session = self.session
        if session is None:
            return
        result, error = None, None
        try:
            handler = self.invoke_handlers.get(body.name)
            if handler is not None:
                result = handler(body.args)
                if inspect.isawaitable(result):
                    result = await result
        except Exception as e:  # reported to the caller like the client does
            error = str(e)
        try:
            session.handle_invoke_method_results(body.control_id, body.call_id, result, error)
        except RuntimeError:
            return  # control went away meanwhile
        # The browser reacts to push_route by changing URL -> route_change.
        if body.name == "push_route" and body.control_id == session.page._i:
            route = (body.args or {}).get("route", "/")
            session.apply_page_patch({"route": route})
            await session.dispatch_event(session.page._i, "route_change", {"route": route})

    def get_upload_url(self, file_name: str, expires: int) -> str:
        return f"{self.page_url}/upload/{file_name}"

    def dispose(self):
        self.executor.shutdown(wait=False, cancel_futures=True)


# --------------------------------------------------------------------------
# Tree walking (pure functions; take a page or any control)
# --------------------------------------------------------------------------

# Component bookkeeping fields hold un-rendered props, not mounted controls.
_SKIP_FIELDS = {"_parent", "_values", "_dirty", "fn", "args", "kwargs", "_state", "_contexts", "data", "_internals"}


def _children(obj: Any) -> Iterator[BaseControl]:
    """Direct child controls of a control: any dataclass field (declared or
    kept in the sparse ``_values``) holding a control, a list/tuple/dict of
    them, or a non-control dataclass that contains them. Covers content,
    controls, destinations, actions, appbar, navigation_bar, views, page
    _overlay/_dialogs, and a Component's rendered output ``_b``."""
    for f in dataclasses.fields(obj):
        if f.name in _SKIP_FIELDS or f.metadata.get("skip", False):
            continue
        if f.name.startswith("on_"):
            continue
        yield from _controls_in(getattr(obj, f.name, None), set())


def _controls_in(value: Any, seen: set[int]) -> Iterator[BaseControl]:
    if value is None or isinstance(value, (str, bytes, int, float, bool)):
        return
    if isinstance(value, BaseControl):
        yield value
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _controls_in(v, seen)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _controls_in(v, seen)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        if id(value) in seen:
            return
        seen.add(id(value))
        for f in dataclasses.fields(value):
            if f.name in _SKIP_FIELDS or f.name.startswith("on_"):
                continue
            yield from _controls_in(getattr(value, f.name, None), seen)


def is_visible(control: BaseControl) -> bool:
    """The control itself is shown (not its ancestors: see ``walk``)."""
    if getattr(control, "visible", True) is False:
        return False
    if isinstance(control, ft.DialogControl) and not control.open:
        return False
    return True


def walk(root: BaseControl, visible_only: bool = True) -> Iterator[tuple[BaseControl, tuple[BaseControl, ...]]]:
    """Depth-first (control, ancestors) pairs, root first. Hidden subtrees
    (visible=False, closed dialogs) are skipped unless visible_only=False."""
    seen: set[int] = set()
    stack: list[tuple[BaseControl, tuple[BaseControl, ...]]] = [(root, ())]
    while stack:
        c, anc = stack.pop()
        if id(c) in seen:
            continue
        seen.add(id(c))
        if visible_only and not is_visible(c):
            continue
        yield c, anc
        kids = list(_children(c))
        for k in reversed(kids):
            stack.append((k, anc + (c,)))


def find_all(
    root: BaseControl,
    predicate: Callable[[BaseControl], bool],
    visible_only: bool = True,
) -> list[BaseControl]:
    return [c for c, _ in walk(root, visible_only) if predicate(c)]


def find_first(root, predicate, visible_only: bool = True) -> BaseControl | None:
    for c, _ in walk(root, visible_only):
        if predicate(c):
            return c
    return None


def find_by_type(root, cls, visible_only: bool = True) -> list[BaseControl]:
    return find_all(root, lambda c: isinstance(c, cls), visible_only)


def _key_matches(control: BaseControl, key: Any) -> bool:
    k = getattr(control, "key", None)
    if k is None:
        return False
    return k == key or getattr(k, "value", None) == key


def find_by_key(root, key: Any, visible_only: bool = True) -> BaseControl | None:
    """Control whose ``key`` is ``key`` (str, or the value of a ValueKey)."""
    return find_first(root, lambda c: _key_matches(c, key), visible_only)


# Fields whose *string* value is text the user sees (or a screen reader reads).
_TEXT_FIELDS = (
    "value",
    "content",
    "label",
    "text",
    "title",
    "hint_text",
    "helper_text",
    "error_text",
    "prefix_text",
    "suffix_text",
    "semantics_label",
    "tooltip",
)


def own_texts(control: BaseControl) -> list[str]:
    """Strings shown by the control itself (not by child controls): Text
    value and spans, a button's str content, a destination/checkbox/field
    label, a tooltip, ... . A TextField's ``value`` counts (what's typed)."""
    out: list[str] = []
    for name in _TEXT_FIELDS:
        v = getattr(control, name, None)
        if isinstance(v, str) and v:
            out.append(v)
        elif isinstance(v, ft.Tooltip) and isinstance(v.message, str):
            out.append(v.message)
    for span in getattr(control, "spans", None) or []:
        out.extend(_span_texts(span))
    return out


def _span_texts(span) -> list[str]:
    out = [span.text] if getattr(span, "text", None) else []
    for s in getattr(span, "spans", None) or []:
        out.extend(_span_texts(s))
    return out


def texts(root: BaseControl, visible_only: bool = True) -> list[str]:
    """All visible strings under ``root`` in tree order (handy in asserts)."""
    return [t for c, _ in walk(root, visible_only) for t in own_texts(c)]


def _text_matches(s: str, match: TextMatch, exact: bool) -> bool:
    s = s.replace("\u00a0", " ")  # no-break spaces (titles keep words together) read as spaces
    if isinstance(match, re.Pattern):
        return match.search(s) is not None
    return s == match if exact else match in s


def find_text(root: BaseControl, match: TextMatch, exact: bool = True, visible_only: bool = True) -> list[BaseControl]:
    """Controls that themselves show ``match`` (see ``own_texts``): the Text
    inside a button, or the button when its content is a plain str. Returns a
    list, so ``assert find_text(page, "Saved")`` reads naturally."""
    return find_all(
        root,
        lambda c: any(_text_matches(t, match, exact) for t in own_texts(c)),
        visible_only,
    )


def _is_button(c: BaseControl) -> bool:
    # Anything a user can press: buttons, IconButton, FAB, ListTile, Chip,
    # Container/GestureDetector with a handler, ... (Text/TextField excluded:
    # their on_click is a tap on text, not a button).
    if isinstance(c, (ft.Text, ft.TextField)):
        return False
    return any(
        getattr(c, name, None) is not None for name in ("on_click", "on_select", "on_tap", "on_long_press")
    ) or isinstance(
        c, (ft.Button, ft.IconButton, ft.FloatingActionButton, ft.TextButton, ft.OutlinedButton, ft.FilledButton)
    )


def find_buttons(root: BaseControl, label: TextMatch, exact: bool = True) -> list[BaseControl]:
    """Pressable controls labelled ``label``: by their own text/tooltip, by a
    Text inside them, or by an enclosing ``ft.Semantics(label=...)``.
    When a pressable contains another matching pressable, the inner one wins."""
    matches: list[tuple[BaseControl, tuple[BaseControl, ...]]] = []
    for c, anc in walk(root):
        if not _is_button(c):
            continue
        labels = list(own_texts(c))
        labels += [t for d, _ in walk(c) if d is not c for t in own_texts(d)]
        labels += [a.label for a in anc if isinstance(a, ft.Semantics) and isinstance(a.label, str)]
        if any(_text_matches(t, label, exact) for t in labels):
            matches.append((c, anc))
    inner = [c for c, _ in matches if not any(c in anc for _, anc in matches)]
    return inner


def find_button(root: BaseControl, label: TextMatch, exact: bool = True) -> BaseControl:
    """The first pressable labelled ``label``; raises LookupError listing
    what is on screen if there is none."""
    found = find_buttons(root, label, exact)
    if not found:
        raise LookupError(f"No button labelled {label!r}. Visible texts: {texts(root)}")
    return found[0]


# --------------------------------------------------------------------------
# Harness
# --------------------------------------------------------------------------


class Harness:
    """A mounted page plus the client's side of the conversation."""

    def __init__(self, session: Session, conn: HeadlessConnection):
        self.session = session  # strong ref: the page only holds a weakref
        self.conn = conn
        self.page: ft.Page = session.page
        self._errors_seen = 0
        self._background: set[asyncio.Task] = set()

    # ---- finding (delegates with the page as root) -------------------
    def walk(self, visible_only: bool = True):
        return walk(self.page, visible_only)

    def find_all(self, predicate, visible_only: bool = True):
        return find_all(self.page, predicate, visible_only)

    def find_first(self, predicate, visible_only: bool = True):
        return find_first(self.page, predicate, visible_only)

    def find_by_type(self, cls, visible_only: bool = True):
        return find_by_type(self.page, cls, visible_only)

    def find_by_key(self, key, visible_only: bool = True):
        return find_by_key(self.page, key, visible_only)

    def find_text(self, match: TextMatch, exact: bool = True, visible_only=True):
        return find_text(self.page, match, exact, visible_only)

    def find_button(self, label: TextMatch, exact: bool = True):
        return find_button(self.page, label, exact)

    def find_buttons(self, label: TextMatch, exact: bool = True):
        return find_buttons(self.page, label, exact)

    def texts(self, visible_only: bool = True) -> list[str]:
        return texts(self.page, visible_only)

    def one(self, cls):
        """Exactly one visible control of type ``cls`` (AssertionError if not)."""
        found = self.find_by_type(cls)
        assert len(found) == 1, f"expected one {cls.__name__}, found {len(found)}"
        return found[0]

    @property
    def errors(self) -> list[str]:
        """SESSION_CRASHED messages received so far."""
        return list(self.conn.errors)

    @property
    def invocations(self) -> list[tuple[int, str, Any]]:
        """Client methods the app invoked: (control_id, name, args)."""
        return list(self.conn.invocations)

    def on_invoke(self, method_name: str, handler: Callable[[Any], Any]) -> None:
        """Answer client method ``method_name`` (e.g. a service call) with
        ``handler(args)``; unhandled methods answer None."""
        self.conn.invoke_handlers[method_name] = handler

    # ---- events -------------------------------------------------------
    def _live(self, control: BaseControl) -> BaseControl:
        """The mounted control with the same id. Components re-create control
        objects on re-render; the id survives, the Python object may not."""
        if control is None:
            raise LookupError("control is None (not found?)")
        if control is self.page:
            return control
        for c, _anc in walk(self.page, visible_only=False):
            if c._i == control._i:
                return c
        raise LookupError(f"{control!r} is not mounted on the page")

    def _check_enabled(self, control: BaseControl) -> None:
        # The real client cannot press hidden or disabled controls.
        for c, anc in walk(self.page, visible_only=False):
            if c._i == control._i:
                chain = anc + (c,)
                if any(not is_visible(a) for a in chain):
                    raise AssertionError(f"{c!r} is not visible")
                if any(getattr(a, "disabled", False) for a in chain):
                    raise AssertionError(f"{c!r} is disabled")
                return
        raise LookupError(f"{control!r} is not mounted on the page")

    async def dispatch(
        self, control: BaseControl, event: str, data: Any = None, props: dict | None = None, settle: bool = True
    ) -> None:
        """Low level: what the Dart side does. ``props`` first go through
        ``session.apply_patch`` (UPDATE_CONTROL_PROPS), then the event goes
        through ``session.dispatch_event`` (CONTROL_EVENT)."""
        control = self._live(control)
        if props:
            # apply_patch resolves by id via the (weak) index; use the live one.
            self.session.index[control._i] = control
            self.session.apply_patch(control._i, props)
        await self.session.dispatch_event(control._i, event, data)
        if settle:
            await self.settle()

    async def click(self, control: BaseControl) -> None:
        """Press a button/IconButton/ListTile/Container: event "click", no data."""
        self._check_enabled(control)
        await self.dispatch(control, "click", None)

    async def long_press(self, control: BaseControl) -> None:
        self._check_enabled(control)
        await self.dispatch(control, "long_press", None)

    async def select_index(self, control: BaseControl, index: int) -> None:
        """NavigationBar / NavigationRail / Tabs / segmented: the client sets
        ``selected_index`` then fires "change" with the index as data."""
        self._check_enabled(control)
        await self.dispatch(control, "change", index, {"selected_index": index})

    async def select_destination(self, label: TextMatch) -> None:
        """Tap the NavigationBar/NavigationRail destination, or the Tabs tab, labelled ``label``."""
        navs = self.find_all(lambda c: isinstance(c, (ft.NavigationBar, ft.NavigationRail, ft.Tabs)))
        for nav in navs:
            if isinstance(nav, ft.Tabs):
                bars = [c for c, _ in walk(nav) if isinstance(c, ft.TabBar)]
                items = bars[0].tabs if bars else []
            else:
                items = nav.destinations or []
            for i, d in enumerate(items):
                labels = own_texts(d) + texts(d)
                if any(_text_matches(t, label, True) for t in labels):
                    if not isinstance(nav, ft.Tabs):
                        await self.select_index(nav, i)
                        return
                    # Flutter's TabBar tap: the controller moves (Tabs "change", only if the
                    # index differs), then the bar's onTap ("click" with the index), always.
                    if i != nav.selected_index:
                        await self.select_index(nav, i)
                    await self.dispatch(bars[0], "click", i)
                    return
        raise LookupError(f"No navigation destination {label!r} in {navs}")

    async def set_value(self, control: BaseControl, value: Any, event: str = "change") -> None:
        """TextField/Checkbox/Switch/Slider/Dropdown/RadioGroup: client sets
        ``value`` then fires "change" with the value as data."""
        self._check_enabled(control)
        await self.dispatch(control, event, value, {"value": value})

    async def type_text(self, field: BaseControl, text: str) -> None:
        await self.set_value(field, text)

    async def submit(self, field: BaseControl, text: str | None = None) -> None:
        """Enter in a TextField: optional ``text`` is typed first ("change"),
        then "submit" fires with the field's value as data."""
        if text is not None:
            await self.set_value(field, text)
        field = self._live(field)
        self._check_enabled(field)
        await self.dispatch(field, "submit", field.value)

    async def focus(self, control: BaseControl) -> None:
        await self.dispatch(control, "focus", None)

    async def blur(self, control: BaseControl) -> None:
        await self.dispatch(control, "blur", None)

    async def toggle(self, control: BaseControl, value: bool | None = None):
        """Checkbox/Switch: flip (or set) ``value`` and fire "change"."""
        control = self._live(control)
        await self.set_value(control, (not control.value) if value is None else value)

    async def select_chip(self, chip: BaseControl, selected: bool | None = None):
        """Chip with on_select: client sets ``selected`` and fires "select"."""
        chip = self._live(chip)
        sel = (not chip.selected) if selected is None else selected
        self._check_enabled(chip)
        await self.dispatch(chip, "select", sel, {"selected": sel})

    async def dismiss(self, dialog: BaseControl) -> None:
        """The client reports a dialog/bottom sheet/snack bar closed."""
        await self.dispatch(dialog, "dismiss", None, {"open": False})

    async def resize(self, width: float, height: float | None = None) -> None:
        """Browser/window resize: page width/height/window/media are patched
        like the client does, then the page "resize" event fires with
        {"width", "height"} (PageResizeEvent)."""
        height = self.page.height if height is None else height
        self.session.apply_page_patch(_size_patch(width, height))
        await self.session.dispatch_event(self.page._i, "resize", {"width": width, "height": height})
        await self.settle()

    async def go(self, route: str) -> None:
        """Navigate like the app would (``page.push_route``): the fake client
        answers and fires "route_change", which ft.Router listens to."""
        await self.page.push_route(route)
        await self.settle()

    # ---- flushing -----------------------------------------------------
    def _scheduler_busy(self) -> bool:
        s = self.session
        t = s._Session__updates_task
        if t is None or t.done():  # not started (no components) or closed
            return False
        return bool(s._Session__pending_updates or s._Session__pending_effects or s._Session__updates_ready.is_set())

    def _check_scheduler(self) -> None:
        # Session's scheduler does not catch errors from control.update()
        # (a component render that raises): the task dies and the UI freezes.
        t = self.session._Session__updates_task
        if t is not None and t.done() and not t.cancelled() and t.exception():
            raise AppError(f"update scheduler died: {t.exception()!r}") from t.exception()

    async def settle(self, timeout: float = 2.0, raise_errors: bool = True) -> None:
        """Wait until renders, effects and the tasks they started are done.

        Component state changes are applied by the session's scheduler task
        (asyncio), effects run after it, async effects/handlers spawn tasks,
        ``page.navigate`` spawns a task. We loop: yield to the loop, and while
        the scheduler has work or other tasks are pending, wait for them.
        Tasks still pending at ``timeout`` are deemed long-lived (timers,
        pollers) and ignored from then on."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        # A render loop never goes idle; a busy machine only renders slowly, so this watchdog
        # is generous (a render took over 2 s at load 20 on two cores).
        loop_deadline = loop.time() + max(timeout, RENDER_LOOP_S)
        current = asyncio.current_task()
        sched = self.session._Session__updates_task
        idle_rounds = 0
        while idle_rounds < 3:
            await asyncio.sleep(0)
            self._check_scheduler()
            if self._scheduler_busy():
                idle_rounds = 0
                if loop.time() > loop_deadline:
                    raise AppError("scheduler did not become idle (render loop?)")
                continue
            others = [
                t
                for t in asyncio.all_tasks()
                if t is not current and t is not sched and not t.done() and t not in self._background
            ]
            if others:
                idle_rounds = 0
                remaining = deadline - loop.time()
                if remaining <= 0:
                    logger.warning("settle(): ignoring long-lived tasks %s", others)
                    self._background.update(others)
                    continue
                await asyncio.wait(others, timeout=min(remaining, 0.05))
                continue
            idle_rounds += 1
        if raise_errors:
            self.raise_errors()

    def raise_errors(self) -> None:
        """Raise AppError for SESSION_CRASHED messages not raised yet."""
        new = self.conn.errors[self._errors_seen :]
        self._errors_seen = len(self.conn.errors)
        if new:
            raise AppError("app error(s):\n" + "\n---\n".join(new))

    async def close(self) -> None:
        """Close the session (dispatches page "close", stops the scheduler)."""
        try:
            self.session.close()  # schedules a "close" event task
            for _ in range(5):
                await asyncio.sleep(0)
        finally:
            for t in list(self._background) + list(self.conn._tasks):
                t.cancel()
            self.conn.dispose()


def _size_patch(width: float, height: float) -> dict:
    # What the client reports for its viewport: page size, window size
    # and media orientation (responsive code may read any of them).
    return {
        "width": width,
        "height": height,
        "window": {"width": width, "height": height},
        "media": {
            "orientation": "portrait" if height >= width else "landscape",
            "device_pixel_ratio": 1.0,
        },
    }


async def mount_app(
    main: Callable[[ft.Page], Any],
    width: float = PHONE[0],
    height: float = PHONE[1],
    route: str = "/",
    platform: str = "linux",
    web: bool = True,
    page_props: dict | None = None,
    raise_errors: bool = True,
) -> Harness:
    """Mount ``main`` (e.g. ``lambda page: page.render(App)``) on a fresh
    headless session sized width x height at ``route``; returns a Harness
    after the first render and its effects have settled."""
    loop = asyncio.get_running_loop()
    conn = HeadlessConnection(loop)
    session = Session(conn)
    conn.session = session
    page = session.page
    # Flet resolves ft.context.page (and hooks) from this context var.
    _context_page.set(page)

    # The client's register request carries its page props.
    props = {"route": route, "web": web, "platform": platform, "test": True}
    props.update(_size_patch(width, height))
    props.update(page_props or {})
    session.apply_page_patch(props)

    # Register response: the initial page patch, encoded like the server does.
    conn.send_message(
        Message(
            MessageAction.REGISTER_CLIENT,
            RegisterClientResponseBody(session_id=session.id, page_patch=session.get_page_patch(), error=""),
        )
    )

    h = Harness(session, conn)
    # Run main the way flet_web's __on_session_created does.
    context.reset_auto_update()
    try:
        if inspect.iscoroutinefunction(main):
            await main(page)
        elif inspect.isasyncgenfunction(main):
            async for _ in main(page):
                await session.after_event(page)
        elif inspect.isgeneratorfunction(main):
            for _ in main(page):
                await session.after_event(page)
        else:
            res = main(page)
            if inspect.isawaitable(res):
                await res
        await session.after_event(page)
    except Exception:
        await h.close()
        raise
    await h.settle(raise_errors=raise_errors)
    return h
