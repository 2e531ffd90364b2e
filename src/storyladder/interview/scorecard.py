"""How a session went: levels reached, dimensions, behaviours, recurring flags, the strongest
and weakest moments in the candidate's own words, and three things to practise next."""

from __future__ import annotations

import statistics
from collections import Counter
from typing import TYPE_CHECKING, Any

from storyladder import taxonomy
from storyladder.model import LEVELS

if TYPE_CHECKING:
    from storyladder.interview.session import Session, Turn

UNIFORM_CV = 0.12
QUOTE = 220


def _quote(turn: Turn) -> str:
    text = " ".join(turn.text.split())
    return text if len(text) <= QUOTE else text[: QUOTE - 3].rstrip() + "..."


def _levels(session: Session) -> dict[str, str | None]:
    """Per story, the highest ladder level whose answer held."""
    reached: dict[str, str | None] = {}
    for turn in session.answers:
        if not turn.story_id or not turn.level:
            continue
        reached.setdefault(turn.story_id, None)
        judged = turn.level_judged
        if judged is None or judged["met"]:  # a first question: the surface, told
            current = reached[turn.story_id]
            if current is None or LEVELS.index(turn.level) > LEVELS.index(current):
                reached[turn.story_id] = turn.level
    return reached


def scorecard(session: Session) -> dict[str, Any]:
    answers = [t for t in session.answers if t.critique]
    tax = taxonomy.load()
    if not answers:
        return {"answers": 0, "practise": ["Answer at least one question to get a scorecard."]}
    dims: dict[str, list[int]] = {}
    for t in answers:
        for dim, value in (t.critique or {})["scores"].items():
            dims.setdefault(dim, []).append(value)
    flags = Counter(f for t in answers for f in (t.critique or {})["flags"])
    signals = Counter(s for t in answers for s in t.signals)
    words = [(t.critique or {})["words"] for t in answers]
    if len(words) >= 4 and statistics.pstdev(words) / statistics.mean(words) < UNIFORM_CV:
        signals["uniform_length"] += 1
    ranked = sorted(answers, key=lambda t: (t.critique or {})["scores"]["overall"])
    questions = {id(a): q for q, a in session.exchanges}
    card: dict[str, Any] = {
        "answers": len(answers),
        "seconds": round(sum(t.seconds or 0.0 for t in answers), 1),
        "levels": _levels(session),
        "dimensions": {d: round(statistics.mean(v)) for d, v in dims.items()},
        "recurring_flags": {f: n for f, n in flags.most_common() if n >= 2},
        "signals": dict(signals),
        "pushback": [
            s
            for t in answers
            for s in t.signals
            if s in ("updates", "holds", "defensive", "collapse")
        ],
        "strongest": _moment(ranked[-1], questions),
        "weakest": _moment(ranked[0], questions),
    }
    if session.company == "anthropic":
        shown = Counter(b for t in answers for b in (t.critique or {})["behaviours"])
        card["behaviours"] = {b.id: round(shown[b.id] / len(answers), 2) for b in tax.behaviours}
    card["practise"] = _practise(card, tax)
    return card


def _moment(turn: Turn, questions: dict[int, str]) -> dict[str, Any]:
    return {
        "question": questions.get(id(turn), ""),
        "quote": _quote(turn),
        "score": (turn.critique or {})["scores"]["overall"],
    }


def _practise(card: dict[str, Any], tax: taxonomy.Taxonomy) -> list[str]:
    """Three concrete things to practise next, most important first."""
    out: list[str] = []
    signals = card["signals"]
    if signals.get("deflection"):
        out.append(
            "You steered back to your prepared story when the question came from a new "
            "angle. Run 'storyladder drill ninety_degree' and answer only what is asked."
        )
    if signals.get("defensive") or signals.get("collapse"):
        out.append(
            "Under push-back you defended or gave in without a reason. Run 'storyladder "
            "drill critic': either update and say what changes, or hold with evidence."
        )
    for flag_id in card["recurring_flags"]:
        info = tax.flag(flag_id)
        out.append(
            f"'{info.name}' came up {card['recurring_flags'][flag_id]} times. "
            f"Before your next session, answer for each story: {info.advice}"
        )
    for story_id, level in card["levels"].items():
        index = LEVELS.index(level) + 1 if level else 0
        if index < len(LEVELS):
            nxt = tax.level(LEVELS[index])
            out.append(
                f"'{story_id}' held to {level or 'no level'}; write its "
                f"{nxt.name.lower()} answer: {nxt.probe}"
            )
    if signals.get("uniform_length"):
        out.append(
            "Every answer ran the same length. Practise a 60-second version and a "
            "4-minute version of the same story."
        )
    behaviours = card.get("behaviours", {})
    for b in tax.behaviours:
        if behaviours and behaviours.get(b.id, 0) == 0:
            out.append(f"No answer showed '{b.name}'. {b.description}")
    if not out:
        out.append("Strong session. Run a mock for another company to test other stories.")
    return out[:3]
