"""Who may talk to the browser view: an ASGI wrapper in front of Flet's web app.

Binding to 127.0.0.1 keeps other machines out, but not other web pages open in
the user's own browser, nor other accounts on this computer. So every request
and WebSocket upgrade must:
- name us in its Host header (a DNS-rebinding page names its own domain);
- if it carries an Origin, come from our own origin (another local port is
  "same site" for cookies, so only the Origin tells its pages from ours);
- carry this launch's secret: the printed link has `?token=...`, swapped on
  first load for an HttpOnly, SameSite=Strict cookie and a redirect to the
  clean address (as Jupyter does).
Anything else gets a 403 and never reaches Flet. Pure ASGI, no framework.
"""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode, urlsplit

Scope = dict
Receive = Callable[[], Awaitable[dict]]
Send = Callable[[dict], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_PARAM = "token"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def new_token() -> str:
    return secrets.token_urlsafe(32)


def cookie_name(port: int) -> str:
    # Cookies ignore ports: name ours by port so two copies of the app don't overwrite each other's.
    return f"bounceback_{port}"


def _split_host(value: str) -> tuple[str, int | None] | None:
    """'127.0.0.1:8550' -> ('127.0.0.1', 8550); '[::1]:80' -> ('::1', 80); garbage -> None."""
    try:
        parts = urlsplit("//" + value)
        return (parts.hostname or "").lower(), parts.port
    except ValueError:
        return None


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        return False


@dataclass(frozen=True)
class Gate:
    """The rules, without any I/O: which hosts and origins are ours, and the launch token."""

    port: int
    token: str
    bound_host: str = "127.0.0.1"

    def host_ok(self, host_header: str | None) -> bool:
        split = _split_host(host_header or "")
        if not split or not split[0]:
            return False
        name, port = split
        if (port or 80) != self.port:
            return False
        if name in LOOPBACK_NAMES or name == self.bound_host.lower().strip("[]"):
            return True
        # Serving on every interface: the phone uses this machine's address, which we
        # can't list reliably. An IP literal can't be a rebinding attack (that needs a name).
        return self.bound_host in ("0.0.0.0", "::") and _is_ip(name)

    def origin_ok(self, origin: str | None, host_header: str | None) -> bool:
        """Our own origin only: http, and exactly the host:port the request was sent to."""
        if not origin or not self.host_ok(host_header):
            return False
        parts = urlsplit(origin)
        return parts.scheme == "http" and _split_host(parts.netloc) == _split_host(host_header or "")

    def token_ok(self, candidate: str | None) -> bool:
        return bool(candidate) and secrets.compare_digest(candidate.encode(), self.token.encode())

    def cookie_header(self) -> str:
        return f"{cookie_name(self.port)}={self.token}; Path=/; HttpOnly; SameSite=Strict"


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _cookie(headers: dict[str, str], name: str) -> str | None:
    jar = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except Exception:  # a malformed Cookie header is simply "no cookie"
        return None
    morsel = jar.get(name)
    return morsel.value if morsel else None


FORBIDDEN_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Bounceback</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#222}}
code{{background:#eee;padding:0 .2em}}</style></head>
<body><h1>Bounceback is private</h1>
<p>{reason}</p>
<p>Open it with the link Bounceback printed when it started, the one that looks like
<code>http://127.0.0.1:{port}/?token=&hellip;</code>. Each start prints a new link,
so an older link or a bookmark stops working: copy the newest one.</p></body></html>
"""

REASONS = {
    "token": "This link doesn't carry today's key, so your journal stays closed.",
    "host": "This address isn't one Bounceback answers to.",
    "origin": "Another page tried to reach Bounceback, so it was stopped.",
}


async def forbidden(send: Send, reason: str, port: int) -> None:
    body = FORBIDDEN_PAGE.format(reason=REASONS[reason], port=port).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 403,
            "headers": [
                (b"content-type", b"text/html; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
                (b"content-security-policy", b"default-src 'none'; style-src 'unsafe-inline'"),
                (b"referrer-policy", b"no-referrer"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def redirect_with_cookie(send: Send, location: str, cookie: str) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": 303,
            "headers": [
                (b"location", location.encode("latin-1")),
                (b"set-cookie", cookie.encode("latin-1")),
                (b"cache-control", b"no-store"),
                (b"referrer-policy", b"no-referrer"),
                (b"content-length", b"0"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": b""})


def _without_token(path: str, query: Iterable[tuple[str, str]]) -> str:
    rest = urlencode([(k, v) for k, v in query if k != TOKEN_PARAM])
    return path + ("?" + rest if rest else "")


class Guard:
    """ASGI middleware applying a Gate to every HTTP request and WebSocket upgrade."""

    def __init__(self, app: ASGIApp, gate: Gate):
        self.app = app
        self.gate = gate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind not in ("http", "websocket"):
            return await self.app(scope, receive, send)  # lifespan
        headers = _headers(scope)
        host = headers.get("host")
        reason = self._refusal(kind, headers, host)
        if reason is None and kind == "http":
            query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
            offered = [v for k, v in query if k == TOKEN_PARAM]
            if offered:
                if not self.gate.token_ok(offered[-1]):
                    return await forbidden(send, "token", self.gate.port)
                return await redirect_with_cookie(send, _without_token(scope["path"], query), self.gate.cookie_header())
        if reason is None and not self.gate.token_ok(_cookie(headers, cookie_name(self.gate.port))):
            reason = "token"
        if reason is None:
            return await self.app(scope, receive, send)
        if kind == "websocket":
            # Closing before accepting makes the server answer the upgrade with 403.
            return await send({"type": "websocket.close", "code": 1008})
        await forbidden(send, reason, self.gate.port)

    def _refusal(self, kind: str, headers: dict[str, str], host: str | None) -> str | None:
        if not self.gate.host_ok(host):
            return "host"
        origin = headers.get("origin")
        # Browsers always send Origin on a WebSocket; on plain requests only cross-origin or non-GET ones do.
        if (kind == "websocket" or origin is not None) and not self.gate.origin_ok(origin, host):
            return "origin"
        return None
