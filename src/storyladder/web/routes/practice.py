"""Practice in the browser: ladder climbs, drills and mocks in a chat view, run by the same
practice service as the CLI and MCP; answers typed or recorded; every turn saved, on the
revision the page showed: a turn another tab overtook is refused and its answer stays in
the box."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse

from storyladder import taxonomy
from storyladder.errors import SessionConflict, StoryladderError, StoryNotFound
from storyladder.interview.plan import drill_ids
from storyladder.interview.practice import Practice, progress
from storyladder.interview.session import Session
from storyladder.llm.config import provider_for
from storyladder.store.repository import Repository
from storyladder.web import coach_pool
from storyladder.web.deps import model_config, page, repo
from storyladder.web.security import check_csrf

router = APIRouter(dependencies=[Depends(check_csrf)])
Repo = Annotated[Repository, Depends(repo)]
AUDIO_NAME = re.compile(r"\d{1,4}\.(?:webm|ogg|m4a|wav)")
SESSION_ID = re.compile(r"[0-9a-z][0-9a-z-]{0,39}")  # 12 hex digits, or a demo session's id


def _audio_dir(request: Request, session_id: str) -> Path:
    if not SESSION_ID.fullmatch(session_id):  # a folder name: no dots, no slashes
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


def _service(request: Request, store: Repository) -> Practice:
    return Practice(store, provider_for(model_config(request)))


@router.post("/practice")
def start(
    request: Request,
    store: Repo,
    mode: Annotated[str, Form()],
    company: Annotated[str, Form()] = "anthropic",
    story_id: Annotated[str | None, Form()] = None,
    drill: Annotated[str | None, Form()] = None,
    minutes: Annotated[int, Form()] = 45,
    seed: Annotated[int, Form()] = 0,
) -> object:
    session = _service(request, store).start(
        mode, company=company, story_id=story_id, drill=drill, minutes=minutes, seed=seed
    )
    return RedirectResponse(f"/practice/{session.id}", status_code=303)


@router.get("/practice/{session_id}")
def show(request: Request, session_id: str, store: Repo) -> object:
    return _session_page(request, Session.from_dict(store.get_session(session_id)))


def _session_page(
    request: Request, session: Session, refused: dict[str, object] | None = None
) -> object:
    """The transcript and the answer box; `refused`: a turn not taken (its answer back in
    the box, and why), answered 409."""
    folder = _audio_dir(request, session.id)
    recordings = [
        {"name": p.name, "words": _words_of(p)}
        for p in (sorted(folder.iterdir()) if folder.exists() else [])
        if AUDIO_NAME.fullmatch(p.name)
    ]
    return page(
        request,
        "session.html",
        status=409 if refused else 200,
        session=session,
        recordings=recordings,
        where=progress(session).describe() if session.status == "active" else None,
        refused=refused,
    )


@router.post("/practice/{session_id}/answer")
def answer(
    request: Request,
    session_id: str,
    store: Repo,
    text: Annotated[str, Form()] = "",
    seconds: Annotated[float | None, Form()] = None,
    action: Annotated[str, Form()] = "answer",
    revision: Annotated[int | None, Form()] = None,
) -> object:
    """Take a turn on the revision the page showed (`revision`); if another tab took one
    first, the page as it is now, with the answer still in the box (409)."""
    service = _service(request, store)
    try:
        if action == "skip":
            service.skip(session_id, revision=revision)
        elif action == "finish":
            service.finish(session_id, revision=revision)
        else:
            service.answer(session_id, text, seconds=seconds, revision=revision)
    except SessionConflict as conflict:
        return _session_page(
            request,
            Session.from_dict(conflict.theirs),
            {"action": action, "text": text, "message": _moved_on(conflict, action, text)},
        )
    return RedirectResponse(f"/practice/{session_id}#latest", status_code=303)


def _moved_on(conflict: SessionConflict, action: str, text: str) -> str:
    finished = conflict.theirs.get("status") != "active"
    what = {"skip": "Your skip was not taken", "finish": "Your finish was not taken"}.get(
        action, "Your answer was not sent"
    )
    said = "This session moved on in another tab or window since this page was shown"
    said += ": it has finished." if finished else "; its newest question is the last one above."
    said += f" {what}, and nothing was overwritten."
    if text.strip():
        said += (
            " What you typed is below: copy it."
            if finished
            else " What you typed is still in the box: send it to answer that question."
        )
    return said


@router.post("/practice/{session_id}/keep/{answer}")
def keep(request: Request, session_id: str, answer: int, store: Repo) -> object:
    """Keep a story told on the spot in a mock as a draft of the bank."""
    story = _service(request, store).save_draft(session_id, answer - 1)
    return RedirectResponse(f"/stories/{story.id}", status_code=303)


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
    path = folder / name
    path.write_bytes(await audio.read())
    if request.headers.get("accept", "").startswith("application/json"):
        return JSONResponse(await _heard(path))
    return RedirectResponse(f"/practice/{session_id}#latest", status_code=303)


def _words_of(recording: Path) -> list[dict[str, object]]:
    """The transcript kept beside a recording (word, start, end), for replay."""
    kept = recording.with_suffix(".words.json")
    try:
        words = json.loads(kept.read_text(encoding="utf-8")) if kept.is_file() else []
    except (OSError, ValueError):
        return []
    return words if isinstance(words, list) else []


async def _heard(path: Path) -> dict[str, object]:
    """The recording's transcript for the candidate to correct before it is answered (the
    text they approve is what the interviewer judges), or why there is none."""
    from storyladder.speech.transcribe import HOW_TO_ADD, available, transcribe

    if not available():
        return {"transcript": None, "note": f"Recording kept. To get a transcript, {HOW_TO_ADD}."}
    try:
        heard = await coach_pool.run(transcribe, path)
    except StoryladderError as err:
        return {"transcript": None, "note": f"Recording kept; no transcript: {err}"}
    words = [w.to_dict() for w in heard.words]
    path.with_suffix(".words.json").write_text(json.dumps(words), encoding="utf-8")
    return {
        "transcript": heard.text,
        "seconds": round(heard.duration, 1),
        "delivery": heard.spoken.observations(),
        "note": "Check the transcript, correct it, then send it as your answer.",
    }


@router.get("/practice/{session_id}/audio/{name}")
def play(request: Request, session_id: str, name: str) -> FileResponse:
    path = _audio_dir(request, session_id) / name
    if not AUDIO_NAME.fullmatch(name) or not path.is_file():
        raise StoryNotFound(f"no recording '{name}' in session {session_id}")
    return FileResponse(path)
