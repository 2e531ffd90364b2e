"""One reading of an answer: its sentences and components, and the facts the flags share.

Everything here is computed once per answer so that each flag detector is a
short function over the same facts.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from storyladder import taxonomy
from storyladder.coach import caseless, components
from storyladder.coach.lexicon import ordinary_word
from storyladder.coach.question import QuestionInfo
from storyladder.coach.text import (
    find,
    folded,
    lower,
    phrases,
    sentence_parts,
    sentences,
    word_count,
)
from storyladder.model import COMPONENTS, Sentence, Span

NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|hundreds|thousand|thousands|"
    r"million|millions|billion|dozen|a dozen|dozens|half|a third|a quarter|twice|double|"
    r"triple|doubled|tripled|halved"
)
COUNT_WORDS = (  # "three nurses", "a four-week delay": a count of anything ("one" is too common)
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|dozens?"
)
UNITS = (
    r"(?:percent|per ?cent|%|x|k|m|ms|seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|"
    r"months?|quarters?|years?|sprints?|releases?|people|engineers?|customers?|clients?|users?|"
    r"teams?|members?|reports?|hospitals?|sites?|stores?|warehouses?|servers?|services?|"
    r"tickets?|incidents?|bugs?|pages?|alerts?|dollars?|euros?|pounds?|points?|times|calls?|"
    r"meetings?|interviews?|sessions?|runs?|jobs?|models?|features?|tests?|files?|countries|"
    r"states|regions?|accounts?|firms?|partners?|vendors?|hires?|candidates?|stakeholders?|"
    r"versions?|steps?|options?|ways?|cases?|documents?|pull requests?|prs?|commits?|us|them)"
)
QUANTITY = folded(  # run on lowercased text (text.folded): three times faster
    r"(?:[$€£]\s?\d[\d,.]*\s?(?:k|m|bn|b|million|billion)?\b|\b\d[\d,.]*(?:\s?(?:%|x\b|k\b|m\b|"
    r"ms\b|s\b|h\b)|(?:st|nd|rd|th)\b)?|\bQ[1-4]\b|\b(?:"
    + NUMBER_WORDS
    + r")(?:[- ]\w+)?\s"
    + UNITS
    + r"\b|\b(?:"
    + COUNT_WORDS
    + r")[- ][a-z]+|\b(?:twice|doubled|tripled|halved|half)\b)"
)
PAST_VERB = re.compile(
    r"\b(?:was|were|had|did|went|got|made|took|told|wrote|ran|found|saw|built|began|felt|knew|"
    r"thought|left|lost|kept|said|sent|spent|chose|gave|brought|led|came|caught|held|set|put|"
    r"\w{3,}ed)\b",
    re.IGNORECASE,
)
# Adverbs, nationalities and languages are capitalized but are not people; "in Austin" is a place.
_NOT_A_PERSON = re.compile(
    r"(?:ly|-Fi)$|^(?:English|Spanish|Portuguese|French|German|Chinese|Japanese|Korean|Indian|"
    r"Brazilian|Canadian|American|British|Italian|Russian|Arabic|Hindi|Mexican|European|African|"
    r"Asian|Australian|Vietnamese|Polish|Dutch|Turkish|Swedish|Nigerian|Kenyan|Filipino|Thai|"
    r"Ukrainian|Irish|Scottish|Greek|Hebrew|Persian|Urdu|Bengali|Tamil|Latin|Nordic)$"
)
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|across|around|outside|inside)\s+$")
_CAP = "A-Z\u00c0-\u00dd\u0100-\u017e"  # with Latin Extended-A: "Łukasz", "Šárka"
_LOW = "a-z\u00df-\u00ff\u0100-\u017f"
# "Priya", "Jean-Luc", "O'Brien", "McKenzie", "DeShawn"
NAME_WORD = (
    rf"(?:O['’])?[{_CAP}](?:[{_LOW}]{{1,2}}[{_CAP}][{_LOW}]+|[{_LOW}]+)(?:-[{_CAP}]?[{_LOW}]+)?"
)
NAME = re.compile(rf"(?<=[\s(\"“])({NAME_WORD})\b(?!['’]s? [A-Z])")
NOT_NAMES = frozenset(
    """I I'm I've I'd I’m I’ve I’d Im Ive Id Ill Dont Didnt Thats Theres Dr Mr Mrs Ms Prof
    The A An And But So Then When After Before During Because If Or That This
    Those These It Its We Our My He She They Their His Her Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday January February March April May June July August September October
    November December Q1 Q2 Q3 Q4 AI ML SQL API AWS GCP Slack Jira Python Java Kubernetes
    Google Amazon Meta Anthropic OpenAI Palantir Microsoft Apple Netflix Stripe Salesforce
    Excel Zoom Black Friday Christmas Series North South East West English Spanish Tagalog
    Swahili Yoruba Asia Europe America US UK EU Android Postgres Kafka Spark Redis Snowflake
    One Two Three Four Five Six Seven Eight Nine Ten First Second Third Last Next Another
    Also Honestly Looking Now Today Eventually Luckily Unfortunately Still Once Over Within
    Most Some Every Each Both Neither Nobody Nothing Everyone Someone Looking Long What Why
    Everybody Somebody Anybody However Sorry Meanwhile Therefore Otherwise Overall God
    How Where Which Who Yes No Okay Yeah Well Like Even Instead Since While Until There Here
    Leadership Principles Principle Policy Project Product Finance Growth Legal Sales Support
    Marketing Engineering Research Security Compliance Operations Design Data Platform Team
    Store App Live Action Think Big Customer Obsession Ownership Frugality Trust Dive Deep
    Deliver Results Bias Earn Insist Learn Curious Hire Develop Invent Simplify Are Right Have
    Backbone Disagree Commit Strive Success Scale Responsible Scaling Core Views Constitutional
    Bluetooth Excel Word Teams Notion Figma GitHub Datadog Grafana PagerDuty Sentry Confluence
    Director Manager Engineer VP CEO CTO CFO Staff Senior Principal Head Chief Vice Mom Dad
    In At On For From By To With About After During Over Under Into Of As Last Next First""".split()
)
ROLE_CREDIT = phrases(
    r"(?:my|our|the|a|one|their|his|her) (?:[\w-]+ ){0,2}(?:manager|lead|colleague|teammate|"
    r"peer|engineer|designer|pm|product manager|director|vp|mentor|intern|analyst|junior|"
    r"senior|report|counterpart|partner|statistician|researcher|scientist|sre|on-call|lawyer|"
    r"nurse|doctor|customer|client|cto|ceo|cfo|founder|architect|contractor|qa|tester|"
    r"auditor|reviewer|mentee|new hire|friend|boss|technician|operator|dispatcher|pharmacist|"
    r"foreman|planner|coordinator|officer|clerk|accountant|controller|chef|cook|driver|"
    r"supervisor|specialist|admin|rep|agent|editor|producer|paralegal|therapist|midwife|"
    r"paramedic|teacher|assistant|fitter|electrician|mechanic|inspector|buyer|steward|"
    r"porter|registrar|consultant|developer|programmer|dba|administrator)(?: \w+)?,? "
    r"(?:who )?(?:suggested|pointed|noticed|caught|found|built|proposed|spotted|figured|came up|"
    r"was right|had been right|saw|wrote|flagged|helped|fixed|taught|showed|did|ran|designed|"
    r"explained|challenged|questioned|pushed|asked|rewrote|covered|stayed|drove|called|"
    r"checked|took|picked up|stepped in|worked|pulled|sorted|handled|spent|rebuilt|traced|"
    r"tested|reviewed|re-ran|reran|walked|talked|offered|agreed|volunteered|gave|made)",
    r"thanks to",
    r"credit (?:goes )?to",
    r"(?:his|her|their) idea",
    r"it was (?:his|her|their)",
    r"gave (?:him|her|them) (?:the )?credit",
    r"made sure (?:his|her|their) name",
)


@dataclass
class Reading:
    text: str
    question: QuestionInfo
    wpm: int = 0  # words per minute; 0: the configured rate (flags.yaml speaking_wpm)
    sentences: tuple[Sentence, ...] = field(init=False)

    def __post_init__(self) -> None:
        self.wpm = self.wpm or taxonomy.load().speaking_wpm
        self._found: dict[int, list[Span]] = {}
        self._by_sentence: dict[int, dict[int, list[Span]]] = {}
        self.lowered = lower(self.text)
        spans = sentences(self.text)
        tags = components.tag(
            [s.text for s in spans],
            mission=self.mission_question,
            parts=(sentence_parts(self.text), self.lowered),
        )
        self.sentences = tuple(
            Sentence(s.start, s.end, s.text, tag) for s, tag in zip(spans, tags, strict=True)
        )
        self._starts = [s.start for s in self.sentences] or [0]
        self.memo: dict[str, Any] = {}  # derived facts other modules compute once per reading

    def find(self, pattern: re.Pattern[str]) -> list[Span]:
        """Every match of `pattern` in the answer (each pattern runs once per reading)."""
        key = id(pattern)
        if key not in self._found:
            self._found[key] = find(pattern, self.text, lowered=self.lowered)
        return self._found[key]

    def sentence_at(self, position: int) -> Sentence:
        """The sentence a character offset falls in (the nearest one before it)."""
        index = max(bisect.bisect_right(self._starts, position) - 1, 0)
        return self.sentences[index] if self.sentences else Sentence(0, 0, "", "other")

    def within(self, pattern: re.Pattern[str], *parts: Sentence) -> list[Span]:
        """The matches of `pattern` that fall inside the given sentences (of this reading)."""
        key = id(pattern)
        if key not in self._by_sentence:  # hits grouped by sentence, once per pattern
            groups: dict[int, list[Span]] = {}
            for hit in self.find(pattern):
                groups.setdefault(self.sentence_at(hit.start).start, []).append(hit)
            self._by_sentence[key] = groups
        groups = self._by_sentence[key]
        if len(parts) == 1:
            return list(groups.get(parts[0].start, ()))
        wanted = {p.start for p in parts}
        return [h for start, hits in groups.items() if start in wanted for h in hits]

    # -- the question --------------------------------------------------------------

    @property
    def mission_question(self) -> bool:
        return self.question.family == "mission"

    @cached_property
    def mission(self) -> bool:
        """A motivation answer (asked as such, or, with no question, talked as such)."""
        if self.question.text:
            return self.mission_question
        hits = len(self.find(MISSION_TALK))
        return hits >= 2 and self.past_share < 0.35

    @cached_property
    def story(self) -> bool:
        """Does the answer tell (or should it tell) one past episode? Not a motivation
        answer, and not the answer to a 'how would you...' question, which asks for a plan."""
        if self.mission:
            return False
        q = self.question
        return not q.text or q.asks_past or q.pattern is not None

    # -- counts --------------------------------------------------------------------

    @cached_property
    def words(self) -> int:
        return word_count(self.text)

    @property
    def seconds(self) -> float:
        return round(self.words / self.wpm * 60, 1)

    def component_words(self, component: str) -> int:
        counts = zip(self.sentences, self._sentence_words, strict=True)
        return sum(n for s, n in counts if s.component == component)

    @cached_property
    def _sentence_words(self) -> list[int]:
        return [word_count(s.text) for s in self.sentences]

    def of(self, *names: str) -> list[Sentence]:
        return [s for s in self.sentences if s.component in names]

    @cached_property
    def shares(self) -> dict[str, dict[str, float]]:
        total = max(self.words, 1)
        out = {}
        for name in COMPONENTS:
            n = self.component_words(name)
            out[name] = {"share": round(n / total, 3), "seconds": round(n / self.wpm * 60, 1)}
        return out

    @cached_property
    def quantities(self) -> list[Span]:
        return [q for q in self.find(QUANTITY) if not self._list_marker(q)]

    def _list_marker(self, q: Span) -> bool:
        """'1.' opening a numbered line is a list marker, not a quantity ('down to 3.' is)."""
        line = self.text[self.text.rfind("\n", 0, q.start) + 1 : q.start]
        return not line.strip() and _is_ordinal_list(q.text)

    @cached_property
    def past_share(self) -> float:
        if not self.sentences:
            return 0.0
        past = sum(1 for s in self.sentences if caseless.found(PAST_VERB, s.text))
        return past / len(self.sentences)

    @cached_property
    def names(self) -> list[Span]:
        """Capitalized words used like a person's name (not at a sentence start, not a term)."""
        out = []
        for sentence in self.sentences:
            first = re.match(NAME_WORD, sentence.text)
            if first and first.group() not in NOT_NAMES and _name_at_start(sentence.text):
                out.append(Span(sentence.start, sentence.start + first.end(), first.group()))
            for m in NAME.finditer(sentence.text):
                word = m.group(1)
                if (
                    word in NOT_NAMES
                    or _NOT_A_PERSON.search(word)
                    or _PLACE_BEFORE.search(sentence.text[: m.start(1)])
                    or _after_terminal(sentence.text, m.start(1))
                    or _in_title_phrase(sentence.text, m.start(1), m.end(1))
                    and not _full_name(sentence.text, m.start(1), m.end(1))
                ):
                    continue
                start = sentence.start + m.start(1)
                out.append(Span(start, start + len(word), word))
        return out

    @cached_property
    def people(self) -> list[Span]:
        """The names that stand for a person: not a place or a business ("through Houston",
        "a restaurant called Cobalt", "my startup, Kitebird,"), and a sentence's first word
        only when the answer names it mid-sentence too, or a person's verb follows at once
        and it is no ordinary word ("Priya caught it", not "Units got filled")."""
        starts = {s.start for s in self.sentences}
        inside = {n.text for n in self.names if n.start not in starts}
        out = []
        for n in self.names:
            if n.start in starts:
                if n.text in inside or (
                    not ordinary_word(n.text) and NAME_THEN_VERB.match(self.text, n.start)
                ):
                    out.append(n)
            elif not _PLACE_OR_BUSINESS.search(self.text, max(0, n.start - 40), n.start):
                out.append(n)
        return out

    @cached_property
    def role_credits(self) -> list[Span]:
        return self.find(ROLE_CREDIT)


