"""The interviewer as a state machine: start a session, feed it answers, get the next turn.

    start(...) -> Session           the first interviewer turn is already in it
    answer(session, text, ...) -> Session
    skip(session) -> Session        move on without an answer

No I/O and no clock: the caller passes the stories, the time and how long the
answer took. The CLI, the web app and the MCP server all drive this one engine.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from importlib import resources
from typing import Any

import yaml

from storyladder import taxonomy
from storyladder.coach.critique import critique
from storyladder.coach.probes import candidates, fill, grounding
from storyladder.coach.question import classify
from storyladder.coach.reading import Reading
from storyladder.errors import InputError
from storyladder.interview import plan as planning
from storyladder.interview.listen import listen
from storyladder.interview.scorecard import scorecard
from storyladder.interview.session import Session, Step, Turn
from storyladder.interview.which_story import which_story
from storyladder.model import SECTIONS, Story

_PLACEHOLDER = re.compile(r"{(\w+)}")
MAX_SECONDS = 3 * 3600  # the longest an answer can have taken
NEW_STORY = "new:"  # story id prefix of a story told in a mock that is not in the bank


@cache
def lines() -> dict[str, Any]:
    text = resources.files("storyladder.content").joinpath("interview.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def start(
    session_id: str,
    mode: str,
    stories: Sequence[Story],
    now: str,
    company: str = "generic",
    story_id: str | None = None,
    drill: str | None = None,
    question: str | None = None,
    minutes: int = 45,
    seed: int = 0,
) -> Session:
    """A new session with its plan and the interviewer's first turn."""
    taxonomy.load().company(company)  # KeyError names the allowed ones
    story = _story(stories, story_id) if story_id else None
    if mode == "ladder":
        if story is None:
            raise InputError("a ladder climb needs a story id")
        steps = planning.ladder(story, seed)
    elif mode == "drill":
        steps = planning.drill(drill or "", story, question, seed)
    elif mode == "mock":
        steps = planning.mock(company, stories, minutes, seed)
    else:
        raise InputError(f"unknown mode '{mode}'; allowed: ladder, drill, mock")
    session = Session(
        id=session_id,
        mode=mode,
        company=company,
        created_at=now,
        seed=seed,
        drill=drill,
        story_id=story_id,
        question=question,
        plan=tuple(steps),
    )
    opener = lines()["opener"].get(company) if mode == "mock" else None
    return _ask_next(session, stories, preface=opener)


def answer(
    session: Session, text: str, stories: Sequence[Story], seconds: float | None = None
) -> Session:
    """Record the candidate's answer, listen to it, and ask the next question (or close)."""
    if session.status != "active":
        raise InputError(f"session {session.id} is finished")
    if not text.strip():
        raise InputError("the answer is empty; use skip to move on")
    if seconds is not None and not (math.isfinite(seconds) and 0 <= seconds <= MAX_SECONDS):
        raise InputError(f"seconds must be a number from 0 to {MAX_SECONDS:,}, not {seconds}")
    asked = session.last_question
    assert asked is not None
    heard_story: tuple[str, ...] = ()
    if session.mode == "mock" and asked.kind == "question" and asked.story_id:
        session, asked, heard_story = _follow_the_story(session, asked, text, stories)
    story = _bank_story(stories, asked.story_id)
    level = asked.level if asked.kind != "question" else None
    result = critique(
        text,
        question=asked.text if level else _question_of(session),
        company=session.company,
        level=level,
        story=story,
    )
    heard = listen(text, asked.kind, asked.drill, asked.text, story.text if story else "")
    turn = Turn(
        "candidate",
        text,
        kind=asked.kind,
        level=asked.level,
        drill=asked.drill,
        story_id=asked.story_id,
        critique=_summary(result.to_dict()),
        signals=heard_story + heard,
        seconds=seconds,
    )
    session = session.evolve(turns=session.turns + (turn,))
    session = _maybe_press(session, turn)
    return _ask_next(session, stories)


