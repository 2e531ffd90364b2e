"""How far up the six-level ladder a story holds: the first level that breaks, and why.

A level holds when its prepared answer is substantive: not a placeholder, not a
repeat of the level below, long enough for what the level asks, and carrying
what the level tests (a reason at decision, a cost at tradeoff, a pattern about
oneself at meta-reflection, a principle carried forward at worldview).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from storyladder.coach import flags as f
from storyladder.coach.text import find, phrases, word_count
from storyladder.model import LEVELS, Story

MIN_WORDS = {
    "surface": 12,
    "context": 20,
    "decision": 20,
    "tradeoff": 15,
    "meta_reflection": 15,
    "worldview": 12,
}
REPEAT_RATIO = 0.8
_PLACEHOLDER = re.compile(
    r"^\W*(?:todo|tbd|tbc|xxx+|fixme|n/?a|none|nothing|\?+|\.{3}|…|fill (?:this )?in|"
    r"lorem ipsum.*|to be written|coming soon|same as above|see above)\W*$",
    re.IGNORECASE,
)
_CONTEXT = phrases(
    r"deadlines?",
    r"teams?",
    r"managers?",
    r"customers?",
    r"clients?",
    r"stakeholders?",
    r"budgets?",
    r"finance",
    r"research",
    r"production",
    r"spend",
    r"freeze",
    r"\d+",
    r"seniors?",
    r"juniors?",
    r"peers?",
    r"engineers?",
    r"partners?",
    r"vendors?",
    r"sellers?",
    r"weeks?",
    r"months?",
    r"days?",
    r"pressure",
    r"constraint",
    r"launch",
    r"date",
    r"board",
    r"director",
    r"vp",
    r"ceo",
    r"leadership",
    r"users?",
    r"competitor",
    r"regulat\w+",
    r"quarter",
    r"contract",
    r"audit",
)
_META = phrases(
    r"about myself",
    r"I tend to",
    r"I(?:'m| am) (?:the kind|someone|a person) who",
    r"my (?:instinct|default|pattern|habit|tendency|blind spot|ego|pride|need|reflex|weakness)",
    r"I (?:realized|realised|learned|noticed|saw) (?:that )?I",
    r"I reach for",
    r"I grab",
    r"when I(?:'m| am) (?:tired|stressed|under pressure|anxious|confident|rushed|scared)",
    r"I have a habit",
    r"I used to (?:think|believe|assume)",
    r"I default",
    r"pattern",
    r"blind spot",
    r"I (?:often|always|usually) (?:assume|confuse|mistake|treat|want|need)",
    r"it (?:showed|taught|told) me (?:that )?I",
    r"I(?:'m| am) (?:prone|quick|slow) to",
    r"I care (?:more|too much) about",
    r"I avoid",
    r"I over\w+",
    r"I under\w+",
    r"I(?:'m| am) (?:\w+ ){0,2}(?:impatient|overconfident|comfortable|uncomfortable|defensive|"
    r"stubborn|afraid|anxious|quick|slow|bad|better|worse|prone|inclined|likely|tempted|"
    r"conflict-averse|cautious|reckless|proud)",
    r"I get (?:\w+ ){0,2}(?:when|if)",
    r"I treat",
    r"my own",
    r"instinct",
    r"tendency",
    r"reflex",
    r"I find it (?:hard|easy)",
    r"I(?:'m| am) (?:much |far |a lot )?(?:more|less|better|worse) at",
    r"I (?:also )?(?:confuse|trust|distrust|start|stop|rush|assume|forget|miss|let|lose|hide|"
    r"dismiss|discount|undercount|overcount|overestimate|underestimate|resist|defend|prefer|"
    r"freeze|panic|go quiet|shut down|take|hold|cling|react|retreat|push|dig in|need|want to be)",
    r"makes? me (?:want|feel|think|rush|freeze|defensive|quiet)",
    r"my (?:bar|first reaction)",
    r"I don't (?:notice|ask|look|see|check)",
    r"two things about me",
    r"I want to be someone",
)
_PRINCIPLE = phrases(
    r"now I",
    r"I now",
    r"I (?:always|never)",
    r"my (?:\w+ )?(?:rule|heuristic|principle|default|"
    r"test)",
    r"principles?",
    r"heuristics?",
    r"rules? of thumb",
    r"whenever",
    r"(?:working )?rule",
    r"before I (?:\w+ )?(?:ship|decide|"
    r"commit|cut|launch|agree|say|start|escalate|approve|merge)",
    r"I ask (?:myself|whether|"
    r"who|what)",
    r"the question I",
    r"I carry",
    r"I(?:'ve| have) (?:stopped|started|made it)",
    r"these days",
    r"every (?:time|launch|project|review|decision|design)",
    r"I treat",
    r"I (?:would|'d) rather",
    r"I believe (?:that )?(?:the|a|good)",
    r"I try to",
    r"I say so",
    r"is only as",
    r"the same (?:care|way|bar)",
    r"should",
    r"needs? to",
    r"must",
    r"I(?:'ve| have) used (?:that|this|it)",
)
_MAXIM = re.compile(  # a sentence stated as a general rule: "When X, do Y." / "Design for..."
    r"(?:^|[.!?:]\s+)(?:when|if|whenever|before|once|in a|for any)\b[^.]{3,120},\s*(?:\w+ )?"
    r"(?:the|a|I|you|we|make|ask|do|get|gets|is|are|say|write|check|treat|assume|find|go)\b"
    r"|(?:^|[.!?:]\s+)(?:design|make|ask|disagree|assume|write|treat|check|test|start|keep|"
    r"never|always|don't|do|find|build|trust|give|tell|put|plan|choose|default)\b",
    re.IGNORECASE,
)


_WEIGHED = re.compile(r"\bwhether\b|changed my mind|what tipped|\bor (?:to )?\w+", re.IGNORECASE)


@dataclass(frozen=True)
class Readiness:
    depth: int  # consecutive levels that hold, from the surface (0-6)
    broken_level: str | None  # the first level that does not hold
    reason: str | None

    @property
    def ready(self) -> bool:
        return self.depth == len(LEVELS)


def level_problem(level: str, answer: str, below: str | None) -> str | None:
    """Why the answer at `level` does not hold, or None when it does."""
    text = answer.strip()
    if not text:
        return "not answered yet"
    if _PLACEHOLDER.match(text):
        return f"only a placeholder ({text[:20]!r})"
    if below and SequenceMatcher(None, text.lower(), below.strip().lower()).ratio() >= REPEAT_RATIO:
        return "repeats the level below instead of going deeper"
    words = word_count(text)
    if words < MIN_WORDS[level]:
        return (
            f"too thin for this level ({words} words; a prepared answer needs {MIN_WORDS[level]}+)"
        )
    if level == "context" and not find(_CONTEXT, text):
        return "names none of the forces at play: people, constraints, timeline"
    if level == "decision" and not (
        find(f._REASON, text) or find(f._ALTERNATIVE, text) or _WEIGHED.search(text)
    ):
        return "says what was decided but not why, or what else was considered"
    if level == "tradeoff" and not _names_a_cost(text):
        return "names no cost: what was given up, and who was affected?"
    if level == "meta_reflection" and not find(_META, text):
        return "no pattern, tendency or blind spot of your own is named"
    if level == "worldview" and not (find(_PRINCIPLE, text) or _MAXIM.search(text)):
        return "no principle or habit you now carry forward is named"
    return None


def _names_a_cost(text: str) -> bool:
    denial = re.search(
        r"\b(?:no|wasn't|was not|there was no|without any|didn't have a)(?: \w+){0,2} "
        r"(?:real )?(?:downside|cost|trade-?off|price)",
        text,
        re.IGNORECASE,
    )
    if denial:
        return False
    return any(not f.negated(text, hit) for hit in find(f._COST, text))


def readiness(story: Story) -> Readiness:
    """The ladder depth a story reaches and, if it is not ready, where and why it breaks."""
    below: str | None = None
    for depth, level in enumerate(LEVELS):
        answer = story.ladder.get(level, "")
        problem = level_problem(level, answer, below)
        if problem:
            return Readiness(depth, level, problem)
        below = answer
    return Readiness(len(LEVELS), None, None)
