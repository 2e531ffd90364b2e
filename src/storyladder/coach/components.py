"""Which STAR-L component each sentence is: cue scores, a position prior, and a Viterbi pass.

Every sentence gets a score per component from the words it uses (what a
listener hears as context, a duty, a move, an outcome or a lesson), plus a
prior from where it sits in the answer. A small combiner, trained on the tuning
authors (scripts/train_components.py), weighs those cues against a word model
(coach/nb.py) into a chance per component. A best path through the sentences then
prefers the order people tell stories in (situation, task, action, result,
learning) without forcing it: actions and results interleave, and a lesson
may come first.
"""

from __future__ import annotations

import re
from functools import cache

from storyladder.coach import caseless, nb
from storyladder.coach.lexicon import NOTE_MOVE
from storyladder.coach.logistic import log_softmax
from storyladder.coach.text import Part, counts, lower, phrases, target

ORDER = ("situation", "task", "action", "result", "learning", "other")

_I = r"(?:I|I've|I'd|I'm|I’ve|I’d|I’m)"
_I_AFTER = r"(?:|'ve|'d|'m|’ve|’d|’m)"  # _I after its "I"
# "\bI..." written "I" + _I_FIRST + "...": the same matches (the look-behind, after the "I",
# says no word character comes before it: the \b), found faster, as the regex engine then
# scans for the letter "I" in C instead of trying the pattern at every character
_I_FIRST = r"(?<!\wI)"
_PAST_MOVE = (
    r"decided|chose|proposed|wrote|built|set up|asked|called|met|told|pushed|went|spent|pulled|"
    r"started|stopped|ran|created|made|took|reached out|scheduled|sat down|talked|spoke|suggested|"
    r"recommended|rewrote|reverted|rolled|escalated|raised|flagged|paired|dug|investigated|looked|"
    r"reviewed|drafted|designed|shipped|argued|agreed|offered|organi[sz]ed|brought|gave|sent|added|"
    r"removed|tested|checked|considered|weighed|rejected|opted|went with|booked|blocked|cut|split|"
    r"moved|wrapped|shadowed|interviewed|presented|documented|negotiated|volunteered|declined|"
    r"refused|insisted|apologi[sz]ed|admitted|owned|fixed|patched|wired|automated|prototyped|"
    r"mapped|listed|compared|measured|benchmarked|traced|read|audited|replied|emailed|messaged|"
    r"pinged|invited|paused|held|delayed|postponed|challenged|questioned|pitched|convinced|"
    r"explained|showed|walked|kept|let|handed|delegated|coached|mentored|reassigned|hired|fired|"
    r"changed|replaced|tried|focused|prioriti[sz]ed|dropped|chose not|didn't|did not|went back|"
    r"came back|followed up|got|worked|drove|led|pulled in|looped in|brought in|laid out"
)

