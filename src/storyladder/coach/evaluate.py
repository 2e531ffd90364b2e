"""Measure the coach on a labelled corpus: components, question framing, flags, pair ordering.

Used by bench/eval_coach.py (which prints the figures for docs/coach.md) and by the
test suite (which keeps them from sliding back).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyladder.coach import components, nb
from storyladder.coach.corpus import LabelledAnswer, answers, pairs
from storyladder.coach.critique import critique
from storyladder.coach.question import classify
from storyladder.coach.text import sentences


@dataclass
class FlagScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _tags_for(
    answer: LabelledAnswer, model: nb.Model | None, beta: float = components.BETA
) -> list[str | None]:
    predicted = sentences(answer.text)
    mission = classify(answer.question).family == "mission"
    tags = components.tag([p.text for p in predicted], mission=mission, model=model, beta=beta)
    out: list[str | None] = []
    for start, end, _ in answer.spans:
        middle = (start + end) // 2
        index = next((i for i, p in enumerate(predicted) if p.start <= middle < p.end), None)
        out.append(tags[index] if index is not None else None)
    return out


def component_accuracy(
    items: list[LabelledAnswer], model: nb.Model | None = None, beta: float = components.BETA
) -> float:
    right = total = 0
    for answer in items:
        for (_, _, label), tag in zip(answer.spans, _tags_for(answer, model, beta), strict=True):
            right += tag == label
            total += 1
    return right / total if total else 0.0


def component_accuracy_cross_validated(items: list[LabelledAnswer]) -> float:
    """Train the word model on one part of the corpus, test on the other, and the reverse.

    The parts are the answer files (written by different authors), so this is the
    figure to expect on answers we have not seen.
    """
    groups: dict[str, list[LabelledAnswer]] = {}
    for answer in items:
        groups.setdefault(answer.id.rstrip("0123456789"), []).append(answer)
    right = total = 0
    for name, test in groups.items():
        train = [a for g, part in groups.items() if g != name for a in part]
        samples = []
        for answer in train:
            n = len(answer.spans)
            for i, (start, end, label) in enumerate(answer.spans):
                position = i / (n - 1) if n > 1 else 0.5
                samples.append((nb.features(answer.text[start:end], position), label))
        model = nb.Model(nb.train(samples))
        for answer in test:
            for (_, _, label), tag in zip(answer.spans, _tags_for(answer, model), strict=True):
                right += tag == label
                total += 1
    return right / total if total else 0.0


def question_accuracy(items: list[LabelledAnswer]) -> tuple[float, float]:
    family = pattern = 0
    for answer in items:
        info = classify(answer.question)
        family += info.family == answer.family
        pattern += info.pattern == answer.pattern
    return family / len(items), pattern / len(items)


def flag_scores(items: list[LabelledAnswer]) -> dict[str, FlagScore]:
    from storyladder.coach.flags import DETECTORS

    scores = {flag_id: FlagScore() for flag_id in DETECTORS}
    for answer in items:
        found = set(critique(answer.text, answer.question, answer.company).flag_ids)
        for flag_id, score in scores.items():
            if flag_id in found and flag_id in answer.flags:
                score.tp += 1
            elif flag_id in found:
                score.fp += 1
                score.false_alarms.append(answer.id)
            elif flag_id in answer.flags:
                score.fn += 1
                score.misses.append(answer.id)
    return scores


def pair_results(items: list[dict[str, Any]]) -> list[tuple[str, int, int, tuple[str, ...]]]:
    """(pair id, strong score, weak score, flags raised on the strong answer) per pair."""
    out = []
    for pair in items:
        strong = critique(pair["strong"], pair["question"], pair.get("company", "generic"))
        weak = critique(pair["weak"], pair["question"], pair.get("company", "generic"))
        out.append((pair["id"], strong.scores["overall"], weak.scores["overall"], strong.flag_ids))
    return out


def report(folder: Path) -> dict[str, Any]:
    items = answers(folder)
    family, pattern = question_accuracy(items)
    flags = flag_scores(items)
    ordered = pair_results(pairs(folder))
    strong_flags: Counter[str] = Counter(f for *_, fl in ordered for f in fl)
    return {
        "answers": len(items),
        "sentences": sum(len(a.spans) for a in items),
        "pairs": len(ordered),
        "components_cross_validated": component_accuracy_cross_validated(items),
        "components_shipped_model": component_accuracy(items),
        "components_cues_only": component_accuracy(items, beta=0.0),
        "question_family": family,
        "question_pattern": pattern,
        "flags": flags,
        "pair_ordering": sum(s > w for _, s, w, _ in ordered) / len(ordered),
        "pair_margin_min": min(s - w for _, s, w, _ in ordered),
        "strong_answer_flags": strong_flags,
    }
