"""Files that can't be imported, refused before anything is read whole or written: size, zip bombs,
encodings, binary files, and files of no kind we know."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from services.transfer import FileProblem, TransferService
from services.transfer.source import MAX_BYTES, from_bytes, read_path


def _problem(call) -> str:
    with pytest.raises(FileProblem) as caught:
        call()
    return caught.value.message


def test_a_200_mb_file_is_refused_from_its_size_without_opening_it(tmp_path, monkeypatch):
    big = tmp_path / "huge.csv"
    with big.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk

    def no_open(*_a, **_k):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_open)
    message = _problem(lambda: read_path(big))
    assert message.startswith("That file is 200 MB, more than the 64 MB Bounceback reads at once.")


def test_bytes_over_the_limit_are_refused(tmp_path):
    assert "more than the 1 MB" in _problem(lambda: from_bytes("x.csv", b"a" * (1024 * 1024 + 1), limit=1024 * 1024))


def test_a_file_that_grows_past_the_limit_while_read_is_cut_at_the_limit(tmp_path, monkeypatch):
    path = tmp_path / "growing.csv"
    path.write_bytes(b"full_date,mood\n")
    real_open = Path.open

    class Growing(io.BytesIO):
        def read(self, n=-1):
            assert n == 1024 + 1, "reads at most one byte past the limit"
            return b"x" * n

    monkeypatch.setattr(Path, "open", lambda self, *a, **k: Growing() if self == path else real_open(self, *a, **k))
    assert "more than the" in _problem(lambda: read_path(path, limit=1024))


def test_a_zip_bomb_is_never_unpacked(tmp_path, monkeypatch):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.csv", b"0" * (50 * 1024 * 1024))  # 50 MB of zeros, a few dozen KB packed
    packed = buffer.getvalue()
    assert len(packed) < 200_000

    def no_unpacking(*_a, **_k):
        raise AssertionError("unpacked")

    monkeypatch.setattr(zipfile.ZipFile, "read", no_unpacking)
    monkeypatch.setattr(zipfile.ZipFile, "open", no_unpacking)
    path = tmp_path / "export.zip"
    path.write_bytes(packed)
    assert _problem(lambda: read_path(path)).startswith("This is a zip archive. Bounceback doesn't unpack archives")


def test_an_anki_package_and_our_csv_zip_get_their_own_advice(tmp_path):
    for names, expected in ((["collection.anki21", "media"], "Anki package (.apkg)"),
                            (["application.csv", "mood_entry.csv"], "spreadsheet copy of a Bounceback export")):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name in names:
                archive.writestr(name, b"x")
        assert expected in _problem(lambda b=buffer: from_bytes("x.zip", b.getvalue()))


def test_wrong_encoding_names_the_line(tmp_path):
    data = "Company,Role,Date applied\nAcme,Analyst,2026-02-01\nCafé,Chef,2026-02-02\n".encode("cp1252")
    message = _problem(lambda: from_bytes("sheet.csv", data))
    assert message.startswith("Line 3: this file isn't saved as UTF-8 text")
    assert "CSV UTF-8" in message


def test_utf16_with_a_bom_is_read():
    text = "Company,Role,Date applied\nCafé,Chef,2026-02-02\n"
    assert from_bytes("sheet.csv", text.encode("utf-16")).text.replace("\r", "") == text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "is empty"),
        (b"   \n\n", "is empty"),
        (b"SQLite format 3\x00" + b"\x00" * 100, "This is a database file"),
        (b"\x1f\x8b\x08\x00rest", "is compressed"),
        (b"hello\x00world", "holds binary data"),
        (b"just some words\nwith no shape\n", "We couldn't tell what kind of file this is."),
        (b'{"name": "not ours"}', "This JSON file isn't a Bounceback export"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
    ids=["empty", "blank", "sqlite", "gzip", "binary", "unknown", "other json", "deep json"],
)
def test_files_we_cant_read_say_why(data, expected):
    assert expected in _problem(lambda: from_bytes("file", data))


def test_kind_comes_from_the_content_not_the_name(tmp_path, db, clock):
    path = tmp_path / "definitely-a-spreadsheet.xlsx"
    path.write_text("#separator:tab\nQuestion\tAnswer\n", encoding="utf-8")
    assert TransferService(db, clock).read_file(path=path).kind == "anki"


def test_limit_is_the_documented_one():
    assert MAX_BYTES == 64 * 1024 * 1024
