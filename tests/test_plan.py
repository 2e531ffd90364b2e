"""Preparing for a date: the plan's shape, spaced rehearsal, progress, today's ticks, exports."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating

from storyladder.formats import anki
from storyladder.formats import bank as bank_files
from storyladder.formats.cards import bank_markdown, cards_html
from storyladder.interview import engine
from storyladder.interview.session import Session
from storyladder.model import Story
from storyladder.plan.progress import progress, sparkline, trend
from storyladder.plan.rehearsal import rating, schedule
from storyladder.plan.schedule import DAY_BUDGET, build
from tests.test_cli_story import sl

SAMPLE = Path(__file__).parent.parent / "src" / "storyladder" / "content" / "sample_bank"
STORIES = bank_files.read(SAMPLE)
TODAY = date(2026, 11, 25)


def _session(story_id: str, answers: list[str], when: str, sid: str = "s") -> Session:
    session = engine.start(sid, "ladder", STORIES, when, story_id=story_id)
    for text in answers:
        if session.status == "active":
            session = engine.answer(session, text, STORIES)
    return session


@pytest.mark.parametrize("days", [5, 30])
def test_the_plan_fits_the_time_left(days: int) -> None:
    plan = build(STORIES, [], "anthropic", TODAY, TODAY + timedelta(days=days))
    assert len(plan.days) == days
    assert all(d.minutes <= DAY_BUDGET for d in plan.days)  # no day overloaded
    kinds = [[t.kind for t in d.tasks] for d in plan.days]
    first_mock = next(i for i, k in enumerate(kinds) if "mock" in k)
    last_gap = max(i for i, k in enumerate(kinds) if "deepen" in k or "write" in k)
    assert "mock" in kinds[-1]  # a mock the day before
    assert last_gap < first_mock  # gaps first, mocks near the end
    assert first_mock >= days * 0.5
    mocks = sum(k.count("mock") for k in kinds)
    assert mocks == (1 if days == 5 else 4)


def test_a_bank_with_gaps_writes_the_missing_stories_first() -> None:
    thin = [s for s in STORIES if "failure" not in s.categories][:4]
    plan = build(thin, [], "generic", TODAY, TODAY + timedelta(days=10))
    first = [t.kind for t in plan.days[0].tasks]
    assert first[0] == "write"
    assert any("genuine project failure" in t.text for d in plan.days for t in d.tasks)


def test_a_date_in_the_past_is_refused() -> None:
    from storyladder.errors import InputError

    with pytest.raises(InputError, match="not after today"):
        build(STORIES, [], "generic", TODAY, TODAY)


def test_fsrs_due_dates_move_with_ratings() -> None:
    story = next(s for s in STORIES if s.id == "marisol-rounding-leak")
    when = "2026-11-20T10:00:00+00:00"
    good = _session(story.id, [story.ladder[lv] for lv in story.ladder], when)
    weak = _session(story.id, ["I don't know.", "It was fine.", "We did stuff."] * 3, when)
    now = datetime(2026, 11, 21, tzinfo=UTC)
    due_good = next(c for c in schedule([story], [good], now) if c.key == story.id).due
    due_weak = next(c for c in schedule([story], [weak], now) if c.key == story.id).due
    assert due_good > due_weak
    assert next(c for c in schedule([story], [], now) if c.key == story.id).due == now
    assert rating(90) == Rating.Easy and rating(90, held=False) == Rating.Again
    assert rating(70, pressed=True) == Rating.Hard


def test_due_rehearsals_come_first_in_the_plan() -> None:
    story = next(s for s in STORIES if s.id == "mentoring-farah")
    weak = _session(
        story.id,
        ["I don't know.", "It was fine.", "We did stuff."] * 3,
        "2026-11-20T10:00:00+00:00",
    )
    plan = build(STORIES, [weak], "anthropic", TODAY, TODAY + timedelta(days=12))
    assert plan.days[0].tasks[0].kind == "rehearse"
    assert plan.days[0].tasks[0].story_id == story.id


def test_progress_shows_a_habit_fading() -> None:
    story = STORIES[0]
    habit = (
        "We had a rough launch and missed the date. We worked hard as a team and luckily in "
        "the end it all worked out."
    )
    better = "In 2022 I led it; I chose to delay two weeks because the data showed 3% errors. It cost Ana a weekend. Now I ask first."
    early = [
        _session(story.id, [habit] * 6, f"2026-11-0{i}T10:00:00+00:00", f"e{i}") for i in (1, 2)
    ]
    late = [
        _session(story.id, [better] * 6, f"2026-11-1{i}T10:00:00+00:00", f"l{i}") for i in (1, 2)
    ]
    result = progress(early + late, {})
    assert result.trends["neat_resolution"] == "fading"  # the tidy-ending habit is going away
    assert trend([0.5, 0.5, 0.0, 0.0]) == "fading"
    assert trend([0.0, 0.0, 0.4, 0.5]) == "new"
    assert trend([0.0, 0.2, 0.4, 0.5]) == "recurring"
    assert trend([0.2, 0.2, 0.3, 0.3]) == "recurring"
    assert sparkline([0, 50, 100], 100) == "▁▅█"


def test_the_anki_deck_is_a_valid_apkg(tmp_path: Path) -> None:
    path = tmp_path / "deck.apkg"
    count = anki.write(STORIES, path)
    expected = sum(1 for s in STORIES for v in s.ladder.values() if v.strip())
    assert count == expected
    with zipfile.ZipFile(path) as archive:
        archive.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as db:
        notes = db.execute("select flds from notes").fetchall()
    assert len(notes) == expected
    fronts = [n[0].split("\x1f") for n in notes]
    farah = next(f for f in fronts if f[0].startswith("Mentoring Farah") and f[1] == "Worldview")
    assert "Help should leave someone more able" in farah[3]
    surface = {f[0]: f[2] for f in fronts if f[1] == "Surface"}
    assert len(set(surface.values())) == len(surface)  # each story its own first question


def test_cards_have_one_page_per_story_and_the_markdown_has_every_story() -> None:
    page = cards_html(STORIES)
    assert page.count('<section class="card">') == len(STORIES)
    assert "page-break-after: always" in page
    assert (
        "&lt;"
        not in cards_html([STORIES[0].evolve(title="A <b>bold</b> title")]).split("<body>")[0]
    )
    document = bank_markdown(STORIES)
    assert all(f"## {s.title}" in document for s in STORIES)


def test_cli_plan_today_progress_and_exports(tmp_path: Path) -> None:
    sl("bank", "import", str(SAMPLE))
    code, out, err = sl("today")
    assert code == 2 and "no plan yet" in err
    soon = (date.today() + timedelta(days=6)).isoformat()
    code, out, _ = sl("plan", "--interview-date", soon, "--company", "amazon", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["company"] == "amazon" and data["days_left"] == 6
    code, out, _ = sl("today", "--format", "json")
    assert code == 0 and isinstance(json.loads(out), list)
    assert sl("progress")[0] == 0
    assert sl("plan", "--interview-date", "2020-01-01")[0] == 2
    assert sl("export", "anki", str(tmp_path / "d.apkg"))[0] == 0
    assert sl("export", "markdown", str(tmp_path / "bank.md"))[0] == 0
    code, out, _ = sl("export", "cards", str(tmp_path / "cards"))
    assert code == 0 and (tmp_path / "cards" / "cards.html").exists()


def test_a_finished_drill_ticks_off_todays_task() -> None:
    from storyladder.plan.today import tasks_for
    from storyladder.store.repository import StoredStory

    today = date.today()
    plan = build(STORIES, [], "anthropic", today, today + timedelta(days=3))
    drills = [t for d in plan.days for t in d.tasks if t.kind == "drill"]
    task = drills[0]
    day = plan.day(today)
    assert day is not None
    day.tasks.insert(0, task)
    now = datetime.now(UTC)
    session = engine.start(
        "d", "drill", STORIES, now.isoformat(), story_id=task.story_id, drill=task.drill
    )
    session = engine.answer(session, "In 2021 I did it with Ana.", STORIES)
    records = [StoredStory(s, 1, now - timedelta(days=3), now - timedelta(days=3)) for s in STORIES]
    ticked = {t.key: done for t, done in tasks_for(plan, [session], records, now)}
    assert ticked[task.key] is True


def test_a_new_story_ticks_the_write_task_of_its_own_category_only() -> None:
    from storyladder.plan.today import tasks_for
    from storyladder.store.repository import StoredStory

    today = date.today()
    thin = [s for s in STORIES if "failure" not in s.categories][:4]
    plan = build(thin, [], "generic", today, today + timedelta(days=10))
    writes = [t for t, _ in tasks_for(plan, [], [], datetime.now(UTC)) if t.kind == "write"]
    failure = next(t for t in writes if t.category == "failure")
    now = datetime.now(UTC)
    old = [StoredStory(s, 1, now - timedelta(days=3), now - timedelta(days=3)) for s in thin]
    other = Story(title="A mentee I coached", categories=("mentorship",), action="I coached her.")
    ticked = {
        t.key: done for t, done in tasks_for(plan, [], [*old, StoredStory(other, 1, now, now)], now)
    }
    assert ticked[failure.key] is False  # a story was written today, but not a failure story
    fail = Story(title="The launch I broke", categories=("failure",), action="I broke it.")
    ticked = {
        t.key: done for t, done in tasks_for(plan, [], [*old, StoredStory(fail, 1, now, now)], now)
    }
    assert ticked[failure.key] is True


def test_no_day_holds_a_task_twice_and_an_empty_day_says_what_it_is_for() -> None:
    for stories in (STORIES[:1], STORIES[:2], STORIES):
        plan = build(stories, [], "anthropic", TODAY, TODAY + timedelta(days=14))
        for day in plan.days:
            keys = [t.key for t in day.tasks]
            assert len(keys) == len(set(keys)), (day.day, keys)
            assert bool(day.note) == (not day.tasks)
        if not plan.days[-1].tasks:
            assert "rest" in str(plan.days[-1].note)
