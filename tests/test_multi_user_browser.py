"""The multi-user server's pages end to end, in a real headless Chromium (Debian's
chromium package) against `serve --multi-user`'s app on a real PostgreSQL: a candidate
logs in, writes and shares a story; a coach selects words of it and comments; the
candidate sees the comment anchored to those words."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator

import pytest

from storyladder.store import accounts
from storyladder.store.database import make_engine
from storyladder.web.app import hosts_for
from storyladder.web.pages.app import create_multi_user_app
from tests.test_browser import PHONE, SHOTS, _free_port
from tests.test_browser import browser as browser  # the same Chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.postgres]
PASSWORD = "correct horse battery"
ACTION = (
    "I paused the rollout at 40% on a Friday evening, rolled back the two regions that "
    "had already moved, and wrote to the finance team before anyone asked."
)
EXPECTED = "Failed to load resource"  # the browser logs each 4xx answer, asked for here


@pytest.fixture
def server(multi_user_db: tuple[str, str]) -> Iterator[str]:
    import uvicorn

    owner_url, app_url = multi_user_db
    owner = make_engine(owner_url)
    for name, role in (("ada", "candidate"), ("cora", "coach")):
        accounts.add_user(owner, f"{name}@example.org", role, PASSWORD, "spring")
    owner.dispose()
    port = _free_port()
    app = create_multi_user_app(app_url, hosts_for("127.0.0.1", port))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=5)
    app.state.engine.dispose()


def _page(browser: object, **options: object) -> tuple[object, object, list[str]]:
    context = browser.new_context(**options)  # type: ignore[attr-defined]
    pg = context.new_page()
    errors: list[str] = []
    pg.on(
        "console",
        lambda m: (
            errors.append(m.text) if m.type == "error" and not m.text.startswith(EXPECTED) else None
        ),
    )
    pg.on("pageerror", lambda e: errors.append(str(e)))
    return context, pg, errors


def _log_in(pg: object, server: str, name: str, password: str = PASSWORD) -> None:
    pg.goto(f"{server}/")  # type: ignore[attr-defined]
    pg.wait_for_url(re.compile(r"/login"))  # type: ignore[attr-defined]
    pg.fill("#email", f"{name}@example.org")  # type: ignore[attr-defined]
    pg.fill("#password", password)  # type: ignore[attr-defined]
    pg.click("#login-form button[type=submit]")  # type: ignore[attr-defined]


def _write_and_share(pg: object, server: str, title: str) -> str:
    """Write a story on the new-story page, save it, share it; the story's URL, unqueried."""
    pg.goto(f"{server}/stories/new")  # type: ignore[attr-defined]
    pg.fill("#title", title)  # type: ignore[attr-defined]
    pg.fill("#action", ACTION)  # type: ignore[attr-defined]
    pg.click("#mu-story button[type=submit]")  # type: ignore[attr-defined]
    pg.wait_for_url(re.compile(r"saved="))  # type: ignore[attr-defined]
    pg.click("#share")  # type: ignore[attr-defined]
    pg.locator("#withdraw").wait_for()  # type: ignore[attr-defined]
    return str(pg.url).split("?")[0]  # type: ignore[attr-defined]


def _select(pg: object, field: str, words: str) -> None:
    """Select `words` in a field of the review page, as a mouse drag would."""
    pg.evaluate(  # type: ignore[attr-defined]
        """([field, words]) => {
            const el = document.querySelector(`.field-text[data-field="${field}"]`);
            const node = el.firstChild, at = node.textContent.indexOf(words);
            const range = document.createRange();
            range.setStart(node, at); range.setEnd(node, at + words.length);
            const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
            el.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
        }""",
        [field, words],
    )


