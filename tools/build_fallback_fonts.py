"""Build assets/fonts/fallback/: the fonts the browser view's engine fetches for emoji and other scripts.

The Flutter web engine asks for `<fontFallbackBaseUrl><url>` from its own table
(tools/engine_fonts.py). For each family below we cut, from an OFL-licensed
Noto source, exactly the code points the engine expects behind each of that
family's URLs, and save it as WOFF2 at that URL's path, so webserver/ can serve
it as is. Run again when flet-web is upgraded (the URLs carry font versions).

Sources (all SIL Open Font License 1.1), fetched once by hand:
    apt-get download fonts-noto-core fonts-noto-cjk        # then dpkg-deb -x each into SRC
    npm pack @fontsource/noto-color-emoji                   # COLRv1 colour emoji, unpacked into SRC

    uv run python -m tools.build_fallback_fonts SRC
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from tools.engine_fonts import EngineFont, engine_fonts

OUT = Path(__file__).resolve().parent.parent / "assets" / "fonts" / "fallback"
NOTO = "usr/share/fonts/truetype/noto/"
CJK = "usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
EMOJI = "package/files/noto-color-emoji-emoji-400-normal.woff2"

# Engine family -> (source file under SRC, face index in a collection).
# Beyond the scripts people journal in, a few small ones are here because the
# engine picks them for everyday characters of those scripts: Adlam for the
# Arabic question mark and tatweel, Duployan for the zero-width non-joiner
# (Persian), Coptic for the Coptic letters of the Greek block, Ethiopic (Amharic).
FAMILIES: dict[str, tuple[str, int]] = {
    "Noto Color Emoji": (EMOJI, 0),
    "Noto Sans": (NOTO + "NotoSans-Regular.ttf", 0),
    "Noto Sans Symbols": (NOTO + "NotoSansSymbols-Regular.ttf", 0),
    "Noto Sans Symbols 2": (NOTO + "NotoSansSymbols2-Regular.ttf", 0),
    "Noto Sans Math": (NOTO + "NotoSansMath-Regular.ttf", 0),
    "Noto Sans Hebrew": (NOTO + "NotoSansHebrew-Regular.ttf", 0),
    "Noto Sans Arabic": (NOTO + "NotoSansArabic-Regular.ttf", 0),
    "Noto Sans Devanagari": (NOTO + "NotoSansDevanagari-Regular.ttf", 0),
    "Noto Sans Thai": (NOTO + "NotoSansThai-Regular.ttf", 0),
    "Noto Sans Ethiopic": (NOTO + "NotoSansEthiopic-Regular.ttf", 0),
    "Noto Sans Adlam": (NOTO + "NotoSansAdlam-Regular.ttf", 0),
    "Noto Sans Duployan": (NOTO + "NotoSansDuployan-Regular.ttf", 0),
    "Noto Sans Coptic": (NOTO + "NotoSansCoptic-Regular.ttf", 0),
    # One pan-CJK source; each family takes its own regional face (glyph forms differ).
    "Noto Sans JP": (CJK, 0),
    "Noto Sans KR": (CJK, 1),
    "Noto Sans SC": (CJK, 2),
    "Noto Sans TC": (CJK, 3),
    "Noto Sans HK": (CJK, 4),
}

NOTO_SANS = (NOTO + "NotoSans-Regular.ttf", 0)
# Google's web copies of each script font also carry Latin letters and punctuation,
# and the engine may pick a script font for those too (it picks Noto Sans Symbols
# for the German capital sharp s); the Debian copies don't, so merge Noto Sans in.
# The engine's "Noto Sans" also covers Devanagari (and comes first in its table, so
# Devanagari text gets it); the Debian Noto Sans does not: merge that in.
MERGE_INTO = {"Noto Sans": [(NOTO + "NotoSansDevanagari-Regular.ttf", 0)]}
NO_MERGE = {"Noto Color Emoji", "Noto Sans JP", "Noto Sans KR", "Noto Sans SC", "Noto Sans TC", "Noto Sans HK"}


def merge_sources(family: str) -> list[tuple[str, int]]:
    return MERGE_INTO.get(family, [] if family in NO_MERGE else [NOTO_SANS])


def subset_options(emoji: bool) -> subset.Options:
    opts = subset.Options()
    opts.layout_features = ["*"]  # shaping (Arabic joining, Indic conjuncts, emoji sequences) needs all
    opts.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep copyright and licence
    opts.hinting = False  # the web engine does not hint; saves a fifth of the size
    opts.desubroutinize = True  # CFF compresses better in WOFF2 without subroutines
    opts.notdef_outline = True
    opts.flavor = "woff2"
    if emoji:
        opts.drop_tables += ["SVG"]  # the COLRv1 glyphs draw it; SVG would double the size
    return opts


def load(src: Path, spec: tuple[str, int]) -> TTFont:
    return TTFont(src / spec[0], fontNumber=spec[1], lazy=False)


def family_master(src: Path, family: str, fonts: list[EngineFont], tmp: Path) -> Path:
    """The family's source cut down to what any of its slices needs (fast to cut again)."""
    wanted = set().union(*(f.code_points for f in fonts))
    font = load(src, FAMILIES[family])
    extra = merge_sources(family)
    if extra:
        font = merged([font, *(load(src, spec) for spec in extra)], tmp / "merge")
    opts = subset_options(family == "Noto Color Emoji")
    opts.flavor = None
    opts.hinting = True  # stripped once, at the slice
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=wanted)
    sub.subset(font)
    path = tmp / (family.replace(" ", "") + (".otf" if "CFF " in font else ".ttf"))
    font.save(path)
    return path


