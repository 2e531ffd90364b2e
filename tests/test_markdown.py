"""The story file of SPEC §10: what people write by hand imports, and our own output reads back."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyladder.errors import StoryInvalid
from storyladder.formats import markdown
from storyladder.model import Metric, Person, Story

HAND = Path(__file__).parent / "fixtures" / "hand_written"


def test_a_hand_written_file_reads_with_any_heading_case_and_shorthand() -> None:
    story = markdown.parse((HAND / "pager-storm.md").read_text(), "pager-storm.md")
    assert story.id == "the-week-the-pager-never-stopped"
    assert story.when == "2022-11"
    assert story.situation.startswith("I had just taken over")
    assert "\n\nTwo alerts" in story.situation
    assert story.task == "Keep the gateway up and find out why it was paging."
    assert story.people == (Person("Okonkwo", "peer", "hero"), Person("Dana"))
    assert story.metrics[0] == Metric("214 pages in 6 days", True, "PagerDuty export")
    assert story.metrics[1] == Metric("alert noise halved after the cleanup")
    assert story.ladder == {
        "surface": "I muted an alert that was telling the truth.",
        "meta_reflection": "I reach for the quick fix when I am tired.",
    }
    assert story.extra == {"team_size": 7, "reviewed_by": ["Lin"]}
    assert story.other_sections == {"Notes": "Things I still want to check with Dana."}


def test_our_output_reads_back_to_the_same_story() -> None:
    story = markdown.parse((HAND / "pager-storm.md").read_text())
    again = markdown.parse(markdown.dump(story))
    assert again == story


def test_a_title_is_enough() -> None:
    story = markdown.parse((HAND / "minimal.md").read_text())
    assert (story.id, story.title, story.situation, story.ladder) == (
        "just-a-title",
        "Just a title",
        "",
        {},
    )


def test_prose_lines_that_look_like_headings_survive() -> None:
    story = Story(
        title="Hashes",
        action="## not a heading\n\\## escaped already\n### also text",
        ladder={"surface": "### inside the ladder"},
    )
    assert markdown.parse(markdown.dump(story)) == story


def _problems(text: str) -> list[str]:
    with pytest.raises(StoryInvalid) as err:
        markdown.parse(text, "s.md")
    return [str(p) for p in err.value.problems]


def test_malformed_yaml_names_the_file_and_line() -> None:
    problems = _problems("---\ntitle: ok\ncategories: [failure\n---\n")
    assert len(problems) == 1
    assert problems[0].startswith("s.md:")
    assert "malformed YAML" in problems[0]


def test_unknown_ids_name_the_id_the_line_and_the_allowed_ones() -> None:
    problems = _problems("---\ntitle: t\nwhen: x\ncategories: [failure, heroics]\n---\n")
    assert problems[0].startswith("s.md:4: categories: unknown id 'heroics'; allowed: failure,")


def test_every_problem_is_reported_at_once() -> None:
    text = (
        "---\nself_part: villain\npeople:\n  - {name: A, part: saviour}\n---\n"
        "## Ladder\n### Depth 7\nx\n"
    )
    problems = _problems(text)
    assert any("unknown level 'Depth 7'" in p and p.startswith("s.md:7:") for p in problems)


def test_a_story_without_a_title_is_refused() -> None:
    problems = _problems("---\nwhen: 2021\n---\n## Situation\nsomething\n")
    assert any("needs a title" in p for p in problems)


def test_text_outside_sections_is_refused_not_dropped() -> None:
    problems = _problems("---\ntitle: t\n---\nstray words\n## Action\nI did it.\n")
    assert problems == [
        "s.md:4: text before the first '## Section' heading; put it under ## Situation, "
        "## Task, ## Action, ## Result or ## Learning"
    ]


def test_a_section_twice_is_refused() -> None:
    problems = _problems("---\ntitle: t\n---\n## Action\na\n## action\nb\n")
    assert any("appears twice" in p for p in problems)
