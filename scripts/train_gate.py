"""Train the gate's word model on the tuning authors' whole answers and write it into the
package (content/answer_model.json): Naive Bayes over words and word pairs (coach/nb.py),
"none" for an answer that answers nothing (a stall, a non-answer, talk about something
else) and "answer" for the rest.

The gate's rules come first; the word model only hears what they let through, and only
when it is sure (gate.NONE_ODDS, set on votes made without each answer's author: on the
tuning authors it caught 9 of the 24 non-answers the rules missed, and no answer).

Run: .venv/bin/python scripts/train_gate.py
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from storyladder.coach import gate, nb
from storyladder.evaluation.corpus import LabelledAnswer, load

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "storyladder" / "content" / gate.ANSWER_MODEL


def vocabulary(answers: Sequence[LabelledAnswer]) -> list[str]:
    """The content words (gate.content_words) of real answers that at least
    gate.VOCABULARY_AUTHORS authors use: words one author alone uses tell nothing general."""
    users: dict[str, set[str]] = {}
    for a in answers:
        if not a.answers_nothing:
            for word in set(gate.content_words(a.text)):
                users.setdefault(word, set()).add(a.author)
    return sorted(w for w, who in users.items() if len(who) >= gate.VOCABULARY_AUTHORS)


def main() -> None:
    answers = load(ROOT / "tests" / "corpus").tuning().answers  # never the held-out authors
    label = {True: gate.NONE, False: gate.ANSWER}
    model = nb.train([(nb.words(a.text), label[a.answers_nothing]) for a in answers])
    model["authors"] = sorted({a.author for a in answers})
    model["vocabulary"] = vocabulary(answers)
    TARGET.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n")
    print(f"trained on {len(answers)} answers -> {TARGET.relative_to(ROOT)}")  # noqa: T201


if __name__ == "__main__":
    main()
