"""Today's tasks, ticked off by what the store shows was done today: a drill or mock run,
a ladder answer written, a new story added."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from storyladder.interview.session import Session
from storyladder.plan.rehearsal import _parse
from storyladder.plan.schedule import Plan, Task
from storyladder.store.repository import StoredStory


def tasks_for(
    plan: Plan, sessions: Sequence[Session], stories: Sequence[StoredStory], now: datetime
) -> list[tuple[Task, bool]]:
    day = plan.day(now.astimezone().date())
    if day is None:
        return []
    today = now.astimezone().date()
    ran = [s for s in sessions if _parse(s.created_at).astimezone().date() == today and s.answers]
    new_today = [r for r in stories if r.created_at.astimezone().date() == today]
    edited = {r.story.id: r for r in stories if r.updated_at.astimezone().date() == today}
    out: list[tuple[Task, bool]] = []
    writes = 0
    for task in day.tasks:
        if task.kind == "write":
            writes += 1
            done = len(new_today) >= writes
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
