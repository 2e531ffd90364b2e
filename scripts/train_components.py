"""Train the sentence-component model on the tuning authors of the labelled corpus and
write it into the package.

Run: .venv/bin/python scripts/train_components.py
"""

from __future__ import annotations

import json
from pathlib import Path

from storyladder.coach import nb
from storyladder.evaluation.corpus import labelled_sentences, load

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "storyladder" / "content" / "component_model.json"


def main() -> None:
    tuning = load(ROOT / "tests" / "corpus").tuning()  # never the held-out authors
    samples = [
        (nb.features(text, position), label)
        for _, text, position, label in labelled_sentences(list(tuning.answers))
    ]
    model = nb.train(samples)
    TARGET.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n")
    print(f"trained on {len(samples)} sentences -> {TARGET.relative_to(ROOT)}")  # noqa: T201


if __name__ == "__main__":
    main()
