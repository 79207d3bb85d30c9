"""Read the browser's accessibility tree (what a screen reader gets) and find naming problems.

Chromium computes names from Flutter's semantics DOM (aria-label, roles); we ask it through
CDP (`Accessibility.getFullAXTree`) instead of trusting what the Python controls say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from playwright.sync_api import Page

# Roles a person operates: each must be one node with one name.
CONTROL_ROLES = frozenset(
    {"button", "tab", "textbox", "searchbox", "combobox", "checkbox", "radio", "switch", "slider",
     "spinbutton", "link", "menuitem", "menuitemradio", "menuitemcheckbox", "option", "listbox"}
)  # fmt: skip
_DOUBLED = re.compile(r"^(?P<x>.+?)\s+(?P=x)$", re.DOTALL)
_POSITION_IN_NAME = re.compile(r"\bTab \d+ of \d+\b")


@dataclass
class AXNode:
    role: str
    name: str
    props: dict[str, object]
    parent: AXNode | None = None
    children: list[AXNode] = field(default_factory=list)

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def __str__(self) -> str:
        return f"{self.role} {self.name!r}"


def ax_tree(page: Page) -> list[AXNode]:
    """Every node Chromium exposes to assistive technology (ignored ones dropped, their children kept)."""
    cdp = page.context.new_cdp_session(page)
    try:
        raw = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    by_id = {n["nodeId"]: n for n in raw}
    out: list[AXNode] = []

    def walk(n: dict, parent: AXNode | None) -> None:
        node = parent
        if not n.get("ignored"):
            props = {p["name"]: p["value"].get("value") for p in n.get("properties", [])}
            node = AXNode(n.get("role", {}).get("value", ""), (n.get("name", {}).get("value") or ""), props, parent)
            if parent is not None:
                parent.children.append(node)
            out.append(node)
        for child in n.get("childIds", []):
            if child in by_id:
                walk(by_id[child], node)

    walk(raw[0], None)
    return out


def controls(nodes: list[AXNode]) -> list[AXNode]:
    return [n for n in nodes if n.role in CONTROL_ROLES]


def name_problems(nodes: list[AXNode]) -> list[str]:
    """One line per control without exactly one clear name.

    - nameless: a control a screen reader can only call "button";
    - doubled: the name says the same words twice ("Settings Settings");
    - twin: a control inside another control (two stops for one thing, one usually nameless);
    - position in the name: "Today Tab 1 of 5" instead of a tab named "Today" (the role and
      the list give "tab, 1 of 5");
    - one thing, two roles: a checkbox and a button with the same name (its label made
      tappable on its own), two stops that say the same.
    """
    problems = []
    roles_by_name: dict[str, set[str]] = {}
    for node in controls(nodes):
        if node.name.strip():
            roles_by_name.setdefault(node.name.strip(), set()).add(node.role)
    problems += [f"one thing, two roles: {sorted(roles)} named {name!r}" for name, roles in roles_by_name.items() if len(roles) > 1]
    for node in controls(nodes):
        name = node.name.strip()
        outer = next((a for a in node.ancestors() if a.role in CONTROL_ROLES), None)
        if outer is not None:
            problems.append(f"twin: {node} inside {outer}")
        elif not name:
            problems.append(f"nameless: {node.role}")
        elif _DOUBLED.match(name):
            problems.append(f"doubled: {node}")
        elif _POSITION_IN_NAME.search(name):
            problems.append(f"position in the name: {node}")
    return problems


# ---- reading a whole screen -------------------------------------------------------------
# Flutter only puts what is on screen (plus a short margin) into the tree, so a long screen
# is read a screenful at a time, scrolling with the mouse wheel as a person would.


def _signature(nodes: list[AXNode]) -> list[tuple[str, str]]:
    return [(n.role, n.name) for n in controls(nodes)]


def settled_tree(page: Page, tries: int = 20) -> list[AXNode]:
    """The tree once two reads a moment apart agree (Flutter updates semantics a frame late)."""
    nodes = ax_tree(page)
    for _ in range(tries):
        page.wait_for_timeout(250)
        again = ax_tree(page)
        if _signature(again) == _signature(nodes):
            return again
        nodes = again
    return nodes


def wheel(page: Page, dy: float) -> None:
    """Scroll whatever is under the middle of the content area (right of a rail)."""
    size = page.viewport_size or {"width": 800, "height": 600}
    page.mouse.move(size["width"] * 0.6, size["height"] * 0.5)
    page.mouse.wheel(0, dy)


def scan(page: Page, max_screens: int = 12) -> list[list[AXNode]]:
    """The tree at each screenful from here to the bottom of the scrolling content.

    Stops after `max_screens`: past that it is a long list of rows built alike.
    """
    height = (page.viewport_size or {"height": 600})["height"]
    screens: list[list[AXNode]] = []
    for _ in range(max_screens):
        nodes = settled_tree(page)
        if screens and _signature(nodes) == _signature(screens[-1]):
            break  # the wheel moved nothing: the bottom
        screens.append(nodes)
        wheel(page, height * 0.6)
    return screens


def scroll_until(page: Page, locator, max_screens: int = 40) -> None:
    """Scroll down until `locator` is in the tree (a control below the fold isn't, yet)."""
    height = (page.viewport_size or {"height": 600})["height"]
    last = None
    for _ in range(max_screens):
        if locator.count():
            return
        signature = _signature(ax_tree(page))
        if signature == last:
            break
        last = signature
        wheel(page, height * 0.6)
        page.wait_for_timeout(250)
    assert locator.count(), f"{locator} not found, even after scrolling to the bottom"
