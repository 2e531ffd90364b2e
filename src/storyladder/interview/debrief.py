"""Debrief a real interview: a meeting tool's transcript (WebVTT, SRT, or plain text with
speaker names), split into the interviewer's questions and the candidate's answers, each
question classified, each answer matched to the bank story it told (or a new one),
critiqued at its ladder level, checked for facts that drift from the bank, and the misses
turned into plan items.

    parse(text) -> list[Utterance]          a transcript with speaker names
    from_speech(text) -> list[Utterance]    a recording's transcript, which has none
    debrief(utterances, stories, company="generic", candidate=None) -> Debrief

Pure: the caller reads the file and passes the bank's stories.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from storyladder.coach import patterns
from storyladder.coach.critique import critique
from storyladder.coach.question import classify
from storyladder.coach.text import sentences
from storyladder.errors import InputError
from storyladder.interview import engine
from storyladder.interview.which_story import which_story
from storyladder.model import Story

MAX_UTTERANCES = 2_000


@dataclass(frozen=True)
class Utterance:
    speaker: str
    text: str


_TIME = re.compile(r"^\s*(?:\d+:)?\d{1,2}:\d{2}[.,]\d{3}\s*-->\s*(?:\d+:)?\d{1,2}:\d{2}[.,]\d{3}")
_VOICE = re.compile(r"^<v(?:\.[\w.-]+)?\s+([^>]+)>(.*?)(?:</v>)?$")
_NAMED = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?([A-Z][\w .'-]{0,40}?)\s*(?:\([^)]*\))?\s*:\s+(.+)$")


def parse(text: str) -> list[Utterance]:
    """The turns of a transcript: WebVTT (`<v Name>` voice tags, or `Name:` in a cue),
    SRT (numbered cues of `Name: words`), or plain lines of `Name: words` (a line without
    a name goes on with the speaker before it). Consecutive lines of one speaker join."""
    out: list[Utterance] = []
    speaker = ""
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line or line == "WEBVTT" or line.isdigit() or _TIME.match(line):
            continue
        if line.startswith(("NOTE", "STYLE", "Kind:", "Language:")):
            continue
        voice = _VOICE.match(line)
        named = _NAMED.match(line) if not voice else None
        if voice:
            speaker, words = voice.group(1).strip(), voice.group(2)
        elif named:
            speaker, words = named.group(1).strip(), named.group(2)
        else:
            words = line
        words = re.sub(r"</?[^>]+>", "", words).strip()
        if not words:
            continue
        _say(out, speaker, words)
        if len(out) > MAX_UTTERANCES:
            raise InputError(f"the transcript has more than {MAX_UTTERANCES} turns")
    if len({u.speaker for u in out}) < 2:
        raise InputError(
            "the transcript names fewer than two speakers: give it as 'Name: words' lines, "
            "WebVTT with <v Name> tags, or SRT cues that start with 'Name:'"
        )
    return out


INTERVIEWER, CANDIDATE = "Interviewer", "Candidate"
_ASKING = re.compile(  # how an interviewer's question opens, and a candidate's sentence never
    r"\s*(?:so,? )?(?:(?:can|could|would) you (?:tell|walk|describe|talk|give|share)|"
    r"tell me about|walk me through|describe a time|give me an example)\b",
    re.IGNORECASE,
)


def from_speech(text: str) -> list[Utterance]:
    """Turns from a recording's transcript, which names no speakers: a run of questions is
    the interviewer's, what follows them the candidate's. A rough split (a candidate's own
    question is taken for the interviewer's); a meeting tool's transcript with names is
    better when there is one."""
    out: list[Utterance] = []
    for s in sentences(text):
        asks = s.text.rstrip().endswith("?") or _ASKING.match(s.text)  # "?" is not always heard
        speaker = INTERVIEWER if asks else CANDIDATE
        _say(out, speaker, s.text)
    if not any(u.speaker == INTERVIEWER for u in out):
        raise InputError("no question was heard in the recording, so nothing can be debriefed")
    return out


def _say(turns: list[Utterance], speaker: str, words: str) -> None:
    """Add what a speaker said; one speaker's lines in a row are one turn."""
    if turns and turns[-1].speaker == speaker:
        turns[-1] = Utterance(speaker, f"{turns[-1].text} {words}")
    else:
        turns.append(Utterance(speaker, words))


@dataclass(frozen=True)
class Exchange:
    question: str
    answer: str
    family: str | None
    pattern: str | None
    level: str  # the ladder level the question asked at
    drill: str | None  # the drill the question belongs to, if any
    story_id: str | None  # the bank story told, or None for one not in the bank
    critique: dict[str, Any]
    drift: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.answer,
            "family": self.family,
            "pattern": self.pattern,
            "level": self.level,
            "drill": self.drill,
            "story": self.story_id,
            "new_story": self.story_id is None,
            "critique": self.critique,
            "drift": list(self.drift),
        }


