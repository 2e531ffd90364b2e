"""A field's text cut into pieces by the comments anchored to it, for <mark> tags."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

CONTEXT = 60  # characters shown on each side of a quoted span


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    comment: int  # the comment's id


def pieces(text: str, spans: Sequence[Span]) -> list[tuple[str, tuple[int, ...]]]:
    """(text, ids of the comments on it) in order; joined, the pieces are the text. Spans
    may overlap; a span outside the text is ignored."""
    inside = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in inside), *(s.end for s in inside)})
    out = []
    for a, b in pairwise(cuts):
        out.append((text[a:b], tuple(s.comment for s in inside if s.start <= a and b <= s.end)))
    return out


def around(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(before, the span, after), the sides cut to CONTEXT characters with an ellipsis."""
    before, after = text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]
    if start > CONTEXT:
        before = "…" + before
    if end + CONTEXT < len(text):
        after += "…"
    return before, text[start:end], after
