"""Let a configured model phrase the interviewer's next turn; the engine stays the judge.

The rule-based engine decides what to ask (level, drill, press, push-back) and
grounds it; the model only rephrases it, guarded, and any failure keeps the
engine's own words. Nothing here is needed when no model is configured.
"""

from __future__ import annotations

from dataclasses import replace

from storyladder.interview.session import Session
from storyladder.llm.helpers import interviewer_turn
from storyladder.llm.provider import Provider
from storyladder.llm.resilient import Outcome

VOICED = ("probe", "drill", "press", "pushback")


def voice(session: Session, provider: Provider | None, outcome: Outcome) -> Session:
    """The same session, its last interviewer turn phrased by the model when that works."""
    asked = session.last_question
    if provider is None or outcome.gave_up:
        return session  # no model, or it failed earlier in this session: the offline voice
    if asked is None or asked.kind not in VOICED or not session.answers:
        return session
    if session.turns[-1] is not asked:
        return session
    text = interviewer_turn(
        provider,
        asked.text,
        session.answers[-1].text,
        asked.level,
        asked.kind,
        session.company,
        outcome,
    )
    if text is None:
        return session
    turn = replace(asked, text=text, voice=provider.describe())
    return session.evolve(turns=session.turns[:-1] + (turn,))
