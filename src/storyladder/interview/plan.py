"""What the interviewer plans to ask, by mode: a ladder climb, a drill, a company's mock round.

Pure and reproducible: the same bank, company and seed give the same plan.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from functools import cache

from storyladder import taxonomy
from storyladder.coach.bank import check
from storyladder.coach.levels import readiness
from storyladder.coach.match import match, terms
from storyladder.coach.question import classify
from storyladder.errors import InputError
from storyladder.interview.session import Step
from storyladder.model import LEVELS, Story

DRILL_STEPS = {"ninety_degree": 2, "feelings": 2}
FAMILY_FIT = 2  # a question in the story's own family counts as two more shared words
NEGATIVE = ("direct_negative", "counterfactual", "conflict_escalation", "inverted_positive")


def drill_ids() -> tuple[str, ...]:
    tax = taxonomy.load()
    return tuple(d.id for d in tax.drills + tax.probes)


def surface_question(story: Story, seed: int = 0) -> str:
    """The question from our bank that this story answers best, as an interviewer would open.

    It must be about the story's first category (the one the candidate tagged it for),
    asking for an episode, in the story's family when it names one, and closest to the
    story's own words; a seeded pick among the near-best keeps practice from repeating."""
    tax = taxonomy.load()
    primary = story.categories[0] if story.categories else None
    pool = [q for q in tax.questions if primary in q.categories] or [
        q for q in tax.questions if q.family in story.families
    ]
    if not pool:
        return f"Tell me about {story.title[0].lower()}{story.title[1:]}."
    told, titled = set(terms(f"{story.title}\n{story.text}")), set(terms(story.title))

    def fit(q: taxonomy.Question) -> tuple[bool, bool, float, str]:
        asked = set(terms(q.text))
        shared = len(asked & told) + len(asked & titled)  # the title's words count twice
        return (
            q.categories[0] == primary,
            _asks_episode(q.text),
            shared + FAMILY_FIT * (q.family in story.families),
            q.id,
        )

    ranked = sorted(pool, key=fit, reverse=True)
    top = fit(ranked[0])
    close = [q for q in ranked[:3] if fit(q)[:2] == top[:2] and fit(q)[2] >= top[2] - 1]
    return random.Random(f"{seed}:{story.id}").choice(close).text


@cache
def _asks_episode(question: str) -> bool:
    return classify(question).asks_past


def climb(story: Story, depth: int = len(LEVELS), question: str | None = None) -> list[Step]:
    """Surface question, then one probe per level up to `depth` levels."""
    text = question or surface_question(story)
    steps = [Step("question", "surface", story_id=story.id, question=text)]
    steps += [Step("probe", level, story_id=story.id) for level in LEVELS[1:depth]]
    return steps


def ladder(story: Story, seed: int = 0) -> list[Step]:
    return climb(story, question=surface_question(story, seed))


def drill(name: str, story: Story | None, question: str | None, seed: int = 0) -> list[Step]:
    if name not in drill_ids():
        raise InputError(f"unknown drill '{name}'; allowed: {', '.join(drill_ids())}")
    tax = taxonomy.load()
    spec = next(d for d in tax.drills + tax.probes if d.id == name)
    steps_n = DRILL_STEPS.get(name, spec.steps)
    text = question or (surface_question(story, seed) if story else None)
    if not text:
        raise InputError("a drill needs a story (--story ID) or a question (--question TEXT)")
    story_id = story.id if story else None
    opening = Step("question", "surface", story_id=story_id, question=text)
    return [opening] + [Step("drill", drill=name, story_id=story_id) for _ in range(steps_n)]


def mock(company: str, stories: Sequence[Story], minutes: int = 45, seed: int = 0) -> list[Step]:
    """A full round for a company, aimed at the bank's strengths and gaps."""
    if not stories:
        raise InputError("a mock interview needs stories: add some, or try 'storyladder demo'")
    if not 5 <= minutes <= 240:
        raise InputError(f"a mock round lasts 5 to 240 minutes, not {minutes}")
    tax = taxonomy.load()
    mode = tax.company(company)
    rng = random.Random(seed)
    shape = mode.mock or {}
    questions = max(
        2, round(minutes / int(shape.get("minutes", 45)) * int(shape.get("questions", 4)))
    )
    depth = int(shape.get("levels", mode.depth))
    pool = [q for q in tax.questions if company in q.companies] or list(tax.questions)
    if company == "amazon":
        return _amazon(stories, pool, questions, depth, rng)
    steps: list[Step] = []
    used: set[str] = set()
    if company == "anthropic":
        # five or six levels on one story: the readiest one, asked with negative framing
        ready = [s for s in stories if readiness(s).ready] or [most_ready(stories)]
        story = rng.choice(sorted(ready, key=lambda s: s.id))
        negative = [
            q
            for q in pool
            if q.pattern in NEGATIVE and q.family and not q.family.startswith("mission/")
        ]
        fitting = [q for q in negative if q.family in story.families] or negative
        text = rng.choice(sorted(fitting, key=lambda q: q.id)).text
        used.add(story.id)
        part = climb(story, depth=depth, question=text)
        part.insert(4, Step("pushback", story_id=story.id))
        steps += part
        mission = [q for q in pool if q.family and q.family.startswith("mission/")]
        steps.append(Step("question", "surface", question=rng.choice(mission).text))
        steps.append(Step("drill", drill="critic"))
        questions -= 2
    gaps = set(check(stories, company=company).coverage.missing_families)
    ranked = sorted(pool, key=lambda q: (q.family not in gaps, rng.random()))
    for q in ranked:
        if questions <= 0:
            break
        if q.family and q.family.startswith("mission/"):
            continue  # the mission question, if any, was asked on its own
        steps += _story_question(q.text, stories, used, min(depth, 3), pushback=questions == 1)
        questions -= 1
    return steps


def _story_question(
    text: str, stories: Sequence[Story], used: set[str], depth: int, pushback: bool = False
) -> list[Step]:
    """Ask `text` about the best unused story of the bank, climbing `depth` levels."""
    ranked = [m.story_id for m in match(text, stories).stories]
    story_id = next((s for s in ranked if s not in used), ranked[0])
    used.add(story_id)
    story = next(s for s in stories if s.id == story_id)
    steps = climb(story, depth=depth, question=text)
    if pushback:
        steps.insert(min(len(steps), 4), Step("pushback", story_id=story_id))
    return steps


def _amazon(
    stories: Sequence[Story],
    pool: list[taxonomy.Question],
    questions: int,
    depth: int,
    rng: random.Random,
) -> list[Step]:
    """Principle by principle, the thin ones first, with one bar-raiser dig."""
    thin = check(stories, company="amazon").coverage.thin_competencies
    principles = sorted(thin, key=lambda _: rng.random()) or [
        c.id for c in taxonomy.load().framework("amazon")
    ]
    steps: list[Step] = []
    used: set[str] = set()
    for n, principle in enumerate(principles[:questions]):
        options = [q for q in pool if principle in q.competencies] or pool
        q = rng.choice(sorted(options, key=lambda q: q.id))
        part = _story_question(q.text, stories, used, min(depth, 3))
        if n == 0:
            part.append(Step("drill", drill="five_whys", story_id=part[0].story_id))
        steps += part
    return steps


def most_ready(stories: Sequence[Story]) -> Story:
    return max(stories, key=lambda s: (readiness(s).depth, s.id))
