"""The naming checker itself (no browser): what it flags and what it lets through.

The trees are shaped like Chromium's for Flet 1.0.5 before the fixes in views/common/named.py.
"""

from __future__ import annotations

from tests.e2e.a11y import AXNode, name_problems


def tree(*specs: tuple) -> list[AXNode]:
    """(role, name, [children]) tuples under a root, flattened in document order."""
    root = AXNode("RootWebArea", "", {})
    out = [root]

    def add(spec, parent):
        role, name, *rest = spec
        node = AXNode(role, name, {}, parent)
        parent.children.append(node)
        out.append(node)
        for child in rest[0] if rest else []:
            add(child, node)

    for spec in specs:
        add(spec, root)
    return out


def test_clean_controls_pass():
    nodes = tree(
        ("tab", "Today"), ("tab", "Mood"), ("button", "Settings"), ("button", "Status Applied"),
        ("textbox", "Data file"), ("checkbox", "walk"), ("group", "", [("StaticText", "Hello")]),
        ("button", "Tell me about a time you said no, no, no"),
    )  # fmt: skip
    assert name_problems(nodes) == []


def test_a_nameless_dropdown_is_flagged():
    assert name_problems(tree(("button", "", [("StaticText", "")]))) == ["nameless: button"]


def test_label_plus_tooltip_read_twice_is_flagged():
    problems = name_problems(tree(("button", "Previous month Previous month")))
    assert problems == ["doubled: button 'Previous month Previous month'"]


def test_a_nameless_twin_inside_a_named_button_is_flagged():
    problems = name_problems(tree(("button", "Mood 1 of 5: very low", [("button", "")])))
    assert problems == ["twin: button '' inside button 'Mood 1 of 5: very low'"]


def test_the_rails_old_names_are_flagged():
    assert name_problems(tree(("button", "Today Tab 1 of 5"))) == ["position in the name: button 'Today Tab 1 of 5'"]


def test_a_checkbox_and_a_button_saying_the_same_are_flagged():
    problems = name_problems(tree(("checkbox", "Practise aloud"), ("button", "Practise aloud")))
    assert problems == ["one thing, two roles: ['button', 'checkbox'] named 'Practise aloud'"]


def test_a_whitespace_name_counts_as_none():
    assert name_problems(tree(("textbox", "  \n"))) == ["nameless: textbox"]
