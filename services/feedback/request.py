"""The feedback-request email: a short, polite, specific message and its mailto: link.

Pure text work, kept apart from the database so it is easy to test with odd
names (accents, emoji, quotes) and easy to reword.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from models.shapes import one_line
from services.errors import ValidationError

MAX_NAME_CHARS = 200


@dataclass(frozen=True)
class RequestMessage:
    subject: str
    body: str
    to: str = ""

    @property
    def text(self) -> str:
        """What goes on the clipboard: subject line, blank line, body."""
        return f"Subject: {self.subject}\n\n{self.body}"


def clean_name(value: str | None) -> str:
    """One line, no control characters, single spaces; letters of any kind kept."""
    return one_line(value)


def _validate(fields: dict[str, str]) -> None:
    errors = {k: "Please keep this under 200 characters." for k, v in fields.items() if len(v) > MAX_NAME_CHARS}
    if errors:
        raise ValidationError(errors)


def render_request(
    *, manager_name: str = "", role: str = "", company: str = "", your_name: str = "", to: str = ""
) -> RequestMessage:
    """The request, filled in; any part left blank reads naturally without it."""
    manager, role, company, you, to = (clean_name(v) for v in (manager_name, role, company, your_name, to))
    _validate({"manager_name": manager, "role": role, "company": company, "your_name": you, "to": to})
    the_role = f"the {role} role" if role else "the role"
    where = f" at {company}" if company else ""
    subject = f"Thank you, and a quick request: {role or 'my application'}{where}"
    body = "\n".join(
        [
            f"Hi {manager}," if manager else "Hello,",
            "",
            f"Thank you for letting me know where things landed with {the_role}{where}. "
            "I appreciated the time you and the team spent with me.",
            "",
            "If you have a few minutes, I'd be grateful for any feedback on my application or interviews. "
            "Even one or two things I could do differently next time would help me a lot, "
            "and a short reply is more than enough.",
            "",
            "Thanks again, and all the best to you and the team.",
            "",
            "Kind regards,",
            *([you] if you else []),
        ]
    )
    return RequestMessage(subject=subject, body=body, to=to)


def render_follow_up(
    *, manager_name: str = "", role: str = "", company: str = "", your_name: str = "", to: str = ""
) -> RequestMessage:
    """A gentle nudge a week or so later; easy to ignore, easy to answer."""
    manager, role, company, you, to = (clean_name(v) for v in (manager_name, role, company, your_name, to))
    _validate({"manager_name": manager, "role": role, "company": company, "your_name": you, "to": to})
    where = f" at {company}" if company else ""
    subject = f"Following up: {role or 'my application'}{where}"
    body = "\n".join(
        [
            f"Hi {manager}," if manager else "Hello,",
            "",
            "I know things get busy, so just a short follow-up on my note from last week. "
            "If you have a moment for a line or two of feedback, I'd really value it. "
            "If not, no worries at all, and thank you again for considering me.",
            "",
            "Kind regards,",
            *([you] if you else []),
        ]
    )
    return RequestMessage(subject=subject, body=body, to=to)


def mailto_url(message: RequestMessage) -> str:
    """RFC 6068: percent-encoded UTF-8, spaces as %20 (not +), line breaks as %0D%0A."""

    def enc(text: str) -> str:
        return quote(text.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")

    to = quote(message.to, safe="@") if message.to else ""
    return f"mailto:{to}?subject={enc(message.subject)}&body={enc(message.body)}"
