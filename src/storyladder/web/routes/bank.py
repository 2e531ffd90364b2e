"""The dashboard, and the bank in and out of the browser (Markdown files, a zip)."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Request, UploadFile
from fastapi.responses import Response

from storyladder import taxonomy
from storyladder.coach.bank import check
from storyladder.errors import ImportInvalid, InputError, Problem
from storyladder.formats import bank as bank_files
from storyladder.formats import markdown
from storyladder.store.repository import Repository
from storyladder.web.deps import page, repo
from storyladder.web.security import check_csrf

router = APIRouter(dependencies=[Depends(check_csrf)])
Repo = Annotated[Repository, Depends(repo)]


@router.get("/")
def dashboard(request: Request, store: Repo, company: str = "generic") -> object:
    tax = taxonomy.load()
    if company not in tax.company_ids:
        raise InputError(f"unknown company '{company}'; allowed: {', '.join(tax.company_ids)}")
    report = check(
        [r.story for r in store.list()],
        company=company,
        history=store.past_revisions(),
        memo=request.app.state.bank_memo,
    )
    return page(
        request, "dashboard.html", report=report, tax=tax, company=company, companies=tax.companies
    )


@router.get("/bank/export.zip")
def export_zip(store: Repo) -> Response:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for record in store.list():
            archive.writestr(f"stories/{record.story.id}.md", markdown.dump(record.story))
    return Response(
        buffer.getvalue(),
        media_type="application/zip",
        headers={"content-disposition": 'attachment; filename="storyladder-bank.zip"'},
    )


@router.get("/stories/{story_id}.md")
def export_one(story_id: str, store: Repo) -> Response:
    story = store.get(story_id).story
    return Response(
        markdown.dump(story),
        media_type="text/markdown; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{story.id}.md"'},
    )


@router.post("/bank/import")
async def import_files(
    request: Request, store: Repo, files: Annotated[list[UploadFile], File()]
) -> object:
    """Story files or a zip of them; every file is checked first and nothing is written
    unless all of them are good."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        problems: list[Problem] = []
        for upload in files:
            raw = await upload.read()
            name = Path(upload.filename or "upload.md").name
            if name.lower().endswith(".zip"):
                problems += _unzip(raw, name, folder)
            elif name.lower().endswith(".md"):
                (folder / name).write_bytes(raw)
            else:
                problems.append(Problem("", "expected .md story files or a .zip of them", name))
        if problems:
            raise ImportInvalid(problems)
        stories = bank_files.read(folder)
    report = store.import_stories(stories)
    return page(request, "imported.html", report=report, count=len(stories))


def _unzip(raw: bytes, name: str, folder: Path) -> list[Problem]:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            for info in archive.infolist():
                if info.is_dir() or not info.filename.lower().endswith(".md"):
                    continue
                target = folder / Path(info.filename).name  # no paths from the archive
                target.write_bytes(archive.read(info)[: bank_files.MAX_FILE_BYTES + 1])
    except zipfile.BadZipFile:
        return [Problem("", "not a readable zip file", name)]
    return []
