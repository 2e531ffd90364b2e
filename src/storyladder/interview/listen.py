"""What the interviewer hears beyond one answer's critique: deflection, how the candidate
takes push-back, admitted uncertainty.
"""

from __future__ import annotations

from storyladder.coach import signals as s
from storyladder.coach.text import find
from storyladder.interview.deflection import deflects
from storyladder.interview.pushback import taken

# The drills that ask from a new angle: an answer to them may steer back to the script.
RIGHT_ANGLE = ("ninety_degree", "critic", "alternative_path", "values_conflict", "feelings")


def listen(
    answer: str, step_kind: str | None, drill: str | None, probe: str, story_text: str
) -> tuple[str, ...]:
    """The session-level signals one answer gives."""
    heard: list[str] = []
    if find(s._GAPS, answer):
        heard.append("admits_uncertainty")
    if step_kind == "pushback" or drill == "critic":
        heard.append(taken(answer).outcome)
    if drill in RIGHT_ANGLE and deflects(answer, probe, story_text):
        heard.append("deflection")
    return tuple(heard)
