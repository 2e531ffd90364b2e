"""What an experienced values interviewer would flag in one answer.

Each detector reads the shared facts of a Reading and returns the evidence (spans
of the candidate's own words) when its flag applies, or None. Detectors for an
absence ("no cost named") point at the part of the answer where the missing
thing belonged. The flag's meaning, severity and advice live in content/flags.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from storyladder import taxonomy
from storyladder.coach import caseless
from storyladder.coach import lexicon as lx
from storyladder.coach.gate import Gate, not_an_answer
from storyladder.coach.levels import carried_forward, present_habit
from storyladder.coach.reading import PAST_VERB, Reading
from storyladder.coach.text import find, lower, parts_of, phrases, word_count
from storyladder.model import Sentence, Span

Evidence = list[Span] | None
Detector = Callable[[Reading], Evidence]


def told_story_signs(r: Reading) -> int:
    """How many of the seven signs of a told, owned story the answer shows (flags.yaml)."""
    return sum(
        (
            len(r.quantities) >= limit("no_numbers", "numbers"),
            bool(r.names or r.role_credits),
            bool(_costs(r)),
            bool(r.find(lx.LESSON) or lesson_told(r)),
            bool(r.find(lx.REASON) or r.find(lx.ALTERNATIVE)),
            len(r.find(lx.I_SUBJECT)) >= limit("we_not_i", "i_subjects"),
            any(not lx.negated(r.text, h) for h in r.find(lx.ADMISSION)),  # not "wasn't my fault"
        )
    )


def limit(flag_id: str, name: str) -> float:
    """A number a detector reads, from flags.yaml (where its `when` text quotes it too)."""
    return taxonomy.load().flag(flag_id).limit(name)


def _whole(r: Reading) -> list[Span]:
    return [Span(s.start, s.end, s.text) for s in r.sentences[-1:]]


def _sentences_of(r: Reading, *names: str) -> list[Span]:
    return [Span(s.start, s.end, s.text) for s in r.of(*names)]


# -- ownership -------------------------------------------------------------------


def we_not_i(r: Reading) -> Evidence:
    """Sentences whose subject is "we" where the candidate's own part is told: the doing
    is all "we", and "I" is hardly ever the one who acts. "We" for team context beside an
    "I" who acts ("I suggested we add a retry queue") is fine."""
    if not r.story:
        return None
    told = r.of("action", "result", "task")
    we_only = [s for s in told if _WE_OPENS.search(s.text) and not r.within(lx.I_SUBJECT, s)]
    mine = [s for s in told if r.within(lx.I_SUBJECT, s)]
    deeds = sum(len(_WE_OPENS.findall(s.text)) for s in we_only)
    enough = len(we_only) >= limit("we_not_i", "we_sentences")
    if (enough and len(we_only) > len(mine)) or (deeds >= 2 and not mine):
        return [h for s in we_only for h in r.within(_WE_SUBJECT, s)][:6]
    return None


# "We" as the one who did it: "we" before a past-tense verb ("we rewrote it", "the action we
# took"); "I suggested we add a queue" tells a proposal of mine, not a deed of ours
_WE_SUBJECT = re.compile(r"\b(?:[Ww]e|[Oo]ur team|[Tt]he team|[Mm]y team)\b")
# "we" (or the team) at the start of a clause
_WE_START = (
    r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=- )|[,;:]\s+(?:and |then |so )?|\b(?:[Aa]nd|[Tt]hen|[Ss]o) )"
    r"(?:[Ww]e|[Oo]ur team|"
    r"[Tt]he team|[Mm]y team|[Ee]veryone)\b"
)
_WE_OPENS = re.compile(_WE_START + r"(?! (?:agreed|liked|loved|approved))")
# ...doing a piece of the work: not a state ("we were short-staffed", "we had 400 staff"),
# not a thing done to us ("we received a warning"), not a loss or a call ("we missed the
# date", "we wrote off $2M", "we decided"): the work others are owed credit for
_WE_DID = re.compile(
    _WE_START + r"(?:,? \w+ly| all| just| also| then| really| both)?"
    r" (?!(?:agreed|liked|loved|approved|were|was|are|had|have|got|received|faced|needed|"
    r"wanted|lost|owed|learned|heard|felt|knew|saw|found out|ended up|only found|missed|"
    r"wrote off|ate|paid|slipped|dropped|cancel+ed|failed|decided)\b)"
    r"(?:\w+ed|went|took|made|built|sat|ran|set|wrote|did|put|kept|spent|found|brought|held|"
    r"chose|cut|began|gave|told|sent|split|stood|caught|shipped|rebuilt|rolled|pulled|drew|"
    r"dug|rewrote|redid|won|hit|led|moved|fixed|tested|paired|shut)\b"
)
_NEXT_TIME = phrases(
    lx.LOOKING_BACK,
    lx.NOW_PRACTICE,
    r"these days",
    r"differently",
    r"if I (?:did|could|had) "
    r"(?:it|that|this) (?:again|over)",
    r"I'd redo",
    r"I would redo",
    r"going forward",
)
_PAST_MOVE = re.compile(  # "I" or, as chat types it, "i" (\b[Ii]: the letter first, a faster scan)
    r"[Ii](?<!\w[Ii]) (?:\w+ly )?"
    r"(?:decided|chose|proposed|wrote|built|asked|called|met|told|pushed|went|"
    r"spent|pulled|started|stopped|ran|created|made|took|reached|scheduled|sat|talked|spoke|"
    r"suggested|recommended|rewrote|reverted|rolled|escalated|raised|flagged|paired|dug|"
    r"reviewed|drafted|designed|shipped|argued|agreed|offered|brought|gave|sent|added|tested|"
    r"checked|considered|rejected|opted|declined|refused|insisted|apologi[sz]ed|admitted|"
    r"fixed|missed|skipped|ignored|approved|moved|cut|let|kept|had|was|did|didn't|got|set)\b"
)


_MOVE_MADE = re.compile(  # a move or duty of the candidate's, not a state ("I was", "I had")
    r"\b[Ii] (?:\w+ly )?(?:decided|chose|proposed|wrote|built|asked|called|told|pushed|pulled|"
    r"started|stopped|suggested|recommended|rewrote|reverted|rolled|escalated|raised|flagged|"
    r"drafted|designed|shipped|argued|refused|insisted|apologi[sz]ed|admitted|fixed|"
    r"approved|cut|opted|declined|rejected|offered|sent|found|noticed|discovered|spotted|"
    r"caught|owned)\b|\b[Ii] (?:had|needed) to\b|"
    r"\bwe,? (?:\w+ly )?(?:had to|told|decided|went back)\b"  # the team's first move ends it too
)


TRAIT_PATTERNS = ("inverted_positive", "third_person")  # questions about a trait, not a decision
NEGATIVE_ASKS = ("direct_negative", "inverted_positive", "counterfactual")  # in so many words


def hypothetical(r: Reading) -> Evidence:
    if not r.story or not r.question.asks_past:
        return None
    # what they would do next time is a lesson, not a hypothetical answer
    would = [
        h
        for h in r.find(_WOULD)
        if not r.within(_NEXT_TIME, r.sentence_at(h.start))
        and not _REPORTED.search(r.text[max(0, h.start - 30) : h.start])
    ]
    past_moves = sum(_moves(r))
    # after a moment told, advice in the closing sentence is the maxim offered as its lesson
    # (cliche_lesson's to name)
    told = past_moves and len(r.sentences) >= 3
    closing = r.sentences[-1].start if told else len(r.text)
    would += [h for h in r.find(_ADVICE) if h.start < closing]
    if len(would) < 2:
        return None
    # an episode told (two moves or more) is hypothetical only when the would-talk outweighs it
    if past_moves < 2 or len(would) > past_moves:
        return would[:5]
    return None


# "I said I'd look into it": what was said or planned then, not what one would do
_REPORTED = re.compile(
    r"\b(?:said|told \w+|promised(?: \w+)?|agreed|decided|figured|thought|knew|guessed|wrote|"
    r"warned \w+|assured \w+)(?: that)?\s*$",
    re.IGNORECASE,
)
_ADVICE = phrases(  # advice to the listener instead of an episode
    r"you (?:should|have to|need to|must|want to|gotta|ought to)(?: always| never)?",
    r"(?:always|never) (?:\w+ ){0,2}(?:make sure|remember|forget|assume)",
)
_WOULD = phrases(
    r"I(?:'d| would)(?! have| never| not| rather| say| argue| probably say| already| just| still"
    r"| pick| choose| go with| point to| mention| share| start with| talk about| tell| like to"
    r"| \w+ed\b| been| done| gone| taken| set| had| got| seen| made| told| built| written| spent"
    r"| lost| left| used| put| run| known| thought| felt| heard| found| cut| \w+ly \w+ed\b)",
    r"what I(?:'d| would) do",
    r"I (?:usually|typically|generally|normally|tend to|always try)",
    r"in (?:that|those|such|a) "
    r"(?:kind of )?(?:situation|case)s?",
    r"my (?:general )?approach (?:is|would be)",
    r"what I (?:usually|typically|generally) do",
    r"(?:typically|usually|generally),? I",
    r"I try to",
    r"if (?:it|that|something) (?:happens|came up|comes up|crossed)",
    r"usually,? (?:we|I|when|what)",
    lx.SENTENCE_START + r"(?:usually|typically|generally|normally)",  # "Usually start by..."
    r"I (?:just )?always(?! \w+ed\b)",
    r"(?:we|I) (?:usually|typically|generally|normally) \w+",
    r"if I (?:realized|noticed|found|saw|got|had|were|was)",
    r"the first thing I(?:'d| would) do",
)


def blame(r: Reading) -> Evidence:
    if not r.story:
        return None
    # "it wasn't really his fault, it was mine" denies the blame it names
    blamed = [
        h
        for h in r.find(_BLAME) + r.find(_JUDGED)
        if not lx.negated(r.text, h) and not _self_judged(r, h)
    ]
    weak = r.find(_BLAME_WEAK)
    if len(weak) >= 2:
        blamed += weak
    if not blamed:
        return None
    if r.find(_OWN):
        return None
    return blamed[:4]


_SELF_JUDGED = re.compile(r"\b(?:it|I|mine|my \w+)\s*$", re.IGNORECASE)
_DENIED = re.compile(r"\b(?:fault|mistake|on (?:me|us))\b")  # "it was not my fault" shifts it
_CONDITION = re.compile(r"\b(?:if|unless)(?: [\w']+){1,3}\s*$", re.IGNORECASE)
_TOLD_ME = re.compile(r"\b(?:told|tells|telling) me\b", re.IGNORECASE)
_SELF_SUBJECT = re.compile(  # "I really don't", "I'd heard it for years and didn't"
    r"\b(?:I|we|you)(?: \w+)?\s*$|\b(?:I|we)\b[^,;.]{0,60}\band\s*$", re.IGNORECASE
)


def _self_judged(r: Reading, hit: Span) -> bool:
    """'The analysis was correct and it was useless', 'I nod when I don't understand', 'she
    told me my plan was sloppy': one's own work or self judged, not others; "if they don't
    listen": a condition, no charge."""
    said = hit.text.lower()
    sentence = r.sentence_at(hit.start)
    if _TOLD_ME.search(r.text, sentence.start, hit.start):
        return True  # "a PM told me my ranges were so wide they were useless": feedback heard
    if said.startswith(("was ", "were ", "is ", "are ")) and not _DENIED.search(said):
        return bool(_SELF_JUDGED.search(r.text, 0, hit.start))
    if said.startswith(("never ", "don", "didn", "did not")):
        before = max(sentence.start, hit.start - 80)
        # "if the pharmacies don't get it, patients wait": a condition, not a charge
        return bool(
            _SELF_SUBJECT.search(r.text, before, hit.start)
            or _CONDITION.search(r.text, before, hit.start)
        )
    return False


