"""Serve the engine's fallback fonts from our own assets.

With CDN loading off, Flet tells the Flutter engine to fetch its fallback
fonts (emoji, Hebrew, CJK, ...) from `assets/fonts/<url>`, where `<url>` comes
from the engine's own table (e.g. `notosanshebrew/v46/....woff2`). Flet ships
none of them, so every such request was a 404 and the text drew as boxes.
assets/fonts/fallback/ holds them at exactly those paths
(tools/build_fallback_fonts.py makes them); anything else under
assets/fonts/ (Roboto, the icon font) still comes from Flet.
"""

from __future__ import annotations

from pathlib import Path

from webserver.guard import ASGIApp, Receive, Scope, Send

PREFIX = "/assets/fonts/"
# The path names the font's version, so the browser may keep it.
CACHE = b"private, max-age=31536000, immutable"


class FallbackFonts:
    def __init__(self, app: ASGIApp, directory: Path):
        self.app = app
        self.directory = directory.resolve()

    def _find(self, path: str) -> Path | None:
        rel = path[len(PREFIX) :]
        if not rel or "\\" in rel or any(part in ("", ".", "..") for part in rel.split("/")):
            return None
        candidate = self.directory / rel
        return candidate if candidate.suffix == ".woff2" and candidate.is_file() else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        found = None
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD") and scope["path"].startswith(PREFIX):
            found = self._find(scope["path"])
        if found is None:
            return await self.app(scope, receive, send)
        body = found.read_bytes()
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"font/woff2"),
                    (b"content-length", str(len(body)).encode()),
                    (b"cache-control", CACHE),
                ],
            }
        )
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
