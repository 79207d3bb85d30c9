"""The feedback-request message and its mailto: link, with names people really have."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.errors import ValidationError
from services.feedback.request import RequestMessage, clean_name, mailto_url, render_follow_up, render_request


def test_full_message_is_short_polite_and_specific():
    m = render_request(manager_name="Priya", role="Data Analyst", company="Acme", your_name="Sam Lee")
    assert m.subject == "Thank you, and a quick request: Data Analyst at Acme"
    assert m.body.startswith("Hi Priya,\n")
    assert "the Data Analyst role at Acme" in m.body
    assert "feedback" in m.body
    assert m.body.endswith("Kind regards,\nSam Lee")
    assert len(m.body.split()) < 110  # short enough to read in half a minute
    assert m.text.startswith("Subject: Thank you") and m.body in m.text


def test_blank_parts_read_naturally():
    m = render_request()
    assert m.body.startswith("Hello,\n")
    assert "with the role. " in m.body
    assert " at ." not in m.body and "  " not in m.body
    assert m.subject == "Thank you, and a quick request: my application"
    assert m.body.endswith("Kind regards,")


@pytest.mark.parametrize(
    "name",
    ["José Ñúñez", "Zoë O'Brien-Smith", 'Dana "DJ" Jones', "王小明", "Ana 🌻", "Siobhán Ní Bhriain", "Łukasz Żółw"],
)
def test_odd_names_survive_into_message_and_link(name):
    m = render_request(manager_name=name, role="Désigner « UX »", company="Café & Co", your_name=name)
    assert f"Hi {name}," in m.body and m.body.endswith(name)
    url = mailto_url(m)
    query = parse_qs(urlsplit(url).query)
    assert query["subject"] == [m.subject]
    assert query["body"][0].replace("\r\n", "\n") == m.body
    assert all(ord(ch) < 128 for ch in url), "a mailto link is plain ASCII"
    assert " " not in url and "+" not in url.split("?")[1].replace("%2B", "")


def test_mailto_encoding_details():
    m = RequestMessage(subject="A & B = ?", body="Line 1\nLine 2 50%+", to="hire.me+jobs@example.com")
    url = mailto_url(m)
    assert url.startswith("mailto:hire.me%2Bjobs@example.com?subject=")
    assert "subject=A%20%26%20B%20%3D%20%3F" in url
    assert "body=Line%201%0D%0ALine%202%2050%25%2B" in url


def test_mailto_without_address():
    assert mailto_url(RequestMessage("s", "b")) == "mailto:?subject=s&body=b"


def test_names_cannot_inject_lines_or_headers():
    m = render_request(manager_name="Eve\r\nBcc: x@y.z", your_name="  Sam\t\tLee ")
    assert m.body.startswith("Hi Eve Bcc: x@y.z,\n")
    assert m.body.endswith("\nSam Lee")
    assert clean_name("\u200bA\x00B") == "A B"


def test_long_names_are_refused_kindly():
    with pytest.raises(ValidationError) as e:
        render_request(manager_name="x" * 201)
    assert "200" in e.value.errors["manager_name"]


def test_follow_up_is_gentle():
    m = render_follow_up(manager_name="Priya", role="Analyst", company="Acme", your_name="Sam")
    assert m.subject == "Following up: Analyst at Acme"
    assert "no worries" in m.body and m.body.endswith("Sam")


@given(st.text(max_size=60), st.text(max_size=60))
def test_any_text_round_trips_through_mailto(name, role):
    try:
        m = render_request(manager_name=name, role=role)
    except ValidationError:
        return
    query = parse_qs(urlsplit(mailto_url(m)).query, keep_blank_values=True)
    assert query["body"][0].replace("\r\n", "\n") == m.body
    assert unquote(mailto_url(m).split("subject=")[1].split("&body=")[0]) == m.subject
