"""Train the sentence-component model on the tuning authors of the labelled corpus and
write it into the package: the word model's counts, the combiner that weighs the
hand-written cues against it, and how often each component follows each other one
(coach/components.py).

The combiner learns from word-model votes made without each sentence's author, so it
learns how far the words can be trusted on an author they have never seen.

Run: .venv/bin/python scripts/train_components.py
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from storyladder.coach import components, logistic, nb
from storyladder.evaluation.corpus import LabelledAnswer, labelled_sentences, load
from storyladder.evaluation.measure import aligned, train_model

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "storyladder" / "content" / "component_model.json"


def combiner_samples(answers: list[LabelledAnswer]) -> list[tuple[list[float], int]]:
    samples = []
    for author in sorted({a.author for a in answers}):
        model = train_model([a for a in answers if a.author != author])
        for answer in (a for a in answers if a.author == author):
            texts, mission, indexes = aligned(answer)
            for (_, _, label), i in zip(answer.spans, indexes, strict=True):
                if i is None:
                    continue
                position = i / (len(texts) - 1) if len(texts) > 1 else 0.5
                x = components.features(texts[i], position, mission, model)
                samples.append((x, components.ORDER.index(label)))
    return samples


def transition_logs(answers: list[LabelledAnswer]) -> dict[str, dict[str, float]]:
    """Log chance of each component after each other one, in the labelled answers (add-one)."""
    counts = {p: dict.fromkeys(components.ORDER, 1) for p in components.ORDER}
    for answer in answers:
        labels = [label for _, _, label in answer.spans]
        for prev, cur in zip(labels, labels[1:], strict=False):
            counts[prev][cur] += 1
    return {
        p: {c: round(math.log(n / sum(row.values())), 4) for c, n in row.items()}
        for p, row in counts.items()
    }


def main() -> None:
    answers = list(load(ROOT / "tests" / "corpus").tuning().answers)  # never the held-out
    samples = [
        (nb.features(text, position), label)
        for _, text, position, label in labelled_sentences(answers)
    ]
    model = nb.train(samples)
    weights = logistic.train_softmax(combiner_samples(answers), components.hand_weights())
    model["combine"] = [[round(w, 4) for w in row] for row in weights]
    model["transitions"] = transition_logs(answers)
    TARGET.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n")
    print(f"trained on {len(samples)} sentences -> {TARGET.relative_to(ROOT)}")  # noqa: T201


if __name__ == "__main__":
    main()
