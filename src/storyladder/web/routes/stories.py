"""The story editor: write, critique live, save revisions, see history, resolve conflicts."""

from __future__ import annotations

import difflib
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from storyladder import taxonomy
from storyladder.coach.bank import story_readiness
from storyladder.coach.critique import critique
from storyladder.coach.levels import judge_level
from storyladder.errors import Conflict, InputError, StoryInvalid, StoryladderError
from storyladder.formats import markdown
from storyladder.model import LEVELS, SECTIONS, Story
from storyladder.store.recovery import saving
from storyladder.store.repository import Repository
from storyladder.web import coach_pool
from storyladder.web.deps import page, repo
from storyladder.web.security import check_csrf
from storyladder.web.story_form import from_form, to_form

router = APIRouter(dependencies=[Depends(check_csrf)])
Repo = Annotated[Repository, Depends(repo)]

PROMPTS = {
    "situation": "When and where; how you felt at the time; what was at stake.",
    "task": "What was yours to do; why it mattered, and to whom.",
    "action": "What you did, told with 'I'; what you considered and rejected, and why.",
    "result": "What happened; what it cost, and whom; what you did not expect.",
    "learning": "What changed in how you think or decide; what you do differently now.",
}


def _editor(
    request: Request,
    story: Story | None,
    form: dict,
    revision: int | None,
    problems: list[str] | None = None,
    status: int = 200,
) -> object:
    tax = taxonomy.load()
    ready = story_readiness(request.app.state.repo, story) if story else None
    return page(
        request,
        "story_edit.html",
        status=status,
        story=story,
        form=form,
        revision=revision,
        problems=problems or [],
        tax=tax,
        sections=SECTIONS,
        levels=tax.levels,
        prompts=PROMPTS,
        ready=ready,
        judgments={j.level: j for j in ready.judgments} if ready else {},
        level_ids=LEVELS,
    )


@router.get("/stories/new")
def new_story(request: Request) -> object:
    return _editor(request, None, to_form(None), None)


@router.post("/stories")
async def create_story(request: Request, store: Repo) -> object:
    form = await request.form()
    try:
        story = from_form(form, None)
        with saving(request.app.state.home, markdown.dump(story)):
            record = store.add(story)
    except StoryladderError as err:  # the typed text comes back in the form, never lost
        problems = [str(p) for p in getattr(err, "problems", [])] or [str(err)]
        return _editor(request, None, _echo(form), None, problems, status=400)
    return RedirectResponse(f"/stories/{record.story.id}?saved=1", status_code=303)


@router.get("/stories/{story_id}")
def edit_story(request: Request, story_id: str, store: Repo) -> object:
    record = store.get(story_id)
    return _editor(request, record.story, to_form(record.story), record.revision)


@router.post("/stories/{story_id}")
async def save_story(request: Request, story_id: str, store: Repo) -> object:
    form = await request.form()
    record = store.get(story_id)
    given = str(form.get("base_revision") or "")
    if not given.isdigit():  # without it a stale page would overwrite the newest revision
        problem = (
            "this form did not say which revision it edits (base_revision); "
            "nothing was saved, your text is below"
        )
        return _editor(request, record.story, _echo(form), record.revision, [problem], status=400)
    base = int(given)
    try:
        story = from_form(form, record.story)
        with saving(request.app.state.home, markdown.dump(story)):
            store.save(story, base_revision=base)
    except (StoryInvalid, InputError) as err:
        problems = [str(p) for p in getattr(err, "problems", [])] or [str(err)]
        return _editor(request, record.story, _echo(form), base, problems, status=400)
    except Conflict as conflict:
        return page(
            request,
            "conflict.html",
            status=409,
            conflict=conflict,
            diff=_diff(conflict.theirs, conflict.yours),
            mine=markdown.dump(conflict.yours),
            form=_echo(form),
            story_id=story_id,
        )
    return RedirectResponse(f"/stories/{story_id}?saved=1", status_code=303)


@router.post("/stories/{story_id}/keep-mine")
async def keep_mine(story_id: str, store: Repo, text: Annotated[str, Form()]) -> object:
    """After a conflict: save my version on top of the newest one (theirs stays in history)."""
    story = markdown.parse(text, "your version")
    current = store.get(story_id)
    if story.id != story_id:
        raise InputError("the id in your version does not match this story")
    store.save(story, base_revision=current.revision)
    return RedirectResponse(f"/stories/{story_id}?saved=1", status_code=303)


@router.get("/stories/{story_id}/history")
def history(request: Request, story_id: str, store: Repo, rev: int | None = None) -> object:
    revisions = store.history(story_id)
    current = store.get(story_id, include_deleted=True)
    diff = None
    if rev is not None:
        diff = _diff(store.revision(story_id, rev), current.story)
    return page(
        request,
        "history.html",
        story=current.story,
        revisions=revisions,
        rev=rev,
        diff=diff,
        deleted=current.deleted,
    )


