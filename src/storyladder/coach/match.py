"""The best stories in the bank for any question, with the reasons for each.

A story scores for what the question asks (its family and subtopic, the
categories and competencies it probes: from the question's own words, and from
the most similar questions in our bank), for the words they share (tf-idf over
the candidate's own bank, light stemming, so unseen phrasings still meet the
story's words), and for how far up the ladder it holds.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

from storyladder import taxonomy
from storyladder.coach import caseless
from storyladder.coach.fit import Fit, infer
from storyladder.coach.levels import readiness
from storyladder.coach.question import QuestionInfo, classify, similar_questions
from storyladder.model import Story

WEIGHTS = {  # tuned on tests/test_match.py's questions; an inferred fit counts half
    "subtopic": 2.0,
    "family": 1.0,
    "category": 1.5,
    "competency": 0.5,
    "words": 16.0,
    "readiness": 0.1,
    "framing": 1.0,
}
INFERRED = 0.5
TITLE_WEIGHT = 3  # a story's title names what it is about: its words count three times
NEIGHBOUR_SIMILARITY = 0.35  # a bank question this close lends the question its tags
_STOP = frozenset(
    """a an the you your yours me my i to of in on at for with about and or that this it was were
    is are be been tell time when what which how did do does have has had would could should
    someone something there their they them we our us who from as by not but so if then than
    just also very really one give example describe walk through no not being asked later
    middle any some most more much many ever never got get make made way thing things""".split()
)
_NEGATIVE_STORY = re.compile(
    r"\b(?:fail\w*|mistake|wrong|lost|missed|rolled back|regret|cost|slipped|broke)\b", re.I
)


_ASKS_WRONG = re.compile(  # the question wants a time the candidate was wrong
    r"\b(?:you (?:were|turned out to be|had been|got it) (?:wrong|mistaken)|proved you wrong|"
    r"changed? your (?:mind|opinion|view)|(?:someone|somebody|they|a colleague|a teammate) "
    r"(?:else )?(?:was|were|turned out to be) right|you lost an? (?:argument|debate)|"
    r"wrong about)\b",
    re.IGNORECASE,
)
_SHOWS_ME_WRONG = re.compile(
    r"\b(?:I was wrong|I had (?:it|that) wrong|I got (?:it|that) wrong|[Ss]he was right|"
    r"[Hh]e was right|[Tt]hey were right|(?!I\b)[A-Z][a-z]+ was right|I changed my mind|"
    r"proved me wrong|I was the one who was wrong|I'd been wrong|my mistake)\b"
)  # case kept: a name ("Marisol was right") is capitalised, "it was right" is not
_SHOWS_ME_RIGHT = re.compile(
    r"\b(?:I was right|proved me right|turned out I was right|I was proven right|"
    r"(?:they|she|he|everyone) (?:realized|admitted|saw|agreed) (?:that )?I was right|"
    r"vindicated)\b",
    re.IGNORECASE,
)
_WRONG_PARTS = ("wrong", "learner")
_WRONG_CATEGORIES = ("someone_else_right", "changed_opinion")


_ROLLBACK = re.compile(r"\broll(?:ed|ing)? (?:it |them |this |that |everything )?back\b")


@dataclass(frozen=True)
class Match:
    story_id: str
    title: str
    score: float
    reasons: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.story_id,
            "title": self.title,
            "score": round(self.score, 2),
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True)
class MatchResult:
    question: QuestionInfo
    asks: Fit
    stories: tuple[Match, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": {
                "text": self.question.text,
                "family": self.question.family,
                "pattern": self.question.pattern,
            },
            "asks": {
                "subtopics": sorted(self.asks.subtopics),
                "categories": sorted(self.asks.categories),
                "competencies": sorted(self.asks.competencies),
            },
            "stories": [m.to_dict() for m in self.stories],
        }


def stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def terms(text: str) -> Counter[str]:
    """Stemmed content words, with synonyms folded into one term ("boss" counts as "manager")."""
    synonyms = taxonomy.load().synonyms
    text = _ROLLBACK.sub("rollback", text.lower())
    words = _TERM_WORD.findall(text)
    known = _terms_of(synonyms)
    missing = set(words).difference(known)
    if missing:
        if len(known) >= TERMS_KEPT:
            known.clear()
            missing = set(words)
        for w in missing:  # each new word's term worked out once ("" for a stop word)
            known[w] = "" if w in _STOP else stem(synonyms.get(w, w))
    return Counter(filter(None, map(known.__getitem__, words)))


_TERM_WORD = re.compile(r"[a-z][a-z'-]+")
TERMS_KEPT = 50_000  # distinct words whose term is remembered (all forgotten at once past this)
_TERMS: list[tuple[dict[str, str], dict[str, str]]] = []  # (synonyms, word -> its term)


def _terms_of(synonyms: dict[str, str]) -> dict[str, str]:
    """The terms worked out so far with these synonyms (the taxonomy's, loaded once)."""
    if not _TERMS or _TERMS[0][0] is not synonyms:
        _TERMS[:] = [(synonyms, {})]
    return _TERMS[0][1]


def what_it_asks(info: QuestionInfo) -> Fit:
    """Subtopics, categories and competencies a question probes: its words and its neighbours."""
    text = info.text or ""
    synonyms = taxonomy.load().synonyms
    folded = " ".join(synonyms.get(w, w) for w in re.findall(r"[a-z][a-z'-]*", text.lower()))
    own = infer(f"{text}\n{folded}", {"categories": 1, "subtopics": 1, "competencies": 1})
    subtopics, categories, competencies = (
        set(own.subtopics),
        set(own.categories),
        set(own.competencies),
    )
    for q in similar_questions(text, 3, min_similarity=NEIGHBOUR_SIMILARITY):
        if q.family:
            subtopics.add(q.family)
        categories.update(q.categories)
        competencies.update(q.competencies)
    if info.family:
        subtopics = {s for s in subtopics if s.startswith(info.family + "/")}
    return Fit(frozenset(categories), frozenset(subtopics), frozenset(competencies))


@dataclass(frozen=True)
class Told:
    """What matching reads of a story itself, beside what it knows of it (`Known`): kept
    with its stored reading, so a stored bank is matched without decoding its stories."""

    id: str
    title: str
    families: tuple[str, ...]
    categories: tuple[str, ...]
    competencies: tuple[str, ...]

    @classmethod
    def of(cls, story: Story | Told) -> Told:
        return cls(story.id, story.title, story.families, story.categories, story.competencies)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "families": list(self.families),
            "categories": list(self.categories),
            "competencies": list(self.competencies),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Told:
        tags = (tuple(str(t) for t in data[k]) for k in ("families", "categories", "competencies"))
        return cls(str(data["id"]), str(data["title"]), *tags)


def match(
    question: str,
    stories: Sequence[Story | Told],
    limit: int | None = None,
    read: Mapping[str, Known] | None = None,
) -> MatchResult:
    """Stories of the bank ranked for `question`, best first, each with its reasons.
    `read` gives what is already known of some stories (their stored readings); a `Told`
    story must be known there."""
    info = classify(question)
    asks = what_it_asks(info)
    known = {s.id: (read or {}).get(s.id) or _known(s) for s in stories}
    docs = {story_id: k.terms for story_id, k in known.items()}
    df: Counter[str] = Counter(chain.from_iterable(docs.values()))  # stories telling each term
    idf = {t: math.log((1 + len(docs)) / (1 + n)) + 1 for t, n in df.items()}
    query = terms(question)
    query_norm = _norm(query, idf)  # the same for every story: computed once
    asks_wrong = bool(_ASKS_WRONG.search(question))
    out = []
    for story in stories:
        fit = known[story.id].fit
        score, reasons = 0.0, []
        for name, wanted, tagged, guessed in (
            ("subtopic", asks.subtopics, set(story.families), fit.subtopics),
            ("category", asks.categories, set(story.categories), fit.categories),
            ("competency", asks.competencies, set(story.competencies), fit.competencies),
        ):
            gained, why = _credit(name, wanted, tagged, guessed)
            score += gained
            reasons += why
        if info.family and not asks.subtopics & (set(story.families) | fit.subtopics):
            if any(s.startswith(info.family + "/") for s in story.families):
                score += WEIGHTS["family"]
                reasons.append(f"family {info.family}")
        similarity, common = _cosine(query, docs[story.id], idf, query_norm)
        if similarity > 0:
            score += WEIGHTS["words"] * similarity
            reasons.append("words in common: " + ", ".join(common[:5]))
        depth = known[story.id].depth
        score += WEIGHTS["readiness"] * depth
        reasons.append(f"ladder ready to level {depth} of 6")
        if info.pattern and known[story.id].setback:
            score += WEIGHTS["framing"]
            reasons.append("has the setback a negatively framed question wants")
        if asks_wrong:
            if known[story.id].wrong:
                score += WEIGHTS["framing"]
                reasons.append("you were wrong in it, as the question asks")
            elif known[story.id].right:
                score -= 2 * WEIGHTS["framing"]
                reasons.append(
                    "the opposite of what it asks: in this story you were right, and the "
                    "question wants a time you were wrong"
                )
        out.append(Match(story.id, story.title, score, tuple(reasons)))
    out.sort(key=lambda m: (-m.score, m.story_id))
    return MatchResult(info, asks, tuple(out[:limit] if limit else out))


@dataclass(frozen=True)
class Known:
    """What matching needs of one story version, whatever the question (kept with the
    story's stored reading, so a long bank is not read again for each question)."""

    terms: Counter[str]
    fit: Fit
    depth: int
    setback: bool
    wrong: bool  # the candidate was wrong in it (by its tags or its words)
    right: bool  # the candidate was proved right in it, and never wrong

    def to_dict(self) -> dict[str, Any]:
        """What a stored reading keeps of it (its fit and ladder depth are kept already)."""
        return {
            "terms": dict(self.terms),
            "setback": self.setback,
            "wrong": self.wrong,
            "right": self.right,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], fit: Fit, depth: int) -> Known:
        flags = (bool(data["setback"]), bool(data["wrong"]), bool(data["right"]))
        return cls(Counter(data["terms"]), fit, depth, *flags)


