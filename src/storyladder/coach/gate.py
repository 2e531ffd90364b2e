"""Is this an answer at all? Empty talk, gibberish, "I don't know", the question said back,
or words about something else entirely: a gate before any scoring.

    not_an_answer(answer, question=None, context=None, follow_up=False) -> Gate | None

`context` is text the answer may lean on (the story above a ladder answer), so a short
reply that picks up the story's own words is not taken for an off-topic one; a follow-up
answer that talks about the speaker ("I stretch the truth when I'm scared") is never
called off topic, since reflection needs no work words.

The rules come first. What they let through of a short whole answer is heard last by a
word model (content/answer_model.json, scripts/train_gate.py) that knows how stalls,
praise of the question and talk of something else sound, and speaks only when sure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import repeat

from storyladder.coach import lexicon, nb
from storyladder.coach.question import classify
from storyladder.coach.reading import QUANTITY
from storyladder.coach.text import (
    WORDS_KEPT,
    find,
    found_in,
    lower,
    sentence_parts,
    sentences,
    words,
)
from storyladder.model import Span

NEGATIVE_PATTERNS = ("direct_negative", "inverted_positive", "counterfactual")
GIBBERISH_SAMPLE = 60  # words looked at for gibberish: enough to tell, cheap on long answers
LONG_ANSWER = 120  # words: past this an answer is no "don't know" and no aside
EXCUSE_WORDS = 6  # content words an "I don't know" may come with and still answer nothing
OFF_TOPIC_WORDS = 8  # content words below which a follow-up is too terse to call off topic
STALL_WORDS = 60  # words: a stall ("I'm blanking, can we come back to it") runs no longer
OFF_TOPIC_ALONE = 3  # the same for a whole answer, which has no story above it to lean on
NO_WORK_WORDS = 60  # words: an answer this long with no word of a working life is elsewhere
ANSWER_MODEL = "answer_model.json"  # the word model of answers that answer nothing
NONE, ANSWER = "none", "answer"
NONE_ODDS = 0.0  # log odds past which the word model calls a short answer no answer
VOCABULARY_AUTHORS = 3  # a word is one answers use when this many tuning authors' answers do
ELSEWHERE_SHARE = 0.25  # of an answer's words outside that vocabulary: it talks of other things
ELSEWHERE_WORDS = 30  # content words an answer needs before its vocabulary says anything
ELSEWHERE_WORK = 3  # work words (lexicon.WORK) past which an answer is about work after all
ELSEWHERE_BARE = 1  # work words an answer in such words may have with no mark of life outside work
ELSEWHERE_SAMPLE = 300  # words read for it: an answer's vocabulary shows in its first minutes
GATE_SCORES = {"gibberish": 0, "dont_know": 5, "restated": 10, "off_topic": 15}
# a letter in a word of `text.words` (lowercased): its letters are a-z, its other characters
# digits, signs and marks, so this is any(c.isalpha() for c in word)
_LETTER = re.compile("[a-z]")
# the rows of keys, a space apart: a word (no space in it) is a run of keys when it is in here
_KEYBOARD = "qwertyuiop asdfghjkl zxcvbnm 1234567890"


@dataclass(frozen=True)
class Gate:
    kind: str  # gibberish | dont_know | restated | off_topic
    reason: str

    @property
    def score(self) -> int:
        return GATE_SCORES[self.kind]


def not_an_answer(
    answer: str, question: str | None = None, context: str | None = None, follow_up: bool = False
) -> Gate | None:
    """Why `answer` is not an answer to `question`, or None when it is one. A `follow_up` (a
    ladder answer) is not heard by the word model, which learned from whole answers."""
    # each word lowercased and trimmed, those with a letter, in C (`map`, `filter`)
    tokens = list(map(str.strip, map(str.lower, words(answer)), repeat("'’-")))
    alpha = list(filter(_LETTER.search, tokens))
    sample = alpha[:GIBBERISH_SAMPLE]
    if not alpha or sum(map(_wordlike, sample)) < 0.5 * len(sample):
        return Gate("gibberish", "these are not words of an answer")
    if _blanks(answer):
        return Gate("dont_know", "these are a template's blanks, still to be filled in")
    if len(alpha) > LONG_ANSWER and question is None:
        return None  # a long answer to no question in particular is an answer
    short = len(alpha) <= LONG_ANSWER
    dont_know = find(lexicon.DONT_KNOW, answer)
    content = _content(_without(answer, dont_know) if short else answer)
    # a follow-up on a told story may be one word ("Luis."); a first answer needs more, and
    # more again when it opens by saying there is no answer ("Not sure yet, a friend sent...")
    says_none = _says_none(dont_know)
    least = 1 if context else (EXCUSE_WORDS if says_none else 3)
    if not find(lexicon.FIND_OUT, answer) and (
        len(content) < least or (says_none and not context and _stalls(answer, len(alpha)))
    ):
        return Gate("dont_know", "no answer is given yet, only that there is none")
    asides = len(find(lexicon.ASIDE, answer)) + 2 * len(find(lexicon.PIVOT, answer))
    if short and (asides >= 2 or _mostly_questions(answer)):
        return Gate("off_topic", "the answer talks about the call or asks about the role instead")
    if question:
        asked = _content(question)
        said = set(content)
        if asked and len(said - asked) <= 2 and len(said & asked) >= max(1, len(said) // 2):
            return Gate("restated", "the answer says the question back")
        refuses = find(lexicon.REFUSAL, answer) and not find(lexicon.FIND_OUT, answer)
        if not context and refuses and not _told(answer, question):
            return Gate("dont_know", "the answer declines to give one")
        if not context and _about_the_question(answer, question, asked, short):
            return Gate("restated", "the answer talks about the question instead of answering it")
        if not context and _not_why_here(answer, question) and _work_words(answer, asked) <= 1:
            return Gate("off_topic", "nothing in the answer says why this place or this work")
        if not context and _resume(answer, question):
            return Gate("off_topic", "a résumé is recited where one story was asked for")
        background = asked | (_content(context) if context else set())
        least = OFF_TOPIC_WORDS if context else OFF_TOPIC_ALONE
        reflects = bool(context and _SELF.search(answer))
        work = _work_words(answer, asked)
        away = len(find(lexicon.OFF_WORK, answer))  # "Weekends I...", "with the dog"
        if not reflects and (
            (not work and len(alpha) >= NO_WORK_WORDS)
            or (away and len(alpha) >= NO_WORK_WORDS and len(find(lexicon.WORK, answer)) <= 1)
            or (away >= 2 and work <= away)
            or (not context and (away or work <= ELSEWHERE_BARE) and _elsewhere(alpha, work))
        ):
            # "My harshest critic would be my fantasy league...": the question's words echoed,
            # then a whole answer with nothing of work in it, or life outside work told
            return Gate("off_topic", "nothing in the answer is about the question or your work")
        # "They'd say I'm too positive" to "How would your reports describe your worst
        # habit?": a question about oneself answered with oneself, in none of its words
        about_me = classify(question).family == "self_awareness" and _DESCRIBES_SELF.search(answer)
        if len(said) >= least and not said & background and not reflects and not about_me:
            # a short first-person episode is about the candidate's life even when no word
            # of ours names its work ("I forgot to renew the SSL certificate...")
            episode = _told(answer, question) and not away and len(alpha) < NO_WORK_WORDS
            if (not work and not episode) or (
                work <= 2
                and classify(question).asks_past
                and not _told(answer, question)
                and not find(lexicon.HABITUAL, answer)
            ):
                return Gate("off_topic", "nothing in the answer is about the question or your work")
    if not (context or follow_up) and short and _sounds_like_none(answer):
        return Gate("off_topic", "nothing in it tells a moment of your work that answers this")
    return None


_EPISODE = re.compile(
    r"\b(?:I|we|she|he|they)(?: \w+ly)? (?:was|were|had|did|went|got|made|took|told|ran|found|"
    r"saw|built|lost|said|sent|spent|chose|gave|led|came|forgot|broke|wrote|sold|bought|"
    r"brought|thought|caught|taught|fell|felt|kept|left|meant|met|paid|put|quit|ran|sat|set|"
    r"shut|slept|spoke|stood|threw|knew|drove|drew|dug|fought|froze|grew|hid|hit|let|"
    r"overlooked|understood|woke|won|\w{3,}ed)\b",
    re.IGNORECASE,
)


_SELF = re.compile(r"\b(?:I|me|my|myself|we|our)\b", re.IGNORECASE)
_DESCRIBES_SELF = re.compile(
    r"\bI(?:'m| am)(?: \w+)? (?:too|a bit|kind of|a|an|always|very|not)\b|\bI (?:tend|can be)\b",
    re.IGNORECASE,
)


_NOTE = re.compile(r"(?:^|[.!?]\s+|\n\s*[-*•]?\s*)" + lexicon.NOTE_VERB)


def _work_words(answer: str, asked: set[str]) -> int:
    """How many words of a working life the answer says, leaving out the sentences about life
    outside it ("Outside of work I climb...") and an opening that only says the question
    back ("My manager would say..." to "What would your manager say?")."""
    parts = sentences(answer)
    lowered = lower(answer)
    off = found_in(lexicon.OFF_WORK, sentence_parts(answer), lowered)
    away = [p for p, elsewhere in zip(parts, off, strict=True) if elsewhere]
    if len(parts) >= 3 and len(_content(parts[0].text) & asked) >= 2:
        away.append(parts[0])
    return sum(
        1 for h in find(lexicon.WORK, answer) if not any(p.start <= h.start < p.end for p in away)
    )


def _about_the_question(answer: str, question: str, asked: set[str], short: bool) -> bool:
    """Remarks about the question (or sentences that only say it back), three of them or two
    with nothing that happened ("Why Anthropic is a very reasonable question, and arguably
    one every candidate is asked in some form"); or, in a short answer asked for a time it
    happened, one remark and then talk in general, with no moment told and none imagined
    ("That's a really interesting question... it's worth reflecting on what we even mean by
    that"). A long answer needs three remarks and nothing that happened."""
    untold = not _told(answer, question)
    if not short and not untold:
        return False  # a long answer that tells something happened is an answer
    echoes = sum(1 for p in sentences(answer) if (said := _content(p.text)) and said <= asked)
    remarks = len(find(lexicon.ABOUT_THE_QUESTION, answer)) + echoes
    if not short:
        return remarks >= 3
    if remarks >= 3 or (remarks >= 2 and untold):
        return True
    asks_past = classify(question).asks_past
    return remarks >= 1 and asks_past and untold and not _IMAGINED.search(answer)


_IMAGINED = re.compile(  # a move imagined rather than told ("I would first talk to...")
    r"\bI(?:'d| would| will|'ll| should| could| might)\b", re.IGNORECASE
)


def _resume(answer: str, question: str) -> bool:
    """A CV recited ("I graduated in 2011... certified... proficient in...") to a question
    that asks for a setback, with no setback, cost or conflict anywhere in it."""
    info = classify(question)
    if info.family not in SETBACK_FAMILIES and info.pattern not in NEGATIVE_PATTERNS:
        return False
    if len(find(lexicon.RESUME, answer)) < 2:
        return False
    return not (
        find(lexicon.SETBACK, answer)
        or find(lexicon.COST, answer)
        or find(lexicon.ADMISSION, answer)
    )


_WHY_HERE = re.compile(r"^\W*why\b", re.IGNORECASE)
_NAMED = re.compile(r"\b[A-Z][\w&'-]+")


def _not_why_here(answer: str, question: str) -> bool:
    """'Why Anthropic?' answered with a weekend on the boat: a "why here" question, and no
    word of the place (its name), the role, the team, the work or the mission."""
    if not _WHY_HERE.match(question) or classify(question).family != "mission":
        return False
    names = {m.lower() for m in _NAMED.findall(question)[1:]}  # the first is "Why"
    said = lower(answer)
    return not any(n in said for n in names) and not find(lexicon.TOWARD_HERE, answer)


SETBACK_FAMILIES = ("failure", "conflict", "self_awareness", "ethics")


def _elsewhere(alpha: list[str], work: int) -> bool:
    """Does a long answer (`alpha`: its words, lowercased) talk in words no answer to an
    interview question uses (a quarter of its words unknown to the answers of three tuning
    authors or more: slugs and courgettes, a rusted chassis) with next to nothing of work in
    it? Asked of an answer with a mark of life outside work in it, or with at most
    ELSEWHERE_BARE words of work in it (passata and a copper pot): a specialist telling work
    in terms of their own (assays, transitions) says more work words than that. Its first
    ELSEWHERE_SAMPLE words tell enough."""
    vocabulary = _answer_vocabulary()
    said = content_words(" ".join(alpha[:ELSEWHERE_SAMPLE]))
    if work > ELSEWHERE_WORK or not vocabulary or len(said) < ELSEWHERE_WORDS:
        return False
    foreign = sum(1 for w in said if w not in vocabulary)
    return foreign >= ELSEWHERE_SHARE * len(said)


@cache
def _answer_vocabulary() -> frozenset[str]:
    data = nb.packaged(ANSWER_MODEL)
    return frozenset(data.get("vocabulary", ())) if data else frozenset()


def _sounds_like_none(answer: str) -> bool:
    """Do the answer's words sound like the answers that answer nothing in our corpus
    (stalls, praise of the question, talk of the commute), more than like answers?"""
    model = _answer_model()
    return model is not None and model.log_odds(nb.words(answer), NONE) > NONE_ODDS


@cache
def _answer_model() -> nb.Model | None:
    data = nb.packaged(ANSWER_MODEL)
    return nb.Model(data) if data is not None else None


def _told(answer: str, question: str | None = None) -> bool:
    """Does the answer tell something that happened (a past event with an actor, or a note
    that opens with what was done)? A verb the question itself uses tells nothing: "I made
    the decision" to "a decision you made" is the question said back."""
    asked = {w.lower() for w in words(question)} if question else set()
    return any(
        m.group().split()[-1].lower() not in asked
        for pattern in (_EPISODE, _NOTE)
        for m in pattern.finditer(answer)
    )


def _stalls(answer: str, length: int) -> bool:
    """Words around an "I'm blanking" that tell nothing: short, with no count, and with no
    more than one past event in it (a real story told after a stall has several)."""
    if length > STALL_WORDS or QUANTITY.search(lower(answer)):
        return False
    return len(_EPISODE.findall(answer)) + len(_NOTE.findall(answer)) < 2


def _says_none(dont_know: list[Span]) -> bool:
    """Does the answer say there is no answer ("not sure", "I don't know", "can't think of"),
    from where it says `lexicon.DONT_KNOW`?"""
    return any(len(h.text.split()) >= 2 for h in dont_know)


_BLANK = re.compile(r"\[[^\]\n]{3,300}\]|\{[^}\n]{3,300}\}|<[^>\n]{3,300}>|_{4,}")


def _blanks(answer: str) -> bool:
    """A template handed back unfilled ("[Insert a specific reason here]", "<your example>"):
    most of its letters sit inside the blanks."""
    if not any(mark in answer for mark in "[{<_"):
        return False
    letters = sum(c.isalpha() for c in answer)
    inside = sum(c.isalpha() for m in _BLANK.finditer(answer) for c in m.group())
    return letters > 0 and inside * 2 >= letters


def _mostly_questions(answer: str) -> bool:
    parts = sentences(answer)
    asked = [p for p in parts if p.text.rstrip().endswith("?")]
    return len(parts) >= 2 and len(asked) * 2 > len(parts)


def _without(text: str, spans: list[Span]) -> str:
    """`text` lowercased, with each of `spans` (found in it) blanked out."""
    out = lower(text)
    for span in spans:
        out = out[: span.start] + " " * (span.end - span.start) + out[span.end :]
    return out


def _content(text: str) -> set[str]:
    """set(content_words(text)), each distinct word stemmed once."""
    stems = _STEMS
    out = set()
    # an ASCII text's words lowercased are the words of it lowercased (read once, `words`)
    said = {w.lower() for w in words(text)} if text.isascii() else set(words(text.lower()))
    for w in said:
        stem = stems.get(w)
        if stem is None:
            stem = _stem_of(w)
        if stem:
            out.add(stem)
    return out


def content_words(text: str) -> list[str]:
    """The stems of the words in `text` that say something (not "the", "I", "tell"), in order."""
    stems = _STEMS
    out = []
    for w in words(text.lower()):
        stem = stems.get(w)
        if stem is None:
            stem = _stem_of(w)
        if stem:
            out.append(stem)
    return out


def _stem_of(word: str) -> str:
    """The content stem of a word not yet remembered ("" for none), remembered."""
    stem = _stem(word) if word.isalpha() and word not in lexicon.UNTOLD_WORDS else ""
    if len(_STEMS) >= STEMS_KEPT:
        _STEMS.clear()
    _STEMS[word] = stem
    return stem


STEMS_KEPT = 50_000  # distinct words whose content stem is remembered ("" for none)
_STEMS: dict[str, str] = {}


def _stem(word: str) -> str:
    for suffix in ("ity", "ous", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=WORDS_KEPT)
def _wordlike(word: str) -> bool:
    if len(word) >= 3 and word in _KEYBOARD:
        return False  # a run of keys ("asdf", "jkl") even if a corpus once held it
    if word in _known():
        return True
    if re.search(r"(.)\1\1", word) or re.search(r"[^aeiouy\d]{5,}", word):
        return False
    return bool(re.search(r"[aeiouy]", word)) or word.isdigit()


@cache
def _known() -> frozenset[str]:
    """Words the coach has seen in real answers (the component model's vocabulary)."""
    model = nb.shipped()
    return frozenset(f for f in model.log_likelihood if f.isalpha()) if model else frozenset()