CUES: dict[str, list[tuple[re.Pattern[str], float]]] = {
    "situation": [
        (
            phrases(
                r"back in",
                r"at the time",
                r"a (?:few|couple of) (?:years|months|weeks) ago",
                r"(?:last|that|one) (?:year|spring|summer|fall|autumn|winter|quarter)",
                r"in (?:early |late |mid-)?(?:19|20)\d\d",
                r"when I (?:was|joined|started)",
                r"I had just",
                r"I(?:'d| had) been",
                r"I was (?:a|an|the|one of|working|leading|on|"
                r"running|managing|part of|new|hired|brought|about)",
                r"(?:we|they) (?:were|had)",
                r"there (?:was|were|had been)",
                r"had been",
                r"our (?:team|company|product|org|group|startup|platform|service|system)",
                r"the (?:team|company|startup|org|product|platform|context|backdrop)",
                r"(?:my|our) (?:previous|last|old|first) (?:job|company|role|team)",
                r"at (?:a|an|my|our) \w+ (?:company|startup|firm|bank|agency|lab|retailer)",
                r"was (?:growing|struggling|preparing|launching|migrating|building|running|"
                r"scaling|losing|facing|under)",
                r"reported to",
                r"a team of",
                r"(?:was|were) (?:\w+ing)",
                r"every (?:week|day|month|quarter)",
                r"we had",
                r"(?:legally|historically|usually|normally),? (?:we|the|our)",
                r"this was (?:at|in|when|during|back)",
                r"for the (?:last|past) \w+ (?:years|"
                r"months)",
                r"what happened was",
                r"I (?:worked|was working) (?:on|at|in|as)",
                r"I was on (?:a|an|the|our)",
                r"(?:the|our) (?:challenge|problem|issue) was",
            ),
            1.2,
        ),
    ],
    "task": [
        (
            phrases(
                r"my (?:job|role|task|responsibility|goal|mandate|assignment|remit|duty|part|"
                r"piece|ticket|brief|call)(?:,? \w+){0,2},? (?:was|is|=)",
                r"(?:was|were) (?:all )?mine\b",
                r"part of my (?:remit|job|role|brief)",
                r"(?:asked|wanted|needed|told|assigned|tasked) me to",
                rf"{_I} was (?:responsible|asked|tasked|in charge|supposed|expected|brought in|"
                r"assigned|given|the one|on the hook|accountable)",
                r"it was (?:on me|my job|up to me|my call|my responsibility|my decision)",
                r"the (?:goal|ask|mandate|objective|brief|plan) was",
                r"I owned",
                r"I needed to",
                r"I had to (?:decide|figure|choose|find|get|make|deliver|fix|"
                r"convince|ship|build|pick|work out|lead|either|enforce|staff|replace|sign|"
                r"approve|review|cover|handle|run|keep|hit|meet|cut)",
                r"(?:my|the) deadline",
                r"needed (?:someone|me) to",
                r"I was on the hook",
            ),
            2.0,
        ),
    ],
    "action": [
        (  # notes drop the "I": "Rolled back the picker.", "Told compliance same day."
            NOTE_MOVE,
            2.0,
        ),
        (
            re.compile(  # \b(?:{_I}|I then|...): the "I" they share first (`_I_FIRST`)
                rf"I{_I_FIRST}(?:{_I_AFTER}| then| also| first| finally| quickly| immediately)\s+"
                rf"(?:\w+ly\s+)?(?:{_PAST_MOVE})\b"
            ),
            1.6,
        ),
        (
            re.compile(  # the look-ahead only says what they begin with: a faster scan
                rf"(?=[WwTtSs])\b(?:[Ww]e|[Ww]e then|[Ww]e also|[Tt]hen we|[Ss]o we)\s+"
                rf"(?:\w+ly\s+)?(?:{_PAST_MOVE})\b"
            ),
            0.9,
        ),
        (
            phrases(
                r"what I(?:'d| would) do",
                r"I(?:'d| would) (?:\w+ )?(?:do|push|suggest|raise|loop|"
                r"document|escalate|try|insist|roll|look|ask|make|bring|start|gather|go|talk|"
                r"set|first|also|probably|just)",
                r"what I (?:usually|typically|normally) do",
                r"I (?:usually|typically|normally|always|generally) (?:\w+ )?(?:try|start|go|"
                r"make|ask|bring|do|take|push|loop)",
                r"typically I",
                r"in general,? when",
            ),
            1.4,
        ),
        (
            phrases(
                r"instead of",
                r"rather than",
                r"so I",
                r"then I",
                r"first,? I",
                r"I also",
                r"my (?:plan|proposal|approach|first move|next step)",
                r"I spent",
                r"I (?:started|began) (?:by|with)",
                r"the (?:next|following) (?:day|week|morning)",
                r"I went (?:to|back)",
                r"we agreed",
                r"I set",
                r"I'd been",
            ),
            0.8,
        ),
    ],
    "result": [
        (  # an outcome told from a later point in time: "Within three weeks, ..."
            phrases(
                r"^(?:within|in|by|over|after) (?:the )?(?:next |first |following )?(?:a|an|one|"
                r"two|three|four|five|six|\d+|week \w+|month \w+|end of)",
                r"^(?:a|one|two|three|four|six|\d+) (?:weeks?|months?|days?|quarters?) later",
                r"^(?:the|that) (?:next|following) (?:week|month|quarter|day)",
                r"I had to (?:disclose|apologi[sz]e|tell|explain|call|write)",
                r"(?:was|were) (?:around|about|roughly|up|down) (?:\d|one|two|three|four|five)",
            ),
            1.2,
        ),
        (
            phrases(
                r"as a result",
                r"the result",
                r"results? (?:was|were)",
                r"in the end",
                r"ended up",
                r"eventually",
                r"turned out",
                r"by the end",
                r"outcome",
                r"(?:we|it|they|the \w+) (?:shipped|launched|hit|missed|lost|saved|went live|"
                r"landed|worked|failed|held|recovered)",
                r"(?:dropped|fell|rose|grew|increased|decreased|reduced|improved|doubled|halved|"
                r"tripled|went down|went up|shrank|climbed) (?:by|from|to)",
                r"cost (?:us|me|the|them|him|her|a|about|roughly)",
                r"(?:was|got|were) "
                r"(?:cancel+ed|delayed|shelved|rolled back|killed|approved|adopted|promoted|"
                r"reverted|merged|accepted|rejected)",
                r"that meant",
                r"which meant",
                r"after that",
                r"afterwards",
                r"(?:a|two|three|four|six|\d+) (?:weeks?|months?|"
                r"quarters?|days?) later",
                r"to this day",
                r"never (?:fully )?recovered",
                r"we (?:never|didn't) (?:get|got|recover)",
                r"the (?:launch|release|project|"
                r"migration|rollout|deal|client|customer|team) (?:was|went|slipped|ended|"
                r"shipped|stayed|renewed|churned|left)",
                r"(?:churn|revenue|latency|errors?|"
                r"incidents?|tickets?|costs?|retention|accuracy) (?:dropped|fell|rose|went)",
                r"\d+(?:\.\d+)?\s?%",
                r"not everything",
                r"still (?:lost|missed|cost)",
                r"we lost",
                r"I lost",
                r"it took",
                r"(?:the )?(?:costs?|price|damage|impact|"
                r"downside|fallout) (?:was|were)",
                r"took the hit",
                r"cut (?:their|the|our|it)",
                r"found that",
                r"within (?:a|an|one|two|three|\d+) (?:day|week|month|hour)s?",
                r"had to (?:renegotiate|redo|rebuild|apologi[sz]e|explain|work|spend|cancel)",
                r"(?:appreciated|thanked|praised)",
                r"(?:second|third)-order",
                r"(?:worked|went) (?:fine|well|badly)",
                r"(?:we|I) (?:got|received)",
            ),
            1.3,
        ),
        (
            re.compile(
                r"^(?:But |And |So )?(?:[A-Z][a-z]+(?:-[a-z]+)?|He|She|They|The team|"
                r"Our \w+|Their \w+)(?:,[^,]+,)? (?:\w+ )?(?:agreed|found|caught|fixed|"
                r"said|told|came|renewed|left|cut|decided|pushed back|went around|took|"
                r"saw|didn[\u2019']?t|did not|was right|disagreed|refused|approved|rejected|"
                r"thanked|complained|quit|escalated)\b"
            ),
            1.0,
        ),
        (
            phrases(
                r"I (?:felt|was|got) (?:\w+ )?(?:embarrassed|sick|awful|terrible|relieved|"
                r"proud|ashamed|angry|frustrated|gutted|crushed|mortified|humbled)",
                r"(?:the|a) wrong call",
                r"charged twice",
                r"(?:was|were|came in) "
                r"(?:late|worse|wrong|slower|lower|higher)",
                r"what (?:surprised|hurt|stung) me",
                r"credibility",
                r"trust (?:with|in) me",
                r"still using",
                r"never (?:got|came|"
                r"shipped|recovered|finished)",
                r"missed (?:the|our|their)",
            ),
            1.0,
        ),
    ],
    "learning": [
        (
            phrases(
                r"I (?:learned|learnt|realized|realised|took away)",
                r"taught me",
                r"lessons?",
                r"takeaway",
                r"now I",
                r"I now",
                r"these days",
                r"since then",
                r"ever since",
                r"today I",
                r"going forward",
                r"next time",
                r"looking back",
                r"in hindsight",
                r"what I (?:do|did) (?:now|differently)",
                r"I(?:'ve| have) (?:started|learned|stopped|become|changed|come to|made it)",
                r"changed (?:how|the way|what) I",
                r"I'd do (?:it )?differently",
                r"if I (?:did|had) it (?:again|over)",
                r"if I could (?:go back|redo|do)",
                r"my (?:rule|habit|default|heuristic) (?:now|is)",
                r"made me (?:realize|see|"
                r"understand|rethink)",
                r"I (?:still|always) (?:ask|write|start|check|try|make|"
                r"run|insist|put|block|schedule|assume|bring)",
                r"what (?:it|this|that) "
                r"(?:taught|showed|told) me",
                r"the (?:bigger|real|main) (?:lesson|thing)",
                r"I try to",
                r"I make (?:a point|sure)",
                r"I(?:'m| am) (?:more|less|much more|"
                r"far more|quicker|slower)",
                r"I should have",
                r"I would have",
                r"I wish I",
                r"I (?:now )?(?:think|believe) (?:the|a|that) (?:real|right|better)",
                r"what I took from",
                r"I(?:'m| am) still not (?:\w+ )?sure",
                r"I still (?:don't|"
                r"think|wonder)",
                r"I(?:'m| am) (?:trying|learning) to",
                r"(?:any|every) \w+ "
                r"I own now",
                r"^now,?",
            ),
            2.0,
        ),
        (
            re.compile(  # \bI (?:also )?...: the "I" first (`_I_FIRST`)
                rf"I{_I_FIRST} (?:also )?(?:ask|write|run|keep|check|start|make|put|block|schedule|"
                r"insist|send|tell|treat|assume|budget|pair|review|require|default)\b"
            ),
            1.2,
        ),
    ],
    "other": [
        (
            phrases(
                r"(?:that's|what a|it's) (?:a )?(?:great|good|hard|tough|interesting) question",
                r"so,? yeah",
                r"hope that",
                r"to answer",
                r"I think",
                r"I believe",
                r"for me",
                r"I(?:'m| am) (?:drawn|excited|interested|passionate|convinced|torn|unsure|"
                r"not sure)",
                r"I want",
                r"I'd (?:want|love|like)",
                r"what (?:draws|excites|"
                r"attracts) me",
                r"mission",
                r"safety",
                r"humanity",
                r"the world",
                r"(?:anthropic|openai|meta|google|amazon|palantir)(?:'s)?\b",
                r"honestly,? I",
                r"I(?:'ve| have) (?:always|read|been (?:following|drawn|fascinated))",
                r"my (?:biggest |main |real )?(?:weakness|strength|approach|general approach)",
                r"I'd say",
                r"would (?:probably |likely )?(?:say|describe|call)",
                r"the one I'd",
                r"I(?:'m| am) (?:the kind|someone|generally|pretty|usually)",
                r"principles? I",
                r"that's (?:pretty much|roughly|really|basically) (?:the|it|"
                r"how|why|what)",
                r"(?:great|good) question",
                r"comes up a lot",
                r"I'll talk about",
                r"the (?:specific )?thing that (?:draws|stuck|stayed)",
            ),
            1.2,
        ),
    ],
}