@dataclass(frozen=True)
class Debrief:
    interviewer: str
    candidate: str
    exchanges: tuple[Exchange, ...]
    plan: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "interviewer": self.interviewer,
            "candidate": self.candidate,
            "exchanges": [e.to_dict() for e in self.exchanges],
            "plan": list(self.plan),
        }


_LEVEL_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (level, re.compile(cues, re.IGNORECASE))
    for level, cues in (
        (
            "worldview",
            r"\b(?:approach|do differently now|since then|principle|rule of thumb|"
            r"carry|going forward|changed how you|would you do next time)\b",
        ),
        (
            "meta_reflection",
            r"\b(?:about yourself|learn(?:ed|t)? about you|pattern|tend to|"
            r"typical of you|blind spot|say about you|how you work)\b",
        ),
        (
            "tradeoff",
            r"\b(?:cost|give up|gave up|trade-?off|price|who paid|sacrific|downside|"
            r"worth it|lose|lost)\b",
        ),
        (
            "decision",
            r"\b(?:decid|why did you|why that|options|alternative|chose|choice|"
            r"instead|what tipped|turn(?:ed)? down|the call)\b",
        ),
        (
            "context",
            r"\b(?:situation|context|who else|stakeholder|constraint|pressure|"
            r"set the scene|background|what was going on)\b",
        ),
    )
)


_DRILL_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (drill, re.compile(cues, re.IGNORECASE))
    for drill, cues in (
        ("feelings", r"\bhow did (?:that|it|you) (?:make you )?feel|\bwhat did you feel\b"),
        ("critic", r"\b(?:critic|would (?:they|your \w+|\w+) say about you|harshest)\b"),
        (
            "alternative_path",
            r"\b(?:what else could you|another way|if you had(?:n't)?|"
            r"the other (?:option|path)|differently)\b",
        ),
        (
            "values_conflict",
            r"\b(?:torn|between (?:two|your)|values? (?:clash|conflict)|"
            r"right thing)\b",
        ),
        (
            "ninety_degree",
            r"\b(?:from (?:their|the other) side|in their shoes|"
            r"what if (?:the opposite|you were))\b",
        ),
        ("five_whys", r"^\s*(?:and )?why\b"),
        ("self_awareness", r"\b(?:about yourself|blind spot|pattern in you)\b"),
    )
)


def question_drill(question: str) -> str | None:
    """The drill a question belongs to, when it is one of them (SPEC §9), else None."""
    return next((drill for drill, cue in _DRILL_CUES if cue.search(question)), None)


def question_level(question: str, first: bool) -> str:
    """The ladder level a question asks at: the first question on a story is its surface;
    a follow-up is read by what it asks for (a cost, a choice, a pattern of yours...)."""
    if first:
        return "surface"
    return next((level for level, cue in _LEVEL_CUES if cue.search(question)), "context")


