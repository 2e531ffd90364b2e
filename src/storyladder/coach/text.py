"""Text with character offsets: sentences, words, and spans found by patterns.

A rule-based splitter (no model, no download) that keeps offsets into the
original answer and survives abbreviations ("e.g.", "Dr."), numbers ("3.5x",
"$2M", "Q3 2024", "v2.1"), quotes, dashes, ellipses and bullet lists.
"""

from __future__ import annotations

import re
import re._parser as _parser
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from storyladder.errors import InputError
from storyladder.model import Span

ABBREVIATIONS = frozenset(
    """e.g i.e etc vs approx mr mrs ms dr prof sr jr st inc ltd co corp dept est fig no nos
    vol jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun a.m p.m
    u.s u.k u.n ph.d b.s m.s m.a b.a cf al resp viz ca min max avg""".split()
)
_ENDS_BEFORE_CAPITAL = frozenset(  # a date or a time that may close a sentence
    """a.m p.m jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun etc
    min max avg est""".split()
)
_BULLET = re.compile(r"[ \t]*(?:[-*•·–]|\d{1,2}[.)])[ \t]+")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*|[$€£]?\d[\d,.]*[%kKmMbBxX]?")
_TERMINAL = re.compile(r"[.!?]+|…|[。！？]+")
_WIDE_TERMINALS = "。！？"  # Chinese and Japanese full stops: no space follows them
_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"


def _abbreviation_before(text: str, dot: int) -> bool:
    """Is the '.' at `dot` the end of an abbreviation or an initial, not of a sentence?"""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if not word or (start > 0 and text[start - 1].isdigit()):
        return False  # "$2M.", "July 1st.": a unit or an ordinal, not an initial or "St."
    if word in _ENDS_BEFORE_CAPITAL and re.match(r"\s+[A-Z]", text[dot + 1 : dot + 3]):
        return False  # "at 11 a.m. That was", "in Oct. Would redo", "I sat. Then"
    if word in ("no", "nos"):  # "No. 5" is an abbreviation, "I said no." ends a sentence
        return bool(re.match(r"\s*\d", text[dot + 1 : dot + 4]))
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1 and text[start].isupper():  # an initial: "J. Ortiz"
        return True
    return "." in word and len(word) <= 6 and all(len(p) <= 2 for p in word.split("."))


def _starts_sentence(text: str, pos: int, terminal: str) -> bool:
    """Does what follows the whitespace at `pos` look like the start of a sentence?

    Spoken transcripts and quick notes often start sentences in lowercase; after a full
    stop, a question or an exclamation mark that is not an abbreviation, that still
    counts. After an ellipsis, a lowercase word goes on with the same sentence."""
    if pos >= len(text):
        return True
    ch = text[pos]
    if ch in _OPENERS:
        return pos + 1 >= len(text) or not text[pos + 1].islower()
    if ch.islower():
        return terminal != "…" and not terminal.startswith("..")
    return ch.isupper() or ch.isdigit() or ch in "$€£#*-•"


def _line_spans(text: str) -> Iterable[tuple[int, int]]:
    """Blocks separated by blank lines, bullets or note lines: a sentence never crosses them."""
    pos = 0
    lines = text.split("\n")
    wrapped = _hard_wrapped(lines)
    block_start: int | None = None
    previous, in_bullet = "", False
    for line in lines:
        line_end = pos + len(line)
        is_bullet = _BULLET.match(line) is not None
        if not line.strip():
            if block_start is not None:
                yield block_start, pos - 1
                block_start = None
        elif is_heading(line):  # a heading line stands alone
            if block_start is not None:
                yield block_start, pos - 1
            yield pos, line_end
            block_start = None
        elif is_bullet:
            if block_start is not None:
                yield block_start, pos - 1
            marker = _BULLET.match(line)
            assert marker is not None
            block_start = pos + marker.end()
        elif block_start is None:
            block_start = pos
        elif _own_item(previous, line, in_bullet, wrapped):
            yield block_start, pos - 1
            block_start = pos
        if line.strip():
            in_bullet = is_bullet or (in_bullet and line[:1].isspace())
        previous = line
        pos = line_end + 1
    if block_start is not None:
        yield block_start, len(text)


NOTE_LINE = 40  # characters: a line this short, with another right under it, is a note


