"""Progress over time, derived from what the store keeps: every session's critiques and
scorecard, and every revision of every story (its ladder readiness then)."""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storyladder.coach.levels import readiness
from storyladder.interview.session import Session
from storyladder.model import Story
from storyladder.plan.rehearsal import parse_time

BARS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True)
class Progress:
    sessions: tuple[str, ...]  # session ids, oldest first
    dimensions: dict[str, list[int | None]]  # per session
    flags: dict[str, list[float]]  # share of the session's answers that raised it
    trends: dict[str, str]  # fading | recurring | steady | new
    readiness: dict[str, list[tuple[str, int]]]  # story -> (saved at, depth) per revision

    def to_dict(self) -> dict[str, Any]:
        return {
            "sessions": list(self.sessions),
            "dimensions": self.dimensions,
            "flags": self.flags,
            "trends": self.trends,
            "readiness": self.readiness,
        }


def progress(
    sessions: Sequence[Session], revisions: Mapping[str, Sequence[tuple[datetime, Story]]]
) -> Progress:
    ordered = sorted((s for s in sessions if s.answers), key=lambda s: parse_time(s.created_at))
    dims: dict[str, list[int | None]] = {}
    flags: dict[str, list[float]] = {}
    for n, session in enumerate(ordered):
        answers = [t for t in session.answers if t.critique]
        scores: dict[str, list[int]] = {}
        counts: dict[str, int] = {}
        for turn in answers:
            for dim, value in (turn.critique or {})["scores"].items():
                scores.setdefault(dim, []).append(value)
            for flag in (turn.critique or {})["flags"]:
                counts[flag] = counts.get(flag, 0) + 1
        for dim in set(dims) | set(scores):
            dims.setdefault(dim, [None] * n).append(
                round(statistics.mean(scores[dim])) if dim in scores else None
            )
        for flag in set(flags) | set(counts):
            flags.setdefault(flag, [0.0] * n).append(
                round(counts.get(flag, 0) / max(len(answers), 1), 2)
            )
    trends = {flag: trend(series) for flag, series in flags.items()}
    depth = {
        story_id: [(when.isoformat(), readiness(story).depth) for when, story in history]
        for story_id, history in revisions.items()
    }
    return Progress(tuple(s.id for s in ordered), dims, flags, trends, depth)


def trend(series: Sequence[float]) -> str:
    """Is a habit going away? Compare the latest half of the sessions with the earlier half."""
    if len(series) < 2:
        return "new" if series and series[-1] else "steady"
    half = len(series) // 2
    before, after = statistics.mean(series[:half]), statistics.mean(series[half:])
    if before == 0 and after > 0:
        return "new"
    if after <= before * 0.5:
        return "fading"
    if after >= before and after > 0:
        return "recurring"
    return "steady"


def sparkline(values: Sequence[float | None], top: float | None = None) -> str:
    present = [v for v in values if v is not None]
    if not present:
        return ""
    high = top if top is not None else (max(present) or 1)
    return "".join(
        " " if v is None else BARS[min(len(BARS) - 1, int(v / high * (len(BARS) - 1) + 0.5))]
        for v in values
    )