def skip(session: Session, stories: Sequence[Story]) -> Session:
    """Move on without answering (the skipped question stays in the transcript).

    Skipping a question drops its follow-ups too: they would dig into an answer that
    was never given."""
    if session.status != "active":
        raise InputError(f"session {session.id} is finished")
    asked = session.last_question
    if asked is not None and asked.kind == "question":
        rest = list(session.plan[session.cursor :])
        while rest and rest[0].kind != "question" and rest[0].story_id == asked.story_id:
            rest.pop(0)
        session = session.evolve(plan=session.plan[: session.cursor] + tuple(rest))
    return _ask_next(session, stories)


def draft_from(session: Session, index: int) -> Story:
    """A draft story from a story told on the spot: the answer's sentences sorted into
    STAR-L parts by the coach's reading, the follow-ups it got as its ladder answers. Only
    the candidate's words; the title is the question they answered."""
    asked, told = session.exchanges[index]
    ladder = {
        t.level: t.text
        for t in session.answers
        if t.story_id == told.story_id and t.level and t.kind != "question"
    }
    title = f"Draft from a mock: {asked.rstrip('?.') or 'a story told on the spot'}"
    return draft_story(asked, told.text, title, f"draft-{session.id}-{index + 1}", ladder)


def draft_story(
    question: str | None, answer: str, title: str, story_id: str, ladder: dict[str, str]
) -> Story:
    """A story in the candidate's own words only: the answer's sentences sorted into STAR-L
    parts by the coach's reading (a mock's new story, an interview's debrief)."""
    reading = Reading(answer, classify(question or None))
    part = {name: " ".join(s.text for s in reading.of(name)) for name in SECTIONS}
    return Story(
        title=title[:120],
        id=story_id,
        situation=part["situation"] or answer,
        task=part["task"],
        action=part["action"],
        result=part["result"],
        learning=part["learning"],
        ladder=ladder,
    )


def finish(session: Session) -> Session:
    """Close the session early (for /quit with a scorecard) or when the plan runs out."""
    closing = Turn("interviewer", lines()["closing"], kind="closing")
    return session.evolve(
        status="done", turns=session.turns + (closing,), scorecard=scorecard(session)
    )


# -- internals -----------------------------------------------------------------------


def _bank_story(stories: Sequence[Story], story_id: str | None) -> Story | None:
    """The bank story a step is about; None for no story or one told on the spot."""
    if not story_id or story_id.startswith(NEW_STORY):
        return None
    return _story(stories, story_id)


def _follow_the_story(
    session: Session, asked: Turn, text: str, stories: Sequence[Story]
) -> tuple[Session, Turn, tuple[str, ...]]:
    """In a mock the candidate picks the story: if the answer tells another story of the
    bank, or a new one, this question's follow-ups are about that story."""
    told = which_story(text, stories).story_id
    if told == asked.story_id:
        return session, asked, ()
    heard: tuple[str, ...] = ()
    if told is None:
        told = f"{NEW_STORY}{len(session.answers) + 1}"
        heard = ("new_story",)
    plan = list(session.plan)
    i = session.cursor
    while i < len(plan) and plan[i].kind != "question" and plan[i].story_id == asked.story_id:
        plan[i] = replace(plan[i], story_id=told)
        i += 1
    asked = replace(asked, story_id=told)
    turns = session.turns[:-1] + (asked,)
    return session.evolve(plan=tuple(plan), turns=turns), asked, heard


def _story(stories: Sequence[Story], story_id: str | None) -> Story:
    for s in stories:
        if s.id == story_id:
            return s
    raise InputError(f"no story with id '{story_id}' in the bank")


def _question_of(session: Session) -> str | None:
    """The question this part of the session is answering (for the critique's framing)."""
    for turn in reversed(session.turns):
        if turn.role == "interviewer" and turn.kind == "question":
            return turn.text
    return session.question


