"""Anki decks exported as "Notes in Plain Text" (.txt) or CSV/TSV, with or without header lines.

Header lines (Anki 2.1.55+) say how to read the rest: `#separator:tab`,
`#html:true`, `#guid column:1`, `#notetype column:2`, `#deck column:3`,
`#tags column:6`, `#columns:Front\tBack`, `#deck:Name`, `#tags:a b`. The first
field becomes the question and the others the notes shown with the answer (or
the STAR steps, when #columns names them). HTML becomes plain text with its line
breaks kept; sounds and images are dropped. The guid makes a re-import add
nothing; without one, the question text does.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field

from sqlmodel import Session, select

from models.practice import (
    CATEGORIES,
    NOTES_MAX,
    QUESTION_MAX,
    STAR_FIELD_MAX,
    TAG_MAX,
    TAGS_MAX,
    PracticeCard,
    normalize_tags,
)
from services.clock import Clock
from services.practice.deck import question_key
from services.transfer.options import Needs
from services.transfer.problems import FileProblem, Problems
from services.transfer.report import ALREADY_HERE, SAME_QUESTION, TWICE_IN_FILE, Progress, Report, Staged, no_progress
from services.transfer.source import Source
from services.transfer.text import csv_rows, html_to_text, looks_like_html, plain, sniff_delimiter

SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"}
NAMESPACE = uuid.UUID("9e4c1b7a-6f2d-4a8e-8c35-1d7b0e2f5a64")  # frozen: same note, same UUID
NO_TEXT = "no question text (only a picture or sound)"
_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
# Deck names that mean one of our categories (besides the categories' own keys and names).
CATEGORY_WORDS = {
    "behavioural": "behavioral", "behaviour": "behavioral", "behavior": "behavioral", "star": "behavioral",
    "strengths": "strengths", "weaknesses": "strengths", "strengths & weaknesses": "strengths",
    "team": "teamwork", "teams": "teamwork", "career": "career_goals", "goals": "career_goals",
    "motivation": "motivation", "why": "motivation", "company": "company", "leadership": "leadership",
    "conflict": "conflict", "failure": "failure", "failures": "failure", "pressure": "pressure", "stress": "pressure",
}
STAR_NAMES = {"situation", "task", "action", "result"}
HEADER_NAMES = {"front", "back", "question", "answer", "notes", "extra", "tags", "deck", *STAR_NAMES}


def _is_header_row(cells: list[str]) -> bool:
    return len(cells) >= 2 and all(c.strip().casefold() in HEADER_NAMES for c in cells if c.strip())


def looks_like(text: str) -> bool:
    """Lines of two or more fields with no header we know (the Daylio and tracker checks run first)."""
    lines = [line for line in text.splitlines() if line.strip()][:20]
    if not lines:
        return False
    delimiter = sniff_delimiter(lines[0])
    return all(delimiter in line for line in lines[: min(5, len(lines))])


@dataclass
class Header:
    separator: str | None = None
    html: bool | None = None
    columns: dict[str, int] = field(default_factory=dict)  # "guid" / "notetype" / "deck" / "tags" -> 0-based index
    names: str | None = None  # the #columns line, split once the separator is known
    deck: str = ""
    tags: list[str] = field(default_factory=list)


def _header(lines: list[str]) -> tuple[Header, int]:
    header = Header()
    used = 0
    for line in lines:
        if not line.startswith("#") or ":" not in line:
            break
        used += 1
        key, value = line[1:].split(":", 1)
        key, value = key.strip().lower(), value.rstrip("\r\n")
        if key == "separator":
            header.separator = SEPARATORS.get(value.strip().lower(), value[:1] or None)
        elif key == "html":
            header.html = value.strip().lower() == "true"
        elif key.endswith(" column") and value.strip().isdigit():
            header.columns[key[: -len(" column")]] = int(value.strip()) - 1
        elif key == "columns":
            header.names = value
        elif key == "deck":
            header.deck = value.strip()
        elif key == "tags":
            header.tags = value.split()
    return header, used


@dataclass(frozen=True)
class Note:
    line: int
    uuid: str
    question: str
    fields: dict[str, str]  # situation/task/action/result/notes
    category: str
    tags: list[str]


def read(source: Source, *, progress: Progress = no_progress) -> list[Note]:
    lines = source.text.splitlines(keepends=True)
    header, used = _header(lines)
    body = "".join(lines[used:])
    separator = header.separator or sniff_delimiter(next((x for x in lines[used:] if x.strip()), ""))
    names = header.names.split(separator) if header.names else None
    problems = Problems()
    notes: list[Note] = []
    records = csv_rows(body, delimiter=separator)
    if names is None and records and _is_header_row(records[0][1]):  # "Front,Back" from a spreadsheet
        names = records[0][1]
        records = records[1:]
    meta = set(header.columns.values())
    for n, (line, record) in enumerate(records, start=1):
        if n % 500 == 0:
            progress(0.5 * n / len(records), "Reading your questions")
        if not any(f.strip() for f in record):
            continue
        note = _note(used + line, record, header, names, meta, problems)
        if note:
            notes.append(note)
    problems.raise_if_any()
    if not notes:
        raise FileProblem(["This Anki file has no notes in it."])
    return notes


def _clean(value: str, html: bool | None) -> str:
    if html or (html is None and looks_like_html(value)):
        return html_to_text(value)
    return plain(value)


def _note(line: int, record: list[str], header: Header, names, meta: set[int], problems: Problems) -> Note | None:
    def column(kind: str) -> str:
        i = header.columns.get(kind)
        return record[i].strip() if i is not None and i < len(record) else ""

    if header.columns.get("tags") is not None and header.columns["tags"] >= len(record):
        problems.add("the row has fewer fields than the header lines say (was the file cut off?).", row=line)
        return None
    content = [(i, value) for i, value in enumerate(record) if i not in meta]
    named = {i: (names[i].strip().casefold() if names and i < len(names) else "") for i, _ in content}
    cloze_answer = ""
    question, fields = "", {"situation": "", "task": "", "action": "", "result": "", "notes": ""}
    extra: list[str] = []
    for position, (i, raw) in enumerate(content):
        text = _clean(raw, header.html)
        if position == 0 and named[i] not in STAR_NAMES:
            if _CLOZE.search(text):
                cloze_answer = _CLOZE.sub(lambda m: m.group(1), text)
                text = _CLOZE.sub(lambda m: f"[{m.group(2)}]" if m.group(2) else "[…]", text)
            question = text
        elif named[i] in STAR_NAMES:
            fields[named[i]] = text
        elif named[i] == "tags":
            continue  # read with the tags below
        elif text:
            extra.append(text)
    fields["notes"] = "\n\n".join(p for p in ([cloze_answer] if cloze_answer else []) + extra if p)
    question = " ".join(question.split()) if "\n" not in question else question
    if not question:
        return Note(line, "", "", fields, "", [])  # counted as skipped: nothing to ask
    deck = column("deck") or header.deck
    leaf = deck.split("::")[-1].strip()
    category = _category(leaf)
    named_tags = [v for (i, v) in content if named[i] == "tags"]
    tags = normalize_tags(header.tags + column("tags").split() + " ".join(named_tags).split()
                          + ([leaf] if leaf and category == "other" else []))
    if len(question) > QUESTION_MAX:
        problems.add(f"the question is {len(question)} characters; questions can be up to {QUESTION_MAX}.", row=line, field="question")
    for name, value in fields.items():
        limit = NOTES_MAX if name == "notes" else STAR_FIELD_MAX
        if len(value) > limit:
            problems.add(f"{len(value):,} characters; this part of a question holds up to {limit:,}.", row=line, field=name)
    if len(tags) > TAGS_MAX or any(len(t) > TAG_MAX for t in tags):
        problems.add(f"up to {TAGS_MAX} tags of up to {TAG_MAX} characters each fit on a question.", row=line, field="tags")
    guid = column("guid")
    identity = f"guid:{guid}" if guid else f"q:{question_key(question)}"
    return Note(line, str(uuid.uuid5(NAMESPACE, identity)), question, fields, category, tags)


def _category(deck_leaf: str) -> str:
    name = deck_leaf.casefold()
    for key, label in CATEGORIES.items():
        if name in (key, label.casefold()):
            return key
    return CATEGORY_WORDS.get(name, "other")


def needs(_notes: list[Note]) -> Needs:
    return Needs()


def stage(s: Session, notes: list[Note], clock: Clock) -> Staged:
    report = Report(kind="anki")
    report.line("practice_card")
    here_uuids = set(s.exec(select(PracticeCard.uuid)))
    here_questions = {question_key(q) for q in s.exec(select(PracticeCard.question))}
    fresh: list[Note] = []
    seen: set[str] = set()
    for note in notes:
        reason = (
            NO_TEXT if not note.question
            else TWICE_IN_FILE if note.uuid in seen or question_key(note.question) in seen
            else ALREADY_HERE if note.uuid in here_uuids
            else SAME_QUESTION if question_key(note.question) in here_questions
            else None
        )
        if reason:
            report.skip("practice_card", reason)
            continue
        seen |= {note.uuid, question_key(note.question)}
        fresh.append(note)
        report.add("practice_card")
    report.samples = [_sample(n) for n in fresh[:3]]

    def write(session: Session, progress: Progress = no_progress) -> None:
        now = clock.now()
        session.add_all(
            PracticeCard(question=n.question, category=n.category, tags=json.dumps(n.tags), situation=n.fields["situation"],
                         task=n.fields["task"], action=n.fields["action"], result=n.fields["result"],
                         notes=n.fields["notes"], due=now, created_at=now, updated_at=now, uuid=n.uuid)
            for n in fresh
        )
        progress(0.9, "Saving")

    return Staged(report, write)


def _sample(note: Note) -> str:
    question = note.question.split("\n", 1)[0]
    out = f"“{question[:70]}{'…' if len(question) > 70 else ''}” · {CATEGORIES[note.category]}"
    return out + (f" · {', '.join(note.tags[:4])}" if note.tags else "")
