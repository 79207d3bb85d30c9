"""A journal note in many scripts is typed, saved, reopened and drawn: no boxes, no failed font.

With CDN loading off, the engine fetches fonts for emoji and non-Latin scripts from our
own server; before we shipped them, every such character was drawn as the same empty box
("tofu"). The check: a second page is shown the same note with those font requests
refused, which reproduces the boxes; one box from it is the template, and no glyph of the
real page may match it (while the refused page must, or the check proves nothing).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from io import BytesIO

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import DESKTOP, SCREENSHOTS, goto, nav, open_app, record, shot, wait_heading
from tests.e2e.test_mood import face, tap, type_into  # Flutter-aware scrolling taps on the mood form

pytestmark = pytest.mark.e2e
Image = pytest.importorskip("PIL.Image")  # Pillow comes with flet's dependencies

LINES = {
    "emoji": "Tough day 😞 but a walk helped 🚶‍♀️🌧️💪",
    "Hebrew": "שלום, מחר יום חדש",
    "Arabic": "غدًا يوم جديد",
    "Cyrillic": "Завтра будет лучше",
    "Devanagari": "कल नया दिन है",
    "CJK": "明日は新しい日 加油 내일 봐요",
}
NOTE = "\n".join(LINES.values())
# Roboto (always loaded) draws Cyrillic; the others come from our fallback fonts.
FALLBACK_SCRIPTS = ["emoji", "Hebrew", "Arabic", "Devanagari", "CJK"]


def watch_fonts(page: Page) -> list[tuple[str, int | str]]:
    """Every fallback font request of this page, with its status (or failure)."""
    seen: list[tuple[str, int | str]] = []
    page.on("response", lambda r: seen.append((r.url, r.status)) if "/assets/fonts/" in r.url else None)
    page.on("requestfailed", lambda r: seen.append((r.url, r.failure)) if "/assets/fonts/" in r.url else None)
    return seen


def write_note(page: Page) -> None:
    nav(page, "Mood")
    wait_heading(page, "Mood")
    tap(page.get_by_role("button", name="New entry"))
    wait_heading(page, "How are you feeling?")
    tap(face(page, 2))
    first, *rest = LINES.values()
    type_into(page, "What's on your mind? (optional)", first)
    for line in rest:
        page.keyboard.press("Enter")
        page.keyboard.type(line)
    tap(page.get_by_role("button", name="Save entry"))
    wait_heading(page, "Mood")


def show_day(page: Page, base_url: str) -> bytes:
    """Open today's entries (a fresh load: the note is read back from the database); the note's pixels."""
    goto(page, f"{base_url}mood/day/{date.today().isoformat()}")
    note = page.get_by_text(re.compile("^Tough day")).first
    expect(note).to_be_visible(timeout=30_000)
    # The canvas paints after the semantics tree is there, and fonts arriving later make the
    # engine draw again: wait until the note's pixels are drawn and hold still.
    # The note's box is read again each time: a font arriving makes the line wider (an emoji
    # drawn in colour is wider than nothing), and a box read before that cuts the line short.
    previous = None
    for _ in range(60):
        box = note.bounding_box()
        area = (round(box["x"]), round(box["y"]), round(box["x"] + box["width"]), round(box["y"] + box["height"]))
        crop = Image.open(BytesIO(page.screenshot())).crop(area).convert("RGB")
        if crop.getextrema() != tuple((lo, lo) for lo, _ in crop.getextrema()) and (area, crop.tobytes()) == previous:
            break
        previous = (area, crop.tobytes())
        page.wait_for_timeout(400)
    out = BytesIO()
    crop.save(out, format="PNG")
    return out.getvalue()


def line_glyphs(png: bytes) -> list[list[tuple[tuple[int, int], frozenset]]]:
    """Per text line, its ink blobs split at blank columns: ((width, height), set of ink pixels)."""
    img = Image.open(BytesIO(png)).convert("RGB")
    w, h = img.size
    px = img.load()
    bg = Counter(px[x, y] for x in range(w) for y in range(h)).most_common(1)[0][0]
    ink = [[sum(abs(a - b) for a, b in zip(px[x, y], bg, strict=True)) > 90 for x in range(w)] for y in range(h)]
    rows = [any(r) for r in ink]
    # Lines are separated by the widest blank row runs (a mark above a letter leaves only a thin one).
    gaps, y = [], 0
    while y < h:
        if rows[y]:
            y += 1
            continue
        start = y
        while y < h and not rows[y]:
            y += 1
        if 0 < start and y < h:
            gaps.append((y - start, start, y))
    cuts = sorted((start + end) // 2 for _, start, end in sorted(gaps, reverse=True)[: len(LINES) - 1])
    bounds = list(zip([0, *cuts], [*cuts, h], strict=True))
    assert len(bounds) == len(LINES), "could not find the note's lines"
    lines = []
    for top, bottom in bounds:
        cols = [any(ink[y][x] for y in range(top, bottom)) for x in range(w)]
        glyphs, x = [], 0
        while x < w:
            if not cols[x]:
                x += 1
                continue
            start = x
            while x < w and cols[x]:
                x += 1
            pts = {(cx, cy) for cx in range(start, x) for cy in range(top, bottom) if ink[cy][cx]}
            y0 = min(p[1] for p in pts)
            glyphs.append(((x - start, max(p[1] for p in pts) - y0 + 1), frozenset((cx - start, cy - y0) for cx, cy in pts)))
        lines.append(glyphs)
    return lines


def is_box(glyph, boxes) -> bool:
    """Drawn like one of the boxes (same size, nearly the same pixels)? The boxes come in a few
    variants, one per sub-pixel position."""
    size, pts = glyph
    return any(size == bsize and len(pts & bpts) / len(pts | bpts) >= 0.85 for bsize, bpts in boxes)


def coloured_pixels(png: bytes) -> int:
    img = Image.open(BytesIO(png)).convert("RGB")
    return sum(1 for r, g, b in img.get_flattened_data() if max(r, g, b) - min(r, g, b) > 80)


def test_a_note_in_six_scripts_is_saved_reopened_and_drawn_without_boxes(fresh_app, browser):
    page = open_app(browser, fresh_app.url, *DESKTOP)
    fonts = watch_fonts(page)
    write_note(page)
    drawn = show_day(page, fresh_app.url)
    shot(page, "note-in-six-scripts")

    # Everything the engine asked for came from our server.
    assert fonts, "no fallback font was requested: is the text really outside Roboto?"
    failed = [(u, s) for u, s in fonts if s != 200]
    assert not failed, f"font requests failed: {failed}"
    families = {m.group(1) for u, _ in fonts if (m := re.search(r"/assets/fonts/([a-z0-9]+)/v\d+/", u))}
    assert {"notocoloremoji", "notosanshebrew", "notosansarabic"} <= families
    assert families & {"notosanssc", "notosansjp", "notosanskr", "notosanshk", "notosanstc"}

    # The same note with the fallback fonts refused: the boxes the bug drew.
    control = open_app(browser, fresh_app.url, *DESKTOP)
    record(control).allow_console_error(r"status of 404")
    control.context.route(re.compile(r"/assets/fonts/noto"), lambda route: route.fulfill(status=404))
    boxed = show_day(control, fresh_app.url)

    SCREENSHOTS.mkdir(exist_ok=True)  # both crops, to look at
    (SCREENSHOTS / "scripts-note-drawn.png").write_bytes(drawn)
    (SCREENSHOTS / "scripts-note-fonts-refused.png").write_bytes(boxed)
    real, tofu = line_glyphs(drawn), line_glyphs(boxed)
    boxes = tofu[list(LINES).index("CJK")]  # with the fonts refused, every CJK character is a box
    for i, script in enumerate(LINES):
        boxes_real = sum(is_box(g, boxes) for g in real[i])
        boxes_refused = sum(is_box(g, boxes) for g in tofu[i])
        if script in FALLBACK_SCRIPTS:
            assert boxes_refused >= 3, f"{script}: the detector found no boxes where there must be some"
        assert boxes_real == 0, f"{script}: {boxes_real} glyph(s) drawn as boxes"
    assert coloured_pixels(drawn) > 200, "the emoji are drawn in colour"
    assert coloured_pixels(boxed) < 20