_JUDGED = phrases(  # a third party judged rather than a share owned
    r"(?:they|he|she|the \w+|those guys|management|leadership) (?:was|were|are|is) (?:just |so |"
    r"really |totally |completely |honestly |kind of |sort of |a bit ){0,2}(?:incompetent|lazy|"
    r"useless(?! to| for)|clueless|sloppy|entitled|impossible|toxic|stupid|hopeless|a joke|"
    r"the problem)",
    r"one of those (?:people|customers|managers|guys)",
    r"(?:they|he|she|management|leadership|the \w+ team)(?: at that time| then)? (?:had|have|has) "
    r"(?:no|very little|little) (?:idea|clue|understanding|grasp)\b",
    r"(?:didn'?t|did not) (?:really |even )?(?:listen|care)\b",
    r"(?:they|he|she|management|leadership) (?:weren't|wasn't|were not|was not) (?:really |even )?"
    r"listening",
    r"(?:never|don'?t) (?:listen|understand|care|get it(?! (?:back|up|down|done|right|out|in|to|"
    r"through|over|on|off|fixed|working|approved|signed|from|for)\b))",
)
_OTHER_PARTY = (
    r"(?:they|he|she|management|leadership|the vendor|the carrier|product|the client|the customer|"
    r"the other team|their team|sales|marketing|legal|ops|the business|my manager|the director|"
    r"the (?:pm|product manager|vp|ceo|lead|designer)|the \w+ team|nobody|no one|everyone else)"
)
_FAILED_DUTY = (
    r"listen(?:ed)?|tell|told|follow(?:ed)?|read|care|cared|bother(?:ed)?|respond(?:ed)?|"
    r"deliver(?:ed)?|own(?:ed)?|test(?:ed)?|communicate[d]?|warn(?:ed)?|share[d]?|flag(?:ged)?|"
    r"inform(?:ed)?|show(?:ed)? up|document(?:ed)?|give us|gave us|stick to|do (?:their|his|her)"
    r" (?:job|part)|ask(?:ed)? (?:engineering|us|me)|consult(?:ed)?|act(?:ed)?"
)
# another party that a fault can be put on ("that was on the hw team"), not a thing ("it was
# on the roadmap", "the root cause was in the config")
_PARTY = (
    r"(?:the|their) (?:\w+ team|devs|developers|engineers|vendor|supplier|contractor|client|"
    r"customer|agency|carrier|partner|pm|manager|director|business|other side|sales|marketing)"
)
_BLAME = phrases(  # said by themselves, these put it on someone else
    r"(?:was|is) (?:really |totally |entirely |all |just )?(?:his|her|their|management's|"
    r"leadership's) (?:fault|problem)",
    r"(?:fault|failure|problem),? not (?:mine|ours)",
    r"(?:wasn't|was not|isn't|not) (?:really )?(?:my|our|a) (?:fault|mistake)",
    r"(?:wasn't|was not) (?:really )?on (?:me|us)",
    r"(?:wasn't|was not|isn't|not) (?:really )?(?:a )?(?:mistake|failure) on my (?:side|part|end)",
    r"(?:their|his|her) fault",
    r"if (?:they|he|she|the \w+|management|leadership)(?:'d| had| "
    r"would have) (?:just |actually )?(?:listened|followed|told|given|done|asked)",
    r"outside (?:of )?my control",
    r"let us down",
    r"(?:set (?:me |us )?up) to fail",
    r"(?:threw|thrown|throw|throws) (?:me|us|my team) under the bus",
    r"(?:I|we) (?:was|were|got|had been) thrown under the bus",
    r"(?:wasn't|was not|isn't) (?:much|a lot|anything) (?:more )?(?:I|we|anyone) (?:on my side )?"
    r"could (?:have )?do(?:ne)?",
    r"(?:don't|do not) think there was (?:much|a lot|anything) (?:more )?(?:I|we) could (?:have )?"
    r"do(?:ne)?",
    r"nothing (?:more )?I could have done",
    r"(?:was|were) (?:honestly |really |also |just |pretty |so |totally ){0,2}(?:sloppy|"
    r"incompetent|careless|useless(?! to| for)|lazy|disorgani[sz]ed|clueless|unprofessional)",
    r"none of (?:that|this) would have happened if",
    r"the real problem was (?:the|their|his|her)"
    r"[^.]{0,60}not me",
    r"(?:it was|that was) (?:the|their) (?:execution|team) that",
    r"(?:nobody|no one) (?:on (?:their|the other) side )?(?:bothered|thought|cared) to",
    r"just didn't follow",
    r"(?:wasn't|was not|isn't) (?:really )?anyone's fault",
    r"(?:should have been|could have been) (?:caught|spotted|fixed|handled) (?:on|by) (?:their|the "
    r"other|another)",
    r"(?:nothing|little) to do with me",
    r"set up for (?:us|me) to succeed",
    r"unrealistic (?:deadline|timeline|expectations|date)",
    r"impossible to work with",
    r"(?:the )?problem was (?:on )?(?:his|her|their) (?:side|end)",
    r"(?:was|were|is|are),? (?:(?:frankly|honestly|quite|simply|clearly|just|really|speaking|kinda|"
    r"kind of|pretty|a bit|so|totally|completely|very|in my (?:view|opinion)),? ){1,3}"
    r"(?:not (?:very )?(?:competent|capable|organi[sz]ed|serious|professional)|incompetent|"
    r"careless|sloppy|lazy|clueless|unprofessional)",
    r"(?:was|were) (?:\w+ )?(?:not up to the job|out of (?:his|her|their) depth)",
    r"(?:that|it|this)(?: one)?(?:'s| was| is) (?:really |honestly |all |entirely |mostly )?on "
    rf"(?:them|him|her|{_PARTY}|management|leadership)\b",
    rf"(?:root cause|the cause) was (?:completely |entirely |all )?(?:at|with|on) {_PARTY}\b",
)
_BLAME_WEAK = phrases(  # these count only when there are two or more
    rf"{_OTHER_PARTY} (?:just |simply |also |even |basically |actually )?(?:didn't|did not|never|"
    rf"failed to|refused to|wouldn't|would not) (?:even |really )?(?:{_FAILED_DUTY})",
    r"(?:wasn't|was not|isn't|is not) (?:really )?my (?:job|problem|place) to",
    r"typical of (?:that|them|him|her|management|leadership)",
    r"predictable",
    r"(?:nobody|no one) (?:is|was|were) (?:ever |really )?(?:held )?accountable",
    r"(?:a )?(?:management|leadership) (?:failure|problem)",
    r"(?:I was|I've been|I had been) (?:\w+ )?prov(?:ed|en) right",
    r"box-?ticking",
    r"(?:concerns|views|warnings|objections) (?:were|was) (?:not|never|simply not) listened to",
    rf"{_OTHER_PARTY} (?:had|have|has) never (?:worked|done|run|used|set foot)",
    r"(?:making|made) the (?:call|decision) (?:had|have) never",
    rf"{_OTHER_PARTY} (?:just )?(?:didn't|did not|don't|doesn't|never) (?:really )?respect",
    rf"{_OTHER_PARTY} (?:kept|keeps) changing",
    r"changed (?:their|his|her) minds?",
    r"the real problem was (?:the|their|his|her)",
    r"went along with whatever",
    r"predictably",
    r"(?:it|that) was (?:the|their|his|her) (?:call|decision|problem)",
    r"sure enough",
    r"(?:exactly )?(?:the (?:kind of )?thing|what) I(?:'d| had) warned",
    r"I told (?:them|you|him|her|everyone) so",
    r"proved (?:that )?I was right",
    r"proved my point",
    r"(?:was|were) really about (?:the|their|his|her)",
    r"on their side",
    r"(?:that's|that is) (?:management|leadership|corporate|them|him|her) for you",
    r"not (?:really )?possible to do (?:more|anything(?: else)?) (?:from|on) (?:our|my) side",
    r"(?:basically |just |completely )?ignored (?:me|us|my|our)",
    r"some people just (?:aren't|don't|can't|won't)",
    r"(?:finally|eventually) listened to (?:me|us)",
)
_OWN = phrases(
    lx.OWNING,
    lx.HINDSIGHT,
    r"(?<!n't )(?<!nt )(?<!not )(?<!n't really )(?<!not really )"
    r"(?:my|our) (?:fault|mistake|share|bad|responsibility)",
    r"I (?:made|own|owned|take|took) (?:a |the |full |my )?"
    r"(?:mistake|responsibility|blame|share|part)",
    r"I (?:failed|forgot|missed|"
    r"ignored|skipped|didn't (?:push|check|ask|test|raise|catch|notice|see|flag|escalate))",
    r"I (?:hadn't|had not|never) (?:checked|asked|tested|raised|considered|weighed|thought)",
    r"my (?:own )?(?:share|part) (?:was|of|in)",
    r"I contributed",
    r"I was the one who(?: had)? (?:\w+ )?(?:written|wrote|made|built|signed|chose|approved|"
    r"designed|set|picked|decided)",
    r"(?:it|that) was (?:all )?mine",
    r"(?:a |some |much |most |part )?(?:part|share) of (?:it|this|that) (?:is|was) mine",
    r"I own(?:ed)? (?:that|it|my)",
    r"I (?:also )?(?:made|let) (?:it|things) worse",
    r"I'd (?:silenced|ignored|skipped|missed)",
    r"(?:on|from) my (?:side|end),? I",
    r"I was too",
    r"I was the one who (?:missed|broke|caused|made the|shipped|approved|signed|pushed|decided)",
)


