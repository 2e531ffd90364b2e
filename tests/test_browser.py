"""End to end in a real headless Chromium (Debian's chromium package) against the app on
127.0.0.1: write a story and see the critique, climb a ladder, run a short mock, export and
re-import, and the conflict view. Screenshots land in docs/screenshots/."""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyladder.formats import bank as bank_files
from storyladder.store.database import open_repository
from storyladder.web.app import create_app, hosts_for

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
SAMPLE = Path(__file__).parent.parent / "src" / "storyladder" / "content" / "sample_bank"
SHOTS = Path(__file__).parent.parent / "docs" / "screenshots"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    home = tmp_path_factory.mktemp("web")
    url = f"sqlite:///{home / 'bank.db'}"
    open_repository(url).import_stories(bank_files.read(SAMPLE))
    port = _free_port()
    app = create_app(home, url, hosts_for("127.0.0.1", port))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("STORYLADDER_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing but browser tests are required")
        pytest.skip(f"{CHROMIUM} not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)  # type: ignore[attr-defined]
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert errors == [], errors  # no script errors, no Content-Security-Policy violations


def test_write_a_story_and_see_the_critique(server: str, page: object) -> None:
    pg = page
    pg.goto(f"{server}/stories/new")  # type: ignore[attr-defined]
    pg.fill("#title", "The pager storm")  # type: ignore[attr-defined]
    pg.fill("#situation", "In 2022 we had some issues with alerts.")  # type: ignore[attr-defined]
    pg.fill("#action", "We worked hard as a team and we fixed the alerts. The team was great.")  # type: ignore[attr-defined]
    pg.locator("#critique .flags").wait_for(timeout=10_000)  # type: ignore[attr-defined]
    assert "we_not_i" in pg.inner_text("#critique")  # type: ignore[attr-defined]
    assert pg.locator("#critique mark").count() > 0  # type: ignore[attr-defined]
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / "editor.png"), full_page=False)  # type: ignore[attr-defined]
    pg.fill("#critique_question", "Tell me about a time you failed.")  # type: ignore[attr-defined]
    pg.select_option("#critique_company", "amazon")  # type: ignore[attr-defined]
    pg.click("button.primary")  # type: ignore[attr-defined]
    pg.wait_for_url(re.compile(r"/stories/the-pager-storm\?saved=1"))  # type: ignore[attr-defined]
    assert "Saved as revision 1" in pg.inner_text("main")  # type: ignore[attr-defined]
    pg.click("button.primary")  # type: ignore[attr-defined]  # saved again: still as chosen
    pg.wait_for_url(re.compile(r"/stories/the-pager-storm\?saved=1"))  # type: ignore[attr-defined]
    assert pg.input_value("#critique_question") == "Tell me about a time you failed."  # type: ignore[attr-defined]
    assert pg.input_value("#critique_company") == "amazon"  # type: ignore[attr-defined]


def test_climb_a_ladder(server: str, page: object) -> None:
    pg = page
    pg.goto(f"{server}/practice")  # type: ignore[attr-defined]
    pg.select_option("#mode", "ladder")  # type: ignore[attr-defined]
    pg.select_option("#story_id", "rolled-back-tracking-migration")  # type: ignore[attr-defined]
    pg.click("form.start button.primary")  # type: ignore[attr-defined]
    pg.wait_for_url(re.compile(r"/practice/[0-9a-f]{12}"))  # type: ignore[attr-defined]
    pg.fill(
        "#answer",
        "In 2020 I cut tracking events over to a new pipeline without the shadow run Tomasz wanted, and 41,000 customers got duplicate texts.",
    )  # type: ignore[attr-defined]
    pg.click("button[value=answer]")  # type: ignore[attr-defined]
    pg.locator(".turn.interviewer").nth(1).wait_for()  # type: ignore[attr-defined]
    second = pg.locator(".turn.interviewer").nth(1).inner_text()  # type: ignore[attr-defined]
    assert "Tomasz" in second or "41,000" in second or "You said" in second
    pg.screenshot(path=str(SHOTS / "practice.png"))  # type: ignore[attr-defined]


