"""A day-by-day plan from today to the interview, fitted to the time left and to the bank.

SPEC §9's protocol (build the bank and its ladders, then drills, then full mocks)
is compressed or stretched to the days there are: the first part of the time
closes gaps (missing stories first, then the ladders closest to ready), the
middle drills the stories, the end holds the mocks. No day gets more than its
budget of minutes; rehearsals that FSRS says are due fill what is left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from storyladder import taxonomy
from storyladder.coach.bank import BankReport, Readings, check
from storyladder.errors import InputError
from storyladder.interview.session import Session
from storyladder.model import LEVELS, Story
from storyladder.plan.rehearsal import Rehearsal, schedule

DAY_BUDGET = 90  # minutes of practice a day, at most
MINUTES = {"write": 45, "deepen": 20, "drill": 15, "mock": 45, "rehearse": 10}
DRILL_ORDER = (
    "five_whys",
    "critic",
    "alternative_path",
    "self_awareness",
    "values_conflict",
    "ninety_degree",
    "feelings",
)
MAX_DAYS = 120


@dataclass(frozen=True)
class Task:
    kind: str  # write | deepen | drill | mock | rehearse
    minutes: int
    text: str
    story_id: str | None = None
    level: str | None = None
    drill: str | None = None
    company: str | None = None
    category: str | None = None  # a write task for a gap: the category the story fills

    @property
    def key(self) -> str:
        fields = (self.kind, self.story_id, self.level, self.drill, self.company, self.category)
        return ":".join(x or "" for x in fields)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "minutes": self.minutes,
            "text": self.text,
            "story": self.story_id,
            "level": self.level,
            "drill": self.drill,
            "company": self.company,
            "category": self.category,
            "key": self.key,
        }


@dataclass
class Day:
    day: date
    tasks: list[Task] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        return sum(t.minutes for t in self.tasks)

    last: bool = False  # the day before the interview

    @property
    def note(self) -> str | None:
        """What a day without tasks is for (the plan keeps the last days light)."""
        if self.tasks:
            return None
        if self.last:
            return "rest: the interview is tomorrow; reread your bank's one-line hooks, no drills"
        return "buffer: catch up on anything unfinished, or rest"

    def fits(self, task: Task) -> bool:
        """Room for `task` in the day's budget, and not the same task twice in one day."""
        if any(t.key == task.key for t in self.tasks):
            return False
        return not self.tasks or self.minutes + task.minutes <= DAY_BUDGET

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "minutes": self.minutes,
            "note": self.note,
            "tasks": [t.to_dict() for t in self.tasks],
        }


@dataclass(frozen=True)
class Plan:
    company: str
    today: date
    interview: date
    days: tuple[Day, ...]
    unscheduled: tuple[Task, ...]  # what did not fit before the date

    def day(self, when: date) -> Day | None:
        return next((d for d in self.days if d.day == when), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "company": self.company,
            "today": self.today.isoformat(),
            "interview": self.interview.isoformat(),
            "days_left": len(self.days),
            "days": [d.to_dict() for d in self.days],
            "unscheduled": [t.to_dict() for t in self.unscheduled],
        }


def build(
    stories: Sequence[Story],
    sessions: Sequence[Session],
    company: str,
    today: date,
    interview: date,
    memo: Readings | None = None,
) -> Plan:
    """The plan from `today` up to the day before `interview` (the day itself is kept light);
    `memo` holds the stories' readings, as for `coach.bank.check`."""
    mode = taxonomy.load().company(company)
    if interview <= today:
        raise InputError(f"the interview date {interview} is not after today ({today})")
    n = min((interview - today).days, MAX_DAYS)
    days = [Day(today + timedelta(days=i), last=i == n - 1) for i in range(n)]
    report = check(stories, company=mode.id, memo=memo)
    now = datetime.combine(today, time(23, 59)).astimezone()
    cards = schedule(stories, sessions, now)
    build_days, drill_days, mock_days = _phases(n)
    leftover: list[Task] = []
    leftover += _place(days[:build_days] or days, _gap_tasks(report))
    leftover += _place(days[build_days : build_days + drill_days] or days, _drill_tasks(report))
    final = days[n - mock_days :]
    mock_on = final[::-1][::2]  # the last day, then every other day back: time to absorb each
    leftover += _place(mock_on, _mock_tasks(mode.id, len(mock_on), mode.mock))
    between = [d for d in final if d not in mock_on]
    leftover += _place(between, _sharpen_tasks(report, len(between)))
    _rehearse(days, cards)
    return Plan(mode.id, today, interview, tuple(days), tuple(leftover))


