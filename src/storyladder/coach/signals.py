"""What the answer shows beyond the flags: the five response principles (SPEC §4)
and the four behaviours Anthropic interviewers are reported to score (SPEC §7)."""

from __future__ import annotations

from storyladder.coach import flags as f
from storyladder.coach import lexicon as lx
from storyladder.coach.reading import Reading
from storyladder.coach.text import phrases
from storyladder.model import Signal, Span

_TIMELINE = phrases(
    lx.LOOKING_BACK,
    r"when I (?:first )?(?:noticed|realized|realised|saw|found out)",
    r"I didn't (?:notice|see|"
    r"realize|realise|catch) (?:it )?until",
    r"too late",
    r"by the time I",
    r"(?:weeks|months|"
    r"days) (?:later|before I|after)",
    r"I should have (?:seen|noticed|caught|spotted|known)",
    r"(?:early|first) (?:sign|warning|signal)s?",
    r"(?:slowly|gradually) "
    r"(?:dawned|realized)",
    r"it took me (?:\w+ ){0,3}to (?:see|notice|realize|admit)",
)
_COMPLEXITY = phrases(
    r"on the other hand",
    r"it'?s (?:more )?complicated",
    r"(?:both|neither) (?:\w+ ){0,4}"
    r"(?:and|nor)",
    r"tension",
    r"it depends",
    r"not (?:that|so) simple",
    r"(?:partly|partially) (?:right|wrong|because)",
    r"mixed",
    r"two (?:things|sides) (?:are|"
    r"were) true",
    r"at the same time",
    r"(?:right|fair) about (?:\w+ ){1,3}but",
)
_GAPS = phrases(
    r"I (?:still )?don'?t (?:yet )?know",
    r"I(?:'m| am) (?:still )?not (?:\w+ )?sure",
    r"I (?:didn'?t|did not) know",
    r"(?:I'd|I would|I'll) (?:want to )?find out",
    r"uncertain",
    r"I could be wrong",
    r"I(?:'m| am) unsure",
    r"I don'?t have (?:a|an|the) (?:good |confident )?"
    r"answer",
    r"what would (?:tell|show|convince) me",
    r"how I(?:'d| would) (?:find out|check|test)",
)
_SECOND_ORDER = phrases(
    r"(?:second|third)[- ]order",
    r"downstream",
    r"side[- ]effects?",
    r"knock-on",
    r"unintended",
    r"(?:which|that) (?:also )?meant",
    r"as a consequence",
    r"ripple",
    r"(?:didn'?t|did not) (?:predict|expect|anticipate|foresee)",
    r"(?:pushed|moved|shifted) "
    r"(?:\w+ ){0,3}(?:risk|cost|work|problem)s? (?:into|onto|to)",
    r"(?:made|makes) it "
    r"(?:harder|easier) (?:for|to)",
    r"the other (?:teams?|labs?|side)",
    r"incentive",
)
_FEELINGS = phrases(
    r"I (?:felt|was|got) (?:\w+ )?(?:embarrassed|ashamed|scared|sick|afraid|defensive|angry|"
    r"frustrated|guilty|gutted|mortified|humbled|hurt|anxious|nervous|awful|terrible|relieved|"
    r"proud|torn|exhausted|overwhelmed|furious|devastated|upset|stressed|worried)",
)


def _signal(signal_id: str, evidence: list[Span], detail_yes: str, detail_no: str) -> Signal:
    shown = bool(evidence)
    return Signal(signal_id, shown, tuple(evidence[:3]), detail_yes if shown else detail_no)


def principles(r: Reading, flagged: set[str]) -> tuple[Signal, ...]:
    """The five response principles to negatively framed questions (SPEC §4)."""
    real = [] if "humble_brag" in flagged else r.find(lx.ADMISSION) + f._costs(r)
    cost = [] if "no_cost" in flagged else f._costs(r)
    lesson = [] if {"no_learning", "neat_resolution"} & flagged else r.find(lx.LESSON)
    present = (
        []
        if "cliche_lesson" in flagged
        else r.within(lx.OPERATIONAL, *r.of("learning")) and r.find(lx.LESSON)
    )
    return (
        _signal(
            "name_the_real_thing",
            real,
            "names a real weakness or loss",
            "no real weakness or loss named; a strength in disguise reads as evasion",
        ),
        _signal(
            "own_the_timeline",
            r.find(_TIMELINE),
            "says when they noticed",
            "does not say when the problem was noticed, or how late",
        ),
        _signal(
            "show_the_cost",
            cost,
            "says what was lost and who was affected",
            "the cost and who was affected are missing",
        ),
        _signal(
            "learning_not_damage_control",
            lesson,
            "the lesson stands apart from the recovery",
            "the learning is missing or swallowed by 'it all worked out'",
        ),
        _signal(
            "connect_to_present",
            present or [],
            "the lesson shows in what they do now",
            "no change in present behaviour is described",
        ),
    )


def _gaps_owned(r: Reading) -> list[Span]:
    """ "I don't know; here is how I would find out": a gap owned, with a way to close it.
    A bare "I don't know" is no answer, not intellectual honesty."""
    gaps = r.find(_GAPS)
    if not gaps or f.gate(r) is not None or not r.find(lx.FIND_OUT):
        return []
    return gaps


def behaviours(r: Reading, flagged: set[str]) -> tuple[Signal, ...]:
    """Anthropic's four scored behaviours (SPEC §7)."""
    polish = "neat_resolution" in flagged or "humble_brag" in flagged
    return (
        _signal(
            "complexity",
            r.find(_COMPLEXITY),
            "holds the complexity open",
            "the story closes neatly; no tension or competing truths are named",
        ),
        _signal(
            "knowledge_gaps",
            _gaps_owned(r),
            "admits what they do not know",
            "no uncertainty is admitted anywhere",
        ),
        _signal(
            "second_order",
            r.find(_SECOND_ORDER),
            "reasons about effects beyond the immediate one unprompted",
            "no second-order effect is mentioned",
        ),
        _signal(
            "honesty_over_polish",
            [] if polish else r.find(lx.ADMISSION),
            "an honest admission over a polished telling",
            "reads polished: no admission of error, doubt or feeling",
        ),
    )


def feelings(r: Reading) -> list[Span]:
    return r.find(_FEELINGS)