def _roles(utterances: Sequence[Utterance], candidate: str | None) -> tuple[str, str]:
    speakers = list(dict.fromkeys(u.speaker for u in utterances))
    if candidate:
        if candidate not in speakers:
            raise InputError(
                f"no speaker called '{candidate}'; the speakers: {', '.join(speakers)}"
            )
        others = [s for s in speakers if s != candidate]
        return others[0], candidate
    asked = {s: sum(u.text.count("?") for u in utterances if u.speaker == s) for s in speakers}
    said = {s: sum(len(u.text.split()) for u in utterances if u.speaker == s) for s in speakers}
    interviewer = max(speakers, key=lambda s: (asked[s], -said[s]))
    candidate = max((s for s in speakers if s != interviewer), key=lambda s: said[s])
    return interviewer, candidate


def debrief(
    utterances: Sequence[Utterance],
    stories: Sequence[Story],
    company: str = "generic",
    candidate: str | None = None,
) -> Debrief:
    interviewer, me = _roles(utterances, candidate)
    by_id = {s.id: s for s in stories}
    exchanges: list[Exchange] = []
    question: str | None = None
    current: str | None = None  # the story the last answers were about
    for u in utterances:
        if u.speaker == interviewer:
            question = u.text  # (one speaker's lines in a row are already one turn)
            continue
        if u.speaker != me or question is None:
            continue
        told = which_story(u.text, stories).story_id
        info = classify(question)
        follow_up = current is not None and any(c.search(question) for _, c in _LEVEL_CUES)
        if follow_up and told is None:
            told = current  # a short reflective answer names little: it goes on the same story
        level = question_level(question, first=not follow_up or told != current)
        story = by_id.get(told) if told else None
        reading = critique(u.text, question, company, level=level, story=story)
        drift = tuple(_drift(story, u.text)) if story else ()
        exchanges.append(
            Exchange(
                question,
                u.text,
                info.family,
                info.pattern,
                level,
                question_drill(question),
                told,
                reading.to_dict(),
                drift,
            )
        )
        current, question = told, None
    if not exchanges:
        raise InputError(f"no answers by {me} to questions by {interviewer} were found")
    return Debrief(interviewer, me, tuple(exchanges), tuple(_plan(exchanges, by_id)))


def draft(result: Debrief, number: int) -> Story:
    """Exchange `number` (from 1) as a draft story, when it told one not in the bank: the
    answer sorted into STAR-L parts in the candidate's own words, the follow-ups it got as
    its ladder answers."""
    if not 1 <= number <= len(result.exchanges):
        raise InputError(f"there is no answer {number}; the debrief has {len(result.exchanges)}")
    first = result.exchanges[number - 1]
    if first.story_id is not None:
        raise InputError(f"answer {number} tells '{first.story_id}', already in the bank")
    ladder: dict[str, str] = {}
    for e in result.exchanges[number:]:
        if e.level == "surface":
            break  # the next question opened another story
        ladder.setdefault(e.level, e.answer)
    title = f"Draft from an interview: {first.question.rstrip('?.')}"
    stamp = re.sub(r"[^a-z0-9]+", "-", first.question.lower()).strip("-")[:40]
    return engine.draft_story(first.question, first.answer, title, f"draft-{stamp}", ladder)


def _drift(story: Story, answer: str) -> list[str]:
    """Facts the answer tells with other numbers than the story file does."""
    said = Story(title="in the interview", situation=answer)
    found = patterns.drifts(said, [story])
    return [
        f.replace("(revision 1: ", "(your story file, ").replace(
            "(situation)", "(in the interview)"
        )
        for f in found
    ]


def _plan(exchanges: Sequence[Exchange], by_id: dict[str, Story]) -> list[str]:
    out: list[str] = []
    for e in exchanges:
        level = e.critique.get("level") or {}
        if e.story_id is None:
            out.append(
                f'Write the story you told for "{e.question[:80]}" into your bank, from your '
                "own memory (storyladder story add)."
            )
        elif not level.get("met", True):
            title = by_id[e.story_id].title
            out.append(f"Deepen '{title}' at {e.level.replace('_', '-')}: {level.get('missing')}")
        if e.drift and e.story_id:
            out.append(f"Settle the facts of '{by_id[e.story_id].title}': {e.drift[0]}")
    return list(dict.fromkeys(out))
