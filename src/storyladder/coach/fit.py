"""Which categories, subtopics and competencies a text is about: from the taxonomy's cues.

Used to infer what an untagged story covers and what a question asks for. A fit
needs at least `MIN_CUES` different cues, so one stray word does not tag a story
(a subtopic also needs one cue of its own, not only its family's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from storyladder import taxonomy
from storyladder.coach.text import WORDS_KEPT, lower

MIN_CUES = {"categories": 2, "subtopics": 3, "competencies": 3}


@dataclass(frozen=True)
class Fit:
    categories: frozenset[str]
    subtopics: frozenset[str]
    competencies: frozenset[str]

    def to_dict(self) -> dict[str, list[str]]:
        return {k: sorted(getattr(self, k)) for k in KINDS}

    @classmethod
    def from_dict(cls, data: dict[str, list[str]]) -> Fit:
        return cls(*(frozenset(data[k]) for k in KINDS))


KINDS = ("categories", "subtopics", "competencies")


@cache
def _all_cues() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    """One pattern that finds every cue in a single pass, and each cue's prefixes among cues.

    At each word start the longest cue wins; the cues it begins with ("user" in
    "users") are counted too, so one pass finds what separate searches would. (The
    definition of what `cues_in` finds, faster by words: tests compare the two.)
    """
    cues = sorted(
        {c for _, _, own, shared in _cue_table() for c in own | shared}, key=len, reverse=True
    )
    body = "|".join(re.escape(c) for c in cues)
    prefixes = {c: frozenset(p for p in cues if c.startswith(p)) for c in cues}
    return re.compile(rf"(?<!\w)(?=({body}))"), prefixes


def cues_in(text: str) -> frozenset[str]:
    """Every cue of the taxonomy that occurs in `text` (lowercased) where a word begins:
    what one pass of `_all_cues` finds, looked up by the text's words instead. A cue of
    one word occurs where a word of the text begins with it; a cue of more ("push back")
    only where its first word is a word of the text, and is looked for there."""
    by_first = _cue_words()[2]
    said = set(_RUN.findall(text))  # each distinct word once, found in C
    found: set[str] = set()
    for word in said:
        found.update(_cues_beginning(word))
    for word in said.intersection(by_first):
        pattern, prefixes = by_first[word]
        at = 0
        while match := pattern.search(text, at):  # a scan for the word's literal beginning
            at = match.start()
            if at == 0 or _WORD_CHAR.match(text, at - 1) is None:  # where a word begins
                found.update(prefixes[match.group()])
            at += 1
    return frozenset(found)


_RUN = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")


@lru_cache(maxsize=WORDS_KEPT)
def _cues_beginning(word: str) -> tuple[str, ...]:
    """The one-word cues `word` begins with ("user" in "users"), worked out once a word."""
    single, lengths, _ = _cue_words()
    return tuple(word[:n] for n in lengths if n <= len(word) and word[:n] in single)


Multi = tuple[re.Pattern[str], dict[str, tuple[str, ...]]]


@cache
def _cue_words() -> tuple[frozenset[str], tuple[int, ...], dict[str, Multi]]:
    """The cues that are one run of word characters, their lengths (shortest first), and
    the other cues by their first run (every cue begins with a word character): for each
    first run, one pattern of its cues (the longest first, so that a match is the longest
    cue there) and each cue's prefixes among them (the cues also found where it is)."""
    cues = {c for _, _, own, shared in _cue_table() for c in own | shared}
    single = frozenset(c for c in cues if _RUN.fullmatch(c))
    by_first: dict[str, list[str]] = {}
    for cue in sorted(cues - single):
        first = _RUN.match(cue)
        if first is None:
            raise ValueError(f"the cue {cue!r} does not begin with a word")
        by_first.setdefault(first.group(), []).append(cue)
    lengths = tuple(sorted({len(c) for c in single}))
    multi = {}
    for word, group in by_first.items():
        longest = sorted(group, key=len, reverse=True)
        body = "|".join(re.escape(c[len(word) :]) for c in longest)
        prefixes = {c: tuple(p for p in group if c.startswith(p)) for c in group}
        multi[word] = (re.compile(rf"{re.escape(word)}(?:{body})"), prefixes)
    return single, lengths, multi


@cache
def _cue_table() -> tuple[tuple[str, str, frozenset[str], frozenset[str]], ...]:
    """(kind, id, own cues, shared cues) for everything that can be inferred."""
    tax = taxonomy.load()

    def low(cues: tuple[str, ...]) -> frozenset[str]:
        return frozenset(c.lower() for c in cues)

    rows: list[tuple[str, str, frozenset[str], frozenset[str]]] = []
    rows += [("categories", c.id, low(c.cues), frozenset()) for c in tax.categories]
    for family in tax.families:
        rows += [("subtopics", s.id, low(s.cues), low(family.cues)) for s in family.subtopics]
    rows += [("competencies", c.id, low(c.cues), frozenset()) for c in tax.competencies]
    return tuple(rows)


def infer(text: str, thresholds: dict[str, int] | None = None) -> Fit:
    """What `text` is about, by the cues it uses (a short question needs fewer cues)."""
    need = thresholds or MIN_CUES
    present = cues_in(lower(text))
    found: dict[str, set[str]] = {"categories": set(), "subtopics": set(), "competencies": set()}
    for kind, item_id, own, shared in _cue_table():
        mine = len(present & own)
        if mine and mine + len(present & shared) >= need[kind]:
            found[kind].add(item_id)
    return Fit(
        frozenset(found["categories"]),
        frozenset(found["subtopics"]),
        frozenset(found["competencies"]),
    )