def merged(fonts: list[TTFont], tmp: Path) -> TTFont:
    """One font drawing what any of `fonts` draws (the first wins where they overlap)."""
    from fontTools.merge import Merger

    tmp.mkdir(exist_ok=True)
    paths = []
    for i, font in enumerate(fonts):
        p = tmp / f"{i}.ttf"
        font.save(p)
        paths.append(str(p))
    return Merger().merge(paths)


def cut_slice(master: str, url: str, code_points: frozenset[int], emoji: bool) -> tuple[str, int, int]:
    font = TTFont(master)
    sub = subset.Subsetter(subset_options(emoji))
    sub.populate(unicodes=code_points)
    sub.subset(font)
    drawn = len(code_points & set(font.getBestCmap()))
    out = OUT / url
    out.parent.mkdir(parents=True, exist_ok=True)
    font.flavor = "woff2"
    font.save(out)
    return url, drawn, out.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("src", type=Path, help="folder with the unpacked Debian and npm packages")
    parser.add_argument("--jobs", type=int, default=max(1, (os.cpu_count() or 2) - 1))
    parser.add_argument("--only", action="append", metavar="FAMILY", help="rebuild just this family (repeatable)")
    args = parser.parse_args(argv)
    wanted = set(args.only or FAMILIES)
    by_family: dict[str, list[EngineFont]] = {}
    for font in engine_fonts():
        if font.family in FAMILIES and font.family in wanted:
            by_family.setdefault(font.family, []).append(font)
    missing = wanted - set(by_family)
    if missing:
        print(f"the engine no longer lists: {sorted(missing)}", file=sys.stderr)
        return 1
    total = 0
    with tempfile.TemporaryDirectory() as tmp, ProcessPoolExecutor(args.jobs) as pool:
        for family, fonts in by_family.items():
            master = family_master(args.src, family, fonts, Path(tmp))
            jobs = [
                pool.submit(cut_slice, str(master), f.url, f.code_points, family == "Noto Color Emoji") for f in fonts
            ]
            size = sum(j.result()[2] for j in jobs)
            expected = sum(len(f.code_points) for f in fonts)
            drawn = sum(j.result()[1] for j in jobs)
            total += size
            print(
                f"{family}: {len(fonts)} file(s), {size / 1e6:.2f} MB, draws {drawn} of {expected} code points",
                flush=True,
            )
    print(f"total {total / 1e6:.2f} MB in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
