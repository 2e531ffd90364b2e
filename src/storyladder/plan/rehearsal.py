"""Spaced rehearsal with FSRS: each story, and each weak ladder level of a story, is a card.

Card state is derived by replaying the practice sessions in time order (keep the
events, derive the state), so changing the rating rules re-schedules history
instead of corrupting it. How an answer went becomes the rating.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from zlib import crc32

from fsrs import Card, Rating, Scheduler

from storyladder.coach.levels import readiness
from storyladder.interview.session import Session
from storyladder.model import LEVELS, Story

RATING_BY_SCORE = ((75, Rating.Easy), (60, Rating.Good), (40, Rating.Hard))
RATING_BY_HELD = ((1.0, Rating.Easy), (0.66, Rating.Good), (0.33, Rating.Hard))


@dataclass(frozen=True)
class Rehearsal:
    """One card: a story (level None) or one of its weak ladder levels."""

    key: str  # "story-id" or "story-id:level"
    story_id: str
    level: str | None
    due: datetime
    reviews: int
    stability: float | None

    def is_due(self, now: datetime) -> bool:
        return self.due <= now


def rating(score: float, pressed: bool = False, held: bool = True) -> Rating:
    """How one practised answer went, as an FSRS rating: whether it held its ladder level,
    whether the interviewer had to press, and the critique's overall score."""
    if not held:
        return Rating.Again
    if pressed:
        return Rating.Hard
    for floor, value in RATING_BY_SCORE:
        if score >= floor:
            return value
    return Rating.Hard


def story_rating(held_share: float) -> Rating:
    """How a story went in a session: the share of the levels asked that held."""
    for floor, value in RATING_BY_HELD:
        if held_share >= floor:
            return value
    return Rating.Again


def parse_time(when: str) -> datetime:
    moment = datetime.fromisoformat(when)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def reviews_of(session: Session) -> list[tuple[str, datetime, Rating]]:
    """(card key, time, rating) for every story and level practised in a session."""
    when = parse_time(session.created_at)
    pressed = {
        (t.story_id, t.level)
        for t in session.turns
        if t.role == "interviewer" and t.kind == "press"
    }
    held: dict[tuple[str, str], bool] = {}
    scores: dict[tuple[str, str], float] = {}
    for turn in session.answers:
        if not turn.story_id or not turn.critique or not turn.level:
            continue
        key = (turn.story_id, turn.level)
        judged = turn.level_judged
        ok = judged is None or bool(judged["met"])
        held[key] = held.get(key, False) or ok  # a press answered well still counts
        scores[key] = float(turn.critique["scores"]["overall"])
    out: list[tuple[str, datetime, Rating]] = []
    for (story_id, level), ok in held.items():
        if level != "surface":
            value = rating(scores[story_id, level], (story_id, level) in pressed, ok)
            out.append((f"{story_id}:{level}", when, value))
    for story_id in {s for s, _ in held}:
        levels = [ok for (s, _), ok in held.items() if s == story_id]
        out.append((story_id, when, story_rating(sum(levels) / len(levels))))
    return out


def schedule(
    stories: Sequence[Story], sessions: Sequence[Session], now: datetime
) -> list[Rehearsal]:
    """Every card of the bank with its due date, most overdue first."""
    scheduler = Scheduler(enable_fuzzing=False)
    cards: dict[str, Card] = {}
    counts: dict[str, int] = {}
    keys = {s.id: s for s in stories}
    for story in stories:  # a new story is due now; so is each level it does not hold yet
        cards[story.id] = Card(card_id=crc32(story.id.encode()), due=now)
        depth = readiness(story).depth
        for level in LEVELS[max(depth, 1) : min(depth + 2, len(LEVELS))]:
            key = f"{story.id}:{level}"
            cards[key] = Card(card_id=crc32(key.encode()), due=now)
    events = sorted(
        (e for s in sessions for e in reviews_of(s) if e[0].split(":")[0] in keys),
        key=lambda e: e[1],
    )
    for key, when, value in events:
        card = cards.get(key) or Card(card_id=crc32(key.encode()), due=when)
        cards[key], _ = scheduler.review_card(card, value, when)
        counts[key] = counts.get(key, 0) + 1
    out = []
    for key, card in cards.items():
        story_id, _, level = key.partition(":")
        out.append(
            Rehearsal(key, story_id, level or None, card.due, counts.get(key, 0), card.stability)
        )
    return sorted(out, key=lambda r: (r.due, r.key))