# A part named by its label ("Situation: ...", "**Result:** ..."), as notes and bullets do.
LABELS = {
    "situation": r"situation|context|background|setting",
    "task": r"task|goal|my (?:job|role)|the ask",
    "action": r"actions?|what I did|approach|steps",
    "result": r"results?|outcome|impact",
    "learning": r"learnings?|lessons?(?: learned)?|takeaways?|reflection|since then",
}
for _component, _words in LABELS.items():
    CUES[_component].append((re.compile(rf"^\W*(?:{_words})\W*:", re.IGNORECASE), 2.5))

_PRESENT_I = re.compile(
    r"\b(?:I|we) (?:am|'m|think|believe|want|feel|find|see|do|don't|know|"
    r"like|love|care|hope|expect|would|'d)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b\w+ed\b|\b(?:was|were|had|did|went|got|made|took|told|wrote|ran|"
    r"found|saw|built|began|felt|knew|thought|left|lost|kept|said|sent|spent)\b",
    re.IGNORECASE,
)

# Log-score of moving from one component (row) to the next (column).
_FORWARD = {"situation": 1, "task": 2, "action": 3, "result": 4, "learning": 5}


def _transition(prev: str, cur: str) -> float:
    if prev == cur:
        return 0.0
    if prev == "other" or cur == "other":
        return -0.6
    step = _FORWARD[cur] - _FORWARD[prev]
    if step > 0:
        return -0.25 * step
    if (prev, cur) in {
        ("result", "action"),
        ("task", "situation"),
        ("action", "situation"),
        ("learning", "result"),
        ("learning", "action"),
    }:
        return -0.9
    return -1.6


