"""Resume vs. listing: which of the listing's keywords the resume doesn't mention.

Plain Python, no network: stop words out, a light suffix-stripping stemmer so
"managing" meets "management", and multi-word terms when the listing repeats
them ("stakeholder management" twice counts as one term).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.errors import ValidationError

MAX_TEXT_CHARS = 50_000  # about 20 pages: any real listing or resume fits

_STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because been before being
    below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
    during each either else etc even ever every few for from further get gets getting had hadn't has hasn't
    have haven't having he her here hers herself him himself his how i i'd i'll i'm i've if in into is isn't
    it it's its itself just let's like may me might more most must my myself need needs no nor not now of
    off often on once one only or other others our ours ourselves out over own per same shall she should
    shouldn't so some such than that that's the their theirs them themselves then there there's these they
    they'd they'll they're they've this those through to too under until up upon us very via was wasn't we
    we'd we'll we're we've were weren't what what's when where which while who who's whom why will with
    within without won't would wouldn't yet you you'd you'll you're you've your yours yourself yourselves
    e.g i.e eg ie vs
    """.split()
) | frozenset(
    # Words every listing uses: they say nothing about this particular job.
    """
    ability able across applicant applicants apply based benefits best bonus candidate candidates company
    day days degree description duties employer equal excellent experience experienced familiarity etc
    good great help ideal ideally include includes including join job key knowledge looking make new nice
    opportunity opportunities plus position preferred proven related required requirement requirements
    responsibilities responsibility role roles salary skill skills strong successful team teams understanding
    using well work working year years want wants will you'll we'll what's able
    advanced bring build building clear comfortable contribute deliver drive ensure hands-on
    maintain own partner passionate raw solid support turn write fast-paced dynamic
    """.split()
)

_CHUNK_BREAK = re.compile(r"[,;:!?()\[\]{}\"“”•·|\n\t*]|\.(?=\s|$)|\s[-–—]\s")
_TOKEN = re.compile(r"[^\W_][\w+#]*(?:[./\-'’][\w+#]+)*")  # letters in any script
_VOWEL = re.compile(r"[aeiouy]")
_NUMBER = re.compile(r"^[0-9][0-9.,/+%-]*$")


def stem(word: str) -> str:
    """A small stemmer: enough for "tests/testing/tested" and "manage/management"."""
    w = word.lower().replace("’", "'")
    if len(w) <= 3 or not w.isalpha():
        return w
    # Inflections.
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "shes", "ches", "xes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    elif w.endswith("ing") and len(w) >= 6 and _VOWEL.search(w[:-3]):
        w = w[:-3]
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
            w = w[:-1]  # planning -> plan
    elif w.endswith("ed") and len(w) >= 6 and _VOWEL.search(w[:-2]):
        w = w[:-2]
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
            w = w[:-1]
    # Derivations.
    for suffix, replacement in (("ization", "ize"), ("isation", "ize"), ("ation", "ate"), ("ment", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)] + replacement
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


@dataclass(frozen=True)
class _Token:
    stem: str
    text: str  # as written (first seen), to show "SQL" rather than "sql"


def _runs(text: str) -> list[list[_Token]]:
    """Runs of content words: stop words and punctuation end a run."""
    runs: list[list[_Token]] = []
    for chunk in _CHUNK_BREAK.split(text):
        run: list[_Token] = []
        lowered = chunk.lower()
        for m in _TOKEN.finditer(lowered):
            word = m.group(0).replace("’", "'")
            if word in _STOP_WORDS or _NUMBER.match(word) or len(word) < 2 and word not in ("c", "r"):
                if run:
                    runs.append(run)
                run = []
                continue
            run.append(_Token(stem(word), chunk[m.start() : m.end()]))
        if run:
            runs.append(run)
    return runs


@dataclass(frozen=True)
class Keyword:
    term: str  # as the listing writes it
    count: int  # how often the listing uses it
    in_resume: bool


@dataclass(frozen=True)
class KeywordCheck:
    keywords: tuple[Keyword, ...]  # the listing's significant terms, most used first

    @property
    def missing(self) -> tuple[Keyword, ...]:
        return tuple(k for k in self.keywords if not k.in_resume)

    @property
    def found(self) -> tuple[Keyword, ...]:
        return tuple(k for k in self.keywords if k.in_resume)


def _ngrams(runs: list[list[_Token]], n: int):
    for r, run in enumerate(runs):
        for i in range(len(run) - n + 1):
            yield tuple(t.stem for t in run[i : i + n]), (r, i), run[i : i + n]


def _listing_terms(runs: list[list[_Token]]) -> list[tuple[tuple[str, ...], str, int, int]]:
    """(stems, display text, count, first position) for each significant term."""
    kept: list[tuple[tuple[str, ...], str, int, int]] = []
    covered: set[tuple[int, int]] = set()  # (run, index) of words inside a kept phrase
    for n in (3, 2, 1):
        found: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        shown: dict[tuple[str, ...], str] = {}
        for key, pos, toks in _ngrams(runs, n):
            found.setdefault(key, []).append(pos)
            text = " ".join(t.text for t in toks)
            # Show the listing's own spelling; a lowercase one beats "Build" at a bullet's start.
            if key not in shown or (text.islower() and not shown[key].islower()):
                shown[key] = text
        for key, positions in found.items():
            if n > 1 and (len(positions) < 2 or len(set(key)) < n):
                continue  # a phrase is a term only when the listing repeats it
            spans = [{(r, i + k) for k in range(n)} for r, i in positions]
            outside = [span for span in spans if not span <= covered]
            if not outside:
                continue  # only ever seen inside a longer kept phrase
            first = min(positions)
            count = len(outside) if n == 1 else len(positions)
            kept.append((key, shown[key], count, first[0] * 10_000 + first[1]))
        for key, positions in found.items():
            if n > 1 and any(k[0] == key for k in kept):
                covered.update((r, i + k) for r, i in positions for k in range(n))
    return kept


def check_keywords(*, listing: str, resume: str, limit: int = 60) -> KeywordCheck:
    """The listing's keywords, most used first, each marked found or missing in the resume."""
    errors = {}
    if not (listing or "").strip():
        errors["listing"] = "Paste the job listing here."
    elif len(listing) > MAX_TEXT_CHARS:
        errors["listing"] = f"That's longer than we can check ({MAX_TEXT_CHARS:,} characters). Paste the main part."
    if not (resume or "").strip():
        errors["resume"] = "Paste your resume text here."
    elif len(resume) > MAX_TEXT_CHARS:
        errors["resume"] = f"That's longer than we can check ({MAX_TEXT_CHARS:,} characters). Paste the main part."
    if errors:
        raise ValidationError(errors)

    listing_runs = _runs(listing)
    resume_runs = _runs(resume)
    resume_grams = {key for n in (1, 2, 3) for key, _, _ in _ngrams(resume_runs, n)}
    resume_sentences = [{t.stem for t in run} for run in resume_runs]

    def in_resume(key: tuple[str, ...]) -> bool:
        # A phrase also counts when its words sit together in one resume line
        # ("managed stakeholders" covers "stakeholder management").
        return key in resume_grams or (len(key) > 1 and any(set(key) <= s for s in resume_sentences))

    terms = _listing_terms(listing_runs)
    terms.sort(key=lambda t: (-t[2], -len(t[0]), t[3]))
    keywords = []
    for key, text, count, _first in terms[:limit]:
        keywords.append(Keyword(text, count, in_resume(key)))
    return KeywordCheck(tuple(keywords))
