"""The bank check remembers: each story version is read once, and the readings live in the
database (SQLite and PostgreSQL), so a check where nothing changed reads nothing again."""

from __future__ import annotations

import gc
import json
import math
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from storyladder import jsontext
from storyladder.coach import bank
from storyladder.coach.bank import check, check_stored, coach_version, story_readiness
from storyladder.coach.levels import readiness
from storyladder.formats import bank as bank_files
from storyladder.store.repository import Repository
from storyladder.store.tables import readings

SAMPLE = Path(__file__).parent.parent / "src" / "storyladder" / "content" / "sample_bank"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the stories the coach reads (not the ones it finds remembered)."""
    seen: list[str] = []
    real = bank.read_story

    def counting(story: bank.Story) -> dict[str, object]:
        seen.append(story.id)
        return real(story)

    monkeypatch.setattr(bank, "read_story", counting)
    return seen


@pytest.fixture
def stocked(repo: Repository) -> Repository:
    repo.import_stories(bank_files.read(SAMPLE))
    return repo


def test_a_second_check_reads_nothing_and_says_the_same(
    stocked: Repository, reads: list[str]
) -> None:
    first = check_stored(stocked, company="anthropic")
    assert len(reads) == stocked.count()
    reads.clear()
    second = check_stored(stocked, company="anthropic")
    assert reads == []
    assert second.to_dict() == first.to_dict()
    assert (
        second.to_dict()
        == check(
            [r.story for r in stocked.list()], "anthropic", history=stocked.past_revisions()
        ).to_dict()
    )


def test_an_edit_rereads_that_story_only_and_drops_its_old_reading(
    stocked: Repository, reads: list[str]
) -> None:
    check_stored(stocked)
    with stocked.engine.connect() as conn:
        before = {row.key for row in conn.execute(select(readings.c.key))}
    record = stocked.get("big-launch")
    stocked.save(record.story.evolve(result="We shipped two weeks late."), record.revision)
    reads.clear()
    check_stored(stocked)
    assert reads == ["big-launch"]
    with stocked.engine.connect() as conn:
        after = {row.key for row in conn.execute(select(readings.c.key))}
    assert len(after - before) >= 1 and len(before - after) >= 1  # one in, the old one out


def test_a_reading_by_another_coach_is_never_used(stocked: Repository, reads: list[str]) -> None:
    check_stored(stocked)
    with stocked.engine.begin() as conn:
        conn.execute(readings.update().values(coach="an-older-coach"))
    reads.clear()
    check_stored(stocked)
    assert len(reads) == stocked.count()
    with stocked.engine.connect() as conn:
        coaches = {row.coach for row in conn.execute(select(readings.c.coach))}
    assert coaches == {coach_version()}


def test_a_reading_stored_meanwhile_by_another_process_is_no_error(stocked: Repository) -> None:
    memo = stocked.readings(coach_version())
    stories = [r.story for r in stocked.list()]
    check(stories, memo=memo)
    key = bank.reading_key(stories[0])
    with stocked.engine.begin() as conn:  # the other process wins the race for one row
        data = json.dumps(memo[key])
        conn.execute(insert(readings).values(key=key, coach=coach_version(), data=data))
    stocked.keep_readings(memo)  # a cache: nothing to report, nothing lost
    assert check_stored(stocked).to_dict() == check(stories).to_dict()


def test_a_damaged_stored_reading_is_read_again(stocked: Repository, reads: list[str]) -> None:
    check_stored(stocked)
    with stocked.engine.begin() as conn:
        conn.execute(readings.update().values(data='{"flags": 3}'))
    reads.clear()
    report = check_stored(stocked)
    assert sorted(reads) == sorted(r.story.id for r in stocked.list())
    assert report.to_dict() == check([r.story for r in stocked.list()]).to_dict()


def test_the_editor_shows_the_readiness_the_bank_check_stored(
    stocked: Repository, reads: list[str]
) -> None:
    check_stored(stocked)
    reads.clear()
    story = stocked.get("big-launch").story
    shown = story_readiness(stocked, story)
    assert reads == [] and shown == readiness(story)


def test_matching_a_question_reads_no_story_the_store_has_read(
    stocked: Repository, reads: list[str]
) -> None:
    from storyladder.coach.bank import match_stored
    from storyladder.coach.match import match

    check_stored(stocked)
    reads.clear()
    question = "Tell me about a time you turned out to be wrong."
    ranked = match_stored(stocked, question)
    assert reads == []
    assert ranked.to_dict() == match(question, [r.story for r in stocked.list()]).to_dict()


def test_match_facts_are_stored_apart_and_follow_each_saved_version(
    stocked: Repository, reads: list[str]
) -> None:
    """Matching reads each story's match facts from their own column (no story decoded,
    no whole reading parsed); a saved edit is a new version whose facts are made once, and
    the ranking is the one a fresh match gives."""
    from storyladder.coach.bank import match_stored
    from storyladder.coach.match import match

    check_stored(stocked)
    texts, kept = stocked.match_facts(coach_version())
    assert len(texts) == stocked.count()
    assert {bank.stored_key(t) for t in texts} <= set(kept)
    with stocked.engine.connect() as conn:
        rows = conn.execute(select(readings.c.data, readings.c.facts)).all()
    story_rows = [json.loads(data) for data, facts in rows if facts is not None]
    assert len(story_rows) == stocked.count()
    assert not any("match" in data for data in story_rows)  # kept once, in its own column
    record = stocked.get("big-launch")
    edited = record.story.evolve(title="The launch my manager and I disagreed about")
    stocked.save(edited, record.revision)
    reads.clear()
    question = "Tell me about a disagreement with your manager."
    ranked = match_stored(stocked, question)
    assert reads == ["big-launch"]  # the new version only, once
    assert "The launch my manager and I disagreed about" in [m.title for m in ranked.stories]
    assert ranked.to_dict() == match(question, [r.story for r in stocked.list()]).to_dict()
    reads.clear()
    assert match_stored(stocked, question).to_dict() == ranked.to_dict()
    assert reads == []


def test_readings_without_match_facts_or_with_damaged_ones_are_matched_the_same(
    stocked: Repository,
) -> None:
    """Readings stored before migration 0010 have no match facts: matching makes them from
    the story (and a damaged one likewise), with the same ranking."""
    from storyladder.coach.bank import match_stored
    from storyladder.coach.match import match

    check_stored(stocked)
    question = "When did you change your mind?"
    fresh = match(question, [r.story for r in stocked.list()]).to_dict()
    for damage in (None, '{"told": 3}'):
        with stocked.engine.begin() as conn:
            conn.execute(readings.update().values(facts=damage))
        assert match_stored(stocked, question).to_dict() == fresh


def test_a_stored_story_key_is_its_reading_key(stocked: Repository) -> None:
    for record in stocked.list():
        texts, _ = stocked.match_facts(coach_version())
        assert bank.reading_key(record.story) in {bank.stored_key(t) for t in texts}


def test_migration_0010_goes_down_to_0009_and_up_again(stocked: Repository) -> None:
    from alembic import command
    from sqlalchemy import inspect

    from storyladder.store.database import _alembic_config

    def columns() -> set[str]:
        return {c["name"] for c in inspect(stocked.engine).get_columns("readings")}

    check_stored(stocked)
    assert "facts" in columns()
    with stocked.engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "0009_revision_scoped_reads")
    assert "facts" not in columns()
    with stocked.engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")
    assert "facts" in columns()
    assert check_stored(stocked).to_dict() == check([r.story for r in stocked.list()]).to_dict()


def test_stories_read_on_every_core_give_the_same_report(
    stocked: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold check whose missing readings are made by worker processes (the CLI's) says
    what a check made in one process says, and keeps the same readings."""
    from storyladder import parallel

    monkeypatch.setattr(parallel, "POOL_FROM", 2)
    stories = [r.story for r in stocked.list()]
    made = parallel.read_stories(stories, workers=2)
    assert made == [bank.read_for_check(s) for s in stories]
    pooled = check_stored(stocked, "anthropic", reader=parallel.read_stories)
    with stocked.engine.begin() as conn:
        kept = {row.key: row.data for row in conn.execute(select(readings.c.key, readings.c.data))}
        conn.execute(readings.delete())
    assert pooled.to_dict() == check_stored(stocked, "anthropic").to_dict()
    with stocked.engine.connect() as conn:
        again = {row.key: row.data for row in conn.execute(select(readings.c.key, readings.c.data))}
    assert again == kept