def test_a_coach_comments_on_words_the_candidate_shared(server: str, browser: object) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    # the candidate: a wrong password is said plainly, then logs in and writes a story
    context, ada, errors = _page(browser, viewport={"width": 1280, "height": 900})
    _log_in(ada, server, "ada", "not my password")
    ada.locator("#login-error").wait_for()  # type: ignore[attr-defined]
    assert "Wrong email or password" in ada.inner_text("#login-error")  # type: ignore[attr-defined]
    ada.fill("#password", PASSWORD)  # type: ignore[attr-defined]
    ada.click("#login-form button[type=submit]")  # type: ignore[attr-defined]
    ada.wait_for_url(re.compile(r"/stories$"))  # type: ignore[attr-defined]
    ada.click("main a[href='/stories/new']")  # type: ignore[attr-defined]
    ada.fill("#title", "The rollout I paused")  # type: ignore[attr-defined]
    ada.fill("#situation", "We were moving billing to a new provider, region by region.")  # type: ignore[attr-defined]
    ada.fill("#action", ACTION)  # type: ignore[attr-defined]
    ada.locator("#critique .scores").wait_for(timeout=10_000)  # type: ignore[attr-defined]
    ada.click("#mu-story button[type=submit]")  # type: ignore[attr-defined]
    ada.wait_for_url(re.compile(r"/stories/the-rollout-i-paused\?saved="))  # type: ignore[attr-defined]
    assert "Saved as revision 1" in ada.inner_text("#save-status")  # type: ignore[attr-defined]
    sharing = ada.inner_text("#sharing")  # type: ignore[attr-defined]
    assert "private" in sharing and "cora@example.org" in sharing  # who would see it
    ada.click("#share")  # type: ignore[attr-defined]
    ada.locator("#withdraw").wait_for()  # type: ignore[attr-defined]
    assert "Your coaches can read revision 1" in ada.inner_text("#sharing")  # type: ignore[attr-defined]

    # the coach: sees it shared, selects words, comments on them
    coach_context, cora, coach_errors = _page(browser, viewport={"width": 1280, "height": 900})
    _log_in(cora, server, "cora")
    cora.wait_for_url(re.compile(r"/review$"))  # type: ignore[attr-defined]
    cora.click("text=The rollout I paused")  # type: ignore[attr-defined]
    cora.wait_for_url(re.compile(r"/review/\d+/the-rollout-i-paused"))  # type: ignore[attr-defined]
    assert ACTION in cora.inner_text("#review")  # type: ignore[attr-defined]
    _select(cora, "action", "wrote to the finance team")
    assert "wrote to the finance team" in cora.inner_text("#comment-quote")  # type: ignore[attr-defined]
    cora.fill("#comment-body", "What did you tell them, and why before they asked?")  # type: ignore[attr-defined]
    cora.click("#comment-send")  # type: ignore[attr-defined]
    cora.locator("#review mark").wait_for()  # type: ignore[attr-defined]
    assert cora.inner_text("#review mark") == "wrote to the finance team"  # type: ignore[attr-defined]
    cora.screenshot(path=str(SHOTS / "cohort-review.png"))  # type: ignore[attr-defined]

    # the candidate edits the story: the comment stays on the words of revision 1
    ada.reload()  # type: ignore[attr-defined]
    ada.fill("#action", "I paused the rollout and told finance.")  # type: ignore[attr-defined]
    ada.click("#mu-story button[type=submit]")  # type: ignore[attr-defined]
    ada.wait_for_url(re.compile(r"saved=2"))  # type: ignore[attr-defined]
    comment = ada.locator("#comments .comment").first  # type: ignore[attr-defined]
    assert comment.locator("mark").inner_text() == "wrote to the finance team"
    said = comment.inner_text()
    assert "on revision 1" in said and "What did you tell them" in said and "moved on" in said
    assert "cora@example.org" in said
    ada.screenshot(path=str(SHOTS / "cohort-story.png"), full_page=True)  # type: ignore[attr-defined]
    context.close()  # type: ignore[attr-defined]
    coach_context.close()  # type: ignore[attr-defined]
    assert errors == [] and coach_errors == []  # no script errors, no CSP violations


