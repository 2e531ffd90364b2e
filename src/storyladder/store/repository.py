"""The one repository every face calls: stories, their revisions, and nothing lost.

Every save writes a new revision row and moves the head with a compare-and-set on
the revision number, so a save made on a stale revision raises Conflict (with
both versions) instead of overwriting. Removal is a revision too, and reversible.
Practice sessions are saved the same way: on the revision a turn was taken on, or not at
all (SessionConflict).

A repository belongs to one owner (LOCAL_OWNER in a single-user bank, a user of the
multi-user server otherwise): every query names the owner, and on PostgreSQL every
transaction also tells the database who is asking (set_config(..., true), which lasts
for that transaction only), so its row-level security shows that user nothing else.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from storyladder import jsontext
from storyladder.errors import Conflict, SessionConflict, StoryExists, StoryNotFound
from storyladder.model import Story
from storyladder.store.tables import (
    LOCAL_OWNER,
    readings,
    sessions,
    settings,
    stories,
    story_revisions,
)

IDENTIFY = text(
    "SELECT set_config('storyladder.user_id', :user, true), "
    "set_config('storyladder.org_id', :org, true)"
)


@dataclass(frozen=True)
class StoredStory:
    story: Story
    revision: int
    created_at: datetime
    updated_at: datetime
    deleted: bool = False


@dataclass(frozen=True)
class RevisionInfo:
    story_id: str
    revision: int
    action: str
    title: str
    saved_at: datetime


class _Raw(str):
    """A stored reading's JSON, parsed only when the reading is used; `facts` is its match
    part's JSON (kept in a column of its own, `match_facts`), or None."""

    facts: str | None = None


class _Reading(dict[str, Any]):
    """A stored story reading: its match part, kept apart, is parsed only when asked for
    (a bank check never needs it)."""

    facts: str | None = None

    def __missing__(self, key: str) -> Any:
        if key != "match" or self.facts is None:
            raise KeyError(key)
        self["match"] = jsontext.loads(self.facts)
        return self["match"]


def _parsed(value: Any) -> Any:
    if not isinstance(value, _Raw):
        return value
    data = jsontext.loads(value)
    if not isinstance(data, dict):
        return data
    reading = _Reading(data)
    reading.facts = value.facts
    return reading


def _raw(data: str, facts: str | None) -> _Raw:
    raw = _Raw(data)
    raw.facts = facts
    return raw


class StoredReadings(dict[str, Any]):
    """Readings loaded from the store (each parsed on first use); remembers which were used
    or added since."""

    def __init__(self, coach: str, loaded: dict[str, Any]):
        super().__init__(loaded)
        self.coach = coach
        self.loaded = frozenset(loaded)
        self.touched: set[str] = set()

    def __setitem__(self, key: str, value: Any) -> None:
        self.touched.add(key)
        super().__setitem__(key, value)

    def __getitem__(self, key: str) -> Any:
        return _parsed(super().__getitem__(key))

    def get(self, key: str, default: Any = None) -> Any:
        return _parsed(super().get(key, default))

    def pop(self, key: str, *default: Any) -> Any:  # type: ignore[override]
        return _parsed(super().pop(key, *default))


def _stored_row(reading: Any) -> dict[str, Any]:
    """The data and facts columns of a reading: a story reading's `match` part goes to its
    own column (`match_facts`), the rest to `data`."""
    if isinstance(reading, dict) and "match" in reading:
        rest = {k: v for k, v in reading.items() if k != "match"}
        return {"data": json.dumps(rest), "facts": json.dumps(reading["match"])}
    return {"data": json.dumps(reading), "facts": None}


@dataclass(frozen=True)
class ImportReport:
    created: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]


