"""Bringing data in and taking it out: our own export, Daylio, Anki decks, spreadsheets of applications.

Not imported at start-up: Settings' import screen and the command line load it
when they need it.
"""

from services.transfer.dates import DAY_FIRST, MONTH_FIRST, ORDERS
from services.transfer.export import FORMAT_VERSION, Exported
from services.transfer.options import Needs, Options
from services.transfer.problems import FileProblem
from services.transfer.report import Line, Report, noun
from services.transfer.service import Preview, TransferService
from services.transfer.source import KINDS, MAX_BYTES, Source
from services.transfer.tracker import FIELDS, SKIP, STATUS_WORDS

__all__ = [
    "DAY_FIRST",
    "FIELDS",
    "FORMAT_VERSION",
    "KINDS",
    "MAX_BYTES",
    "MONTH_FIRST",
    "ORDERS",
    "SKIP",
    "STATUS_WORDS",
    "Exported",
    "FileProblem",
    "Line",
    "Needs",
    "Options",
    "Preview",
    "Report",
    "Source",
    "TransferService",
    "noun",
]
