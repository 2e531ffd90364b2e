from __future__ import annotations

import pytest

from storyladder.errors import StoryInvalid
from storyladder.model import Story, ladder_depth, slugify, validate


def test_ids_come_from_titles() -> None:
    assert slugify("The migration we rolled back!") == "the-migration-we-rolled-back"
    assert slugify("Ünïcode — café") == "unicode-cafe"
    assert slugify("日本語") == "story"


def test_unknown_ids_name_the_id_and_the_allowed_ones() -> None:
    problems = validate(Story(title="t", families=("failure/oops",), self_part="villain"))
    messages = [str(p) for p in problems]
    assert any(
        "unknown id 'failure/oops'" in m and "failure/project_failures" in m for m in messages
    )
    assert any("unknown id 'villain'" in m and "protagonist" in m for m in messages)


def test_from_dict_collects_every_problem() -> None:
    with pytest.raises(StoryInvalid) as err:
        Story.from_dict(
            {
                "title": "",
                "categories": "failure, nope",
                "metrics": [{"text": "x", "defensible": "yes"}],
            }
        )
    text = str(err.value)
    assert "needs a title" in text and "unknown id 'nope'" in text and "true or false" in text


def test_ladder_depth_counts_from_the_surface() -> None:
    story = Story(title="t", ladder={"surface": "a", "context": "b", "tradeoff": "d"})
    assert ladder_depth(story) == 2
