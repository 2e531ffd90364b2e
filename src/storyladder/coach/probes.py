"""Follow-up questions grounded in what the candidate said: a person, a move, a number, a phrase.

The coach never supplies content: it only quotes the candidate back to themselves
and asks. Templates live in content/followups.yaml.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from storyladder.coach.reading import Reading
from storyladder.model import LEVELS, FollowUp

_DECISION = re.compile(  # \bI ...: the I first, the \b before it a look-behind (a faster scan)
    r"I(?<!\wI) (?:\w+ly )?"
    r"((?:decided|chose|proposed|pushed|opted|went with|agreed|insisted|refused|"
    r"declined|rolled|reverted|delayed|paused|shelved|escalated|told|asked|cut|skipped|muted|"
    r"shipped|dismissed|delegated|rewrote|overrode|split|moved|stopped|kept|held|raised|"
    r"flagged|recommended|suggested|volunteered)\b[^,.;:!?]{4,90})"
)
_CHOSE_TO = re.compile(
    r"(?:decided|chose|opted|agreed|proposed|insisted|pushed|refused|wanted) (?:not )?to (.+)"
)
_FEELING = re.compile(
    r"\bI (?:felt|was|got|am|'m)(?: \w+)?? (?:really |so |pretty |quite |honestly )?"
    r"(scared|embarrassed|angry|frustrated|anxious|relieved|sick|proud|ashamed|nervous|guilty|"
    r"gutted|furious|terrified|overwhelmed|exhausted|humbled|defensive|hurt|torn|afraid|"
    r"devastated|mortified|upset|stressed|resentful|uneasy|worried)\b",
    re.IGNORECASE,
)
_SECOND_PERSON = (
    (r"\bI'm\b", "you're"),
    (r"\bI've\b", "you've"),
    (r"\bI'd\b", "you'd"),
    (r"\bI\b", "you"),
    (r"\bmy\b", "your"),
    (r"\bme\b", "you"),
    (r"\bmyself\b", "yourself"),
    (r"\bmine\b", "yours"),
    (r"\bour\b", "your"),
    (r"\bwe\b", "you"),
    (r"\bus\b", "you"),
)
_WORDS_MAX = 14
_WORDS_MIN = 4  # a quote cut shorter than this at a clause says too little
_CLAUSE = re.compile(r"[,;:]\s|\s(?=(?:and|but|because|so|which|when|while|until|after)\s)")
# A move the candidate weighed or turned down is not the move they made.
_NOT_DONE = re.compile(
    r"(?:could|would|might|should)(?:n't| not)?(?: have|'ve)?\s+(?:\w+\s+)?$|"
    r"\b(?:considered|thought about|instead of|rather than|not|never|didn't|did not|"
    r"almost|nearly|wanted to)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


@cache
def templates() -> dict[str, list[str]]:
    text = resources.files("storyladder.content").joinpath("followups.yaml").read_text("utf-8")
    data: dict[str, list[str]] = yaml.safe_load(text)["followups"]
    return data


def second_person(text: str) -> str:
    for pattern, repl in _SECOND_PERSON:
        text = re.sub(pattern, repl, text)
    return text


def _clip(text: str) -> str:
    """A quote of at most _WORDS_MAX words, cut at a clause boundary where there is one, so
    the interviewer never quotes half a phrase ("...replayed....")."""
    text = " ".join(text.split()).rstrip(" .!?,;:-")
    words = text.split()
    if len(words) <= _WORDS_MAX:
        return text
    head = " ".join(words[:_WORDS_MAX])
    cuts = [
        m.start() for m in _CLAUSE.finditer(head) if len(head[: m.start()].split()) >= _WORDS_MIN
    ]
    if cuts:
        return head[: cuts[-1]].rstrip(" ,;:-")
    return head.rstrip(" .,;:-") + "..."


def grounding(r: Reading, level: str) -> dict[str, str]:
    """The candidate's own words each placeholder can take, for one level."""
    out = dict(_grounding(r))
    source = {"context": ("situation", "task"), "meta_reflection": ("learning", "result")}
    parts = r.of(*source.get(level, ("action",))) or list(r.sentences[:1])
    quotable = [p for p in parts if len(p.text.split()) >= 3]
    if quotable:
        out["phrase"] = _clip(quotable[0].text)
    return out


