"""How a session went, told so that every line agrees with the others: each follow-up's
level judgment with the candidate's words that earned it, the level each story held to,
dimensions, the four Anthropic behaviours (named, explained, credited with a quote when
shown), push-back outcomes with the answer behind each, recurring flags, the strongest and
weakest answers (ranked by how well each met its own level, never across scales), and
three things to practise that follow from the above."""

from __future__ import annotations

import statistics
from collections import Counter
from typing import TYPE_CHECKING, Any

from storyladder import taxonomy
from storyladder.coach.levels import judge_level
from storyladder.interview.pushback import OUTCOMES
from storyladder.model import LEVELS

if TYPE_CHECKING:
    from storyladder.interview.session import Session, Turn

UNIFORM_CV = 0.12
QUOTE = 220


def _quote(turn: Turn) -> str:
    text = " ".join(turn.text.split())
    return text if len(text) <= QUOTE else text[: QUOTE - 3].rstrip() + "..."


def _judged(turn: Turn) -> tuple[bool, int]:
    """Did an answer meet its own level, and how well (0-100): the level judge's reading of
    a follow-up; for an opening answer, whether it tells one episode (the surface level)."""
    judged = turn.level_judged
    if judged is not None:
        return bool(judged["met"]), int(judged["score"])
    surface = judge_level(turn.text, "surface")
    return surface.met, surface.score


Judged = dict[int, tuple[bool, int]]  # id of an answer turn -> (met its level, score)


def _judgments(session: Session) -> list[dict[str, Any]]:
    out = []
    for turn in session.answers:
        judged = turn.level_judged
        if judged is None:
            continue
        out.append(
            {
                "story_id": turn.story_id,
                "level": turn.level,
                "met": judged["met"],
                "score": judged["score"],
                "evidence": judged.get("evidence", []),
                "missing": None if judged["met"] else judged.get("missing"),
                "quote": _quote(turn),
            }
        )
    return out


def _levels(session: Session, judged: Judged) -> dict[str, str | None]:
    """Per story, the deepest level it held to: every level asked up to it was met (by the
    answer or by the answer to the press that followed), none skipped over a miss."""
    met: dict[str, dict[str, bool]] = {}
    for turn in session.answers:
        if not turn.story_id or not turn.level:
            continue
        levels = met.setdefault(turn.story_id, {})
        levels[turn.level] = levels.get(turn.level, False) or judged[id(turn)][0]
    reached: dict[str, str | None] = {}
    for story_id, levels in met.items():
        reached[story_id] = None
        for level in (lv for lv in LEVELS if lv in levels):
            if not levels[level]:
                break
            reached[story_id] = level
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
    judged = {id(t): _judged(t) for t in session.answers}  # each answer judged once
    ranked = sorted(answers, key=lambda t: judged[id(t)][1])
    questions = {id(a): q for q, a in session.exchanges}
    card: dict[str, Any] = {
        "answers": len(answers),
        "seconds": round(sum(t.seconds or 0.0 for t in answers), 1),
        "levels": _levels(session, judged),
        "judgments": _judgments(session),
        "dimensions": {d: round(statistics.mean(v)) for d, v in dims.items()},
        "recurring_flags": {f: n for f, n in flags.most_common() if n >= 2},
        "signals": dict(signals),
        "pushback": [
            {"outcome": s, "quote": _quote(t), "question": questions.get(id(t), "")}
            for t in answers
            for s in t.signals
            if s in OUTCOMES
        ],
        "strongest": _moment(ranked[-1], questions, judged),
        "weakest": _moment(ranked[0], questions, judged),
    }
    if session.company == "anthropic":
        card["behaviours"] = _behaviours(answers, tax)
    card["practise"] = _practise(card, tax)
    return card


def _behaviours(answers: list[Turn], tax: taxonomy.Taxonomy) -> list[dict[str, Any]]:
    """The four behaviours, each named and explained in a line, with the share of answers
    that showed it and the candidate's words from the first one that did."""
    out = []
    for b in tax.behaviours:
        showing = [t for t in answers if b.id in (t.critique or {})["behaviours"]]
        evidence = next(
            (
                (t.critique or {}).get("behaviour_evidence", {}).get(b.id)
                for t in showing
                if (t.critique or {}).get("behaviour_evidence", {}).get(b.id)
            ),
            None,
        )
        out.append(
            {
                "id": b.id,
                "name": b.name,
                "what": b.description,
                "shown": round(len(showing) / len(answers), 2),
                "evidence": evidence,
            }
        )
    return out


def _moment(turn: Turn, questions: dict[int, str], judged: Judged) -> dict[str, Any]:
    return {
        "question": questions.get(id(turn), ""),
        "quote": _quote(turn),
        # the level it was judged at: its own, or the surface (see _judged)
        "level": turn.level if turn.level_judged is not None else "surface",
        "score": judged[id(turn)][1],
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
    for taken in card["pushback"]:
        if taken["outcome"] in ("defensive", "collapse"):
            how = "kept your view" if taken["outcome"] == "defensive" else "gave way"
            out.append(
                f'Under push-back you {how} without a reason ("{taken["quote"]}"). Run '
                "'storyladder drill critic': either take the point and say what changes, "
                "or hold it with the fact that decides it."
            )
            break
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
    for b in card.get("behaviours", []):
        if b["shown"] == 0:
            out.append(f"No answer showed '{b['name']}'. {b['what']}")
    if not out:
        out.append("Strong session. Run a mock for another company to test other stories.")
    return out[:3]
