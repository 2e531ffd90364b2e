"""Critique one answer the way a values interviewer hears it: pure, deterministic, offline.

    critique(answer, question=None, company="generic") -> Critique

Every face (CLI, web, mock interviews, MCP) calls this one function. The scoring
rules are described in docs/coach.md.
"""

from __future__ import annotations

from storyladder import taxonomy
from storyladder.coach import flags as f
from storyladder.coach import lexicon as lx
from storyladder.coach import scoring, signals
from storyladder.coach.levels import LevelJudgment, judge_level
from storyladder.coach.probes import follow_ups
from storyladder.coach.question import classify
from storyladder.coach.reading import Reading
from storyladder.coach.text import check_length
from storyladder.errors import InputError
from storyladder.model import LEVELS, Check, Critique, Flag, Story

DIMENSIONS = ("structure", "specificity", "ownership", "reflection", "honesty", "results")


def critique(
    answer: str,
    question: str | None = None,
    company: str = "generic",
    wpm: int | None = None,
    level: str | None = None,
    story: Story | str | None = None,
) -> Critique:
    """What an experienced behavioral interviewer would notice in `answer`.

    With `level`, the answer is one follow-up on the ladder: it is judged by what that
    level tests (`levels.judge_level`, on `story` when given), only the flags the level
    asks about are raised, and its overall score is the level judgment's."""
    if not isinstance(answer, str) or not answer.strip():
        raise InputError("the answer is empty: there is nothing to critique")
    check_length(answer)
    tax = taxonomy.load()
    try:
        mode = tax.company(company)
    except KeyError as err:
        raise InputError(str(err.args[0])) from None
    wpm = tax.speaking_wpm if wpm is None else wpm
    if wpm < 60 or wpm > 300:
        raise InputError(f"a speaking rate of {wpm} words per minute is not plausible (60-300)")
    # the level judge checks the level id (InputError) before any reading is made
    judged = judge_level(answer, level, question, story) if level is not None else None
    reading = Reading(answer, classify(question), wpm=wpm)
    flag_list = flag_answer(reading)
    if judged is not None:
        flag_list = _for_level(flag_list, judged)
    flagged = {fl.id for fl in flag_list}
    scores = scoring.scores(reading, flagged, mode)
    if judged is not None:
        scores = _level_scores(scores, judged, flag_list)
    return Critique(
        answer=answer,
        question=question,
        family=reading.question.family,
        pattern=reading.question.pattern,
        company=mode.id,
        words=reading.words,
        seconds=reading.seconds,
        sentences=reading.sentences,
        components=reading.shares,
        checks=_checks(reading),
        flags=tuple(flag_list),
        scores=scores,
        follow_ups=follow_ups(reading, LEVELS[LEVELS.index(level) + 1 :] if level else LEVELS[1:]),
        principles=signals.principles(reading, flagged),
        behaviours=signals.behaviours(reading, flagged),
        level=judged,
    )


def flag_answer(r: Reading) -> list[Flag]:
    """Every flag the detectors raise on an answer already read (a non-answer raises only
    `non_answer`: the rest would be noise about words that answer nothing)."""
    tax = taxonomy.load()
    if f.gate(r) is not None:
        info = tax.flag("non_answer")
        return [Flag("non_answer", info.severity, tuple(f.non_answer(r) or ()), info.advice)]
    out = []
    for flag_id, detector in f.DETECTORS.items():
        evidence = detector(r)
        if evidence is None:
            continue
        info = tax.flag(flag_id)
        severity = info.severity
        if flag_id == "too_long" and r.seconds > f.limit("too_long", "severe_seconds"):
            severity = "high"
        out.append(Flag(flag_id, severity, tuple(evidence), info.advice))
    raised = {fl.id for fl in out}
    out = [fl for fl in out if not raised.intersection(tax.flag(fl.id).held_back_by)]
    if any(tax.flag(fl.id).absence for fl in out) and f.told_story_signs(r) >= tax.told_story_signs:
        out = [fl for fl in out if not tax.flag(fl.id).absence]  # a well-told answer
    return out


# A follow-up answer is one part of a story: the whole-answer dimensions are not its test.
WHOLE_ANSWER_SCORES = ("structure", "results")
REFLECTIVE_LEVELS = ("meta_reflection", "worldview")
LEVEL_FLAG_PENALTY = 4  # points off a level score per high-severity flag the level asks about


def _for_level(flags: list[Flag], judged: LevelJudgment) -> list[Flag]:
    """The flags a ladder level asks about; its own core flag only when the level is unmet,
    and no non-answer when the level judge, reading it on its story, heard an answer."""
    info = taxonomy.load().level(judged.level)
    asked = set(info.flags) | ({"non_answer"} if not judged.met else set())
    if judged.met and info.core_flag:
        asked.discard(info.core_flag)
    return [fl for fl in flags if fl.id in asked]


def _level_scores(
    scores: dict[str, int], judged: LevelJudgment, flags: list[Flag]
) -> dict[str, int]:
    out = {k: v for k, v in scores.items() if k not in WHOLE_ANSWER_SCORES}
    if judged.level in REFLECTIVE_LEVELS:
        out["reflection"] = judged.score  # what a reflective level tests is reflection
    else:
        out.pop("reflection", None)
    high = sum(1 for fl in flags if fl.severity == "high")
    out["overall"] = scoring.clamp(judged.score - LEVEL_FLAG_PENALTY * high)
    return out


def _checks(r: Reading) -> tuple[Check, ...]:
    """SPEC §1's self-check, with its numbers from flags.yaml (the flags read the same)."""
    situation = r.shares["situation"]["seconds"]
    aim = f.limit("situation_too_long", "aim_seconds")
    most_i = f.limit("we_not_i", "i_subjects")
    least_numbers = f.limit("no_numbers", "numbers")
    i_count = len(r.find(lx.I_SUBJECT))
    numbers = len(r.quantities)
    rationale = f.no_alternatives(r) is None if r.story else bool(r.find(lx.REASON))
    lesson = bool(r.find(lx.LESSON) or f.lesson_told(r))
    return (
        Check(
            "situation_short",
            situation < aim,
            f"the situation takes about {situation:.0f} s (aim: under {aim:.0f} s)",
        ),
        Check(
            "i_subject",
            i_count >= most_i,
            f'"I" is the subject {i_count} time(s) (aim: {most_i:.0f} or more)',
        ),
        Check(
            "numbers",
            numbers >= least_numbers,
            f"{numbers} specific number(s) (aim: {least_numbers:.0f} or more)",
        ),
        Check(
            "rationale",
            rationale,
            "the reason for the approach is given"
            if rationale
            else "no reason for the approach, and no rejected alternative",
        ),
        Check("lesson", lesson, "a lesson is stated" if lesson else "no lesson is stated"),
        Check(
            "length",
            f.limit("too_long", "aim_from_seconds") <= r.seconds <= f.limit("too_long", "seconds"),
            f"about {r.seconds / 60:.1f} min at {r.wpm} wpm (aim: "
            f"{f.limit('too_long', 'aim_from_seconds') / 60:.0f}-"
            f"{f.limit('too_long', 'seconds') / 60:.0f} min)",
        ),
    )
