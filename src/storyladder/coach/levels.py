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

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from storyladder import taxonomy
from storyladder.coach import caseless, level_model
from storyladder.coach import lexicon as lx
from storyladder.coach.gate import not_an_answer
from storyladder.coach.reading import NAME, QUANTITY
from storyladder.coach.text import (
    Part,
    check_length,
    find,
    find_in,
    lower,
    sentences,
    word_count,
    words,
)
from storyladder.errors import InputError
from storyladder.model import LEVELS, SECTIONS, Span, Story

MET_FLOOR = 55  # a met answer scores at least this, an unmet one at most UNMET_CEILING
UNMET_CEILING = 45
REPEAT_RATIO = 0.8  # an answer this close to the one below it only repeats it
_PLACEHOLDER = re.compile(
    r"^\W*(?:todo|tbd|tbc|xxx+|fixme|n/?a|fill (?:this )?in|lorem ipsum.*|to be written|"
    r"coming soon|same as above|see above)\W*$",
    re.IGNORECASE,
)
_I_VERB = re.compile(  # \bI...: the I first, the \b before it a look-behind (a faster scan)
    r"I(?<!\wI)(?:,? (?:uh|um|er|like|you know),?)? "
    r"(?:(?:\w+ly|often|always|usually|still|sometimes|"
    r"never|now|just|really) )?([a-z]+)\b"
)
_I_AM_MORE = re.compile(  # "I'm braver with a lawyer next to me", "I am slower when..."
    r"\bI(?:'m| am) (?:\w+er|more \w+|less \w+|not \w+|too \w+) (?:with|when|if|around|under|"
    r"than|at|about|once|after|before|in|by|for|to|on)\b"
    r"|(?:^|[.!?]\s+)\W*my \w+(?: \w+)? (?:is|are|was|were) [^.!?]*\b(?:than|not|for my|"
    r"instead)\b",
    re.IGNORECASE,
)
_I_WILL_WHEN = re.compile(  # "I'll avoid a conflict for months if the person pays"
    r"\bI(?:'ll| will|'d| would) (?!say\b|like\b|do it again\b)[a-z]+\b[^.!?]{0,80}\b(?:if|when|"
    r"whenever|until|before|as long as|once)\b",
    re.IGNORECASE,
)
_NOT_PRESENT = lx.IRREGULAR_PAST | frozenset(
    """would will could should might must can can't cannot won't wouldn't didn't don't do think
    guess mean know remember believe hope am also just then really only even""".split()
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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LevelJudgment:
        evidence = tuple(Span(e["start"], e["end"], e["text"]) for e in data["evidence"])
        return cls(data["id"], data["met"], data["score"], evidence, data["missing"])


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
        raise InputError(f"unknown ladder level '{level}'; allowed: {', '.join(LEVELS)}")
    check_length(answer)
    info = taxonomy.load().level(level)
    text = answer.strip()
    body = _body(story)
    if not text:
        return LevelJudgment(level, False, 0, (), info.missing)
    if _PLACEHOLDER.match(text):
        return LevelJudgment(level, False, 0, (), info.missing)
    gate = not_an_answer(text, question, context=body, follow_up=True)
    if gate:
        return LevelJudgment(level, False, min(gate.score, 10), (), info.missing)
    if below and _repeats(text, below):
        return LevelJudgment(level, False, 20, (), info.missing)
    found = _JUDGES[level](answer, body)
    evidence = tuple(_merge(found.core + found.support)[:6])
    x = with_vote(features(answer, found), level_model.word_vote(level, answer))
    chance = level_model.chance(level, x)
    if chance is None:  # no model shipped: the rules decide alone
        met, score = found.met, _score(answer, found)
        score = max(score, MET_FLOOR) if met else min(score, UNMET_CEILING)
    else:
        met, score = chance >= 0.5, round(100 * chance)
    if met:
        return LevelJudgment(level, True, score, evidence, None if found.support else info.deeper)
    return LevelJudgment(level, False, score, evidence, info.missing)


FEATURES = (
    "bias",
    "rules_met",
    "core",
    "support",
    "against",
    "length",
    "numbers",
    "names",
    "past_share",
    "i_per_sentence",
    "present_self",
    "opinions",
    "generic_talk",
    "self_praise",
    # the word model's vote (level_model.word_vote), added by `with_vote`: where the rules
    # heard something of the level, and where they heard nothing and the words speak alone
    "words_heard",
    "words_alone",
)


def features(answer: str, found: _Finding) -> list[float]:
    """What the rules heard in an answer, as numbers for the level model (`FEATURES` but
    the last two, the word model's vote: `with_vote`)."""
    parts = sentences(answer) or [Span(0, len(answer), answer)]
    n = len(parts)

    def capped(count: int) -> float:
        return min(count, 3) / 3

    return [
        1.0,
        float(found.met),
        capped(len({s.text.lower() for s in found.core})),
        capped(len({s.text.lower() for s in found.support})),
        capped(len(found.against)),
        math.log1p(word_count(answer)) / 5,
        capped(len(find(QUANTITY, answer))),
        capped(len(_names(answer))),
        sum(1 for s in parts if caseless.found(_PAST_TENSE, s.text)) / n,
        min(len(find(lx.I_SUBJECT, answer)) / n, 2) / 2,
        capped(len(_present_self(answer))),
        capped(len(_opinions(answer))),
        capped(len(find(lx.GENERIC_TALK, answer))),
        capped(len(find(lx.SELF_PRAISE, answer))),
    ]


_CORE, _SUPPORT = FEATURES.index("core"), FEATURES.index("support")


def with_vote(rules: list[float], vote: float) -> list[float]:
    """The rules' features (`features`) and the word model's vote, told apart by whether the
    rules heard anything of the level (a core or a supporting span): the level model learns
    how far to trust the words on each side. Words alone, with nothing the rules could point
    at, are the ones that mislead on a voice the word model has not read ("We built 14
    charts. The list worked." sounds like the self-insights it learned from)."""
    heard = rules[_CORE] > 0 or rules[_SUPPORT] > 0
    return [*rules, vote if heard else 0.0, 0.0 if heard else vote]


def reading(answer: str, level: str, story: Story | str | None = None) -> list[float]:
    """What the rules heard in one answer (for training: scripts/train_levels.py)."""
    return features(answer, _JUDGES[level](answer, _body(story)))


def _repeats(text: str, below: str) -> bool:
    """Is `text` (nearly) the answer below it again, word for word? Cheap bounds first."""
    m = SequenceMatcher(None, words(lower(text)), words(lower(below)), autojunk=False)
    return (
        m.real_quick_ratio() >= REPEAT_RATIO
        and m.quick_ratio() >= REPEAT_RATIO
        and m.ratio() >= REPEAT_RATIO
    )


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
    talk = find(lx.GENERIC_TALK, answer)  # "happens all the time": no one episode
    episode = [e for e in _past_actions(answer) if not _same_sentence(answer, e, talk)]
    anchors = find(lx.TIME_ANCHOR, answer) + find(QUANTITY, answer) + _names(answer)
    stakes = find(lx.STAKES, answer)
    overlap = _shared(answer, body) if body else []
    generic = talk + find(lx.NO_EPISODE, answer)
    habitual = [h for h in find(lx.HABITUAL, answer) if not _in_past_sentence(answer, h)]
    against = generic + (habitual if not episode else [])
    hook = len(overlap) >= 2 and word_count(answer) <= 25 and not generic
    told = bool(episode) or hook
    grounded = bool(anchors or stakes or hook or find(lx.PEOPLE, answer))
    met = told and grounded and len(against) < max(len(episode), 1)
    return _Finding(episode[:2] + overlap[:2], anchors[:2] + stakes[:2], against, met)


def _context(answer: str, _body: str | None) -> _Finding:
    numbers = find(QUANTITY, answer)
    vague = find(lx.GENERIC_TALK, answer) + _only_the_task(answer, numbers)
    crowd = find(lx.VAGUE_PEOPLE, answer)  # "everyone", "stakeholders": no one in particular
    people = [p for p in find(lx.PEOPLE, answer) if not _inside(p, vague + crowd)] + _names(answer)
    pressure = [p for p in find(lx.PRESSURE, answer) if not _inside(p, vague)]
    when = find(lx.TIME_ANCHOR, answer) + numbers
    specific = {s.text.lower() for s in people + pressure + when}
    kinds = sum(bool(k) for k in (people, pressure, when))
    met = len(specific) >= 2 and (kinds >= 2 or len(specific) >= 3) and len(vague) < len(specific)
    return _Finding(people[:2] + pressure[:2], when[:2], vague, met)


def _only_the_task(answer: str, numbers: list[Span]) -> list[Span]:
    """'I had to decide whether to report it. It was my job. So that was the situation.':
    an answer at least half of whose sentences say only whose job or call it was (or name
    the set-up instead of telling it), with no number anywhere: the task again, where the
    context level asks what pressed on it. Its sentences, or none. `numbers`: the answer's
    quantities, already found by the context judge (with one, the answer is not split)."""
    if numbers:
        return []
    parts = sentences(answer)
    said = [s for s in parts if find(lx.ONLY_THE_TASK, s.text)]
    return said if said and 2 * len(said) >= len(parts) else []


def _decision(answer: str, _body: str | None) -> _Finding:
    own = find(lx.I_SUBJECT, answer) + find(_MINE, answer) + _dropped_subject(answer)
    own += find(_REPLY_OPENS, answer)  # "Because...", "To say it out loud": the choice was asked
    decided = find(lx.DECISION, answer)
    reasons = (
        find(lx.REASON, answer) + find(lx.REASON_HINT, answer) + find(lx.COUNTERFACTUAL, answer)
    )
    options = find(lx.ALTERNATIVE, answer) + find(lx.ALTERNATIVE_HINT, answer)
    against = find(lx.NO_REASON, answer)
    agency = bool(own) and bool(decided or _past_actions(answer) or find(_MINE, answer))
    why = {s.text.lower() for s in reasons + options}
    met = agency and bool(why) and len(why) > len(against)
    return _Finding(decided[:2] + reasons[:2], options[:2], against, met)


def _tradeoff(answer: str, _body: str | None) -> _Finding:
    denials = find(lx.NO_COST, answer) + find(lx.SELF_PRAISE, answer) + find(lx.DEFLECT, answer)
    costs = [
        c
        for c in find(lx.COST, answer) + find(lx.COST_MORE, answer)
        if not lx.negated(answer, c) and not _inside(c, denials)
    ]
    concrete = find(QUANTITY, answer) + _names(answer) + find(lx.PEOPLE, answer)
    if not costs:  # with no word of loss, people and numbers count only if no win is told
        denials += find(lx.WIN, answer) + find(lx.POSITIVE, answer)
    distinct = {c.text.lower() for c in costs + concrete}
    met = bool(distinct) and len(distinct) > 2 * len(denials) and bool(costs or not denials)
    return _Finding(costs[:3], concrete[:2], denials, met)


def _meta(answer: str, _body: str | None) -> _Finding:
    world = find(lx.WORLD_LESSON, answer) + find(lx.CLICHE, answer) + find(lx.PLATITUDE, answer)
    praise = find(lx.SELF_VACUOUS, answer) + find(lx.SELF_PRAISE, answer)
    mine = [
        s
        for s in find(lx.SELF_PATTERN, answer) + _present_self(answer)
        if not _inside(s, praise) and not _same_sentence(answer, s, world)
    ]
    limits = [lim for lim in find(lx.LIMITING, answer) if not _inside(lim, praise)]
    met = bool(mine) and (not praise or bool(limits))
    return _Finding(mine[:3], limits[:2], world + praise, met)


def _worldview(answer: str, _body: str | None) -> _Finding:
    empty = find(lx.CLICHE, answer) + find(lx.VAGUE_CHANGE, answer) + find(lx.PLATITUDE, answer)
    empty += find(lx.SELF_VACUOUS, answer)
    unchanged = find(lx.NO_CHANGE, answer)
    empty += unchanged
    cues = find(lx.CARRIED_FORWARD, answer) + _present_self(answer)
    rules = [c for c in cues if _content_after(answer, c) >= 1] + _rule_sentences(answer)
    if rules:  # the opinions are read once, not once per rule
        said = empty + _opinions(answer)
        rules = [r for r in rules if not _same_sentence(answer, r, said)]
    used = find(lx.TIME_ANCHOR, answer) + find(QUANTITY, answer) + find(lx.SHOWN_IN_USE, answer)
    met = bool(rules) and not unchanged
    return _Finding(rules[:3], used[:2], empty, met)


def carried_forward(text: str, within: tuple[Part, str] | None = None) -> list[Span]:
    """Where `text` names a practice kept or a pattern of one's own in so many words ("now
    I...", "my rule is...", "I tend to..."): the lesson of a whole answer, heard with the
    worldview and meta-reflection cues. (A bare present-tense sentence is a rule only at
    the worldview level, where the question asked for one.) `within`: `text` as a part of
    an answer already read, and that answer lowercased (`find_in`); the spans are the same."""

    def hits(pattern: re.Pattern[str]) -> list[Span]:
        return find(pattern, text) if within is None else find_in(pattern, *within)

    cues = hits(lx.CARRIED_FORWARD) + hits(lx.SELF_PATTERN)
    found = [c for c in cues if _content_after(text, c) >= 1] + _now_practice(text)
    if not found:
        return []
    empty = _said_emptily(text, hits)
    return [c for c in found if not _same_sentence(text, c, empty)]


def present_habit(text: str) -> list[Span]:
    """'I rehearse on production hardware, even when it costs a weekend.': a habit of one's
    own told in the present, in a sentence with no platitude, self-praise or "I'd do the same
    again" in it (the level judge's present habits, less what `carried_forward` refuses).
    A whole answer's lesson only where the word model reads its sentence as the lesson
    (flags.no_learning)."""
    found = _present_self(text)
    if not found:
        return []
    empty = _said_emptily(text, lambda pattern: find(pattern, text))
    return [c for c in found if not _same_sentence(text, c, empty)]


def _said_emptily(text: str, hits: Callable[[re.Pattern[str]], list[Span]]) -> list[Span]:
    """What makes a sentence no lesson: a cliché, a platitude, vacuous self-talk, self-praise,
    a denial of any change, an opinion."""
    empty = hits(lx.CLICHE) + hits(lx.PLATITUDE) + hits(lx.SELF_VACUOUS)
    return empty + hits(lx.SELF_PRAISE) + hits(lx.NO_CHANGE) + _opinions(text)


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
    return list(_present_self_found(answer))


@lru_cache(maxsize=64)
def _present_self_found(answer: str) -> tuple[Span, ...]:
    """Read once per answer: the level's judge and its features both ask."""
    out = []
    for m in _I_VERB.finditer(answer):
        verb = m.group(1)
        if verb in _NOT_PRESENT or verb.endswith("ed") or len(verb) < 3:
            continue
        out.append(Span(m.start(), m.end(), m.group()))
    out += [Span(m.start(), m.end(), m.group()) for m in _I_AM_MORE.finditer(answer)]
    out += [Span(m.start(), m.end(), m.group()) for m in _I_WILL_WHEN.finditer(answer)]
    return tuple(out)


_MINE = re.compile(r"\b(?:my|myself|me)\b", re.IGNORECASE)
_REPLY_OPENS = re.compile(r"^\W*(?:because|to [a-z]+|so that|(?:he|she|they) deserved)\b", re.I)
_PAST_TENSE = re.compile(  # a past verb, not a participle used as an adjective ("a named backup")
    # (the word boundary first: the look-behinds are then tried only where a word begins)
    r"\b(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bbe )(?<!\bgets )(?<!\bget )(?<!\bbeen )"
    r"(?<!\bis )(?<!\bare )"
    r"(?:" + "|".join(sorted(lx.IRREGULAR_PAST)) + r"|didn't|\w{2,}(?<!e)ed)\b",
    re.IGNORECASE,
)


def _opinions(answer: str) -> list[Span]:
    return list(_opinions_found(answer))


@lru_cache(maxsize=64)
def _opinions_found(answer: str) -> tuple[Span, ...]:
    """Read once per answer: the level's judge and its features both ask."""
    return tuple(s for s in sentences(answer) if caseless.found(lx.OPINION, s.text))


def _rule_sentences(answer: str) -> list[Span]:
    """Sentences that state how things are done, not what happened: 'Slowest segment first.',
    'Every flag gets an owner.' (no past tense, or a mark of the present like 'now')."""
    out = []
    for s in sentences(answer):
        content = [w for w in words(s.text) if len(w) > 3]
        if len(content) < 2 or s.text.rstrip().endswith("?"):
            continue
        if not caseless.found(_PAST_TENSE, s.text) or lx.PRESENT_MARK.search(s.text):
            out.append(s)
    return out


_NOW = re.compile(r"\b(?<!right )(?<!by )(?<!until )(?<!up )now\b(?! that)", re.IGNORECASE)


_CLAUSE = re.compile(r"[,;:.!?\n]|\b(?:so|and|but|because)\b", re.IGNORECASE)


def _now_practice(text: str) -> list[Span]:
    """'Tomas now pulls me into design review.', '...so I start with a table now.': a practice
    told in the present (the clause around 'now' has no past tense)."""
    out = []
    for m in _NOW.finditer(text):
        cuts = [c.end() for c in _CLAUSE.finditer(text, 0, m.start())]
        start = max([0, *cuts])
        ends = [c.start() for c in _CLAUSE.finditer(text, m.end())] + [len(text)]
        clause = text[start : min(ends)]
        if not caseless.found(_PAST_TENSE, clause):
            out.append(Span(start, start + len(clause), clause))
    return out


def _dropped_subject(answer: str) -> list[Span]:
    """Notes that drop the 'I': 'Trained my crew myself.', 'Ran a sim.'"""
    return [
        s
        for s in sentences(answer)
        if re.match(
            r"(?:[-*•]\s*)?(?:[A-Z][a-z]+ed|Ran|Took|Told|Made|Cut|Bet|Kept|Put|Set|Went|Got|"
            r"Wrote|Sent|Chose|Gave|Held|Led|Built|Didn't|Did)\b",
            s.text,
        )
    ]


def _same_sentence(answer: str, span: Span, others: list[Span]) -> bool:
    for s in sentences(answer):
        if s.start <= span.start < s.end:
            return any(s.start <= o.start < s.end for o in others)
    return False


def _inside(span: Span, others: list[Span]) -> bool:
    return any(span.overlaps(o) for o in others)


def _in_past_sentence(answer: str, span: Span) -> bool:
    return any(s.start <= span.start < s.end and _past_actions(s.text) for s in sentences(answer))


def _names(answer: str) -> list[Span]:
    return list(_names_found(answer))


@lru_cache(maxsize=64)
def _names_found(answer: str) -> tuple[Span, ...]:
    """Read once per answer: the level's judge and its features both ask."""
    return tuple(
        Span(m.start(1), m.end(1), m.group(1))
        for m in NAME.finditer(answer)
        if m.group(1) not in _NOT_NAMES
    )


_NOT_NAMES = frozenset(
    """I The A An And But So Then When After Before If Or That This It We My Our He She They
    Now Since Today Every Each Next Last One Two Three Also Still Looking Honestly""".split()
)


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
    judgments: list[LevelJudgment] = []
    below: str | None = None
    for level in LEVELS:
        answer = story.ladder.get(level, "")
        judgments.append(judge_level(answer, level, story=story, below=below))
        below = answer or below
    return ladder_readiness(judgments)


def ladder_readiness(judgments: Sequence[LevelJudgment]) -> Readiness:
    """The readiness the judgments of every level (in the ladder's order) add up to."""
    depth = next((i for i, j in enumerate(judgments) if not j.met), len(judgments))
    if depth == len(judgments):
        return Readiness(depth, None, None, tuple(judgments))
    broken = judgments[depth]
    return Readiness(depth, broken.level, broken.missing, tuple(judgments))
