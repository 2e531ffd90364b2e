"""The level judge: does one answer give what its ladder level tests (SPEC §3), and how well?

    judge_level(answer, level, question=None, story=None) -> LevelJudgment

Each level tests one thing: surface a specific, time-bounded episode with stakes;
context the forces at play; decision the reasoning, the options and the ownership;
tradeoff a cost and who paid it; meta-reflection a pattern of one's own; worldview a
principle carried forward. The judge looks for that thing in the candidate's words
(the core), for what makes it stronger (the support), and for what argues against it
(a denial, a platitude, a team that decided). Length is never the test.

One judge serves bank readiness, every interview turn, the scorecard, the editor and MCP.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from storyladder import taxonomy
from storyladder.coach import flags as f
from storyladder.coach import lexicon as lx
from storyladder.coach.gate import not_an_answer
from storyladder.coach.reading import NAME, QUANTITY
from storyladder.coach.text import find, lower, sentences, word_count, words
from storyladder.model import LEVELS, SECTIONS, Span, Story

MET_FLOOR = 55  # a met answer scores at least this, an unmet one at most UNMET_CEILING
UNMET_CEILING = 45
REPEAT_RATIO = 0.8  # an answer this close to the one below it only repeats it
_PLACEHOLDER = re.compile(
    r"^\W*(?:todo|tbd|tbc|xxx+|fixme|n/?a|fill (?:this )?in|lorem ipsum.*|to be written|"
    r"coming soon|same as above|see above)\W*$",
    re.IGNORECASE,
)
_I_VERB = re.compile(
    r"\bI (?:(?:\w+ly|often|always|usually|still|sometimes|never|now) )?([a-z]+)\b"
)
_NOT_PRESENT = frozenset(
    """was were had did would will could should might must can can't cannot won't wouldn't
    didn't don't do think guess mean know knew remember believe hope got went said told made
    took felt thought saw came gave kept left lost ran found spent sent built began brought
    led held set put caught chose wrote read heard am also just then really only even""".split()
)


@dataclass(frozen=True)
class LevelJudgment:
    level: str
    met: bool
    score: int  # 0-100, comparable between answers at the same level
    evidence: tuple[Span, ...]
    missing: str | None  # what the level still needs, as a question to answer from memory

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.level,
            "met": self.met,
            "score": self.score,
            "evidence": [e.to_dict() for e in self.evidence],
            "missing": self.missing,
        }


@dataclass
class _Finding:
    core: list[Span]  # what the level tests, found
    support: list[Span]  # what makes it stronger
    against: list[Span]  # what argues that the level is not given
    met: bool


def judge_level(
    answer: str,
    level: str,
    question: str | None = None,
    story: Story | str | None = None,
    below: str | None = None,
) -> LevelJudgment:
    """How well `answer` gives what `level` tests. `story` is the story the answer sits on
    (its body lets a short surface hook stand on the episode already told); `below` is the
    answer at the level beneath, which this one must not merely repeat."""
    if level not in LEVELS:
        raise ValueError(f"unknown ladder level '{level}'; allowed: {', '.join(LEVELS)}")
    info = taxonomy.load().level(level)
    text = answer.strip()
    body = _body(story)
    if not text:
        return LevelJudgment(level, False, 0, (), info.missing)
    if _PLACEHOLDER.match(text):
        return LevelJudgment(level, False, 0, (), info.missing)
    gate = not_an_answer(text, question, context=body)
    if gate:
        return LevelJudgment(level, False, min(gate.score, 10), (), info.missing)
    if below and SequenceMatcher(None, lower(text), lower(below.strip())).ratio() >= REPEAT_RATIO:
        return LevelJudgment(level, False, 20, (), info.missing)
    found = _JUDGES[level](answer, body)
    score = _score(answer, found)
    evidence = tuple(_merge(found.core + found.support)[:6])
    if found.met:
        missing = None if found.support else info.deeper
        return LevelJudgment(level, True, max(score, MET_FLOOR), evidence, missing)
    return LevelJudgment(level, False, min(score, UNMET_CEILING), evidence, info.missing)


def _body(story: Story | str | None) -> str | None:
    """The story told above the ladder: its title and sections (not the ladder itself)."""
    if not isinstance(story, Story):
        return story
    parts = [story.title] + [story.section(s) for s in SECTIONS]
    return "\n\n".join(p for p in parts if p) or None


def _score(answer: str, found: _Finding) -> int:
    core = len({s.text.lower() for s in found.core})
    support = len({s.text.lower() for s in found.support})
    concrete = len(find(QUANTITY, answer)) + len(_names(answer))
    value = (
        30
        + 14 * min(core, 3)
        + 8 * min(support, 3)
        + 3 * min(concrete, 3)
        - 14 * min(len(found.against), 2)
        + min(word_count(answer), 40) // 8
    )
    return max(0, min(100, value))


# -- one judge per level ---------------------------------------------------------------


def _surface(answer: str, body: str | None) -> _Finding:
    episode = _past_actions(answer)
    anchors = find(lx.TIME_ANCHOR, answer) + find(QUANTITY, answer) + _names(answer)
    stakes = find(lx.STAKES, answer)
    overlap = _shared(answer, body) if body else []
    against = find(lx.NO_EPISODE, answer)
    habitual = [h for h in find(lx.HABITUAL, answer) if not _in_past_sentence(answer, h)]
    if habitual and not episode:
        against += habitual
    told = bool(episode) or (bool(overlap) and word_count(answer) <= 25)
    grounded = bool(anchors or stakes or len(overlap) >= 2 or find(lx.PEOPLE, answer))
    met = told and grounded and not (against and len(episode) < 2)
    return _Finding(episode[:2] + overlap[:2], anchors[:2] + stakes[:2], against, met)


def _context(answer: str, _body: str | None) -> _Finding:
    people = find(lx.PEOPLE, answer) + _names(answer)
    pressure = find(lx.PRESSURE, answer)
    when = find(lx.TIME_ANCHOR, answer) + find(QUANTITY, answer)
    kinds = sum(bool(k) for k in (people, pressure, when))
    hits = len({s.text.lower() for s in people + pressure + when})
    met = (kinds >= 2 and hits >= 2) or hits >= 4
    return _Finding(people[:2] + pressure[:2], when[:2], [], met)


def _decision(answer: str, _body: str | None) -> _Finding:
    own = find(f._I_SUBJECT, answer)
    decided = find(lx.DECISION, answer)
    reasons = find(lx.REASON, answer) + find(f._REASON, answer)
    options = find(lx.ALTERNATIVE, answer)
    against = find(lx.NO_REASON, answer)
    agency = bool(own) and bool(decided or _past_actions(answer))
    why = bool(reasons or options) or (len(sentences(answer)) >= 2 and bool(_but(answer)))
    met = agency and why and not (against and not own)
    return _Finding(decided[:2] + reasons[:2], options[:2], against, met)


def _tradeoff(answer: str, _body: str | None) -> _Finding:
    costs = [
        c for c in find(f._COST, answer) + find(lx.COST_MORE, answer) if not _denied(answer, c)
    ]
    denials = find(lx.NO_COST, answer)
    outside = [c for c in costs if not any(d.start <= c.start < d.end for d in denials)]
    met = bool(outside) and (not denials or len({c.text.lower() for c in outside}) >= 2)
    who = find(lx.PEOPLE, answer) + _names(answer) + find(QUANTITY, answer)
    return _Finding(outside[:3], who[:2], denials, met)


def _meta(answer: str, _body: str | None) -> _Finding:
    world = find(lx.WORLD_LESSON, answer) + find(f._CLICHE, answer)
    vacuous = find(lx.SELF_VACUOUS, answer)
    mine = [
        s
        for s in find(lx.SELF_PATTERN, answer) + _present_self(answer)
        if not any(v.start <= s.start < v.end for v in vacuous)
    ]
    met = bool(mine)
    return _Finding(mine[:3], find(lx.TIME_ANCHOR, answer)[:1], world + vacuous, met)


def _worldview(answer: str, _body: str | None) -> _Finding:
    platitudes = find(f._CLICHE, answer) + find(lx.VAGUE_CHANGE, answer)
    platitudes += find(lx.SELF_VACUOUS, answer)
    rules = find(lx.CARRIED_FORWARD, answer) + [
        Span(m.start(), m.end(), m.group()) for m in lx.MAXIM.finditer(answer)
    ]
    rules += _present_self(answer)
    rules = [r for r in rules if not any(p.start < r.end and r.start < p.end for p in platitudes)]
    concrete = [r for r in rules if _content_after(answer, r) >= 2]
    used = find(lx.TIME_ANCHOR, answer) + find(QUANTITY, answer)
    met = bool(concrete)
    return _Finding(concrete[:3], used[:2], platitudes, met)


_JUDGES: dict[str, Callable[[str, str | None], _Finding]] = {
    "surface": _surface,
    "context": _context,
    "decision": _decision,
    "tradeoff": _tradeoff,
    "meta_reflection": _meta,
    "worldview": _worldview,
}


# -- shared readings -------------------------------------------------------------------

_PAST_ACTION = re.compile(
    r"\b(?:I|[Ww]e|[Ss]he|[Hh]e|[Tt]hey|[A-Z][a-z]+)(?: \w+ly)? (?:was|were|had|did|went|got|made|"
    r"took|told|wrote|ran|found|saw|built|began|felt|knew|thought|left|lost|kept|said|sent|"
    r"spent|chose|gave|brought|led|came|caught|held|set|put|broke|shipped|cut|quit|paid|hit|"
    r"missed|\w{2,}ed)\b"
    r"|(?:^|[.!?]\s+|\n\s*[-*•]?\s*)(?:[A-Z]\w+ed|Took|Ran|Built|Cut|Led|Made|Wrote|Told|Sent|"
    r"Shipped|Lost|Missed|Broke|Chose|Kept|Put|Set|Gave|Got|Went|Said|Paid)\b",
)


def _past_actions(answer: str) -> list[Span]:
    return [
        Span(m.start(), m.end(), m.group().strip(" .!?\n-*•"))
        for m in _PAST_ACTION.finditer(answer)
    ]


def _present_self(answer: str) -> list[Span]:
    """'I rescue people when...', 'I decide fastest when...': the speaker's present habits."""
    out = []
    for m in _I_VERB.finditer(answer):
        verb = m.group(1)
        if verb in _NOT_PRESENT or verb.endswith("ed") or len(verb) < 3:
            continue
        out.append(Span(m.start(), m.end(), m.group()))
    return out


