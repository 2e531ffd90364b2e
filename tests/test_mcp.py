"""The MCP server over stdio, driven by the official SDK's own client."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

import pytest

from tests.test_cli_story import sl

pytestmark = pytest.mark.slow
SAMPLE = Path(__file__).parent.parent / "src" / "storyladder" / "content" / "sample_bank"


def _client(home: Path, *extra: str):  # type: ignore[no-untyped-def]
    from mcp import Client
    from mcp.client.stdio import StdioServerParameters

    env = {**os.environ, "STORYLADDER_HOME": str(home)}
    env.pop("STORYLADDER_DATABASE_URL", None)
    return Client(
        StdioServerParameters(
            command=sys.executable, args=["-m", "storyladder", "mcp", *extra], env=env
        )
    )


def _data(result) -> object:  # type: ignore[no-untyped-def]
    if result.structured_content is not None:
        content = result.structured_content
        return content.get("result", content) if isinstance(content, dict) else content
    return json.loads(result.content[0].text)


def test_an_mcp_client_runs_a_ladder_climb_on_the_bank(isolated_home: Path) -> None:
    sl("bank", "import", str(SAMPLE))
    story = next(p for p in SAMPLE.iterdir() if p.name == "marisol-rounding-leak.md")
    from storyladder.formats import markdown

    ladder = markdown.parse(story.read_text()).ladder

    async def run() -> dict:
        async with _client(isolated_home) as client:
            tools = {t.name for t in (await client.list_tools()).tools}
            assert {
                "list_stories",
                "read_story",
                "search_stories",
                "critique",
                "check_bank",
                "match_question",
                "start_session",
                "submit_answer",
            } <= tools
            assert "save_story" not in tools  # write access is off unless enabled
            listed = _data(await client.call_tool("list_stories", {}))
            assert len(listed) == 11
            critique = _data(
                await client.call_tool(
                    "critique",
                    {
                        "answer": ladder["surface"],
                        "question": "Tell me about a time you were wrong.",
                        "company": "anthropic",
                    },
                )
            )
            assert {"question", "sentences", "checks", "flags", "scores", "follow_ups"} <= set(
                critique
            )
            turn = _data(
                await client.call_tool(
                    "start_session", {"mode": "ladder", "story_id": "marisol-rounding-leak"}
                )
            )
            for level in (
                "surface",
                "context",
                "decision",
                "tradeoff",
                "meta_reflection",
                "worldview",
            ):
                assert turn["status"] == "active"
                turn = _data(
                    await client.call_tool(
                        "submit_answer", {"session_id": turn["session_id"], "answer": ladder[level]}
                    )
                )
            resources = {str(r.uri) for r in (await client.list_resources()).resources}
            assert {"storyladder://rubric", "storyladder://questions"} <= resources
            rubric = await client.read_resource("storyladder://rubric")
            assert "we_not_i" in rubric.contents[0].text
            return turn

    final = asyncio.run(run())
    assert final["status"] == "done"
    assert final["scorecard"]["levels"]["marisol-rounding-leak"] == "worldview"


def test_write_tools_only_when_enabled(isolated_home: Path) -> None:
    async def run() -> set[str]:
        async with _client(isolated_home, "--allow-write") as client:
            tools = {t.name for t in (await client.list_tools()).tools}
            saved = _data(
                await client.call_tool(
                    "save_story",
                    {
                        "markdown_text": "---\ntitle: Written through MCP\n---\n## Action\nI did it.\n"
                    },
                )
            )
            assert saved["id"] == "written-through-mcp"
            return tools

    assert "save_story" in asyncio.run(run())
    assert sl("story", "show", "written-through-mcp")[0] == 0