# -- structure -------------------------------------------------------------------


def too_long(r: Reading) -> Evidence:
    if r.seconds <= limit("too_long", "seconds"):
        return None
    most = int(limit("too_long", "seconds") / 60 * r.wpm)
    count, cut = 0, len(r.text)
    for s in r.sentences:
        count += len(s.text.split())
        if count > most:
            cut = s.start
            break
    return [Span(cut, len(r.text), r.text[cut:])] if cut < len(r.text) else _whole(r)


def situation_too_long(r: Reading) -> Evidence:
    if not r.story or r.question.pattern in TRAIT_PATTERNS:
        return None  # a weakness answer opens by describing the trait, not a setting
    # the set-up: the sentences heard as situation, or all that comes before the candidate's
    # first duty or move if that is more (an opening that never gets to the point), leaving
    # out what was heard as an outcome or as talk around the answer ("um, okay, I have one")
    # (a sentence where "I" makes a move ends it, whatever it was heard as)
    first = next(
        (
            i
            for i, s in enumerate(r.sentences)
            if s.component in ("task", "action") or _MOVE_MADE.search(s.text)
        ),
        None,
    )
    before = [
        s
        for s in (r.sentences[:first] if first is not None else [])
        if s.component not in ("result", "other")
    ]
    told = [s for s in r.of("situation") if first is None or s.start < r.sentences[first].start]
    if sum(word_count(s.text) for s in told) >= sum(word_count(s.text) for s in before):
        before = told
    words = sum(word_count(s.text) for s in before)
    seconds = words / r.wpm * 60
    # a share too large counts only past the self-check's aim: a set-up said in under 30 s
    # is never too long, even in a short answer
    too_much = words / max(r.words, 1) > limit("situation_too_long", "share")
    if seconds > limit("situation_too_long", "seconds") or (
        too_much
        and r.words >= limit("situation_too_long", "min_words")
        and seconds > limit("situation_too_long", "aim_seconds")
    ):
        return [Span(s.start, s.end, s.text) for s in before]
    return None