MISSION_TALK = phrases(
    r"mission",
    r"ai safety",
    r"humanity",
    r"the world",
    r"why (?:i want|i'm|here)",
    r"(?:anthropic|openai)",
    r"alignment",
)


def _is_ordinal_list(text: str) -> bool:
    return text.strip() in {"1.", "2.", "3.", "4.", "5."}


def _in_title_phrase(sentence: str, start: int, end: int) -> bool:
    """'Customer Obsession', 'App Store': a capital next to another capital is a term."""
    before = re.search(r"([A-Z][\w-]*) $", sentence[:start])
    after = re.match(r" [A-Z][a-z]", sentence[end:])
    titled = before is not None and before.group(1) not in HONORIFICS
    return titled or after is not None


def _full_name(sentence: str, start: int, end: int) -> bool:
    """'our sourcing director, Helena Marsh', 'Helena Marsh, who found...', 'Mr. Kojo
    Amankwah', 'I asked Ana María': two capitals that a role, a "who", a title or a verb said
    to a person marks as one person's first and last name."""
    before = sentence[:start]
    return bool(
        _WHO_AFTER.match(sentence[end:])
        or _VERB_AFTER.match(sentence[end:])
        or _ROLE_BEFORE.search(before)
        or _HONORIFIC_BEFORE.search(before)
        or _ASKED_BEFORE.search(before)
    )