def _own_item(previous: str, line: str, in_bullet: bool, wrapped: bool = True) -> bool:
    """Does `line` start an item of its own, though no blank line or bullet marks it? Notes
    are written one per line; a hard-wrapped paragraph runs its lines long and even, and a
    wrapped bullet goes on indented or mid-sentence."""
    if line[:1].isspace():
        return False
    if len(previous.strip()) < NOTE_LINE or not wrapped:
        return True
    return in_bullet and not line.lstrip()[:1].islower()


WRAP_WIDTH = 50  # characters: lines wrapped by an editor run at least this long


def _hard_wrapped(lines: list[str]) -> bool:
    """Was the text wrapped at a width, rather than written one note per line? A wrapped
    line breaks only where the next word would not have fitted: every line that runs on
    into the next, with that next line's first word, is longer than the longest line."""
    running = [
        (len(line.rstrip()), len(after.split()[0]))
        for line, after in zip(lines, lines[1:], strict=False)
        if line.strip() and after.strip() and not _BULLET.match(after)
    ]
    if not running:
        return True
    widest = max(len(line.rstrip()) for line in lines)
    return widest >= WRAP_WIDTH and all(n + 1 + word > widest for n, word in running)


_HEADING = re.compile(
    r"#+\s*\S.*|\*\*[^*\n]{1,60}\*\*:?|[^\n.!?]{1,60}:|(?:situation|context|background|task|"
    r"action|actions|result|results|outcome|learning|lesson|lessons|takeaway|reflection)s?",
    re.IGNORECASE,
)


def is_heading(line: str) -> bool:
    """A heading above the answer's sentences ('## Situation', '**Context:**', 'Result:'),
    not a sentence of it: a short line marked as a heading, with nothing after the mark."""
    line = line.strip()
    return len(line.split()) <= 8 and _HEADING.fullmatch(line) is not None


def sentences(text: str) -> list[Span]:
    """The sentences of `text` with their character offsets (whitespace trimmed); headings
    on a line of their own are not sentences."""
    return list(_sentences(text))


@lru_cache(maxsize=1024)
def _sentences(text: str) -> tuple[Span, ...]:
    out: list[Span] = []
    for block_start, block_end in _line_spans(text):
        if is_heading(text[block_start:block_end]) and block_end < len(text.rstrip()):
            continue
        start = block_start
        for match in _TERMINAL.finditer(text, block_start, block_end):
            end = match.end()
            if match.group()[0] in _WIDE_TERMINALS:
                while end < block_end and text[end] in _CLOSERS + "」』":
                    end += 1
                _add(out, text, start, end)
                start = end
                while start < block_end and text[start].isspace():
                    start += 1
                continue
            if match.group() == "." and _abbreviation_before(text, match.start()):
                continue
            if match.group() == "." and end < block_end and text[end].isalnum():
                continue  # 3.5x, v2.1, example.com
            while end < block_end and text[end] in _CLOSERS:
                end += 1
            if end < block_end and not text[end].isspace():
                continue
            nxt = end
            while nxt < block_end and text[nxt].isspace():
                nxt += 1
            if nxt < block_end and not _starts_sentence(text, nxt, match.group()):
                continue
            _add(out, text, start, end)
            start = nxt
        _add(out, text, start, block_end)
    if len(_WORD.findall(text)) > RUN_ON_WORDS and len(_TERMINAL.findall(text)) <= 1:
        return tuple(piece for span in out for piece in _clauses(text, span))
    return tuple(out)


RUN_ON_WORDS = 40  # words past which an answer with no full stop is split into its clauses
# where a new clause starts in talk typed without full stops ("...at 4pm i pushed a config
# change then checkout went down"): a marker of time or consequence, or "I" with a past verb
# after a word that does not bind it to what came before
_CLAUSE = re.compile(
    r"\s+(?=(?:then|so|once|but|after that|afterwards|eventually|in the end|later|next day|"
    r"now|since then|looking back|lesson|learned|biggest lesson)\b)"
    r"|(?<!\band)(?<!\bthat)(?<!\bwhen)(?<!\bif)(?<!\bso)(?<!\bbut)(?<!\bthen)(?<!\bonce)"
    r"(?<!\bwhere)(?<!\bwhich)(?<!\buntil)(?<!\bafter)(?<!\bbefore)(?<!\bas)(?<!\bwhile)"
    r"(?<!\bwhat)(?<!\bhow)(?<!\bwhy)(?<!\bb/c)(?<!\bcos)(?<!\bbecause)(?<!\bsince)"
    r"\s+(?=i (?:\w+ed|was|had|did|got|went|made|took|told|wrote|ran|found|saw|built|kept|said|"
    r"sent|spent|chose|gave|brought|led|came|set|put|cut|let|knew|thought|felt|lost|left)\b)",
    re.IGNORECASE,
)
CLAUSE_LEAST = 5  # words: a clause shorter than this stays with the one before it


