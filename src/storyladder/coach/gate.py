"""Is this an answer at all? Empty talk, gibberish, "I don't know", the question said back,
or words about something else entirely: a gate before any scoring.

    not_an_answer(answer, question=None, context=None) -> Gate | None

`context` is text the answer may lean on (the story above a ladder answer), so a short
reply that picks up the story's own words is not taken for an off-topic one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from storyladder.coach import lexicon, nb
from storyladder.coach.text import find, lower, words

OFF_TOPIC_WORDS = 8  # a shorter reply is too little to call off topic: a terse answer is not one
GATE_SCORES = {"gibberish": 0, "dont_know": 5, "restated": 10, "off_topic": 15}
_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890")
_STOP = frozenset(
    """a an the you your yours me my i i'm i've i'd to of in on at for with about and or that
    this it its it's was were is are be been tell time when what which how did do does have has
    had would could should someone something there their they them we our us who from as by
    so but if then than just really very can can't cannot not no yes one any some all me
    myself give example describe walk through talk share situation moment kind sort well""".split()
)


@dataclass(frozen=True)
class Gate:
    kind: str  # gibberish | dont_know | restated | off_topic
    reason: str

    @property
    def score(self) -> int:
        return GATE_SCORES[self.kind]


def not_an_answer(
    answer: str, question: str | None = None, context: str | None = None
) -> Gate | None:
    """Why `answer` is not an answer to `question`, or None when it is one."""
    tokens = [w.lower().strip("'’-") for w in words(answer)]
    alpha = [w for w in tokens if any(c.isalpha() for c in w)]
    if not alpha or sum(_wordlike(w) for w in alpha) < 0.5 * len(alpha):
        return Gate("gibberish", "these are not words of an answer")
    content = _content(_without(answer, lexicon.DONT_KNOW))
    if len(content) < 3 and not find(lexicon.FIND_OUT, answer):
        return Gate("dont_know", "no answer is given yet, only that there is none")
    if question:
        asked = _content(question)
        said = set(content)
        if asked and len(said - asked) <= 2 and len(said & asked) >= max(1, len(said) // 2):
            return Gate("restated", "the answer says the question back")
        background = asked | (_content(context) if context else set())
        if (
            len(said) >= OFF_TOPIC_WORDS
            and not said & background
            and not find(lexicon.WORK, answer)
        ):
            return Gate("off_topic", "nothing in the answer is about the question or your work")
    return None


def _without(text: str, pattern: re.Pattern[str]) -> str:
    out = lower(text)
    for span in find(pattern, text):
        out = out[: span.start] + " " * (span.end - span.start) + out[span.end :]
    return out


def _content(text: str) -> set[str]:
    return {_stem(w) for w in words(text.lower()) if w.isalpha() and w not in _STOP}


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _wordlike(word: str) -> bool:
    if word in _known():
        return True
    if len(word) >= 3 and any(word in row for row in _KEYBOARD):
        return False
    if re.search(r"(.)\1\1", word) or re.search(r"[^aeiouy\d]{5,}", word):
        return False
    return bool(re.search(r"[aeiouy]", word)) or word.isdigit()


@cache
def _known() -> frozenset[str]:
    """Words the coach has seen in real answers (the component model's vocabulary)."""
    model = nb.shipped()
    return frozenset(f for f in model.log_likelihood if f.isalpha()) if model else frozenset()