HONORIFICS = ("Dr", "Mr", "Mrs", "Ms", "Prof", "Sr", "Jr")
_HONORIFIC_BEFORE = re.compile(rf"\b(?:{'|'.join(HONORIFICS)})\.? (?:[A-Z][a-z]+ )?$")
_ASKED_BEFORE = re.compile(
    r"\b(?:asked|told|thanked|called|emailed|messaged|pinged|paired with|met with|worked with) $"
)


_WHO_AFTER = re.compile(r"(?: [A-Z][a-z]+)?,? who\b")
_ROLE_BEFORE = re.compile(
    r"\b(?i:my|our|the|their|his|her) (?:[a-z-]+ ){0,2}(?:manager|director|lead|engineer|nurse|"
    r"doctor|boss|colleague|counterpart|head|chief|officer|analyst|designer|supervisor|mentor|"
    r"coordinator|partner|founder|teammate|crewmate|vp|ceo|cto|pm),? (?:[A-Z][a-z]+ )?$"
)


def _after_terminal(sentence: str, pos: int) -> bool:
    """A capital after ': ' or '; ' or a quote starts a clause, not necessarily a name."""
    before = sentence[:pos].rstrip()
    if _HONORIFIC_BEFORE.search(sentence[:pos]):
        return False  # "Dr. Okafor": the full stop closes a title, not a clause
    return not before or before[-1] in '.!?:;"“'


