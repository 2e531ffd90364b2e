"""One lexicon: every phrase the coach listens for lives in exactly one named list, and
every flag in the taxonomy has exactly one registered detector."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

from storyladder import taxonomy
from storyladder.coach.flags import DETECTORS
from storyladder.coach.text import find, phrases

SRC = Path(__file__).parent.parent / "src" / "storyladder"


def _phrase_lists() -> dict[str, list[str]]:
    """Every literal phrase passed to `phrases(...)` in the source, by the list it is in."""
    where: dict[str, list[str]] = defaultdict(list)
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            call = getattr(node, "value", None)
            if not (isinstance(node, ast.Assign) and isinstance(call, ast.Call)):
                continue
            if getattr(call.func, "id", None) != "phrases":
                continue
            name = f"{path.stem}.{getattr(node.targets[0], 'id', '?')}"
            for arg in call.args:
                if isinstance(arg, ast.Constant):
                    where[arg.value.lower()].append(name)
    return where


def test_no_phrase_is_written_in_two_lists() -> None:
    copies = {p: names for p, names in _phrase_lists().items() if len(names) > 1}
    assert copies == {}, "include the lexicon's named list instead of copying its words"


def test_the_lexicon_is_where_the_lists_are() -> None:
    assert len(_phrase_lists()) > 800  # the scan above really sees the coach's word lists


def test_a_list_can_include_another_by_name() -> None:
    inner = phrases(r"since then", r"now I")
    outer = phrases(inner, r"these days")
    text = "Since then I check. These days I ask. Now I write."
    assert [s.text for s in find(outer, text)] == ["Since then", "These days", "Now I"]


def test_every_flag_in_the_taxonomy_has_one_detector() -> None:
    assert set(DETECTORS) == {f.id for f in taxonomy.load().flags}


def test_ladder_levels_name_only_real_flags() -> None:
    ids = {f.id for f in taxonomy.load().flags}
    for level in taxonomy.load().levels:
        assert set(level.flags) <= ids and (level.core_flag is None or level.core_flag in ids)
        assert level.missing.endswith("?") and level.deeper.endswith("?")


def test_a_phrase_that_ends_in_a_space_is_refused() -> None:
    """Every phrase must end a word, so "since (?!then)" could never match anything: eleven
    such phrases lay dead in the lists until this check was written."""
    import pytest

    with pytest.raises(ValueError, match="ends in a space"):
        phrases(r"since (?!then)")
    with pytest.raises(ValueError, match="ends in a space"):
        phrases(r"I (?:always|never) ")
    reason = phrases(r"since(?! then)")
    text = "Kept the rest going, since the firmware could be patched. Since then I ask."
    assert [s.text for s in find(reason, text)] == ["since"]


def test_a_phrase_that_ends_in_one_digit_or_a_dollar_is_refused() -> None:
    """'cost \\$' never matched '$4,200', nor 'missed \\d' '30': the word went on."""
    import pytest

    from storyladder.coach.lexicon import AMOUNT, COST, COST_MORE

    with pytest.raises(ValueError, match="AMOUNT"):
        phrases(r"cost (?:us|\$)")
    with pytest.raises(ValueError, match="AMOUNT"):
        phrases(r"missed \d")
    phrases(r"in (?:19|20)\d\d", r"cost " + AMOUNT)  # a full year, a full amount: fine
    said = "Air freight added approx. $310K. The fix cost $4,200. We missed 30 orders."
    found = [h.text for h in find(COST, said) + find(COST_MORE, said)]
    assert {"added approx. $310K", "cost $4,200", "missed 30"} <= set(found)