def known_from(story: Story, fit: Fit, depth: int) -> Known:
    """What matching needs of a story whose fit and ladder depth are already known."""
    wrong = bool(
        story.self_part in _WRONG_PARTS
        or set(story.categories) & set(_WRONG_CATEGORIES)
        or _SHOWS_ME_WRONG.search(story.text)
    )
    return Known(
        terms(f"{story.title}\n" * TITLE_WEIGHT + story.text),
        fit,
        depth,
        caseless.found(_NEGATIVE_STORY, story.text),
        wrong,
        not wrong and caseless.found(_SHOWS_ME_RIGHT, story.text),
    )


_KNOWN: dict[tuple[str, str], Known] = {}
_KNOWN_KEPT = 20_000  # story versions remembered (the least recently used goes first)


def _known(story: Story | Told) -> Known:
    """Read once per story version and remembered: a long-lived caller (the web app, MCP)
    matching many questions reads each story once, not once per question."""
    if not isinstance(story, Story):
        raise ValueError(f"story '{story.id}' is matched from its reading, and has none")
    key = (story.title, story.text)
    found = _KNOWN.pop(key, None)
    if found is None:
        while len(_KNOWN) >= _KNOWN_KEPT:
            _KNOWN.pop(next(iter(_KNOWN)))
        found = known_from(story, infer(story.text), readiness(story).depth)
    _KNOWN[key] = found
    return found


