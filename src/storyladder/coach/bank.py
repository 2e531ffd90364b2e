"""Know the bank: readiness, coverage, cross-story patterns, and what to do next.

    check(stories, company="generic", history=None, memo=None) -> BankReport
    check_stored(store, company="generic") -> BankReport

Pure: the caller passes the stories (and, for metric drift, their earlier
revisions), or a store that has them (`Stored`); nothing here imports the store.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from importlib import resources
from typing import Any, Protocol, TypeVar

from storyladder import __version__, collector, jsontext, taxonomy
from storyladder.coach import patterns
from storyladder.coach.critique import flag_answer
from storyladder.coach.fit import Fit, infer
from storyladder.coach.levels import LevelJudgment, Readiness, readiness
from storyladder.coach.match import Known, MatchResult, Told, known_from, match
from storyladder.coach.patterns import Beats, StoryView
from storyladder.coach.question import classify
from storyladder.coach.reading import Reading
from storyladder.model import LEVELS, SECTIONS, Story

TARGET_MIN, TARGET_MAX = patterns.BANK_MIN, patterns.BANK_MAX
MIN_PER_COMPETENCY = 2
MAX_NEXT = 10
CATEGORY_ORDER = (
    "failure",
    "someone_else_right",
    "manager_disagreement",
    "ethical_tradeoff",
    "changed_opinion",
    "ambiguity",
    "mentorship",
    "mission",
)


@dataclass(frozen=True)
class StoryReport:
    story: Story
    readiness: Readiness
    flags: tuple[str, ...]
    words: int
    inferred: Fit
    hero: bool = False  # saves the day alone; nobody else right or credited

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.story.id,
            "title": self.story.title,
            "readiness": self.readiness.depth,
            "ready": self.readiness.ready,
            "breaks_at": self.readiness.broken_level,
            "why": self.readiness.reason,
            "self_part": self.story.self_part,
            "words": self.words,
            "hero": self.hero,
            "flags": list(self.flags),
        }


@dataclass(frozen=True)
class PatternFound:
    id: str
    severity: str
    stories: tuple[str, ...]
    advice: str
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "severity": self.severity,
            "stories": list(self.stories),
            "advice": self.advice,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class NextStep:
    story: str | None
    action: str

    def to_dict(self) -> dict[str, Any]:
        return {"story": self.story, "action": self.action}


@dataclass
class Coverage:
    framework: str
    categories: dict[str, list[str]]
    families: dict[str, list[str]]
    competencies: dict[str, list[str]]
    inferred: dict[str, dict[str, list[str]]]
    prompts: dict[str, str] = field(default_factory=dict)
    questions_without_story: list[dict[str, str]] = field(default_factory=list)

    @property
    def missing_categories(self) -> list[str]:
        return [c for c, ids in self.categories.items() if not ids]

    @property
    def missing_families(self) -> list[str]:
        return [s for s, ids in self.families.items() if not ids]

    @property
    def thin_competencies(self) -> list[str]:
        return [c for c, ids in self.competencies.items() if len(ids) < MIN_PER_COMPETENCY]

    def to_dict(self) -> dict[str, Any]:
        return {
            "framework": self.framework,
            "categories": self.categories,
            "missing_categories": self.missing_categories,
            "families": self.families,
            "missing_families": self.missing_families,
            "competencies": self.competencies,
            "thin_competencies": self.thin_competencies,
            "inferred": self.inferred,
            "prompts": self.prompts,
            "questions_without_story": self.questions_without_story,
        }


@dataclass(frozen=True)
class BankReport:
    company: str
    stories: tuple[StoryReport, ...]
    coverage: Coverage
    patterns: tuple[PatternFound, ...]
    next: tuple[NextStep, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "company": self.company,
            "size": {
                "stories": len(self.stories),
                "target_min": TARGET_MIN,
                "target_max": TARGET_MAX,
            },
            "stories": [s.to_dict() for s in self.stories],
            "coverage": self.coverage.to_dict(),
            "patterns": [p.to_dict() for p in self.patterns],
            "next": [n.to_dict() for n in self.next],
        }


def star_text(story: Story) -> str:
    return "\n\n".join(story.section(s) for s in SECTIONS if story.section(s).strip())


T = TypeVar("T")
Readings = MutableMapping[str, Any]  # reading key -> the stored reading (plain JSON data)
MEMO_LIMIT = 2000


def reading_key(story: Story) -> str:
    """What a story version's reading is remembered under: a digest of everything in it
    (of its stored form, so a store names it from the text it keeps: `stored_key`)."""
    return stored_key(story.to_json())


def stored_key(stored: str) -> str:
    """The reading key of the story version whose stored form (Story.to_json) is `stored`."""
    return hashlib.sha256(stored.encode()).hexdigest()


def _facts_key(story: Story) -> str:
    text = story.text + "\0" + "\0".join(m.text for m in story.metrics)
    return "facts:" + hashlib.sha256(text.encode()).hexdigest()


@cache
def coach_version() -> str:
    """What made a stored reading: storyladder's version and a digest of the coach's code
    and data, so that a reading made by another coach is never reused."""
    digest = hashlib.sha256(__version__.encode())
    for package in ("storyladder", "storyladder.coach", "storyladder.content"):
        root = resources.files(package)
        for item in sorted(root.iterdir(), key=lambda p: p.name):
            if item.is_file() and item.name.endswith((".py", ".yaml", ".json")):
                digest.update(item.name.encode() + b"\0" + item.read_bytes())
    return digest.hexdigest()[:16]


def read_story(story: Story) -> dict[str, Any]:
    """The coach's reading of one story version, as plain data that can be stored: its
    flags, readiness, fit and the beats the cross-story checks count."""
    text = star_text(story)
    reading = Reading(text or story.title, classify(None))
    flags = tuple(f.id for f in flag_answer(reading)) if text.strip() else ()
    beats = Beats.of(reading)
    ready = readiness(story)
    fit = infer(story.text)
    hero = patterns.hero_story(StoryView(story, beats, frozenset(flags)))
    known = known_from(story, fit, ready.depth)
    return {
        "match": match_facts(Told.of(story), known),  # what matching needs (stored apart)
        "flags": list(flags),
        "words": reading.words,
        "hero": hero,
        "beats": beats.to_dict(),
        "readiness": {
            "depth": ready.depth,
            "broken_level": ready.broken_level,
            "reason": ready.reason,
            "judgments": [j.to_dict() for j in ready.judgments],
        },
        "fit": fit.to_dict(),
    }


def match_facts(told: Told, known: Known) -> dict[str, Any]:
    """What matching needs of one story version, as plain data (`matched`)."""
    return {
        "told": told.to_dict(),
        "known": known.to_dict(),
        "fit": known.fit.to_dict(),
        "depth": known.depth,
    }


def matched(data: dict[str, Any]) -> tuple[Told, Known]:
    return Told.from_dict(data["told"]), Known.from_dict(
        data["known"], Fit.from_dict(data["fit"]), int(data["depth"])
    )


def _report(story: Story, data: dict[str, Any]) -> StoryReport:
    ready = data["readiness"]
    judgments = tuple(LevelJudgment.from_dict(j) for j in ready["judgments"])
    fit = Fit.from_dict(data["fit"])
    readiness_ = Readiness(ready["depth"], ready["broken_level"], ready["reason"], judgments)
    return StoryReport(story, readiness_, tuple(data["flags"]), data["words"], fit, data["hero"])


def _remembered(memo: Readings | None, key: str, make: Callable[[], Any], limit: int) -> Any:
    """memo[key], made when missing; past `limit` entries (at least MEMO_LIMIT) the least
    recently used is dropped, never the whole memo, so a bank of any size keeps hitting it."""
    if memo is None:
        return make()
    found = memo.pop(key, None)
    if found is None:
        while len(memo) >= max(limit, MEMO_LIMIT):
            memo.pop(next(iter(memo)))
        found = make()
    memo[key] = found  # (re)inserted last: the most recently used
    return found


def _kept(
    memo: Readings | None, key: str, make: Callable[[], Any], use: Callable[[Any], T], limit: int
) -> T:
    """use(memo[key]), made when missing, and made again when the stored row is damaged."""
    try:
        return use(_remembered(memo, key, make, limit))
    except (KeyError, TypeError, ValueError):
        value = make()
        if memo is not None:
            memo[key] = value
        return use(value)


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("not a list of strings")
    return tuple(value)


Made = tuple[dict[str, Any], list[list[Any]]]  # a story version's reading and number facts
Reader = Callable[[Sequence[Story]], Sequence[Made]]


def read_for_check(story: Story) -> Made:
    """What a bank check makes of a story version it has not read: its reading and the
    numbers it tells (plain data, so that another process may make it: `Reader`)."""
    return read_story(story), patterns.encode_facts(patterns.number_facts(story))


def check(
    stories: Sequence[Story],
    company: str = "generic",
    history: Mapping[str, Sequence[Story]] | None = None,
    memo: Readings | None = None,
    reader: Reader | None = None,
) -> BankReport:
    """The whole bank, read for readiness, coverage and patterns, with next steps.

    `memo` remembers readings (plain data: each story version's reading, the numbers it
    tells, its drift against its revisions) between checks; `check_stored` keeps them in
    the database, for every face. A reading depends only on the story version (and on
    the coach, which the store checks), so an unchanged story is never read again.
    `reader`, when given, makes every missing reading at once (`read_for_check` of each
    story, in the same order), say on every core; the report is the same.
    """
    mode = taxonomy.load().company(company)
    limit = 4 * len(stories) + sum(len(v) for v in (history or {}).values())
    keys = [reading_key(story) for story in stories]
    made = _made_first(stories, keys, memo, reader)

    def facts(story: Story) -> list[patterns.Fact]:
        def count() -> list[list[Any]]:
            found = made.pop(_facts_key(story), None)
            return (
                found if found is not None else patterns.encode_facts(patterns.number_facts(story))
            )

        return _kept(memo, _facts_key(story), count, patterns.decode_facts, limit)

    reports, views = [], []
    for story, key in zip(stories, keys, strict=True):
        report, beats = _kept(
            memo,
            key,
            lambda: made.pop(key, None) or read_story(story),  # noqa: B023
            lambda data: (_report(story, data), Beats.from_dict(data["beats"])),  # noqa: B023
            limit,
        )
        reports.append(report)
        past = tuple((history or {}).get(story.id, ()))
        told = key + "".join(_facts_key(old) for old in past)
        drift = _kept(
            memo,
            "drift:" + hashlib.sha256(told.encode()).hexdigest(),
            lambda: patterns.drifts(story, past, facts),  # noqa: B023
            _strings,
            limit,
        )
        views.append(StoryView(story, beats, frozenset(report.flags), drift))
    cover = coverage(reports, mode)
    found = find_patterns(views)
    return BankReport(mode.id, tuple(reports), cover, found, next_steps(reports, cover, found))


def _made_first(
    stories: Sequence[Story], keys: Sequence[str], memo: Readings | None, reader: Reader | None
) -> dict[str, Any]:
    """The readings and number facts `reader` made at once for the stories `memo` lacks,
    by key (`keys`: each story's `reading_key`; taken from there as the check needs them)."""
    if reader is None:
        return {}
    missing, seen = [], set()
    for story, key in zip(stories, keys, strict=True):
        if key not in seen and (memo is None or key not in memo):
            seen.add(key)
            missing.append((key, story))
    made: dict[str, Any] = {}
    if missing:
        for (key, story), (reading, facts) in zip(
            missing, reader([story for _, story in missing]), strict=True
        ):
            made[key] = reading
            made[_facts_key(story)] = facts
    return made


class Stored(Protocol):
    """What `check_stored` needs of a store (the repository has it)."""

    def list(self) -> Sequence[Any]: ...  # records with a .story
    def past_revisions(self) -> Mapping[str, Sequence[Story]]: ...
    def readings(self, coach: str, keys: Sequence[str] | None = None) -> Readings: ...
    def keep_readings(self, memo: Any) -> None: ...
    def match_facts(self, coach: str) -> tuple[Sequence[str], Mapping[str, str]]: ...


def check_stored(
    store: Stored, company: str = "generic", reader: Reader | None = None
) -> BankReport:
    """`check` on the bank in a store, with its earlier revisions, reusing the readings the
    store kept for unchanged stories and keeping the new ones (every face checks this way;
    `reader` as in `check`)."""
    with collector.paused():
        memo = store.readings(coach_version())
        stories = [record.story for record in store.list()]
        history = store.past_revisions()
        report = check(stories, company=company, history=history, memo=memo, reader=reader)
        store.keep_readings(memo)
    return report


def match_stored(store: Stored, question: str, limit: int | None = None) -> MatchResult:
    """`match` on the bank in a store, each story known from the match facts the store kept
    with its version's reading (made and kept when missing): a question costs no reading
    and no decoding of the bank's stories, only a digest of each one's stored text."""
    texts, kept = store.match_facts(coach_version())
    told: list[tuple[Told, Known] | None] = []
    for text in texts:
        raw = kept.get(stored_key(text))
        try:
            told.append(matched(jsontext.loads(raw)) if raw is not None else None)
        except (KeyError, TypeError, ValueError):
            told.append(None)  # damaged: read again below
    missing = [i for i, found in enumerate(told) if found is None]
    if missing:
        stories = [Story.from_json(texts[i]) for i in missing]
        made = _stored_readings(store, stories, lambda _story, data: matched(data["match"]))
        for i, found in zip(missing, made, strict=True):
            told[i] = found
    pairs = [found for found in told if found is not None]
    return match(
        question,
        [t for t, _ in pairs],
        limit=limit,
        read={t.id: k for t, k in pairs},
    )


def story_report(story: Story, memo: Readings | None = None) -> StoryReport:
    """One story version's report (readiness, flags, fit), its reading taken from `memo`
    when there (made and remembered there otherwise)."""
    return _kept(
        memo, reading_key(story), partial(read_story, story), partial(_report, story), MEMO_LIMIT
    )


def story_readiness(store: Stored, story: Story) -> Readiness:
    """One story's readiness, from the reading the store kept for this version (made and
    kept when missing): the editor shows what the bank check saw."""
    return _stored_readings(store, [story], _report)[0].readiness


def _stored_readings(
    store: Stored, stories: Sequence[Story], use: Callable[[Story, dict[str, Any]], T]
) -> list[T]:
    """use(story, reading) for each story, its reading taken from the store (made and kept
    there when missing or damaged)."""
    keys = [reading_key(s) for s in stories]
    memo = store.readings(coach_version(), keys)
    out = [
        _kept(
            memo,
            key,
            partial(read_story, story),
            partial(use, story),
            MEMO_LIMIT + len(stories),
        )
        for story, key in zip(stories, keys, strict=True)
    ]
    store.keep_readings(memo)
    return out


def coverage(reports: Sequence[StoryReport], mode: taxonomy.Company) -> Coverage:
    tax = taxonomy.load()
    framework = tax.framework(mode.framework)
    kinds = {
        "categories": [c.id for c in tax.categories],
        "families": list(tax.subtopic_ids),
        "competencies": [c.id for c in framework],
    }
    mapped: dict[str, dict[str, list[str]]] = {k: {i: [] for i in ids} for k, ids in kinds.items()}
    inferred: dict[str, dict[str, list[str]]] = {k: {} for k in kinds}
    for r in reports:
        tagged = {
            "categories": set(r.story.categories),
            "families": set(r.story.families),
            "competencies": set(r.story.competencies),
        }
        guessed = {
            "categories": r.inferred.categories,
            "families": r.inferred.subtopics,
            "competencies": r.inferred.competencies,
        }
        for kind, table in mapped.items():
            for item in table:
                if item in tagged[kind]:
                    table[item].append(r.story.id)
                elif item in guessed[kind]:
                    table[item].append(r.story.id)
                    inferred[kind].setdefault(item, []).append(r.story.id)
    cover = Coverage(
        mode.framework, mapped["categories"], mapped["families"], mapped["competencies"], inferred
    )
    cover.prompts = _prompts(cover)
    cover.questions_without_story = _unanswered(cover, mode.id)
    return cover


def _prompts(cover: Coverage) -> dict[str, str]:
    """A question that helps the candidate recall a story for each gap."""
    tax = taxonomy.load()
    out = {c: tax.category(c).recall for c in cover.missing_categories}
    out |= {s: tax.subtopic(s).recall for s in cover.missing_families}
    out |= {c: tax.competency(c).recall for c in cover.thin_competencies}
    return {k: v for k, v in out.items() if v}


def _unanswered(cover: Coverage, company: str) -> list[dict[str, str]]:
    """Questions this company asks that no story in the bank is tagged or inferred for."""
    out = []
    for q in taxonomy.load().questions:
        if company not in q.companies and "generic" not in q.companies:
            continue
        if q.family:
            covered = bool(cover.families.get(q.family))
        else:
            covered = any(cover.categories.get(c) for c in q.categories) or any(
                cover.competencies.get(c) for c in q.competencies
            )
        if not covered:
            out.append({"id": q.id, "text": q.text})
    return out


def find_patterns(views: Sequence[StoryView]) -> tuple[PatternFound, ...]:
    tax = taxonomy.load()
    out = []
    for pattern_id, detector in patterns.DETECTORS.items():
        found = detector(views)
        if found is None:
            continue
        ids, detail = found
        info = tax.bank_pattern(pattern_id)
        out.append(PatternFound(pattern_id, info.severity, tuple(ids), info.advice, detail))
    return tuple(out)


def next_steps(
    reports: Sequence[StoryReport], cover: Coverage, found: Sequence[PatternFound]
) -> tuple[NextStep, ...]:
    """What to work on next, most useful first."""
    tax = taxonomy.load()
    steps: list[NextStep] = []
    if len(reports) < TARGET_MIN:
        steps.append(
            NextStep(
                None,
                f"Write {TARGET_MIN - len(reports)} more stories; "
                "start with the categories the bank is missing.",
            )
        )
    missing = sorted(cover.missing_categories, key=CATEGORY_ORDER.index)
    for category_id in missing[:3]:
        category = tax.category(category_id)
        steps.append(NextStep(None, f"Find a story for '{category.name}': {category.recall}"))
    for p in found:
        if p.severity == "high":
            steps.append(NextStep(p.stories[0] if p.stories else None, p.advice))
    for r in reports:
        if r.hero:
            steps.append(
                NextStep(
                    r.story.id,
                    f"Retell '{r.story.title}' with the others in it: "
                    "who helped, who was right, what did they do?",
                )
            )
    unready = sorted(
        (r for r in reports if not r.readiness.ready), key=lambda r: -r.readiness.depth
    )
    for r in unready[:4]:
        level = tax.level(r.readiness.broken_level or LEVELS[0])
        steps.append(
            NextStep(
                r.story.id,
                f"Deepen '{r.story.title}' at {level.name.lower()}: {r.readiness.reason}",
            )
        )
    for r in reports:
        for flag_id in r.flags:
            info = tax.flag(flag_id)
            if info.severity == "high":
                steps.append(
                    NextStep(
                        r.story.id, f"Rework '{r.story.title}' ({info.name.lower()}): {info.advice}"
                    )
                )
    return tuple(steps[:MAX_NEXT])