def test_a_refused_save_keeps_the_text(server: str, browser: object) -> None:
    context, first, _errors = _page(browser)
    _log_in(first, server, "ada")
    first.wait_for_url(re.compile(r"/stories$"))  # type: ignore[attr-defined]
    first.goto(f"{server}/stories/new")  # type: ignore[attr-defined]
    first.fill("#title", "Two tabs")  # type: ignore[attr-defined]
    first.fill("#action", "Written first.")  # type: ignore[attr-defined]
    first.click("#mu-story button[type=submit]")  # type: ignore[attr-defined]
    first.wait_for_url(re.compile(r"saved=1"))  # type: ignore[attr-defined]
    second = context.new_page()  # type: ignore[attr-defined]
    second.goto(first.url)  # type: ignore[attr-defined]
    first.fill("#action", "Saved in the first tab.")  # type: ignore[attr-defined]
    first.click("#mu-story button[type=submit]")  # type: ignore[attr-defined]
    first.wait_for_url(re.compile(r"saved=2"))  # type: ignore[attr-defined]
    second.fill("#action", "Typed in the stale second tab.")
    second.click("#mu-story button[type=submit]")
    second.locator("#save-status.error").wait_for()
    status = second.inner_text("#save-status")
    assert "Not saved" in status and "revision 2" in status and "still here" in status
    assert second.input_value("#action") == "Typed in the stale second tab."
    context.close()  # type: ignore[attr-defined]


def test_a_refused_practice_turn_keeps_the_answer_in_the_box(server: str, browser: object) -> None:
    context, first, errors = _page(browser)
    _log_in(first, server, "ada")
    first.wait_for_url(re.compile(r"/stories$"))  # type: ignore[attr-defined]
    session_id = first.evaluate(  # type: ignore[attr-defined]
        """async (action) => {
            const token = document.querySelector('meta[name="csrf-token"]').content;
            const headers = {"Content-Type": "application/json", "X-CSRF-Token": token};
            const post = (path, body) => fetch(path, {method: "POST", headers: headers,
                body: JSON.stringify(body)}).then((r) => r.json());
            const story = await post("/api/v1/stories", {title: "Two devices", action: action});
            return (await post("/api/v1/sessions", {mode: "ladder", story_id: story.id})).id;
        }""",
        ACTION,
    )
    first.goto(f"{server}/practice/{session_id}")  # type: ignore[attr-defined]
    second = context.new_page()  # type: ignore[attr-defined]
    second.goto(first.url)  # type: ignore[attr-defined]
    first.fill("#turn-text", "Sent from the first tab: " + ACTION)  # type: ignore[attr-defined]
    first.click("#turn-form button[value=answer]")  # type: ignore[attr-defined]
    first.locator(".turn.candidate").first.wait_for()  # type: ignore[attr-defined]
    typed = "Typed in the stale second tab: " + ACTION
    second.fill("#turn-text", typed)
    second.click("#turn-form button[value=answer]")
    second.locator("#turn-status.error").wait_for()
    status = second.inner_text("#turn-status")
    assert "Not sent" in status and "moved on" in status and "still here" in status
    assert "The question now asked" in status
    assert second.input_value("#turn-text") == typed
    second.click("#turn-form button[value=answer]")  # again, on the revision now saved
    second.locator(".turn.candidate").nth(1).wait_for()
    said = second.locator(".turn.candidate").all_inner_texts()
    assert "first tab" in said[0] and "second tab" in said[1]
    assert errors == []
    context.close()  # type: ignore[attr-defined]


