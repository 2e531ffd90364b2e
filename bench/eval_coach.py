"""Print how well the offline coach reads the labelled corpus, held out by author
(figures for docs/coach.md).

Run: .venv/bin/python bench/eval_coach.py [CORPUS_DIR] [--details] [--sealed]

The interviewer's figures follow (docs/interview.md): push-back outcomes and deflection on
tests/corpus/interview, probes on ladder climbs over the corpus's labelled ladders.

The tuning authors' figures come first; the held-out authors' figures (authors listed
under `heldout` in split.yaml, never read while tuning) last. `--details` lists the
tuning items the coach gets wrong; it never lists held-out items. `--sealed` adds the
authors kept out of every tuning run (split.yaml), for a final report.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from storyladder.evaluation.corpus import load
from storyladder.evaluation.measure import report
from storyladder.evaluation.probes import measure as measure_probes
from storyladder.evaluation.replies import load as load_replies
from storyladder.evaluation.replies import measure as measure_replies

ROOT = Path(__file__).resolve().parent.parent


def show(title: str, r: dict[str, Any], details: bool) -> None:
    print(f"\n=== {title}: {', '.join(r['authors'])}")
    print(
        f"{r['answers']} whole answers ({r['sentences']} sentences), "
        f"{r['ladder_items']} ladder answers"
    )
    if r["components_by_author"] is not None:
        print(
            f"components, each author left out of the word model: {r['components_by_author']:.1%}"
        )
    print(
        f"components {r['components']:.1%}   by style: "
        + ", ".join(f"{s} {v:.0%}" for s, v in r["components_by_style"].items())
    )
    print(f"question family {r['question_family']:.1%}   pattern {r['question_pattern']:.1%}")
    print("flag                 precision  recall   tp  fp  fn")
    for flag_id, s in r["flags"].items():
        if s.tp + s.fp + s.fn:
            print(
                f"  {flag_id:<19} {s.precision:>8.2f}  {s.recall:>6.2f}  "
                f"{s.tp:>3} {s.fp:>3} {s.fn:>3}"
                + (f"   fp {s.false_alarms[:8]} fn {s.misses[:8]}" if details else "")
            )
    share = r["strong_flagged"] / r["strong"] if r["strong"] else 0.0
    print(
        f"strong answers with a false flag: {r['strong_flagged']}/{r['strong']} ({share:.1%}): "
        + (", ".join(f"{k} {v}" for k, v in r["strong_false_flags"].most_common()) or "none")
    )
    scores = [s for _, s in r["non_answers"]]
    if scores:
        print(
            f"non-answers: {len(scores)}, highest overall {max(scores)}, "
            f"at or under 20: {sum(s <= 20 for s in scores)}/{len(scores)}"
            + (f"   {[x for x in r['non_answers'] if x[1] > 20]}" if details else "")
        )
    share, means = r["quality_ordering"]
    print(
        f"whole answers: strong above weak {share:.1%} of pairs; mean overall "
        + ", ".join(f"{q} {m}" for q, m in means.items())
    )
    print("level             met/not-met   strong>weak   items")
    for level, f in r["levels"].items():
        print(
            f"  {level:<16} {f.accuracy:>10.1%}   {f.ordering:>10.1%}   {f.total:>5}"
            + (f"   wrong {f.wrong[:10]}" if details and f.wrong else "")
        )
    if r["levels_by_style"]:
        print(
            "  by style: "
            + ", ".join(
                f"{s} {f.accuracy:.0%}/{f.ordering:.0%}" for s, f in r["levels_by_style"].items()
            )
        )
    b = r["banks"]
    if b["stories"]:
        print(
            f"banks: {b['stories']} stories, levels {b['levels']:.1%} of {b['level_count']}, "
            f"readiness depth right {b['depth']:.1%}"
            + (f"   wrong {b['wrong']}" if details else "")
        )
    if r["pairs"]:
        ordered = sum(s > w for _, s, w, _ in r["pairs"])
        print(f"pairs (strong above weak): {ordered}/{len(r['pairs'])}")


def show_interviewer(title: str, items: list[Any], ladders: list[Any] | None) -> None:
    """The interviewer's ear (docs/interview.md): push-back outcomes, deflection, probes."""
    r = measure_replies(items)
    print(f"\n=== interviewer, {title}: {', '.join(r['authors'])}")
    print(
        f"push-back outcome right {r['outcome']:.1%} of {r['pushback']}   "
        + ", ".join(f"{o} {v:.0%}" for o, v in r["by_outcome"].items())
    )
    print(
        f"deflection caught {r['caught']:.1%}, false alarms on engaged answers "
        f"{r['false_alarms']:.1%} ({r['right_angle']} right-angle answers)"
    )
    if ladders is not None:
        p = measure_probes(ladders)
        print(
            f"probes: {p.grounded / max(p.asked, 1):.1%} of {p.asked} quote or name something "
            f"from the previous answer; sentence openers taken for names {len(p.initial_names)}; "
            f"openers repeated in a row {len(p.repeated_openers)}"
        )


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    details = "--details" in sys.argv
    sealed = "--sealed" in sys.argv
    corpus = load(Path(args[0]) if args else ROOT / "tests" / "corpus")
    show("tuning authors", report(corpus.tuning(), cross_validate=True), details)
    show("held-out authors (never read while tuning)", report(corpus.held_out()), False)
    if sealed:
        show("sealed authors (not measured while tuning)", report(corpus.sealed_set()), False)
    replies = load_replies(ROOT / "tests" / "corpus" / "interview")
    show_interviewer("tuning authors", replies.of(replies.tune), list(corpus.tuning().ladders))
    show_interviewer(
        "held-out authors", replies.of(replies.heldout), list(corpus.held_out().ladders)
    )
    if sealed:
        show_interviewer("sealed authors", replies.of(replies.sealed), None)


if __name__ == "__main__":
    main()
