"""Every error storyladder raises on purpose, in one place.

StoryladderError            a person can act on it; faces show the message, exit code 2
├── StoryInvalid            one story has problems (field, message, optional file:line)
├── ImportInvalid           a set of files to import has problems; nothing was written
├── StoryNotFound           no story (or revision) with that id
├── StoryExists             `add` of an id the bank already has
├── Conflict                a save made on a stale revision; carries both versions
│   └── SessionConflict     a practice turn taken on a stale session; carries the session
│                           as saved and the refused turn (its answer, never lost)
├── ConfigError             a bad setting (database URL, home directory)
└── InputError              unreadable input (empty answer, bad encoding, binary file)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One thing wrong, and where: a field, and a file and line when known."""

    where: str
    message: str
    file: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        place = ""
        if self.file:
            place = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        field = f"{self.where}: " if self.where else ""
        return f"{place}{field}{self.message}"

    def at(self, file: str, line: int | None = None) -> Problem:
        return Problem(self.where, self.message, file, line if line is not None else self.line)


class StoryladderError(Exception):
    """Base of every error a user can act on."""


class StoryInvalid(StoryladderError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class ImportInvalid(StoryladderError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = [str(p) for p in problems]
        super().__init__(f"nothing was imported: {len(problems)} problem(s)\n" + "\n".join(lines))


class StoryNotFound(StoryladderError):
    pass


class StoryExists(StoryladderError):
    pass


class Conflict(StoryladderError):
    """A save based on revision `base` when the bank already holds `current`."""

    def __init__(self, story_id: str, base: int, current: int, theirs: Any, yours: Any):
        self.story_id, self.base, self.current = story_id, base, current
        self.theirs, self.yours = theirs, yours
        super().__init__(
            f"story '{story_id}' changed since you opened it (you edited revision {base}, "
            f"the bank now holds revision {current}); nothing was overwritten"
        )


class SessionConflict(Conflict):
    """A practice turn taken on revision `base` of a session that is at `current` now (another
    tab, device or client took a turn first). `theirs` is the session as saved (its dict
    form), `yours` the refused turn (action, text, seconds): nothing of it was saved."""

    def __init__(
        self,
        session_id: str,
        base: int,
        current: int,
        theirs: dict[str, Any],
        yours: dict[str, Any],
    ):
        self.session_id = self.story_id = session_id
        self.base, self.current = base, current
        self.theirs, self.yours = theirs, yours
        StoryladderError.__init__(
            self,
            f"session {session_id} moved on since you saw it (another window or client took "
            f"a turn: you saw version {base}, it is at version {current}); your turn was "
            "not taken and nothing was overwritten",
        )


class ConfigError(StoryladderError):
    pass


class InputError(StoryladderError):
    pass
