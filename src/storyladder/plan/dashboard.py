"""One candidate's line on a dashboard: readiness, coverage gaps, recurring flags and their
trend over revisions, practice done against the plan, days to the interview.

Computed only from what the viewer may see (`Seen`): for a coach, the revisions, sessions
and plan the candidate shared; for the candidate, everything of theirs. What was not
shared is null, never zero: "nothing shared" is not "nothing done", and sorting puts
nulls last. Pure: the caller passes what the store holds and the time.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from storyladder import taxonomy
from storyladder.coach.bank import Readings, StoryReport, check, story_report
from storyladder.coach.review import Override, overridden, standing
from storyladder.errors import InputError
from storyladder.interview.session import Session
from storyladder.model import Story
from storyladder.plan.progress import trend
from storyladder.plan.rehearsal import parse_time
from storyladder.plan.schedule import build
from storyladder.plan.today import tasks_for

Row = dict[str, Any]


@dataclass(frozen=True)
class Seen:
    """What one viewer may see of one candidate."""

    user_id: int
    email: str
    cohorts: tuple[str, ...] = ()
    # story id -> its revisions (saved at, the story then), oldest first
    revisions: Mapping[str, Sequence[tuple[datetime, Story]]] = field(default_factory=dict)
    sessions: Sequence[Session] = ()
    plan: Mapping[str, Any] | None = None  # the plan setting: interview date, company
    overrides: Mapping[str, Sequence[Override]] = field(default_factory=dict)  # by story


@dataclass(frozen=True)
class _Kept:
    story: Story
    created_at: datetime
    updated_at: datetime


def row(seen: Seen, now: datetime, memo: Readings | None = None) -> Row:
    """The candidate's dashboard line as of `now`; `memo` holds the stories' readings."""
    latest = {sid: h[-1][1] for sid, h in seen.revisions.items() if h}
    company = _company(seen.plan)
    out: Row = {
        "candidate": seen.email,
        "id": seen.user_id,
        "cohorts": list(seen.cohorts),
        "seen": {
            "stories": len(latest),
            "sessions": len(seen.sessions),
            "plan": seen.plan is not None,
        },
        "readiness": None,
        "gaps": None,
        "flags": None,
        "practice": None,
        "interview": _interview(seen.plan, now),
    }
    if latest:
        earlier = {sid: [s for _, s in h[:-1]] for sid, h in seen.revisions.items()}
        report = check(list(latest.values()), company, earlier, memo)
        out["readiness"] = _readiness(report.stories, seen.overrides)
        out["gaps"] = {
            "categories": report.coverage.missing_categories,
            "competencies": report.coverage.thin_competencies,
        }
        out["flags"] = flag_trends(seen.revisions, memo)
    if seen.sessions:
        out["practice"] = _practice(seen, company, now, memo)
    return out


def _company(plan: Mapping[str, Any] | None) -> str:
    company = (plan or {}).get("company")
    return str(company) if company in taxonomy.load().company_ids else "generic"


def _interview(plan: Mapping[str, Any] | None, now: datetime) -> Row | None:
    if not plan or not plan.get("interview"):
        return None
    when = datetime.fromisoformat(str(plan["interview"])).date()
    days = (when - now.astimezone().date()).days
    return {"date": when.isoformat(), "company": plan.get("company"), "days_left": days}


def _readiness(reports: Sequence[StoryReport], overrides: Mapping[str, Sequence[Override]]) -> Row:
    """Each story's readiness as counted (a coach's reading instead of the machine's)."""
    stories: list[Row] = []
    depths: list[int] = []
    for r in reports:
        coach = standing(overrides.get(r.story.id, ()), r.story)
        counted = overridden(r.readiness, coach)
        stories.append(
            {"id": r.story.id, "title": r.story.title, "depth": counted.depth}
            | {"ready": counted.ready, "breaks_at": counted.broken_level}
            | {"machine_depth": r.readiness.depth, "by_coach": sorted(coach)}
        )
        depths.append(counted.depth)
    return {
        "stories": len(stories),
        "ready": sum(1 for s in stories if s["ready"]),
        "mean_depth": round(statistics.mean(depths), 1),
        "by_story": stories,
    }


