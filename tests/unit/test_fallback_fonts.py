"""The offline fallback fonts: what the web engine will ask for, we have, and it draws the character.

The engine's own table is read from the installed Flet web client (tools/engine_fonts.py);
the shipped files are read with fontTools. So a flet-web upgrade that renames or re-slices
the fonts fails here, not silently as boxes in someone's journal.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tools.engine_fonts import engine_choice, engine_fonts, fonts_covering, main_dart_js

TTFont = pytest.importorskip("fontTools.ttLib").TTFont

FALLBACK = Path(__file__).resolve().parents[2] / "assets" / "fonts" / "fallback"
LANGUAGES = ["en-GB", "ja", "ko", "zh-CN", "zh-TW", "zh-HK"]  # the engine's CJK choice follows the browser's

# Unicode blocks (from the Unicode standard) of the scripts people journal in here.
SCRIPTS = {
    "Latin, Greek, Cyrillic": [(0x00A0, 0x024F), (0x0370, 0x03FF), (0x0400, 0x052F), (0x1E00, 0x1EFF), (0x1F00, 0x1FFF)],
    "Hebrew": [(0x0590, 0x05FF)],
    "Arabic": [(0x0600, 0x06FF), (0x0750, 0x077F)],
    "Devanagari": [(0x0900, 0x097F)],
    "Thai": [(0x0E00, 0x0E7F)],
    "Chinese, Japanese, Korean": [(0x3000, 0x30FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xFF00, 0xFFEF)],
    "Emoji": [(0x2600, 0x27BF), (0x1F1E6, 0x1F1FF), (0x1F300, 0x1F6FF), (0x1F900, 0x1F9FF)],
    "Punctuation and arrows": [(0x2000, 0x206F), (0x2190, 0x21FF)],
}

# Characters newer than the 2020 Debian fonts we cut from: rare marks and symbols.
# Listed exactly, so a new gap (or a filled one) shows up here.
KNOWN_GAPS = {
    0x05EF,  # HEBREW YOD TRIANGLE (Unicode 11)
    0x061D,  # ARABIC END OF TEXT MARK (Unicode 14)
    *range(0x1F900, 0x1F90C),  # circled crosses, half circles and hooks (Unicode 10)
}


@cache
def cmap(url: str) -> frozenset[int]:
    return frozenset(TTFont(FALLBACK / url).getBestCmap())


@cache
def roboto() -> frozenset[int]:
    # Always loaded by the engine: it never asks for a fallback for these.
    return frozenset(TTFont(main_dart_js().parent / "assets" / "fonts" / "roboto.woff2").getBestCmap())


def test_the_engine_table_reads_as_the_unicode_blocks_say():
    def families(cp):
        return {f.family for f in fonts_covering(cp)}

    assert "Noto Sans Hebrew" in families(0x05D0)  # alef
    assert "Noto Sans Arabic" in families(0x0628)  # beh
    assert "Noto Sans Thai" in families(0x0E01)  # ko kai
    assert "Noto Color Emoji" in families(0x1F61E)  # disappointed face
    assert "Noto Sans KR" in families(0xD55C)  # han (Hangul)
    assert {"Noto Sans SC", "Noto Sans JP"} <= families(0x65E5)  # 日
    assert families(0x0378) == set()  # unassigned
    assert len({f.url for f in engine_fonts()}) == len(engine_fonts())


def test_every_shipped_file_is_one_the_engine_can_ask_for():
    urls = {f.url for f in engine_fonts()}
    shipped = {p.relative_to(FALLBACK).as_posix() for p in FALLBACK.rglob("*.woff2")}
    assert shipped, "no fallback fonts: run tools/build_fallback_fonts.py"
    assert shipped <= urls, f"stale files (flet-web moved on?): {sorted(shipped - urls)[:5]}"


@pytest.mark.parametrize("script", SCRIPTS)
def test_what_the_engine_fetches_for_a_script_is_shipped_and_draws_it(script):
    missing: dict[str, list[str]] = {}
    undrawn: set[int] = set()
    gaps = set()
    checked = 0
    for start, end in SCRIPTS[script]:
        gaps |= KNOWN_GAPS & set(range(start, end + 1))
        for cp in range(start, end + 1):
            if cp in roboto():
                continue
            for language in LANGUAGES:
                font = engine_choice(cp, language)
                if font is None:  # nobody has a glyph for it (unassigned): nothing to ship
                    continue
                checked += 1
                if not (FALLBACK / font.url).is_file():
                    missing.setdefault(font.name, []).append(f"U+{cp:04X}")
                elif cp not in cmap(font.url):
                    undrawn.add(cp)
    assert checked > 50
    assert not missing, f"the engine would fetch fonts we don't ship: { {k: v[:3] for k, v in missing.items()} }"
    assert undrawn == gaps, f"fetched but not drawn: {[f'U+{cp:04X}' for cp in sorted(undrawn ^ gaps)][:10]}"


def test_the_licence_ships_with_the_fonts():
    text = (FALLBACK / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in text
