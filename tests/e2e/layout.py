"""Find overlapping and clipped text from the semantics nodes' boxes (and the pixels between them).

Flutter draws on a canvas, but each piece of text and each control has a semantics node
with a box on the page. Three checks use those boxes:

- overlap: two leaf nodes whose visible boxes cross (text printed over text);
- sticking out: a node wider than the screen or its card;
- run-on: ink in the gap between two nodes side by side. A label that does not fit runs
  past its own box (Flutter's box is the space it was given), across the gap, into its
  neighbour: the gap must be blank.
- clipped value: a dropdown's chosen text cut off under its arrow (no ellipsis there).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image
from playwright.sync_api import Page

_BOXES_JS = """
() => [...document.querySelectorAll('flt-semantics')].map(e => {
  const input = e.querySelector(':scope > input, :scope > textarea');
  const heading = e.querySelector(':scope > h1, :scope > h2, :scope > h3, :scope > h4, :scope > h5, :scope > h6');
  let own = heading ? heading.textContent : '';
  for (const c of e.childNodes) if (c.nodeType === 3) own += c.textContent;
  const r = e.getBoundingClientRect();
  const up = e.parentElement && e.parentElement.closest('flt-semantics');
  return {
    id: e.id, parent: up ? up.id : null,
    role: e.getAttribute('role') || (input ? 'textbox' : (heading ? 'heading' : '')),
    name: (e.getAttribute('aria-label') || (input && input.getAttribute('aria-label')) || own).trim(),
    dropdown: e.hasAttribute('aria-expanded'),
    leaf: !e.querySelector('flt-semantics'),
    x: r.x, y: r.y, w: r.width, h: r.height,
  };
})
"""


@dataclass
class Box:
    id: str
    parent: str | None
    role: str
    name: str
    dropdown: bool
    leaf: bool
    x: float
    y: float
    w: float
    h: float
    visible: tuple[float, float, float, float] | None = None  # clipped by its ancestors (scrolling)

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def __str__(self) -> str:
        return f"{self.role or 'text'} {self.name[:50]!r}"


class Problem(str):
    """A problem's message, with the boxes it is about (drawn on a copy of the screenshot)."""

    boxes: tuple[Box, ...] = ()


def problem(message: str, *about: Box) -> Problem:
    p = Problem(message)
    p.boxes = about
    return p


def boxes(page: Page) -> list[Box]:
    """Every semantics node with its box, and the part of it not scrolled out of its ancestors."""
    found = [Box(**b) for b in page.evaluate(_BOXES_JS)]
    by_id = {b.id: b for b in found}
    for b in found:
        x0, y0, x1, y1 = b.x, b.y, b.right, b.bottom
        up = by_id.get(b.parent) if b.parent else None
        while up is not None:
            if up.w > 0 and up.h > 0:
                x0, y0, x1, y1 = max(x0, up.x), max(y0, up.y), min(x1, up.right), min(y1, up.bottom)
            up = by_id.get(up.parent) if up.parent else None
        b.visible = (x0, y0, x1, y1) if x1 - x0 >= 1 and y1 - y0 >= 1 else None
    return found


def _ancestors(b: Box, by_id: dict[str, Box]) -> set[str]:
    out, up = set(), b.parent
    while up:
        out.add(up)
        up = by_id[up].parent if up in by_id else None
    return out


def _leaves(found: list[Box]) -> list[Box]:
    return [b for b in found if b.leaf and b.visible and (b.name or b.role)]


def _field_with_its_button(field: Box, button: Box) -> bool:
    """A text field's own suffix button (a calendar, say) sits inside it by design."""
    fx0, fy0, fx1, fy1 = field.visible
    bx0, by0, bx1, by1 = button.visible
    return field.role == "textbox" and button.role == "button" and fx0 <= bx0 and fy0 <= by0 and bx1 <= fx1 and by1 <= fy1


def overlaps(found: list[Box], tolerance: float = 2) -> list[str]:
    by_id = {b.id: b for b in found}
    leaves = _leaves(found)
    out = []
    for i, a in enumerate(leaves):
        for b in leaves[i + 1 :]:
            ax0, ay0, ax1, ay1 = a.visible
            bx0, by0, bx1, by1 = b.visible
            if min(ax1, bx1) - max(ax0, bx0) > tolerance and min(ay1, by1) - max(ay0, by0) > tolerance:
                if _field_with_its_button(a, b) or _field_with_its_button(b, a):
                    continue
                if a.id not in _ancestors(b, by_id) and b.id not in _ancestors(a, by_id):
                    out.append(problem(f"overlap: {a} and {b}", a, b))
    return out


def sticking_out(found: list[Box], width: float, tolerance: float = 1) -> list[str]:
    """Nodes wider than the window, or reaching past the sides of their parent."""
    by_id = {b.id: b for b in found}
    out = []
    for b in _leaves(found):
        if b.x < -tolerance or b.right > width + tolerance:
            out.append(problem(f"past the window's edge: {b} ({b.x:.0f}..{b.right:.0f} of {width:.0f})", b))
            continue
        parent = by_id.get(b.parent) if b.parent else None
        if parent and parent.w > 0 and (b.x < parent.x - tolerance or b.right > parent.right + tolerance):
            out.append(problem(f"wider than its container: {b}", b, parent))
    return out


def _ink(img: Image.Image, x0: float, y0: float, x1: float, y1: float, contrast: int = 60) -> int:
    """Pixels in the rectangle that differ clearly from its most common colour."""
    box = (int(round(x0)), int(round(y0)), int(round(x1)), int(round(y1)))
    if box[2] <= box[0] or box[3] <= box[1]:
        return 0
    raw = img.crop(box).convert("RGB").tobytes()
    pixels = [tuple(raw[i : i + 3]) for i in range(0, len(raw), 3)]
    base = max(set(pixels), key=pixels.count)
    return sum(1 for p in pixels if sum(abs(c - d) for c, d in zip(p, base, strict=True)) > contrast)