def test_a_short_mock_ends_with_a_scorecard(server: str, page: object) -> None:
    pg = page
    pg.goto(f"{server}/practice")  # type: ignore[attr-defined]
    pg.select_option("#mode", "mock")  # type: ignore[attr-defined]
    pg.select_option("#company", "google")  # type: ignore[attr-defined]
    pg.fill("#minutes", "10")  # type: ignore[attr-defined]
    pg.click("form.start button.primary")  # type: ignore[attr-defined]
    pg.wait_for_url(re.compile(r"/practice/[0-9a-f]{12}"))  # type: ignore[attr-defined]
    for _ in range(12):
        if pg.locator(".scorecard").count():  # type: ignore[attr-defined]
            break
        pg.fill(
            "#answer",
            "Last year I led a migration with Ana for six weeks; I chose the slower rollout because the risk was high, and it cost us two weeks. Now I always run a shadow test.",
        )  # type: ignore[attr-defined]
        pg.click("button[value=answer]")  # type: ignore[attr-defined]
        pg.wait_for_load_state()  # type: ignore[attr-defined]
    assert "Practise next" in pg.inner_text(".scorecard")  # type: ignore[attr-defined]


def test_export_and_reimport(server: str, page: object, tmp_path: Path) -> None:
    pg = page
    pg.goto(f"{server}/")  # type: ignore[attr-defined]
    pg.screenshot(path=str(SHOTS / "dashboard.png"))  # type: ignore[attr-defined]
    with pg.expect_download() as info:  # type: ignore[attr-defined]
        pg.click("a[href='/bank/export.zip']")  # type: ignore[attr-defined]
    target = tmp_path / "bank.zip"
    info.value.save_as(str(target))
    pg.set_input_files("#files", str(target))  # type: ignore[attr-defined]
    pg.click("form[action='/bank/import'] button")  # type: ignore[attr-defined]
    assert re.search(r"Imported 1\d stories", pg.inner_text("main"))  # type: ignore[attr-defined]


def test_a_stale_second_tab_gets_the_conflict_view(server: str, browser: object) -> None:
    context = browser.new_context()  # type: ignore[attr-defined]
    first, second = context.new_page(), context.new_page()
    for pg in (first, second):
        pg.goto(f"{server}/stories/mentoring-farah")
    first.fill("#result", "Edited in the first tab.")
    first.click("button.primary")
    first.wait_for_url(re.compile(r"saved=1"))
    second.fill("#result", "Edited in the second tab.")
    second.click("button.primary")
    text = second.inner_text("main")
    assert "changed since you opened it" in text
    assert "Edited in the first tab." in text and "Edited in the second tab." in text
    second.click("text=Save my version as the newest revision")
    second.wait_for_url(re.compile(r"saved=1"))
    assert "Edited in the second tab." in second.input_value("#result")
    context.close()


def test_two_tabs_on_one_practice_session_the_second_answer_stays_in_the_box(
    server: str, browser: object
) -> None:
    context = browser.new_context()  # type: ignore[attr-defined]
    first, second = context.new_page(), context.new_page()
    first.goto(f"{server}/practice")
    first.select_option("#mode", "ladder")
    first.select_option("#story_id", "rolled-back-tracking-migration")
    first.click("form.start button.primary")
    first.wait_for_url(re.compile(r"/practice/[0-9a-f]{12}"))
    second.goto(first.url)
    first.fill("#answer", "Answered in the first tab: I cut the pipeline over myself.")
    first.click("button[value=answer]")
    first.locator(".turn.candidate").first.wait_for()
    typed = "Answered in the second tab: I skipped the shadow run Tomasz wanted."
    second.fill("#answer", typed)
    second.click("button[value=answer]")
    second.locator("#moved-on").wait_for()
    assert "moved on in another tab" in second.inner_text("#moved-on")
    assert second.input_value("#answer") == typed
    assert "Answered in the first tab" in second.inner_text(".turns")  # the session as it is
    second.click("button[value=answer]")  # sent again: it answers the question now asked
    second.wait_for_url(re.compile(r"#latest$"))
    said = second.locator(".turn.candidate").all_inner_texts()
    assert len(said) == 2 and "first tab" in said[0] and "second tab" in said[1]
    context.close()


