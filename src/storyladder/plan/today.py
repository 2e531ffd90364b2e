"""Today's tasks, ticked off by what was done today: a drill or mock run, a ladder answer
written, a story added (for a gap's category, in that category).

Pure: the caller passes the sessions and the stories with their times (`Kept`, which the
repository's records are); nothing here touches the store."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from storyladder.interview.session import Session
from storyladder.model import Story
from storyladder.plan.rehearsal import parse_time
from storyladder.plan.schedule import Plan, Task


class Kept(Protocol):
    """A story as the store keeps it: the story, and when it was first and last saved."""

    @property
    def story(self) -> Story: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def updated_at(self) -> datetime: ...


def tasks_for(
    plan: Plan, sessions: Sequence[Session], stories: Sequence[Kept], now: datetime
) -> list[tuple[Task, bool]]:
    day = plan.day(now.astimezone().date())
    if day is None:
        return []
    today = now.astimezone().date()
    ran = [
        s for s in sessions if parse_time(s.created_at).astimezone().date() == today and s.answers
    ]
    new_today = [r.story for r in stories if r.created_at.astimezone().date() == today]
    edited = {r.story.id: r for r in stories if r.updated_at.astimezone().date() == today}
    written = _written(day.tasks, new_today)
    out: list[tuple[Task, bool]] = []
    for i, task in enumerate(day.tasks):
        if task.kind == "write":
            done = i in written
        elif task.kind == "deepen":
            record = edited.get(task.story_id or "")
            done = bool(record and task.level and record.story.ladder.get(task.level, "").strip())
        elif task.kind == "drill":
            done = any(
                s.mode == "drill" and s.drill == task.drill and s.story_id == task.story_id
                for s in ran
            )
        elif task.kind == "mock":
            done = any(
                s.mode == "mock" and s.company == task.company and s.status == "done" for s in ran
            )
        else:  # rehearse: any practice on the story today
            done = any(t.story_id == task.story_id for s in ran for t in s.answers)
        out.append((task, done))
    return out


def _written(tasks: Sequence[Task], new_today: Sequence[Story]) -> set[int]:
    """Which write tasks (by index) today's new stories tick: each story one task, never
    two, the tasks for a gap's category first (a story in it fills that gap)."""
    unclaimed = list(new_today)
    ticked = set()
    for i in sorted(range(len(tasks)), key=lambda i: tasks[i].category is None):
        task = tasks[i]
        if task.kind != "write":
            continue
        fits = [s for s in unclaimed if task.category is None or task.category in s.categories]
        if fits:
            ticked.add(i)
            unclaimed.remove(fits[0])
    return ticked
