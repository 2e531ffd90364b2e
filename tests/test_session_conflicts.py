"""Two windows answering one practice session: exactly one turn is taken, the other is
refused with its answer given back, and nothing saved is overwritten. On a real SQLite
file and the real PostgreSQL server, through the repository, the practice service, the
single-user web app, the multi-user API, the CLI and MCP."""

from __future__ import annotations

import asyncio
import html
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import text

from storyladder.errors import SessionConflict
from storyladder.formats import bank as bank_files
from storyladder.interview.practice import Practice
from storyladder.interview.session import Session
from storyladder.store.database import _alembic_config, make_engine, open_repository
from storyladder.store.repository import Repository
from tests.api_world import STORY, Server, server
from tests.test_cli_story import sl
from tests.test_mcp import _client, _data
from tests.test_web import token

__all__ = ["server"]  # the fixture
SAMPLE = Path(__file__).parent.parent / "src" / "storyladder" / "content" / "sample_bank"
STORIES = bank_files.read(SAMPLE)
LADDER = next(s for s in STORIES if s.id == "marisol-rounding-leak").ladder
MINE = "Tab one: " + LADDER["surface"]
THEIRS = "Tab two: " + LADDER["surface"]


def _answers(data: dict[str, Any]) -> list[str]:
    return [t["text"] for t in data["turns"] if t["role"] == "candidate"]


@pytest.fixture
def bank(db_url: str) -> Iterator[Repository]:
    repo = open_repository(db_url)
    repo.import_stories(STORIES)
    yield repo
    repo.close()


# -- the repository -----------------------------------------------------------------


def test_a_stale_session_save_is_refused_and_overwrites_nothing(bank: Repository) -> None:
    session = Practice(bank).start("ladder", story_id="marisol-rounding-leak")
    assert session.revision == 1 and bank.get_session(session.id)["revision"] == 1
    ahead = session.evolve(status="done")
    assert bank.save_session(ahead.to_dict()) == 2
    with pytest.raises(SessionConflict) as err:
        bank.save_session(session.evolve(cursor=5).to_dict())  # still on revision 1
    assert (err.value.base, err.value.current) == (1, 2)
    assert err.value.theirs["status"] == "done"
    saved = bank.get_session(session.id)
    assert (saved["revision"], saved["status"], saved["cursor"]) == (2, "done", session.cursor)
    with pytest.raises(SessionConflict):  # a new session whose id is taken is no overwrite
        bank.save_session(session.evolve(revision=0).to_dict())