def flag_trends(
    revisions: Mapping[str, Sequence[tuple[datetime, Story]]], memo: Readings | None = None
) -> list[Row]:
    """Flags that recur now (in two stories or more, or in one through its revisions without
    fading), each with its trend: after every revision, in time order, the share of the
    stories (each at its revision then) that raise it."""
    timeline = sorted(
        ((when, sid, story) for sid, h in revisions.items() for when, story in h),
        key=lambda t: (t[0], t[1]),
    )
    state: dict[str, frozenset[str]] = {}
    series: dict[str, list[float]] = {}
    for n, (_, sid, story) in enumerate(timeline):
        state[sid] = frozenset(story_report(story, memo).flags)
        for flag in set(series) | state[sid]:
            raised = sum(1 for flags in state.values() if flag in flags)
            series.setdefault(flag, [0.0] * n).append(round(raised / len(state), 2))
    out = []
    for flag, points in series.items():
        now = sum(1 for flags in state.values() if flag in flags)
        how = trend(points)
        if now >= 2 or (now and how == "recurring"):
            out.append({"id": flag, "stories": now, "trend": how, "series": points})
    return sorted(out, key=lambda f: (-f["stories"], f["id"]))


def _practice(seen: Seen, company: str, now: datetime, memo: Readings | None) -> Row:
    """Practice done: sessions and answers, in the last seven days, and today's tasks of
    the plan (built from what is seen) that are done."""
    done = [s for s in seen.sessions if s.answers]
    times = [parse_time(s.created_at) for s in done]
    out: Row = {
        "sessions": len(done),
        "answers": sum(len(s.answers) for s in done),
        "last_7_days": sum(1 for t in times if t >= now - timedelta(days=7)),
        "last": max(times).isoformat() if times else None,
        "today": None,
    }
    interview = _interview(seen.plan, now)
    if interview and interview["days_left"] > 0:
        kept = [_Kept(h[-1][1], h[0][0], h[-1][0]) for h in seen.revisions.values() if h]
        today = now.astimezone().date()
        plan = build(
            [k.story for k in kept],
            seen.sessions,
            company,
            today,
            today + timedelta(days=interview["days_left"]),
            memo,
        )
        ticked = tasks_for(plan, seen.sessions, kept, now)
        out["today"] = {"planned": len(ticked), "done": sum(1 for _, d in ticked if d)}
    return out


# -- sorting ---------------------------------------------------------------------------


def _part(name: str, key: str) -> Callable[[Row], Any]:
    return lambda r: None if r[name] is None else r[name][key]


SORTS: dict[str, Callable[[Row], Any]] = {
    "candidate": lambda r: r["candidate"],
    "interview": _part("interview", "days_left"),
    "readiness": lambda r: (
        None
        if r["readiness"] is None
        else (
            r["readiness"]["ready"],
            r["readiness"]["mean_depth"],
        )
    ),
    "depth": _part("readiness", "mean_depth"),
    "gaps": lambda r: None if r["gaps"] is None else len(r["gaps"]["categories"]),
    "flags": lambda r: None if r["flags"] is None else len(r["flags"]),
    "practice": _part("practice", "last_7_days"),
    "sessions": _part("practice", "sessions"),
}


def sort_rows(rows: Sequence[Row], sort: str = "interview") -> list[Row]:
    """Rows by one of SORTS (a leading '-' for descending), ties by candidate; a row with
    nothing to sort by (nothing shared) goes last either way."""
    name = sort.removeprefix("-")
    if name not in SORTS:
        choices = ", ".join(SORTS)
        raise InputError(f"unknown sort {sort!r}: one of {choices} ('-' before it: descending)")
    value = SORTS[name]
    by_name = sorted(rows, key=lambda r: r["candidate"])
    present = [r for r in by_name if value(r) is not None]
    present.sort(key=value, reverse=sort.startswith("-"))
    return present + [r for r in by_name if value(r) is None]
