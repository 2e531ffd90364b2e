"""The labelled corpus format (tests/corpus/README.md): whole answers split into labelled
sentences, ladder answers that meet or miss their level, and whole banks with labels.

Used to train the component model and to measure the coach; kept in the package so
anyone can measure it on answers they labelled themselves. Every item names its author
and style, so figures can be held out by author.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from storyladder.model import LEVELS, Story


@dataclass(frozen=True)
class LabelledAnswer:
    id: str
    author: str
    style: str
    quality: str | None  # strong | mixed | weak | non_answer | off_topic (None: not labelled)
    question: str | None
    company: str
    family: str | None
    pattern: str | None
    text: str
    spans: tuple[tuple[int, int, str], ...]  # (start, end, component) of each labelled sentence
    flags: frozenset[str]

    @property
    def answers_nothing(self) -> bool:
        """A non-answer, or an off-topic answer its author did not label as an answer with
        flaws of its own (a success told for a failure can be labelled humble_brag, no_cost)."""
        if self.quality == "non_answer":
            return True
        return self.quality == "off_topic" and (not self.flags or "non_answer" in self.flags)


@dataclass(frozen=True)
class LadderAnswer:
    id: str  # story id + level + strong|weak
    author: str
    style: str
    story: str  # the story as told above the ladder
    level: str
    question: str | None
    answer: str
    met: bool


@dataclass(frozen=True)
class LabelledBank:
    author: str
    style: str
    stories: tuple[Story, ...]
    met: dict[str, dict[str, bool]]  # story id -> level -> meets it


@dataclass(frozen=True)
class Corpus:
    answers: tuple[LabelledAnswer, ...]
    ladders: tuple[LadderAnswer, ...]
    banks: tuple[LabelledBank, ...]
    pairs: tuple[dict[str, Any], ...]
    heldout: frozenset[str]  # authors never looked at while tuning
    sealed: frozenset[str] = frozenset()  # held out and not even measured while tuning

    def tuning(self) -> Corpus:
        return self._only(lambda author: author not in self.heldout | self.sealed)

    def held_out(self) -> Corpus:
        return self._only(lambda author: author in self.heldout)

    def sealed_set(self) -> Corpus:
        return self._only(lambda author: author in self.sealed)

    def _only(self, keep: Any) -> Corpus:
        return Corpus(
            tuple(a for a in self.answers if keep(a.author)),
            tuple(x for x in self.ladders if keep(x.author)),
            tuple(b for b in self.banks if keep(b.author)),
            tuple(p for p in self.pairs if keep(p.get("author", ""))),
            self.heldout,
            self.sealed,
        )

    @property
    def authors(self) -> list[str]:
        found = {a.author for a in self.answers} | {x.author for x in self.ladders}
        return sorted(found | {b.author for b in self.banks})


def _answer(item: dict[str, Any]) -> LabelledAnswer:
    text, spans = "", []
    breaks = set(item.get("paragraph_breaks") or ())
    joiner = "\n" if item.get("layout") == "lines" else " "
    for i, (component, sentence) in enumerate(item["sentences"]):
        if i:
            text += "\n\n" if i in breaks else joiner
        start = len(text)
        text += sentence
        spans.append((start, len(text), component))
    return LabelledAnswer(
        id=item["id"],
        author=item.get("author") or "unknown",
        style=item.get("style") or "prose",
        quality=item.get("quality"),
        question=item.get("question"),
        company=item.get("company") or "generic",
        family=item.get("family"),
        pattern=item.get("pattern"),
        text=text,
        spans=tuple(spans),
        flags=frozenset(item.get("flags") or ()),
    )


def _ladder(item: dict[str, Any]) -> Iterator[LadderAnswer]:
    for level in LEVELS:
        entry = item["ladder"][level]
        for kind in ("strong", "weak"):
            yield LadderAnswer(
                id=f"{item['id']}:{level}:{kind}",
                author=item["author"],
                style=item.get("style") or "prose",
                story=item["story"],
                level=level,
                question=entry.get("question"),
                answer=str(entry[kind]),
                met=kind == "strong",
            )


def _bank(folder: Path) -> LabelledBank:
    from storyladder.formats.markdown import parse

    labels = _yaml(folder / "labels.yaml")
    stories = tuple(
        parse(p.read_text(encoding="utf-8"), p.name) for p in sorted(folder.glob("*.md"))
    )
    return LabelledBank(
        labels["author"], labels.get("style") or "prose", stories, labels["stories"]
    )


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def answers(folder: Path, skip: frozenset[str] = frozenset()) -> list[LabelledAnswer]:
    """Every labelled whole answer: answers_*.yaml and authors/*_answers.yaml (but those of
    the authors in `skip`, whose files are not even read)."""
    paths = sorted(folder.glob("answers_*.yaml")) + _authors_files(folder, "answers", skip)
    return [_answer(item) for path in paths for item in _yaml(path)]


def _authors_files(folder: Path, kind: str, skip: frozenset[str]) -> list[Path]:
    """authors/NAME_KIND.yaml, in name order, leaving out the authors in `skip` (a reserved
    author's file may be half written)."""
    paths = sorted(folder.glob(f"authors/*_{kind}.yaml"))
    return [p for p in paths if p.name.removesuffix(f"_{kind}.yaml") not in skip]


def load(folder: Path) -> Corpus:
    """The corpus in `folder`, split by split.yaml. Its `reserved` authors are left out of
    everything, tuning and measuring alike: written for a later report, read by nobody."""
    split = _yaml(folder / "split.yaml") if (folder / "split.yaml").exists() else {}
    reserved = frozenset(split.get("reserved") or ())
    pairs_path = folder / "pairs.yaml"
    return Corpus(
        answers=tuple(a for a in answers(folder, reserved) if a.author not in reserved),
        ladders=tuple(
            x
            for path in _authors_files(folder, "ladders", reserved)
            for item in _yaml(path)
            for x in _ladder(item)
            if x.author not in reserved
        ),
        banks=tuple(
            bank
            for p in sorted(folder.glob("banks/*"))
            if p.name not in reserved and (p / "labels.yaml").exists()
            for bank in [_bank(p)]
            if bank.author not in reserved
        ),
        pairs=tuple(_yaml(pairs_path)) if pairs_path.exists() else (),
        heldout=frozenset(split.get("heldout") or ()),
        sealed=frozenset(split.get("sealed") or ()),
    )


def labelled_sentences(items: list[LabelledAnswer]) -> Iterator[tuple[str, str, float, str]]:
    """(answer id, sentence, relative position, component) for every labelled sentence."""
    for answer in items:
        n = len(answer.spans)
        for i, (start, end, component) in enumerate(answer.spans):
            yield answer.id, answer.text[start:end], i / (n - 1) if n > 1 else 0.5, component
