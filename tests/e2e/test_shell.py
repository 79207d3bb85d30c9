"""The app shell in a real browser: loads, navigates at both sizes, keeps its data, stays local."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import (
    DESKTOP,
    DESTINATIONS,
    KNOWN_CSP_REFUSALS,
    KNOWN_EXTERNAL_URLS,
    PHONE,
    PageRecord,
    go_settings,
    nav,
    open_app,
    record,
    resize,
    shot,
    tap,
    textbox,
    type_into,
    wait_heading,
)

pytestmark = pytest.mark.e2e

SIZES = {"phone": PHONE, "desktop": DESKTOP}


def test_app_loads_on_today(app, browser):
    page = open_app(browser, app.url, *DESKTOP)
    wait_heading(page, "Today")
    assert (app.data_dir / "bounceback.db").is_file()
    # Offline-first: nothing reaches another host. The Rive CDN the Flet client asks for is
    # refused by the browser itself under our Content-Security-Policy (see helpers).
    rec = record(page)
    left = [u for u in rec.external_requests if u not in rec.refused_by_csp]
    assert set(left) <= KNOWN_EXTERNAL_URLS, left
    assert set(rec.refused_by_csp) <= KNOWN_CSP_REFUSALS, rec.refused_by_csp


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_every_destination_by_its_navigation_label(app, browser, size):
    page = open_app(browser, app.url, *SIZES[size])
    wait_heading(page, "Today")
    shot(page, "Today")
    # Out of order on purpose, ending back where it started.
    for label in [*DESTINATIONS[1:], "Today"]:
        nav(page, label)
        wait_heading(page, label)
        shot(page, label)
    go_settings(page)
    shot(page, "Settings")
    if size == "phone":  # Settings is a full page there, with a way back instead of the bar
        page.get_by_role("button", name="Back to Today").click()
        wait_heading(page, "Today")
    nav(page, "Mood")
    wait_heading(page, "Mood")


def test_restart_on_same_data_dir_finds_same_database_and_stops_cleanly(fresh_app, browser):
    db = fresh_app.data_dir / "bounceback.db"
    assert db.is_file()
    inode = db.stat().st_ino

    fresh_app.restart()  # stop (SIGTERM), start again on the same data dir
    assert fresh_app.returncode is not None
    assert db.stat().st_ino == inode, "a new database file was created instead of reopening the old one"
    assert str(db) in fresh_app.log(), "the app should say where its data lives"
    page = open_app(browser, fresh_app.url, *PHONE)
    go_settings(page)

    assert fresh_app.stop() is not None and not fresh_app.running
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(3)
        assert s.connect_ex(("127.0.0.1", fresh_app.port)) != 0, "port still open after stop"


def _non_loopback_ipv4() -> str | None:
    """This machine's outward address (a UDP connect sends nothing), or None offline."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.254", 9))
            ip = s.getsockname()[0]
        except OSError:
            return None
    return None if ip.startswith("127.") or ip == "0.0.0.0" else ip


def _listen_addresses(port: int) -> set[str]:
    """Local addresses listening on `port`, from /proc/net/tcp{,6} (Linux)."""
    found: set[str] = set()
    for name, width in (("tcp", 8), ("tcp6", 32)):
        path = Path("/proc/net") / name
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            local, state = fields[1], fields[3]
            addr_hex, port_hex = local.split(":")
            if state != "0A" or int(port_hex, 16) != port:  # 0A = LISTEN
                continue
            raw = bytes.fromhex(addr_hex)
            if width == 8:
                found.add(socket.inet_ntop(socket.AF_INET, raw[::-1]))
            else:  # four little-endian 32-bit words
                words = b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4))
                found.add(socket.inet_ntop(socket.AF_INET6, words))
    return found


def test_server_listens_on_loopback_only(app):
    listening = _listen_addresses(app.port)
    if listening:
        assert listening == {"127.0.0.1"}
    ip = _non_loopback_ipv4()
    if ip:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.settimeout(3)
            assert s.connect_ex((ip, app.port)) != 0, f"the app answers on {ip}:{app.port}"
    if not listening and not ip:
        pytest.skip("neither /proc/net/tcp nor a non-loopback address to check with")


def test_page_record_flags_new_hosts_and_flutter_errors():
    """The guard itself: the known attempt our CSP refuses passes, anything new fails."""
    assert KNOWN_EXTERNAL_URLS == frozenset(), "no request may leave the page"
    known = next(iter(KNOWN_CSP_REFUSALS))
    rec = PageRecord(
        external_requests=[known],
        refused_by_csp=[known],
        console_errors=[
            f"Loading the script '{known}' violates the following Content Security Policy directive: \"script-src 'self'\""
        ],
    )
    assert rec.problems() == []
    rec.external_requests.append("https://fonts.gstatic.com/s/roboto.woff2")  # left the page
    rec.refused_by_csp.append("https://cdn.example/new.js")  # refused, but new
    rec.console_errors.append("Another exception was thrown: Instance of 'ErrorSummary'")
    rec.page_errors.append("Exception")
    assert len(rec.problems()) == 4


def test_a_half_written_note_survives_turning_the_phone(fresh_app, browser):
    """390x844 -> 844x390 crosses the 640 px line where the bar becomes the rail: the mood
    form stays the same form, with the note typed and not yet saved, and back again."""
    page = open_app(browser, fresh_app.url, *PHONE)
    nav(page, "Mood")
    tap(page.get_by_role("button", name="New entry"))
    note = textbox(page, "What's on your mind? (optional)")
    type_into(note, "Rough call this morning")
    resize(page, (PHONE[1], PHONE[0]))
    expect(textbox(page, "What's on your mind? (optional)")).to_have_value("Rough call this morning")
    resize(page, PHONE)
    expect(textbox(page, "What's on your mind? (optional)")).to_have_value("Rough call this morning")