def run_on(found: list[Box], shot: bytes, viewport: tuple[int, int], max_gap: float = 40) -> list[str]:
    """Ink in the gap between two nodes on one line: text running out of its box."""
    img = Image.open(io.BytesIO(shot))
    width, height = viewport
    leaves = [b for b in _leaves(found) if b.visible[1] >= 0 and b.visible[3] <= height]
    out = []
    for a in leaves:
        ax0, ay0, ax1, ay1 = a.visible
        right = [
            b for b in leaves
            if b is not a and 1 <= b.visible[0] - ax1 <= max_gap
            and min(ay1, b.visible[3]) - max(ay0, b.visible[1]) >= 0.5 * min(ay1 - ay0, b.visible[3] - b.visible[1])
        ]  # fmt: skip
        for b in sorted(right, key=lambda n: n.visible[0])[:1]:  # the nearest neighbour only
            top, bottom = max(ay0, b.visible[1]), min(ay1, b.visible[3])
            if _ink(img, ax1 + 0.5, top, b.visible[0] - 0.5, bottom) > 3:
                out.append(problem(f"runs on: {a} spills towards {b}", a, b))
    return out


# Material 3's DropdownMenu clips the chosen text about 50 px from its right edge (the
# 48 px arrow button and a little padding); text that fits ends well before.
TEXT_END = 50


def clipped_values(found: list[Box], shot: bytes, viewport: tuple[int, int]) -> list[str]:
    """A dropdown whose text is cut by its arrow: ink right up to the arrow's edge."""
    img = Image.open(io.BytesIO(shot))
    out = []
    for b in found:
        if not (b.dropdown and b.visible) or b.y < 0 or b.bottom > viewport[1]:
            continue
        edge, middle = b.right - TEXT_END, b.y + b.h / 2
        if _ink(img, edge - 6, middle - 7, edge, middle + 7) > 2:
            out.append(problem(f"clipped: {b}", b))
    return out


# ---- a whole screen, a screenful at a time -----------------------------------------------


def _painted(shot: bytes, found: list[Box], height: float) -> bool:
    """Flutter can show its start-up frame ("Working...") while the tree is already there:
    the picture matches the tree once most named boxes on screen have ink in them."""
    # Big enough to hold a letter (Flutter trims the boxes of rows scrolled half away).
    named = [
        b for b in _leaves(found)
        if b.name and b.visible[3] - b.visible[1] >= 12 and b.visible[2] - b.visible[0] >= 12 and b.visible[3] <= height
    ][:12]  # fmt: skip
    if not named:
        return True
    img = Image.open(io.BytesIO(shot))
    return sum(1 for b in named if _ink(img, *b.visible) > 0) * 2 > len(named)


def capture(page: Page, path, previous: bytes | None = None, tries: int = 60) -> tuple[list[Box], bytes]:
    """Boxes and a screenshot that agree.

    The tree moves at once when scrolled; the picture follows a moment later (a short
    scroll animation). So: wait for a picture different from `previous` (the last
    screenful), then for three identical ones with the same boxes throughout.
    """
    shots: list[bytes] = []
    for _ in range(tries):
        before = boxes(page)
        shot = page.screenshot()
        after = boxes(page)
        moved = previous is None or shot != previous
        if before == after and moved and _painted(shot, after, page.viewport_size["height"]):
            shots.append(shot)
            if len(shots) >= 3 and shots[-1] == shots[-2] == shots[-3]:
                path.write_bytes(shot)
                return after, shot
        else:
            shots.clear()
        page.wait_for_timeout(250)
    raise AssertionError(f"the screen never settled for a screenshot ({path.name})")


def problems_on_screen(page: Page, found: list[Box], shot: bytes) -> list[str]:
    size = page.viewport_size
    view = (size["width"], size["height"])
    return overlaps(found) + sticking_out(found, view[0]) + run_on(found, shot, view) + clipped_values(found, shot, view)


def annotate(shot: bytes, problems: list[Problem], path) -> None:
    """The screenshot with the boxes each problem is about outlined in red."""
    from PIL import ImageDraw

    img = Image.open(io.BytesIO(shot)).convert("RGB")
    draw = ImageDraw.Draw(img)
    for p in problems:
        for b in getattr(p, "boxes", ()):
            if b.visible:
                draw.rectangle(b.visible, outline=(230, 0, 0), width=2)
    img.save(path)


def check_scrolling(page: Page, name: str, folder, max_screens: int = 6) -> list[str]:
    """Check each screenful from the top to the bottom (at most `max_screens`: past that it is
    a long list of rows built alike); screenshots go to `folder/name-N.png`."""
    from tests.e2e.a11y import wheel

    problems: list[str] = []
    last_shot = None
    for i in range(max_screens):
        found, shot = capture(page, folder / f"{name}-{i}.png", last_shot)
        here = problems_on_screen(page, found, shot)
        if here:
            annotate(shot, here, folder / f"{name}-{i}-problems.png")
        problems += [p for p in here if p not in problems]
        last_shot = shot
        if not _scrolled(page, found, wheel):
            break  # the bottom
    return problems


def _scrolled(page: Page, found: list[Box], wheel, wait_ms: int = 3000) -> bool:
    """Scroll a screenful on; False if the tree did not move (the bottom)."""
    where = [(b.id, round(b.y)) for b in found]
    wheel(page, page.viewport_size["height"] * 0.6)
    for _ in range(wait_ms // 250):
        page.wait_for_timeout(250)
        if [(b.id, round(b.y)) for b in boxes(page)] != where:
            return True
    return False