PRIOR = 1.2


TRANSITION_WEIGHT = 0.5  # the learned order's say against the sentences' own chances


@cache
def transitions() -> dict[tuple[str, str], float]:
    """Log-score of moving from one component to the next: how the tuning authors really
    order their answers (counted by scripts/train_components.py) when that is shipped, else
    the order set by hand above."""
    data = nb.shipped_data()
    learned = data.get("transitions") if data else None
    if not learned:
        return {(p, c): _transition(p, c) for p in ORDER for c in ORDER}
    return {(p, c): TRANSITION_WEIGHT * learned[p][c] for p in ORDER for c in ORDER}


_PEAKS = {"situation": 0.05, "task": 0.2, "action": 0.5, "result": 0.75, "learning": 0.95}


def _prior(component: str, position: float) -> float:
    """Where in an answer each part tends to sit (position 0 = first sentence, 1 = last)."""
    if component == "other":
        return -0.8
    return -PRIOR * abs(position - _PEAKS[component])


def _step(weight: float, n: int) -> float:
    """What a cue of `weight` found `n` times adds to its component's score."""
    return weight * min(n, 2) ** 0.7 if n else 0.0


# each component's cues' steps for 0, 1 and 2 or more matches, made once (as `_step` makes
# them), in ORDER: `emission` adds them, cue by cue, in the order of `cue_rows`
_STEPS = [
    (component, [tuple(_step(weight, n) for n in range(3)) for _, weight in CUES[component]])
    for component in ORDER
]


