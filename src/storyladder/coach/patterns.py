"""What only shows across stories: the same hero, the same ending, the same length, drifting facts.

Each detector takes the bank's stories (with what the coach already read in them)
and returns the ids of the stories involved plus a detail, or None. Severity and
advice live in content/patterns.yaml.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from storyladder.coach import flags as f
from storyladder.coach import lexicon as lx
from storyladder.coach import signals
from storyladder.coach.reading import ROLE_CREDIT, Reading
from storyladder.coach.text import lower, phrases, sentences
from storyladder.model import SECTIONS, Story

BANK_MIN, BANK_MAX = 8, 12
MAX_CATEGORIES = 3
UNIFORM_CV = 0.1
DRIFT_CONTEXT = 0.5  # share of the words around two numbers that must match
DRIFT_WIDE = 0.25  # share of the words in a wider window (8 before, 6 after) that must match


@dataclass(frozen=True)
class Beats:
    """What the cross-story checks need from one story's STAR-L prose, counted once (and kept
    with the story's stored reading, so an unchanged story is never read again)."""

    words: int
    saves_the_day: bool  # "I saved", "nobody else", praise of the candidate
    others_shine: bool  # someone else right, credited or teaching
    costs: int  # things lost, told as having happened
    admissions: int  # owning a failure, a feeling about it, not knowing
    wins: int
    praise: int
    feelings: tuple[str, ...]  # feeling words named in the prose

    @classmethod
    def of(cls, r: Reading) -> Beats:
        return cls(
            words=r.words,
            saves_the_day=bool(r.find(_SAVED_THE_DAY) or r.find(f._PRAISE)),
            others_shine=bool(r.find(_OTHERS_RIGHT)),
            costs=len(f._costs(r)),
            admissions=len(r.find(lx.ADMISSION)),
            wins=len(r.find(lx.WIN)),
            praise=len(r.find(f._PRAISE)),
            feelings=tuple(span.text.lower().split()[-1] for span in signals.feelings(r)),
        )

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "feelings": list(self.feelings)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Beats:
        return cls(**{**data, "feelings": tuple(data["feelings"])})


@dataclass(frozen=True)
class StoryView:
    """One story as the bank checks see it."""

    story: Story
    beats: Beats  # the STAR-L prose, as the coach read it
    flags: frozenset[str]
    drift: tuple[str, ...] = ()  # facts told with different numbers (`drifts`)

    @property
    def words(self) -> int:
        return self.beats.words


Found = tuple[list[str], str] | None
Detector = Callable[[Sequence[StoryView]], Found]

_OTHERS_RIGHT = phrases(
    lx.OWNING,
    ROLE_CREDIT,
    r"(?:she|he|they) (?:was|were) right",
    r"\w+ was right",
    r"learned from",
    r"(?:her|his|their) idea",
    r"I was the one who was wrong",
    r"(?:he|she|they) taught me",
)


def hero_narrative(views: Sequence[StoryView]) -> Found:
    if len(views) < 3:
        return None
    humbled = [v for v in views if _someone_else_shines(v)]
    if len(humbled) >= 2:
        return None
    heroes = [v.story.id for v in views if hero_story(v)] or [
        v.story.id for v in views if v not in humbled
    ]
    return heroes, f"only {len(humbled)} of {len(views)} stories let someone else be right"


_SAVED_THE_DAY = phrases(
    r"I (?:single-handedly|alone|personally)",
    r"I saved",
    r"I took over",
    r"I (?:fixed|solved|"
    r"rescued|turned around) (?:it|the|everything)",
    r"(?:thanked|praised) me",
    r"nobody else",
    r"only I",
    r"I was the only",
    r"without me",
)


def hero_story(v: StoryView) -> bool:
    """The candidate saves the day and nobody else is right, credited or helpful."""
    if v.story.self_part not in (None, "protagonist") or _someone_else_shines(v):
        return False
    return v.beats.saves_the_day


def _someone_else_shines(v: StoryView) -> bool:
    s = v.story
    if s.self_part in ("supporting", "learner", "wrong"):
        return True
    if any(p.part in ("hero", "mentor") for p in s.people):
        return True
    return v.beats.others_shine


_FAILURE_CATEGORIES = {"failure", "someone_else_right", "changed_opinion"}


def _painless(v: StoryView) -> bool:
    """A failure told with nothing lost and nothing owned: spun, even without a happy ending."""
    return not v.beats.costs and not v.beats.admissions


