"""Print how well the offline coach reads the labelled corpus (figures for docs/coach.md).

Run: .venv/bin/python bench/eval_coach.py [CORPUS_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from storyladder.coach.corpus import answers
from storyladder.coach.evaluate import component_accuracy, flag_scores, report

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "corpus"
    r = report(folder)
    print(
        f"corpus: {r['answers']} answers, {r['sentences']} labelled sentences, {r['pairs']} pairs"
    )
    print("\nsentence components")
    print(
        f"  cross-validated (train on one author's file, test on the other): "
        f"{r['components_cross_validated']:.1%}"
    )
    print(
        f"  cues only, no word model:                                     "
        f"{r['components_cues_only']:.1%}"
    )
    print(
        f"  shipped model (trained on this corpus, so optimistic):        "
        f"{r['components_shipped_model']:.1%}"
    )
    print(f"\nquestion family {r['question_family']:.1%}   pattern {r['question_pattern']:.1%}")
    print("\nflag                 precision  recall   tp  fp  fn")
    for flag_id, s in r["flags"].items():
        print(
            f"  {flag_id:<19} {s.precision:>8.2f}  {s.recall:>6.2f}  {s.tp:>3} {s.fp:>3} {s.fn:>3}"
        )
    print(
        f"\npair ordering (strong above weak): {r['pair_ordering']:.1%}, "
        f"smallest margin {r['pair_margin_min']} points"
    )
    flags = ", ".join(f"{k} {v}" for k, v in r["strong_answer_flags"].most_common()) or "none"
    print(f"flags raised on the {r['pairs']} strong answers (likely false alarms): {flags}")
    heldout = folder / "heldout"
    if heldout.is_dir():
        items = answers(heldout)
        scores = flag_scores(items).values()
        tp, fp, fn = (sum(getattr(s, k) for s in scores) for k in ("tp", "fp", "fn"))
        print(
            f"\nheld-out set ({len(items)} answers by another author): components "
            f"{component_accuracy(items):.1%}, flags micro precision {tp / (tp + fp):.2f} "
            f"recall {tp / (tp + fn):.2f}"
        )


if __name__ == "__main__":
    main()
