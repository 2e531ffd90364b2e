"""The interviewer: climbs the ladder, presses, pushes back, listens, and keeps every turn."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storyladder import taxonomy
from storyladder.coach.probes import _grounding as grounding
from storyladder.coach.question import classify
from storyladder.coach.reading import Reading
from storyladder.evaluation.corpus import load as load_corpus
from storyladder.evaluation.probes import measure as measure_probes
from storyladder.formats import bank as bank_files
from storyladder.interview import engine, plan
from storyladder.interview.deflection import deflects
from storyladder.interview.pushback import taken
from storyladder.interview.session import Session
from storyladder.model import Story
from storyladder.store.repository import Repository
from tests.test_cli_story import sl

SAMPLE = Path(__file__).parent.parent / "src" / "storyladder" / "content" / "sample_bank"
CORPUS = Path(__file__).parent / "corpus"
NOW = "2026-11-25T10:00:00+00:00"
STORIES = bank_files.read(SAMPLE)
BY_ID = {s.id: s for s in STORIES}


def reply(session: Session) -> str:
    """A scripted candidate who answers from the story's own prepared ladder."""
    asked = session.last_question
    assert asked is not None
    story = BY_ID.get(asked.story_id or "")
    if story and asked.level and story.ladder.get(asked.level):
        return story.ladder[asked.level]
    if asked.kind == "pushback" or asked.drill == "critic":
        return (
            "Fair point, partly. I still think the call was right because the data showed "
            "the risk was small, but I would now write down a rollback trigger first."
        )
    return (
        "Honestly I'm not sure. In 2022 I worked on this with Dana for three weeks, and what "
        "I'd do now is check the assumption with the people who own it before deciding."
    )


def run(session: Session, answer_fn=reply, limit: int = 60) -> Session:  # type: ignore[no-untyped-def]
    while session.status == "active" and limit:
        session = engine.answer(session, answer_fn(session), STORIES, seconds=30)
        limit -= 1
    return session


def test_company_depth_is_respected_in_mocks() -> None:
    for company, depth in (("google", 3), ("meta", 2), ("amazon", 3), ("anthropic", 6)):
        steps = plan.mock(company, STORIES, seed=1)
        per_story: dict[str, set[str]] = {}
        for step in steps:
            if step.story_id and step.level and step.kind in ("question", "probe"):
                per_story.setdefault(step.story_id, set()).add(step.level)
        assert max(len(levels) for levels in per_story.values()) == depth, company


def test_an_anthropic_mock_climbs_to_worldview_on_a_ready_story() -> None:
    session = run(engine.start("m1", "mock", STORIES, NOW, company="anthropic", seed=3))
    first_story = session.plan[0].story_id
    assert first_story and session.scorecard
    assert session.scorecard["levels"][first_story] == "worldview"
    levels = [
        t.level for t in session.turns if t.role == "interviewer" and t.story_id == first_story
    ]
    assert levels[:6] == [
        "surface",
        "context",
        "decision",
        "tradeoff",
        None,
        "meta_reflection",
    ] or {"surface", "context", "decision", "tradeoff", "meta_reflection", "worldview"} <= set(
        levels
    )
    kinds = {t.kind for t in session.turns if t.role == "interviewer"}
    assert {"question", "probe", "pushback", "drill", "closing"} <= kinds
    mission = [s for s in session.plan if s.kind == "question" and s.story_id is None]
    assert mission and classify(mission[0].question).family == "mission"


def test_the_interviewer_presses_once_on_a_level_the_answer_misses() -> None:
    story = BY_ID["rolled-back-tracking-migration"]

    def thin_tradeoff(session: Session) -> str:
        asked = session.last_question
        if asked and asked.level == "tradeoff":
            return "Honestly there was no real downside, it all went fine in the end for everyone."
        return reply(session)

    session = run(engine.start("l1", "ladder", STORIES, NOW, story_id=story.id), thin_tradeoff)
    asked = [(t.kind, t.level) for t in session.turns if t.role == "interviewer"]
    assert ("press", "tradeoff") in asked
    assert asked.count(("press", "tradeoff")) == 1  # once, then climb
    assert asked.index(("press", "tradeoff")) == asked.index(("probe", "tradeoff")) + 1
    assert ("probe", "meta_reflection") in asked


def test_the_scorecard_agrees_with_itself() -> None:
    story = BY_ID["mentoring-farah"]
    session = run(engine.start("c1", "ladder", STORIES, NOW, story_id=story.id))
    card = session.scorecard
    assert card and card["levels"][story.id] == "worldview"
    assert card["dimensions"]["reflection"] >= 50  # held to worldview: reflection shows it
    judged = card["judgments"]
    assert [j["level"] for j in judged] == list(story.ladder)[1:]
    assert all(j["met"] and j["evidence"] and j["missing"] is None for j in judged)
    assert all(
        e in session.answers[i + 1].text for i, j in enumerate(judged) for e in j["evidence"]
    )
    for moment in (card["strongest"], card["weakest"]):
        assert moment["level"] in story.ladder and 0 <= moment["score"] <= 100
    assert card["strongest"]["score"] >= card["weakest"]["score"]


