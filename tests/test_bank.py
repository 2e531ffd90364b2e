"""Knowing the bank: readiness, coverage, the patterns across stories, and what to do next."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyladder import taxonomy
from storyladder.coach.bank import check
from storyladder.coach.levels import readiness
from storyladder.coach.patterns import drifts
from storyladder.formats import bank as bank_files
from storyladder.model import Metric, Person, Story

SAMPLE = Path(__file__).parent.parent / "src" / "storyladder" / "content" / "sample_bank"
BANKS = Path(__file__).parent / "fixtures" / "banks"

FULL_LADDER = {
    "surface": "I pushed a migration two weeks early, it broke billing for 30 carriers, and I rolled it back.",
    "context": "We had a code freeze six weeks out, two downstream teams with very different stakes, and a manager who had already told the VP my date.",
    "decision": "I skipped the two-week shadow run because I wanted the date, and I rejected Tomasz's slower plan even though he knew the carriers far better.",
    "tradeoff": "It cost Renata's team a Saturday and 41,000 customers got confusing texts; we lost the window.",
    "meta_reflection": "I tend to get overconfident when the design is mine and the deadline is public.",
    "worldview": "My rule now: when someone who knows the territory wants the slower path, I need a written reason to skip it.",
}


def story(title: str, **fields: object) -> Story:
    return Story(title=title, **fields)  # type: ignore[arg-type]


def patterns_of(stories: list[Story]) -> set[str]:
    return {p.id for p in check(stories).patterns}


# -- ladder readiness ------------------------------------------------------------------


def test_a_full_substantive_ladder_is_ready() -> None:
    r = readiness(story("t", ladder=FULL_LADDER))
    assert (r.depth, r.ready, r.broken_level) == (6, True, None)


@pytest.mark.parametrize(
    ("level", "answer", "why"),
    [
        ("context", "TBD", "placeholder"),
        ("context", FULL_LADDER["surface"], "repeats the level below"),
        ("decision", "I decided to do it.", "no reason, no other option"),
        (
            "tradeoff",
            "Honestly there was no real downside to it at all for anyone involved, it went very smoothly.",
            "names no cost",
        ),
        (
            "meta_reflection",
            "The migration taught the whole company a great deal about process and planning for the next big project.",
            "no pattern",
        ),
        (
            "worldview",
            "It was a very interesting experience for everybody on the team and the company as a whole.",
            "no principle",
        ),
    ],
)
def test_the_ladder_breaks_where_an_answer_does_not_hold(level: str, answer: str, why: str) -> None:
    r = readiness(story("t", ladder={**FULL_LADDER, level: answer}))
    assert r.broken_level == level and not r.ready, why
    assert r.reason == taxonomy.load().level(level).missing  # asked as a question


def test_the_demo_bank_readiness_matches_its_design() -> None:
    report = check(bank_files.read(SAMPLE))
    depth = {s.story.id: s.readiness.depth for s in report.stories}
    assert depth["big-launch"] == 0
    assert depth["saving-black-friday"] == 2
    assert sum(1 for d in depth.values() if d == 6) == 5
    assert {s.story.id for s in report.stories if s.hero} >= {"saving-black-friday"}
    assert (
        "humble_brag"
        in next(s for s in report.stories if s.story.id == "caring-too-much-about-quality").flags
    )


# -- coverage ------------------------------------------------------------------------


def test_coverage_uses_tags_and_marks_inferred_fits() -> None:
    tagged = story("Pager", categories=("failure",), situation="x")
    untagged = story(
        "Mentor",
        action="I mentored a junior engineer, coached her weekly and gave feedback on "
        "her growth; I paired with my mentee and we set goals for her development.",
    )
    cover = check([tagged, untagged]).coverage
    assert cover.categories["failure"] == ["pager"]
    assert "mentor" in cover.categories["mentorship"]
    assert cover.inferred["categories"]["mentorship"] == ["mentor"]
    assert "ethical_tradeoff" in cover.missing_categories
    assert "ethical_tradeoff" in cover.prompts and cover.prompts["ethical_tradeoff"].endswith("?")


def test_amazon_needs_two_stories_per_principle() -> None:
    one = story("A", competencies=("amazon/ownership", "amazon/dive_deep"))
    two = story("B", competencies=("amazon/ownership",))
    cover = check([one, two], company="amazon").coverage
    assert cover.framework == "amazon" and len(cover.competencies) == 16
    assert "amazon/ownership" not in cover.thin_competencies
    assert "amazon/dive_deep" in cover.thin_competencies


def test_questions_without_a_story_are_listed() -> None:
    cover = check([story("A", families=("failure/project_failures",))]).coverage
    assert cover.questions_without_story
    assert all(set(q) == {"id", "text"} for q in cover.questions_without_story)


# -- patterns: each with a bank that has it and one that does not ----------------------


def test_hero_narrative() -> None:
    heroes = [
        story(f"Win {i}", self_part="protagonist", result="I saved the launch.") for i in range(4)
    ]
    assert "hero_narrative" in patterns_of(heroes)
    humbled = heroes[:2] + [
        story("Wrong", self_part="wrong"),
        story("Peer", people=(Person("Ana", "peer", "hero"),)),
    ]
    assert "hero_narrative" not in patterns_of(humbled)


def test_humble_brag_bank() -> None:
    spun = [
        story(
            f"Fail {i}",
            categories=("failure",),
            result="In the end it all worked out and leadership praised me for it.",
            learning="I learned a lot.",
        )
        for i in range(3)
    ]
    assert "humble_brag_bank" in patterns_of(spun)
    honest = [
        story(
            f"Fail {i}",
            categories=("failure",),
            result="We lost the client and two engineers left; it cost us a quarter.",
            learning="Now I review contracts myself.",
        )
        for i in range(3)
    ]
    assert "humble_brag_bank" not in patterns_of(honest)


def _words(n: int) -> str:
    return " ".join(["word"] * (n - 1)) + "."


def test_uniform_length() -> None:
    same = [story(f"S{i}", action=_words(200 + i)) for i in range(5)]
    assert "uniform_length" in patterns_of(same)
    varied = [story(f"S{i}", action=_words(n)) for i, n in enumerate((80, 150, 260, 400, 520))]
    assert "uniform_length" not in patterns_of(varied)


def test_flat_register() -> None:
    flat = [story(f"S{i}", action="I fixed the build.") for i in range(4)]
    assert "flat_register" in patterns_of(flat)
    felt = [
        story("A", emotions=("embarrassed",)),
        story("B", emotions=("relieved", "proud")),
        story("C", result="I felt sick about it."),
        story("D", emotions=("amused",)),
    ]
    assert "flat_register" not in patterns_of(felt)


def test_metric_drift_within_a_story_and_across_revisions() -> None:
    told = story(
        "Checkout",
        result="Mobile checkout conversion rose 12% over four weeks.",
        ladder={"surface": "After my fix, mobile checkout conversion rose 18% in a month."},
    )
    assert drifts(told)
    consistent = told.evolve(
        ladder={"surface": "After my fix mobile checkout conversion rose 12%."}
    )
    assert not drifts(consistent)
    old = consistent.evolve(metrics=(Metric("p99 latency fell from 800 ms to 320 ms"),))
    new = consistent.evolve(metrics=(Metric("p99 latency fell from 800 ms to 250 ms"),))
    assert drifts(new, [old])
    report = check([new], history={new.id: [old]})
    assert "metric_drift" in {p.id for p in report.patterns}


def test_a_renamed_person_between_revisions_is_drift() -> None:
    old = story("S", people=(Person("Priya", "peer", "hero"),))
    new = story("S", people=(Person("Pria", "peer", "hero"),))
    assert any("Priya" in d and "Pria" in d for d in drifts(new, [old]))


def test_overused_story() -> None:
    wide = story(
        "Everything",
        categories=("failure", "ambiguity", "mentorship", "mission", "ethical_tradeoff"),
    )
    assert "overused_story" in patterns_of([wide])
    assert "overused_story" not in patterns_of([story("Two", categories=("failure", "ambiguity"))])


def test_bank_size() -> None:
    assert "bank_size" in patterns_of([story(f"S{i}") for i in range(5)])
    assert "bank_size" not in patterns_of([story(f"S{i}") for i in range(9)])


# -- banks written by others, with known gaps and patterns (tests/fixtures/banks/EXPECTED.md)


def test_the_hero_bank_is_reported_with_every_planted_problem() -> None:
    report = check(bank_files.read(BANKS / "hero"))
    found = {p.id: p for p in report.patterns}
    assert set(found) == {
        "hero_narrative",
        "humble_brag_bank",
        "uniform_length",
        "flat_register",
        "metric_drift",
        "overused_story",
        "bank_size",
    }
    assert found["metric_drift"].stories == ("checkout-redesign",)
    missing = set(report.coverage.missing_categories)
    assert {"ethical_tradeoff", "mentorship", "someone_else_right", "mission"} <= missing
    assert not any(s.readiness.ready for s in report.stories)


def test_the_balanced_bank_has_none_of_those_patterns() -> None:
    report = check(bank_files.read(BANKS / "balanced"))
    assert {p.id for p in report.patterns} == set()
    assert report.coverage.missing_categories == []
    assert sum(1 for s in report.stories if s.readiness.ready) >= 5


def test_next_steps_start_with_what_matters() -> None:
    report = check(bank_files.read(BANKS / "hero"))
    actions = [n.action for n in report.next]
    assert actions[0].startswith("Write 2 more stories")
    assert len(actions) <= 10


def test_the_json_contract() -> None:
    data = check(bank_files.read(SAMPLE), company="anthropic").to_dict()
    assert data["size"] == {"stories": 11, "target_min": 8, "target_max": 12}
    s = data["stories"][0]
    assert {"id", "title", "readiness", "ready", "self_part", "words", "flags"} <= set(s)
    assert {
        "categories",
        "missing_categories",
        "families",
        "missing_families",
        "competencies",
        "thin_competencies",
    } <= set(data["coverage"])
    assert all({"id", "severity", "stories", "advice"} <= set(p) for p in data["patterns"])
    assert all(set(n) == {"story", "action"} for n in data["next"])


def test_failure_stories_with_no_cost_and_nothing_owned_read_as_spun() -> None:
    def failure(n: int) -> Story:
        return story(
            f"Slipped launch {n}",
            categories=("failure",),
            situation=f"In 2023 mobile launch number {n} was in trouble.",
            action="I reorganised the plan, added a daily standup and moved two engineers.",
            result="The app shipped and the client renewed for another year.",
            learning="Now I plan a buffer into every launch date.",
        )

    assert "humble_brag_bank" in patterns_of([failure(1), failure(2), failure(3)])
