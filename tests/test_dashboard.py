"""A candidate's dashboard line (plan/dashboard.py) and its CSV: what counts, what is null
when nothing is shared, how lines sort; pure, no database."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest

from storyladder.errors import InputError
from storyladder.formats.dashboard_csv import dashboard_csv
from storyladder.model import Story
from storyladder.plan.dashboard import Seen, flag_trends, row, sort_rows

NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)
WE = "We fixed it. The team did great work and we shipped on time, all of us together."
SOLO = "I rolled it back at 02:10 and wrote the fix with Ana; I chose a rollback over a patch."


def _story(story_id: str, action: str) -> Story:
    return Story(id=story_id, title=story_id, situation="Our billing broke.", action=action)


def _at(hours: int) -> datetime:
    return NOW - timedelta(hours=hours)


def test_a_flag_fixed_in_every_story_drops_out_and_one_left_in_two_recurs() -> None:
    revisions = {
        "x": [(_at(9), _story("x", WE)), (_at(3), _story("x", SOLO))],
        "y": [(_at(8), _story("y", WE)), (_at(2), _story("y", SOLO))],
    }
    found = {f["id"]: f for f in flag_trends(revisions)}
    assert "we_not_i" not in found  # fixed in both
    learning = found["no_learning"]  # neither story tells a learning, then or now
    assert learning["stories"] == 2 and learning["trend"] == "recurring"
    assert learning["series"] == [1.0, 1.0, 1.0, 1.0]


def test_a_flag_that_goes_away_over_revisions_is_said_to_fade() -> None:
    revisions = {
        "x": [(_at(9), _story("x", WE)), (_at(3), _story("x", SOLO))],
        "y": [(_at(8), _story("y", WE))],
        "z": [(_at(7), _story("z", WE)), (_at(2), _story("z", SOLO))],
    }
    ids = {f["id"] for f in flag_trends(revisions)}
    assert "we_not_i" not in ids  # in one story now, and going away: not recurring
    series = {f["id"]: f for f in flag_trends({**revisions, "w": [(_at(1), _story("w", WE))]})}
    assert series["we_not_i"]["stories"] == 2 and series["we_not_i"]["trend"] == "fading"


def test_nothing_seen_is_null_not_zero() -> None:
    line = row(Seen(7, "bo@example.org", ("spring",)), NOW)
    assert line["seen"] == {"stories": 0, "sessions": 0, "plan": False}
    assert [line[k] for k in ("readiness", "gaps", "flags", "practice", "interview")] == [None] * 5


def test_a_line_counts_readiness_gaps_and_days_to_the_interview() -> None:
    seen = Seen(
        1,
        "ada@example.org",
        revisions={"x": [(_at(3), _story("x", SOLO))]},
        plan={"interview": "2026-12-10", "company": "amazon"},
    )
    line = row(seen, NOW)
    assert line["readiness"]["stories"] == 1 and line["readiness"]["by_story"][0]["id"] == "x"
    assert "failure" in line["gaps"]["categories"]
    assert line["interview"] == {"date": "2026-12-10", "company": "amazon", "days_left": 10}
    assert line["practice"] is None  # no session seen


def _line(name: str, days: int | None, depth: float | None) -> dict[str, object]:
    return {
        "candidate": name,
        "cohorts": ["spring"],
        "seen": {"stories": 0, "sessions": 0, "plan": days is not None},
        "readiness": None if depth is None else {"ready": 0, "mean_depth": depth},
        "gaps": None,
        "flags": None,
        "practice": None,
        "interview": None if days is None else {"date": "x", "company": "=cmd", "days_left": days},
    }


def test_lines_sort_either_way_with_nothing_shared_last() -> None:
    lines = [_line("cy", 3, 1.0), _line("al", None, 2.0), _line("bo", 9, None)]
    assert [r["candidate"] for r in sort_rows(lines)] == ["cy", "bo", "al"]
    assert [r["candidate"] for r in sort_rows(lines, "-interview")] == ["bo", "cy", "al"]
    assert [r["candidate"] for r in sort_rows(lines, "-depth")] == ["al", "cy", "bo"]
    assert [r["candidate"] for r in sort_rows(lines, "candidate")] == ["al", "bo", "cy"]
    with pytest.raises(InputError, match="unknown sort 'age'"):
        sort_rows(lines, "age")


def test_the_csv_has_one_line_per_candidate_and_empty_cells_for_what_was_not_shared() -> None:
    lines = sort_rows([_line("cy", 3, 1.0), _line("bo", None, None)])
    table = list(csv.DictReader(io.StringIO(dashboard_csv(lines))))
    assert [r["candidate"] for r in table] == ["cy", "bo"]
    assert table[0]["days_left"] == "3" and table[0]["mean_depth"] == "1.0"
    assert table[0]["company"] == "'=cmd"  # never run as a formula
    assert table[1]["days_left"] == table[1]["mean_depth"] == table[1]["sessions"] == ""
    assert table[1]["plan_seen"] == "no"
