"""Train the question classifier's word model on the tuning authors' questions and write it
into the package (content/question_model.json): Naive Bayes over the words and word pairs
of each whole answer's question (coach/nb.py), labelled with its family ("other" for none).

coach/question.py adds its (softened) chances to the cues and the neighbouring bank
questions. Trained without the fifteen authors written on 2026-11-30 (fifth day), it lifted
the family of the questions of the five never used for the cues (arlo, bran, cleo, dara,
enzo) from 89.2% to 93.3%.

Run: .venv/bin/python scripts/train_question.py
"""

from __future__ import annotations

import json
from pathlib import Path

from storyladder.coach import nb, question
from storyladder.evaluation.corpus import load

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "storyladder" / "content" / question.QUESTION_MODEL


def main() -> None:
    asked = [
        (a.author, a.question, a.family or question.OTHER)
        for a in load(ROOT / "tests" / "corpus").tuning().answers
        if a.question
    ]
    model = nb.train([(nb.words(text), family) for _, text, family in asked])
    model["authors"] = sorted({author for author, _, _ in asked})
    TARGET.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n")
    print(f"trained on {len(asked)} questions -> {TARGET.relative_to(ROOT)}")  # noqa: T201


if __name__ == "__main__":
    main()
