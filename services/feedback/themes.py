"""Feedback themes: what a piece of feedback usually means and what to do about it.

The six themes and their guides come from the product brief, in our own words.
`suggest_theme` reads pasted feedback with simple keyword rules; it only
suggests, the user always decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EXPERIENCE = "experience"
EXAMPLES = "examples"
CULTURE = "culture"
LEADERSHIP = "leadership"
SKILLS = "skills"
OTHER = "other"


@dataclass(frozen=True)
class ThemeGuide:
    key: str
    title: str  # how the theme reads in a list: "More direct experience wanted"
    short: str  # for counts: "3 of 5 mention examples"
    meaning: str  # what it usually means
    fixes: tuple[str, ...]  # two or three concrete next steps
    practice_questions: tuple[str, ...]  # interview questions worth rehearsing for it


GUIDES: dict[str, ThemeGuide] = {
    g.key: g
    for g in (
        ThemeGuide(
            EXPERIENCE,
            "More direct experience wanted",
            "experience",
            "They were looking for a background closer to this exact role. That says more about "
            "their shortlist than about what you can do.",
            (
                "Aim the next few applications at roles that sit closer to what you have already done.",
                "Rewrite your resume around the experience that transfers, and lead with it.",
                "Put numbers on your results (time saved, people helped, money brought in) so the fit is easy to see.",
            ),
            (
                "Tell me about a time you learned a new area quickly and delivered in it.",
                "Which of your past results is closest to what this role needs, and how did you get it?",
            ),
        ),
        ThemeGuide(
            EXAMPLES,
            "More specific examples wanted",
            "examples",
            "Your achievements didn't come through clearly in the conversation. The work is there; "
            "the telling of it can get sharper.",
            (
                "Prepare a handful of stories in the STAR shape: Situation, Task, Action, Result.",
                "Give each story a number or an outcome you can say out loud.",
                "Rehearse them aloud in Practice until they come without notes.",
            ),
            (
                "Tell me about an achievement you are proud of. What was the result?",
                "Describe a problem you solved, step by step.",
            ),
        ),
        ThemeGuide(
            CULTURE,
            "A closer match in ways of working wanted",
            "culture fit",
            "They sensed a difference in values or ways of working. Sometimes that is a real mismatch, "
            "which is worth knowing before you join, not after.",
            (
                "Write down the kinds of teams and workplaces where you did your best work.",
                "Research how a company works (reviews, talks, people you know) before you apply.",
                "In interviews, share how you like to work, and ask them how they do.",
            ),
            (
                "What kind of work environment helps you do your best work?",
                "Tell me about a time you adapted to a team that worked differently from you.",
            ),
        ),
        ThemeGuide(
            LEADERSHIP,
            "More signs of leadership wanted",
            "leadership",
            "They didn't see enough initiative or people skills for this level. Leadership is shown in "
            "small moments too, and those are easy to start collecting.",
            (
                "Take on a stretch project where you own the outcome.",
                "Mentor a colleague or a newcomer, and note what changed for them.",
                "Lead something small (a meeting, a volunteer group, a side project) and tell that story.",
            ),
            (
                "Tell me about a time you took the lead without being asked.",
                "Describe a time you helped someone else grow.",
            ),
        ),
        ThemeGuide(
            SKILLS,
            "A particular skill wanted",
            "a particular skill",
            "A specific skill or tool on their list didn't show up strongly enough. That is one of the "
            "most fixable kinds of feedback.",
            (
                "Name the exact skill and pick one small course, project or certificate for it.",
                "Show it in practice: a short project or write-up you can link to.",
                "Use the keyword check to make sure your resume says what you already know.",
            ),
            (
                "How do you go about learning a new tool or skill?",
                "Tell me about a time you had to get up to speed fast.",
            ),
        ),
        ThemeGuide(
            OTHER,
            "Something else",
            "something else",
            "Not every piece of feedback fits a box. Often a no comes down to budget, timing or who "
            "else was on the shortlist, none of which is about your worth.",
            (
                "Write down the one part of the feedback you can act on, if there is one.",
                "Let the rest go: things like timing and budget were never yours to control.",
            ),
            ("What did you learn from a setback, and what did you do next?",),
        ),
    )
}
THEME_KEYS: tuple[str, ...] = tuple(GUIDES)


def guide(theme: str | None) -> ThemeGuide | None:
    return GUIDES.get(theme) if theme else None


# Each rule: a pattern over lowercased text and its weight. Phrases that name the
# theme outright weigh more than words that only hint at it.
_RULES: dict[str, tuple[tuple[str, int], ...]] = {
    EXPERIENCE: (
        (
            r"\b(more|enough|direct|relevant|hands[- ]on|industry|prior|previous|sector|domain)\s+(\w+\s+)?experience\b",
            3,
        ),
        (r"\bexperience (in|with) (a |this )?(similar|comparable|same)\b", 3),
        (r"\b(closer|better|stronger) (fit|match)\b.{0,30}\b(background|profile|experience)\b", 2),
        (r"\b(background|profile)\b.{0,40}\b(close|closer|match|matched|align\w*|relevant)\b", 2),
        (r"\bbackground\b", 1),
        (r"\b(more senior|more seniority|years of experience|too junior)\b", 2),
        (r"\bexperience\b", 1),
    ),
    EXAMPLES: (
        (r"\b(specific|concrete|real|clear|detailed|tangible) (examples?|instances?|stories)\b", 4),
        (r"\bexamples?\b", 2),
        (r"\b(too )?(general|generic|vague|high[- ]level|abstract)\b", 2),
        (r"\bstar\b|\bsituation, task\b", 3),
        (r"\b(measurable|quantif\w*|metrics?|numbers|outcomes?|results?|impact)\b", 1),
        (r"\bdepth\b|\bdetail\b", 1),
    ),
    CULTURE: (
        (r"\bcultur(e|al)[- ]?(fit|add|match)?\b", 4),
        (r"\b(values?|working style|ways? of working|team dynamics?|personality)\b", 2),
        (r"\b(fit|fits) (in|with) (the|our) (team|company|environment)\b", 3),
        (r"\b(not the right fit|not a good fit|wasn'?t the right fit|not quite the right fit)\b", 1),
        (r"\b(environment|pace|startup|collaborative)\b", 1),
    ),
    LEADERSHIP: (
        (r"\bleader(ship)?\b", 4),
        (r"\b(led|lead|leading|managed|managing|manage) (a |the )?(team|people|projects?|others)\b", 3),
        (r"\b(initiative|ownership|mentor\w*|people management|stakeholders?)\b", 2),
        (r"\b(influence|drive|drove|strategic|vision)\b", 1),
    ),
    SKILLS: (
        (r"\bskills?[- ]?(gap|set)?\b", 2),
        (r"\b(technical|tooling|proficien\w*|certifi\w*|qualifications?)\b", 2),
        (r"\b(knowledge of|familiar(ity)? with|expertise in|hands[- ]on with)\b", 2),
        (r"\b(python|java|sql|excel|salesforce|aws|cloud|kubernetes|figma|react|tableau|sap)\b", 2),
        (r"\b(assessment|take[- ]home|coding (test|challenge|exercise)|case study)\b", 1),
    ),
}
_COMPILED = {theme: tuple((re.compile(p), w) for p, w in rules) for theme, rules in _RULES.items()}


@dataclass(frozen=True)
class ThemeSuggestion:
    theme: str
    because: tuple[str, ...]  # the words that matched, to show why


def suggest_theme(text: str) -> ThemeSuggestion | None:
    """The theme whose keywords weigh most in `text`, or None when nothing stands out."""
    lowered = " ".join((text or "").lower().split())
    if not lowered:
        return None
    best: tuple[int, int, str, tuple[str, ...]] | None = None
    for order, (theme, rules) in enumerate(_COMPILED.items()):
        score, found = 0, []
        for pattern, weight in rules:
            for m in pattern.finditer(lowered):
                score += weight
                if m.group(0) not in found:
                    found.append(m.group(0))
        # Ties go to the theme listed first (more specific themes come first).
        if score and (best is None or (score, -order) > (best[0], best[1])):
            best = (score, -order, theme, tuple(found))
    if best is None or best[0] < 2:
        return None
    return ThemeSuggestion(best[2], best[3])
