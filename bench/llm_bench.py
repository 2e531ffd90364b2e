"""The latency a model adds to one interviewer turn, with a local OpenAI-compatible server.

The server answers at once (tests/fake_models.py speaks the real wire protocol on
loopback), so the figure is storyladder's own cost: prompt, SDK, HTTP, guard.
With a real local model add its generation time.

Run: .venv/bin/python bench/llm_bench.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyladder.formats import bank as bank_files  # noqa: E402
from storyladder.interview import engine  # noqa: E402
from storyladder.llm.providers import OpenAIProvider  # noqa: E402
from storyladder.llm.resilient import Outcome  # noqa: E402
from storyladder.llm.voice import voice  # noqa: E402
from tests.fake_models import Script, serving  # noqa: E402

RUNS = 60


def turn_times(provider: OpenAIProvider | None, stories: list) -> list[float]:  # type: ignore[type-arg]
    story = next(s for s in stories if s.id == "marisol-rounding-leak")
    out = []
    for n in range(RUNS):
        session = engine.start(
            f"b{n}", "ladder", stories, "2026-11-25T10:00:00+00:00", story_id=story.id
        )
        start = time.perf_counter()
        session = engine.answer(session, story.ladder["surface"], stories)
        session = voice(session, provider, Outcome())
        out.append((time.perf_counter() - start) * 1000)
    return sorted(out)


def main() -> None:
    stories = bank_files.read(ROOT / "src" / "storyladder" / "content" / "sample_bank")
    offline = turn_times(None, stories)
    reply = "You said Marisol caught the rounding leak. What did she want from you then?"
    with serving(Script(default=reply), "openai") as url:
        with_model = turn_times(OpenAIProvider("bench", None, url), stories)
    for name, times in (("offline turn", offline), ("turn + local model", with_model)):
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"{name:<20} median {statistics.median(times):6.1f} ms   p95 {p95:6.1f} ms")
    added = statistics.median(with_model) - statistics.median(offline)
    print(f"added by the model path (server answering at once): {added:.1f} ms")


if __name__ == "__main__":
    main()
