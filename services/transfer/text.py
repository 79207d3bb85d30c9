"""Text from other apps: HTML notes to plain text, CSV rows with their line numbers."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

from services.transfer.problems import FileProblem

_BREAKS = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol"}
_SKIP = {"script", "style", "head", "title"}
_SOUND = re.compile(r"\[sound:[^\]]*\]")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def _break(self) -> None:
        # One line break per block boundary: "</li><li>" is one new line, not two.
        if self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self._skipping += 1
        elif tag == "br":
            self.parts.append("\n")  # every <br> counts: two of them make an empty line
        elif tag in _BREAKS:
            self._break()
            if tag == "li":
                self.parts.append("• ")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BREAKS and tag != "br":
            self._break()

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def html_to_text(value: str) -> str:
    """Plain text with the line breaks kept: <br>, paragraphs and list items become new lines,
    entities are decoded, images, sounds and other tags are dropped."""
    value = _SOUND.sub("", value or "")
    if "<" not in value and "&" not in value:
        return tidy(value)
    parser = _Text()
    parser.feed(value)
    parser.close()
    return tidy("".join(parser.parts))


def plain(value: str) -> str:
    """Text that isn't HTML: only media references dropped."""
    return tidy(_SOUND.sub("", value or ""))


def looks_like_html(value: str) -> bool:
    return bool(_TAG.search(value)) or bool(re.search(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);", value))


def tidy(value: str) -> str:
    """No trailing spaces, no more than one empty line in a row, no blank start or end."""
    lines = [line.rstrip() for line in value.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ").split("\n")]
    out: list[str] = []
    for line in lines:
        if not line.strip() and (not out or not out[-1].strip()):
            continue
        out.append(line)
    return "\n".join(out).strip()


def csv_rows(text: str, *, delimiter: str = ",") -> list[tuple[int, list[str]]]:
    """Each record with the line it starts on (a quoted value may span lines).

    Strict quoting: a file cut off inside a quoted value is reported, not half-read.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for record in reader:
            rows.append((start, record))
            start = reader.line_num + 1
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise FileProblem([f"Line {start}: the file ends inside a quoted value; it may have been cut off. "
                               "Export it again or pick the whole file."]) from exc
        raise FileProblem([f"Line {reader.line_num}: this line isn't valid CSV ({exc})."]) from exc
    return rows


def sniff_delimiter(line: str) -> str:
    counts = {d: line.count(d) for d in ("\t", ";", ",")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","
