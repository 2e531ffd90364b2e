"""The stance, enforced on model output: no invented numbers, people or quotes.

A sentence that carries a number or a name the candidate never used is dropped;
an evaluation's quoted evidence must appear word for word in the answer.
"""

from __future__ import annotations

import re

_NUMBER = re.compile(r"\d[\d,.]*")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)(?<=\s)([A-Z][a-z]{2,})\b")
_KNOWN_WORDS = frozenset(
    """I What Why How When Where Which Who Tell Walk Describe You Your The A An And But So If
    Did Do Does Was Were Is Are Have Has Had Looking Thinking Imagine Suppose Say Let Could Would
    Should That This Those These It Its In On At For With Anthropic Amazon Google Meta OpenAI
    Palantir STAR""".split()
)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def invented(text: str, source: str) -> list[str]:
    """Numbers and names in `text` that `source` (the candidate's own words) does not contain."""
    out = [n for n in _NUMBER.findall(text) if n.rstrip(".,") not in source]
    out += [n for n in _NAME.findall(text) if n not in _KNOWN_WORDS and n not in source]
    return out


def keep_grounded(text: str, source: str) -> str:
    """`text` without the sentences that invent a number or a name."""
    kept = [s for s in _sentences(text) if not invented(s, source)]
    return " ".join(kept)


def quotes_exist(quotes: list[str], answer: str) -> list[str]:
    """The quotes that are NOT in the answer, word for word (whitespace-insensitive)."""
    flat = " ".join(answer.split())
    return [q for q in quotes if " ".join(q.split()) not in flat]
