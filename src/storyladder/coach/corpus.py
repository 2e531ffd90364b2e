"""The labelled corpus format (tests/corpus/README.md): answers split into labelled sentences.

Used to train the component model and to measure the coach; kept in the package so
anyone can measure it on answers they labelled themselves.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class LabelledAnswer:
    id: str
    question: str | None
    company: str
    family: str | None
    pattern: str | None
    text: str
    spans: tuple[tuple[int, int, str], ...]  # (start, end, component) of each labelled sentence
    flags: frozenset[str]


def _answer(item: dict[str, Any]) -> LabelledAnswer:
    text, spans = "", []
    breaks = set(item.get("paragraph_breaks") or ())
    for i, (component, sentence) in enumerate(item["sentences"]):
        if i:
            text += "\n\n" if i in breaks else " "
        start = len(text)
        text += sentence
        spans.append((start, len(text), component))
    return LabelledAnswer(
        id=item["id"],
        question=item.get("question"),
        company=item.get("company") or "generic",
        family=item.get("family"),
        pattern=item.get("pattern"),
        text=text,
        spans=tuple(spans),
        flags=frozenset(item.get("flags") or ()),
    )


def answers(folder: Path) -> list[LabelledAnswer]:
    out = []
    for path in sorted(folder.glob("answers_*.yaml")):
        out += [_answer(item) for item in yaml.safe_load(path.read_text(encoding="utf-8"))]
    return out


def pairs(folder: Path) -> list[dict[str, Any]]:
    return list(yaml.safe_load((folder / "pairs.yaml").read_text(encoding="utf-8")))


def labelled_sentences(folder: Path) -> Iterator[tuple[str, str, float, str]]:
    """(answer id, sentence, relative position, component) for every labelled sentence."""
    for answer in answers(folder):
        n = len(answer.spans)
        for i, (start, end, component) in enumerate(answer.spans):
            yield answer.id, answer.text[start:end], i / (n - 1) if n > 1 else 0.5, component