def no_result(r: Reading) -> Evidence:
    """The answer never says how it turned out. A trait described is not asked for one."""
    if not r.story or r.question.pattern in TRAIT_PATTERNS:
        return None
    if r.of("result") or r.find(_OUTCOME) or _costs(r):
        return None
    return _whole(r)


_OUTCOME = phrases(
    r"in the end",
    r"ended up",
    r"as a result",
    r"turned out",
    r"the result",
    r"eventually",
    r"(?:we|it|they) (?:shipped|launched|went live|hit|missed|lost|saved|recovered)",
    r"(?:dropped|fell|rose|grew|increased|decreased|reduced|improved|doubled|halved) (?:by|"
    r"from|to)",
    r"never (?:recovered|shipped|launched)",
    r"was (?:cancel+ed|delayed|shelved)",
    # nothing moved, or it was handed on: an outcome all the same
    r"(?:didn't|did not|never|wouldn't|would not) (?:really )?(?:change|budge|reverse|move)",
    r"nothing (?:really )?changed",
    r"took (?:the )?(?:necessary )?action|took it from there",
    r"(?:didn't|did not|never) hear (?:much |anything )?(?:more|back)",
    r"I(?:'m| am) (?:much |a lot |a bit |far |way )?better (?:at it|at that|now)",
    r"(?:it|that|this) (?:worked|helped|stuck)",
    r"that was that",
)


def no_learning(r: Reading) -> Evidence:
    """No lesson anywhere. Asked about a trait, an answer that offers a virtue as the
    weakness is humble_brag's to name: the lesson it lacks is not asked again."""
    if not r.story:
        return None
    if r.find(lx.LESSON) or lesson_told(r) or _closing_habit(r):
        return None
    about_oneself = r.question.pattern in TRAIT_PATTERNS or r.question.family == "self_awareness"
    if about_oneself and humble_brag(r):
        return None
    if _closes_on_a_rule(r):  # a platitude for a lesson is cliche_lesson's to name
        return None
    return _whole(r)


def _closes_on_a_rule(r: Reading) -> bool:
    """Is the answer's last sentence a general rule rather than part of the story
    ("Sometimes you have to put the customer first.", "Trust your instincts.")? Nothing in it
    happened, and it speaks of anyone, always."""
    if len(r.sentences) < 2:
        return False
    last = r.sentences[-1].text
    happened = any(m.lower() not in _PRESENT_TOO for m in PAST_VERB.findall(last))
    return not happened and bool(_GENERAL_RULE.search(last))


_PRESENT_TOO = frozenset({"put", "set", "need", "feed", "speed", "proceed", "exceed", "succeed"})
_GENERAL_RULE = re.compile(
    r"^\W*(?:trust|always|never|don't|do not|be|keep|listen|know|put)\b|"
    r"\byou (?:just )?(?:have to|has to|need to|needs to|should|must|can't|cannot|gotta)\b|"
    r"\b(?:sometimes|always|never|everyone|everybody|nobody)\b",
    re.IGNORECASE,
)


def lesson_told(r: Reading) -> list[Span]:
    """A lesson told as a practice kept or a self-insight, in the closing sentences or those
    read as learning: the level judge's worldview and meta-reflection cues (read once)."""
    if "lesson_told" in r.memo:
        found: list[Span] = r.memo["lesson_told"]
        return found
    cut = _closing_start(r)
    parts = [s for i, s in enumerate(r.sentences) if i < cut and s.component == "learning"]
    if cut < len(r.sentences):
        last = r.sentences[max(cut, 0)]
        parts.append(Sentence(last.start, len(r.text), r.text[last.start :], "learning"))
    out: list[Span] = []
    spans = [Span(s.start, s.end, s.text) for s in parts]
    for part in parts_of(r.text, spans, r.lowered):  # read with the answer's word index
        found = carried_forward(part.text, (part, r.lowered))
        out += [Span(h.start + part.start, h.end + part.start, h.text) for h in found]
    r.memo["lesson_told"] = out
    return out


def _closing_start(r: Reading) -> int:
    """The index of the first of the closing sentences, where a lesson is told: the last 40%
    of the answer, and at least its last two sentences."""
    return len(r.sentences) - max(2, round(len(r.sentences) * 0.4))


def _closing_habit(r: Reading) -> bool:
    """A closing sentence the word model reads as the lesson that tells a habit of one's own
    in the present ("I rehearse on production hardware, even when it costs a weekend.")."""
    closing = r.sentences[max(_closing_start(r), 0) :]
    return any(s.component == "learning" and present_habit(s.text) for s in closing)


def scripted(r: Reading) -> Evidence:
    """STAR labels, callbacks or filler formulas read aloud: a label that opens the answer
    ("So the situation was"), a callback ("as I mentioned"), or two formulas. One "my task
    was" or "long story short" in an answer otherwise told freely is speech, not a script."""
    hits = sorted(r.find(_SCRIPT) + r.find(_FILLER), key=lambda h: h.start)
    opening = r.sentences[0].end if r.sentences else 0
    if len(hits) >= 2 or r.find(lx.CALLBACK) or any(h.start < opening for h in hits):
        return hits
    return None


_SCRIPT = phrases(
    lx.CALLBACK,
    r"(?:so,? )?the situation (?:was|is)",
    r"(?:my|the) task (?:was|here was)",
    r"the actions? (?:I took|I took was|taken)",
    r"(?:the|my) results? (?:was|were)(?= that)",
    r"(?:the )?results? (?:was|were) (?:that|as follows)",
    r"like I (?:said|mentioned)(?: earlier| before)?",
    r"as (?:previously|already) (?:mentioned|stated)",
    r"moving on to",
    r"in terms of (?:the )?(?:situation|task|action|result)s?",
    r"(?:the )?(?:key )?learnings? (?:was|were|here)",
    r"(?:the|my) (?:key )?takeaway (?:was|is|here)",
    r"for the (?:situation|task|action|result) (?:part|piece)",
    r"(?:and )?that brings me to",
)
_FILLER = phrases(
    r"at the end of the day",
    r"long story short",
    r"to make a long story short",
    r"fast[- ]forward",
    r"to sum (?:it )?up",
    r"to wrap (?:it |things )?up(?= *[,:—])",  # "to wrap up, ..." (not "fixing to wrap up a job")
    r"in (?:summary|conclusion)",
)


# -- specificity -----------------------------------------------------------------


