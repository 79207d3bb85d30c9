"""Only the person who started Bounceback can open its browser view, and nothing leaves the machine.

The real app in Chromium: a page from another local port, a foreign Host header,
no key / a wrong key / an old key, the printed link, and every host a page load asks for.
"""

from __future__ import annotations

import re
import socket
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import DESTINATIONS, KNOWN_CSP_REFUSALS, go_settings, nav, open_app, record

pytestmark = pytest.mark.e2e


@contextmanager
def page_on_another_port(html: str):
    """A web page served from another port on this machine, as any local program could."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = html.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def recording_proxy():
    """An HTTP proxy on 127.0.0.1 that refuses everything and writes down what was asked."""
    seen: list[str] = []
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def run():
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(2)
                try:
                    seen.append(conn.recv(4096).split(b"\r\n", 1)[0].decode("latin-1"))
                    conn.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                except OSError:
                    pass

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}", seen
    finally:
        stop.set()
        thread.join(5)
        listener.close()


def raw_status(port: int, request: str) -> str:
    """Send one raw HTTP request to the app; return its status line."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(request.encode("latin-1"))
        return s.recv(4096).split(b"\r\n", 1)[0].decode("latin-1")


def our_cookie(page) -> str:
    (cookie,) = page.context.cookies()
    return f"{cookie['name']}={cookie['value']}"


def test_a_page_from_another_local_port_gets_nothing_from_our_websocket(app, browser):
    # Worst case: Bounceback is open in this browser, so its cookie is there (another
    # port on 127.0.0.1 is the "same site", so the browser even sends it along).
    page = open_app(browser, app.url)
    probe = f"""<!doctype html><script>
      window.result = {{opened: false, messages: 0, closed: null, read: null}};
      const ws = new WebSocket("ws://127.0.0.1:{app.port}/ws");
      ws.onopen = () => {{ window.result.opened = true; }};
      ws.onmessage = () => {{ window.result.messages += 1; }};
      ws.onclose = (e) => {{ window.result.closed = e.code; }};
      fetch("http://127.0.0.1:{app.port}/", {{credentials: "include"}})
        .then(r => r.text()).then(t => {{ window.result.read = t.length; }}, () => {{ window.result.read = "refused"; }});
    </script>"""
    with page_on_another_port(probe) as other:
        intruder = page.context.new_page()
        intruder.goto(other)
        intruder.wait_for_function("() => window.result.closed !== null && window.result.read !== null")
        result = intruder.evaluate("() => window.result")
        intruder.close()
    assert result["opened"] is False, "the socket opened for another site's page"
    assert result["messages"] == 0
    assert result["closed"] == 1006  # the upgrade was answered with an error, not a socket
    assert result["read"] == "refused"  # and the page can't read our responses either
    # Our own page still has its live connection: the app answers a tap.
    nav(page, "Mood")


def test_a_foreign_host_header_gets_403_even_with_the_key(app, browser):
    page = open_app(browser, app.url)
    cookie = our_cookie(page)
    ours = f"127.0.0.1:{app.port}"
    foreign = f"attacker.example:{app.port}"  # what a DNS-rebinding page would send
    get = "GET / HTTP/1.1\r\nHost: {}\r\nCookie: {}\r\nConnection: close\r\n\r\n"
    assert raw_status(app.port, get.format(ours, cookie)).endswith("200 OK")  # the same request, our Host
    assert raw_status(app.port, get.format(foreign, cookie)) == "HTTP/1.1 403 Forbidden"
    upgrade = (
        "GET /ws HTTP/1.1\r\nHost: {host}\r\nOrigin: http://{host}\r\nCookie: {cookie}\r\n"
        "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"
    )
    assert raw_status(app.port, upgrade.format(host=ours, cookie=cookie)).startswith("HTTP/1.1 101")
    assert raw_status(app.port, upgrade.format(host=foreign, cookie=cookie)) == "HTTP/1.1 403 Forbidden"


def test_without_the_key_403_and_with_the_printed_link_the_app(app, browser):
    context = browser.new_context()
    page = context.new_page()
    sockets = []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    for address in (app.url, app.url + "mood", app.url + "?token=not-the-key"):
        response = page.goto(address)
        assert response.status == 403, address
        expect(page.get_by_role("heading", name="Bounceback is private")).to_be_visible()
        expect(page.get_by_text(re.compile("link Bounceback printed when it started"))).to_be_visible()
    assert context.cookies() == []
    assert sockets == [], "a refused page must not even start the app"
    context.close()

    page = open_app(browser, app.launch_url)  # exactly what the app printed
    assert page.url == app.url, "the key is swapped for a cookie and leaves the address bar"
    (cookie,) = page.context.cookies()
    assert cookie["name"] == f"bounceback_{app.port}"
    assert cookie["httpOnly"] is True and cookie["sameSite"] == "Strict"
    assert "token" not in page.evaluate("() => document.cookie")  # page scripts can't read it


def test_a_link_from_an_earlier_start_no_longer_opens_the_app(fresh_app, browser):
    old_link = fresh_app.launch_url
    context = browser.new_context()
    page = context.new_page()
    assert page.goto(old_link).status == 200  # still this launch: it opens
    fresh_app.restart(same_port=True)
    assert fresh_app.launch_url != old_link
    assert page.reload().status == 403, "last launch's cookie is stale"
    assert page.goto(old_link).status == 403, "so is last launch's link"
    context.close()
    open_app(browser, fresh_app.launch_url)


def test_a_page_load_asks_no_host_but_ours(app, browser):
    with recording_proxy() as (proxy, asked):
        # Other hosts are not blocked in the page here: anything that tried to leave would
        # reach the proxy (everything but 127.0.0.1 goes to it).
        page = open_app(browser, app.url, block_other_hosts=False, proxy={"server": proxy, "bypass": "127.0.0.1"})
        for label in DESTINATIONS[1:] + DESTINATIONS[:1]:
            nav(page, label)
        go_settings(page)
    rec = record(page)
    hosts = {urlsplit(u).netloc for u in rec.requests if urlsplit(u).scheme in ("http", "https", "ws")}
    refused = set(rec.refused_by_csp)
    assert hosts - {urlsplit(u).netloc for u in refused} == {f"127.0.0.1:{app.port}"}
    assert refused <= KNOWN_CSP_REFUSALS  # refused inside the browser: never sent
    assert asked == [], f"requests left the page for other hosts: {asked}"
    # The proxy does see what leaves: a plain page in the same browser context reaches it.
    with recording_proxy() as (proxy, asked):
        context = browser.new_context(proxy={"server": proxy})
        blank = context.new_page()
        blank.evaluate("() => fetch('http://outside.example/').catch(() => null)")
        context.close()
    assert asked and asked[0].startswith("GET http://outside.example/")