def _credit(
    name: str, wanted: frozenset[str], tagged: set[str], guessed: frozenset[str]
) -> tuple[float, list[str]]:
    """Score and reasons for what a story shares with a question (subtopics, categories...)."""
    tax = taxonomy.load()
    lookup: dict[str, Callable[[str], Any]] = {
        "subtopic": tax.subtopic,
        "category": tax.category,
        "competency": tax.competency,
    }
    label = lookup[name]
    score, reasons = 0.0, []
    for item in sorted(wanted & (tagged | guessed)):
        score += WEIGHTS[name] * (1.0 if item in tagged else INFERRED)
        reasons.append(f"{name} {label(item).name}" + ("" if item in tagged else " (inferred)"))
    return score, reasons


def _tf(n: int) -> float:
    """A term's weight for being told `n` times: 1 + log n."""
    return 1 + math.log(n)


_TF_KEPT = 256
_TF = [0.0, *(_tf(n) for n in range(1, _TF_KEPT))]  # the same values, looked up (a story's
# norm sums one weight per term of it, for every story that shares a word with the question)


def _norm(query: Counter[str], idf: dict[str, float]) -> float:
    return math.sqrt(sum((n * idf.get(t, 1.0)) ** 2 for t, n in query.items()))


def _cosine(
    query: Counter[str], doc: Counter[str], idf: dict[str, float], qn: float | None = None
) -> tuple[float, list[str]]:
    common = [t for t in query if t in doc]
    if not common:
        return 0.0, []
    dot = sum(query[t] * idf[t] * _tf(doc[t]) * idf[t] for t in common)
    qn = _norm(query, idf) if qn is None else qn
    table = _TF
    dn = math.sqrt(
        sum(((table[n] if n < _TF_KEPT else _tf(n)) * idf[t]) ** 2 for t, n in doc.items())
    )
    ranked = sorted(common, key=lambda t: -idf[t])
    return dot / (qn * dn), ranked