def no_numbers(r: Reading) -> Evidence:
    """A story of something that happened, with fewer than two quantities. Talk in general
    ("I care too much, I stay late") tells nothing to count: vague says what it lacks."""
    if not r.story or len(r.quantities) >= limit("no_numbers", "numbers"):
        return None
    if r.past_share < PAST_SHARE_TOLD:
        return None
    # a trait told as habits ("I stay late, my managers always say...") has nothing to count
    if r.question.pattern in TRAIT_PATTERNS and not _told_episode(r):
        return None
    return _sentences_of(r, "result")[:2] or _whole(r)


PAST_SHARE_TOLD = 0.34  # sentences with a past verb: below this share, talk in general


def vague(r: Reading) -> Evidence:
    """Vague wording ("various stakeholders", "some issues", "stuff like that") in a story
    with few anchors (a when, who or how many), or a story with none at all. Missing numbers
    alone are not vagueness (no_numbers says that). An answer that tells no episode is vague
    when it names fewer than two anchors; a view or a motivation (no story asked), when it
    talks in vague words and names none at all."""
    hits = r.find(lx.GENERIC_TALK)
    hits = sorted({h.start: h for h in hits}.values(), key=lambda h: h.start)
    anchors = len(r.quantities) + len(r.names) + len(r.find(_ANCHOR))  # a when, who, how many
    if not r.story:
        return hits[:5] if hits and not anchors else None
    concrete = anchors + len({p.text.lower() for p in r.find(lx.PEOPLE)} - _FACELESS)
    if not _told_episode(r):  # talk in general: vague unless it names a when, who or how many
        bare = anchors == 0 or concrete < 2  # no when or how many, or one and no one else
        return (hits[:5] or _whole(r)) if anchors < 2 and (hits or bare) else None
    few = concrete < limit("vague", "few_anchors")
    thin = concrete == 0 and r.words >= limit("vague", "min_words")
    if (hits and few) or (len(hits) >= 3 and concrete < len(hits)) or thin:
        return hits[:5] or _sentences_of(r, "situation")[:2] or _whole(r)
    return None


def _told_episode(r: Reading) -> bool:
    """Does the answer tell one past episode (two or more past moves), not talk in general?"""
    return sum(1 for s in r.sentences if _PAST_MOVE.search(s.text)) >= 2


_FACELESS = frozenset(
    "team teams company org stakeholders stakeholder people staff leadership management".split()
)
_ANCHOR = phrases(
    lx.TIME_ANCHOR,
    r"(?:last|that|this) (?:year|spring|summer|fall|autumn|winter|quarter)",
    r"(?:at|for|on) (?:a|an|my|our|the) (?:[\w-]+ ){1,3}(?:company|startup|"
    r"firm|bank|"
    r"retailer|team|lab|agency|hospital|platform)",
)


def no_credit(r: Reading) -> Evidence:
    """Others did part of the work ("we rolled it back", "the team pitched in") and nobody
    is named or credited for it. People who only appear (a manager who gave feedback, the
    customers) are not owed credit. One shared act is enough only in a thin or "we"-told
    story."""
    if not r.story or r.people or r.role_credits:
        return None
    if r.question.family == "conflict" and r.find(lx.COUNTERPART):
        return None  # the "we" of a disagreement is the two who had it, owed no credit
    shared = list(_WE_DID.finditer(r.text)) + list(_TOGETHER.finditer(r.text))
    if not shared:
        return we_not_i(r)  # "we" did the work in words of its own, and nobody is named
    if len(shared) == 1 and not (vague(r) or we_not_i(r)):
        # one thing "we" did in a story told in "I"s ("we won the job", "we settled in the
        # middle") is an outcome shared, not the team's work left uncredited
        return None
    return [Span(m.start(), m.end(), m.group()) for m in shared[:4]]


_TOGETHER = re.compile(  # work shared; not "I put the data together", "together with the nurse"
    r"\b(?:(?:worked|working|sat down|did (?:it|this|that|the \w+)|pulled|came|got|figured "
    r"(?:it|this|that) out|fixed (?:it|this|that)|rebuilt (?:it|this|that)) together|together,? "
    r"(?:we|the team|they)|as a team|the (?:whole )?team (?:\w+ed|pitched in|stepped up|came "
    r"together)|(?:worked|working|built it|did it|fixed it) (?:closely )?with (?:my|the|our) "
    r"(?:team|crew|colleagues|staff))\b",
    re.IGNORECASE,
)


# -- honesty -------------------------------------------------------------------------


def humble_brag(r: Reading) -> Evidence:
    """A strength offered as the weakness ("I care too much", "maybe too caring"), or, asked
    for a failure or a weakness, praise or a win told with no real cost or admission."""
    if r.mission:
        return None  # why here, what they believe: no weakness or failure is on offer
    disguised = [h for h in r.find(_DISGUISED) if not lx.negated(r.text, h)]
    owned = _costs(r) and r.find(lx.ADMISSION) and not r.find(_PRAISE)
    if disguised and not owned:
        return disguised[:3]  # a virtue named with the harm it did, unpraised, is a weakness
    if r.question.pattern in NEGATIVE_ASKS or (r.question.family in ("failure", "self_awareness")):
        praise = r.find(_PRAISE) + r.find(lx.SELF_PRAISE)
        owned = r.find(_REAL_COST) or r.find(lx.ADMISSION)
        if len(praise) >= 2 and not owned:
            return sorted(praise, key=lambda h: h.start)[:3]
        # asked for a failure, the proudest work offered instead, nothing gone wrong in it
        proudest = r.find(_PROUDEST)
        if proudest and not owned and not r.find(_SETBACK):
            return proudest[:1]
        # a rescue told as the failure: one's own overtime and a happy ending, no other cost
        heroics = _own_heroics(r)
        if heroics and r.find(lx.HAPPY_END) and not r.find(lx.ADMISSION):
            costs = [c for c in r.find(_REAL_COST) if not any(c.overlaps(h) for h in heroics)]
            if not costs:
                return sorted(heroics + r.find(lx.HAPPY_END), key=lambda h: h.start)[:3]
    return None


_SUBJECT = re.compile(r"\b(?:I|we|the team|everyone|everybody|they|she|he)\b", re.IGNORECASE)


def _own_heroics(r: Reading) -> list[Span]:
    """One's own overtime and solo rescues ("I stayed late every night"), read once per
    answer: a badge, not a cost, for `humble_brag` and `no_cost` alike."""
    if "heroics" not in r.memo:
        r.memo["heroics"] = [h for h in r.find(lx.HEROICS) if _mine(r, h)]
    found: list[Span] = r.memo["heroics"]
    return found


def _mine(r: Reading, hit: Span) -> bool:
    """Is the candidate the one doing it: "I" the last subject before it in its sentence, or
    no subject at all (a note that drops the "I")?"""
    sentence = r.sentence_at(hit.start)
    subjects = _SUBJECT.findall(r.text[sentence.start : hit.start])
    return not subjects or subjects[-1] == "I"