def _phases(n: int) -> tuple[int, int, int]:
    """Days for building, drilling and mocks: about 40/35/25, with at least one mock day
    when there are two days or more, and mocks only at the end."""
    if n == 1:
        return 1, 0, 0
    mocks = max(1, round(n * 0.25))
    build = max(1, round(n * 0.4))
    drills = max(0, n - build - mocks)
    return build, drills, mocks


def _gap_tasks(report: BankReport) -> list[Task]:
    """Missing stories first, then each story's next ladder level, closest to ready first."""
    tax = taxonomy.load()
    tasks = []
    for category_id in report.coverage.missing_categories:
        category = tax.category(category_id)
        tasks.append(
            Task(
                "write",
                MINUTES["write"],
                f"Write a story for '{category.name}': {category.recall}",
                category=category_id,
            )
        )
    missing = max(0, 8 - len(report.stories) - len(tasks))
    for i in range(missing):
        tasks.append(
            Task(
                "write",
                MINUTES["write"],
                f"Write story {len(report.stories) + i + 1} "
                "of the 8 a bank needs, for a question the bank cannot answer yet.",
            )
        )
    unready = sorted(
        (r for r in report.stories if not r.readiness.ready),
        key=lambda r: (-r.readiness.depth, r.story.id),
    )
    for r in unready:
        depth = r.readiness.depth
        for level in LEVELS[depth : min(depth + 2, len(LEVELS))]:
            info = tax.level(level)
            tasks.append(
                Task(
                    "deepen",
                    MINUTES["deepen"],
                    f"Write the {info.name.lower()} answer of '{r.story.title}': {info.probe}",
                    r.story.id,
                    level,
                )
            )
    return tasks


def _drill_tasks(report: BankReport) -> list[Task]:
    """Each story gets drills, the readiest first; each drill rotates across stories."""
    ranked = sorted(report.stories, key=lambda r: (-r.readiness.depth, r.story.id))
    tasks = []
    for i, r in enumerate(ranked):
        for j in range(2):
            drill = DRILL_ORDER[(i + j) % len(DRILL_ORDER)]
            tasks.append(
                Task(
                    "drill",
                    MINUTES["drill"],
                    f"Drill '{r.story.title}' with {drill.replace('_', ' ')}.",
                    r.story.id,
                    drill=drill,
                )
            )
    return tasks


def _sharpen_tasks(report: BankReport, count: int) -> list[Task]:
    """Between mocks: the hardest drills on the readiest stories."""
    ranked = sorted(report.stories, key=lambda r: (-r.readiness.depth, r.story.id))
    tasks = []
    for i in range(count * 2):
        if not ranked:
            break
        r = ranked[i % len(ranked)]
        drill = ("critic", "ninety_degree")[i % 2]
        tasks.append(
            Task(
                "drill",
                MINUTES["drill"],
                f"Under pressure: '{r.story.title}' with {drill.replace('_', ' ')}.",
                r.story.id,
                drill=drill,
            )
        )
    return tasks


def _mock_tasks(company: str, days: int, shape: dict[str, Any]) -> list[Task]:
    minutes = int(shape.get("minutes", MINUTES["mock"])) if shape else MINUTES["mock"]
    return [
        Task(
            "mock",
            min(minutes, DAY_BUDGET),
            f"Full {company} mock interview, then read "
            "the scorecard and write down the three things to practise.",
            company=company,
        )
        for _ in range(days)
    ]


def _place(days: list[Day], tasks: list[Task]) -> list[Task]:
    """Spread tasks over days in order, never past a day's budget; return what did not fit."""
    left = []
    i = 0
    for task in tasks:
        for _ in range(len(days)):
            day = days[i % len(days)]
            i += 1
            if day.fits(task):
                day.tasks.append(task)
                break
        else:
            left.append(task)
    return left


def _rehearse(days: list[Day], cards: Sequence[Rehearsal]) -> None:
    """Due rehearsals go first on the first day with room, most overdue first. A card never
    practised is not a rehearsal yet: the drills and ladder tasks introduce it."""
    for card in cards:
        if not card.reviews:
            continue
        for day in days:
            when = datetime.combine(day.day, time(23, 59)).astimezone()
            if card.due <= when and day.fits(Task("rehearse", MINUTES["rehearse"], "")):
                level = f" at {card.level.replace('_', '-')}" if card.level else ""
                day.tasks.insert(
                    0,
                    Task(
                        "rehearse",
                        MINUTES["rehearse"],
                        f"Rehearse '{card.story_id}'{level} out loud (ladder or drill).",
                        card.story_id,
                        card.level,
                    ),
                )
                break
