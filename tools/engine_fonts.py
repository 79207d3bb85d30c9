"""The web engine's own list of fallback fonts, read from the installed Flet web client.

Flutter's web engine carries a table of Noto fonts (name, URL under its
`fontFallbackBaseUrl`, and the code points each one covers). When text has a
character no loaded font draws, it picks fonts from that table and fetches
`<base>/<url>`; with CDN off, that is our own server under /assets/fonts/.
This module decodes the table from flet_web/web/main.dart.js (the packed format
of Flutter's font_fallbacks.dart) and mirrors how the engine picks a font, so
the font build and the tests can agree with the engine without a browser.
Dev tool: not imported by the app.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MAX_CODE_POINT = 0x10FFFF

# navigator.language values for which the engine prefers one CJK family.
CJK_LANGUAGE_PREFERENCE = {
    **dict.fromkeys(["zh-Hans", "zh-CN", "zh-SG", "zh-MY"], "Noto Sans SC"),
    **dict.fromkeys(["zh-Hant", "zh-TW", "zh-MO"], "Noto Sans TC"),
    "zh-HK": "Noto Sans HK",
    "ja": "Noto Sans JP",
    "ko": "Noto Sans KR",
}


@dataclass(frozen=True)
class EngineFont:
    index: int
    name: str  # "Noto Sans Hebrew", "Noto Color Emoji 3", "Noto Sans SC 57"
    url: str  # relative to fontFallbackBaseUrl: "notosanshebrew/v46/....woff2"
    code_points: frozenset[int]

    @property
    def family(self) -> str:
        """The font's family without the slice number ("Noto Sans SC 57" -> "Noto Sans SC")."""
        head, _, tail = self.name.rpartition(" ")
        return head if tail.isdigit() and head != "Noto Sans" else self.name


def main_dart_js() -> Path:
    import flet_web

    return Path(flet_web.get_package_web_dir()) / "main.dart.js"


@cache
def engine_fonts(js_path: Path | None = None) -> tuple[EngineFont, ...]:
    src = (js_path or main_dart_js()).read_text(encoding="utf-8")
    fonts = re.findall(r'\("(Noto [^"]+)","([a-z0-9]+/v\d+/[^"]+\.(?:woff2|ttf|otf))"\)', src)
    # The two packed strings: font sets ("a,b,1c,...") and code point ranges.
    literals = re.findall(r'"([0-9A-Za-z,]{2000,})"', src)
    sets_data = next(s for s in literals if s.count(",") > 1000 and not re.search(r"[A-Z]", s))
    ranges_data = next(s for s in literals if "," not in s and re.search(r"[A-Z]", s))
    font_sets = [_decode_font_set(part) for part in sets_data.split(",")]
    covered: dict[int, set[int]] = {i: set() for i in range(len(fonts))}
    start = 0
    for end, set_index in _decode_ranges(ranges_data):
        for font_index in font_sets[set_index]:
            covered[font_index].update(range(start, end))
        start = end
    return tuple(EngineFont(i, name, url, frozenset(covered[i])) for i, (name, url) in enumerate(fonts))


def _decode_font_set(data: str) -> list[int]:
    # Letters a-z are base-26 digits of the gap to the previous font index; 0-9 a decimal prefix.
    result, previous, prefix = [], -1, 0
    for ch in data:
        if "a" <= ch <= "z":
            index = previous + prefix * 26 + (ord(ch) - 97) + 1
            result.append(index)
            previous, prefix = index, 0
        else:
            prefix = prefix * 10 + int(ch)
    return result


def _decode_ranges(data: str) -> list[tuple[int, int]]:
    """[(end_exclusive, font_set_index)] covering 0..MAX_CODE_POINT in order."""
    out, start, prefix, size = [], 0, 0, 1
    for ch in data:
        if "A" <= ch <= "Z":
            start += size
            out.append((start, prefix * 26 + (ord(ch) - 65)))
            prefix, size = 0, 1
        elif "a" <= ch <= "z":
            size = prefix * 26 + (ord(ch) - 97) + 2
            prefix = 0
        else:
            prefix = prefix * 10 + int(ch)
    if start != MAX_CODE_POINT + 1:
        raise ValueError(f"fallback table does not cover Unicode ({start})")
    return out


@cache
def _by_code_point() -> dict[int, list[EngineFont]]:
    index: dict[int, list[EngineFont]] = {}
    for font in engine_fonts():
        for cp in font.code_points:
            index.setdefault(cp, []).append(font)
    return index


def fonts_covering(code_point: int) -> list[EngineFont]:
    """The engine's fonts that have `code_point`, in table order."""
    return list(_by_code_point().get(code_point, []))


def engine_choice(code_point: int, language: str = "en-GB") -> EngineFont | None:
    """The font the engine fetches for text whose only missing character is `code_point`.

    Mirrors FontFallbackManager._selectFont for a single code point: the
    language's CJK family first; otherwise every candidate covers it once, so
    the tie-break decides: Noto Sans Symbols, then a Noto Sans SC slice, then
    the earliest font in the table.
    """
    candidates = fonts_covering(code_point)
    if not candidates:
        return None
    preferred = CJK_LANGUAGE_PREFERENCE.get(language)
    for font in candidates:
        if preferred and font.name.startswith(preferred + " "):
            return font
    if len(candidates) > 1:
        for font in candidates:
            if font.name == "Noto Sans Symbols":
                return font
        for font in candidates:
            if font.name.startswith("Noto Sans SC"):
                return font
    return min(candidates, key=lambda f: f.index)
