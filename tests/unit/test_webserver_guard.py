"""The browser view's gate, at the ASGI level: Host, Origin, launch token and cookie.

A stand-in for Flet answers "ENTRY-42" to any request or WebSocket that gets
through, so every refusal can be checked by what did NOT come back.
"""

from __future__ import annotations

import warnings

import pytest
from starlette.websockets import WebSocketDisconnect

with warnings.catch_warnings():  # starlette nudges towards httpx2; httpx is what the venv has
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from webserver.guard import Gate, Guard
from webserver.headers import SecurityHeaders

PORT = 8550
TOKEN = "k3y-for-this-launch"
BASE = f"http://127.0.0.1:{PORT}"
COOKIE = f"bounceback_{PORT}"


async def journal(scope, receive, send):
    if scope["type"] == "websocket":
        await receive()  # websocket.connect
        await send({"type": "websocket.accept"})
        await send({"type": "websocket.send", "text": "ENTRY-42"})
        await send({"type": "websocket.close", "code": 1000})
        return
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"text/plain"), (b"access-control-allow-origin", b"*")],
        }
    )
    await send({"type": "http.response.body", "body": b"ENTRY-42"})


def client(bound_host: str = "127.0.0.1", base: str = BASE) -> TestClient:
    gate = Gate(port=PORT, token=TOKEN, bound_host=bound_host)
    return TestClient(Guard(SecurityHeaders(journal), gate), base_url=base, follow_redirects=False)


def with_cookie(c: TestClient, value: str = TOKEN) -> TestClient:
    c.cookies.set(COOKIE, value)
    return c


def refused(resp) -> bool:
    return resp.status_code == 403 and b"ENTRY-42" not in resp.content


def test_without_the_token_every_path_is_refused_with_a_page_saying_where_the_link_is():
    c = client()
    for path in ["/", "/mood", "/main.dart.js", "/assets/fonts/roboto.woff2", "/ws"]:
        resp = c.get(path)
        assert refused(resp), path
    assert "the link Bounceback printed when it started" in resp.text
    assert resp.headers["content-type"].startswith("text/html")
    assert resp.headers["cache-control"] == "no-store"


def test_the_printed_link_sets_a_strict_http_only_cookie_and_redirects_to_the_clean_address():
    resp = client().get(f"/?token={TOKEN}")
    assert resp.status_code == 303
    assert resp.headers["location"] == "/"
    assert resp.headers["set-cookie"] == f"{COOKIE}={TOKEN}; Path=/; HttpOnly; SameSite=Strict"
    assert b"ENTRY-42" not in resp.content


def test_the_token_leaves_the_address_but_the_path_and_other_parameters_stay():
    resp = client().get(f"/feedback/5?tab=open&token={TOKEN}")
    assert resp.status_code == 303
    assert resp.headers["location"] == "/feedback/5?tab=open"


def test_following_the_printed_link_opens_the_app():
    c = client()
    c.follow_redirects = True
    resp = c.get(f"/?token={TOKEN}")
    assert resp.status_code == 200 and resp.text == "ENTRY-42"
    assert c.get("/mood").text == "ENTRY-42"  # the cookie carries on


@pytest.mark.parametrize("offered", ["wrong", "", TOKEN + "x", TOKEN[:-1], "k3y-for-this-launch "])
def test_a_wrong_token_in_the_link_is_refused_and_sets_no_cookie(offered):
    resp = client().get("/", params={"token": offered})
    assert refused(resp)
    assert "set-cookie" not in resp.headers


@pytest.mark.parametrize("value", ["old-key-from-yesterday", "", TOKEN.upper()])
def test_a_stale_or_wrong_cookie_is_refused(value):
    assert refused(with_cookie(client(), value).get("/"))


def test_the_right_cookie_opens_the_app():
    resp = with_cookie(client()).get("/")
    assert resp.status_code == 200 and resp.text == "ENTRY-42"


def test_a_cookie_for_another_copy_of_the_app_on_another_port_does_not_count():
    c = client()
    c.cookies.set("bounceback_8551", TOKEN)
    assert refused(c.get("/"))


def test_a_malformed_cookie_header_is_refused_not_a_crash():
    resp = client().get("/", headers={"cookie": 'bounceback_8550="unterminated; ;;=; \x7f'})
    assert refused(resp)


@pytest.mark.parametrize(
    "host",
    ["attacker.example:8550", "attacker.example", "127.0.0.1:8551", "localhost", "127.0.0.1.nip.io:8550", "", "[::1"],
)
def test_a_foreign_host_header_is_refused_even_with_the_right_cookie(host):
    resp = with_cookie(client()).get("/", headers={"host": host})
    assert refused(resp)
    assert "isn't one Bounceback answers to" in resp.text


@pytest.mark.parametrize("host", ["127.0.0.1:8550", "localhost:8550", "LOCALHOST:8550", "[::1]:8550"])
def test_loopback_names_with_our_port_are_ours(host):
    assert with_cookie(client()).get("/", headers={"host": host}).text == "ENTRY-42"


