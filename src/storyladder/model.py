"""The nouns of storyladder: a STAR-L story with its six-level ladder, and its parts.

Pure data with validation; no I/O. Ids come from the taxonomy (content/*.yaml).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field, fields, replace
from typing import Any

from storyladder import jsontext, taxonomy
from storyladder.errors import Problem, StoryInvalid

SECTIONS: tuple[str, ...] = ("situation", "task", "action", "result", "learning")
LEVELS: tuple[str, ...] = (
    "surface",
    "context",
    "decision",
    "tradeoff",
    "meta_reflection",
    "worldview",
)
SELF_PARTS: tuple[str, ...] = ("protagonist", "supporting", "learner", "wrong")
RELATIONS: tuple[str, ...] = ("manager", "peer", "report", "customer", "executive", "other")
PARTS: tuple[str, ...] = (
    "hero",
    "ally",
    "opponent",
    "mentee",
    "mentor",
    "affected",
    "bystander",
)

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,79}")  # whole id: fullmatch, never match
MAX_TITLE = 200


@dataclass(frozen=True)
class Person:
    name: str
    relation: str | None = None
    part: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name}
        if self.relation:
            out["relation"] = self.relation
        if self.part:
            out["part"] = self.part
        return out


@dataclass(frozen=True)
class Metric:
    text: str
    defensible: bool = False
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "defensible": self.defensible}
        if self.source:
            out["source"] = self.source
        return out


@dataclass(frozen=True)
class Story:
    """One career story in STAR-L form, with its answers to the six ladder levels.

    `ladder` maps a level id to the candidate's prepared answer (levels not yet
    answered are absent). `other_sections` keeps prose under headings storyladder
    does not know (say, "## Notes"), and `extra` keeps front-matter keys storyladder does not
    know, verbatim, so that exporting again never destroys them.
    """

    title: str
    id: str = ""
    when: str | None = None
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    learning: str = ""
    ladder: dict[str, str] = field(default_factory=dict)
    categories: tuple[str, ...] = ()
    families: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()
    self_part: str | None = None
    people: tuple[Person, ...] = ()
    metrics: tuple[Metric, ...] = ()
    emotions: tuple[str, ...] = ()
    other_sections: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", slugify(self.title))

    def section(self, name: str) -> str:
        if name not in SECTIONS:
            raise KeyError(name)
        return str(getattr(self, name))

    @property
    def text(self) -> str:
        """All the prose of the story, sections then ladder, for analysis."""
        parts = [self.section(s) for s in SECTIONS] + [self.ladder.get(lv, "") for lv in LEVELS]
        return "\n\n".join(p for p in parts if p)

    def evolve(self, **changes: Any) -> Story:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: every field, in a stable order; unknown keys under `extra`."""
        return {
            "id": self.id,
            "title": self.title,
            "when": self.when,
            **{s: self.section(s) for s in SECTIONS},
            "ladder": {lv: self.ladder[lv] for lv in LEVELS if self.ladder.get(lv)},
            "categories": list(self.categories),
            "families": list(self.families),
            "competencies": list(self.competencies),
            "self_part": self.self_part,
            "people": [p.to_dict() for p in self.people],
            "metrics": [m.to_dict() for m in self.metrics],
            "emotions": list(self.emotions),
            "other_sections": dict(self.other_sections),
            "extra": dict(self.extra),
        }

    def to_json(self) -> str:
        """The stored form: `to_dict` as JSON with sorted keys (one text per story version)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, default=str)

    @classmethod
    def from_json(cls, text: str) -> Story:
        return cls.from_dict(jsontext.loads(text))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Story:
        """Build and validate a story from its JSON form (raises StoryInvalid)."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        extra = dict(data.get("extra") or {})
        for key in unknown:
            extra[key] = data[key]
        problems: list[Problem] = []
        story = cls(
            title=_text(data.get("title"), "title", problems),
            id=_text(data.get("id"), "id", problems),
            when=_optional_text(data.get("when")),
            **{s: _text(data.get(s), s, problems) for s in SECTIONS},
            ladder=_ladder(data.get("ladder"), problems),
            categories=_strings(data.get("categories"), "categories", problems),
            families=_strings(data.get("families"), "families", problems),
            competencies=_strings(data.get("competencies"), "competencies", problems),
            self_part=_optional_text(data.get("self_part")),
            people=_people(data.get("people"), problems),
            metrics=_metrics(data.get("metrics"), problems),
            emotions=_strings(data.get("emotions"), "emotions", problems),
            other_sections={str(k): str(v) for k, v in (data.get("other_sections") or {}).items()},
            extra=extra,
        )
        problems.extend(validate(story))
        if problems:
            raise StoryInvalid(problems)
        return story


