"""Loop Habit Tracker's habit score, transliterated for tests (an independent reference).

From iSoron/uhabits, uhabits-core: `Score.compute` (models/Score.kt) and
`ScoreList.recompute` (models/ScoreList.kt), boolean and numerical "at least"
habits. Loop walks a habit's entries from the oldest day to the newest; this
does the same over a plain list. It knows nothing about Bounceback's code.
"""

from __future__ import annotations

# Entry values (uhabits-core models/Entry.kt).
NO, YES_AUTO, YES_MANUAL, SKIP = 0, 1, 2, 3


def compute(frequency: float, previous_score: float, checkmark_value: float) -> float:
    """Score.compute."""
    multiplier = 0.5 ** (frequency**0.5 / 13.0)
    return previous_score * multiplier + checkmark_value * (1 - multiplier)


def recompute(
    values: list[int], *, numerator: int = 1, denominator: int = 1, numerical: bool = False, target: float = 0.0
) -> list[float]:
    """ScoreList.recompute: the score after each day, oldest day first.

    Boolean habits take NO / YES_MANUAL / SKIP; numerical ones take the day's
    amount times 1000 (Loop stores numbers that way) or SKIP.
    """
    frequency = numerator / denominator
    if not numerical and frequency < 1.0:
        # Loop doubles both for non-daily boolean habits, to smooth irregular weeks.
        numerator, denominator = numerator * 2, denominator * 2
    rolling_sum = 0.0
    previous = 0.0
    scores = []
    for i, value in enumerate(values):
        older = i - denominator  # the day that just left the rolling window
        if numerical:
            rolling_sum += max(0, value)
            if older >= 0:
                rolling_sum -= max(0, values[older])
            if value != SKIP:
                normalized = rolling_sum / 1000
                done = min(1.0, normalized / target) if target > 0 else 1.0
                previous = compute(frequency, previous, done)
        else:
            if value == YES_MANUAL:
                rolling_sum += 1.0
            if older >= 0 and values[older] == YES_MANUAL:
                rolling_sum -= 1.0
            if value != SKIP:
                previous = compute(frequency, previous, min(1.0, rolling_sum / numerator))
        scores.append(previous)
    return scores
