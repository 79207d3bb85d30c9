"""The browser view's web server: Flet's FastAPI app behind our own checks, served by uvicorn.

Wiring, like main.py (it may import flet_web). `flet.run(view=WEB_BROWSER)`
builds the same Flet app and serves it with uvicorn; we do that ourselves so
we can put the Guard (Host, Origin, launch token), our response headers and
the offline fallback fonts in front of it. See guard.py for the why.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from webserver.fonts import FallbackFonts
from webserver.guard import Gate, Guard, new_token
from webserver.headers import SecurityHeaders

__all__ = ["Gate", "build_app", "serve", "shown_url"]


def build_app(main: Callable, *, gate: Gate, assets_dir: Path, upload_dir: Path | None = None,
              max_upload: int | None = None, upload_key: str | None = None):
    """The whole ASGI app: checks and headers outside, Flet inside.

    With `upload_dir`, files picked in the browser (Settings › Import) are PUT to /upload through
    URLs signed with a per-launch key, at most `max_upload` bytes each; the Guard checks them like
    any other request (our origin, this launch's cookie).
    """
    import flet_web.fastapi as flet_fastapi

    uploads = (
        {"upload_dir": str(upload_dir), "secret_key": upload_key or new_token(), "max_upload_size": max_upload}
        if upload_dir is not None
        else {}
    )
    flet_app = flet_fastapi.app(main, assets_dir=str(assets_dir), no_cdn=True, **uploads)
    # Flet's own FastAPI subclass: its lifespan starts and stops Flet's session manager.
    outer = flet_fastapi.FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    outer.mount("/", FallbackFonts(flet_app, assets_dir / "fonts" / "fallback"))
    return Guard(SecurityHeaders(outer), gate)


def shown_url(host: str, port: int, token: str) -> str:
    """The link to print: a concrete address (not 0.0.0.0) with the launch token."""
    shown = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(host, f"[{host}]" if ":" in host else host)
    return f"http://{shown}:{port}/?token={token}"


def serve(
    main: Callable, *, host: str, port: int, assets_dir: Path, open_browser: bool | None = None,
    upload_dir: Path | None = None, max_upload: int | None = None,
) -> None:
    """Serve until interrupted (Ctrl+C or SIGTERM). Prints the link once the port is listening."""
    import uvicorn

    token = new_token()
    url = shown_url(host, port, token)
    app = build_app(main, gate=Gate(port=port, token=token, bound_host=host), assets_dir=assets_dir, upload_dir=upload_dir,
                    max_upload=max_upload)
    if open_browser is None:
        open_browser = _can_open_browser()

    class Server(uvicorn.Server):
        async def startup(self, sockets=None) -> None:
            await super().startup(sockets)
            if self.started:
                print(f"Open {url} in your browser.", flush=True)
                if open_browser:
                    import webbrowser

                    webbrowser.open(url)

    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        ws="websockets-sansio",  # what Flet's own server uses
        log_level="warning",
        access_log=False,
        server_header=False,
        lifespan="on",
    )
    Server(config).run()


def _can_open_browser() -> bool:
    # As flet.run does: not on a display-less Linux, nor when told to only serve.
    from flet.utils import get_bool_env_var
    from flet.utils.platform_utils import is_linux_server

    return not (get_bool_env_var("FLET_FORCE_WEB_SERVER") or is_linux_server())