def test_story_cards_print_one_story_per_page(browser: object, tmp_path: Path) -> None:
    from storyladder.formats.cards import write_cards

    stories = bank_files.read(SAMPLE)
    written = write_cards(stories, tmp_path)
    page = browser.new_page(viewport={"width": 820, "height": 1160})  # type: ignore[attr-defined]
    page.goto(written[0].as_uri())
    assert page.locator("section.card").count() == len(stories)
    page.emulate_media(media="print")
    page.screenshot(path=str(SHOTS / "cards.png"))
    pdf = tmp_path / "cards.pdf"
    assert pdf in written and pdf.read_bytes().startswith(b"%PDF")
    pages = re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes())
    assert len(pages) == len(stories)  # one printed page per story
    page.close()


PHONE = {"width": 390, "height": 844}


def test_every_page_fits_a_phone(server: str, browser: object) -> None:
    context = browser.new_context(viewport=PHONE)  # type: ignore[attr-defined]
    pg = context.new_page()
    pages = ["/", "/stories/new", "/stories/mentoring-farah", "/stories/mentoring-farah/history"]
    pages += ["/practice", "/plan", "/progress", "/quiz", "/debrief"]
    wide = {}
    for path in pages:
        pg.goto(f"{server}{path}")
        overflow = pg.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            wide[path] = overflow
    assert wide == {}  # no page scrolls sideways at 390 px
    pg.goto(f"{server}/")
    nav = pg.locator("nav[aria-label=Main] a")
    for i in range(nav.count()):
        box = nav.nth(i).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    context.close()


def test_on_a_phone_the_critique_is_on_screen_while_writing(server: str, browser: object) -> None:
    context = browser.new_context(viewport=PHONE)  # type: ignore[attr-defined]
    pg = context.new_page()
    pg.goto(f"{server}/stories/mentoring-farah")
    pg.locator("#critique .flags, #critique .scores").first.wait_for(timeout=10_000)
    pg.locator("#action").scroll_into_view_if_needed()
    pg.focus("#action")
    shown = pg.evaluate(
        """() => { const s = document.querySelector('#critique .scores');
        const r = s.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + 5, r.top + r.height / 2);
        return hit !== null && s.contains(hit); }"""
    )
    assert shown, "the critique's scores are not on screen while the story is written"
    context.close()


def test_speak_an_answer_see_the_transcript_correct_it_and_send_it(
    server: str, browser: object, tmp_path: Path
) -> None:
    from storyladder.speech import transcribe as speech
    from tests.test_voice import SCRIPTS, spoken

    if not (speech.available() and shutil.which("espeak-ng") and shutil.which("sox")):
        if os.environ.get("STORYLADDER_REQUIRE_VOICE"):
            pytest.fail("the voice extra, espeak-ng and sox are required")
        pytest.skip("no voice extra or no espeak-ng")
    microphone = spoken(SCRIPTS[0], tmp_path, "mic")
    fake = [
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-audio-capture={microphone}",
    ]
    # a second browser from the same Playwright, its microphone fed from the spoken script
    b = browser.browser_type.launch(executable_path=CHROMIUM, args=ARGS + fake)  # type: ignore[attr-defined]
    try:
        pg = b.new_page()
        pg.goto(f"{server}/practice")
        pg.select_option("#mode", "ladder")
        pg.select_option("#story_id", "rolled-back-tracking-migration")
        pg.click("form.start button.primary")
        pg.wait_for_url(re.compile(r"/practice/[0-9a-f]{12}"))
        pg.click("#record")
        pg.wait_for_timeout(5000)  # speak for five seconds
        pg.click("#record")
        heard = ""
        for _ in range(240):  # transcribed offline: a few seconds (the page's CSP forbids eval)
            heard = pg.input_value("#answer")
            if "march" in heard.lower():
                break
            pg.wait_for_timeout(250)
        assert "march" in heard.lower(), pg.inner_text("#record-status")
        pg.fill("#answer", heard + " I led it with Tomasz.")  # the candidate corrects it
        pg.click("button[value=answer]")
        pg.locator(".turn.candidate").first.wait_for()
        sent = pg.locator(".turn.candidate").first.inner_text()
        assert "Tomasz" in sent and "March" in sent  # what was approved is what was judged
    finally:
        b.close()
