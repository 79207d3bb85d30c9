"""Files picked in the browser view reach the uploads folder only through the gate and a signed URL."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():  # starlette nudges towards httpx2; httpx is what the venv has
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from flet_web.uploads import build_upload_url

import webserver
from webserver.guard import Gate

PORT = 8550
TOKEN = "k3y-for-this-launch"
KEY = "upload-signing-key-for-this-launch"
BASE = f"http://127.0.0.1:{PORT}"
ASSETS = Path(__file__).resolve().parents[2] / "assets"


@pytest.fixture
def app(tmp_path, monkeypatch):
    for name in ("FLET_SECRET_KEY", "FLET_MAX_UPLOAD_SIZE", "FLET_UPLOAD_DIR", "FLET_UPLOAD_HANDLER_ENDPOINT"):
        monkeypatch.delenv(name, raising=False)
    built = webserver.build_app(lambda page: None, gate=Gate(port=PORT, token=TOKEN), assets_dir=ASSETS,
                                upload_dir=tmp_path, max_upload=1000, upload_key=KEY)
    return TestClient(built, base_url=BASE, follow_redirects=False)


def put(client: TestClient, url: str, body: bytes, *, cookie: bool = True, origin: str | None = BASE):
    if cookie:
        client.cookies.set(f"bounceback_{PORT}", TOKEN)
    headers = {"origin": origin} if origin else {}
    return client.put(url, content=body, headers=headers)


def test_a_signed_upload_from_our_page_is_saved(app, tmp_path):
    resp = put(app, build_upload_url("upload", "import-1.upload", 60, KEY), b"full_date,mood\n")
    assert resp.status_code == 200
    assert (tmp_path / "import-1.upload").read_bytes() == b"full_date,mood\n"


def test_without_the_launch_cookie_or_from_another_page_nothing_is_saved(app, tmp_path):
    url = build_upload_url("upload", "import-2.upload", 60, KEY)
    assert put(app, url, b"x", cookie=False).status_code == 403
    assert put(app, url, b"x", origin="http://127.0.0.1:9999").status_code == 403
    assert not (tmp_path / "import-2.upload").exists()


def test_a_url_signed_with_another_key_or_a_path_outside_is_refused(app, tmp_path):
    assert put(app, build_upload_url("upload", "import-3.upload", 60, "guessed"), b"x").status_code == 403
    assert put(app, build_upload_url("upload", "../escape.upload", 60, KEY), b"x").status_code == 400
    assert not list(tmp_path.iterdir())


@pytest.mark.filterwarnings("ignore:'HTTP_413_REQUEST_ENTITY_TOO_LARGE' is deprecated")  # flet_web's own wording
def test_more_than_the_limit_is_refused(app):
    assert put(app, build_upload_url("upload", "big.upload", 60, KEY), b"x" * 1001).status_code == 413