def humble_brag_bank(views: Sequence[StoryView]) -> Found:
    failures = [v for v in views if _FAILURE_CATEGORIES & set(v.story.categories)]
    spun = [v for v in failures if {"neat_resolution", "humble_brag"} & v.flags or _painless(v)]
    negative = sum(v.beats.costs + v.beats.admissions for v in views)
    positive = sum(v.beats.wins + v.beats.praise for v in views)
    ratio = negative / max(positive, 1)
    every_failure_wins = len(failures) >= 2 and len(spun) * 3 >= len(failures) * 2
    if not every_failure_wins and not (len(views) >= 3 and ratio < 0.5):
        return None
    involved = [v.story.id for v in (spun or views)]
    return involved, (
        f"{len(spun)} of {len(failures)} failure stories end in a win; "
        f"{negative} negative beats against {positive} positive ones"
    )


def uniform_length(views: Sequence[StoryView]) -> Found:
    told = [v for v in views if v.words >= 40]
    if len(told) < 4:
        return None
    lengths = [v.words for v in told]
    spread = statistics.pstdev(lengths) / statistics.mean(lengths)
    if spread >= UNIFORM_CV:
        return None
    return [v.story.id for v in told], (
        f"{len(told)} stories all between {min(lengths)} and {max(lengths)} words"
    )


def flat_register(views: Sequence[StoryView]) -> Found:
    if len(views) < 4:
        return None
    felt = {v.story.id: _emotions(v) for v in views}
    distinct = set().union(*felt.values())
    with_feeling = sum(1 for e in felt.values() if e)
    if len(distinct) > 2 and with_feeling * 3 >= len(views):
        return None
    plain = [sid for sid, e in felt.items() if not e] or list(felt)
    return plain, f"{len(distinct)} different feeling(s) named across {len(views)} stories"


def _emotions(v: StoryView) -> set[str]:
    return {e.lower() for e in v.story.emotions} | set(v.beats.feelings)


def overused_story(views: Sequence[StoryView]) -> Found:
    wide = [v for v in views if len(v.story.categories) > MAX_CATEGORIES]
    if not wide:
        return None
    detail = ", ".join(f"{v.story.id} ({len(v.story.categories)} categories)" for v in wide)
    return [v.story.id for v in wide], detail


def bank_size(views: Sequence[StoryView]) -> Found:
    if BANK_MIN <= len(views) <= BANK_MAX:
        return None
    side = "fewer" if len(views) < BANK_MIN else "more"
    return [], f"{len(views)} stories, {side} than the 8-12 a bank needs"


# -- metric drift -------------------------------------------------------------------

_WORD_VALUES = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "dozen": 12,
    "half": 0.5,
}
_NUMBER = re.compile(
    r"[$€£]?\d[\d,]*(?:\.\d+)?(?:\s?%|x\b|k\b|m\b)?(?: and a half)?|\b(?:a )?(?:"
    + "|".join(_WORD_VALUES)
    + r")\b(?: and a half)?",
    re.IGNORECASE,
)


# the same pattern without re.IGNORECASE, for ASCII text lowercased: twice as fast, and the
# same matches there (each a number's token lowercased, which `_value` reads the same)
_NUMBER_LOWERED = re.compile(_NUMBER.pattern)


def _numbers(sentence: str) -> Iterator[re.Match[str]]:
    """_NUMBER.finditer(sentence): on ASCII text, the faster pattern on its lowercase."""
    if sentence.isascii():
        return _NUMBER_LOWERED.finditer(sentence.lower())
    return _NUMBER.finditer(sentence)


def _value(token: str) -> float | None:
    """'3.5x', 'three and a half', '$6,400', 'a dozen' -> a number to compare."""
    t = token.lower().strip()
    half = 0.5 if t.endswith("and a half") else 0.0
    t = t.removesuffix("and a half").strip().removeprefix("a ").strip()
    scale = {"k": 1e3, "m": 1e6}.get(t[-1:], 1.0) if t[-1:] in ("k", "m") else 1.0
    digits = re.sub(r"[^\d.]", "", t)
    if digits and digits != ".":
        try:
            return float(digits) * scale + half
        except ValueError:
            return None
    word = _WORD_VALUES.get(t)
    return None if word is None else word + half


_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_STOP = frozenset(
    "the and was were that this with for from our had have but about into over than then "
    "they them their there which when what who how its it's just also only very more most".split()
)


def _tellings(story: Story) -> list[tuple[str, str]]:
    parts = [(name, story.section(name)) for name in SECTIONS]
    parts += [(f"ladder {level}", text) for level, text in story.ladder.items()]
    parts += [(f"metric {i}", m.text) for i, m in enumerate(story.metrics, 1)]
    return [(where, text) for where, text in parts if text.strip()]


Fact = tuple[str, float, frozenset[str], str, frozenset[float], frozenset[str]]