def ladder_depth(story: Story) -> int:
    """How many levels, from the surface up, have an answer written (substance not judged)."""
    depth = 0
    for level in LEVELS:
        if not story.ladder.get(level, "").strip():
            break
        depth += 1
    return depth


def slugify(title: str) -> str:
    """A story id from its title: lowercase ASCII words joined by dashes."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return slug[:60].rstrip("-") or "story"


def validate(story: Story) -> list[Problem]:
    """Every problem with a story, all at once (empty when it is valid)."""
    tax = taxonomy.load()
    problems: list[Problem] = []
    if not story.title.strip():
        problems.append(Problem("title", "a story needs a title"))
    elif len(story.title) > MAX_TITLE:
        problems.append(Problem("title", f"the title is longer than {MAX_TITLE} characters"))
    if not ID_PATTERN.fullmatch(story.id):
        problems.append(
            Problem(
                "id",
                f"'{story.id}' is not a valid id: use lowercase letters, digits, '-' or '_' "
                "(at most 80 characters, starting with a letter or digit)",
            )
        )
    problems += _unknown_ids("categories", story.categories, tax.category_ids)
    problems += _unknown_ids("families", story.families, tax.subtopic_ids)
    problems += _unknown_ids("competencies", story.competencies, tax.competency_ids)
    if story.self_part is not None:
        problems += _unknown_ids("self_part", (story.self_part,), SELF_PARTS)
    for level in story.ladder:
        if level not in LEVELS:
            problems += _unknown_ids("ladder", (level,), LEVELS)
    for i, person in enumerate(story.people, 1):
        where = f"people[{i}]"
        if not person.name.strip():
            problems.append(Problem(where, "a person needs a name"))
        if person.relation is not None:
            problems += _unknown_ids(f"{where}.relation", (person.relation,), RELATIONS)
        if person.part is not None:
            problems += _unknown_ids(f"{where}.part", (person.part,), PARTS)
    for i, metric in enumerate(story.metrics, 1):
        if not metric.text.strip():
            problems.append(Problem(f"metrics[{i}]", "a metric needs its text"))
    return problems


def _unknown_ids(where: str, given: tuple[str, ...], allowed: tuple[str, ...]) -> list[Problem]:
    out = []
    for value in given:
        if value not in allowed:
            shown = ", ".join(allowed)
            out.append(Problem(where, f"unknown id '{value}'; allowed: {shown}"))
    return out


def _text(value: Any, where: str, problems: list[Problem]) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or isinstance(value, dict | list):
        problems.append(Problem(where, f"expected text, got {type(value).__name__}"))
        return ""
    return str(value)


def _optional_text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value)


def _strings(value: Any, where: str, problems: list[Problem]) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list):
        problems.append(Problem(where, f"expected a list, got {type(value).__name__}"))
        return ()
    return tuple(str(v) for v in value)


def _ladder(value: Any, problems: list[Problem]) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(Problem("ladder", "expected a mapping of level -> answer"))
        return {}
    return {str(k): str(v) for k, v in value.items() if v}


def _people(value: Any, problems: list[Problem]) -> tuple[Person, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(Problem("people", "expected a list of people"))
        return ()
    out = []
    for i, item in enumerate(value, 1):
        if isinstance(item, str):
            out.append(Person(item))
        elif isinstance(item, dict):
            out.append(
                Person(
                    name=str(item.get("name") or ""),
                    relation=_optional_text(item.get("relation")),
                    part=_optional_text(item.get("part")),
                )
            )
        else:
            problems.append(Problem(f"people[{i}]", "expected a name or a mapping with name"))
    return tuple(out)


def _metrics(value: Any, problems: list[Problem]) -> tuple[Metric, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(Problem("metrics", "expected a list of metrics"))
        return ()
    out = []
    for i, item in enumerate(value, 1):
        if isinstance(item, str | int | float) and not isinstance(item, bool):
            out.append(Metric(str(item)))
        elif isinstance(item, dict):
            defensible = item.get("defensible", False)
            if not isinstance(defensible, bool):
                problems.append(Problem(f"metrics[{i}].defensible", "expected true or false"))
                defensible = False
            out.append(
                Metric(
                    text=str(item.get("text") or ""),
                    defensible=defensible,
                    source=_optional_text(item.get("source")),
                )
            )
        else:
            problems.append(Problem(f"metrics[{i}]", "expected text or a mapping with text"))
    return tuple(out)


# -- the critique of one answer (SPEC §10) ---------------------------------------

COMPONENTS: tuple[str, ...] = ("situation", "task", "action", "result", "learning", "other")


@dataclass(frozen=True)
class Span:
    """A stretch of the candidate's own text, by character offsets into it."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    component: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "component": self.component,
        }


