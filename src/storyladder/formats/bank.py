"""A whole bank in and out of files: a folder of story files, or one JSON document.

Reading checks every file before anything is returned, so an import either gets
a complete, valid set of stories or a list of every problem (file:line: what).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from storyladder.errors import ImportInvalid, Problem, StoryInvalid
from storyladder.formats import markdown
from storyladder.model import Story

MAX_FILE_BYTES = 1_000_000  # a story file is prose; anything bigger is a mistake
JSON_FORMAT = "storyladder-bank"
JSON_VERSION = 1


def decode(raw: bytes, source: str, limit: int = MAX_FILE_BYTES) -> str:
    """Text of a story file, or a Problem-bearing error for binary, huge or non-UTF-8 input."""
    if len(raw) > limit:
        raise StoryInvalid(
            [
                Problem(
                    "", f"file is {len(raw):,} bytes; at most {limit:,} bytes are accepted", source
                )
            ]
        )
    if b"\x00" in raw:
        raise StoryInvalid([Problem("", "this is a binary file, not a Markdown story", source)])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise StoryInvalid(
            [
                Problem(
                    "", f"not valid UTF-8 (byte {err.start}); save the file as UTF-8", source, line
                )
            ]
        ) from None


def story_files(path: Path) -> list[Path]:
    """The story files under a path: the file itself, or every *.md in a folder."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() == ".md" and p.is_file())
    return [path]


def read(path: Path) -> list[Story]:
    """Every story at a path (folder of .md, one .md, or a bank .json), all validated."""
    if not path.exists():
        raise ImportInvalid([Problem("", "no such file or folder", str(path))])
    if path.is_file() and path.suffix.lower() == ".json":
        return _read_json(path)
    files = story_files(path)
    if not files:
        raise ImportInvalid([Problem("", "no .md story files in this folder", str(path))])
    problems: list[Problem] = []
    found: list[tuple[str, Story]] = []
    for file in files:
        try:
            text = decode(file.read_bytes(), str(file))
            found.append((str(file), markdown.parse(text, str(file))))
        except StoryInvalid as err:
            problems.extend(err.problems)
        except OSError as err:
            problems.append(Problem("", f"cannot read: {err.strerror}", str(file)))
    problems += _duplicates(found)
    if problems:
        raise ImportInvalid(problems)
    return [story for _, story in found]


def _duplicates(found: list[tuple[str, Story]]) -> list[Problem]:
    first: dict[str, str] = {}
    problems = []
    for source, story in found:
        if story.id in first:
            problems.append(
                Problem("id", f"duplicate id '{story.id}' (also in {first[story.id]})", source)
            )
        else:
            first[story.id] = source
    return problems


def _read_json(path: Path) -> list[Story]:
    source = str(path)
    try:
        data = json.loads(decode(path.read_bytes(), source, limit=MAX_FILE_BYTES * 50))
    except StoryInvalid as err:
        raise ImportInvalid(err.problems) from None
    except json.JSONDecodeError as err:
        raise ImportInvalid(
            [Problem("", f"malformed JSON: {err.msg}", source, err.lineno)]
        ) from None
    if not isinstance(data, dict) or data.get("format") != JSON_FORMAT:
        raise ImportInvalid(
            [Problem("", f'not a storyladder bank (expected "format": "{JSON_FORMAT}")', source)]
        )
    items = data.get("stories")
    if not isinstance(items, list):
        raise ImportInvalid([Problem("stories", "expected a list of stories", source)])
    problems: list[Problem] = []
    found: list[tuple[str, Story]] = []
    for i, item in enumerate(items):
        where = f"{source} stories[{i}]"
        if not isinstance(item, dict):
            problems.append(Problem("", "expected a story object", where))
            continue
        try:
            found.append((where, Story.from_dict(item)))
        except StoryInvalid as err:
            problems += [p.at(where) for p in err.problems]
    problems += _duplicates(found)
    if problems:
        raise ImportInvalid(problems)
    return [story for _, story in found]


def to_json(stories: list[Story]) -> dict[str, Any]:
    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "stories": [s.to_dict() for s in stories],
    }


def write_atomic(path: Path, text: str) -> None:
    """Write a file so that a crash leaves either the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write(stories: list[Story], path: Path) -> list[Path]:
    """Export: a .json path gets one bank document; anything else is a folder of .md files."""
    if path.suffix.lower() == ".json":
        write_atomic(
            path, json.dumps(to_json(stories), ensure_ascii=False, indent=2, default=str) + "\n"
        )
        return [path]
    if path.exists() and not path.is_dir():
        raise ImportInvalid([Problem("", "exists and is not a folder", str(path))])
    written = []
    for story in stories:
        target = path / f"{story.id}.md"
        write_atomic(target, markdown.dump(story))
        written.append(target)
    return written
