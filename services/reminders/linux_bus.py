"""Is anyone there to show a notification? The check plyer leaves out on Linux.

plyer hands a notification to `notify-send` (or python-dbus) and ignores the
result, so with no notification daemon on the session bus nothing appears and
nothing fails. Before calling a notification delivered we ask the daemon
itself: org.freedesktop.Notifications.GetServerInformation must answer.
"""

from __future__ import annotations

import logging
import shutil
import subprocess

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
OBJECT = "/org/freedesktop/Notifications"
TIMEOUT_S = 4


def _run(cmd: list[str]) -> bool:
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S + 2, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.info("%s failed: %s", cmd[0], exc)
        return False
    if done.returncode != 0:
        log.info("no notification service: %s", done.stderr.decode(errors="replace").strip()[:300])
    return done.returncode == 0


def _ask_with_python_dbus() -> bool | None:
    try:
        import dbus  # plyer's other route, when installed
    except ImportError:
        return None
    try:
        proxy = dbus.SessionBus().get_object(SERVICE, OBJECT)
        proxy.GetServerInformation(dbus_interface=SERVICE, timeout=TIMEOUT_S)
        return True
    except Exception as exc:  # dbus.DBusException and friends
        log.info("no notification service: %s", exc)
        return False


def service_answers() -> bool | None:
    """True: a notification service answered on the session bus. False: none did.

    None: nothing here can ask (no gdbus, dbus-send or python-dbus).
    """
    if shutil.which("gdbus"):
        return _run(
            ["gdbus", "call", "--session", "--timeout", str(TIMEOUT_S), "--dest", SERVICE,
             "--object-path", OBJECT, "--method", f"{SERVICE}.GetServerInformation"]
        )  # fmt: skip
    if shutil.which("dbus-send"):
        return _run(
            ["dbus-send", "--session", "--print-reply", f"--reply-timeout={TIMEOUT_S * 1000}",
             f"--dest={SERVICE}", OBJECT, f"{SERVICE}.GetServerInformation"]
        )  # fmt: skip
    return _ask_with_python_dbus()


def notify_send(title: str, message: str) -> bool:
    """Send with notify-send ourselves and trust its exit code (it fails when no one listens)."""
    if not shutil.which("notify-send"):
        return False
    return _run(["notify-send", "--app-name=Bounceback", "--", title, message])
