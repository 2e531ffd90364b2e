"""Train the interviewer's listener on the tuning authors' replies and write it into the
package: how push-back was taken (one logistic model per outcome over
interview/pushback.py's features, content/pushback_model.json) and deflection
(interview/deflection.py's features, content/deflection_model.json).

The push-back model also ships a Naive Bayes word model (coach/nb.py) whose votes are
features of the logistic models. The held-out authors of tests/corpus/interview/split.yaml
are never read. L2 = 0.5 was chosen by leaving each tuning author out in turn.

Run: .venv/bin/python scripts/train_listener.py
"""

from __future__ import annotations

import json
from pathlib import Path

from storyladder.coach import nb
from storyladder.coach.logistic import train
from storyladder.evaluation.replies import Reply, load
from storyladder.interview import deflection, pushback

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "src" / "storyladder" / "content"
L2 = 0.5


def _write(
    name: str, features: tuple[str, ...], authors: list[str], weights: object, **extra: object
) -> None:
    data = {"features": list(features), "authors": authors, "weights": weights, **extra}
    (CONTENT / name).write_text(json.dumps(data, indent=1) + "\n")


def _words(reply: Reply) -> tuple[list[str], str]:
    return pushback.word_tokens(reply.reply), reply.outcome or ""


def main() -> None:
    corpus = load(ROOT / "tests" / "corpus" / "interview")
    tuning = corpus.of(corpus.tune)
    authors = sorted(corpus.tune)
    pushbacks = [r for r in tuning if r.kind == "pushback"]
    # The word model's vote on each training reply is made without that reply's author, as
    # it will be on a new author's words; the shipped word model is trained on all of them.
    votes: dict[str, list[float]] = {}
    for author in authors:
        model = nb.Model(nb.train([_words(r) for r in pushbacks if r.author != author]))
        for r in (r for r in pushbacks if r.author == author):
            votes[r.id] = pushback.word_votes(r.reply, model)
    xs = [pushback.features(r.reply) + votes[r.id] for r in pushbacks]
    outcome_weights = {
        o: [
            round(v, 4)
            for v in train([(x, r.outcome == o) for x, r in zip(xs, pushbacks, strict=True)], L2)
        ]
        for o in pushback.OUTCOMES
    }
    _write(
        "pushback_model.json",
        pushback.FEATURES + pushback.WORD_FEATURES,
        authors,
        outcome_weights,
        words=nb.train([_words(r) for r in pushbacks]),
    )
    angles = [r for r in tuning if r.kind == "right_angle"]
    samples = [
        (deflection.features(r.reply, r.question, r.story), bool(r.deflection)) for r in angles
    ]
    _write(
        "deflection_model.json",
        deflection.FEATURES,
        authors,
        [round(v, 4) for v in train(samples, L2)],
    )
    print(f"trained on {len(pushbacks)} push-back and {len(angles)} right-angle replies")  # noqa: T201


if __name__ == "__main__":
    main()
