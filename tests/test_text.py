"""Sentences with offsets that survive what real answers contain."""

from __future__ import annotations

import re

import pytest

from storyladder.coach.text import find, lower, phrases, sentences
from storyladder.model import Span


def _texts(text: str) -> list[str]:
    spans = sentences(text)
    assert all(text[s.start : s.end] == s.text for s in spans)  # offsets point at the text
    return [s.text for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Costs fell 3.5x, about $2M a year. In Q3 2024 we shipped.",
            ["Costs fell 3.5x, about $2M a year.", "In Q3 2024 we shipped."],
        ),
        (
            "I asked Dr. Okafor, e.g. about the U.S. rollout. She agreed.",
            ["I asked Dr. Okafor, e.g. about the U.S. rollout.", "She agreed."],
        ),
        ('She said "stop." Then I paused.', ['She said "stop."', "Then I paused."]),
        ("I waited... and waited. It came at 3 a.m. on Friday.", None),
        (
            "It broke — badly — at v2.1. Why? Nobody knew!",
            ["It broke — badly — at v2.1.", "Why?", "Nobody knew!"],
        ),
        (
            "What I did:\n- wrote the runbook\n- paged the owner\n\nThen it held.",
            ["wrote the runbook", "paged the owner", "Then it held."],  # a heading is no sentence
        ),
        (
            "## Situation\nThe ledger cutover was due Friday.\n**Result:**\nit slipped. and we paid.",
            ["The ledger cutover was due Friday.", "it slipped.", "and we paid."],
        ),
        (
            "It failed... and then it held. so we shipped.",
            ["It failed... and then it held.", "so we shipped."],  # spoken: lowercase starts
        ),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str] | None) -> None:
    got = _texts(text)
    if expected is None:
        assert got == ["I waited... and waited.", "It came at 3 a.m. on Friday."]
    else:
        assert got == expected


def test_empty_text_has_no_sentences() -> None:
    assert sentences("   \n\n ") == []


def _every_pattern() -> list[re.Pattern[str]]:
    import importlib
    import pkgutil

    import storyladder.coach as coach

    found: dict[int, re.Pattern[str]] = {}
    for info in pkgutil.iter_modules(coach.__path__):
        module = importlib.import_module(f"storyladder.coach.{info.name}")
        for value in vars(module).values():
            items = value if isinstance(value, list | tuple) else [value]
            if isinstance(value, dict):
                items = [  # cue tables: lists of (pattern, weight); caches hold other things
                    row[0]
                    for rows in value.values()
                    if isinstance(rows, list)
                    for row in rows
                    if isinstance(row, tuple) and row and isinstance(row[0], re.Pattern)
                ]
            for item in items:
                if isinstance(item, re.Pattern):
                    found[id(item)] = item
    return list(found.values())


CORPUS_SAMPLE = 240  # runs of four answers taken evenly across the corpus, every voice in it


