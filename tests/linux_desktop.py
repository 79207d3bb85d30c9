"""A private Linux desktop for notification tests: its own D-Bus session bus, Xvfb, and dunst.

Used by tests/delivery (our backend against a real daemon) and tests/e2e (the app's test
notification). Each piece is a context manager; nothing touches the machine's own session.
Needs dbus-daemon, Xvfb, dunst, dunstctl, notify-send and gdbus (`.ci/run` installs them):
missing tools skip on a developer machine and fail under CI=true.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from services.reminders import linux_bus

TOOLS = ("dbus-daemon", "Xvfb", "dunst", "dunstctl", "notify-send", "gdbus")
APT = "dbus-daemon xvfb dunst libnotify-bin libglib2.0-bin"
READY_TIMEOUT_S = 30

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir={tmp}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def require_tools() -> None:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        msg = f"missing {', '.join(missing)}: `sudo apt-get install {APT}`"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg + " (CI=true: these tests must run)", pytrace=False)
        pytest.skip(msg)


def wait_for(condition, what: str) -> None:
    """Poll until `condition()` holds (never a fixed sleep); fail with `what` if it never does."""
    deadline = time.monotonic() + READY_TIMEOUT_S
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


@contextmanager
def private_bus(tmp: Path) -> Iterator[str]:
    """A session bus with no activatable services; yields its address (for DBUS_SESSION_BUS_ADDRESS)."""
    config = tmp / "bus.conf"
    config.write_text(BUS_CONFIG.format(tmp=tmp))
    proc = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        address = proc.stdout.readline().strip()
        assert address.startswith("unix:"), f"dbus-daemon gave no address (exit {proc.poll()})"
        yield address
    finally:
        proc.terminate()
        proc.wait(10)


@contextmanager
def dunst_on(address: str, tmp: Path) -> Iterator[None]:
    """Xvfb on a free display and dunst on the bus at `address`, answering before this returns."""
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", "640x480x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    daemon = None
    try:
        display = ":" + xvfb.stdout.readline().strip()
        env = {**os.environ, "DISPLAY": display, "HOME": str(tmp), "DBUS_SESSION_BUS_ADDRESS": address}
        daemon = subprocess.Popen(["dunst"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda: answers(address) or daemon.poll() is not None, "dunst on the bus")
        assert daemon.poll() is None, "dunst exited"
        yield
    finally:
        for proc in (daemon, xvfb):
            if proc is not None:
                proc.terminate()
                proc.wait(10)


def answers(address: str) -> bool:
    """Does a notification service answer on the bus at `address`?"""
    cmd = ["gdbus", "call", "--session", "--timeout", "2", "--dest", linux_bus.SERVICE,
           "--object-path", linux_bus.OBJECT, "--method", f"{linux_bus.SERVICE}.GetServerInformation"]  # fmt: skip
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address}
    return subprocess.run(cmd, env=env, capture_output=True, timeout=10, check=False).returncode == 0


def dunst_history(address: str) -> list[dict[str, str]]:
    """Everything dunst on that bus has shown: summary, body, appname (closing moves them to history)."""
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address}
    subprocess.run(["dunstctl", "close-all"], check=True, capture_output=True, timeout=10, env=env)
    out = subprocess.run(["dunstctl", "history"], check=True, capture_output=True, text=True, timeout=10, env=env)
    rows = json.loads(out.stdout)["data"][0]
    return [{k: row[k]["data"] for k in ("summary", "body", "appname")} for row in rows]