_DISGUISED = phrases(
    r"care (?:a little |a bit |way )?too much",
    r"too much of a perfectionist",
    r"perfectionis[tm]",
    r"work (?:too hard|too much)",
    r"too (?:detail[- ]oriented|dedicated|passionate|invested|"
    r"committed|honest|generous|nice|driven|thorough|ambitious)",
    r"(?:hold|holding) myself to (?:too high|a really high|an? (?:very |extremely )?high|"
    r"impossibly high)",
    r"too high (?:a|of a) (?:standard|bar)",
    r"(?:my )?standards are too high",
    r"high standards",
    r"(?:take|took|taking) on too much",
    r"not (?:really )?(?:someone|somebody|a person|the type|the kind of person) who (?:fails|"
    r"makes mistakes|gets things wrong)",
    r"I(?:'m| am) (?:usually|always|normally|often) the (?:one|person) (?:people|everyone|they)"
    r" (?:come|turn|go) to",
    r"trust(?:ing|ed)? (?:my team|people|others) too much",
    r"I was (?:pretty much |basically |literally |really )?the only (?:\w+ ){0,2}(?:who|to)",
    r"I was the one who (?:dug|found|fixed|caught|saved|figured|spotted|noticed)",
    r"(?:an|as an) example of (?:good|great|best)",
    r"set a new (?:standard|bar)",
    r"best examples? of my",
    r"nobody else (?:saw|noticed|caught|would have)",
    r"(?:letting|let) go of (?:work|things) until (?:it's|they're) perfect",
    r"(?:it's|that's) a weakness (?:that|with)(?: has)? (?:its )?upsides?",
    r"famous (?:for|because)",
    r"the person who always",
    r"I just care",
    r"(?:weakness|flaw) is (?:that )?I(?:'m| am) (?:too|very|extremely|overly)",
    r"(?:weakness|flaw) is (?:probably |honestly )?(?:being|that I'm|that I am) (?:too|overly)",
    r"go (?:over the top|above and beyond) on",
    r"I (?:\w+ )?push (?:myself )?(?:even )?harder",
)
_PRAISE = phrases(
    r"(?:praised|thanked|commended|recognized|applauded|promoted|rewarded|congratulated) (?:me|"
    r"my|for)",
    r"(?:gave|got|received) (?:me )?(?:an award|a shout-?out|kudos|recognition|"
    r"praise|a bonus)",
    r"everyone (?:was|loved|appreciated)",
    r"(?:really|hugely) appreciated",
    r"(?:became|got) a reputation",
    r"(?:saved|rescued) the (?:day|project|launch|quarter)",
    r"flawless(?:ly)?",
    r"(?:went|worked) perfectly",
    r"the go-to person",
    r"leadership (?:loved|"
    r"praised|noticed)",
    r"my reviews are",
    r"people (?:joke|say|know) that",
    r"(?:best|smoothest|finest|strongest|cleanest|most \w+) (?:\w+ ){0,3}(?:he|she|they|anyone)"
    r" (?:had|'d|has|have) (?:ever )?(?:seen|had|received|run)",
    r"(?:adopted|taken up|rolled out) as (?:a|the) (?:template|standard|model)",
)
_PROUDEST = phrases(
    r"(?:one|thing|project|work|piece of work|achievement|launch|win)s? (?:that )?I(?:'m| am)"
    r" (?:most |really |especially |probably )?proud(?:est)? of",
    r"(?:what|the thing|the one) I(?:'m| am) proudest of",
    r"I(?:'m| am) (?:probably |really )?proudest of",
)
_REAL_COST = phrases(
    lx.COST,
    lx.OWNING,
    r"(?:we|I) lost",
    r"cost (?:us|me|them|the)",
    r"(?:my|our) fault",
    r"it was on me",
    r"damag",
    r"embarrass",
    r"missed (?:the|our)",
    r"(?:never|didn't) recover",
)


def neat_resolution(r: Reading) -> Evidence:
    if not r.story or not (_setback(r) or r.question.family == "ethics"):
        return None  # only a story of failure, conflict or a hard call can end too neatly
    tail_start = r.sentences[max(0, int(len(r.sentences) * 0.5)) - 0].start if r.sentences else 0
    tidy = [h for h in r.find(_TIDY) if h.start >= tail_start and not lx.reported(r.text, h)]
    if not tidy:
        return None
    if any(not lx.negated(r.text, loss) for loss in r.find(_LASTING_LOSS)):
        return None
    return tidy[:3]


_TIDY = phrases(
    lx.WORKED_OUT,
    r"turned out (?:for the best|great|fine|well|to be (?:a "
    r"blessing|the best|great)|okay|really well)",
    r"blessing in disguise",
    r"(?:happier|stronger|better) than (?:ever|before)",
    r"no (?:real )?harm done",
    r"everything was (?:fine|great|good|okay)",
    r"(?:we|I) still delivered on time",
    r"still (?:hit|made|met|delivered|shipped on)"
    r" (?:the |our )?(?:date|deadline|target|time)",
    r"(?:all|it was all) good",
    r"best thing that",
    r"(?:things|it) got (?:smoother|better) (?:after that|from there)",
    r"(?:things|it|everything) ran (?:a lot |much |so much )?smoother",
    r"came out (?:of (?:it|this|that) )?(?:stronger|better|closer)",
    r"(?:every(?:one|body)|people|they|she|he) (?:\w+ )?(?:respected|trusted) (?:me|us) more",
    r"(?:landed|ended up|are) in a (?:really |very )?good place",
    r"(?:every(?:one|body)|the team|we) (?:was|were) (?:a lot |much )?happier",
    r"without a hitch",
    r"(?:became|are|we're|were|ended up) (?:\w+ )?(?:good |great |close |best |firm )?friends",
    r"ended (?:up )?(?:on a high|well|"
    r"happily|great)",
    r"luckily",
    r"fortunately",
    r"happy ending",
    r"(?:came|bounced) back "
    r"stronger",
    r"in the right direction",
    r"in a way,? it (?:was|helped|pushed|worked)",
    r"silver lining",
    r"no lasting",
    r"in the end,? (?:it|everything|we|the \w+) (?:was|were) (?:\w+ )?(?:fine|great|good|okay|"
    r"ok|a success|worth it|for the best|happy|better)",
    r"in the end,? (?:it|everything|we|the \w+) (?:went|worked|turned|came) (?:out|well|fine|good|"
    r"great|right|through|together)",
    r"(?:we|they|the \w+) (?:were|was) (?:thrilled|delighted|happy)",
    r"(?:the )?(?:client|customer|team|stakeholders?) (?:ended up|was|were) "
    r"(?:happier|thrilled|delighted|happy)",
    r"(?:every(?:one|body)|all) (?:was|were) (?:happy|fine|pleased)",
    r"(?:it |all |it all |everything )came good",
    r"(?:all |it all |everything )?(?:got )?cleared up",
    r"problem solved",
    r"turned into (?:one of )?(?:our|the|my|their) (?:best|strongest)",
    r"everything (?:is|was) (?:fine|solved|sorted|resolved|okay|good)",
    r"(?:things|everything|it all|it) (?:went|got) back to normal",
    r"(?:all|everything|it all) went (?:well|smoothly|fine|great|perfectly)",
    r"(?:it all|everything) came together",
    r"(?:in )?a better place than ever",
    r"(?:even )?stronger after (?:this|that|it)",
    r"every(?:one|body) happy",
)
_LASTING_LOSS = phrases(
    r"(?:we|I|they) (?:still )?(?:lost|never got back|never recovered)",
    r"never (?:fully )?"
    r"(?:recovered|came back|got back|shipped|returned|trusted)",
    r"(?:permanently|for good)",
    r"(?:to this day|still) (?:don't|doesn't|hasn't|haven't|isn't|regret|think about|wonder|"
    r"feel|bothers)",
    r"what (?:stayed|was) lost",
    r"didn't (?:come back|recover|get back)",
    r"cost (?:us|me|them|the team|the company|him|her)",
    r"(?:churned|left the company|quit)",
    r"(?:was|were) (?:cancel+ed|killed|scrapped|shelved)",
    r"not everything (?:worked|recovered)",
    r"(?:some|two|three|several|a few) (?:of them|customers|clients|people) (?:left|churned)",
)


