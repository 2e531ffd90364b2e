"""The one practice service: every face runs it, it saves every turn, and a mock follows
the story the candidate actually tells."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyladder.errors import InputError, StoryExists
from storyladder.formats import bank as bank_files
from storyladder.interview.practice import Practice, progress
from storyladder.store.database import open_repository
from storyladder.web.app import create_app, hosts_for
from tests.test_cli_story import sl
from tests.test_mcp import _client, _data
from tests.test_web import BASE, token

SAMPLE = Path(__file__).parent.parent / "src" / "storyladder" / "content" / "sample_bank"
STORIES = {s.id: s for s in bank_files.read(SAMPLE)}
FACES = ("cli", "web", "mcp_server.py")
NEW_STORY = (
    "In my second summer at a garden centre I ran the plant nursery alone for a week. "
    "The irrigation timer failed on the Tuesday and I did not notice until Thursday, when "
    "forty trays of seedlings had wilted. I told the owner, Ottilie, that afternoon and "
    "replanted what I could. Since then I check the timers every morning before opening."
)


def _frozen() -> datetime:
    return datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


@pytest.fixture
def service(tmp_path: Path) -> Iterator[Practice]:
    repo = open_repository(f"sqlite:///{tmp_path / 'bank.db'}")
    repo.import_stories(STORIES.values())
    yield Practice(repo, clock=_frozen)
    repo.close()


def _telling(story_id: str) -> str:
    story = STORIES[story_id]
    return " ".join((story.situation, story.action, story.result))


def test_every_turn_is_saved_and_progress_says_where_the_candidate_is(service: Practice) -> None:
    session = service.start("ladder", story_id="marisol-rounding-leak")
    assert session.created_at == "2026-11-30T09:00:00+00:00"
    assert progress(session).describe() == "level 1 of 6, question 1 of about 6"
    ladder = STORIES["marisol-rounding-leak"].ladder
    session = service.answer(session.id, ladder["surface"], seconds=40)
    assert service.get(session.id) == session  # saved before the next question is shown
    assert progress(session).describe().startswith("level 2 of 6, question 2 of about")


def test_skipping_a_question_drops_its_follow_ups(service: Practice) -> None:
    session = service.start("mock", company="google", seed=2)
    first = session.last_question
    assert first is not None and first.kind == "question"
    session = service.skip(session.id)
    asked = session.last_question
    assert asked is not None
    assert asked.kind == "question" and asked.text != first.text
    assert not any(t.role == "candidate" for t in session.turns)


def test_a_mock_follows_the_bank_story_the_candidate_tells(service: Practice) -> None:
    session = service.start("mock", company="google", seed=2)
    planned = session.last_question
    assert planned is not None and planned.story_id
    other = next(s for s in STORIES if s != planned.story_id)
    session = service.answer(session.id, _telling(other))
    told = session.answers[-1]
    assert told.story_id == other and "new_story" not in told.signals
    follow_up = session.last_question
    assert follow_up is not None and follow_up.kind == "probe" and follow_up.story_id == other


def test_a_new_story_told_in_a_mock_is_said_so_and_can_be_kept_as_a_draft(
    service: Practice,
) -> None:
    session = service.start("mock", company="google", seed=2)
    session = service.answer(session.id, NEW_STORY)
    told = session.answers[-1]
    assert "new_story" in told.signals and told.story_id not in STORIES
    draft = service.save_draft(session.id, 0)
    assert draft.id.startswith("draft-") and "irrigation timer failed" in draft.text
    assert service.repo.get(draft.id).story == draft
    with pytest.raises(StoryExists):
        service.save_draft(session.id, 0)
    with pytest.raises(InputError, match="no answer number 5"):
        service.save_draft(session.id, 4)


def test_the_same_story_told_again_stays_on_that_story(service: Practice) -> None:
    session = service.start("mock", company="google", seed=2)
    planned = session.last_question
    assert planned is not None and planned.story_id
    session = service.answer(session.id, _telling(planned.story_id))
    assert session.answers[-1].story_id == planned.story_id


def test_no_face_drives_the_engine_itself() -> None:
    root = Path(__file__).parent.parent / "src" / "storyladder"
    faces = [root / "mcp_server.py", *root.glob("cli/*.py"), *root.glob("web/**/*.py")]
    for path in faces:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\bengine\.(?:start|answer|skip|finish)\(", text), path
        assert "interview import engine" not in text, path


def test_the_cli_shows_where_you_are_and_skips_follow_ups(tmp_path: Path) -> None:
    sl("bank", "import", str(SAMPLE))
    story = STORIES["marisol-rounding-leak"]
    code, out, _ = sl("ladder", story.id, input=story.ladder["surface"] + "\n\n/quit\n")
    assert code == 0 and "level 1 of 6, question 1 of about 6" in out
    assert "level 2 of 6" in out
    script = tmp_path / "answers.json"
    script.write_text(json.dumps(["/skip", NEW_STORY]))
    code, out, _ = sl("mock", "--company", "google", "--answers", str(script), "--format", "json")
    data = json.loads(out)
    asked = [t for t in data["turns"] if t["role"] == "interviewer"]
    assert code == 0 and [t["kind"] for t in asked[:2]] == ["question", "question"]
    [told] = [t for t in data["turns"] if t["role"] == "candidate"]
    assert "new_story" in told["signals"]
    code, out, _ = sl("sessions", "keep", data["id"], "1")
    assert code == 0 and "draft-" in out
    assert sl("sessions", "keep", data["id"], "7")[0] == 2


def test_the_web_chat_shows_progress_and_offers_to_keep_a_new_story(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bank.db'}"
    open_repository(url).import_stories(STORIES.values())
    app = create_app(tmp_path, url, hosts_for("127.0.0.1", 8765))
    with TestClient(app, base_url=BASE, follow_redirects=False) as client:
        t = token(client)
        started = client.post(
            "/practice", data={"mode": "mock", "company": "google", "seed": "2", "csrf_token": t}
        )
        where = started.headers["location"]
        assert re.search(r"Level 1 of 3, question 1 of about \d+", client.get(where).text)
        client.post(f"{where}/answer", data={"text": NEW_STORY, "csrf_token": t})
        page = client.get(where).text
        assert "question 2 of about" in page and "Keep it as a draft" in page
        kept = client.post(f"{where}/keep/1", data={"csrf_token": t})
        assert kept.status_code == 303 and "/stories/draft-" in kept.headers["location"]
        assert "irrigation" in client.get(kept.headers["location"]).text


@pytest.mark.slow
def test_mcp_runs_the_service_and_a_missing_story_is_the_users_error(
    isolated_home: Path,
) -> None:
    sl("bank", "import", str(SAMPLE))

    async def run() -> tuple[dict, dict, str]:
        async with _client(isolated_home) as client:
            turn = _data(await client.call_tool("start_session", {"mode": "mock", "seed": 2}))
            skipped = _data(
                await client.call_tool("skip_question", {"session_id": turn["session_id"]})
            )
            missing = await client.call_tool(
                "start_session", {"mode": "ladder", "story_id": "no-such-story"}
            )
            return turn, skipped, missing.content[0].text if missing.is_error else ""

    turn, skipped, error = asyncio.run(run())
    assert turn["progress"].startswith("level 1 of")
    assert skipped["question"] != turn["question"]
    assert "no story with id 'no-such-story'" in error
