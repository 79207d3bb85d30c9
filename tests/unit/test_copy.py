"""The interface speaks one variety of English (British) and one word per thing.

Every string a person can read is scanned: string constants in views/, services/
and models/ (docstrings, identifiers such as "behavioral" keys, log lines and
developer-only exceptions left out) and the starter questions. Each pattern is a
form that was removed; this keeps it from coming back.
"""

from __future__ import annotations

import ast
import functools
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("views", "services", "models")

# pattern -> what to write instead
AMERICAN = {
    r"\bbehavior": "behaviour (Behavioural)",
    r"\benergiz": "energised",
    r"\borganiz": "organise",
    r"\brealiz": "realise",
    r"\brecogniz": "recognise",
    r"\bprioritiz": "prioritise",
    r"\bapologiz": "apologise",
    r"\banalyz": "analyse",
    r"\bfavorite": "favourite",
    r"\bcolor": "colour",
    r"\bcenter\b": "centre",
    r"\bcanceled": "cancelled",
    r"\bjudgment": "judgement",
    r"\bpractic(ed|ing)\b": "practised / practising (the verb has an s)",
    r"\b(?:to|you can|let's|please) (?-i:practice)\b": "practise (the verb; 'Back to Practice' is the screen)",
    r"\bpractice (it|them|your|this|that|aloud|out loud|answers)\b": "practise (the verb)",
}
ONE_WORD = {
    r"\bcards?\b": "question(s): the thing you practise is a question",
    r"\bno answer\b|\bnever answer|\bno one answer": "reply: companies reply or don't",
    r"\bre-?apply(ing)?\b|\breapplying\b": "apply again",
    r"(?<!please )(?<!then )\btry (there )?again\b(?! later)|\btrying again\b": "apply again ('please try again' is for errors)",
}
CHECKS = {**AMERICAN, **ONE_WORD}
IDENTIFIER = re.compile(r"^[a-z0-9_.:/%{}-]*$")  # keys, routes, kinds: never shown as such
LOG_CALLS = {"debug", "info", "warning", "error", "exception", "critical"}
USER_ERRORS = {"ValidationError", "single"}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _hidden(tree: ast.AST) -> set[int]:
    """Strings inside log calls and exceptions meant for developers, and input synonyms."""
    hidden = set()
    for node in ast.walk(tree):
        target = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in LOG_CALLS:
            target = node
        elif isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            func = node.exc.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in USER_ERRORS:
                target = node
        elif isinstance(node, ast.Assign) and any(getattr(t, "id", "").endswith(("SYNONYMS", "_WORDS")) for t in node.targets):
            target = node  # words matched in other apps' files (their spelling), never shown
        if target is not None:
            hidden.update(id(n) for n in ast.walk(target) if isinstance(n, ast.Constant))
    return hidden


def readable_strings(source: str) -> list[tuple[int, str]]:
    tree = ast.parse(source)
    skip = _docstrings(tree) | _hidden(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in skip and not IDENTIFIER.match(node.value)
    ]


@functools.cache
def interface_strings() -> list[tuple[str, str]]:
    found = []
    for root in SOURCES:
        for path in sorted((ROOT / root).rglob("*.py")):
            if "migrations" in path.parts:  # frozen SQL, never shown
                continue
            for line, text in readable_strings(path.read_text(encoding="utf-8")):
                found.append((f"{path.relative_to(ROOT)}:{line}", text))

    def walk(value, where):
        if isinstance(value, str):
            found.append((where, value))
        elif isinstance(value, dict):
            for k, v in value.items():
                if k != "category":  # a stored key
                    walk(v, where)
        elif isinstance(value, list):
            for item in value:
                walk(item, where)

    walk(json.loads((ROOT / "assets" / "starter_deck.json").read_text(encoding="utf-8")), "assets/starter_deck.json")
    return found


def offenders(strings: list[tuple[str, str]]) -> list[str]:
    return [
        f"{where}: {text!r} -> {advice}"
        for where, text in strings
        for pattern, advice in CHECKS.items()
        if re.search(pattern, text, re.IGNORECASE)
    ]


def test_the_scanner_sees_interface_text_and_skips_the_rest():
    source = '''
"""A behavior docstring is not shown."""
log.info("behavior of the cache")
CATEGORY = "behavioral"
LABEL = "Behavioral"
def f():
    raise ValueError("practicing")
    raise ValidationError.single("x", "Keep practicing")
'''
    texts = [t for _, t in readable_strings(source)]
    assert texts == ["Behavioral", "Keep practicing"]
    assert len(offenders([("x", t) for t in texts])) == 2


@pytest.mark.parametrize("check", list(CHECKS))
def test_no_removed_form_comes_back(check):
    strings = interface_strings()
    assert len(strings) > 500, "the scan found the interface text"
    bad = [o for o in offenders(strings) if re.search(check, o.split(": ", 1)[1].rsplit(" -> ", 1)[0], re.IGNORECASE)]
    assert not bad, "\n".join(bad)