def test_the_scorecard_names_the_planted_weaknesses() -> None:
    def weak(session: Session) -> str:
        asked = session.last_question
        if asked and (asked.kind == "pushback" or asked.drill == "critic"):
            return "That's not fair, it wasn't my fault. Leadership never listened to us."
        return (
            "We had a rough launch. We worked really hard as a team and we fixed the bugs. "
            "We shipped on the new date, and we learned that communication is key. Luckily "
            "in the end it all worked out."
        )

    session = run(engine.start("w1", "mock", STORIES, NOW, company="anthropic", seed=1), weak)
    card = session.scorecard
    assert card
    assert {"we_not_i", "cliche_lesson"} <= set(card["recurring_flags"])
    raised = {f for t in session.answers for f in (t.critique or {})["flags"]}
    assert "neat_resolution" in raised  # where the level asks about endings
    assert "defensive" in [p["outcome"] for p in card["pushback"]]
    assert all(p["quote"] for p in card["pushback"])
    assert len(card["practise"]) == 3
    assert any("critic" in p for p in card["practise"])
    assert card["weakest"]["quote"] and card["strongest"]["quote"]
    assert all(b["name"] and b["what"] for b in card["behaviours"])
    assert {b["id"] for b in card["behaviours"]} == {
        "complexity",
        "knowledge_gaps",
        "second_order",
        "honesty_over_polish",
    }


@pytest.mark.slow  # every labelled ladder
def test_probes_quote_the_candidate_and_never_take_a_sentence_opener_for_a_name() -> None:
    """Ladder climbs on every other tuning author's ladders, in name order, so the suite's
    time stays bounded as the corpus grows (bench/eval_coach.py climbs them all, and the
    held-out ones; docs/interview.md)."""
    ladders = load_corpus(CORPUS).tuning().ladders
    authors = sorted({x.author for x in ladders})[::2]
    report = measure_probes([x for x in ladders if x.author in authors])
    assert report.asked > 1000
    assert report.grounded / report.asked >= 0.9
    assert report.initial_names == []
    assert report.repeated_openers == []


def test_a_name_that_only_opens_a_sentence_is_not_a_person_and_quotes_end_at_a_clause() -> None:
    story = BY_ID["mentoring-farah"]
    session = engine.start("n1", "ladder", STORIES, NOW, story_id=story.id)
    answer = (
        "One I would pick is the spring I mentored a new analyst, and I rewrote her "
        "first report myself, which replayed the same mistake my own lead once made with me, "
        "so she learned nothing from it."
    )
    session = engine.answer(session, answer, STORIES)
    probe = session.last_question
    assert probe is not None
    assert "One" not in probe.text.replace("One I would", "")
    assert "...." not in probe.text and "replayed...." not in probe.text


def test_a_role_that_opens_two_sentences_is_not_taken_for_a_person() -> None:
    notes = (
        "Small shop. Owner, 3 mechanics, I was the only licensed inspector that year. "
        "Customer was about 75. Owner was friends with her husband. I asked Priya to check."
    )
    found = grounding(Reading(notes, classify(None)))
    assert found["person"] == "Priya"


def test_the_first_question_fits_the_story_for_every_category() -> None:
    tax = taxonomy.load()
    for category in (c.id for c in tax.categories):
        story = Story(title=f"A story about {category}", categories=(category,), situation="x")
        first = plan.surface_question(story)
        asked = next(q for q in tax.questions if q.text == first)
        assert asked.categories[0] == category, (category, first)


def test_deflection_is_heard_when_the_answer_returns_to_the_script() -> None:
    story = BY_ID["rolled-back-tracking-migration"]
    probe = "How do you think the carriers' support teams saw that week?"
    deflecting = (
        "The carriers? Well, what I did was roll it back. The duplicate texts went to "
        "41,000 customers, I rolled the cutover back within the hour, and Tomasz had wanted "
        "the shadow run. The rollback was the right call."
    )
    engaging = "Honestly, I never asked them. I'd guess they were annoyed: they took the calls."
    assert deflects(deflecting, probe, story.text)
    assert not deflects(engaging, probe, story.text)


def test_ninety_degree_drill_hears_deflection_in_a_session() -> None:
    story = BY_ID["mentoring-farah"]
    session = engine.start("d1", "drill", STORIES, NOW, story_id=story.id, drill="ninety_degree")
    session = engine.answer(session, story.ladder["surface"], STORIES)
    session = engine.answer(session, story.section("action"), STORIES)
    assert "deflection" in session.answers[-1].signals