def _stride(every: list[str]) -> int:
    """How far apart the sampled runs start: every 12th answer, and no more than
    CORPUS_SAMPLE runs however large the corpus grows (the suite's time stays bounded)."""
    return max(12, len(every) // CORPUS_SAMPLE)


@pytest.mark.slow  # every pattern on the corpus
def test_first_word_dispatch_finds_exactly_what_a_full_scan_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pathlib import Path

    from storyladder.coach import text as text_module
    from storyladder.coach.text import _first_words, target
    from storyladder.evaluation.corpus import answers

    monkeypatch.setattr(text_module, "SCAN_COST", 0)  # every dispatched pattern tries its words

    every = [a.text for a in answers(Path(__file__).parent / "corpus")]
    texts = [" ".join(every[i : i + 4]) for i in range(0, len(every), _stride(every))]  # long
    # and as typed on a phone (curly apostrophes) and in a hurry (none at all)
    texts += [t.replace("'", "\u2019") for t in texts[::4]]
    texts += [re.sub(r"(?<=[a-z])'(?=[a-z])", "", t) for t in texts[::4]]
    patterns = _every_pattern()
    dispatched = [p for p in patterns if _first_words(p) is not None]
    assert len(dispatched) >= 40  # the lexicon's phrase lists are tried word by word
    for pattern in dispatched:
        for text in texts:
            subject = target(pattern, text)
            full = [(m.start(), m.end()) for m in pattern.finditer(subject) if m.end() > m.start()]
            assert [(s.start, s.end) for s in find(pattern, text)] == full, pattern.pattern[:80]


def test_an_answer_typed_with_no_full_stop_is_read_clause_by_clause() -> None:
    """Chat typed with no full stop is one 'sentence' to a splitter that waits for one; the
    coach cuts it where a clause starts, so the set-up, the move and the lesson stay apart."""
    text = (
        "ok so last spring i was the only ops person at a 30 person shop and on a friday "
        "around 4pm i pushed a config change straight to prod b/c it was just a timeout "
        "then checkout went down for 47 min and we lost about 18k in orders "
        "since then i dont touch prod after noon on fridays"
    )
    parts = [s.text for s in sentences(text)]
    assert len(parts) >= 3
    assert parts[-1] == "since then i dont touch prod after noon on fridays"
    assert any(p.startswith("then checkout went down") for p in parts)
    spoken = (
        "um so I was the only tech on that call and the unit was iced up pretty bad and I "
        "decided it was the compressor without a leak check and the crew swapped it two days "
        "later for about twenty four hundred dollars"
    )
    assert [s.text for s in sentences(spoken)] == [
        "um so I was the only tech on that call",
        "and the unit was iced up pretty bad",
        "and I decided it was the compressor without a leak check",
        "and the crew swapped it two days later for about twenty four hundred dollars",
    ]
    punctuated = "I pushed the change on a Friday. Then checkout went down for 47 minutes."
    assert [s.text for s in sentences(punctuated)] == [
        "I pushed the change on a Friday.",
        "Then checkout went down for 47 minutes.",
    ]


def test_notes_of_any_length_are_one_item_a_line_and_wrapped_prose_runs_on() -> None:
    notes = (
        "I was the shift planner, peak week before Thanksgiving 2021\n"
        "my job -> build the pick waves so all trucks left by 5:30am\n"
        "changed wave size from 400 to 900 lines to cut changeover time"
    )
    assert len(sentences(notes)) == 3
    wrapped = (
        "In March the vendor changed the authentication scheme two weeks before our\n"
        "launch and never told anyone on our side, so every endpoint I had built for\n"
        "the booking flow started failing on the same afternoon."
    )
    assert len(sentences(wrapped)) == 1


@pytest.mark.parametrize(
    ("regex", "text"),
    [
        (r"\b(?:q[1-4]|\d+%)|[$€]\s?\d+", "Q3 grew 40% to $5 and €7, not aq3 or x40%; q4."),
        (r"(?<![\w'’])(?:'?cause|so we)\b", "'cause so we did, because 'cause. also we"),
        (r"(?<![\w'’])(?:\w+ly|the) (?:fix|fixes)", "quickly fix the fixes; badly fixes it"),
        (r"(?<![\w'’])(?:^(?:so|then) we|we (?:did|won))", "so we did; we won. then we"),
        (r"(?<![\w'’])(?:\w+'s|our) (?:trust|call)", "the team's trust, our call, it's trust"),
        (r"(?<![\w'’])(?:\w+-\w+ )?slip", "a two-week slip, slipped, a slip"),
        (r"ed\b", "we tried and failed, then shipped"),  # may begin inside a word: scanned
    ],
)
def test_dispatch_by_first_word_or_symbol_finds_what_a_scan_finds(
    regex: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A match begins at a word only where the pattern says so (a look-behind for no word
    character, or \\b); symbols are looked up where they are; anything else is scanned."""
    from storyladder.coach import text as text_module
    from storyladder.coach.text import _first_words, folded, target

    monkeypatch.setattr(text_module, "DISPATCH_FROM", 0)
    monkeypatch.setattr(text_module, "SCAN_COST", 0)
    pattern = folded(regex)
    if regex == r"ed\b":
        assert _first_words(pattern) is None
    else:
        assert _first_words(pattern) is not None
    subject = target(pattern, text)
    full = [(m.start(), m.end()) for m in pattern.finditer(subject) if m.end() > m.start()]
    assert [(s.start, s.end) for s in find(pattern, text)] == full
    assert full  # the example has matches to find


def test_a_pattern_dispatched_after_a_text_was_indexed_finds_what_a_scan_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A text's index gathers candidates for the patterns known when it was made; one
    first used later still finds all its matches (from the text's words)."""
    from storyladder.coach import text as text_module
    from storyladder.coach.text import folded, phrases, target

    monkeypatch.setattr(text_module, "DISPATCH_FROM", 0)
    monkeypatch.setattr(text_module, "SCAN_COST", 0)
    text = "We rolled it back at 2 a.m.; the rollback held, and so did the team. " * 3
    first = phrases(r"rolled (?:it )?back", r"the team")
    assert find(first, text)  # the text is indexed now
    later = folded(r"(?<![\w'’])(?:roll\w*|held|so did)\b")
    subject = target(later, text)
    full = [(m.start(), m.end()) for m in later.finditer(subject) if m.end() > m.start()]
    assert [(s.start, s.end) for s in find(later, text)] == full
    assert len(full) == 12  # rolled, rollback, held, so did: three times


@pytest.mark.parametrize(
    "subject", ["", "  ", "a", " don't stop—ever: é café_2 x", "ends with a word", "—lead"]
)
def test_the_word_index_knows_where_every_run_of_word_characters_starts(subject: str) -> None:
    from storyladder.coach.text import _index

    expected: dict[str, list[int]] = {}
    for m in re.finditer(r"\w+", subject):
        expected.setdefault(m.group(), []).append(m.start())
    assert _index(subject).by_word == expected


def _count_cases() -> list[tuple[str, list[Span]]]:
    """Answers and the parts a sentence-by-sentence count runs on, odd ones included: a
    part a run of word characters crosses the end of, and one whose own lowercasing is
    not the whole text's (a final sigma)."""
    text = "We lost the deal. ΟΔΟΣ'Α team's call was late-night; then I quit. " * 6
    cut = text.index("team") + 2  # "te|am's": a run crosses this part's end
    return [
        (text, sentences(text)),
        (text, [Span(0, cut, text[:cut]), Span(cut, len(text), text[cut:])]),
        (text, [Span(text.index("ΟΔΟΣ"), text.index("ΟΔΟΣ") + 4, "ΟΔΟΣ")]),
    ]


@pytest.mark.parametrize("case", range(3))
def test_counts_in_parts_are_each_parts_own_count(
    case: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`counts` gives len(findall) of each part on its own, from the whole text's index, and
    `found_in` whether `find` finds anything in it."""
    from storyladder.coach import text as text_module
    from storyladder.coach.text import counts, folded, found_in, lower, parts_of, phrases, target

    monkeypatch.setattr(text_module, "SCAN_COST", 0)
    text, spans = _count_cases()[case]
    parts = parts_of(text, spans)
    patterns = [
        phrases(r"we lost", r"^then i", r"\w+'s call", r"late-night", r"i quit"),
        phrases(r"\w+ (?:was|lost)", r"οδος"),
        folded(r"(?<![\w'’])(?:^|the )\w+"),
        re.compile(r"\bW[a-z]\b"),  # not lowercased: scanned
    ]
    for pattern in patterns:
        expected = [len(pattern.findall(target(pattern, p.text, p.lowered))) for p in parts]
        assert counts(pattern, parts, lower(text)) == expected, pattern.pattern
        found = [bool(find(pattern, p.text)) for p in parts]
        assert found_in(pattern, parts, lower(text)) == found, pattern.pattern
    assert [p.fits for p in parts][:2] == [[True, True], [False, True], [False]][case]


@pytest.mark.slow  # every pattern on the corpus
def test_counts_in_sentences_are_what_each_sentences_own_findall_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every pattern of the coach, counted in the sentences of long corpus answers at once
    (`text.counts`, as the tagger counts its cues), counts what findall finds in each; and
    `found_in` tells the sentences `find` finds something in."""
    from pathlib import Path

    from storyladder.coach import text as text_module
    from storyladder.coach.text import counts, found_in, lower, parts_of, target
    from storyladder.evaluation.corpus import answers

    monkeypatch.setattr(text_module, "SCAN_COST", 0)  # every dispatched pattern tries its words
    every = [a.text for a in answers(Path(__file__).parent / "corpus")]
    texts = [" ".join(every[i : i + 4]) for i in range(0, len(every), _stride(every))]
    texts += ["\n".join(every[i : i + 3]) for i in range(5, len(every), 40)]  # lines, notes
    patterns = _every_pattern()
    for text in texts:
        lowered = lower(text)
        parts = parts_of(text, sentences(text), lowered)
        for pattern in patterns:
            expected = [len(pattern.findall(target(pattern, p.text, p.lowered))) for p in parts]
            assert counts(pattern, parts, lowered) == expected, pattern.pattern[:80]
            found = [bool(find(pattern, p.text)) for p in parts]
            assert found_in(pattern, parts, lowered) == found, pattern.pattern[:80]


def test_apostrophes_typed_curly_or_not_at_all_read_as_plain_ones() -> None:
    straight = "I didn't check the config. I'm sure it was my fault, and I'd do it differently."
    for typed in (straight.replace("'", "\u2019"), straight.replace("'", "")):
        for pattern in (
            phrases(r"I didn't (?:check|test)"),
            phrases(r"I'm (?:not )?sure"),
            phrases(r"I(?:'d| would) do"),
        ):
            assert [s.text.replace("\u2019", "'") for s in find(pattern, typed)] != [], typed
    assert find(phrases(r"we're late"), "we were late") == []  # not every apostrophe may go
    assert lower("Didn\u2019t") == "didn't" and len(lower("Didn\u2019t")) == len("Didn\u2019t")


def test_talk_run_on_after_a_punctuated_opening_is_still_cut_at_its_clauses() -> None:
    spoken = (
        "so I was the office manager at an elementary school with about four hundred and "
        "fifty kids and one morning in February the power went out at six forty five and the "
        "district office was not answering yet and the principal was on a plane and buses "
        "were already on the road and so it kind of fell to me to decide if we took kids in "
        "and I decided to open the gym and call the bus company and text every parent and "
        "the power came back at ten forty but ninety kids got picked up early and the "
        "assistant superintendent said she would have closed"
    )
    alone = [s.text for s in sentences(spoken)]
    opened = [s.text for s in sentences("Sure. So, let me think about that. " + spoken)]
    assert len(alone) >= 5 and opened[2:] == alone
