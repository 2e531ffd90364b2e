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

_DECISION = re.compile(
    r"\bI (?:\w+ly )?((?:decided|chose|proposed|pushed|opted|went with|agreed|insisted|refused|"
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
    words = text.split()
    clipped = " ".join(words[:_WORDS_MAX])
    return clipped.rstrip(",;:-") + ("..." if len(words) > _WORDS_MAX else "")


def grounding(r: Reading, level: str) -> dict[str, str]:
    """The candidate's own words each placeholder can take, for one level."""
    out = dict(_grounding(r))
    source = {"context": ("situation", "task"), "meta_reflection": ("learning", "result")}
    parts = r.of(*source.get(level, ("action",))) or list(r.sentences[:1])
    if parts:
        out["phrase"] = _clip(parts[0].text.rstrip(".!?"))
    return out


def _grounding(r: Reading) -> dict[str, str]:
    """What every level can use (a person, a move, a number, a feeling), read once."""
    cached = r.memo.get("grounding")
    if cached is not None:
        return cached
    out: dict[str, str] = {}
    if r.names:
        counts: dict[str, int] = {}
        for n in r.names:
            counts[n.text] = counts.get(n.text, 0) + 1
        out["person"] = max(counts, key=lambda k: (counts[k], -r.text.index(k)))
    for s in r.of("action", "task", "result"):
        m = _DECISION.search(s.text)
        if m:
            out["move"] = second_person(_clip(m.group(1).strip()))
            chose = _CHOSE_TO.match(m.group(1))
            if chose:
                out["decision"] = second_person(_clip(chose.group(1).strip()))
            break
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


def follow_ups(r: Reading, levels: tuple[str, ...] = LEVELS[1:]) -> tuple[FollowUp, ...]:
    """One probe per ladder level beyond the surface, grounded where the answer allows."""
    out = []
    for level in levels:
        filled = grounding(r, level)
        for template in templates()[level]:
            names = set(re.findall(r"{(\w+)}", template))
            if names <= filled.keys():
                out.append(FollowUp(level, template.format(**{k: filled[k] for k in names})))
                break
    return tuple(out)