def _clauses(text: str, span: Span) -> list[Span]:
    """A run-on stretch of an answer typed with no full stop, split where clauses start."""
    if len(_WORD.findall(span.text)) <= RUN_ON_WORDS:
        return [span]
    cuts = [span.start]
    for m in _CLAUSE.finditer(text, span.start, span.end):
        if (
            len(_WORD.findall(text[cuts[-1] : m.start()])) >= CLAUSE_LEAST
            and len(_WORD.findall(text[m.end() : span.end])) >= CLAUSE_LEAST
        ):
            cuts.append(m.end())
    out: list[Span] = []
    for a, b in zip(cuts, [*cuts[1:], span.end], strict=True):
        _add(out, text, a, b)
    return out


def _add(out: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end, text[start:end]))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


MAX_ANSWER_WORDS = 20_000  # about two hours spoken: past this it is not an answer


def check_length(text: str) -> None:
    """Refuse, at once, text no spoken answer could be (the coach is linear in length, but a
    pasted book would still keep a page waiting for seconds)."""
    if len(text) > MAX_ANSWER_WORDS * 3 and len(text.split()) > MAX_ANSWER_WORDS:
        raise InputError(
            f"the answer is {len(text.split()):,} words; the coach reads up to "
            f"{MAX_ANSWER_WORDS:,} (about two hours spoken). Critique one answer at a time."
        )


def language_note(text: str) -> str | None:
    """A note when most of the letters are not English ones: the offline coach reads
    English, so its reading of a Chinese or Russian answer says little."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 20:
        return None
    latin = sum(1 for c in letters if c.isascii())
    if latin / len(letters) >= 0.5:
        return None
    return (
        "this answer is mostly not in English, and the offline coach reads English: its "
        "flags and scores will say little. Critique an English version, or configure a model "
        "that reads your language (storyladder config set model ...)."
    )


def word_count(text: str) -> int:
    return len(words(text))


_LOWERCASE: set[int] = set()  # patterns from `phrases`, which run on lowercased text


def lower(text: str) -> str:
    """Lowercase without moving any character offset."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def target(pattern: re.Pattern[str], text: str, lowered: str | None = None) -> str:
    """The text a pattern should run on: lowercased for `phrases` patterns."""
    if id(pattern) not in _LOWERCASE:
        return text
    return lowered if lowered is not None else lower(text)


def find(
    pattern: re.Pattern[str], text: str, offset: int = 0, lowered: str | None = None
) -> list[Span]:
    """Every match of `pattern` in `text`, as spans (of the original text) shifted by `offset`.

    A `phrases` pattern on a long text tries only the words it could begin with (see
    `_first_words`); the result is the same as a scan of every position."""
    subject = target(pattern, text, lowered)
    starts = _first_words(pattern) if len(subject) >= DISPATCH_FROM else None
    if starts is None:
        matches = [m for m in pattern.finditer(subject) if m.end() > m.start()]
    else:
        matches, end = [], 0
        for start in _candidates(subject, starts):
            if start >= end and (m := pattern.match(subject, start)) and m.end() > start:
                matches.append(m)
                end = m.end()
    return [Span(m.start() + offset, m.end() + offset, text[m.start() : m.end()]) for m in matches]


DISPATCH_FROM = 300  # characters: below this a plain scan is as fast
_WORD_RUN = re.compile(r"\w+")
Starts = dict[str, tuple[str, ...]]  # first letter -> the word beginnings a match may have


@lru_cache(maxsize=32)
def _word_index(subject: str) -> dict[str, list[tuple[int, str]]]:
    """Where each run of word characters starts, by its first character (built once per
    text; every pattern of a critique uses it)."""
    index: dict[str, list[tuple[int, str]]] = {}
    for m in _WORD_RUN.finditer(subject):
        word = m.group()
        index.setdefault(word[0], []).append((m.start(), word))
    return index