def no_cost(r: Reading) -> Evidence:
    """A story of failure, conflict or a hard call that names nothing lost or hurt: no cost,
    and nothing said to have gone wrong either. A success, a customer story or a trait is
    not asked for its cost."""
    if not r.story or r.question.pattern in TRAIT_PATTERNS:
        return None
    if r.question.family not in COSTLY_FAMILIES and not (r.question.family is None and _setback(r)):
        return None
    heroics = _own_heroics(r)
    costs = [c for c in _costs(r) if not any(c.overlaps(h) for h in heroics)]
    if costs or r.find(lx.HARM) and not r.find(lx.WIN):
        return None  # one's own late nights told as a badge are not what the story cost
    return _sentences_of(r, "result")[:2] or _whole(r)


COSTLY_FAMILIES = ("failure", "conflict", "ethics", "ambiguity")


def _costs(r: Reading) -> list[Span]:
    """Costs stated as things that happened, not as what something would have cost (read
    once per answer)."""
    if "costs" in r.memo:
        found: list[Span] = r.memo["costs"]
        return found
    out = []
    rises = [h for h in r.find(lx.RISING) if _bad_rise(r, h)]
    for hit in sorted(r.find(lx.COST) + r.find(lx.COST_MORE) + rises, key=lambda h: h.start):
        sentence = r.sentence_at(hit.start)
        if _IF_CLAUSE.match(sentence.text):
            continue
        if _glad_fall(r, hit, sentence.start):
            continue
        before = r.text[max(sentence.start, hit.start - 14) : hit.start]
        if not _CONDITIONAL.search(before) and not lx.negated(r.text, hit, sentence.start):
            out.append(hit)
    r.memo["costs"] = out
    return out


FALL_SUBJECT = 40  # characters before a fall or rise word that may name what fell or rose


def _unwanted_before(r: Reading, hit: Span, sentence_start: int) -> list[Span]:
    """The things nobody wants (`BAD_MEASURE`) named just before a fall or rise word, in its
    sentence: what fell or rose."""
    return find(lx.BAD_MEASURE, r.text[max(sentence_start, hit.start - FALL_SUBJECT) : hit.start])


def _bad_rise(r: Reading, hit: Span) -> bool:
    """'Waiting times got longer': a rise of something nobody wants is a cost. A bare "time"
    says nothing of what rose ("over time, trust grew")."""
    before = _unwanted_before(r, hit, r.sentence_at(hit.start).start)
    return any(lower(m.text) != "time" for m in before)


def _glad_fall(r: Reading, hit: Span, sentence_start: int) -> bool:
    """'Errors dropped by a third': a fall of something nobody wants is no cost."""
    if not lx.FALLING.fullmatch(lower(hit.text)):
        return False
    return bool(_unwanted_before(r, hit, sentence_start))


_IF_CLAUSE = re.compile(
    r"(?:if|in (?:that|those|such) (?:kind of )?(?:case|situation)s?)\b", re.IGNORECASE
)
_CONDITIONAL = re.compile(r"\b(?:would|could|might|may|will)(?: \w+)?\s*$|\bI'd\s*$", re.IGNORECASE)


def no_alternatives(r: Reading) -> Evidence:
    """What was done, with no reason and no option weighed. A question about oneself (a
    weakness, feedback, a changed mind) asks for no decision, so for no alternatives."""
    if not r.story or r.question.pattern in TRAIT_PATTERNS or r.question.family == "self_awareness":
        return None
    # a reason or an option anywhere in the telling (notes drop the "I")
    if r.find(lx.ALTERNATIVE) or r.find(lx.REASON):
        return None
    # the moves told with no why; an answer that tells no move (what went wrong, whose fault
    # it was) is not asked why it was chosen
    return _sentences_of(r, "action")[:2] or None


def cliche_lesson(r: Reading) -> Evidence:
    """A platitude for a lesson, and nothing the candidate now does differently."""
    if r.within(lx.OPERATIONAL, *r.of("learning")) or lesson_told(r):
        return None  # a practice kept beside the platitude: the lesson is not only a slogan
    hits = r.find(lx.CLICHE)
    if r.question.family != "mission":  # a view of the field is no lesson that fell flat
        hits += [m for m in _maxims(r) if not find(lx.CLICHE, m.text)]
        hits += [m for m in _matters(r) if not any(h.start <= m.start < h.end for h in hits)]
    return sorted(hits, key=lambda h: h.start)[:3] or None


def _matters(r: Reading) -> list[Span]:
    """A closing sentence whose lesson is only that something matters ("I learned that
    listening is really important"): said of a thing in general, with no number or name."""
    closing = r.sentences[-2:]
    out = []
    for hit in r.find(lx.MATTERS):
        sentence = r.sentence_at(hit.start)
        before = r.lowered[sentence.start : hit.start].split()
        if (
            sentence in closing
            and before
            and before[-1].strip(",") not in _NOT_A_THING
            and not any(sentence.start <= q.start < sentence.end for q in r.quantities)
            and not any(sentence.start <= n.start < sentence.end for n in r.names)
        ):
            out.append(Span(sentence.start, sentence.end, sentence.text))
    return out


# "it is important to...", "what is key", "the customer is everything": said of a particular
_NOT_A_THING = frozenset(
    "it this that which what there he she they who one customer client i we you".split()
)


def _maxims(r: Reading) -> list[Span]:
    """Lessons stated as a short general maxim: no numbers, no names, no concrete practice."""
    out = []
    for s in r.sentences:
        for intro in r.within(_LESSON_INTRO, s):
            clause = r.text[intro.end : s.end]
            learned_to = r.text[intro.start : intro.end].lower().endswith(" to")
            if (
                len(clause.split()) <= 24
                and not any(intro.end <= q.start < s.end for q in r.quantities)
                and not any(s.start <= n.start < s.end for n in r.names)
                and not find(_CONCRETE_PRACTICE, clause)
                and not _PRACTICE_LEARNED.match(("to" if learned_to else "") + clause)
                and not carried_forward(r.text[intro.start : s.end])
                and not _INSIGHT.search(clause)
            ):
                out.append(Span(intro.start, s.end, r.text[intro.start : s.end]))
    return out


# "...that new hires leave because they feel alone, not because the work is hard": a finding
# set against what was believed, which no platitude does
_INSIGHT = re.compile(r"\bnot because\b|\bthan (?:I|we) (?:had )?(?:thought|expected|assumed)\b")
# "I learned to ask a new sponsor what success looks like": a practice, not a maxim
_PRACTICE_LEARNED = re.compile(r"\s*to (?!be |communicate|listen|trust|never|always)[a-z]+ ", re.I)
_LESSON_INTRO = phrases(
    r"(?:I(?:'ve| have)? (?:learned|learnt|realized|realised)|"
    + lx.SENTENCE_START
    + r"(?:learned|learnt)|(?:it |this |that )?(?:taught|"
    r"showed|reminded) me|the (?:key |big |main |real )?(?:lesson|takeaway|learning)(?: (?:I|for"
    r" me|here))?(?: (?:took away|learned|took))? (?:is|was)|"
    # a lesson claimed for the group, or the episode called one: "We learned we need to test
    # more.", "It was a good learning for the whole team.", "a powerful reminder that..."
    r"(?:we|the (?:whole )?team) (?:all )?(?:learned|learnt|realized|realised)|"
    r"(?:it|this|that) (?:was|is) (?:a|an) (?:\w+ )?(?:learning|reminder|lesson))(?: that| to)?",
)
_CONCRETE_PRACTICE = phrases(
    lx.NOW_PRACTICE,
    r"I (?:now|always|never) \w+",
    r"(?:every|each|before|after) (?:\w+ )?(?:week|time|"
    r"sprint|project|launch|review|release|design|meeting|incident|change)",
    r"(?:doc|document|"
    r"checklist|template|runbook|dashboard|alert|test|review|ticket|spreadsheet|calendar|"
    r"one-on-one|1:1|canary|rollback|postmortem|kickoff|written|in writing)s?",
    r"I (?:ask|write|run|check|put|send|book|schedule|block|keep|share|bring|treat|pair)",
)


