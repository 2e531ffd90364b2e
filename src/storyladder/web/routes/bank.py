"""The dashboard, and the bank in and out of the browser (Markdown files, a zip)."""

from __future__ import annotations

import io
import tempfile
import zipfile
import zlib
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from storyladder import taxonomy
from storyladder.coach.bank import check_stored
from storyladder.errors import ImportInvalid, InputError, Problem
from storyladder.formats import bank as bank_files
from storyladder.formats import markdown
from storyladder.plan.choices import choose_company, chosen_company
from storyladder.store.repository import Repository
from storyladder.web.deps import page, privacy, repo
from storyladder.web.security import check_csrf

router = APIRouter(dependencies=[Depends(check_csrf)])
Repo = Annotated[Repository, Depends(repo)]


@router.get("/")
def dashboard(request: Request, store: Repo, company: str | None = None) -> object:
    tax = taxonomy.load()
    if company is None:
        company = chosen_company(store)
    elif company not in tax.company_ids:
        raise InputError(f"unknown company '{company}'; allowed: {', '.join(tax.company_ids)}")
    else:
        choose_company(store, company)  # the next visit, and every other picker, start here
    # The page only changes with the bank and the settings: kept per worker, checked
    # against the database on every visit, so any worker's save shows on every worker.
    said = privacy(request)
    key = (company, store.stamp(), repr(said))  # the model may come from the environment
    kept = request.app.state.dashboards.get(key)
    if kept is not None:
        return HTMLResponse(kept)
    report = check_stored(store, company=company)
    rendered = page(
        request,
        "dashboard.html",
        report=report,
        tax=tax,
        company=company,
        companies=tax.companies,
        privacy=said,
    )
    dashboards = request.app.state.dashboards
    if len(dashboards) >= DASHBOARDS_KEPT:
        dashboards.pop(next(iter(dashboards)))
    dashboards[key] = bytes(rendered.body)
    return rendered


DASHBOARDS_KEPT = 16  # rendered dashboards a worker keeps (one per company and bank state)


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
            name = _upload_name(upload.filename)
            if name is None:
                problems.append(
                    Problem("", "a file name must be printable, under 200 bytes", "upload")
                )
            elif name.lower().endswith(".zip"):
                problems += _unzip(raw, name, folder)
            elif name.lower().endswith(".md"):
                _keep(folder, name, raw)
            else:
                problems.append(Problem("", "expected .md story files or a .zip of them", name))
        if problems:
            raise ImportInvalid(problems)
        try:
            stories = bank_files.read(folder)
        except ImportInvalid as err:  # name the user's files, not the server's temporary folder
            raise ImportInvalid([_as_uploaded(p, folder) for p in err.problems]) from None
    report = store.import_stories(stories)
    return page(request, "imported.html", report=report, count=len(stories))


def _as_uploaded(problem: Problem, folder: Path) -> Problem:
    if not problem.file:
        return problem
    try:
        name = Path(problem.file).relative_to(folder).as_posix()
    except ValueError:
        name = Path(problem.file).name
    return Problem(problem.where, problem.message, name or "the upload", problem.line)


MAX_MEMBERS = 2_000  # story files in one zip
MAX_UNZIPPED = 50_000_000  # bytes of all members together, read in pieces, never at once
_CHUNK = 64 * 1024


def _upload_name(filename: str | None) -> str | None:
    """The last part of a name as sent, or None for one no file system would take."""
    name = Path((filename or "upload.md").replace("\\", "/")).name
    if not name or len(name.encode("utf-8")) > 200 or any(ord(c) < 32 for c in name):
        return None
    return name


def _keep(folder: Path, name: str, data: bytes) -> None:
    """Write a story file under a name not yet taken: two files called story.md in two
    folders of a zip, or two uploads of that name, are two stories, never one dropped."""
    stem, suffix = Path(name).stem, Path(name).suffix
    target, n = folder / name, 1
    while target.exists():
        n += 1
        target = folder / f"{stem}-{n}{suffix}"
    target.write_bytes(data)


def _unzip(raw: bytes, name: str, folder: Path) -> list[Problem]:
    """The zip's .md members, each read in pieces and cut off past the size a story file
    may have; the whole archive may not unpack to more than MAX_UNZIPPED bytes."""
    total = 0
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = [i for i in archive.infolist() if not i.is_dir()]
            stories = [i for i in members if i.filename.lower().endswith(".md")]
            if len(stories) > MAX_MEMBERS:
                return [Problem("", f"more than {MAX_MEMBERS:,} story files in one zip", name)]
            for info in stories:
                member = _upload_name(info.filename)
                if member is None:
                    return [Problem("", "a member's name is not a usable file name", name)]
                data = bytearray()
                with archive.open(info) as handle:
                    while len(data) <= bank_files.MAX_FILE_BYTES:
                        chunk = handle.read(_CHUNK)
                        if not chunk:
                            break
                        data += chunk
                total += len(data)
                if total > MAX_UNZIPPED:
                    return [Problem("", f"unpacks to more than {MAX_UNZIPPED:,} bytes", name)]
                _keep(folder, member, bytes(data[: bank_files.MAX_FILE_BYTES + 1]))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error) as err:
        return [Problem("", f"not a readable zip file ({err})", name)]
    except RuntimeError:  # an encrypted member
        return [
            Problem(
                "", "an encrypted zip cannot be imported; zip the files without a password", name
            )
        ]
    except NotImplementedError as err:  # a compression method the zip module does not know
        return [Problem("", f"a compression method this app cannot read ({err})", name)]
    return []
