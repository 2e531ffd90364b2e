"""Train the level model on the tuning authors' ladder answers (and the ladders of their
labelled banks) and write it into the package.

Run: .venv/bin/python scripts/train_levels.py   (about ten seconds)
"""

from __future__ import annotations

import json
from pathlib import Path

from storyladder.coach import level_model
from storyladder.coach.levels import FEATURES, reading
from storyladder.evaluation.corpus import load
from storyladder.model import LEVELS

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "storyladder" / "content" / "level_model.json"


def main() -> None:
    tuning = load(ROOT / "tests" / "corpus").tuning()  # never the held-out authors
    weights = {}
    banked = [  # every ladder answer of the tuning authors' labelled banks, on its story
        (story, level, answer, bool(bank.met[story.id].get(level, True)))
        for bank in tuning.banks
        for story in bank.stories
        if story.id in bank.met
        for level, answer in story.ladder.items()
        if answer.strip()
    ]
    for level in LEVELS:
        samples = [
            (reading(x.answer, x.level, x.story), x.met) for x in tuning.ladders if x.level == level
        ]
        samples += [(reading(a, lv, story), met) for story, lv, a, met in banked if lv == level]
        weights[level] = [round(w, 4) for w in level_model.train(samples)]
    data = {"features": list(FEATURES), "authors": tuning.authors, "weights": weights}
    TARGET.write_text(json.dumps(data, indent=1) + "\n")
    count = len(tuning.ladders) + len(banked)
    print(f"trained on {count} ladder answers -> {TARGET.relative_to(ROOT)}")  # noqa: T201


if __name__ == "__main__":
    main()
