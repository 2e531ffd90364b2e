"""Spoken practice, offline: real speech made with espeak-ng, transcribed with the voice
extra, checked against the script it was made from (word errors, pace, fillers)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import wave
from pathlib import Path
from types import SimpleNamespace

import pytest

from storyladder.coach.delivery import Word, delivery, is_filler
from storyladder.speech import transcribe as speech
from tests.test_cli_story import sl

SCRIPTS = [
    "Um, in March I led the billing migration at a logistics company. I chose to move one "
    "region first, because a rollback took 10 minutes. We lost invoices for a day, and I "
    "told finance that afternoon.",
    "Uh, the hardest feedback I got was from my manager, Priya. She said I explain too "
    "much before I give the answer. Um, now I put the recommendation first in every "
    "document I write.",
    "I was a charge nurse on a surgical ward. I missed the audit deadline by two weeks. "
    "Uh, I told the committee chair early and asked whether a partial report would help. "
    "Since then I test my estimate on ten records before I promise a date.",
]


NUMERALS = {"two": "2", "ten": "10"}  # the scripts' numbers, however Whisper writes them


def _words(text: str) -> list[str]:
    return [NUMERALS.get(w, w) for w in re.findall(r"[a-z0-9']+", text.lower())]


def _wer(truth: str, heard: str) -> float:
    a, b = _words(truth), _words(heard)
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1] / max(len(a), 1)


@pytest.fixture(scope="module")
def voice() -> None:
    missing = [t for t in ("espeak-ng", "sox") if not shutil.which(t)]
    if missing or not speech.available():
        why = f"missing: {missing or 'the voice extra'}"
        if os.environ.get("STORYLADDER_REQUIRE_VOICE"):
            pytest.fail(f"voice tests are required but {why}")
        pytest.skip(why)


def spoken(text: str, folder: Path, name: str, rate: int = 150) -> Path:
    raw, out = folder / f"{name}-raw.wav", folder / f"{name}.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", str(rate), "-w", str(raw), text], check=True)
    subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", str(out)], check=True)
    return out


def _seconds(path: Path) -> float:
    with wave.open(str(path)) as w:
        return w.getnframes() / w.getframerate()


@pytest.mark.usefixtures("voice")
@pytest.mark.parametrize("n", range(len(SCRIPTS)))
def test_espeak_speech_is_heard_word_for_word_with_its_pace_and_fillers(
    tmp_path: Path, n: int
) -> None:
    script = SCRIPTS[n]
    audio = spoken(script, tmp_path, f"s{n}")
    heard = speech.transcribe(audio)
    assert _wer(script, heard.text) < 0.20, heard.text
    said = [w for w in _words(script) if not is_filler(w)]
    truth = len(said) / _seconds(audio) * 60
    assert abs(heard.spoken.wpm - truth) <= 0.10 * truth, (heard.spoken.wpm, truth)
    fillers = sum(1 for w in _words(script) if is_filler(w))
    assert abs(len(heard.spoken.fillers) - fillers) <= 1, heard.spoken.fillers
    pairs = zip(heard.words, heard.words[1:], strict=False)
    assert all(a.start <= a.end <= b.start + 0.05 for a, b in pairs)  # times in order


def test_what_whisper_makes_up_over_silence_is_dropped() -> None:
    def segment(text: str, start: float, end: float, ratio: float = 1.3) -> SimpleNamespace:
        words = text.split()
        step = (end - start) / len(words)
        said = [
            SimpleNamespace(word=f" {w}", start=start + i * step, end=start + (i + 1) * step)
            for i, w in enumerate(words)
        ]
        return SimpleNamespace(start=start, end=end, compression_ratio=ratio, words=said)

    told = segment("Now I put the recommendation first in every document I write.", 8.0, 11.9)
    assert [w.text for w in speech.heard(told)][:2] == ["Now", "I"]
    assert speech.heard(segment("Okay.", 12.0, 12.1)) != ()  # one short word is speech
    loop = segment("my manager, Priya, " + "Priya, " * 10, 0.0, 6.0, ratio=3.1)
    crammed = segment("So, I'm going to go ahead and check out my manager today.", 11.9, 12.3)
    assert speech.heard(loop) == () and speech.heard(crammed) == ()


@pytest.mark.usefixtures("voice")
def test_transcribe_and_critique_a_recording_on_the_command_line(tmp_path: Path) -> None:
    audio = spoken(SCRIPTS[0], tmp_path, "cli")
    code, out, _ = sl("transcribe", str(audio), "--format", "json")
    data = json.loads(out)
    assert code == 0 and set(data) == {"text", "duration", "words", "wpm", "fillers", "pauses"}
    assert set(data["fillers"]) == {"count", "per_minute", "words"}
    assert {"text", "start", "end"} <= set(data["words"][0])
    code, out, _ = sl("critique", "--audio", str(audio), "--format", "json")
    critiqued = json.loads(out)
    told = " ".join(sentence["text"] for sentence in critiqued["sentences"])
    assert code == 0 and "migration" in told
    assert critiqued["delivery"]["part_seconds"] and critiqued["delivery"]["wpm"] > 0


def test_without_a_model_it_says_how_to_add_voice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(speech.MODEL_ENV, str(tmp_path / "no-model-here"))
    audio = tmp_path / "a.wav"
    audio.write_bytes(b"RIFF")
    code, _, err = sl("transcribe", str(audio))
    assert code == 2 and ("voice" in err or "model" in err)


def test_delivery_says_where_the_long_pauses_fell() -> None:
    words = [Word("I", 0.0, 0.2), Word("paused", 0.3, 0.7), Word("here", 2.4, 2.8)]
    said = delivery(words)
    assert [(p.before, round(p.end - p.start, 1)) for p in said.pauses] == [("here", 1.7)]
    assert any("pause" in line and "before 'here'" in line for line in said.observations())
    assert not any(word in " ".join(said.observations()) for word in ("confident", "nervous"))


def _session(client: object) -> str:
    from tests.test_web import token

    started = client.post(  # type: ignore[attr-defined]
        "/practice",
        data={
            "mode": "ladder",
            "story_id": "rolled-back-tracking-migration",
            "csrf_token": token(client),
        },
    )
    return str(started.headers["location"]).rsplit("/", 1)[-1]


@pytest.mark.usefixtures("voice")
def test_a_spoken_answer_comes_back_as_a_transcript_to_correct(
    client: object, tmp_path: Path
) -> None:
    from tests.test_web import token

    sid = _session(client)
    audio = spoken(SCRIPTS[0], tmp_path, "web")
    heard = client.post(  # type: ignore[attr-defined]
        f"/practice/{sid}/audio",
        files={"audio": ("answer.wav", audio.read_bytes(), "audio/wav")},
        headers={"Accept": "application/json", "X-CSRF-Token": token(client)},
    ).json()
    assert "migration" in heard["transcript"] and heard["seconds"] > 5
    assert "correct it" in heard["note"] and any("words per minute" in d for d in heard["delivery"])
    replay = client.get(f"/practice/{sid}").text  # type: ignore[attr-defined]
    assert re.search(r'<span data-start="[\d.]+" data-end="[\d.]+">migration', replay)


def test_without_the_voice_extra_the_recording_is_kept_and_it_says_how_to_add_it(
    client: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_web import token

    monkeypatch.setattr(speech, "available", lambda: False)
    sid = _session(client)
    heard = client.post(  # type: ignore[attr-defined]
        f"/practice/{sid}/audio",
        files={"audio": ("answer.webm", b"\x1a\x45\xdf\xa3 not much", "audio/webm")},
        headers={"Accept": "application/json", "X-CSRF-Token": token(client)},
    ).json()
    assert heard["transcript"] is None and "storyladder[voice]" in heard["note"]
    assert "Recording kept" in heard["note"]


@pytest.mark.usefixtures("voice")
def test_a_folder_of_spoken_answers_shows_the_signs_of_a_performance(tmp_path: Path) -> None:
    folder = tmp_path / "ladder"
    folder.mkdir()
    performed = "So the situation was that our release failed, and the result was a lost week."
    for n in range(3):  # three answers, the same length, the same opening, no pause, no filler
        spoken(performed.replace("release", ("release", "launch", "migration")[n]), folder, f"{n}")
        (folder / f"{n}-raw.wav").unlink()
    code, out, _ = sl("critique", "--audio-dir", str(folder), "--format", "json")
    data = json.loads(out)
    assert code == 0 and len(data["answers"]) == 3
    signs = " ".join(data["rehearsal_signs"])
    assert "same length" in signs and "no pause and no filler" in signs and "open with" in signs


def test_answers_told_freely_show_no_sign_of_a_performance() -> None:
    varied = [
        delivery([Word("Um", 0, 0.3), Word("we", 1.6, 1.8), Word("shipped", 1.9, 2.4)]),
        delivery([Word("I", 0, 0.2), Word("think", 0.3, 9.0)]),
        delivery([Word("Honestly", 0, 0.5), Word("no", 0.6, 30.0)]),
    ]
    from storyladder.coach.delivery import rehearsed

    assert rehearsed(varied, ["Um we shipped", "I think", "Honestly no"]) == []


@pytest.mark.usefixtures("voice")
def test_a_spoken_ladder_climb_runs_end_to_end_on_the_command_line(tmp_path: Path) -> None:
    sample = Path(__file__).parent.parent / "src" / "storyladder" / "content" / "sample_bank"
    sl("--home", str(tmp_path), "bank", "import", str(sample))
    folder = tmp_path / "spoken"
    folder.mkdir()
    said = [
        "In 2020 I cut tracking over to a new pipeline without the shadow run Tomasz wanted.",
        "Support was swamped and Tomasz had asked for a week of shadow traffic first.",
        "I chose speed over the shadow run, because I thought the schema was identical.",
        "It cost support about nine hundred tickets and Tomasz lost a weekend.",
        "I rush when I feel behind, and I hear caution as friction.",
        "Now I ask the most cautious person what would prove them wrong, before I ship.",
    ]
    for n, text in enumerate(said):
        spoken(text, folder, f"{n:02d}")
        (folder / f"{n:02d}-raw.wav").unlink()
    code, out, _ = sl(
        "--home", str(tmp_path), "ladder", "rolled", "--answers", str(folder), "--format", "json"
    )
    data = json.loads(out)
    answers = [t["text"] for t in data["turns"] if t["role"] == "candidate"]
    assert code == 0 and "pipeline" in answers[0]  # heard, then climbed on
    assert len(answers) >= 4 and "cautious" in " ".join(answers)


@pytest.mark.usefixtures("voice")
def test_a_recorded_interview_debriefs_with_questions_taken_as_the_interviewers(
    tmp_path: Path,
) -> None:
    sample = Path(__file__).parent.parent / "src" / "storyladder" / "content" / "sample_bank"
    sl("--home", str(tmp_path), "bank", "import", str(sample))
    talk = (
        "Can you tell me about a time you made a mistake that cost something? "
        "In 2020 I moved our tracking events to a new pipeline without a shadow run, and "
        "customers got duplicate delivery texts for two days. I rolled it back myself. "
        "What did that cost, and who paid for it? "
        "Support took about nine hundred extra tickets, and my colleague lost a weekend."
    )
    audio = spoken(talk, tmp_path, "interview")
    code, out, err = sl("--home", str(tmp_path), "debrief", str(audio), "--format", "json")
    data = json.loads(out) if code == 0 else {}
    assert code == 0, err
    assert data["candidate"] == "Candidate" and len(data["exchanges"]) == 2
    assert data["exchanges"][1]["level"] == "tradeoff"
