"""The scores of one answer: each dimension rises with evidence and falls with flags.

The recipe (bases, points per piece of evidence, caps, flag penalties, the overall
penalties) is data in content/scores.yaml; this module measures the evidence it names.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

import yaml

from storyladder import taxonomy
from storyladder.coach import flags as f
from storyladder.coach import lexicon as lx
from storyladder.coach import signals
from storyladder.coach.reading import Reading


@cache
def recipe() -> dict[str, Any]:
    text = resources.files("storyladder.content").joinpath("scores.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _in_result(r: Reading) -> float:
    results = r.of("result")
    return sum(1 for q in r.quantities if any(s.start <= q.start < s.end for s in results))


# What each evidence name in scores.yaml counts in an answer already read.
EVIDENCE: dict[str, Callable[[Reading], float]] = {
    "situation": lambda r: bool(r.of("situation")),
    "task": lambda r: bool(r.of("task")),
    "action": lambda r: bool(r.of("action")),
    "result": lambda r: bool(r.of("result")),
    "learning": lambda r: bool(r.of("learning")),
    "numbers": lambda r: len(r.quantities),
    "people_credited": lambda r: len(r.names) + len(r.role_credits),
    "time_anchors": lambda r: len(r.find(lx.TIME_ANCHOR)),
    "i_subjects": lambda r: len(r.find(lx.I_SUBJECT)),
    "reasons": lambda r: len(r.find(lx.REASON)) + len(r.find(lx.ALTERNATIVE)),
    "lesson": lambda r: bool(r.find(lx.LESSON) or f.lesson_told(r)),
    "practice_kept": lambda r: bool(r.within(lx.OPERATIONAL, *r.of("learning"))),
    "self_insight": lambda r: bool(r.find(lx.SELF_PATTERN)),
    "feelings": lambda r: bool(signals.feelings(r)),
    "costs": lambda r: len(f._costs(r)),
    "admissions": lambda r: len(r.find(lx.ADMISSION)) + len(r.find(signals._GAPS)),
    "result_numbers": _in_result,
    "position": lambda r: bool(r.find(f._POSITION)),
    "tension": lambda r: bool(r.find(f._TENSION)),
    "past_action": lambda r: f._past_action(r),
}


def scores(r: Reading, flagged: set[str], mode: taxonomy.Company) -> dict[str, int]:
    """Every dimension and the overall score, 0-100 (a non-answer scores its gate's value)."""
    book = recipe()
    raised = set(flagged)
    if "too_long" in raised and r.seconds > f.limit("too_long", "severe_seconds"):
        raised.add("too_long_severe")
    dims = {
        name: _dimension(r, spec, raised)
        for name, spec in book["dimensions"].items()
        if name != "engagement" or r.mission
    }
    if mode.id == "amazon":
        dims["principle"] = _principle_link(r)
    gate = f.gate(r)
    if gate is not None:  # nothing was answered: nothing earns points
        return {"overall": gate.score, **{d: min(v, gate.score) for d, v in dims.items()}}
    weights = {d: mode.score_weights.get(d, 1.0) for d in dims}
    if r.mission:
        for d, factor in book["mission_weights"].items():
            weights[d] *= factor
    overall = sum(v * weights[d] for d, v in dims.items()) / sum(weights.values())
    tax = taxonomy.load()
    overall -= book["high_flag"] * sum(1 for fl in flagged if tax.flag(fl).severity == "high")
    if mode.framing == "negative":
        overall -= sum(p for fl, p in book["negative_framing"].items() if fl in flagged)
    return {"overall": clamp(overall), **dims}


def _dimension(r: Reading, spec: dict[str, Any], raised: set[str]) -> int:
    value = float(spec["base"])
    for name, rule in (spec.get("evidence") or {}).items():
        value += rule["points"] * min(float(EVIDENCE[name](r)), rule.get("cap", 1))
    value -= sum(points for fl, points in (spec.get("flags") or {}).items() if fl in raised)
    return clamp(value)


def clamp(value: float) -> int:
    return max(0, min(100, round(value)))


def _principle_link(r: Reading) -> int:
    """Amazon: is the story tied to a Leadership Principle, by name or by its substance?"""
    principles = taxonomy.load().framework("amazon")
    lowered = r.text.lower()
    if any(p.name.lower() in lowered for p in principles):
        return 100
    hits = sum(1 for p in principles for cue in p.cues if cue in lowered)
    return 40 + min(hits, 6) * 8
