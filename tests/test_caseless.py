"""An re.IGNORECASE pattern's twin (coach/caseless.py) finds, on ASCII text lowercased, what
the pattern finds on the text: every such pattern of the coach, on corpus answers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyladder.coach import (
    caseless,
    components,
    flags,
    gate,
    levels,
    lexicon,
    match,
    reading,
    signals,
)
from storyladder.coach.text import find
from storyladder.evaluation.corpus import answers

MODULES = (components, flags, gate, levels, lexicon, match, reading, signals)
ODD = [
    "I Was WRONG, I think; We DIDN'T ship. The VP said 'no'. Then we Decided. I'm Sorry.",
    "She was right. WE WENT WITH IT. i didnt. It depends. People must. You should have.",
]


def _caseless() -> list[re.Pattern[str]]:
    found = {
        id(v): v
        for module in MODULES
        for v in vars(module).values()
        if isinstance(v, re.Pattern) and v.flags & re.IGNORECASE
    }
    return list(found.values())


@pytest.fixture(scope="module")
def texts() -> list[str]:
    every = [a.text for a in answers(Path(__file__).parent / "corpus")]
    return [t for t in every[::9] if t.isascii()] + ODD


def test_each_twin_matches_what_its_pattern_matches(texts: list[str]) -> None:
    patterns = _caseless()
    assert len(patterns) > 20
    for pattern in patterns:
        twin = caseless.twin(pattern)
        assert twin is not None, pattern.pattern[:60]
        for text in texts:
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in twin.finditer(text.lower())] == expected, pattern.pattern
            assert caseless.found(pattern, text) == bool(expected)


def test_find_gives_the_patterns_own_spans_on_any_text() -> None:
    for text in [*ODD, "ÉTÉ: I Was wrong. İ was Wrong. ſhe WAS right."]:
        for pattern in (lexicon.NEGATION, levels._PAST_TENSE, lexicon.OPINION):
            spans = [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
            assert [(s.start, s.end, s.text) for s in find(pattern, text)] == spans


def test_a_pattern_with_a_part_of_its_own_case_has_no_twin() -> None:
    assert caseless.twin(re.compile(r"a(?-i:B)c", re.IGNORECASE)) is None
    assert caseless.twin(re.compile(r"abc")) is None
    assert caseless.twin(re.compile(r"\W[A-Z]\\S", re.IGNORECASE)).pattern == r"\W[a-z]\\s"  # type: ignore[union-attr]