def _candidates(subject: str, starts: Starts) -> list[int]:
    index = _word_index(subject)
    found = []
    for first, beginnings in starts.items():
        for position, word in index.get(first, ()):
            if word.startswith(beginnings):
                found.append(position)
    found.sort()
    return found


_FIRST_WORDS: dict[int, Starts | None] = {}


def _first_words(pattern: re.Pattern[str]) -> Starts | None:
    """The beginnings of the first word of any match of a `phrases` pattern, by first
    letter, or None when a match could begin otherwise (a digit class, `\\w+`, a symbol)
    and every position must be tried. A `phrases` match starts where a run of word
    characters starts (its leading look-behind says so), so only those are tried."""
    key = id(pattern)
    if key not in _FIRST_WORDS:
        _FIRST_WORDS[key] = None
        if key in _LOWERCASE and pattern.pattern.startswith(_LEAD):
            beginnings = _beginnings(list(_parser.parse(pattern.pattern)))
            if beginnings:
                by_first: dict[str, list[str]] = {}
                for b in sorted(beginnings):
                    by_first.setdefault(b[0], []).append(b)
                _FIRST_WORDS[key] = {k: tuple(v) for k, v in by_first.items()}
    return _FIRST_WORDS[key]


_LEAD = r"(?<![\w'’])"


def _beginnings(items: list[Any]) -> set[str] | None:
    """What a match of the parsed sequence `items` begins with: letters and digits up to the
    first other character, one set member per way; None when it may begin otherwise."""
    if not items:
        return None  # the rest may match nothing: what follows is unknown here
    op, arg = items[0]
    rest = items[1:]
    name = str(op)
    if name in ("ASSERT", "ASSERT_NOT", "AT"):
        return _beginnings(rest)  # takes no characters
    if name == "LITERAL":
        run = ""
        for op2, arg2 in items:
            ch = chr(arg2) if str(op2) == "LITERAL" else ""
            if not ch or not (ch.isascii() and ch.isalnum()):
                break
            run += ch
        return {run} if run else None
    if name == "IN":
        chars = [chr(a) for o, a in arg if str(o) == "LITERAL"]
        if len(chars) != len(arg) or not all(c.isascii() and c.isalnum() for c in chars):
            return None
        return set(chars)
    if name == "BRANCH":
        out: set[str] = set()
        for branch in arg[1]:
            found = _beginnings(list(branch) + rest)
            if found is None:
                return None
            out |= found
        return out
    if name == "SUBPATTERN":
        return _beginnings(list(arg[-1]) + rest)
    if name in ("MAX_REPEAT", "MIN_REPEAT"):
        low, _, body = arg
        once = _beginnings(list(body) + rest)
        if once is None or low > 0:
            return once
        skipped = _beginnings(rest)
        return None if skipped is None else once | skipped
    return None


_ENDS_IN_SPACE = re.compile(r" (?:\(\?![^()]*\))?$")
# "cost \$" or "missed \d" before "$4,200" or "30": the word goes on, so it cannot end there
_ENDS_IN_ONE_DIGIT = re.compile(r"(?:(?<!\\d)\\d|\\\$)\)?$")


def phrases(*items: str | re.Pattern[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of the given phrases as whole words.

    A phrase may itself use regex syntax (alternations, optional words), or be another
    `phrases` pattern, so that a list can include a named list of the lexicon instead
    of repeating its words. The pattern is compiled in lowercase and run on lowercased
    text: three times faster than re.IGNORECASE, which matters on the critique's hot path.
    """
    for item in items:
        if isinstance(item, str) and _ENDS_IN_SPACE.search(item):
            # the phrase must end a word, so a space before the end could never match
            raise ValueError(f"the phrase {item!r} ends in a space, so it can never match")
        if isinstance(item, str) and _ENDS_IN_ONE_DIGIT.search(item):
            # "$4,200" goes on after the "$" or the first digit, so the word cannot end there
            raise ValueError(f"the phrase {item!r} ends in one digit or '$': end it in AMOUNT")
    body = "|".join(f"(?:{item if isinstance(item, str) else item.pattern})" for item in items)
    return folded(rf"(?<![\w'’])(?:{body})(?![\w’])")


def folded(regex: str) -> re.Pattern[str]:
    """Compile a case-insensitive pattern to run on lowercased text (see `target`)."""
    pattern = re.compile(re.sub(r"(?<!\\)[A-Z]", lambda m: m.group().lower(), regex))
    _LOWERCASE.add(id(pattern))
    return pattern
