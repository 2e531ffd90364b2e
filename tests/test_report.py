"""The bank check's terminal report: every story listed, a big bank one line a story."""

from __future__ import annotations

import re

import pytest

from storyladder.cli.report import TABLE_STORIES, show_bank
from storyladder.coach.bank import check
from storyladder.model import Story


def _bank(n: int) -> list[Story]:
    return [
        Story(
            id=f"pallet-count-{i}",
            title=f"The pallet count {i}",
            action=f"In May I recounted {i + 3} pallets myself because the scanner kept "
            "skipping a row, and we shipped two days late.",
        )
        for i in range(n)
    ]


@pytest.mark.parametrize("n", [3, TABLE_STORIES + 1])
def test_every_story_is_listed_once_and_a_big_bank_one_line_a_story(
    n: int, capsys: pytest.CaptureFixture[str]
) -> None:
    show_bank(check(_bank(n)))
    out = capsys.readouterr().out
    assert out.startswith(f"{n} stories (aim for 8-12)")
    listed = [line for line in out.splitlines() if "pallet-count-" in line]
    ids = re.findall(r"pallet-count-\d+", "\n".join(listed))
    assert sorted(ids) == sorted(f"pallet-count-{i}" for i in range(n))
    table = "┃" in out or "│" in out
    assert table == (n <= TABLE_STORIES)
    if n > TABLE_STORIES:  # each line tells what a table row would: ladder, where it breaks
        assert all("/6" in line for line in listed)
