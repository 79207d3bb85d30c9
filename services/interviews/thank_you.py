"""The thank-you note after an interview: a short, warm message from a template.

Pure text work (like the feedback request), so odd names are easy to test: accents,
emoji and quotes go through exactly as typed; control characters and line breaks in
a name are flattened to spaces so a name can't break the message's layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from models.interview import NAME_MAX
from models.interview_after import TOPIC_MAX
from models.shapes import one_line
from services.errors import ValidationError


@dataclass(frozen=True)
class ThankYouNote:
    subject: str
    body: str
    to: str = ""  # an email address, when known

    @property
    def text(self) -> str:
        """What goes on the clipboard: subject line, blank line, body."""
        return f"Subject: {self.subject}\n\n{self.body}"


def render_thank_you(
    *, interviewer: str = "", role: str = "", company: str = "", topic: str = "", your_name: str = "",
    when: str = "today",
) -> ThankYouNote:
    """The note, filled in; any part left blank reads naturally without it.

    `when` says when you spoke ("today", "yesterday", "on Monday").
    """
    name, role, company, topic, you, when = (
        one_line(v) for v in (interviewer, role, company, topic, your_name, when)
    )
    limits = {"interviewer": (name, NAME_MAX), "role": (role, NAME_MAX), "company": (company, NAME_MAX),
              "topic": (topic, TOPIC_MAX), "your_name": (you, NAME_MAX)}
    errors = {k: f"Please keep this under {limit} characters." for k, (v, limit) in limits.items() if len(v) > limit}
    if errors:
        raise ValidationError(errors)
    the_role = f"the {role} role" if role else "the role"
    where = f" at {company}" if company else ""
    subject = f"Thank you for the conversation about {the_role}{where}"
    liked = (
        f"I especially enjoyed talking about {topic}, and it left me even keener on the role."
        if topic
        else "I enjoyed learning more about the team and the work, and it left me even keener on the role."
    )
    body = "\n".join(
        [
            f"Hi {name}," if name else "Hello,",
            "",
            f"Thank you for taking the time to speak with me {when} about {the_role}{where}. {liked}",
            "",
            "If anything else would help from my side, I'd be glad to share it.",
            "",
            "Best wishes,",
            *([you] if you else []),
        ]
    )
    return ThankYouNote(subject=subject, body=body)


def mailto_url(note: ThankYouNote) -> str:
    """RFC 6068: percent-encoded UTF-8, spaces as %20 (not +), line breaks as %0D%0A."""

    def enc(text: str) -> str:
        return quote(text.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")

    to = quote(note.to, safe="@") if note.to else ""
    return f"mailto:{to}?subject={enc(note.subject)}&body={enc(note.body)}"
