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
      the list give "tab, 1 of 5").
    """
    problems = []
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