def number_facts(story: Story) -> list[Fact]:
    """(where, value, context words, sentence, all values in it, wider context) for each
    number the story tells, in its prose, ladder and metrics."""
    out = []
    for where, text in _tellings(story):
        for span in sentences(text):
            found = [(m, _value(m.group())) for m in _numbers(span.text)]
            values = frozenset(v for _, v in found if v is not None)
            for m, value in found:
                if value is None:
                    continue
                before = [w for w in _WORD.findall(lower(span.text[: m.start()])) if w not in _STOP]
                after = [w for w in _WORD.findall(lower(span.text[m.end() :])) if w not in _STOP]
                near = frozenset(before[-3:] + after[:2])
                wide = frozenset(before[-8:] + after[:6])
                if len(near) >= 2:
                    out.append((where, value, near, span.text.strip(), values, wide))
    return out


def encode_facts(facts: list[Fact]) -> list[list[Any]]:
    return [[w, v, sorted(n), t, sorted(a), sorted(d)] for w, v, n, t, a, d in facts]


def decode_facts(rows: list[list[Any]]) -> list[Fact]:
    return [(w, v, frozenset(n), t, frozenset(a), frozenset(d)) for w, v, n, t, a, d in rows]


def drifts(
    story: Story,
    history: Sequence[Story] = (),
    facts: Callable[[Story], list[Fact]] = number_facts,
) -> list[str]:
    """Facts told with different numbers (in the story, or against earlier revisions).

    Each fact the story tells now is compared with the others it tells and with every fact
    of its earlier revisions (a sentence told the same way in many revisions counts once);
    two old revisions are not compared with each other, since what matters is whether
    today's telling contradicts an earlier one. The work grows with the revisions, never
    with their square. `facts` may be a remembered `number_facts` (the bank check's)."""
    current = facts(story)
    known = {(value, text) for _, value, _, text, _, _ in current}
    older: list[Fact] = []
    for n, old in enumerate(history, 1):
        for where, value, near, text, values, wide in facts(old):
            if (value, text) not in known:
                known.add((value, text))
                older.append((f"revision {n}: {where}", value, near, text, values, wide))
    found = []
    seen: set[tuple[float, float]] = set()
    everything = [*current, *older]
    tellings = [_telling(where) for where, *_ in everything]
    for i, (where_a, value_a, ctx_a, text_a, all_a, wide_a) in enumerate(current):
        telling_a = tellings[i]
        for j in range(i + 1, len(everything)):
            where_b, value_b, ctx_b, text_b, all_b, wide_b = everything[j]
            if value_a in all_b or value_b in all_a or tellings[j] == telling_a:
                continue  # the same figure in both, or one telling: not a drift
            if (value_a, value_b) in seen:
                continue
            if _jaccard(ctx_a, ctx_b) >= DRIFT_CONTEXT and _jaccard(wide_a, wide_b) >= DRIFT_WIDE:
                seen.add((value_a, value_b))
                found.append(f'"{text_a}" ({where_a}) vs "{text_b}" ({where_b})')
    found += _renamed_people(story, history)
    return found


def _telling(where: str) -> tuple[str, str]:
    """The telling a place is in: two places of one telling are not compared. The STAR-L
    prose (or the ladder, or the metrics list) of one revision sets before/after figures
    side by side; a drift is a fact told again elsewhere: prose against ladder or metrics,
    or against another revision."""
    revision, _, part = where.rpartition(": ")
    return revision, _group(part)


def _group(part: str) -> str:
    return "prose" if part in SECTIONS else part.split(" ")[0]


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _renamed_people(story: Story, history: Sequence[Story]) -> list[str]:
    now = {(p.relation, p.part): p.name for p in story.people}
    out = []
    for n, old in enumerate(history, 1):
        for p in old.people:
            current = now.get((p.relation, p.part))
            names_now = {q.name for q in story.people}
            if current and p.name not in names_now and current not in {q.name for q in old.people}:
                out.append(
                    f"{p.relation or 'person'} named {p.name} in revision {n}, {current} now"
                )
    return sorted(set(out))


def metric_drift(views: Sequence[StoryView]) -> Found:
    hits = {v.story.id: list(v.drift) for v in views if v.drift}
    if not hits:
        return None
    first_id = next(iter(hits))
    return list(hits), f"{first_id}: {hits[first_id][0]}"


DETECTORS: dict[str, Detector] = {
    "hero_narrative": hero_narrative,
    "humble_brag_bank": humble_brag_bank,
    "uniform_length": uniform_length,
    "flat_register": flat_register,
    "metric_drift": metric_drift,
    "overused_story": overused_story,
    "bank_size": bank_size,
}
