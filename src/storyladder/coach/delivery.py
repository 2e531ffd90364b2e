"""How an answer was said, from the words of a transcript and their times: observations,
never verdicts. Words per minute, fillers, long pauses and where they fell, and the
seconds each STAR part took. Nothing here judges a voice, an accent or "confidence".

    delivery(words, components=None) -> Delivery
    rehearsed(deliveries, texts) -> list[str]      across several answers (SPEC §5)

Pure: `words` are (text, start, end) in seconds, as a transcriber gives them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

FILLER = re.compile(r"^(?:u+m+|u+h+m*|e+r+m*|h+m+|a+h+|mm+)$")  # "um", "uh", "erm", "hmm"
LONG_PAUSE = 1.5  # seconds of silence a listener notices (SPEC §11: pauses over ~1.5 s)


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": round(self.start, 2), "end": round(self.end, 2)}


@dataclass(frozen=True)
class Pause:
    start: float
    end: float
    before: str  # the word the pause came before ("" at the end)

    def to_dict(self) -> dict[str, Any]:
        return {"start": round(self.start, 2), "end": round(self.end, 2), "before": self.before}


@dataclass(frozen=True)
class Delivery:
    seconds: float  # from the first word to the last
    words: int
    wpm: float
    fillers: tuple[str, ...]
    pauses: tuple[Pause, ...]
    part_seconds: dict[str, float]  # STAR-L part -> seconds spent on it (when parts are known)

    @property
    def fillers_per_minute(self) -> float:
        return round(len(self.fillers) / self.seconds * 60, 1) if self.seconds else 0.0

    def observations(self) -> list[str]:
        """What a listener would notice, said plainly (no score, no verdict)."""
        out = [f"{self.wpm:.0f} words per minute over {self.seconds:.0f} s"]
        if self.fillers:
            out.append(
                f"{len(self.fillers)} filler(s) ({self.fillers_per_minute}/min): "
                + ", ".join(sorted(set(self.fillers)))
            )
        for p in self.pauses:
            where = f"before '{p.before}'" if p.before else "at the end"
            out.append(f"a {p.end - p.start:.1f} s pause at {p.start:.0f} s, {where}")
        if self.part_seconds:
            out.append(
                "seconds per part: "
                + ", ".join(f"{k} {v:.0f}" for k, v in self.part_seconds.items() if v)
            )
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "seconds": round(self.seconds, 1),
            "words": self.words,
            "wpm": round(self.wpm, 1),
            "fillers": {
                "count": len(self.fillers),
                "per_minute": self.fillers_per_minute,
                "words": list(self.fillers),
            },
            "pauses": [p.to_dict() for p in self.pauses],
            "part_seconds": {k: round(v, 1) for k, v in self.part_seconds.items()},
            "observations": self.observations(),
        }


def bare(word: str) -> str:
    return re.sub(r"[^\w']", "", word.lower())


def is_filler(word: str) -> bool:
    return bool(FILLER.match(bare(word)))


def pauses(words: Sequence[Word], longer_than: float = LONG_PAUSE) -> list[Pause]:
    out = []
    for a, b in zip(words, words[1:], strict=False):
        if b.start - a.end >= longer_than:
            out.append(Pause(a.end, b.start, b.text.strip()))
    return out


def delivery(
    words: Sequence[Word], components: Sequence[tuple[int, int, str]] = (), text: str = ""
) -> Delivery:
    """The delivery of one spoken answer. With `components` ((start, end, part) character
    spans of `text`, the transcript the words were joined into), the seconds of each part."""
    spoken = [w for w in words if bare(w.text)]
    if not spoken:
        return Delivery(0.0, 0, 0.0, (), (), {})
    seconds = max(spoken[-1].end - spoken[0].start, 0.01)
    fillers = tuple(bare(w.text) for w in spoken if is_filler(w.text))
    counted = len(spoken) - len(fillers)
    return Delivery(
        seconds,
        counted,
        counted / seconds * 60,
        fillers,
        tuple(pauses(spoken)),
        _part_seconds(spoken, components, text) if components and text else {},
    )


def _part_seconds(
    words: Sequence[Word], components: Sequence[tuple[int, int, str]], text: str
) -> dict[str, float]:
    """Walk the transcript text word by word to know which part each spoken word is in."""
    out: dict[str, float] = {}
    position, last_end = 0, words[0].start
    for word in words:
        token = word.text.strip()
        found = text.find(token, position) if token else -1
        took, last_end = word.end - last_end, word.end  # the pause before a word is its part's
        if found < 0:
            continue
        position = found + len(token)
        part = next((c for s, e, c in components if s <= found < e), None)
        if part:
            out[part] = out.get(part, 0.0) + took
    return out


SAME_LENGTH = 0.10  # spread of answer lengths (std / mean) below which they all run alike
SAME_OPENING = 0.6  # share of answers that open with the same words


def rehearsed(deliveries: Sequence[Delivery], texts: Sequence[str]) -> list[str]:
    """Signs across several spoken answers that they were performed rather than told
    (SPEC §5): every answer the same length, no hesitation anywhere, the same opening
    every time. Observations for the candidate to listen for, never a verdict."""
    if len(deliveries) < 3:
        return []
    out = []
    lengths = [d.seconds for d in deliveries]
    mean = sum(lengths) / len(lengths)
    spread = (sum((x - mean) ** 2 for x in lengths) / len(lengths)) ** 0.5 / mean if mean else 1
    if spread < SAME_LENGTH:
        out.append(
            f"every answer runs about the same length ({min(lengths):.0f}-{max(lengths):.0f} s): "
            "answers told, not performed, run short when the question is small"
        )
    if not any(d.fillers or d.pauses for d in deliveries):
        out.append(
            "no pause and no filler anywhere: a pause to think when a follow-up goes deep "
            "sounds like thinking, not like weakness"
        )
    openings = [" ".join(re.findall(r"[a-z']+", t.lower())[:3]) for t in texts if t.strip()]
    if openings:
        common = max(set(openings), key=openings.count)
        if openings.count(common) >= max(3, SAME_OPENING * len(openings)):
            out.append(f'{openings.count(common)} of {len(openings)} answers open with "{common}"')
    return out