_PERSON_VERBS = (
    r"said|told|asked|pointed|noticed|suggested|built|wrote|found|caught|agreed|disagreed|"
    r"argued|pushed|proposed|took|was|had|did|didn't|came|helped|fixed|ran|spent|saw|thought|"
    r"felt|made|owned|led|showed|called|gave|set|got|started|rebuilt|designed|tagged|"
    r"automated|challenged|flagged|reviewed|explained|decided|covered|stepped|handled|stayed|"
    r"worked|joined|quit|checked|tested|traced|spotted|paired|offered|volunteered"
)
_ASIDE = r"(?: \([^()]{1,40}\))?"  # "Shreya (data eng) did most of it"
_NAME_START = re.compile(NAME_WORD + _ASIDE + rf" (?:[\w']+ ){{0,4}}(?:re-)?(?:{_PERSON_VERBS})\b")
# "Priya caught it": a first word that is a person beyond doubt, its verb right after it.
NAME_THEN_VERB = re.compile(NAME_WORD + rf" (?:\w+ly )?(?:{_PERSON_VERBS})\b")
# "Ximena, a senior engineer, went through...": an appositive marks a person, whatever the verb
_NAME_APPOSITIVE = re.compile(
    NAME_WORD + rf",[^,]{{3,60}}, (?:[\w']+ ){{0,3}}(?:re-)?(?:{_PERSON_VERBS}|went|knew|kept|"
    r"put|met|read|ran|sent|\w{3,}ed)\b"
)


# "a route between Valencia and Lyon", "a restaurant called Cobalt", "my startup, Kitebird,"
_PLACE_OR_BUSINESS = re.compile(
    r"\b(?:(?:called|named|between) (?:[A-Z]\w+ (?:and|&) )?|(?:through|via|(?:north|south|"
    r"east|west|outside) of) |(?:company|startup|firm|agency|shop|caf[eé]|restaurant|bakery|"
    r"retailer|chain|brand|business|charity|school|clinic|store|club|studio|hotel|pub|bar|"
    r"factory|plant|mill|co-?op|practice|supplier|vendor), )$"
)


# "Maria Lopez rebuilt it": a first and last name, then what the person did
_VERB_AFTER = re.compile(rf"(?: [A-Z][a-z]+)?,? (?:\w+ly )?(?:{_PERSON_VERBS})\b")


def _name_at_start(sentence: str) -> bool:
    """A capitalized first word is a name when a person-verb follows it."""
    return bool(_NAME_START.match(sentence) or _NAME_APPOSITIVE.match(sentence))
