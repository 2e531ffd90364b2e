"""The domain's vocabulary, loaded from content/*.yaml into typed objects.

This is the one place that knows every id: categories, families and their
subtopics, negative-frame patterns, ladder levels, companies, competencies,
drills, flags and the question bank. Content is data, written in our own words.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any, TypeVar

import yaml

T = TypeVar("T")


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    tests: str = ""
    recall: str = ""
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Subtopic:
    id: str  # "family/subtopic"
    name: str
    recall: str = ""
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Family:
    id: str
    name: str
    subtopics: tuple[Subtopic, ...] = ()
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pattern:
    id: str
    name: str
    example: str = ""
    reads_for: str = ""
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Level:
    id: str
    name: str
    probe: str = ""
    tests: str = ""
    strong_answer: str = ""
    weak_signs: str = ""
    missing: str = ""  # what the level still needs, asked as a question (level judge)
    deeper: str = ""  # what would make a met answer stronger, asked as a question
    flags: tuple[str, ...] = ()  # the whole-answer flags this level asks about
    core_flag: str | None = None  # the flag that says this level's own test failed


@dataclass(frozen=True)
class Principle:
    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class AntiPattern:
    id: str
    name: str
    description: str = ""
    detection: str = ""


@dataclass(frozen=True)
class Competency:
    id: str  # "framework/name": amazon/..., panel/..., core/...
    name: str
    description: str = ""
    recall: str = ""
    cues: tuple[str, ...] = ()
    strong_answer: tuple[str, ...] = ()
    red_flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Company:
    id: str
    name: str
    depth: int = 3
    framing: str = "balanced"
    loop_weights: dict[str, int] = dataclasses.field(default_factory=dict)
    evaluates: str = ""
    looks_for: tuple[str, ...] = ()
    score_weights: dict[str, float] = dataclasses.field(default_factory=dict)
    framework: str = "core"
    mock: dict[str, Any] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class Drill:
    id: str
    name: str
    purpose: str = ""
    steps: int = 1
    probes: tuple[str, ...] = ()


@dataclass(frozen=True)
class FlagInfo:
    """A flag on one answer (flags.yaml) or a pattern across the bank (patterns.yaml)."""

    id: str
    severity: str
    name: str
    when: str = ""
    advice: str = ""
    # flags that, when raised, already say what this one would (a hypothetical answer
    # tells no episode, so its missing cost is not a second problem): this one is held back
    held_back_by: tuple[str, ...] = ()
    limits: dict[str, float] = dataclasses.field(default_factory=dict)  # numbers it reads
    absence: bool = False  # about something missing (held back on a well-told answer)

    def limit(self, name: str) -> float:
        return float(self.limits[name])


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    family: str | None = None  # "family/subtopic"
    pattern: str | None = None
    categories: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Taxonomy:
    categories: tuple[Category, ...]
    families: tuple[Family, ...]
    patterns: tuple[Pattern, ...]
    levels: tuple[Level, ...]
    principles: tuple[Principle, ...]
    anti_patterns: tuple[AntiPattern, ...]
    behaviours: tuple[Principle, ...]
    competencies: tuple[Competency, ...]
    companies: tuple[Company, ...]
    drills: tuple[Drill, ...]
    probes: tuple[Drill, ...]
    flags: tuple[FlagInfo, ...]
    bank_patterns: tuple[FlagInfo, ...]
    questions: tuple[Question, ...]
    emotions: tuple[str, ...]
    synonyms: dict[str, str] = dataclasses.field(default_factory=dict)  # word -> common term
    speaking_wpm: int = 150  # words per minute for spoken-time estimates (flags.yaml)
    told_story_signs: int = 5  # signs of a told story past which absence flags are held back

    @cached_property
    def category_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.categories)

    @cached_property
    def family_ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.families)

    @cached_property
    def subtopics(self) -> tuple[Subtopic, ...]:
        return tuple(s for f in self.families for s in f.subtopics)

    @cached_property
    def subtopic_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.subtopics)

    @cached_property
    def competency_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.competencies)

    @cached_property
    def company_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.companies)

    @cached_property
    def level_ids(self) -> tuple[str, ...]:
        return tuple(lv.id for lv in self.levels)

    @cached_property
    def flag_ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.flags)

    def company(self, company_id: str) -> Company:
        for c in self.companies:
            if c.id == company_id:
                return c
        raise KeyError(f"unknown company '{company_id}'; allowed: {', '.join(self.company_ids)}")

    def level(self, level_id: str) -> Level:
        return next(lv for lv in self.levels if lv.id == level_id)

    def flag(self, flag_id: str) -> FlagInfo:
        return next(f for f in self.flags if f.id == flag_id)

    def bank_pattern(self, pattern_id: str) -> FlagInfo:
        return next(p for p in self.bank_patterns if p.id == pattern_id)

    def category(self, category_id: str) -> Category:
        return next(c for c in self.categories if c.id == category_id)

    def subtopic(self, subtopic_id: str) -> Subtopic:
        return next(s for s in self.subtopics if s.id == subtopic_id)

    def competency(self, competency_id: str) -> Competency:
        return next(c for c in self.competencies if c.id == competency_id)

    def framework(self, prefix: str) -> tuple[Competency, ...]:
        return tuple(c for c in self.competencies if c.id.startswith(prefix + "/"))


def _flags(data: dict[str, Any]) -> tuple[FlagInfo, ...]:
    """The flags, with their limits quoted into the `when` text (one source of numbers)."""
    out = []
    for item in data["flags"]:
        limits = dict(item.get("limits") or {})
        when = str(item.get("when", "")).format(wpm=data["speaking_wpm"], **limits)
        out.append(_make(FlagInfo, {**item, "when": when, "limits": limits}))
    return tuple(out)


def _read(name: str) -> dict[str, Any]:
    text = resources.files("storyladder.content").joinpath(name).read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(data, dict):
        raise ValueError(f"content/{name}: expected a mapping at the top")
    return data


def _make(cls: type[T], data: dict[str, Any], **override: Any) -> T:
    """Build a content dataclass from a YAML mapping, ignoring keys it does not declare."""
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    kwargs = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in names}
    kwargs.update(override)
    return cls(**kwargs)


def _competencies(prefix: str, items: list[dict[str, Any]]) -> list[Competency]:
    return [
        _make(
            Competency,
            item,
            id=f"{prefix}/{item['id']}",
            description=item.get("description") or item.get("assesses") or "",
        )
        for item in items
    ]


@cache
def phrase_groups() -> list[dict[str, Any]]:
    """The phrase bank (content/phrases.yaml): groups of phrases, one text per language."""
    groups: list[dict[str, Any]] = _read("phrases.yaml")["groups"]
    return groups


@cache
def quiz_questions() -> tuple[dict[str, Any], ...]:
    """The method quiz (content/quiz.yaml)."""
    return tuple(_read("quiz.yaml")["questions"])


@cache
def load() -> Taxonomy:
    """The taxonomy shipped in the package (read once per process)."""
    tax = _read("taxonomy.yaml")
    comp = _read("companies.yaml")
    drills = _read("drills.yaml")
    families = tuple(
        _make(
            Family,
            fam,
            subtopics=tuple(
                _make(Subtopic, sub, id=f"{fam['id']}/{sub['id']}") for sub in fam["subtopics"]
            ),
        )
        for fam in tax["families"]
    )
    competencies = (
        _competencies("amazon", comp["principles"])
        + _competencies("panel", tax["panel"])
        + _competencies("core", tax["core"])
    )
    return Taxonomy(
        categories=tuple(_make(Category, c) for c in tax["categories"]),
        families=families,
        patterns=tuple(_make(Pattern, p) for p in tax["patterns"]),
        levels=tuple(_make(Level, lv) for lv in tax["ladder"]),
        principles=tuple(_make(Principle, p) for p in tax["principles"]),
        anti_patterns=tuple(_make(AntiPattern, a) for a in tax["anti_patterns"]),
        behaviours=tuple(_make(Principle, b) for b in tax["behaviours"]),
        competencies=tuple(competencies),
        companies=tuple(_make(Company, c) for c in comp["companies"]),
        drills=tuple(_make(Drill, d) for d in drills["drills"]),
        probes=tuple(_make(Drill, d) for d in drills["probes"]),
        flags=_flags(_read("flags.yaml")),
        speaking_wpm=int(_read("flags.yaml")["speaking_wpm"]),
        told_story_signs=int(_read("flags.yaml")["told_story_signs"]),
        bank_patterns=tuple(_make(FlagInfo, p) for p in _read("patterns.yaml")["patterns"]),
        questions=tuple(_make(Question, q) for q in _read("questions.yaml")["questions"]),
        emotions=tuple(tax.get("emotions") or ()),
        synonyms={
            word: term
            for term, words in _read("synonyms.yaml")["synonyms"].items()
            for word in words
        },
    )