def _summary(data: dict[str, Any]) -> dict[str, Any]:
    """What a transcript keeps of a critique: enough to score, not the whole sentence list.

    A follow-up answer was critiqued at its ladder level: its flags are the ones that
    level asks about and its overall score is the level judge's (coach/critique.py)."""
    out = {
        "words": data["words"],
        "seconds": data["seconds"],
        "scores": dict(data["scores"]),
        "flags": [f["id"] for f in data["flags"]],
        "behaviours": [b["id"] for b in data["behaviours"] if b["shown"]],
        "principles": [p["id"] for p in data["principles"] if p["shown"]],
    }
    if "level" in data:
        out["level"] = {k: data["level"][k] for k in ("id", "met", "score", "missing")}
        out["level"]["evidence"] = [e["text"] for e in data["level"]["evidence"]][:3]
    shown = [b for b in data["behaviours"] if b["shown"]]
    if shown:
        out["behaviour_evidence"] = {
            b["id"]: b["evidence"][0]["text"] for b in shown if b.get("evidence")
        }
    return out


def _maybe_press(session: Session, turn: Turn) -> Session:
    """Press once on a ladder level the answer did not reach, as a real interviewer would."""
    if turn.kind not in ("question", "probe") or not turn.level or turn.level == "surface":
        return session
    pressed = any(
        t.kind == "press" and t.level == turn.level and t.role == "interviewer"
        for t in session.turns
    )
    judged = turn.level_judged
    if pressed or judged is None or judged["met"]:
        return session
    step = Step("press", turn.level, story_id=turn.story_id)
    plan = session.plan[: session.cursor] + (step,) + session.plan[session.cursor :]
    return session.evolve(plan=plan)


def _ask_next(session: Session, stories: Sequence[Story], preface: str | None = None) -> Session:
    if session.cursor >= len(session.plan):
        return finish(session)
    step = session.plan[session.cursor]
    text = _say(session, step, stories)
    if preface:
        text = f"{preface}\n\n{text}"
    turn = Turn(
        "interviewer",
        text,
        kind=step.kind,
        level=step.level,
        drill=step.drill,
        story_id=step.story_id,
    )
    return session.evolve(cursor=session.cursor + 1, turns=session.turns + (turn,))


def _say(session: Session, step: Step, stories: Sequence[Story]) -> str:
    """The interviewer's words for a step, grounded in the candidate's last answer."""
    if step.kind == "question":
        return step.question or ""
    last = session.answers[-1].text if session.answers else ""
    story = _bank_story(stories, step.story_id)
    reading = Reading(last or (story.text if story else ""), classify(None))
    values = grounding(reading, step.level or "meta_reflection")
    if story is not None:
        values.setdefault("title", story.title)
    if step.kind == "probe" and step.level:
        options = candidates(reading, step.level)
    elif step.kind == "press" and step.level:
        options = fill(lines()["press"][step.level], values)
    elif step.kind == "pushback":
        options = fill(lines()["pushback"], values)
    else:
        tax = taxonomy.load()
        spec = next(d for d in tax.drills + tax.probes if d.id == step.drill)
        options = fill(list(spec.probes), values)
    return _choose(options, session)


def _opener(text: str) -> str:
    return " ".join(text.lower().split()[:2])


def _choose(options: list[tuple[str, str]], session: Session) -> str:
    """A grounded phrasing not yet used in this session, never opening the way the last
    question did; a seeded pick among equals, so sessions vary but replay the same."""
    asked = [t.text for t in session.turns if t.role == "interviewer"]
    spoken = [_template_of(t, options) for t in asked]
    last = _opener(asked[-1]) if asked else ""
    fresh = [(t, q) for t, q in options if t not in spoken and q not in asked]
    varied = [(t, q) for t, q in fresh if _opener(q) != last] or fresh or options
    grounded = [q for t, q in varied if _PLACEHOLDER.search(t)] or [q for _, q in varied]
    rng = random.Random(f"{session.seed}:{session.cursor}")
    return rng.choice(grounded[:2])


def _template_of(text: str, options: list[tuple[str, str]]) -> str | None:
    """Which of the templates an earlier question was made from, if any."""
    for template, _ in options:
        pattern = _PLACEHOLDER.sub(
            ".+", re.escape(template).replace(r"\{", "{").replace(r"\}", "}")
        )
        if re.fullmatch(pattern, text, re.DOTALL):
            return template
    return None