@dataclass(frozen=True)
class Check:
    id: str
    passed: bool
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "passed": self.passed, "detail": self.detail}


@dataclass(frozen=True)
class Flag:
    id: str
    severity: str
    evidence: tuple[Span, ...]
    advice: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "severity": self.severity,
            "evidence": [e.to_dict() for e in self.evidence],
            "advice": self.advice,
        }


@dataclass(frozen=True)
class Signal:
    """A response principle or a scored behaviour: shown or not, with the words that show it."""

    id: str
    shown: bool
    evidence: tuple[Span, ...] = ()
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "shown": self.shown,
            "evidence": [e.to_dict() for e in self.evidence],
            "detail": self.detail,
        }


@dataclass(frozen=True)
class FollowUp:
    level: str
    question: str

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "question": self.question}


@dataclass(frozen=True)
class Critique:
    """What a values interviewer would notice in one answer (the JSON contract of SPEC §10)."""

    answer: str
    question: str | None
    family: str | None
    pattern: str | None
    company: str
    words: int
    seconds: float
    sentences: tuple[Sentence, ...]
    components: dict[str, dict[str, float]]
    checks: tuple[Check, ...]
    flags: tuple[Flag, ...]
    scores: dict[str, int]
    follow_ups: tuple[FollowUp, ...]
    principles: tuple[Signal, ...] = ()
    behaviours: tuple[Signal, ...] = ()
    level: Any = None  # the level judge's LevelJudgment when the answer was judged at a level

    @property
    def flag_ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.flags)

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": {"text": self.question, "family": self.family, "pattern": self.pattern},
            "company": self.company,
            "words": self.words,
            "seconds": self.seconds,
            "sentences": [s.to_dict() for s in self.sentences],
            "components": self.components,
            "checks": [c.to_dict() for c in self.checks],
            "flags": [f.to_dict() for f in self.flags],
            "scores": self.scores,
            "follow_ups": [f.to_dict() for f in self.follow_ups],
            "principles": [p.to_dict() for p in self.principles],
            "behaviours": [b.to_dict() for b in self.behaviours],
            **({"level": self.level.to_dict()} if self.level is not None else {}),
        }