def _grounding(r: Reading) -> dict[str, str]:
    """What every level can use (a person, a move, a number, a feeling), read once."""
    cached = r.memo.get("grounding")
    if cached is not None:
        return cached
    out: dict[str, str] = {}
    named = [n.text for n in r.people]
    if named:
        out["person"] = max(set(named), key=lambda k: (named.count(k), -r.text.index(k)))
    move = _move(r)
    if move:
        out["move"] = second_person(_clip(move))
        chose = _CHOSE_TO.match(move)
        if chose:
            out["decision"] = second_person(_clip(chose.group(1).strip()))
    numbers = [q for q in r.quantities if not re.fullmatch(r"(?:19|20)\d\d", q.text.strip())]
    results = {s.start for s in r.of("result")}
    in_result = [q for q in numbers if r.sentence_at(q.start).start in results]
    if in_result or numbers:
        out["number"] = (in_result or numbers)[0].text.strip()
    feeling = _FEELING.search(r.text)
    if feeling:
        out["feeling"] = feeling.group(1).lower()
    r.memo["grounding"] = out
    return out


def _move(r: Reading) -> str | None:
    """The move the candidate says they made ("decided to roll back"), preferring a stated
    decision; never one they only weighed, turned down or nearly made."""
    found = []
    for s in r.of("action", "task", "result") or list(r.sentences):
        for m in _DECISION.finditer(s.text):
            if not _NOT_DONE.search(s.text[: m.start()]):
                found.append(m.group(1).strip())
    chosen = [f for f in found if _CHOSE_TO.match(f)]
    return (chosen or found or [None])[0]


def fill(patterns: list[str], values: dict[str, str]) -> list[tuple[str, str]]:
    """(template, question) for every template whose placeholders the values fill, in order."""
    out = []
    for template in patterns:
        names = set(re.findall(r"{(\w+)}", template))
        if names <= values.keys():
            out.append((template, template.format(**{k: values[k] for k in names})))
    return out


def candidates(r: Reading, level: str) -> list[tuple[str, str]]:
    """Every probe for `level` the answer can fill, grounded ones first (the last template
    of each level needs nothing and closes the list)."""
    return fill(templates()[level], grounding(r, level))


def follow_ups(r: Reading, levels: tuple[str, ...] = LEVELS[1:]) -> tuple[FollowUp, ...]:
    """One probe per ladder level beyond the surface, grounded where the answer allows."""
    return tuple(FollowUp(level, candidates(r, level)[0][1]) for level in levels)


_QUOTED = re.compile(r"\"([^\"]{6,})\"")
_FIGURE = re.compile(r"\d[\d,.]*%?")
MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+")  # a name, likely


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def grounded(question: str, answer: str) -> bool:
    """Does a follow-up stand on the candidate's last answer: a quote of it, four of its
    words in a row said back (in the second person), or a name or figure from it? The
    same test holds for the offline probes and for a model's rephrasing of them."""
    said = " ".join(answer.split()).lower()
    if any(q.rstrip(".").lower() in said for q in _QUOTED.findall(question)):
        return True
    echoed = " ".join(_words(question))
    told = _words(second_person(answer))
    if any(" ".join(told[i : i + 4]) in echoed for i in range(len(told) - 3)):
        return True
    names = [w for w in MID_SENTENCE_CAPITAL.findall(question) if re.search(rf"\b{w}\b", answer)]
    return bool(names or [f for f in _FIGURE.findall(question) if f in answer])
