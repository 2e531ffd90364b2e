"""`storyladder mcp`: the user's bank and the coach for an AI assistant, over stdio.

Read tools (always on): list_stories, read_story, search_stories, critique, check_bank,
match_question, start_session, submit_answer, skip_question, finish_session,
get_session. Write tools (save_story) only
with --allow-write. Resources: the rubric and the question bank.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from storyladder.errors import SessionConflict, StoryladderError
from storyladder.store.repository import Repository

INSTRUCTIONS = (
    "storyladder is a coach for behavioral and values interviews. It never writes the "
    "candidate's stories: use its tools to read the user's own stories, critique answers, "
    "find gaps and run practice sessions (start_session, then submit_answer with the user's "
    "own words until the session is done). Do not invent experiences, people or numbers."
)


def build_server(repo: Repository, allow_write: bool = False) -> Any:
    from mcp.server import MCPServer
    from mcp.server.mcpserver.exceptions import ToolError

    from storyladder import taxonomy
    from storyladder.coach.bank import check_stored, match_stored
    from storyladder.coach.critique import critique as run_critique
    from storyladder.formats import markdown
    from storyladder.interview.practice import Practice, turn_summary
    from storyladder.llm.config import SETTING, effective, provider_for

    server = MCPServer("storyladder", instructions=INSTRUCTIONS)

    def tool(**options: Any) -> Callable[[Callable[..., Any]], Any]:
        """A tool whose mistakes of input (a missing story, an unknown company) reach the
        assistant as the user's error, with our message, not as a server crash."""

        def register(fn: Callable[..., Any]) -> Any:
            @functools.wraps(fn)
            def run(*args: Any, **kwargs: Any) -> Any:
                try:
                    return fn(*args, **kwargs)
                except SessionConflict as err:
                    raise ToolError(_moved_on(err)) from None
                except StoryladderError as err:
                    raise ToolError(str(err)) from None

            return server.tool(**options)(run)

        return register

    def stories() -> list[Any]:
        return [r.story for r in repo.list()]

    def practice() -> Practice:
        """The practice service, in the model's voice when the user configured one."""
        return Practice(repo, provider_for(effective(repo.get_setting(SETTING))))

    @tool(description="List the stories in the user's bank with ladder depth.")
    def list_stories() -> list[dict[str, Any]]:
        from storyladder.coach.levels import readiness

        return [
            {
                "id": s.id,
                "title": s.title,
                "categories": list(s.categories),
                "readiness": readiness(s).depth,
            }
            for s in stories()
        ]

    @tool(description="Read one story in full (its Markdown file).")
    def read_story(story_id: str) -> str:
        return markdown.dump(repo.get(story_id).story)

    @tool(description="Search the bank: stories ranked for a query or question.")
    def search_stories(query: str, limit: int = 5) -> dict[str, Any]:
        return match_stored(repo, query, limit=limit).to_dict()

    @tool(
        description="Critique one answer offline (SPEC §10 JSON): structure, checks, "
        "flags with evidence, scores, follow-ups. With level (surface, context, decision, "
        "tradeoff, meta_reflection, worldview) the answer is one follow-up on the ladder, "
        "judged by what that level tests (SPEC §11: met, score, evidence, missing); with "
        "story_id it is judged on that story of the bank."
    )
    def critique(
        answer: str,
        question: str | None = None,
        company: str = "generic",
        level: str | None = None,
        story_id: str | None = None,
    ) -> dict[str, Any]:
        story = repo.get(story_id).story if story_id else None
        return run_critique(
            answer, question=question, company=company, level=level, story=story
        ).to_dict()

    @tool(description="Check the whole bank: readiness, coverage, patterns, next steps.")
    def check_bank(company: str = "generic") -> dict[str, Any]:
        return check_stored(repo, company=company).to_dict()

    @tool(description="Rank the user's stories for an interview question, with reasons.")
    def match_question(question: str, limit: int = 5) -> dict[str, Any]:
        return match_stored(repo, question, limit=limit).to_dict()

    @tool(
        description="Start a practice session: mode ladder (needs story_id), drill "
        "(needs drill and story_id) or mock (company). Returns the first "
        "question and the session id."
    )
    def start_session(
        mode: str,
        story_id: str | None = None,
        drill: str | None = None,
        company: str = "anthropic",
        question: str | None = None,
        seed: int = 0,
    ) -> dict[str, Any]:
        session = practice().start(
            mode, company=company, story_id=story_id, drill=drill, question=question, seed=seed
        )
        return turn_summary(session)

    @tool(
        description="Submit the user's answer (their own words) to the current "
        "question; returns the next question, or the scorecard at the end. Pass the "
        "revision the last result gave: if the session moved on since (the user answered "
        "elsewhere), nothing is saved and the error gives the question now asked."
    )
    def submit_answer(session_id: str, answer: str, revision: int | None = None) -> dict[str, Any]:
        return turn_summary(practice().answer(session_id, answer, revision=revision))

    @tool(
        description="Skip the current question (its follow-ups are dropped too); returns "
        "the next question."
    )
    def skip_question(session_id: str, revision: int | None = None) -> dict[str, Any]:
        return turn_summary(practice().skip(session_id, revision=revision))

    @tool(description="End a practice session now and get its scorecard.")
    def finish_session(session_id: str, revision: int | None = None) -> dict[str, Any]:
        return turn_summary(practice().finish(session_id, revision=revision))

    @tool(description="A practice session's transcript and scorecard.")
    def get_session(session_id: str) -> dict[str, Any]:
        return repo.get_session(session_id)

    if allow_write:

        @tool(
            description="WRITE: save a story from its Markdown file (a new revision "
            "if it exists; the old text stays in history). Only with the "
            "user's own words."
        )
        def save_story(markdown_text: str) -> dict[str, Any]:
            story = markdown.parse(markdown_text, "<mcp>")
            report = repo.import_stories([story])
            return {
                "id": story.id,
                "created": bool(report.created),
                "updated": bool(report.updated),
            }

    @server.resource(
        "storyladder://rubric",
        mime_type="application/json",
        description="Flags, ladder levels and response principles the coach uses.",
    )
    def rubric() -> str:
        tax = taxonomy.load()
        return json.dumps(
            {
                "flags": [vars(f) for f in tax.flags],
                "ladder": [vars(lv) for lv in tax.levels],
                "principles": [vars(p) for p in tax.principles],
                "behaviours": [vars(b) for b in tax.behaviours],
            },
            ensure_ascii=False,
        )

    @server.resource(
        "storyladder://questions",
        mime_type="application/json",
        description="The question bank: 330 questions with family, pattern, "
        "categories, competencies and companies.",
    )
    def questions() -> str:
        return json.dumps(
            [
                {
                    **vars(q),
                    "categories": list(q.categories),
                    "companies": list(q.companies),
                    "competencies": list(q.competencies),
                }
                for q in taxonomy.load().questions
            ],
            ensure_ascii=False,
        )

    return server


def _moved_on(err: SessionConflict) -> str:
    """A refused turn, for the assistant: where the session is now, and the answer back."""
    turns = err.theirs.get("turns") or [{}]
    asked = next((t["text"] for t in reversed(turns) if t.get("role") == "interviewer"), "")
    said = f"{err}. It is at revision {err.current} now"
    said += f", asking: {asked}" if err.theirs.get("status") == "active" else ", finished"
    if err.yours.get("text"):
        said += f". The user's answer, not saved: {err.yours['text']}"
    return said