# -- mission -------------------------------------------------------------------------


def generic_mission(r: Reading) -> Evidence:
    if not r.mission:
        return None
    hype = r.find(_HYPE)
    specifics = (
        (1 if r.find(_POSITION) else 0)
        + (1 if r.find(_TENSION) else 0)
        + (1 if _past_action(r) else 0)
    )
    if specifics:  # one named position, tension or past action is already not generic
        return None
    return hype[:4] or _whole(r)


_HYPE = phrases(
    r"passionate",
    r"(?:the )?most important (?:problem|issue|challenge|thing|work) of our "
    r"(?:time|generation)",
    r"love (?:the|your) mission",
    r"really love",
    r"(?:so |really |super )"
    r"excited",
    r"dream (?:job|company)",
    r"change the world",
    r"resonates?",
    r"inspir\w+",
    r"align(?:s|ed)? with my values",
    r"huge fan",
    r"greater good",
    r"make a difference",
    r"(?:amazing|incredible|incredibly|bold|perfect fit|meant to be)",
    r"benefits? (?:all of )?"
    r"humanity",
    r"bigger than myself",
    r"blown away",
    r"with great power",
    r"cutting edge",
    r"(?:mission|values)[- ]driven",
    r"keeps me up at night",
)
_POSITION = phrases(
    r"responsible scaling",
    r"\bRSP\b",
    r"ASL-?\d+",
    r"constitutional ai",
    r"interpretability",
    r"scalable oversight",
    r"core views",
    r"(?:capability|evaluation) thresholds?",
    r"evals?|evaluations? (?:before|of|for|by)",
    r"red[- ]team\w*",
    r"publication",
    r"dual[- ]use",
    r"frontier",
    r"compute scaling",
    r"(?:optimistic|pessimistic|intermediate) scenario",
    r"sabotage",
    r"CBRN",
    r"iterative deployment",
    r"open[- ]weights?",
    r"alignment (?:technique|research|tax)",
    r"reward hacking",
    r"deceptive",
    r"model (?:welfare|organisms?)",
    r"six[- ]month",
    r"timelines?",
    r"process[- ]oriented",
    r"debate",
    r"oversight",
)
_TENSION = phrases(
    r"disagree",
    r"push back",
    r"not (?:yet )?convinced",
    r"worr(?:y|ied)",
    r"concern(?:ed)?",
    r"(?:I'm |am )?(?:unsure|not sure)",
    r"I don't (?:yet )?know",
    r"question (?:whether|is)",
    r"skeptic\w*",
    r"torn",
    r"could be wrong",
    r"empirical bet",
    r"what breaks first",
    r"the other side",
    r"the risk (?:is|that)",
    r"uncomfortable",
    r"I'd want to find out",
    r"least sure",
    r"trade-?off",
    r"tensions?",
    r"reservations?",
    r"doubts?",
    r"misgivings?",
    r"hesitan\w+",
)


_SETBACK = phrases(
    lx.SETBACK,
    r"broke\w*",
    r"rolled? back",
    r"lost",
    r"slipp\w*",
    r"pushed back",
    r"upset",
    r"bug",
    r"problem",
    r"went badly",
    r"mess",
    r"setback",
    r"regret",
    r"argu\w*",
    r"cancel\w*",
)


def _setback(r: Reading) -> bool:
    """Is this a story of failure, mistake or conflict (by its question, or its words)? A
    question about a trait ("What are you still not good at?") asks for none by itself."""
    if r.question.family in ("failure", "conflict") or r.question.pattern in _SETBACK_PATTERNS:
        return True
    return bool(r.find(_SETBACK))


_SETBACK_PATTERNS = ("direct_negative", "counterfactual", "conflict_escalation")


def _tells_a_move(sentence: str) -> bool:
    """Does the sentence tell a past move of the candidate's ("I escalated", "I rewrote",
    "- Rebuilt the index")?"""
    return bool(_PAST_MOVE.search(sentence)) or caseless.found(_ANY_PAST_I, sentence)


def _moves(r: Reading) -> list[bool]:
    """Whether each sentence tells a past move of the candidate's (read once per answer)."""
    if "moves" not in r.memo:
        r.memo["moves"] = [_tells_a_move(s.text) for s in r.sentences]
    found: list[bool] = r.memo["moves"]
    return found


def _past_action(r: Reading) -> bool:
    """A concrete thing the candidate already did: a past move of theirs (told with "I", or
    as a note that drops it) in a sentence with a specific (a number, a name, a thing built);
    read once per answer."""
    if "past_action" not in r.memo:
        r.memo["past_action"] = any(
            move
            and (
                any(s.start <= q.start < s.end for q in r.quantities)
                or any(s.start <= n.start < s.end for n in r.names)
                or caseless.found(_MADE, s.text)
            )
            for s, move in zip(r.sentences, _moves(r), strict=True)
        )
    found: bool = r.memo["past_action"]
    return found


_ANY_PAST_I = re.compile(
    r"(?:\bI(?:'ve| have)? (?:\w+ly )?|^(?:[-*•]\s*)?|: )(?:\w{3,}(?<!e)ed|seen|"
    + "|".join(sorted(lx.IRREGULAR_PAST))
    + r")\b",
    re.IGNORECASE,
)
_MADE = re.compile(
    r"\b(?:built|rebuilt|wrote|ran|led|shipped|maintained|published|found|caught|supervised|"
    r"managed|designed|launched|started|founded|stopped|migrated|redesigned|reduced|cut)\b",
    re.IGNORECASE,
)


def non_answer(r: Reading) -> Evidence:
    if gate(r) is None:
        return None
    return [Span(0, len(r.text), r.text)]


def gate(r: Reading) -> Gate | None:
    """Why the answer is no answer to its question (read once per answer), or None."""
    if "gate" not in r.memo:
        r.memo["gate"] = not_an_answer(r.text, r.question.text)
    found: Gate | None = r.memo["gate"]
    return found


DETECTORS: dict[str, Detector] = {
    "non_answer": non_answer,
    "we_not_i": we_not_i,
    "no_numbers": no_numbers,
    "hypothetical": hypothetical,
    "no_learning": no_learning,
    "no_result": no_result,
    "too_long": too_long,
    "situation_too_long": situation_too_long,
    "humble_brag": humble_brag,
    "neat_resolution": neat_resolution,
    "no_cost": no_cost,
    "no_alternatives": no_alternatives,
    "no_credit": no_credit,
    "scripted": scripted,
    "generic_mission": generic_mission,
    "cliche_lesson": cliche_lesson,
    "blame": blame,
    "vague": vague,
}
