"""Nothing typed is ever lost: when a save fails, the text goes to HOME/recovery/ first.

keep(home, text) -> Path           the text, in a new 0600 file (story-TIME.md; a
                                    practice answer: name="answer-SESSION", ".txt")
with saving(home, text): ...        a failed save (locked, read-only or full database,
                                    a disk error) keeps the text and raises InputError
                                    that says why and where it is
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from storyladder.errors import InputError


def keep(home: Path, text: str, name: str = "story", suffix: str = ".md") -> Path:
    from storyladder.formats.bank import write_atomic  # not at import: `--help` stays light

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    path = home / "recovery" / f"{name}-{stamp}{suffix}"
    write_atomic(path, text)
    return path


def _reason(err: Exception) -> str:
    text = str(getattr(err, "orig", None) or err).splitlines()[0]
    if "locked" in text:
        return "the database is locked by another program"
    if "readonly" in text or "read-only" in text:
        return "the database is read-only"
    if "full" in text:
        return "the disk is full"
    return text


@contextmanager
def saving(home: Path, text: str, name: str = "story", suffix: str = ".md") -> Iterator[None]:
    try:
        yield
    except Exception as err:
        from sqlalchemy.exc import SQLAlchemyError  # here: `--help` never imports SQLAlchemy

        if not isinstance(err, SQLAlchemyError | OSError):
            raise
        try:
            where = f"your text is kept in {keep(home, text, name, suffix)}"
        except OSError as again:  # the disk that refused the database refuses this too
            where = f"and it could not be kept in {home / 'recovery'} ({again.strerror})"
        raise InputError(f"nothing was saved: {_reason(err)}; {where}") from None
