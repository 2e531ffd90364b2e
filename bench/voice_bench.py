"""How fast offline transcription is: one minute of espeak-ng speech, Whisper tiny.en (the
voice extra), on this machine. Needs espeak-ng and sox.

Run: .venv/bin/python bench/voice_bench.py
"""

from __future__ import annotations

import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from storyladder.speech.transcribe import transcribe

SCRIPT = (
    "Um, in March I led the billing migration at a logistics company. I chose to move one "
    "region first, because a rollback took ten minutes. We lost invoices for a day, and I "
    "told finance that afternoon. Uh, the cost was a week of my team's time and some trust "
    "with the finance lead. Since then I run a dry run on last month's data before any "
    "migration I own, and I ask the people who use the output to read it with me. "
) * 3


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        raw, audio = Path(tmp) / "raw.wav", Path(tmp) / "minute.wav"
        subprocess.run(
            ["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(raw), SCRIPT], check=True
        )
        subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", str(audio)], check=True)
        transcribe(audio)  # loads the model once, as a long-lived server would
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            heard = transcribe(audio)
            runs.append(time.perf_counter() - start)
        speed = heard.duration / statistics.median(runs)
        print(
            f"{heard.duration:.0f} s of speech: transcribed in {statistics.median(runs):.1f} s "
            f"median ({speed:.1f}x real time), {heard.spoken.wpm:.0f} wpm heard"
        )


if __name__ == "__main__":
    main()
