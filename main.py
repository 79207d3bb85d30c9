"""Bounceback: wiring only. Parse args, make the data file ready, serve, build the services meanwhile.

The order is startup.py's: the web server listens before SQLAlchemy is imported, and the
browser loads the Flutter client while the services are built in the background.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import socket
import sys
from datetime import datetime
from pathlib import Path

from services.clock import ShiftedClock, SystemClock
from services.errors import StorageError
from services.storage.paths import MAX_IMPORT_BYTES, prepare_uploads_dir, resolve_data_dir
from services.storage.prepare import prepare_file

DEFAULT_PORT = 8550
DATA_COMMANDS = ("import", "export", "backup", "restore")  # handled by cli.py
# For browser tests only: start the app's clock at this local time ("2026-03-04T09:30"),
# so a test can open it on a chosen day and restart it "the day after". Never set by default.
FAKE_NOW_ENV = "BOUNCEBACK_FAKE_NOW"
log = logging.getLogger("bounceback")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Bounceback: a private, offline companion for your job search.",
        epilog="Data commands: main.py import FILE | export | backup | restore (each with --help).",
    )
    parser.add_argument("--web", action="store_true", help="serve the browser view instead of opening a desktop window")
    parser.add_argument("--port", type=int, default=None, help=f"port for the browser view (default: {DEFAULT_PORT}, or the next free one)")
    parser.add_argument("--host", default="127.0.0.1", help="address to serve on (default 127.0.0.1: this computer only)")
    parser.add_argument("--data-dir", default=None, help="folder for the data file (default: the app's storage or your user-data folder)")
    return parser.parse_args(argv)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def free_port(host: str, start: int) -> int:
    for port in range(start, start + 50):
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
            try:
                s.bind((host, port))
                return port
            except OSError:
                continue
    return 0


def desktop_unavailable_reason() -> str | None:
    """Why a desktop window can't open here, or None if it can."""
    from flet.utils.platform_utils import is_linux_server

    if is_linux_server():
        return "No display found, so there is no desktop window."
    try:
        import flet_desktop

        flet_desktop.ensure_client_cached()  # downloads the client the first time
    except Exception as exc:  # any failure means: use the browser view instead
        return f"The desktop window isn't available ({type(exc).__name__}: the Flet client couldn't be downloaded)."
    return None


def make_clock() -> SystemClock:
    fake = os.environ.get(FAKE_NOW_ENV)
    if not fake:
        return SystemClock()
    start = datetime.fromisoformat(fake)
    print(f"Test clock ({FAKE_NOW_ENV}): the app's time starts at {start:%Y-%m-%d %H:%M}.", flush=True)
    return ShiftedClock(start if start.tzinfo else start.astimezone())


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in DATA_COMMANDS:  # import/export/backup/restore: no window, no web server
        import cli

        return cli.run(argv)
    args = parse_args(argv)
    data_dir = resolve_data_dir(args.data_dir)
    clock = make_clock()
    try:  # the sqlite3 module only: whatever stops the open is told before anything is served
        prepared = prepare_file(data_dir, now=clock.now().replace(tzinfo=None))
    except StorageError as exc:  # one sentence saying what happened and what to do; details in the log
        log.info("open failed: %s", exc)
        print(exc.friendly, file=sys.stderr)
        return 2
    print(f"Your data lives in {prepared.path}", flush=True)
    for notice in prepared.notices:  # shown in the app too
        print(notice, flush=True)

    from startup import Startup

    # The services, the screens and later the daily backup, on a background thread; begun once the
    # port listens (imports hold the GIL: started earlier, they would only slow the server's own).
    startup = Startup(prepared, clock)
    web = args.web
    if not web:
        reason = desktop_unavailable_reason()
        if reason:
            print(f"{reason} Serving the browser view instead.", flush=True)
            web = True
    try:
        if web:
            host = args.host
            if not is_loopback(host):
                print(
                    f"WARNING: serving on {host} makes your journal visible to other devices on the network. "
                    "Use --host 127.0.0.1 to keep it on this computer.",
                    flush=True,
                )
            port = args.port if args.port is not None else free_port(host, DEFAULT_PORT)
            import webserver  # prints the link to open, with this launch's key

            assets = Path(__file__).parent / "assets"
            webserver.serve(
                startup.page, host=host, port=port, assets_dir=assets, on_listening=startup.begin,
                upload_dir=prepare_uploads_dir(data_dir), max_upload=MAX_IMPORT_BYTES,  # files picked for Import
            )
        else:
            import flet as ft

            startup.begin()  # the desktop client takes a while to start too
            ft.run(startup.page, assets_dir=str(Path(__file__).parent / "assets"))
    finally:
        startup.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
