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


def test_the_pages_fit_a_phone(server: str, browser: object) -> None:
    context, ada, errors = _page(browser, viewport=PHONE)
    pages = ["/login"]
    _log_in(ada, server, "ada")
    ada.wait_for_url(re.compile(r"/stories$"))  # type: ignore[attr-defined]
    ada.goto(f"{server}/stories/new")  # type: ignore[attr-defined]
    ada.fill("#title", "A long-titled story about a pipeline that nobody owned for years")  # type: ignore[attr-defined]
    ada.fill("#action", ACTION)  # type: ignore[attr-defined]
    ada.click("#mu-story button[type=submit]")  # type: ignore[attr-defined]
    ada.wait_for_url(re.compile(r"saved="))  # type: ignore[attr-defined]
    ada.click("#share")  # type: ignore[attr-defined]
    ada.locator("#withdraw").wait_for()  # type: ignore[attr-defined]
    story = ada.url.split(server)[1].split("?")[0]  # type: ignore[attr-defined]
    pages += ["/stories", "/stories/new", story, "/stories/no-such-story"]
    coach_context, cora, _ = _page(browser, viewport=PHONE)
    _log_in(cora, server, "cora")
    cora.wait_for_url(re.compile(r"/review$"))  # type: ignore[attr-defined]
    review = cora.locator("main a[href^='/review/']").first.get_attribute("href")  # type: ignore[attr-defined]
    wide = {}
    for pg, paths in ((ada, pages), (cora, ["/review", review, "/review/x/y"])):
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
        pg.evaluate("document.getElementById('login-error').classList.add('hidden')")  # type: ignore[attr-defined]
        pg.click("#login-form button[type=submit]")  # type: ignore[attr-defined]
    said = pg.inner_text("#login-error")  # type: ignore[attr-defined]
    assert "Too many failed logins" in said and "15 minutes" in said
    context.close()  # type: ignore[attr-defined]
