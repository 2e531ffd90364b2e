"""Measure the coach on a labelled corpus: components, question framing, flags, non-answers,
the level judge and bank readiness, reported per author group and per style.

Used by bench/eval_coach.py (which prints the figures for docs/coach.md) and by the
test suite (which keeps the tuning figures from sliding back).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from storyladder.coach import components, nb
from storyladder.coach.critique import critique
from storyladder.coach.flags import DETECTORS
from storyladder.coach.levels import judge_level, readiness
from storyladder.coach.question import classify
from storyladder.coach.text import sentences
from storyladder.evaluation.corpus import (
    Corpus,
    LabelledAnswer,
    LadderAnswer,
    labelled_sentences,
)
from storyladder.model import LEVELS


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


def expected_flags(answer: LabelledAnswer) -> frozenset[str]:
    return answer.flags | ({"non_answer"} if answer.answers_nothing else set())


# -- components and questions --------------------------------------------------------


def aligned(answer: LabelledAnswer) -> tuple[list[str], bool, list[int | None]]:
    """The sentences the coach reads in an answer, whether it answers a mission question, and
    for each labelled sentence the index of the one read there (None: a heading, not read)."""
    predicted = sentences(answer.text)
    indexes = []
    for start, end, _ in answer.spans:
        middle = (start + end) // 2
        indexes.append(
            next((i for i, p in enumerate(predicted) if p.start <= middle < p.end), None)
        )
    return [p.text for p in predicted], classify(answer.question).family == "mission", indexes


def _tags_for(answer: LabelledAnswer, model: nb.Model | None) -> list[str]:
    texts, mission, indexes = aligned(answer)
    tags = components.tag(texts, mission=mission, model=model)
    return [tags[i] if i is not None else "other" for i in indexes]


def component_hits(items: list[LabelledAnswer], model: nb.Model | None = None) -> tuple[int, int]:
    right = total = 0
    for answer in items:
        for (_, _, label), tag in zip(answer.spans, _tags_for(answer, model), strict=True):
            right += tag == label
            total += 1
    return right, total


def train_model(items: list[LabelledAnswer]) -> nb.Model:
    samples = [(nb.features(t, pos), label) for _, t, pos, label in labelled_sentences(items)]
    return nb.Model(nb.train(samples))


def components_by_author(items: list[LabelledAnswer]) -> float:
    """Leave one author out: train the word model on the others, tag that author's answers.
    The honest figure for the tuning authors (the shipped model was trained on them)."""
    right = total = 0
    for author in sorted({a.author for a in items}):
        model = train_model([a for a in items if a.author != author])
        r, t = component_hits([a for a in items if a.author == author], model)
        right, total = right + r, total + t
    return right / total if total else 1.0


def question_accuracy(items: list[LabelledAnswer]) -> tuple[float, float]:
    asked = [a for a in items if a.question]
    family = sum(classify(a.question).family == (a.family or "other") for a in asked)
    pattern = sum(classify(a.question).pattern == a.pattern for a in asked)
    return family / max(len(asked), 1), pattern / max(len(asked), 1)


# -- flags -------------------------------------------------------------------------


def flag_scores(items: list[LabelledAnswer]) -> dict[str, FlagScore]:
    scores = {flag_id: FlagScore() for flag_id in DETECTORS}
    for answer in items:
        found = set(critique(answer.text, answer.question, answer.company).flag_ids)
        wanted = expected_flags(answer)
        for flag_id, score in scores.items():
            if flag_id in found and flag_id in wanted:
                score.tp += 1
            elif flag_id in found:
                score.fp += 1
                score.false_alarms.append(answer.id)
            elif flag_id in wanted:
                score.fn += 1
                score.misses.append(answer.id)
    return scores


def strong_false_flags(items: list[LabelledAnswer]) -> tuple[int, int, Counter[str]]:
    """(strong answers with a flag their author did not raise, strong answers, which flags)."""
    strong = [a for a in items if a.quality == "strong"]
    wrong: Counter[str] = Counter()
    flagged = 0
    for answer in strong:
        extra = set(critique(answer.text, answer.question, answer.company).flag_ids) - answer.flags
        flagged += bool(extra)
        wrong.update(sorted(extra))  # ties print in one order on every run
    return flagged, len(strong), wrong


def quality_ordering(items: list[LabelledAnswer]) -> tuple[float, dict[str, float]]:
    """How often a strong answer outscores a weak one (all strong-weak pairs within the
    group), and the mean overall score for each quality label."""
    by: dict[str, list[int]] = defaultdict(list)
    for a in items:
        if a.quality:
            by[a.quality].append(critique(a.text, a.question, a.company).scores["overall"])
    pairs = [(s, w) for s in by.get("strong", []) for w in by.get("weak", [])]
    share = sum(s > w for s, w in pairs) / len(pairs) if pairs else 1.0
    return share, {q: round(sum(v) / len(v), 1) for q, v in sorted(by.items())}


def non_answer_scores(items: list[LabelledAnswer]) -> list[tuple[str, int]]:
    return [
        (a.id, critique(a.text, a.question, a.company).scores["overall"])
        for a in items
        if a.answers_nothing
    ]


# -- the level judge ---------------------------------------------------------------


@dataclass
class LevelFigures:
    right: int = 0
    total: int = 0
    ordered: int = 0  # strong above weak
    pairs: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0

    @property
    def ordering(self) -> float:
        return self.ordered / self.pairs if self.pairs else 1.0


def level_figures(items: list[LadderAnswer]) -> dict[str, LevelFigures]:
    """Per level (and 'all'): met/not-met accuracy and strong-above-weak ordering."""
    out: dict[str, LevelFigures] = defaultdict(LevelFigures)
    scored: dict[tuple[str, str], dict[bool, int]] = defaultdict(dict)
    for item in items:
        judged = judge_level(item.answer, item.level, item.question, item.story)
        for key in (item.level, "all"):
            out[key].total += 1
            out[key].right += judged.met == item.met
        if judged.met != item.met:
            out[item.level].wrong.append(item.id)
        scored[(item.id.rsplit(":", 1)[0], item.level)][item.met] = judged.score
    for (_, level), pair in scored.items():
        if len(pair) == 2:
            for key in (level, "all"):
                out[key].pairs += 1
                out[key].ordered += pair[True] > pair[False]
    return dict(out)


def bank_figures(corpus: Corpus) -> dict[str, Any]:
    """Per labelled bank: level accuracy and stories whose readiness depth is right."""
    right = total = depth_right = stories = 0
    wrong: list[str] = []
    for bank in corpus.banks:
        for story in bank.stories:
            labels = bank.met.get(story.id)
            if not labels:
                continue
            judged = readiness(story)
            for judgment in judged.judgments:
                total += 1
                ok = judgment.met == bool(labels.get(judgment.level, True))
                right += ok
                if not ok:
                    wrong.append(f"{bank.author}/{story.id}:{judgment.level}")
            want = next((i for i, lv in enumerate(LEVELS) if not labels.get(lv, True)), len(LEVELS))
            stories += 1
            depth_right += judged.depth == want
    return {
        "levels": right / total if total else 1.0,
        "level_count": total,
        "depth": depth_right / stories if stories else 1.0,
        "stories": stories,
        "wrong": wrong,
    }


# -- the whole report ----------------------------------------------------------------


def report(corpus: Corpus, cross_validate: bool = False) -> dict[str, Any]:
    """Every figure for one group of authors (`cross_validate`: also the component tagger
    with each author left out of the word model's training, for the tuning group)."""
    items = list(corpus.answers)
    family, pattern = question_accuracy(items)
    right, total = component_hits(items)
    flagged, strong, wrong = strong_false_flags(items)
    styles: dict[str, list[LabelledAnswer]] = defaultdict(list)
    for a in items:
        styles[a.style].append(a)
    ladder_styles: dict[str, list[LadderAnswer]] = defaultdict(list)
    for x in corpus.ladders:
        ladder_styles[x.style].append(x)
    return {
        "authors": corpus.authors,
        "answers": len(items),
        "sentences": total,
        "components": right / total if total else 1.0,
        "components_by_author": components_by_author(items) if cross_validate else None,
        "components_by_style": {
            s: (lambda h: h[0] / h[1] if h[1] else 1.0)(component_hits(v))
            for s, v in sorted(styles.items())
        },
        "question_family": family,
        "question_pattern": pattern,
        "flags": flag_scores(items),
        "strong_flagged": flagged,
        "strong": strong,
        "strong_false_flags": wrong,
        "non_answers": non_answer_scores(items),
        "quality_ordering": quality_ordering(items),
        "ladder_items": len(corpus.ladders),
        "levels": level_figures(list(corpus.ladders)),
        "levels_by_style": {s: level_figures(v)["all"] for s, v in sorted(ladder_styles.items())},
        "banks": bank_figures(corpus),
        "pairs": pair_results(list(corpus.pairs)),
    }


def pair_results(items: list[dict[str, Any]]) -> list[tuple[str, int, int, tuple[str, ...]]]:
    """(pair id, strong score, weak score, flags raised on the strong answer) per pair."""
    out = []
    for pair in items:
        strong = critique(pair["strong"], pair["question"], pair.get("company", "generic"))
        weak = critique(pair["weak"], pair["question"], pair.get("company", "generic"))
        out.append((pair["id"], strong.scores["overall"], weak.scores["overall"], strong.flag_ids))
    return out
