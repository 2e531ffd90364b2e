"""Train the sentence-component model on the labelled corpus and write it into the package.

Run: .venv/bin/python scripts/train_components.py
"""

from __future__ import annotations

import json
from pathlib import Path

from storyladder.coach import nb
from storyladder.coach.corpus import labelled_sentences

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "storyladder" / "content" / "component_model.json"


def main() -> None:
    samples = [
        (nb.features(text, position), label)
        for _, text, position, label in labelled_sentences(ROOT / "tests" / "corpus")
    ]
    model = nb.train(samples)
    TARGET.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n")
    print(f"trained on {len(samples)} sentences -> {TARGET.relative_to(ROOT)}")  # noqa: T201


if __name__ == "__main__":
    main()
