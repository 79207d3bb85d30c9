"""Response headers for the browser view: nothing leaves the machine, nobody else embeds it.

Flet's web app sends `Access-Control-Allow-Origin: *` on everything (any site
could read its responses); we drop it. The Content-Security-Policy allows only
our own origin, so the Flet client's start-up fetch of a Rive runtime from a
public CDN (Flet's bundle hard-codes it; our app has no Rive animation) is
refused by the browser before any request is made.
"""

from __future__ import annotations

from webserver.guard import ASGIApp, Receive, Scope, Send

# 'unsafe-inline': Flet's index.html configures the client in inline scripts.
# 'wasm-unsafe-eval': the engine compiles its WebAssembly. blob:: the renderer's worker.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval' blob:",
        "worker-src 'self' blob:",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data: blob:",
        "connect-src 'self'",
        "media-src 'self' data: blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

ADDED = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]
DROPPED = {b"access-control-allow-origin", b"access-control-allow-credentials"} | {name for name, _ in ADDED}


class SecurityHeaders:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in DROPPED]
                message = {**message, "headers": kept + ADDED}
            await send(message)

        await self.app(scope, receive, send_with_headers)