def utc_aware(value: datetime) -> datetime:
    """A time read from the database, in UTC (SQLite keeps no zone)."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _encode(story: Story) -> str:
    return story.to_json()


def _decode(data: str) -> Story:
    return Story.from_json(data)


def session_summary(data: dict[str, Any], updated_at: datetime) -> dict[str, Any]:
    """A practice session in a line: what it was, how far it went, its overall score."""
    return {
        "id": data["id"],
        "mode": data["mode"],
        "company": data["company"],
        "status": data.get("status", "active"),
        "story_id": data.get("story_id"),
        "updated_at": updated_at.isoformat(),
        "answers": sum(1 for t in data.get("turns", []) if t["role"] == "candidate"),
        "overall": (data.get("scorecard") or {}).get("dimensions", {}).get("overall"),
    }


def _record(row: Any) -> StoredStory:
    return StoredStory(
        story=_decode(row.data),
        revision=row.revision,
        created_at=utc_aware(row.created_at),
        updated_at=utc_aware(row.updated_at),
        deleted=bool(row.deleted),
    )


class Repository:
    """Stories in a database (SQLite or PostgreSQL), with full revision history."""

    def __init__(
        self, engine: Engine, clock: Any = None, owner: int = LOCAL_OWNER, org: int | None = None
    ):
        self.engine = engine
        self._clock = clock or (lambda: datetime.now(UTC))
        self.owner = owner
        self.org = org

    def close(self) -> None:
        self.engine.dispose()

    def as_user(self, user: int, org: int | None) -> Repository:
        """The same database seen by one user of the multi-user server (shares the engine;
        close the original, not this)."""
        return Repository(self.engine, self._clock, owner=user, org=org)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection whose transaction is this repository's user's (rolled back after)."""
        with self.engine.connect() as conn:
            self._identify(conn)
            yield conn

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A transaction as this repository's user, committed when the block ends."""
        with self.engine.begin() as conn:
            self._identify(conn)
            yield conn

    def _identify(self, conn: Connection) -> None:
        if conn.dialect.name == "postgresql":
            org = "" if self.org is None else str(self.org)
            conn.execute(IDENTIFY, {"user": str(self.owner), "org": org})

    def _mine(self, table: Table) -> Any:
        return table.c.owner_id == self.owner

    # -- reading ---------------------------------------------------------------

    def list(self, include_deleted: bool = False) -> builtins.list[StoredStory]:
        query = select(stories).where(self._mine(stories)).order_by(stories.c.id)
        if not include_deleted:
            query = query.where(stories.c.deleted.is_(False))
        with self.reading() as conn:
            return [_record(row) for row in conn.execute(query)]

    def get(self, story_id: str, include_deleted: bool = False) -> StoredStory:
        with self.reading() as conn:
            row = self._head(conn, story_id)
        if row is None or (row.deleted and not include_deleted):
            raise StoryNotFound(self._not_found(story_id, row is not None))
        return _record(row)

    def resolve(self, text: str, include_deleted: bool = False) -> str:
        """The id of the one story whose id is `text` or begins with it; more than one,
        or none, is a StoryNotFound that lists the ids that match."""
        query = select(stories.c.id).where(
            self._mine(stories), stories.c.id.startswith(text, autoescape=True)
        )
        if not include_deleted:
            query = query.where(stories.c.deleted.is_(False))
        with self.reading() as conn:
            found = sorted(conn.execute(query).scalars())
        if text in found or len(found) == 1:
            return text if text in found else found[0]
        if found:
            shown = ", ".join(found[:8]) + (f" and {len(found) - 8} more" if len(found) > 8 else "")
            raise StoryNotFound(f"'{text}' begins {len(found)} story ids: {shown}; type more of it")
        self.get(text, include_deleted)  # says why: no such story, or a removed one
        raise StoryNotFound(self._not_found(text, False))

    def story_ids(self, prefix: str = "") -> builtins.list[str]:
        """The ids of the stories in the bank that begin with `prefix` (for completion)."""
        query = select(stories.c.id).where(self._mine(stories), stories.c.deleted.is_(False))
        query = query.where(stories.c.id.startswith(prefix, autoescape=True))
        with self.reading() as conn:
            return sorted(conn.execute(query).scalars())

    def history(self, story_id: str) -> builtins.list[RevisionInfo]:
        query = (
            select(story_revisions)
            .where(self._mine(story_revisions), story_revisions.c.story_id == story_id)
            .order_by(story_revisions.c.revision.desc())
        )
        with self.reading() as conn:
            rows = list(conn.execute(query))
        if not rows:
            raise StoryNotFound(self._not_found(story_id, False))
        return [
            RevisionInfo(
                story_id=row.story_id,
                revision=row.revision,
                action=row.action,
                title=json.loads(row.data).get("title", ""),
                saved_at=utc_aware(row.saved_at),
            )
            for row in rows
        ]

    def revision(self, story_id: str, revision: int) -> Story:
        query = select(story_revisions.c.data).where(
            self._mine(story_revisions),
            story_revisions.c.story_id == story_id,
            story_revisions.c.revision == revision,
        )
        with self.reading() as conn:
            data = conn.execute(query).scalar()
        if data is None:
            raise StoryNotFound(f"story '{story_id}' has no revision {revision}")
        return _decode(data)

    def past_revisions(self) -> dict[str, builtins.list[Story]]:
        """Every earlier revision of every story in the bank, oldest first (one query)."""
        query = (
            select(story_revisions.c.story_id, story_revisions.c.data)
            .join(stories, self._same_story())
            .where(
                self._mine(stories),
                stories.c.deleted.is_(False),
                story_revisions.c.revision < stories.c.revision,
            )
            .order_by(story_revisions.c.story_id, story_revisions.c.revision)
        )
        out: dict[str, list[Story]] = {}
        with self.reading() as conn:
            for row in conn.execute(query):
                out.setdefault(row.story_id, []).append(_decode(row.data))
        return out

    def count(self) -> int:
        query = (
            select(func.count())
            .select_from(stories)
            .where(self._mine(stories), stories.c.deleted.is_(False))
        )
        with self.reading() as conn:
            return int(conn.execute(query).scalar() or 0)

    # -- writing ---------------------------------------------------------------

    def add(self, story: Story) -> StoredStory:
        """A new story; StoryExists if the id is taken (even by a removed story)."""
        with self.writing() as conn:
            row = self._head(conn, story.id)
            if row is not None:
                hint = (
                    f"it was removed; bring it back with 'storyladder story restore {story.id}'"
                    if row.deleted
                    else f"edit it with 'storyladder story edit {story.id}'"
                )
                raise StoryExists(f"a story with id '{story.id}' already exists ({hint})")
            self._create(conn, story, "create")
        return self.get(story.id)

    def save(self, story: Story, base_revision: int, action: str = "edit") -> StoredStory:
        """Save an edit made on `base_revision`; Conflict if the bank moved on since."""
        with self.writing() as conn:
            row = self._head(conn, story.id)
            if row is None:
                raise StoryNotFound(self._not_found(story.id, False))
            self._move(conn, row, story, base_revision, action)
        return self.get(story.id)

    def remove(self, story_id: str) -> StoredStory:
        """Hide a story from the bank; its history stays and `restore` brings it back."""
        with self.writing() as conn:
            row = self._head(conn, story_id)
            if row is None or row.deleted:
                raise StoryNotFound(self._not_found(story_id, row is not None))
            self._move(conn, row, _decode(row.data), row.revision, "remove", deleted=True)
        return self.get(story_id, include_deleted=True)

    def restore(self, story_id: str, revision: int | None = None) -> StoredStory:
        """Make an old revision (default: the last before removal) the current one."""
        with self.writing() as conn:
            row = self._head(conn, story_id)
            if row is None:
                raise StoryNotFound(self._not_found(story_id, False))
            target = revision if revision is not None else row.revision
            data = conn.execute(
                select(story_revisions.c.data).where(
                    self._mine(story_revisions),
                    story_revisions.c.story_id == story_id,
                    story_revisions.c.revision == target,
                )
            ).scalar()
            if data is None:
                raise StoryNotFound(f"story '{story_id}' has no revision {target}")
            self._move(conn, row, _decode(data), row.revision, "restore", force=True)
        return self.get(story_id)

    def import_stories(self, items: Iterable[Story]) -> ImportReport:
        """Create or update each story (a new revision when it changed), all or nothing."""
        created, updated, unchanged = [], [], []
        with self.writing() as conn:
            for story in items:
                row = self._head(conn, story.id)
                if row is None:
                    self._create(conn, story, "import")
                    created.append(story.id)
                elif self._move(conn, row, story, row.revision, "import"):
                    updated.append(story.id)
                else:
                    unchanged.append(story.id)
        return ImportReport(tuple(created), tuple(updated), tuple(unchanged))

    # -- practice sessions -----------------------------------------------------

    def save_session(self, data: dict[str, Any]) -> int:
        """Save a session (its dict form) taken from revision `data["revision"]` (0: a new
        session) as the next revision, and return it. A compare-and-set, as a story's save
        is: if the session moved on since that revision, SessionConflict with the session as
        saved, and nothing is written."""
        base = int(data.get("revision") or 0)
        now = self._clock()
        values = {
            "mode": data["mode"],
            "company": data["company"],
            "status": data["status"],
            "story_id": data.get("story_id"),
            "updated_at": now,
            "revision": base + 1,
            "data": json.dumps(data | {"revision": base + 1}, ensure_ascii=False, default=str),
        }
        try:
            with self.writing() as conn:
                if base == 0:
                    conn.execute(
                        insert(sessions).values(
                            owner_id=self.owner, id=data["id"], created_at=now, **values
                        )
                    )
                    return base + 1
                moved = conn.execute(
                    update(sessions)
                    .where(
                        self._mine(sessions),
                        sessions.c.id == data["id"],
                        sessions.c.revision == base,
                    )
                    .values(**values)
                )
                if moved.rowcount == 1:
                    return base + 1
        except IntegrityError:  # a new session whose id someone saved first
            if self._session_row(data["id"]) is None:
                raise
        theirs = self.get_session(data["id"])  # StoryNotFound if it is gone
        raise SessionConflict(data["id"], base, theirs["revision"], theirs, data)

    def _session_row(self, session_id: str) -> Any:
        query = select(sessions.c.data, sessions.c.revision).where(
            self._mine(sessions), sessions.c.id == session_id
        )
        with self.reading() as conn:
            return conn.execute(query).first()

    def get_session(self, session_id: str) -> dict[str, Any]:
        """A session's dict form, with the revision it is at."""
        row = self._session_row(session_id)
        if row is None:
            raise StoryNotFound(
                f"no session with id '{session_id}' (see 'storyladder sessions list')"
            )
        out: dict[str, Any] = json.loads(row.data)
        return out | {"revision": row.revision}

    def resolve_session(self, text: str) -> str:
        """The id of the one session whose id is `text` or begins with it."""
        query = select(sessions.c.id).where(
            self._mine(sessions), sessions.c.id.startswith(text, autoescape=True)
        )
        with self.reading() as conn:
            found = sorted(conn.execute(query).scalars())
        if len(found) == 1 or text in found:
            return text if text in found else found[0]
        if found:
            shown = ", ".join(found[:8])
            raise StoryNotFound(
                f"'{text}' begins {len(found)} session ids: {shown}; type more of it"
            )
        self.get_session(text)  # says there is no such session
        return text

    def list_sessions(self) -> builtins.list[dict[str, Any]]:
        query = (
            select(sessions)
            .where(self._mine(sessions))
            .order_by(sessions.c.updated_at.desc(), sessions.c.id)
        )
        with self.reading() as conn:
            rows = list(conn.execute(query))
        return [session_summary(json.loads(row.data), utc_aware(row.updated_at)) for row in rows]

    def all_sessions(self) -> builtins.list[dict[str, Any]]:
        """Every session in full (transcripts and scorecards), oldest first."""
        query = (
            select(sessions.c.data, sessions.c.revision)
            .where(self._mine(sessions))
            .order_by(sessions.c.created_at, sessions.c.id)
        )
        with self.reading() as conn:
            rows = list(conn.execute(query))
        return [json.loads(row.data) | {"revision": row.revision} for row in rows]

    def timeline(self) -> dict[str, builtins.list[tuple[datetime, Story]]]:
        """Every revision of every story in the bank with the time it was saved, oldest first."""
        query = (
            select(story_revisions.c.story_id, story_revisions.c.saved_at, story_revisions.c.data)
            .join(stories, self._same_story())
            .where(self._mine(stories), stories.c.deleted.is_(False))
            .order_by(story_revisions.c.story_id, story_revisions.c.revision)
        )
        out: dict[str, list[tuple[datetime, Story]]] = {}
        with self.reading() as conn:
            for row in conn.execute(query):
                out.setdefault(row.story_id, []).append(
                    (utc_aware(row.saved_at), _decode(row.data))
                )
        return out

    # -- settings --------------------------------------------------------------

    def get_setting(self, key: str) -> Any:
        with self.reading() as conn:
            value = conn.execute(
                select(settings.c.value).where(self._mine(settings), settings.c.key == key)
            ).scalar()
        return None if value is None else json.loads(value)

    def set_setting(self, key: str, value: Any) -> None:
        data = json.dumps(value, default=str)
        now = self._clock()
        with self.writing() as conn:
            moved = conn.execute(
                update(settings)
                .where(self._mine(settings), settings.c.key == key)
                .values(value=data, updated_at=now)
            )
            if moved.rowcount == 0:
                conn.execute(
                    insert(settings).values(
                        owner_id=self.owner, key=key, value=data, updated_at=now
                    )
                )

    def stamp(self) -> tuple[Any, ...]:
        """What changes whenever a page of the bank could: the stories (how many, the last
        save, the revisions) and the settings (the last change). One query each, cheap."""
        with self.reading() as conn:
            head = conn.execute(
                select(
                    func.count(), func.max(stories.c.updated_at), func.sum(stories.c.revision)
                ).where(self._mine(stories))
            ).one()
            chosen = conn.execute(
                select(func.max(settings.c.updated_at)).where(self._mine(settings))
            ).scalar()
        return (*head, chosen)

    # -- readings --------------------------------------------------------------

    def readings(self, coach: str, keys: Sequence[str] | None = None) -> StoredReadings:
        """The coach's stored readings (`coach` names the coach that must have made them;
        `keys`, when given, the only ones wanted), as a mapping the bank check reads and
        adds to; `keep_readings` saves what changed."""
        query = select(readings.c.key, readings.c.data, readings.c.facts).where(
            self._mine(readings), readings.c.coach == coach
        )
        if keys is not None:
            query = query.where(readings.c.key.in_(list(keys)))
        with self.reading() as conn:
            rows = conn.execute(query)
            return StoredReadings(coach, {row.key: _raw(row.data, row.facts) for row in rows})

    def match_facts(self, coach: str) -> tuple[builtins.list[str], dict[str, str]]:
        """The bank's stories in their stored form (JSON, by id; removed ones left out), and
        the match facts of the coach's readings by reading key, as text: matching a question
        decodes neither (a reading's `match` part is kept in its own column for this)."""
        heads = (
            select(stories.c.data)
            .where(self._mine(stories), stories.c.deleted.is_(False))
            .order_by(stories.c.id)
        )
        facts = select(readings.c.key, readings.c.facts).where(
            self._mine(readings), readings.c.coach == coach, readings.c.facts.is_not(None)
        )
        with self.reading() as conn:
            texts = builtins.list(conn.execute(heads).scalars())
            kept = {row.key: row.facts for row in conn.execute(facts)}
        return texts, kept

    def keep_readings(self, memo: StoredReadings) -> None:
        """Store the readings made since `readings()`, and drop the ones no longer used (an
        old version of a story, a reading by another coach). A cache: failing to write it
        loses nothing."""
        new = [k for k in memo.touched if k not in memo.loaded and k in memo]  # (not evicted)
        stale = [k for k in memo.loaded if k not in memo.touched]
        if not new and not stale:
            return
        try:
            self._write_readings(memo, new, stale)
        except SQLAlchemyError:
            pass  # another process stored the same reading first, or the disk is full: the
            # next check reads those stories again, and any save still reports its own error

    def _write_readings(
        self, memo: StoredReadings, new: builtins.list[str], stale: builtins.list[str]
    ) -> None:
        with self.writing() as conn:
            mine = self._mine(readings)
            conn.execute(delete(readings).where(mine, readings.c.coach != memo.coach))
            for start in range(0, len(stale), 500):
                batch = stale[start : start + 500]
                conn.execute(delete(readings).where(mine, readings.c.key.in_(batch)))
            if new:
                conn.execute(
                    insert(readings),
                    [
                        {"owner_id": self.owner, "key": k, "coach": memo.coach}
                        | _stored_row(memo[k])
                        for k in new
                    ],
                )

    # -- internals -------------------------------------------------------------

    def _head(self, conn: Connection, story_id: str) -> Any:
        query = select(stories).where(self._mine(stories), stories.c.id == story_id)
        return conn.execute(query).first()

    @staticmethod
    def _same_story() -> Any:
        return (stories.c.owner_id == story_revisions.c.owner_id) & (
            stories.c.id == story_revisions.c.story_id
        )

    @staticmethod
    def _not_found(story_id: str, removed: bool) -> str:
        if removed:
            return (
                f"story '{story_id}' was removed; bring it back with "
                f"'storyladder story restore {story_id}'"
            )
        return f"no story with id '{story_id}' (see 'storyladder story list')"

    def _create(self, conn: Connection, story: Story, action: str) -> None:
        now = self._clock()
        data = _encode(story)
        conn.execute(
            insert(stories).values(
                owner_id=self.owner,
                id=story.id,
                title=story.title,
                revision=1,
                deleted=False,
                data=data,
                created_at=now,
                updated_at=now,
            )
        )
        conn.execute(
            insert(story_revisions).values(
                owner_id=self.owner,
                story_id=story.id,
                revision=1,
                action=action,
                data=data,
                saved_at=now,
            )
        )

    def _move(
        self,
        conn: Connection,
        row: Any,
        story: Story,
        base: int,
        action: str,
        deleted: bool = False,
        force: bool = False,
    ) -> bool:
        """Write `story` as the next revision after `base`; False if nothing changed."""
        if row.revision != base:
            raise Conflict(story.id, base, row.revision, _decode(row.data), story)
        data = _encode(story)
        if data == row.data and bool(row.deleted) == deleted and not force:
            return False
        now = self._clock()
        moved = conn.execute(
            update(stories)
            .where(self._mine(stories), stories.c.id == story.id, stories.c.revision == base)
            .values(
                revision=base + 1, title=story.title, data=data, deleted=deleted, updated_at=now
            )
        )
        if moved.rowcount != 1:  # another writer got there between our read and write
            current = self._head(conn, story.id)
            raise Conflict(story.id, base, current.revision, _decode(current.data), story)
        conn.execute(
            insert(story_revisions).values(
                owner_id=self.owner,
                story_id=story.id,
                revision=base + 1,
                action=action,
                data=data,
                saved_at=now,
            )
        )
        return True