def test_racing_session_saves_exactly_one_wins(bank: Repository) -> None:
    session = Practice(bank).start("ladder", story_id="marisol-rounding-leak")
    outcomes: list[str] = []
    gate = threading.Barrier(8)

    def save(n: int) -> None:
        gate.wait()
        try:
            bank.save_session(session.evolve(cursor=n).to_dict())
            outcomes.append(f"saved {n}")
        except SessionConflict:
            outcomes.append("conflict")

    threads = [threading.Thread(target=save, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes)[:7] == ["conflict"] * 7 and outcomes.count("conflict") == 7
    winner = int(next(o for o in outcomes if o != "conflict").split()[1])
    saved = bank.get_session(session.id)
    assert (saved["revision"], saved["cursor"]) == (2, winner)


def test_sessions_saved_before_revisions_start_at_one(db_url: str) -> None:
    """Migration 0008 on a bank at 0007 that already holds a session."""
    engine = make_engine(db_url)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0007_coach_review")
        conn.execute(
            text(
                "INSERT INTO sessions (owner_id, id, mode, company, status, data, created_at, "
                "updated_at) VALUES (0, 'old', 'drill', 'generic', 'active', :data, "
                "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            ),
            {"data": json.dumps(Session("old", "drill", "generic", "2026-01-01").to_dict())},
        )
    engine.dispose()
    repo = open_repository(db_url)  # migrates to the newest schema
    try:
        old = Session.from_dict(repo.get_session("old"))
        assert old.revision == 1
        assert repo.save_session(old.evolve(status="done").to_dict()) == 2
    finally:
        repo.close()


# -- the practice service: two writers, one session ------------------------------------


class _Racing:
    """A store that lets both writers read the session before either saves."""

    def __init__(self, repo: Repository, gate: threading.Barrier):
        self.repo, self.gate = repo, gate

    def list(self) -> Any:
        return self.repo.list()

    def add(self, story: Any) -> Any:
        return self.repo.add(story)

    def get_session(self, session_id: str) -> dict[str, Any]:
        data = self.repo.get_session(session_id)
        self.gate.wait()
        return data

    def save_session(self, data: dict[str, Any]) -> int:
        return self.repo.save_session(data)


@pytest.mark.parametrize("says_revision", [True, False])
def test_two_writers_answering_at_once_one_wins_the_other_keeps_its_answer(
    db_url: str, says_revision: bool
) -> None:
    first = open_repository(db_url)
    first.import_stories(STORIES)
    second = open_repository(db_url)  # another tab's request: its own connections
    session = Practice(first).start("ladder", story_id="marisol-rounding-leak")
    gate = threading.Barrier(2)
    won: list[Session] = []
    refused: list[SessionConflict] = []

    def answer(repo: Repository, text: str) -> None:
        service = Practice(_Racing(repo, gate))
        seen = session.revision if says_revision else None
        try:
            won.append(service.answer(session.id, text, seconds=30, revision=seen))
        except SessionConflict as err:
            refused.append(err)

    threads = [
        threading.Thread(target=answer, args=(first, MINE)),
        threading.Thread(target=answer, args=(second, THEIRS)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(won) == 1 and len(refused) == 1
    winner, loser = won[0], refused[0]
    assert winner.revision == 2 and (loser.base, loser.current) == (1, 2)
    assert loser.yours == {
        "action": "answer",
        "text": ({MINE, THEIRS} - {winner.answers[0].text}).pop(),
        "seconds": 30,
    }
    saved = first.get_session(session.id)
    assert _answers(saved) == [winner.answers[0].text] == _answers(loser.theirs)
    # the loser sends its answer again, on the revision it was given: both are kept
    again = Practice(second).answer(session.id, loser.yours["text"], revision=loser.current)
    assert again.revision == 3
    assert _answers(first.get_session(session.id)) == [winner.answers[0].text, loser.yours["text"]]
    first.close()
    second.close()


def test_a_turn_on_a_revision_already_passed_is_refused_before_it_is_judged(
    bank: Repository,
) -> None:
    service = Practice(bank)
    session = service.start("ladder", story_id="marisol-rounding-leak")
    service.skip(session.id, revision=1)
    for action in ("answer", "skip", "finish"):
        with pytest.raises(SessionConflict) as err:
            if action == "answer":
                service.answer(session.id, MINE, revision=1)
            else:
                getattr(service, action)(session.id, revision=1)
        assert err.value.yours["action"] == action and err.value.current == 2
    assert bank.get_session(session.id)["revision"] == 2


# -- the single-user web app: two tabs -------------------------------------------------


def _revision(page: str) -> str:
    found = re.search(r'name="revision" value="(\d+)"', page)
    assert found, "the answer form names the revision it answers"
    return found.group(1)


def test_two_tabs_answering_one_session_the_second_keeps_its_answer_in_the_box(
    client: TestClient,
) -> None:
    t = token(client)
    started = client.post(
        "/practice", data={"mode": "ladder", "story_id": "marisol-rounding-leak", "csrf_token": t}
    )
    url = started.headers["location"]
    tab_one, tab_two = client.get(url).text, client.get(url).text
    assert _revision(tab_one) == _revision(tab_two) == "1"
    sent = {"csrf_token": t, "action": "answer", "revision": _revision(tab_one)}
    assert client.post(f"{url}/answer", data=sent | {"text": MINE}).status_code == 303
    refused = client.post(f"{url}/answer", data=sent | {"text": THEIRS})
    assert refused.status_code == 409
    assert "moved on in another tab" in refused.text and 'id="moved-on"' in refused.text
    box = re.search(r'<textarea id="answer" name="text"[^>]*>(.*?)</textarea>', refused.text, re.S)
    assert box and html.unescape(box.group(1)) == THEIRS
    assert _revision(refused.text) == "2"  # sending again answers the question now asked
    session_id = url.rsplit("/", 1)[1]
    saved = client.app.state.repo.get_session(session_id)  # type: ignore[attr-defined]
    assert _answers(saved) == [MINE]
    again = sent | {"text": THEIRS, "revision": _revision(refused.text)}
    assert client.post(f"{url}/answer", data=again).status_code == 303
    saved = client.app.state.repo.get_session(session_id)  # type: ignore[attr-defined]
    assert _answers(saved) == [MINE, THEIRS]
    finished = client.post(f"{url}/answer", data=sent | {"action": "finish", "revision": "3"})
    assert finished.status_code == 303
    late = client.post(f"{url}/answer", data=sent | {"text": THEIRS, "revision": "3"})
    assert late.status_code == 409 and "it has finished" in late.text
    assert "Your answer (not sent)" in late.text and "Tab two:" in late.text


# -- the multi-user API: two devices, at once ------------------------------------------


@pytest.mark.postgres
def test_two_clients_posting_a_turn_at_once_one_gets_a_409_with_its_answer(
    server: Server,
) -> None:
    laptop, phone = server.login("ada"), server.login("ada")
    story_id = laptop.post("/api/v1/stories", json=STORY).json()["id"]
    started = laptop.post("/api/v1/sessions", json={"mode": "ladder", "story_id": story_id})
    session_id, seen = started.json()["id"], started.json()["revision"]
    assert seen == 1
    gate = threading.Barrier(2)
    answers: dict[str, Any] = {}

    def post(name: str, device: TestClient, said: str) -> None:
        gate.wait()
        body = {"text": said, "seconds": 12.5, "revision": seen}
        answers[name] = device.post(f"/api/v1/sessions/{session_id}/turns", json=body)

    threads = [
        threading.Thread(target=post, args=("laptop", laptop, MINE)),
        threading.Thread(target=post, args=("phone", phone, THEIRS)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    codes = sorted(a.status_code for a in answers.values())
    assert codes == [200, 409], {k: a.text for k, a in answers.items()}
    (won,) = [a.json() for a in answers.values() if a.status_code == 200]
    (lost,) = [a.json() for a in answers.values() if a.status_code == 409]
    assert won["revision"] == 2 and lost["current"] == 2
    assert lost["theirs"]["question"] == won["question"] and lost["theirs"]["revision"] == 2
    assert lost["yours"]["action"] == "answer" and lost["yours"]["seconds"] == 12.5
    assert lost["yours"]["text"] in (MINE, THEIRS) and "nothing was overwritten" in lost["detail"]
    kept = laptop.get(f"/api/v1/sessions/{session_id}").json()["session"]
    assert len(_answers(kept)) == 1 and _answers(kept)[0] != lost["yours"]["text"]
    again = phone.post(
        f"/api/v1/sessions/{session_id}/turns",
        json={"text": lost["yours"]["text"], "revision": lost["current"]},
    )
    assert again.status_code == 200 and again.json()["revision"] == 3
    kept = laptop.get(f"/api/v1/sessions/{session_id}").json()["session"]
    assert sorted(_answers(kept)) == sorted([MINE, THEIRS])
    skip = phone.post(
        f"/api/v1/sessions/{session_id}/turns", json={"action": "skip", "revision": 2}
    )
    assert skip.status_code == 409 and skip.json()["yours"]["action"] == "skip"


# -- the CLI: another window answers while this one is judging -------------------------


def test_the_cli_keeps_a_refused_answer_in_recovery_and_exits_2(
    isolated_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sl("bank", "import", str(SAMPLE))
    code, out, _ = sl("ladder", "marisol-rounding-leak", "--format", "json", input="")
    session_id = json.loads(out)["id"]
    other = open_repository(f"sqlite:///{isolated_home / 'storyladder.db'}")
    real_get = Practice.get
    raced: list[bool] = []

    def get_then_another_window_answers(self: Practice, sid: str) -> Session:
        seen = real_get(self, sid)
        if not raced:
            raced.append(True)
            Practice(other).answer(sid, THEIRS)  # the other window's turn lands first
        return seen

    monkeypatch.setattr(Practice, "get", get_then_another_window_answers)
    script = tmp_path / "answers.json"
    script.write_text(json.dumps([MINE]))
    code, _, err = sl("sessions", "resume", session_id, "--answers", str(script))
    assert code == 2 and "moved on since you saw it" in err and "nothing was overwritten" in err
    assert f"storyladder sessions resume {session_id}" in err
    (kept,) = (isolated_home / "recovery").glob(f"answer-{session_id}-*.txt")
    assert kept.read_text(encoding="utf-8") == MINE and str(kept) in err.replace("\n", "")
    assert _answers(other.get_session(session_id)) == [THEIRS]
    other.close()


# -- MCP ------------------------------------------------------------------------------


def test_mcp_refuses_a_turn_on_a_stale_revision_and_gives_the_answer_back(
    isolated_home: Path,
) -> None:
    sl("bank", "import", str(SAMPLE))

    async def run() -> tuple[dict[str, Any], str]:
        async with _client(isolated_home) as client:
            turn = _data(
                await client.call_tool(
                    "start_session", {"mode": "ladder", "story_id": "marisol-rounding-leak"}
                )
            )
            sid, seen = turn["session_id"], turn["revision"]
            answered = _data(
                await client.call_tool(
                    "submit_answer", {"session_id": sid, "answer": MINE, "revision": seen}
                )
            )
            stale = await client.call_tool(
                "submit_answer", {"session_id": sid, "answer": THEIRS, "revision": seen}
            )
            assert stale.is_error
            return answered, stale.content[0].text

    answered, refusal = asyncio.run(run())
    assert answered["revision"] == 2
    assert "moved on since you saw it" in refusal and "revision 2 now" in refusal
    assert THEIRS in refusal and answered["question"] in refusal