@router.post("/stories/{story_id}/restore")
def restore(story_id: str, store: Repo, revision: Annotated[int, Form()]) -> object:
    store.restore(story_id, revision)
    return RedirectResponse(f"/stories/{story_id}?saved=1", status_code=303)


@router.post("/stories/{story_id}/remove")
def remove(story_id: str, store: Repo) -> object:
    store.remove(story_id)
    return RedirectResponse(f"/stories/{story_id}/history", status_code=303)


@router.post("/critique")
async def live_critique(request: Request) -> object:
    """The critique panel beside the editor (an htmx fragment)."""
    return page(request, "critique_panel.html", **await critique_panel(await request.form()))


async def critique_panel(form: Any) -> dict[str, Any]:
    """What critique_panel.html shows for the STAR-L sections of a form (also used by the
    multi-user server's editor)."""
    text = "\n\n".join(str(form.get(s) or "").strip() for s in SECTIONS if form.get(s))
    company = str(form.get("critique_company") or "generic")
    if not text.strip():
        return {"result": None, "marked": []}
    question = str(form.get("critique_question") or "") or None
    result = await coach_pool.run(critique, text, question=question, company=company)
    unwritten = [name for name in SECTIONS if not str(form.get(name) or "").strip()]
    # a section not written yet is said so, not flagged with sentences from the others
    waiting = {f for f, section in WRITTEN_IN.items() if section in unwritten}
    flags = [f for f in result.flags if f.id not in waiting]
    absent = {f.id for f in taxonomy.load().flags if f.absence}
    return {
        "result": result,
        "flags": flags,
        "absent": absent,
        "unwritten": unwritten,
        "marked": _marks(result, absent),
    }


WRITTEN_IN = {"no_result": "result", "no_learning": "learning"}  # flag -> the section it wants


@router.post("/ladder/{level}")
async def judge_ladder_answer(request: Request, level: str) -> object:
    """One ladder answer judged at its level, on the story told above it (an htmx fragment)."""
    if level not in LEVELS:
        raise InputError(f"unknown ladder level '{level}'; allowed: {', '.join(LEVELS)}")
    form = await request.form()
    answer = str(form.get(f"ladder_{level}") or "")
    if not answer.strip():
        return page(request, "level_panel.html", judged=None)
    told = "\n\n".join(str(form.get(k) or "") for k in ("title", *SECTIONS) if form.get(k))
    judged = await coach_pool.run(judge_level, answer, level, story=told or None)
    return page(request, "level_panel.html", judged=judged)


def _marks(result: object, absent: set[str]) -> list[tuple[str, str | None]]:
    """The answer as (text, flag id or None) pieces, so evidence can be highlighted safely.
    A flag about something missing (`absent`) has no words of its own to mark."""
    from storyladder.model import Critique

    assert isinstance(result, Critique)
    spans = sorted(
        {
            (e.start, e.end, f.id)
            for f in result.flags
            if f.id not in absent
            for e in f.evidence
            if e.end - e.start < len(result.answer)
        }
    )
    pieces: list[tuple[str, str | None]] = []
    pos = 0
    for start, end, flag_id in spans:
        if start < pos:
            continue
        pieces.append((result.answer[pos:start], None))
        pieces.append((result.answer[start:end], flag_id))
        pos = end
    pieces.append((result.answer[pos:], None))
    return pieces


def _diff(old: Story, new: Story) -> list[tuple[str, str]]:
    """(kind, line) of a unified diff between two versions, kind in add/del/same/hunk."""
    lines = difflib.unified_diff(
        markdown.dump(old).splitlines(),
        markdown.dump(new).splitlines(),
        "before",
        "after",
        lineterm="",
        n=2,
    )
    out = []
    for line in list(lines)[2:]:
        kind = {"+": "add", "-": "del", "@": "hunk"}.get(line[:1], "same")
        out.append((kind, line))
    return out


def _echo(form: object) -> dict:
    """What the user typed, to show again after a refused save (nothing they wrote is lost)."""
    get = form.get  # type: ignore[attr-defined]
    getlist = form.getlist  # type: ignore[attr-defined]
    out = {
        k: get(k) or ""
        for k in ("title", "id", "when", "self_part", "people", "metrics", "emotions", *SECTIONS)
    }
    out |= {f"ladder_{lv}": get(f"ladder_{lv}") or "" for lv in LEVELS}
    out |= {k: getlist(k) for k in ("categories", "families", "competencies")}
    return out
