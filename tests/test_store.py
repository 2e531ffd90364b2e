"""The repository, on SQLite and on a real PostgreSQL server: nothing is ever lost."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import inspect

from storyladder.errors import Conflict, StoryExists, StoryNotFound
from storyladder.model import Story
from storyladder.store.database import (
    _backup_sqlite,
    current_revision,
    head_revision,
    open_repository,
)
from storyladder.store.repository import Repository

STORY = Story(title="The migration we rolled back", action="I rolled it back.")


def test_a_new_bank_is_migrated_to_the_newest_schema(repo: Repository) -> None:
    assert current_revision(repo.engine) == head_revision()
    assert {"stories", "story_revisions"} <= set(inspect(repo.engine).get_table_names())


def test_every_save_keeps_the_previous_revision(repo: Repository) -> None:
    first = repo.add(STORY)
    second = repo.save(STORY.evolve(action="I rolled it back at 02:10."), base_revision=1)
    assert (first.revision, second.revision) == (1, 2)
    assert [r.revision for r in repo.history(STORY.id)] == [2, 1]
    assert repo.revision(STORY.id, 1).action == "I rolled it back."
    assert repo.get(STORY.id).story.action == "I rolled it back at 02:10."


def test_saving_the_same_text_adds_no_revision(repo: Repository) -> None:
    repo.add(STORY)
    assert repo.save(STORY, base_revision=1).revision == 1


def test_a_stale_save_is_a_conflict_showing_both_versions(repo: Repository) -> None:
    repo.add(STORY)
    mine = STORY.evolve(result="Tab one.")
    theirs = STORY.evolve(result="Tab two.")
    repo.save(mine, base_revision=1)
    with pytest.raises(Conflict) as err:
        repo.save(theirs, base_revision=1)
    assert err.value.theirs.result == "Tab one."
    assert err.value.yours.result == "Tab two."
    assert (err.value.base, err.value.current) == (1, 2)
    assert repo.get(STORY.id).story.result == "Tab one."


def test_concurrent_edits_never_silently_lose_one(repo: Repository) -> None:
    repo.add(STORY)
    outcomes: list[str] = []

    def edit(n: int) -> None:
        try:
            repo.save(STORY.evolve(result=f"edit {n}"), base_revision=1)
            outcomes.append("saved")
        except Conflict:
            outcomes.append("conflict")

    threads = [threading.Thread(target=edit, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["conflict"] * 7 + ["saved"]
    assert [r.revision for r in repo.history(STORY.id)] == [2, 1]


def test_add_refuses_an_existing_id(repo: Repository) -> None:
    repo.add(STORY)
    with pytest.raises(StoryExists, match="story edit"):
        repo.add(STORY)


def test_removal_is_a_revision_and_can_be_undone(repo: Repository) -> None:
    repo.add(STORY)
    repo.remove(STORY.id)
    assert repo.list() == []
    with pytest.raises(StoryNotFound, match="story restore"):
        repo.get(STORY.id)
    restored = repo.restore(STORY.id)
    assert restored.story == STORY and restored.revision == 3
    assert [r.action for r in repo.history(STORY.id)] == ["restore", "remove", "create"]


def test_restore_brings_back_an_old_revision_as_the_newest(repo: Repository) -> None:
    repo.add(STORY)
    repo.save(STORY.evolve(action="changed"), base_revision=1)
    assert repo.restore(STORY.id, 1).story == STORY
    assert len(repo.history(STORY.id)) == 3
    with pytest.raises(StoryNotFound, match="no revision 9"):
        repo.restore(STORY.id, 9)


def test_import_creates_updates_and_never_duplicates(repo: Repository) -> None:
    other = Story(title="Another one")
    report = repo.import_stories([STORY, other])
    assert (report.created, report.updated) == ((STORY.id, other.id), ())
    report = repo.import_stories([STORY.evolve(result="new"), other])
    assert (report.updated, report.unchanged) == ((STORY.id,), (other.id,))
    assert repo.count() == 2
    assert repo.revision(STORY.id, 1) == STORY


def test_unicode_and_unknown_keys_are_stored_verbatim(repo: Repository) -> None:
    story = Story(title="Ça a raté 🙃", situation="naïve — “quoted”", extra={"x": [1, {"y": None}]})
    repo.add(story)
    assert repo.get(story.id).story == story


def test_the_sqlite_file_is_copied_aside_before_a_migration(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bank.db'}"
    open_repository(url).add(STORY)
    backup = _backup_sqlite(tmp_path / "bank.db", "0001_stories")
    copy = open_repository(f"sqlite:///{backup}")
    assert copy.get(STORY.id).story == STORY


def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    repo = open_repository(f"sqlite:///{tmp_path / 'bank.db'}")
    with repo.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