def cue_rows() -> list[tuple[re.Pattern[str], float]]:
    """Every cue pattern with its weight, component by component in ORDER."""
    return [row for component in ORDER for row in CUES[component]]


def cue_counts(parts: list[Part], lowered: str) -> list[list[int]]:
    """How often each cue (`cue_rows`) matches in each sentence of an answer (`parts`, the
    answer lowercased): each pattern counted in every sentence at once (`text.counts`)."""
    by_cue = [counts(pattern, parts, lowered) for pattern, _ in cue_rows()]
    return [list(row) for row in zip(*by_cue, strict=True)] if by_cue else [[] for _ in parts]


def emission(
    sentence: str, position: float, mission: bool, found: list[int] | None = None
) -> dict[str, float]:
    """How much each component fits one sentence, before the sequence is taken into account
    (`found`: how often each cue matches in it, from `cue_counts`; counted here if None)."""
    scores = {}
    if found is None:  # the cues counted here
        lowered = lower(sentence)
        found = [len(p.findall(target(p, sentence, lowered))) for p, _ in cue_rows()]
    k = 0
    for component, steps in _STEPS:
        score = _prior(component, position)
        for step in steps:
            n = found[k]
            k += 1
            score += step[n if n < 2 else 2]
        scores[component] = score
    present = caseless.found(_PRESENT_I, sentence)
    past = caseless.found(_PAST, sentence)
    if present and not past:
        scores["other"] += 0.8
        scores["learning"] += 0.4
        scores["situation"] -= 0.4
    if past and not present:
        scores["other"] -= 0.6
        scores["learning"] -= 0.3
    if mission:
        scores["other"] += 1.2
    return scores


