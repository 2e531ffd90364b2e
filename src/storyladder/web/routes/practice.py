"""Practice in the browser: ladder climbs, drills and mocks in a chat view, driven by the
same engine as the CLI; answers typed or recorded; every turn saved."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import FileResponse, RedirectResponse

from storyladder import taxonomy
from storyladder.errors import InputError, StoryNotFound
from storyladder.interview import engine
from storyladder.interview.plan import drill_ids
from storyladder.interview.session import Session
from storyladder.llm.config import provider_for
from storyladder.llm.resilient import Outcome
from storyladder.llm.voice import voice
from storyladder.store.repository import Repository
from storyladder.web.deps import model_config, page, repo
from storyladder.web.security import check_csrf

router = APIRouter(dependencies=[Depends(check_csrf)])
Repo = Annotated[Repository, Depends(repo)]
AUDIO_NAME = re.compile(r"^\d{1,4}\.(?:webm|ogg|m4a|wav)$")


def _audio_dir(request: Request, session_id: str) -> Path:
    if not re.fullmatch(r"[0-9a-f]{12}", session_id):
        raise StoryNotFound(f"no session with id '{session_id}'")
    return Path(request.app.state.home) / "audio" / session_id


@router.get("/practice")
def practice_home(request: Request, store: Repo) -> object:
    tax = taxonomy.load()
    return page(
        request,
        "practice.html",
        stories=[r.story for r in store.list()],
        drills=drill_ids(),
        companies=tax.companies,
        sessions=store.list_sessions(),
    )


@router.post("/practice")
def start(
    store: Repo,
    mode: Annotated[str, Form()],
    company: Annotated[str, Form()] = "anthropic",
    story_id: Annotated[str | None, Form()] = None,
    drill: Annotated[str | None, Form()] = None,
    minutes: Annotated[int, Form()] = 45,
    seed: Annotated[int, Form()] = 0,
) -> object:
    stories = [r.story for r in store.list()]
    try:
        session = engine.start(
            uuid.uuid4().hex[:12],
            mode,
            stories,
            datetime.now(UTC).isoformat(timespec="seconds"),
            company=company,
            story_id=story_id or None,
            drill=drill or None,
            minutes=minutes,
            seed=seed,
        )
    except KeyError as err:
        raise InputError(str(err.args[0])) from None
    store.save_session(session.to_dict())
    return RedirectResponse(f"/practice/{session.id}", status_code=303)


@router.get("/practice/{session_id}")
def show(request: Request, session_id: str, store: Repo) -> object:
    session = Session.from_dict(store.get_session(session_id))
    folder = _audio_dir(request, session_id)
    recordings = sorted(p.name for p in folder.glob("*")) if folder.exists() else []
    return page(request, "session.html", session=session, recordings=recordings)


@router.post("/practice/{session_id}/answer")
def answer(
    request: Request,
    session_id: str,
    store: Repo,
    text: Annotated[str, Form()] = "",
    seconds: Annotated[float | None, Form()] = None,
    action: Annotated[str, Form()] = "answer",
) -> object:
    session = Session.from_dict(store.get_session(session_id))
    stories = [r.story for r in store.list()]
    if action == "skip":
        session = engine.skip(session, stories)
    elif action == "finish":
        session = engine.finish(session)
    else:
        session = engine.answer(session, text, stories, seconds=seconds)
        session = voice(session, provider_for(model_config(request)), Outcome())
    store.save_session(session.to_dict())
    return RedirectResponse(f"/practice/{session_id}#latest", status_code=303)


@router.post("/practice/{session_id}/audio")
async def upload_audio(request: Request, session_id: str, store: Repo, audio: UploadFile) -> object:
    """Keep a recorded answer so the candidate can listen back to their own telling."""
    session = Session.from_dict(store.get_session(session_id))
    folder = _audio_dir(request, session_id)
    folder.mkdir(parents=True, exist_ok=True)
    suffix = {"audio/ogg": "ogg", "audio/mp4": "m4a", "audio/wav": "wav"}.get(
        (audio.content_type or "").split(";")[0], "webm"
    )
    name = f"{len(session.turns):04d}.{suffix}"
    (folder / name).write_bytes(await audio.read())
    return RedirectResponse(f"/practice/{session_id}#latest", status_code=303)


@router.get("/practice/{session_id}/audio/{name}")
def play(request: Request, session_id: str, name: str) -> FileResponse:
    path = _audio_dir(request, session_id) / name
    if not AUDIO_NAME.match(name) or not path.is_file():
        raise StoryNotFound(f"no recording '{name}' in session {session_id}")
    return FileResponse(path)