def test_a_token_offered_under_a_foreign_host_is_not_exchanged():
    resp = client().get(f"/?token={TOKEN}", headers={"host": "attacker.example:8550"})
    assert refused(resp)
    assert "set-cookie" not in resp.headers


def test_the_configured_lan_address_is_accepted_but_not_other_addresses():
    lan = "192.0.2.10"  # a documentation address: only a header here, nothing is sent anywhere
    c = with_cookie(client(bound_host=lan, base=f"http://{lan}:{PORT}"))
    assert c.get("/").text == "ENTRY-42"
    assert refused(c.get("/", headers={"host": f"192.0.2.11:{PORT}"}))


def test_serving_on_all_interfaces_accepts_ip_addresses_but_never_names():
    c = with_cookie(client(bound_host="0.0.0.0"))
    assert c.get("/", headers={"host": f"192.0.2.10:{PORT}"}).text == "ENTRY-42"
    assert refused(c.get("/", headers={"host": f"rebind.example:{PORT}"}))


def test_a_request_from_another_origin_is_refused_even_with_the_cookie():
    c = with_cookie(client())
    assert refused(c.get("/", headers={"origin": "http://127.0.0.1:9999"}))
    assert refused(c.get("/", headers={"origin": "null"}))
    assert c.get("/", headers={"origin": BASE}).text == "ENTRY-42"


def ws_text(c: TestClient, headers: dict[str, str]) -> str:
    with c.websocket_connect(f"ws://127.0.0.1:{PORT}/ws", headers=headers) as ws:
        return ws.receive_text()


def test_the_websocket_opens_for_our_own_page():
    assert ws_text(with_cookie(client()), {"origin": BASE}) == "ENTRY-42"


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://127.0.0.1:9999"},  # a page served from another local port
        {"origin": "http://localhost:8550"},  # not the host this socket was opened on
        {"origin": "https://127.0.0.1:8550"},
        {"origin": "null"},
        {},  # no Origin: not a browser page of ours
    ],
)
def test_the_websocket_refuses_other_origins_even_with_the_cookie(headers):
    with pytest.raises(WebSocketDisconnect) as refused_ws:
        ws_text(with_cookie(client()), headers)
    assert refused_ws.value.code == 1008


def test_the_websocket_refuses_a_foreign_host_and_a_missing_cookie():
    with pytest.raises(WebSocketDisconnect):
        ws_text(with_cookie(client()), {"origin": "http://attacker.example:8550", "host": "attacker.example:8550"})
    with pytest.raises(WebSocketDisconnect):
        ws_text(client(), {"origin": BASE})


def test_responses_drop_the_wildcard_cors_header_and_carry_a_same_origin_policy():
    resp = with_cookie(client()).get("/")
    assert "access-control-allow-origin" not in resp.headers
    csp = dict(part.strip().split(" ", 1) for part in resp.headers["content-security-policy"].split(";"))
    assert csp["default-src"] == "'self'"
    assert csp["connect-src"] == "'self'"
    assert "https:" not in resp.headers["content-security-policy"] and "*" not in resp.headers["content-security-policy"]
    assert csp["frame-ancestors"] == "'none'"
    assert resp.headers["cross-origin-resource-policy"] == "same-origin"


def fonts_client(tmp_path) -> TestClient:
    from webserver.fonts import FallbackFonts

    fonts = tmp_path / "fonts"
    (fonts / "notosanshebrew" / "v46").mkdir(parents=True)
    (fonts / "notosanshebrew" / "v46" / "abc.woff2").write_bytes(b"wOF2-hebrew")
    (fonts / "secret.txt").write_text("not a font")
    (tmp_path / "outside.woff2").write_bytes(b"outside the fonts folder")
    return TestClient(FallbackFonts(journal, fonts), base_url=BASE)


def test_a_shipped_fallback_font_is_served_at_the_engines_path(tmp_path):
    resp = fonts_client(tmp_path).get("/assets/fonts/notosanshebrew/v46/abc.woff2")
    assert resp.status_code == 200 and resp.content == b"wOF2-hebrew"
    assert resp.headers["content-type"] == "font/woff2"
    assert "immutable" in resp.headers["cache-control"]


@pytest.mark.parametrize(
    "path",
    [
        "/assets/fonts/roboto.woff2",  # not ours: Flet's own files still come from Flet
        "/assets/fonts/notosansthai/v25/none.woff2",
        "/assets/fonts/%2e%2e/outside.woff2",  # a climb out of the folder
        "/assets/fonts/secret.txt",
        "/assets/fonts/notosanshebrew/v46/",
    ],
)
def test_anything_else_under_fonts_goes_to_flet(tmp_path, path):
    assert fonts_client(tmp_path).get(path).text == "ENTRY-42"
