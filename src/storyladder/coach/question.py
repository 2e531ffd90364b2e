"""What a question asks: its family and negative-frame pattern, from the taxonomy's cues."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from storyladder import taxonomy
from storyladder.coach import nb

_PAST_EXPERIENCE = re.compile(
    r"\b(?:tell me about|describe|walk me through|give (?:me )?an example|talk about|share|"
    r"recall|a time|an? (?:situation|occasion|moment|project|decision|mistake|failure|story)|"
    r"when (?:did|have|was)|have you ever|what happened|which decision|what did you|you made|"
    r"looking back|go back|you (?:took|had|faced|led|owned|made|missed|got))\b",
    re.IGNORECASE,
)
_HABIT_QUESTION = re.compile(
    r"\b(?:how do you|what do you usually|what would you|how would you|what are you (?:still )?"
    r"not good at|weakness|what's your approach|what is your approach|if you (?:were|had))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class QuestionInfo:
    text: str | None
    family: str | None
    pattern: str | None
    asks_past: bool  # does it ask what the candidate did (not would do, not what they think)


def _score(text: str, cues: tuple[str, ...]) -> int:
    return sum(1 for cue in cues if _cue_pattern(cue).search(text))


@cache
def _cue_pattern(cue: str) -> re.Pattern[str]:
    """A cue as a whole word or phrase, with its plain inflections ("fail" in "failed")."""
    return re.compile(
        rf"(?<!\w){re.escape(cue.lower())}(?:s|es|ed|d|ing|ure|ures)?(?!\w)", re.IGNORECASE
    )


_STOP = frozenset(
    """a an the you your yours me my i to of in on at for with about and or that this it was were
    is are be been tell time when what which how did do does have has had would could should
    someone something there their they them we our us who from as by""".split()
)
_MISSION = re.compile(
    r"^\s*why\s+(?:\w+\s*\??\s*$|do you want|are you|this|here|join|us\b)|\bai safety\b|"
    r"\bmission\b|core views|responsible scaling|\brsp\b|\bagi\b|\bfrontier\b|"
    r"five years|long[- ]term|motivat|\b(?:in|of|about|for) ai\b|\bai is heading|"
    r"\b(?:draws?|drew|attracts?) you\b",
    re.IGNORECASE,
)


_MISSION_WORDS = re.compile(
    r"\bai safety\b|\bmission\b|core views|responsible scaling|\bagi\b|\bwhy (?:this|our|us|"
    r"here|anthropic|openai)\b|\bour (?:company|values)\b",
    re.IGNORECASE,
)
OTHER = "other"  # a question of none of the six families (teamwork, a project you're proud of)
_SUCCESS = re.compile(  # a success asked for: no failure, conflict or weakness in it
    r"\b(?:(?<!not )(?<!least )(?:most )?proud of|above and beyond|"
    r"greatest (?:achievement|accomplishment)|"
    r"(?:biggest|best) (?:win|success))\b",
    re.IGNORECASE,
)
# A negative frame says which family a question is: "which decision would you undo" is a
# failure, "what would your critics say" is about oneself. An ethics or ambiguity question
# keeps its family under any frame ("which ethical call would you make differently").
FAMILY_OF_PATTERN = {
    "counterfactual": "failure",
    "third_person": "self_awareness",
    "inverted_positive": "self_awareness",
    "conflict_escalation": "conflict",
}
_OWN_FAMILY = ("ethics", "ambiguity")
FAMILY_FLOOR = 1.0  # weaker evidence than one cue or a close neighbour: the family is `other`
QUESTION_MODEL = "question_model.json"  # the word model of the tuning authors' questions
MODEL_WEIGHT = 4.0  # its chance of a family, as points: a sure vote outweighs one cue
# Naive Bayes is far surer of itself than its record on new wordings: its log chances are
# divided by this before they become chances (chosen on five authors never used for the cues)
MODEL_TEMPERATURE = 2.0
SIMILARITY_FLOOR = 0.2  # neighbours less alike than this do not vote


# Framing rules checked in order before the cue lists: the first that matches wins.
_PATTERN_RULES = (
    (
        "third_person",
        r"\bwould (?:your|the|my|they|she|he|people|others|a)\b[\w' ]{0,40}\b(?:say|describe|"
        r"call|tell)\b|harshest critic|(?:say|find|think) (?:\w+ ){0,3}about you",
    ),
    (
        "counterfactual",
        r"\bdifferently\b|\bredo\b|\bundo\b|start over|if you could (?:go back|do)|"
        r"do over|take back|reverse|decisions? you regret|(?:the )?same way again|"
        r"(?:make|do|take) (?:\w+ )?again",
    ),
    (
        "inverted_positive",
        r"not (?:yet |very |that |so |really )?good at|(?:weak|bad) at|weakness|"
        r"(?:still|yet) (?:find|struggle)|(?:haven't|not yet) mastered|still need to (?:develop|"
        r"improve|learn)|"
        r"need to work on|area for (?:growth|improvement)|still working (?:on|to get better)|"
        r"still not (?:very |that |so )?good",
    ),
    (
        "conflict_escalation",
        r"\b(?:disagree\w*|pushed back|push back|clash\w*|overruled|conflict|f[ae]ll out)"
        r"\b[\w' ]{0,40}\b(?:manager|leadership|boss|director|executive|vp|leader|ceo|team lead|"
        r"senior|above (?:you|your head)|over your head|(?:upper )?management|(?:person|people) "
        r"(?:running|leading|in charge)|(?:you )?reported to)",
    ),
    (
        "direct_negative",
        r"\bfail\w*|(?:not|least) proud|went wrong|mistake|\berrors?\b|hard to hear|regret|"
        r"didn't go|"
        r"did not go|wrong call|worst|fell short|dropped the ball|got (?:\w+ ){0,2}wrong|backfired|"
        r"let (?:\w+ ){1,5}down|(?:didn't|did not) handle (?:\w+ )?well|"
        r"handled (?:it )?(?:badly|poorly)|missed (?:its|their|your) (?:goal|target)|"
        r"went (?:badly|poorly)|you were wrong|(?:didn't|did not) work\b",
    ),
)


def _rule_pattern(text: str) -> str | None:
    for pattern_id, rule in _PATTERN_RULES:
        if re.search(rule, text, re.IGNORECASE):
            return pattern_id
    return None


def _tokens(text: str) -> list[str]:
    return [w[:6] for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2]


@cache
def _bank_index() -> tuple[list[tuple[Counter[str], taxonomy.Question]], dict[str, float]]:
    questions = [q for q in taxonomy.load().questions if q.family]
    docs = [(Counter(_tokens(q.text)), q) for q in questions]
    df: Counter[str] = Counter()
    for counts, _ in docs:
        df.update(counts.keys())
    idf = {w: math.log((1 + len(docs)) / (1 + n)) + 1 for w, n in df.items()}
    return docs, idf


def _neighbours(text: str, k: int) -> list[tuple[float, taxonomy.Question]]:
    docs, idf = _bank_index()
    query = Counter(_tokens(text))
    qv = {w: n * idf.get(w, 0.0) for w, n in query.items()}
    qn = math.sqrt(sum(v * v for v in qv.values())) or 1.0
    sims = []
    for counts, question in docs:
        dot = sum(qv.get(w, 0.0) * n * idf[w] for w, n in counts.items())
        if dot:
            dn = math.sqrt(sum((n * idf[w]) ** 2 for w, n in counts.items()))
            sims.append((dot / (qn * dn), question))
    sims.sort(key=lambda pair: (-pair[0], pair[1].id))
    return sims[:k]


def similar_questions(
    text: str, k: int = 3, min_similarity: float = 0.0
) -> list[taxonomy.Question]:
    """The questions of our bank most like `text` (cosine on tf-idf of stemmed words)."""
    return [q for sim, q in _neighbours(text, k) if sim >= min_similarity]


def _model_votes(text: str) -> dict[str, float]:
    """The chance of each family in the word model of the questions other authors asked
    (content/question_model.json, scripts/train_question.py), softened (MODEL_TEMPERATURE);
    nothing when not shipped."""
    model = _question_model()
    if model is None:
        return {}
    soft = {f: p / MODEL_TEMPERATURE for f, p in model.log_probs(nb.words(text)).items()}
    top = max(soft.values())
    norm = top + math.log(sum(math.exp(v - top) for v in soft.values()))
    return {f: math.exp(v - norm) for f, v in soft.items() if f != OTHER}


@cache
def _question_model() -> nb.Model | None:
    data = nb.packaged(QUESTION_MODEL)
    return nb.Model(data) if data is not None else None


def _neighbour_votes(text: str) -> dict[str, float]:
    """Families of the five most similar questions in our question bank."""
    votes: dict[str, float] = {}
    for sim, question in _neighbours(text, 5):
        if sim < SIMILARITY_FLOOR:
            continue
        family = str(question.family).split("/")[0]
        votes[family] = votes.get(family, 0.0) + sim
    return votes


def _best(scores: dict[str, float]) -> str:
    best = max(scores, key=lambda f: scores[f])
    return best if scores[best] >= FAMILY_FLOOR else OTHER


@lru_cache(maxsize=512)
def classify(text: str | None) -> QuestionInfo:
    """Family and pattern of a question (None when nothing points anywhere)."""
    if not text or not text.strip():
        return QuestionInfo(None, None, None, True)
    tax = taxonomy.load()
    lowered = text.lower()
    votes = _neighbour_votes(text)
    said = {  # what the question's own words and our bank's questions say
        fam.id: _score(lowered, fam.cues) * 2
        + sum(_score(lowered, s.cues) for s in fam.subtopics)
        + 3 * votes.get(fam.id, 0.0)
        for fam in tax.families
    }
    if _MISSION.search(text):
        said["mission"] += 10
    heard = _model_votes(text)
    family_scores = {f: v + MODEL_WEIGHT * heard.get(f, 0.0) for f, v in said.items()}
    if _PAST_EXPERIENCE.search(text) and not _MISSION_WORDS.search(text):
        # a time you did something is a story, not motivation
        said["mission"] = family_scores["mission"] = 0.0
    family = _best(family_scores)
    if _SUCCESS.search(text) and not _rule_pattern(text):
        family = OTHER  # "a project you're most proud of" is no failure story
    pattern_scores = {p.id: _score(lowered, p.cues) for p in tax.patterns}
    pattern: str | None = max(pattern_scores, key=lambda p: pattern_scores[p])
    if pattern_scores[str(pattern)] == 0:
        pattern = None
    pattern = _rule_pattern(text) or pattern
    if pattern in FAMILY_OF_PATTERN:
        # the frame names the family, unless the question's own words say ethics or
        # ambiguity (the word model's vote alone does not overrule a frame)
        own = _best(said)
        family = own if own in _OWN_FAMILY else FAMILY_OF_PATTERN[pattern]
    asks_past = bool(_PAST_EXPERIENCE.search(text)) and (
        pattern == "counterfactual" or not _HABIT_QUESTION.search(text)
    )
    if family == "mission":
        asks_past = False
        if pattern not in ("third_person", "counterfactual"):
            pattern = None
    return QuestionInfo(text, family, pattern, asks_past)
