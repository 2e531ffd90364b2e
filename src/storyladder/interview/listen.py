"""What the interviewer hears beyond one answer's critique: deflection, how the candidate
takes push-back, admitted uncertainty.
"""

from __future__ import annotations

import re

from storyladder.coach import flags as f
from storyladder.coach import lexicon as lx
from storyladder.coach import signals as s
from storyladder.coach.match import terms
from storyladder.coach.text import find, phrases

DEFLECTION_PROBES = ("ninety_degree", "critic", "alternative_path", "values_conflict", "pushback")
ENGAGED = 0.2  # share of the probe's new angle an answer must take up
ON_SCRIPT = 0.5  # share of an answer's words that come from the prepared story

_CONCEDE = phrases(
    lx.OWNING,
    lx.HINDSIGHT,
    r"you(?:'re| are) (?:right|probably right|not wrong)",
    r"fair (?:point|enough|question)?",
    r"I agree",
    r"that'?s (?:true|fair|a good point)",
    r"good point",
    r"(?:that|it) was (?:a mistake|the wrong call)",
    r"point taken",
)
_HOLD = phrases(
    r"I(?:'d| would) (?:still|make the same|do it again)",
    r"I stand by",
    r"I (?:still )?disagree",
    r"I don'?t think (?:it was|that was|that's|so)",
    r"I(?:'d| would) push back",
    r"I(?:'m| am) not sure (?:that'?s|I agree)",
    r"not quite",
    r"(?:the|my) reason (?:was|is)",
    r"I still think",
)
_DEFENSIVE = phrases(
    r"that'?s not fair",
    r"you don'?t understand",
    r"with (?:all due )?respect",
    r"I had no choice",
    r"anyone would have",
    r"it wasn'?t (?:my|a) (?:fault|mistake)",
    r"that'?s not what happened",
    r"I already (?:said|told|explained)",
    r"that'?s (?:ridiculous|unfair|wrong)",
    r"not my fault",
)
_WOBBLE = phrases(
    r"I guess", r"maybe you'?re right", r"I don'?t know,? maybe", r"I suppose", r"sure"
)
_SUBSTANCE = re.compile(
    r"\d|\b(?:because|since|so that|the data|evidence|what I'd change|"
    r"instead|next time|now I|the reason)\b",
    re.IGNORECASE,
)


def deflection(answer: str, probe: str, story_text: str) -> bool:
    """Does the answer steer back to the prepared story instead of taking up the probe?"""
    if find(s._GAPS, answer):
        return False  # "I don't know, here is how I'd find out" engages
    if find(lx.CALLBACK, answer):
        return True
    said, asked, prepared = terms(answer), terms(probe), terms(story_text)
    new_angle = set(asked) - set(prepared)
    if not said or not prepared:
        return False
    engaged = len(set(said) & new_angle) / max(len(new_angle), 1)
    on_script = sum(n for t, n in said.items() if t in prepared) / sum(said.values())
    return engaged < ENGAGED and on_script > ON_SCRIPT


def pushback_response(answer: str) -> str:
    """How the candidate took push-back: updates, holds, defensive or collapse."""
    reasoned = bool(_SUBSTANCE.search(answer)) and len(answer.split()) >= 15
    defensive = find(_DEFENSIVE, answer) or find(f._BLAME, answer)
    if defensive and not find(_CONCEDE, answer):
        return "defensive"
    if find(_CONCEDE, answer):
        return "updates" if reasoned else "collapse"
    if find(_HOLD, answer):
        return "holds" if reasoned else "defensive"
    if find(_WOBBLE, answer) or len(answer.split()) < 12:
        return "collapse"
    return "holds" if reasoned else "defensive"


def listen(
    answer: str, step_kind: str | None, drill: str | None, probe: str, story_text: str
) -> tuple[str, ...]:
    """The session-level signals one answer gives."""
    heard: list[str] = []
    if find(s._GAPS, answer):
        heard.append("admits_uncertainty")
    if step_kind == "pushback" or drill == "critic":
        heard.append(pushback_response(answer))
    if (step_kind == "pushback" or drill in DEFLECTION_PROBES) and story_text:
        if deflection(answer, probe, story_text):
            heard.append("deflection")
    return tuple(heard)
