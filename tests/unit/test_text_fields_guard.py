"""Every text field in views/ goes through views.common.fields.TextInput.

A plain `ft.TextField(value=state, on_change=set_state)` loses letters when typing
fast (a re-render for an older keystroke sends the older text back; see the
docstring of views/common/fields.py and tests/views/test_text_input.py). This scan
keeps the race from coming back with a new screen.
"""

from __future__ import annotations

import ast
from pathlib import Path

VIEWS = Path(__file__).resolve().parents[2] / "views"
ALLOWED = {VIEWS / "common" / "fields.py"}  # the one place that builds the real control
# views/interviews/ is being rebuilt on another branch; convert it there, then drop this line.
NOT_YET: set = set()


def direct_text_fields(source: str) -> list[int]:
    """Line numbers where `source` builds a TextField itself (ft.TextField(...), or imports it from flet)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            f = node.func
            if (isinstance(f, ast.Attribute) and f.attr == "TextField") or (
                isinstance(f, ast.Name) and f.id == "TextField"
            ):
                lines.append(node.lineno)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "flet":
            if any(a.name == "TextField" for a in node.names):
                lines.append(node.lineno)
    return lines


def test_the_scan_finds_a_direct_text_field():
    assert direct_text_fields("import flet as ft\nx = ft.TextField(value='a')\n") == [2]
    assert direct_text_fields("from flet import TextField\n") == [1]
    assert direct_text_fields("from views.common.fields import TextInput\nx = TextInput(value='a')\n") == []


def test_no_view_builds_a_text_field_directly():
    found = []
    for path in sorted(VIEWS.rglob("*.py")):
        if path in ALLOWED or any(part in NOT_YET for part in path.parents):
            continue
        found += [f"{path.relative_to(VIEWS.parent)}:{n}" for n in direct_text_fields(path.read_text("utf-8"))]
    assert found == [], "use views.common.fields.TextInput instead of ft.TextField: " + ", ".join(found)
