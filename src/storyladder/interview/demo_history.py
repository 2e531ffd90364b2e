"""Made-up practice for the demo bank, so Progress, Today and the rehearsal schedule have
something to show on a first visit. Every session it makes has an id that begins with
`demo-` and is clearly fictional: ladder climbs on the sample stories over the last three
weeks, answered with the stories' own ladder text, thin at first and fuller later.

Pure and deterministic: the same stories and day give the same sessions.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta

from storyladder.interview import engine
from storyladder.interview.session import Session
from storyladder.model import Story

DEMO_PREFIX = "demo-"
WEEKS = 3
EVERY_DAYS = 3  # one climb every few days


def demo_sessions(stories: Sequence[Story], today: datetime) -> list[Session]:
    """Ladder climbs on the readiest sample stories, oldest first."""
    laddered = [s for s in stories if len(s.ladder) >= 4]
    if not laddered:
        return []
    days = range(WEEKS * 7, 0, -EVERY_DAYS)
    out = []
    for n, back in enumerate(days):
        story = laddered[n % len(laddered)]
        when = datetime.combine((today - timedelta(days=back)).date(), time(19, 30))
        when = when.astimezone()
        fuller = n / max(len(days) - 1, 1)  # 0 for the first climb, 1 for the last
        session = engine.start(
            f"{DEMO_PREFIX}{n:02d}-{story.id}"[:40],
            "ladder",
            stories,
            when.isoformat(),
            company="anthropic",
            story_id=story.id,
            seed=n,
        )
        while session.status == "active":
            asked = session.last_question
            assert asked is not None
            told = story.ladder.get(asked.level or "surface") or story.section("action")
            session = engine.answer(session, _as_told(told, fuller), stories, seconds=75.0)
        out.append(session)
    return out


def _as_told(text: str, fuller: float) -> str:
    """The ladder answer as a candidate practising it would say it: early on only its
    first sentence, later the whole of it."""
    sentences = [s.strip() for s in text.replace("\n", " ").split(". ") if s.strip()]
    if not sentences:
        return "I am not sure yet."
    keep = max(1, round(len(sentences) * (0.35 + 0.65 * fuller)))
    said = ". ".join(sentences[:keep])
    return said if said.endswith((".", "?", "!")) else said + "."
