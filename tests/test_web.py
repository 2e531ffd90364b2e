"""The web app in process: pages, saves, conflicts, import/export, and its safety rules."""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

SAMPLE = Path(__file__).parent.parent / "src" / "storyladder" / "content" / "sample_bank"
BASE = "http://127.0.0.1:8765"


def token(client: TestClient) -> str:
    page = client.get("/").text
    found = re.search(r'name="csrf-token" content="([^"]+)"', page)
    assert found
    return found.group(1)


def test_every_page_renders_and_has_no_inline_script(client: TestClient) -> None:
    for path in (
        "/",
        "/?company=amazon",
        "/stories/new",
        "/stories/mentoring-farah",
        "/stories/mentoring-farah/history?rev=1",
        "/practice",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "content-security-policy" in response.headers
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", response.text), path
        assert " style=" not in response.text, path


def test_the_dashboard_shows_readiness_coverage_patterns_and_next_steps(client: TestClient) -> None:
    page = client.get("/?company=anthropic").text
    assert "11 stories" in page and "Readiness" in page and "Coverage" in page
    assert "How I saved Black Friday" in page and ">hero<" in page
    assert "What to do next" in page


def test_a_post_without_the_token_is_refused(client: TestClient) -> None:
    response = client.post("/stories", data={"title": "Cross-site"})
    assert response.status_code == 403 and "security token" in response.text
    response = client.post("/stories", data={"title": "x", "csrf_token": "forged"})
    assert response.status_code == 403
    assert client.get("/stories/cross-site").status_code == 404


def test_a_foreign_host_header_is_refused(client: TestClient) -> None:
    response = client.get("/", headers={"host": "attacker.example:8765"})
    assert response.status_code == 400 and "answers only to" in response.text


def test_user_text_is_escaped(client: TestClient) -> None:
    evil = "<script>alert('x')</script>"
    response = client.post(
        "/stories",
        data={"title": f"Evil {evil}", "action": evil, "csrf_token": token(client)},
        follow_redirects=True,
    )
    assert response.status_code == 200
    assert evil not in response.text
    assert "&lt;script&gt;alert(" in response.text
    assert evil not in client.get("/").text


def test_an_oversized_request_gets_a_clear_message(client: TestClient) -> None:
    response = client.post(
        "/stories",
        content=b"x" * 26_000_000,
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 413 and "limited to" in response.text


def test_save_keeps_revisions_and_a_stale_save_shows_the_conflict(client: TestClient) -> None:
    t = token(client)
    page = client.get("/stories/mentoring-farah").text
    base = re.search(r'name="base_revision" value="(\d+)"', page).group(1)  # type: ignore[union-attr]
    form = {
        "title": "Mentoring Farah",
        "action": "First tab's action.",
        "base_revision": base,
        "csrf_token": t,
    }
    assert client.post("/stories/mentoring-farah", data=form).status_code == 303
    stale = {**form, "action": "Second tab's action."}
    response = client.post("/stories/mentoring-farah", data=stale)
    assert response.status_code == 409
    assert "changed since you opened it" in response.text
    assert (
        "First tab&#39;s action." in response.text and "Second tab&#39;s action." in response.text
    )
    history = client.get("/stories/mentoring-farah/history").text
    assert history.count("<tr>") >= 3


def test_an_invalid_save_keeps_what_was_typed(client: TestClient) -> None:
    response = client.post(
        "/stories", data={"title": "", "action": "My precious words.", "csrf_token": token(client)}
    )
    assert response.status_code == 400
    assert "needs a title" in response.text and "My precious words." in response.text


def test_live_critique_fragment(client: TestClient) -> None:
    response = client.post(
        "/critique",
        data={
            "situation": "We had some issues.",
            "action": "We worked hard as a team and we fixed it.",
            "critique_company": "anthropic",
        },
        headers={"x-csrf-token": token(client)},
    )
    assert response.status_code == 200
    assert "we_not_i" in response.text and "<mark" in response.text


def test_a_ladder_answer_is_judged_at_its_level_on_the_story_told(client: TestClient) -> None:
    story = {
        "title": "The billing cutover",
        "situation": "In 2023 I moved billing for 30 carriers to a new ledger.",
        "x-csrf-token": token(client),
    }
    met = client.post(
        "/ladder/tradeoff",
        data={**story, "ladder_tradeoff": "Ana covered my on-call for a month. The client left."},
        headers={"x-csrf-token": token(client)},
    )
    assert met.status_code == 200 and "meets" in met.text and "covered my" in met.text
    unmet = client.post(
        "/ladder/tradeoff",
        data={**story, "ladder_tradeoff": "There was no real downside, it all worked out."},
        headers={"x-csrf-token": token(client)},
    )
    assert "does not yet meet" in unmet.text and "What did that choice cost" in unmet.text
    bad = client.post("/ladder/sideways", data=story, headers={"x-csrf-token": token(client)})
    assert bad.status_code == 400 and "unknown ladder level" in bad.text


def test_the_editor_shows_each_ladder_level_judged(client: TestClient) -> None:
    page = client.get("/stories/marisol-rounding-leak").text
    assert page.count("level-verdict") == 6 and "meets the worldview level" in page


def test_export_zip_and_import_it_back(client: TestClient) -> None:
    archive = client.get("/bank/export.zip").content
    names = zipfile.ZipFile(io.BytesIO(archive)).namelist()
    assert len(names) == 11
    response = client.post(
        "/bank/import",
        data={"csrf_token": token(client)},
        files=[("files", ("bank.zip", archive, "application/zip"))],
    )
    assert response.status_code == 200 and "11 unchanged" in response.text


def test_a_bad_import_writes_nothing(client: TestClient) -> None:
    files = [
        ("files", ("good.md", b"---\ntitle: Fine\n---\n", "text/markdown")),
        ("files", ("bad.md", b"---\ntitle: x\ncategories: [nope]\n---\n", "text/markdown")),
    ]
    response = client.post("/bank/import", data={"csrf_token": token(client)}, files=files)
    assert response.status_code == 400 and "unknown id &#39;nope&#39;" in response.text
    assert "bad.md" in response.text  # the user's file, never the server's temporary folder
    assert "/tmp" not in response.text and tempfile.gettempdir() not in response.text
    assert client.get("/stories/fine").status_code == 404


def test_practice_in_the_browser_uses_the_engine(client: TestClient) -> None:
    t = token(client)
    response = client.post(
        "/practice",
        data={
            "mode": "ladder",
            "story_id": "mentoring-farah",
            "company": "anthropic",
            "csrf_token": t,
        },
    )
    assert response.status_code == 303
    url = response.headers["location"]
    first = client.get(url).text
    assert "Interviewer" in first
    client.post(
        f"{url}/answer",
        data={
            "text": "In 2021 I mentored Farah, a new engineer on my team.",
            "seconds": "42",
            "csrf_token": t,
        },
    )
    page = client.get(url).text
    assert "42s" in page and page.count('class="turn interviewer"') == 2
    client.post(f"{url}/answer", data={"action": "finish", "csrf_token": t})
    assert "Scorecard" in client.get(url).text


def test_recordings_are_kept_and_served(client: TestClient) -> None:
    t = token(client)
    url = client.post(
        "/practice", data={"mode": "ladder", "story_id": "mentoring-farah", "csrf_token": t}
    ).headers["location"]
    response = client.post(
        f"{url}/audio",
        headers={"x-csrf-token": t},
        files={"audio": ("answer.webm", b"RIFFfake", "audio/webm")},
    )
    assert response.status_code == 303
    page = client.get(url).text
    name = re.search(r'audio/(\d+\.webm)"', page).group(1)  # type: ignore[union-attr]
    assert client.get(f"{url}/audio/{name}").content == b"RIFFfake"
    assert client.get(f"{url}/audio/..%2F..%2Fbank.db").status_code == 404


def test_plan_progress_and_quiz_pages(client: TestClient) -> None:
    from datetime import date, timedelta

    t = token(client)
    assert "Interview date" in client.get("/plan").text
    soon = (date.today() + timedelta(days=9)).isoformat()
    assert (
        client.post(
            "/plan", data={"interview": soon, "company": "amazon", "csrf_token": t}
        ).status_code
        == 303
    )
    plan = client.get("/plan").text
    assert "9 days to the amazon interview" in plan and "Today" in plan
    assert (
        client.post("/plan", data={"interview": "2001-01-01", "csrf_token": t}).status_code == 400
    )
    progress = client.get("/progress").text
    assert "<svg" in progress and "Ladder readiness" in progress
    quiz = client.get("/quiz").text
    assert quiz.count('type="radio"') >= 60
    graded = client.post("/quiz", data={"csrf_token": t}).text
    assert "0 of" in graded and "Not quite" in graded


def test_the_editor_shows_the_phrase_bank(client: TestClient) -> None:
    assert "Phrases that help" in client.get("/stories/new").text


def test_the_header_says_where_stories_go(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "stay on this machine" in client.get("/").text
    monkeypatch.setenv("STORYLADDER_MODEL", "openai:gpt-x")
    monkeypatch.setenv("STORYLADDER_MODEL_URL", "https://api.example.com/v1")
    page = client.get("/").text
    assert "leave this machine" in page and "privacy remote" in page


def test_the_company_chosen_once_is_where_every_picker_starts(client: TestClient) -> None:
    selected = re.compile(r'<option value="amazon"\s+selected>')
    assert not selected.search(client.get("/").text)
    assert client.get("/?company=amazon").status_code == 200
    for url in ("/", "/practice", "/plan", "/stories/mentoring-farah"):
        assert selected.search(client.get(url).text), url  # remembered on the next visit
    assert client.get("/?company=nowhere").status_code == 400


def test_the_live_critique_says_what_is_not_written_yet(client: TestClient) -> None:
    form = {
        "csrf_token": token(client),
        "situation": "In March our clinic's booking system double-booked 40 patients a week.",
        "task": "My task was to fix the schedule before the audit in six weeks.",
        "action": "I rebuilt the slot rules with Dana from reception and tested them on old data.",
    }
    panel = client.post("/critique", data=form).text
    assert "Not written yet: Result, Learning" in panel
    assert "<b>no_result</b>" not in panel and "<b>no_learning</b>" not in panel
    assert "<b>scripted</b>" not in panel  # the Task box's own "My task was" is not a script
    for flag, quote in re.findall(r"<b>(\w+)</b>.*?<q>(.*?)</q>", panel, re.S):
        assert flag not in ("no_numbers", "no_cost", "no_credit", "no_alternatives"), quote


def test_todays_tasks_start_from_the_plan_page(client: TestClient) -> None:
    day = (date.today() + timedelta(days=4)).isoformat()
    saved = client.post("/plan", data={"csrf_token": token(client), "interview": day})
    assert saved.status_code == 303
    page = client.get("/plan").text
    forms = re.findall(
        r'<form method="post" action="/practice" class="start-task">(.*?)</form>', page, re.S
    )
    links = re.findall(r'<a class="button" href="(/stories/[^"]+)">', page)
    assert forms or links  # every kind of task today has its way in
    if forms:
        fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', forms[0]))
        started = client.post("/practice", data=fields)
        assert started.status_code == 303 and "/practice/" in started.headers["location"]


def test_the_coverage_map_numbers_its_columns_and_the_hero_tag_is_explained(
    client: TestClient,
) -> None:
    page = client.get("/").text
    assert 'class="rot"' not in page  # no rotated ids eating the map's height
    assert re.search(r'<th scope="col" class="num"><abbr title="[^"]+">1</abbr>', page)
    assert '<ol class="key">' in page and 'href="/stories/big-launch"' in page
    assert 'class="tag warn" title="saves the day alone' in page  # the tag says what it means
    assert "nobody else is right, credited or helpful in it" in page


def test_a_demo_practice_session_opens_in_the_browser(client: TestClient) -> None:
    from datetime import UTC, datetime

    from storyladder.formats import bank as bank_files
    from storyladder.interview.demo_history import demo_sessions

    stories = bank_files.read(SAMPLE)
    session = demo_sessions(stories, datetime.now(UTC))[0]
    client.app.state.repo.save_session(session.to_dict())  # type: ignore[attr-defined]
    page = client.get(f"/practice/{session.id}")
    assert page.status_code == 200 and "Interviewer" in page.text
    assert client.get("/practice/..%2F..%2Fetc").status_code == 404


def test_the_dashboard_is_rendered_again_only_when_the_bank_changed(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyladder.web.routes import bank as bank_routes

    checks: list[str] = []
    real = bank_routes.check_stored
    monkeypatch.setattr(
        bank_routes, "check_stored", lambda *a, **k: checks.append("x") or real(*a, **k)
    )
    first = client.get("/").text
    assert client.get("/").text == first and len(checks) == 1  # the same bank: kept
    repo = client.app.state.repo  # type: ignore[attr-defined]
    record = repo.get("big-launch")  # a save by any process (another worker, the CLI)...
    repo.save(record.story.evolve(title="Big launch, told again"), record.revision)
    again = client.get("/").text
    assert len(checks) == 2 and "Big launch, told again" in again  # ...shows on the next visit