def test_with_no_worker_processes_to_be_had_the_stories_are_read_here(
    stocked: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyladder import parallel

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError("no processes here")

    monkeypatch.setattr(parallel, "POOL_FROM", 2)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", refuse)
    stories = [r.story for r in stocked.list()]
    assert parallel.read_stories(stories, workers=2) == [bank.read_for_check(s) for s in stories]


def test_a_process_running_threads_reads_on_fresh_workers(
    stocked: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server runs threads, and is never forked: its workers start fresh (spawn), and
    read the same."""
    from storyladder import parallel

    monkeypatch.setattr(parallel, "POOL_FROM", 2)
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 3)
    stories = [r.story for r in stocked.list()][:3]
    assert parallel.read_stories(stories, workers=2) == [bank.read_for_check(s) for s in stories]


def test_stored_json_that_orjson_refuses_is_read_as_json_reads_it() -> None:
    data = jsontext.loads('{"nan": NaN, "big": 123456789012345678901234567890, "s": "é"}')
    assert math.isnan(data["nan"]) and data["big"] == 123456789012345678901234567890
    assert jsontext.loads('{"a": [1, 2.5, null, true]}') == {"a": [1, 2.5, None, True]}


def test_a_check_leaves_the_garbage_collector_as_it_found_it(stocked: Repository) -> None:
    assert gc.isenabled()
    check_stored(stocked)
    assert gc.isenabled()
    gc.disable()
    try:
        check_stored(stocked)
        assert not gc.isenabled()
    finally:
        gc.enable()