@pytest.mark.parametrize(
    ("answer", "heard"),
    [
        (
            "Thinking about it again, the date should have moved. The error rate was already "
            "at 3% that Tuesday, twice the week before, and I read it as noise because I "
            "wanted the launch.",
            "updates",
        ),
        (
            "I see why it looks that way, but I would keep the rollback: it could be undone "
            "in minutes and the patch could not.",
            "holds",
        ),
        ("That's not fair. It wasn't my fault, the vendor changed the API.", "defensive"),
        ("I guess you're right.", "collapse"),
    ],
)
def test_how_push_back_is_taken(answer: str, heard: str) -> None:
    assert taken(answer).outcome == heard


def test_sessions_round_trip_through_the_store(repo: Repository) -> None:
    session = engine.start("s1", "ladder", STORIES, NOW, story_id="mentoring-farah")
    session = engine.answer(session, BY_ID["mentoring-farah"].ladder["surface"], STORIES)
    assert repo.save_session(session.to_dict()) == 1
    session = session.evolve(revision=1)
    assert repo.save_session(session.to_dict()) == 2  # saving again replaces, never duplicates
    assert Session.from_dict(repo.get_session("s1")) == session.evolve(revision=2)
    [row] = repo.list_sessions()
    assert (row["id"], row["answers"], row["status"]) == ("s1", 1, "active")


def test_cli_scripted_session_prints_the_transcript(tmp_path: Path) -> None:
    sl("bank", "import", str(SAMPLE))
    script = tmp_path / "answers.json"
    story = BY_ID["marisol-rounding-leak"]
    script.write_text(json.dumps([story.ladder[lv] for lv in story.ladder] + ["extra"] * 3))
    code, out, _ = sl("ladder", story.id, "--answers", str(script), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["mode"] == "ladder" and data["status"] == "done"
    roles = {t["role"] for t in data["turns"]}
    assert roles == {"interviewer", "candidate"}
    assert all("critique" in t for t in data["turns"] if t["role"] == "candidate")
    assert data["scorecard"]["levels"][story.id] == "worldview"
    code, out, _ = sl("sessions", "show", data["id"], "--format", "json")
    assert json.loads(out)["turns"] == data["turns"]
    code, out, _ = sl("sessions", "show", data["id"][:5], "--format", "json")  # a beginning
    assert code == 0 and json.loads(out)["id"] == data["id"]
    code, _, err = sl("sessions", "show", "zz-none")
    assert code == 2 and "no session" in err


def test_cli_errors_exit_2(tmp_path: Path) -> None:
    sl("bank", "import", str(SAMPLE))
    assert sl("drill", "sprints", "--story", "mentoring-farah")[0] == 2
    assert sl("ladder", "no-such-story")[0] == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    code, _, err = sl("mock", "--answers", str(bad))
    assert code == 2 and "bad.json" in err


@pytest.mark.slow
def test_killing_the_process_mid_session_loses_no_turn(tmp_path: Path, isolated_home: Path) -> None:
    sl("bank", "import", str(SAMPLE))
    story = BY_ID["rolled-back-tracking-migration"]
    env = {**os.environ, "STORYLADDER_HOME": str(isolated_home), "COLUMNS": "200"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "storyladder", "ladder", story.id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert proc.stdin
    for level in ("surface", "context"):
        proc.stdin.write(story.ladder[level] + "\n\n")
        proc.stdin.flush()
    listed: list[dict] = []
    for _ in range(100):  # wait until both answers are saved, then kill without warning
        code, out, _ = sl("sessions", "list", "--format", "json")
        listed = json.loads(out)
        if listed and listed[0]["answers"] == 2:
            break
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()  # reap it and close the pipes
    assert listed and listed[0]["answers"] == 2
    session_id = listed[0]["id"]
    rest = tmp_path / "rest.json"
    rest.write_text(
        json.dumps(
            [story.ladder[lv] for lv in ("decision", "tradeoff", "meta_reflection", "worldview")]
            + ["more"] * 3
        )
    )
    code, out, _ = sl("sessions", "resume", session_id, "--answers", str(rest), "--format", "json")
    data = json.loads(out)
    answers = [t["text"] for t in data["turns"] if t["role"] == "candidate"]
    assert answers[:2] == [story.ladder["surface"], story.ladder["context"]]
    assert story.ladder["worldview"] in answers and data["status"] == "done"


@pytest.mark.slow  # every labelled reply
def test_the_listener_holds_its_figures_on_the_labelled_replies() -> None:
    """docs/interview.md: the shipped models on the tuning authors, and a floor on the
    held-out ones (never read while tuning), so a change that makes it worse fails here."""
    from storyladder.evaluation.replies import load as load_replies
    from storyladder.evaluation.replies import measure

    replies = load_replies(CORPUS / "interview")
    tuning = measure(replies.of(replies.tune))
    assert tuning["outcome"] >= 0.9
    assert tuning["caught"] >= 0.9 and tuning["false_alarms"] <= 0.06
    held = measure(replies.of(replies.heldout))
    assert held["outcome"] >= 0.85
    assert held["caught"] >= 0.8 and held["false_alarms"] <= 0.1
