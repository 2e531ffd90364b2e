"""A story to and from the editor's form fields. Lists are edited as lines:
people as "name | relation | part", metrics as "text | defensible | source"."""

from __future__ import annotations

from typing import Any

from storyladder.errors import Problem, StoryInvalid
from storyladder.model import LEVELS, SECTIONS, Metric, Person, Story

YES = {"yes", "y", "true", "defensible", "1"}


def to_form(story: Story | None) -> dict[str, Any]:
    if story is None:
        return {
            "title": "",
            "id": "",
            "when": "",
            "categories": [],
            "families": [],
            "competencies": [],
            "self_part": "",
            "people": "",
            "metrics": "",
            "emotions": "",
            **dict.fromkeys(SECTIONS, ""),
            **{f"ladder_{lv}": "" for lv in LEVELS},
        }
    return {
        "title": story.title,
        "id": story.id,
        "when": story.when or "",
        **{s: story.section(s) for s in SECTIONS},
        **{f"ladder_{lv}": story.ladder.get(lv, "") for lv in LEVELS},
        "categories": list(story.categories),
        "families": list(story.families),
        "competencies": list(story.competencies),
        "self_part": story.self_part or "",
        "people": "\n".join(
            " | ".join(x for x in (p.name, p.relation or "", p.part or "")).rstrip(" |")
            for p in story.people
        ),
        "metrics": "\n".join(
            f"{m.text} | {'yes' if m.defensible else 'no'}" + (f" | {m.source}" if m.source else "")
            for m in story.metrics
        ),
        "emotions": ", ".join(story.emotions),
    }


def from_form(form: Any, base: Story | None) -> Story:
    """The story the form describes; unknown keys and sections of `base` are kept."""
    problems: list[Problem] = []
    people = []
    for n, line in enumerate(_lines(form.get("people")), 1):
        parts = [p.strip() for p in line.split("|")]
        people.append(Person(parts[0], _opt(parts, 1), _opt(parts, 2)))
        if not parts[0]:
            problems.append(Problem(f"people line {n}", "a person needs a name"))
    metrics = []
    for line in _lines(form.get("metrics")):
        parts = [p.strip() for p in line.split("|")]
        defensible = (_opt(parts, 1) or "").lower() in YES
        metrics.append(Metric(parts[0], defensible, _opt(parts, 2)))
    data = {
        "title": (form.get("title") or "").strip(),
        "id": (base.id if base else (form.get("id") or "").strip()),
        "when": (form.get("when") or "").strip() or None,
        **{s: (form.get(s) or "").strip() for s in SECTIONS},
        "ladder": {lv: (form.get(f"ladder_{lv}") or "").strip() for lv in LEVELS},
        "categories": form.getlist("categories"),
        "families": form.getlist("families"),
        "competencies": form.getlist("competencies"),
        "self_part": form.get("self_part") or None,
        "people": [p.to_dict() for p in people],
        "metrics": [m.to_dict() for m in metrics],
        "emotions": [e.strip() for e in (form.get("emotions") or "").split(",") if e.strip()],
        "other_sections": dict(base.other_sections) if base else {},
        "extra": dict(base.extra) if base else {},
    }
    try:
        story = Story.from_dict(data)
    except StoryInvalid as err:
        raise StoryInvalid(problems + err.problems) from None
    if problems:
        raise StoryInvalid(problems)
    return story


def _lines(value: Any) -> list[str]:
    return [line.strip() for line in str(value or "").splitlines() if line.strip()]


def _opt(parts: list[str], i: int) -> str | None:
    return parts[i] if len(parts) > i and parts[i] else None