def test_the_pages_fit_a_phone(server: str, browser: object) -> None:
    context, ada, errors = _page(browser, viewport=PHONE)
    pages = ["/login"]
    _log_in(ada, server, "ada")
    ada.wait_for_url(re.compile(r"/stories$"))  # type: ignore[attr-defined]
    title = "A long-titled story about a pipeline that nobody owned for years"
    story = _write_and_share(ada, server, title).split(server)[1]
    pages += ["/stories", "/stories/new", story, "/stories/no-such-story"]
    pages += ["/dashboard", "/plan", "/practice", "/password-reset#token=x"]
    coach_context, cora, _ = _page(browser, viewport=PHONE)
    _log_in(cora, server, "cora")
    cora.wait_for_url(re.compile(r"/review$"))  # type: ignore[attr-defined]
    review = cora.locator("main a[href^='/review/']").first.get_attribute("href")  # type: ignore[attr-defined]
    wide = {}
    for pg, paths in ((ada, pages), (cora, ["/review", review, "/review/x/y", "/cohort"])):
        for path in paths:
            pg.goto(f"{server}{path}")  # type: ignore[attr-defined]
            overflow = pg.evaluate(  # type: ignore[attr-defined]
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                wide[path] = overflow
    assert wide == {}  # no page scrolls sideways at 390 px
    cora.goto(f"{server}/review/x/y")  # type: ignore[attr-defined]
    assert "Check owner" in cora.inner_text("main")  # type: ignore[attr-defined]  # a readable 400
    context.close()  # type: ignore[attr-defined]
    coach_context.close()  # type: ignore[attr-defined]
    assert errors == []


def test_too_many_failed_logins_are_said_plainly(server: str, browser: object) -> None:
    context, pg, _errors = _page(browser)
    _log_in(pg, server, "cora", "a wrong guess")
    for _ in range(6):  # the limit is 5 failures per 15 minutes (web/api/throttle.py)
        pg.locator("#login-error").wait_for()  # type: ignore[attr-defined]
        if "Too many" in pg.inner_text("#login-error"):  # type: ignore[attr-defined]
            break
        pg.fill("#password", "a wrong guess")  # type: ignore[attr-defined]  # the page came back
        pg.click("#login-form button[type=submit]")  # type: ignore[attr-defined]
        pg.wait_for_load_state()  # type: ignore[attr-defined]
    said = pg.inner_text("#login-error")  # type: ignore[attr-defined]
    assert "Too many failed logins" in said and "15 minutes" in said
    context.close()  # type: ignore[attr-defined]


def test_a_coach_sorts_the_dashboard_and_reads_a_level_the_candidate_replies(
    server: str, browser: object
) -> None:
    context, ada, errors = _page(browser, viewport={"width": 1280, "height": 900})
    _log_in(ada, server, "ada")
    ada.wait_for_url(re.compile(r"/stories$"))  # type: ignore[attr-defined]
    story_url = _write_and_share(ada, server, "The rollout I paused")

    # the coach: the dashboard, sorted by readiness and back, then a reading of a level
    coach_context, cora, coach_errors = _page(browser, viewport={"width": 1280, "height": 900})
    _log_in(cora, server, "cora")
    cora.wait_for_url(re.compile(r"/review$"))  # type: ignore[attr-defined]
    cora.click("nav a[href='/cohort']")  # type: ignore[attr-defined]
    cora.wait_for_url(re.compile(r"/cohort"))  # type: ignore[attr-defined]
    row = cora.locator("tr[data-candidate='ada@example.org']")  # type: ignore[attr-defined]
    assert "0 of 1" in row.inner_text() and "not shared" in row.inner_text()
    cora.click("th a[data-sort='readiness']")  # type: ignore[attr-defined]
    cora.wait_for_url(re.compile(r"sort=readiness$"))  # type: ignore[attr-defined]
    assert cora.get_attribute("th[aria-sort]", "aria-sort") == "ascending"  # type: ignore[attr-defined]
    cora.focus("th a[data-sort='readiness']")  # type: ignore[attr-defined]
    cora.keyboard.press("Enter")  # type: ignore[attr-defined]  # again, by keyboard: reversed
    cora.wait_for_url(re.compile(r"sort=-readiness$"))  # type: ignore[attr-defined]
    assert cora.get_attribute("th[aria-sort]", "aria-sort") == "descending"  # type: ignore[attr-defined]
    assert "sort=-readiness" in cora.get_attribute("#csv", "href")  # type: ignore[attr-defined]
    cora.screenshot(path=str(SHOTS / "cohort-dashboard.png"))  # type: ignore[attr-defined]
    cora.goto(f"{server}/review")  # type: ignore[attr-defined]
    cora.click("text=The rollout I paused")  # type: ignore[attr-defined]
    cora.wait_for_url(re.compile(r"/review/\d+/the-rollout-i-paused"))  # type: ignore[attr-defined]
    cora.select_option("#override-level", "decision")  # type: ignore[attr-defined]
    cora.check("#override-form input[name=met][value=false]")  # type: ignore[attr-defined]
    note = "Say what you gave up by pausing, and who agreed."
    cora.fill("#override-note", note)  # type: ignore[attr-defined]
    cora.click("#override-form button[type=submit]")  # type: ignore[attr-defined]
    level = cora.locator("tr[data-level='decision'] .coach-reading")  # type: ignore[attr-defined]
    level.locator(".tag").wait_for()
    assert "not met" in level.inner_text() and note in level.inner_text()
    # a comment by keyboard alone: name the field and type the words
    cora.select_option("#comment-field", "action")  # type: ignore[attr-defined]
    cora.fill("#comment-words", "rolled back the two regions")  # type: ignore[attr-defined]
    cora.fill("#comment-body", "Which two, and why those?")  # type: ignore[attr-defined]
    cora.focus("#comment-body")  # type: ignore[attr-defined]
    cora.keyboard.press("Tab")  # type: ignore[attr-defined]
    cora.keyboard.press("Enter")  # type: ignore[attr-defined]
    cora.locator("#review mark").wait_for()  # type: ignore[attr-defined]
    assert cora.inner_text("#review mark") == "rolled back the two regions"  # type: ignore[attr-defined]

    # the candidate: the reading is marked as the coach's, beside the machine's; she replies
    ada.goto(story_url)  # type: ignore[attr-defined]
    reading = ada.locator("#readings .override").first  # type: ignore[attr-defined]
    said = reading.inner_text()
    assert "coach's reading" in said and "cora@example.org" in said and note in said
    assert "The machine's reading" in said and "not met" in said
    reading.locator("textarea").fill("The finance lead agreed; we gave up a week.")
    reading.locator("button[type=submit]").click()
    ada.locator("#readings .reply").first.wait_for()  # type: ignore[attr-defined]
    assert "we gave up a week" in ada.inner_text("#readings .reply")  # type: ignore[attr-defined]
    ada.screenshot(path=str(SHOTS / "cohort-reading.png"), full_page=True)  # type: ignore[attr-defined]
    cora.reload()  # type: ignore[attr-defined]
    assert "we gave up a week" in cora.inner_text("#ladder-review")  # type: ignore[attr-defined]
    context.close()  # type: ignore[attr-defined]
    coach_context.close()  # type: ignore[attr-defined]
    assert errors == [] and coach_errors == []


def test_the_login_form_works_without_javascript(server: str, browser: object) -> None:
    context, pg, _errors = _page(browser, java_script_enabled=False)
    pg.goto(f"{server}/stories")  # type: ignore[attr-defined]
    pg.wait_for_url(re.compile(r"/login\?next=/stories"))  # type: ignore[attr-defined]
    pg.fill("#email", "ada@example.org")  # type: ignore[attr-defined]
    pg.fill("#password", PASSWORD)  # type: ignore[attr-defined]
    pg.click("#login-form button[type=submit]")  # type: ignore[attr-defined]
    pg.wait_for_url(re.compile(r"/stories$"))  # type: ignore[attr-defined]
    assert "My stories" in pg.inner_text("main")  # type: ignore[attr-defined]
    context.close()  # type: ignore[attr-defined]


def test_a_reset_link_carries_its_token_after_the_hash(
    server: str, browser: object, multi_user_db: tuple[str, str]
) -> None:
    from storyladder.store import password_reset

    owner = make_engine(multi_user_db[0])
    token, _ = password_reset.issue(owner, "ada@example.org")
    owner.dispose()
    context, pg, errors = _page(browser)
    pg.goto(f"{server}/password-reset")  # type: ignore[attr-defined]
    assert pg.is_visible("#reset-missing")  # type: ignore[attr-defined]
    assert not pg.is_visible("#reset-form")  # type: ignore[attr-defined]
    pg.goto("about:blank")  # type: ignore[attr-defined]  # (opened afresh, as from an email)
    pg.goto(f"{server}/password-reset#token={token}")  # type: ignore[attr-defined]
    assert token not in pg.url  # type: ignore[attr-defined]  # out of the address bar
    pg.fill("#new-password", "a brand new password")  # type: ignore[attr-defined]
    pg.fill("#repeat-password", "a brand new password")  # type: ignore[attr-defined]
    pg.click("#reset-form button[type=submit]")  # type: ignore[attr-defined]
    pg.wait_for_selector("text=Your password is set")  # type: ignore[attr-defined]
    _log_in(pg, server, "ada", "a brand new password")
    pg.wait_for_url(re.compile(r"/stories|/$"))  # type: ignore[attr-defined]
    assert errors == []
    context.close()  # type: ignore[attr-defined]
