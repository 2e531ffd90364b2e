"""What a story's readers said, as the candidate's and the coach's pages show it: comments
quoted in the revision they were made on, the coaches' readings of ladder levels beside
the machine's, and the replies to each, with their authors named."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request

from storyladder.errors import StoryNotFound
from storyladder.model import SECTIONS, Story
from storyladder.store import accounts, review, sharing
from storyladder.store.repository import Repository
from storyladder.web.api.review import overrides_of, review_of
from storyladder.web.pages.marks import around


@dataclass(frozen=True)
class ShownComment:
    """A comment as a page shows it: where it is anchored, with the words around it."""

    comment: sharing.Comment
    author: str
    before: str
    quote: str
    after: str
    outdated: bool
    replies: tuple[dict[str, Any], ...] = ()


def field_text(story: Story, field: str) -> str:
    if field == "title":
        return story.title
    if field in SECTIONS:
        return story.section(field)
    return story.ladder.get(field.removeprefix("ladder."), "")


def _names(request: Request, repo: Repository, ids: set[int]) -> dict[int, str]:
    found = accounts.emails(request.app.state.engine, ids - {repo.owner})
    return found | {repo.owner: "you"}


def _replies(names: dict[int, str], replies: list[review.Reply]) -> tuple[dict[str, Any], ...]:
    return tuple(r.to_dict() | {"author": names.get(r.author_id, "someone")} for r in replies)


def shown_comments(
    request: Request, repo: Repository, owner: int, story_id: str, newest: int
) -> list[ShownComment]:
    """The comments on a story, each quoted in the revision it was made on, with replies.
    A comment on a revision this user cannot read is left out, never the page's failure
    (list_comments already leaves those out; this holds should a share go meanwhile)."""
    made = sharing.list_comments(repo, owner, story_id)
    if not made:
        return []
    replies = review.replies_by_target(repo, owner, story_id)
    authors = {c.author_id for c in made} | {r.author_id for rs in replies.values() for r in rs}
    names = _names(request, repo, authors)
    texts: dict[int, Story | None] = {}
    out = []
    for c in made:
        if c.revision not in texts:
            try:
                texts[c.revision] = sharing.read_shared(repo, owner, story_id, c.revision)[0]
            except StoryNotFound:
                texts[c.revision] = None
        story = texts[c.revision]
        if story is None:
            continue
        text = field_text(story, c.field)
        before, quote, after = around(text, c.start, c.end)
        said = _replies(names, replies.get(("comment", c.id), []))
        author = names.get(c.author_id, "a coach")
        out.append(ShownComment(c, author, before, quote, after, c.revision != newest, said))
    return out


def readings(
    request: Request, repo: Repository, owner: int, story_id: str, revision: int | None
) -> dict[str, Any]:
    """The levels of one revision (machine, coach, the one that counts), its readiness, and
    every coach's reading of the story with its replies, authors named."""
    shown = review_of(repo, owner, story_id, revision)
    given = overrides_of(repo, owner, story_id)
    ids = {o["author_id"] for o in given} | {r["author_id"] for o in given for r in o["replies"]}
    names = _names(request, repo, ids)
    for o in given:
        o["author"] = names.get(o["author_id"], "a coach")
        for r in o["replies"]:
            r["author"] = names.get(r["author_id"], "someone")
    machine = {level["level"]: level["machine"] for level in shown["levels"]}
    return shown | {"overrides": given, "machine": machine}