NB_SCALE = 5.0  # the word model's log chances, brought to the cues' range
BETA = 0.2  # the word model's weight against the cues before training (the hand setting)


def features(
    sentence: str,
    position: float,
    mission: bool,
    model: nb.Model | None,
    found: list[int] | None = None,
) -> list[float]:
    """What the combiner reads for one sentence: 1, the cue score of each component, and
    the word model's log chance of each component (`found` as for `emission`)."""
    cues = emission(sentence, position, mission, found)
    words = model.log_probs(nb.features(sentence, position)) if model is not None else {}
    return [
        1.0,
        *(cues[c] for c in ORDER),
        *(max(words.get(c, -20.0), -20.0) / NB_SCALE for c in ORDER),
    ]


def hand_weights() -> list[list[float]]:
    """The combiner as a person would set it: each component's own cues, plus BETA of what
    the words say. Training starts here and is pulled back toward it."""
    size = 1 + 2 * len(ORDER)
    rows = []
    for k in range(len(ORDER)):
        row = [0.0] * size
        row[1 + k], row[1 + len(ORDER) + k] = 1.0, BETA * NB_SCALE
        rows.append(row)
    return rows


@cache
def shipped_weights() -> list[list[float]]:
    model = nb.shipped_data()
    return model["combine"] if model and "combine" in model else hand_weights()


NEVER = -30.0  # the log chance of a component a sentence cannot be
# a note that opens on a state or a need rather than a move ("Needed sign-off by Friday.",
# "Was asked to lead it."): it may be the task
_NOTE_STATE = re.compile(
    r"^(?:[-*•]\s*)?(?:Was|Were|Had|Needed|Wanted|Did not|Didn't|Felt|Knew|Thought|Seemed|"
    r"Looked|Got|Expected|Meant|Supposed|Tasked|Asked|Assigned|Owned|Inherited)\b"
)


def tag(
    sentences: list[str],
    mission: bool = False,
    model: nb.Model | None = None,
    weights: list[list[float]] | None = None,
    parts: tuple[list[Part], str] | None = None,
) -> list[str]:
    """The most likely component of each sentence, in order. With `parts` (the sentences as
    parts of the answer, `text.parts_of`, and the answer lowercased), each cue pattern is
    counted in every sentence at once; the tags are the same."""
    if not sentences:
        return []
    model = model or nb.shipped()
    weights = weights or shipped_weights()
    n = len(sentences)
    found = cue_counts(*parts) if parts is not None else [None] * n
    rows = []
    for i, sentence in enumerate(sentences):
        position = i / (n - 1) if n > 1 else 0.5
        chances = log_softmax(weights, features(sentence, position, mission, model, found[i]))
        row = dict(zip(ORDER, chances, strict=True))
        if NOTE_MOVE.match(sentence.lstrip()) and not _NOTE_STATE.match(sentence.lstrip()):
            row["task"] = NEVER  # "Implemented the retry queue.": a move made, never the job given
        rows.append(row)
    # the best path, with each component's moves in from every other in a table made once
    # (the first of equal scores wins, as max() picks it)
    into = _moves_into()
    best = [dict(rows[0])]
    back: list[dict[str, str]] = []
    for row in rows[1:]:
        scores, pointers = {}, {}
        before = best[-1]
        for cur, moves_in in into:
            prev, top = "", 0.0
            for p, move in moves_in:
                score = before[p] + move
                if not prev or score > top:
                    prev, top = p, score
            scores[cur] = top + row[cur]
            pointers[cur] = prev
        best.append(scores)
        back.append(pointers)
    last = max(ORDER, key=lambda c: best[-1][c])
    path = [last]
    for pointers in reversed(back):
        path.append(pointers[path[-1]])
    return list(reversed(path))


@cache
def _moves_into() -> tuple[tuple[str, tuple[tuple[str, float], ...]], ...]:
    """For each component, every component it may follow with the move's log-score."""
    moves = transitions()
    return tuple((cur, tuple((p, moves[p, cur]) for p in ORDER)) for cur in ORDER)
