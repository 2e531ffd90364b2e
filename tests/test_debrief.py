"""Debriefing a real interview from a meeting tool's transcript (WebVTT, SRT, plain text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyladder.errors import InputError
from storyladder.formats import bank as bank_files
from storyladder.interview.debrief import debrief, parse, question_drill, question_level
from tests.test_cli_story import sl

SAMPLE = Path(__file__).parent.parent / "src" / "storyladder" / "content" / "sample_bank"
STORIES = bank_files.read(SAMPLE)
TURNS = [
    (
        "Dana Reyes",
        "Thanks for joining. Tell me about a time you made a mistake that cost something.",
    ),
    (
        "Sam Okafor",
        "In 2020 I cut our tracking events over to a new pipeline without the shadow run "
        "Tomasz wanted. For two days 52,000 customers got duplicate delivery texts. I rolled "
        "it back and wrote the incident review myself.",
    ),
    ("Dana Reyes", "What did that cost, and who paid for it?"),
    (
        "Sam Okafor",
        "Support took about 900 extra tickets, and Tomasz lost a weekend helping me clean up.",
    ),
    ("Dana Reyes", "What did it teach you about yourself?"),
    ("Sam Okafor", "That I rush when I feel behind, and I treat caution as friction."),
    ("Dana Reyes", "Tell me about a time you disagreed with a peer about a design."),
    (
        "Sam Okafor",
        "At a ferry booking startup in 2019 I argued with Lina about caching seat maps. I "
        "wanted a cache, she wanted to fix the slow query. We tried hers first and it worked.",
    ),
]


def vtt() -> str:
    cues = [
        f"00:00:{i:02d}.000 --> 00:00:{i + 1:02d}.000\n<v {who}>{said}</v>"
        for i, (who, said) in enumerate(TURNS)
    ]
    return "WEBVTT\n\n" + "\n\n".join(cues) + "\n"


def srt() -> str:
    cues = [
        f"{i + 1}\n00:00:{i:02d},000 --> 00:00:{i + 1:02d},000\n{who}: {said}"
        for i, (who, said) in enumerate(TURNS)
    ]
    return "\n\n".join(cues) + "\n"


def plain() -> str:
    return "\n".join(f"{who}: {said}" for who, said in TURNS)


@pytest.mark.parametrize("make", [vtt, srt, plain])
def test_every_format_gives_the_same_turns(make: object) -> None:
    turns = parse(make())  # type: ignore[operator]
    assert [(u.speaker, u.text) for u in turns] == TURNS


def test_each_answer_is_matched_critiqued_at_its_level_and_checked_for_drift() -> None:
    result = debrief(parse(vtt()), STORIES, company="anthropic")
    assert (result.interviewer, result.candidate) == ("Dana Reyes", "Sam Okafor")
    levels = [(e.level, e.story_id) for e in result.exchanges]
    assert levels[:3] == [
        ("surface", "rolled-back-tracking-migration"),
        ("tradeoff", "rolled-back-tracking-migration"),
        ("meta_reflection", "rolled-back-tracking-migration"),  # a short answer, same story
    ]
    assert levels[3] == ("surface", None)  # a story the bank does not hold
    first = result.exchanges[0]
    assert first.family == "failure" and first.critique["level"]["met"]
    assert any("52,000" in d and "41,000" in d for d in first.drift)  # 52,000 vs the file
    assert any("Settle the facts" in p for p in result.plan)
    assert any("into your bank" in p for p in result.plan)
    assert all("non_answer" not in [f["id"] for f in e.critique["flags"]] for e in result.exchanges)


def test_follow_up_questions_are_read_by_what_they_ask() -> None:
    assert question_level("Why did you choose that over the rollback?", first=False) == "decision"
    assert question_level("Who else had a stake in it?", first=False) == "context"
    assert question_level("How do you approach this kind of call now?", first=False) == "worldview"
    assert question_level("What did you give up?", first=True) == "surface"
    assert question_drill("Why did that matter to you?") == "five_whys"
    assert question_drill("How did that make you feel?") == "feelings"
    assert question_drill("What would your harshest critic say about you?") == "critic"
    assert question_drill("What else could you have done?") == "alternative_path"
    assert question_drill("Tell me about a time you failed.") is None


def test_a_transcript_without_two_speakers_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="fewer than two speakers"):
        parse("just some words\nand more words")
    with pytest.raises(InputError, match="no speaker called 'Alex'"):
        debrief(parse(plain()), STORIES, candidate="Alex")


def test_debrief_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "interview.srt"
    path.write_text(srt())
    sl("--home", str(tmp_path), "bank", "import", str(SAMPLE))
    code, out, _ = sl("--home", str(tmp_path), "debrief", str(path), "--format", "json")
    data = json.loads(out)
    assert code == 0 and len(data["exchanges"]) == 4 and data["plan"]
    code, out, _ = sl("--home", str(tmp_path), "debrief", str(path), "--me", "Sam Okafor")
    assert code == 0 and "What to practise next" in out and "drift" in out
    code, out, _ = sl("--home", str(tmp_path), "plan", "--interview-date", "2099-01-01")
    assert code == 0 and "From your last interview" in out  # the misses feed the plan
    bad = tmp_path / "one.txt"
    bad.write_text("hello there")
    assert sl("--home", str(tmp_path), "debrief", str(bad))[0] == 2


def test_debrief_in_the_web_app_feeds_the_plan_page(client: object) -> None:
    from tests.test_web import token

    page = client.get("/debrief").text  # type: ignore[attr-defined]
    assert "Debrief a real interview" in page
    done = client.post(  # type: ignore[attr-defined]
        "/debrief",
        data={"csrf_token": token(client), "company": "anthropic"},
        files={"file": ("interview.vtt", vtt().encode(), "text/vtt")},
    )
    assert done.status_code == 200 and "Dana Reyes asked, Sam Okafor answered" in done.text
    assert "Drift:" in done.text and "a story not in your bank" in done.text
    plan = client.get("/plan").text  # type: ignore[attr-defined]
    assert "From your last interview" in plan and "Settle the facts" in plan
    empty = client.post("/debrief", data={"csrf_token": token(client), "text": " "})  # type: ignore[attr-defined]
    assert empty.status_code == 400 and "paste the transcript" in empty.text
    pasted = "just one voice talking about its week at some length"
    refused = client.post("/debrief", data={"csrf_token": token(client), "text": pasted})  # type: ignore[attr-defined]
    assert refused.status_code == 400 and "fewer than two speakers" in refused.text
    assert pasted in refused.text  # nothing pasted is lost


def test_a_story_told_in_the_interview_is_kept_as_a_draft_in_the_candidates_words(
    tmp_path: Path,
) -> None:
    path = tmp_path / "interview.txt"
    path.write_text(plain())
    sl("--home", str(tmp_path), "bank", "import", str(SAMPLE))
    code, out, _ = sl("--home", str(tmp_path), "debrief", str(path), "--keep", "4")
    assert code == 0 and "draft-" in out
    draft_id = out.split("'")[1]
    code, out, _ = sl("--home", str(tmp_path), "story", "show", draft_id, "--format", "json")
    story = json.loads(out)
    told = " ".join(v for k, v in story.items() if k in ("situation", "task", "action", "result"))
    assert "Lina" in told and "seat maps" in told  # only what was said
    assert sl("--home", str(tmp_path), "debrief", str(path), "--keep", "1")[0] == 2  # in the bank
    assert sl("--home", str(tmp_path), "debrief", str(path), "--keep", "9")[0] == 2