def _in_past_sentence(answer: str, span: Span) -> bool:
    return any(s.start <= span.start < s.end and _past_actions(s.text) for s in sentences(answer))


def _denied(answer: str, span: Span) -> bool:
    return f.negated(answer, span)


def _names(answer: str) -> list[Span]:
    return [
        Span(m.start(1), m.end(1), m.group(1))
        for m in NAME.finditer(answer)
        if m.group(1) not in _NOT_NAMES
    ]


_NOT_NAMES = frozenset(
    """I The A An And But So Then When After Before If Or That This It We My Our He She They
    Now Since Today Every Each Next Last One Two Three Also Still Looking Honestly""".split()
)
_BUT = re.compile(r"\b(?:but|though|although|even though|yet|still)\b", re.IGNORECASE)


def _but(answer: str) -> list[Span]:
    return find(_BUT, answer)


def _content_after(answer: str, span: Span) -> int:
    """Content words in the sentence a cue sits in, beyond the cue itself."""
    for s in sentences(answer):
        if s.start <= span.start < s.end:
            rest = answer[s.start : span.start] + " " + answer[span.end : s.end]
            return sum(1 for w in words(rest) if len(w) > 3)
    return 0


def _shared(answer: str, body: str) -> list[Span]:
    """Words of the answer that pick up the story already told (a hook on top of it)."""
    told = {w.lower() for w in words(body) if len(w) > 3}
    out = []
    for m in re.finditer(r"[A-Za-z][A-Za-z'-]{3,}", answer):
        if m.group().lower() in told:
            out.append(Span(m.start(), m.end(), m.group()))
    return out


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out


# -- the ladder as a whole -------------------------------------------------------------


@dataclass(frozen=True)
class Readiness:
    depth: int  # consecutive levels that are met, from the surface (0-6)
    broken_level: str | None  # the first level that is not met
    reason: str | None  # what that level still needs, as a question
    judgments: tuple[LevelJudgment, ...] = ()

    @property
    def ready(self) -> bool:
        return self.depth == len(LEVELS)


def readiness(story: Story) -> Readiness:
    """How far up the ladder a story holds: every level judged, and the first that breaks."""
    judgments, below = [], None
    for level in LEVELS:
        answer = story.ladder.get(level, "")
        judgments.append(
            judge_level(answer, level, story=story, below=below)
            if answer.strip()
            else LevelJudgment(level, False, 0, (), "not answered yet")
        )
        below = answer or below
    depth = next((i for i, j in enumerate(judgments) if not j.met), len(LEVELS))
    if depth == len(LEVELS):
        return Readiness(depth, None, None, tuple(judgments))
    broken = judgments[depth]
    return Readiness(depth, broken.level, broken.missing, tuple(judgments))
